package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/nats"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// The distributed deployment: `ingest --queue` publishes documents, any
// number of `worker` processes analyse and save them, one `assign` process
// places saved articles in stories and `rebuild` processes (or the
// assigner) rebuild story views; internal/engine does each part.

// openQueue connects to the queue at url; ordered subjects are delivered
// strictly in publish order.
func openQueue(ctx context.Context, url string, ordered ...string) (news.Queue, error) {
	if url == "" {
		return nil, errQueueRequired
	}
	if !nats.IsURL(url) {
		return nil, fmt.Errorf("queue %q: want a nats:// URL", url)
	}
	return nats.Open(ctx, nats.Options{URL: url, Ordered: ordered})
}

func queueFlag(fs *flag.FlagSet) *string {
	return fs.String("queue", os.Getenv("CROSSCHECK_QUEUE"),
		"NATS JetStream server, nats://HOST:PORT[?namespace=NAME] (default $CROSSCHECK_QUEUE)")
}

// publishDocuments is `ingest --queue`: read documents and publish each to
// the workers instead of analysing them here.
func publishDocuments(ctx context.Context, url string, src engine.Source, quiet bool) error {
	q, err := openQueue(ctx, url)
	if err != nil {
		return err
	}
	defer q.Close()
	var failed atomic.Int64
	read, err := engine.PublishAll(ctx, q, src, func(f ingest.Failure) {
		failed.Add(1)
		fmt.Fprintf(os.Stderr, "crosscheck ingest: %v\n", f)
	})
	if err != nil {
		return err
	}
	if !quiet {
		fmt.Fprintf(os.Stderr, "read %d, failed %d; %d published to %s\n", read, failed.Load(), read, engine.SubjectDocuments)
	}
	if failed.Load() > 0 {
		return errFailed
	}
	return nil
}

func runWorker(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), `usage: crosscheck worker --db postgres://... --queue nats://... [flags]

Consumes documents published by 'crosscheck ingest --queue' (and
'follow run --queue'), analyses each, saves it and announces new and updated
articles to 'crosscheck assign'. With --follow it also polls the store's
subscriptions (claiming each from PostgreSQL, so that no two workers poll
one at once) and publishes what it fetches to the workers.
Run as many workers as you like; stop with SIGINT or SIGTERM.

flags:`)
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	queue := queueFlag(fs)
	workers := fs.Int("workers", 1, "documents analysed at once in this process")
	follows := fs.Bool("follow", false, "poll the store's subscriptions too (docs/follow.md)")
	ff := addFetchFlags(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	fetcher, err := ff.fetcher()
	if err != nil {
		return err
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	q, err := openQueue(ctx, *queue)
	if err != nil {
		return err
	}
	defer q.Close()
	log := slog.Default()
	w, err := engine.NewWorker(store, q, log)
	if err != nil {
		return err
	}
	var polled chan struct{}
	if *follows {
		p, err := workerPoller(store, fetcher)
		if err != nil {
			return err
		}
		fctx, stop := context.WithCancel(ctx)
		polled = make(chan struct{})
		defer func() { stop(); <-polled }()
		go func() {
			defer close(polled)
			pollIntoQueue(fctx, p, q, log)
		}()
	}
	err = w.Run(ctx, *workers)
	n := w.Counts()
	fmt.Fprintf(os.Stderr, "worker: new %d, unchanged %d, updated %d, failed %d\n", n.New, n.Unchanged, n.Updated, n.Failed)
	return err
}

func runAssign(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("assign", flag.ContinueOnError)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), `usage: crosscheck assign --db postgres://... --queue nats://...

Takes the ids of saved articles from the workers, in order, and places each
in a story, marking the stories it touched dirty. Their views are rebuilt off
its path: by a rebuilder inside this process (one per core), or, with
--rebuild=false, by any number of 'crosscheck rebuild --shard K/N'
processes. Run exactly one assigner.

flags:`)
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	queue := queueFlag(fs)
	rebuild := fs.Bool("rebuild", true, "rebuild the dirty stories' views in this process too (false: 'crosscheck rebuild' processes do)")
	window := storyWindowFlag(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	ecfg, err := window.config()
	if err != nil {
		return badUsage(err)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	q, err := openQueue(ctx, *queue, engine.SubjectSaved)
	if err != nil {
		return err
	}
	defer q.Close()
	a, err := engine.NewAssigner(ctx, store, ecfg)
	if err != nil {
		return err
	}
	err = a.Run(ctx, q, *rebuild)
	assigned, rebuilt := a.Counts()
	fmt.Fprintf(os.Stderr, "assign: %d articles assigned, %d story views rebuilt\n", assigned, rebuilt)
	return err
}

// errQueueRequired is returned when a distributed command lacks --queue.
var errQueueRequired = errors.New("--queue is required")

// workerPoller is the poller of `worker --follow`: it claims subscriptions
// with a lease, so that any number of workers share them.
func workerPoller(store news.Store, fetcher *fetch.Fetcher) (*follow.Poller, error) {
	subs, err := subscriptionStore(store)
	if err != nil {
		return nil, err
	}
	return &follow.Poller{Web: &follow.Web{Fetch: fetcher, Reader: &ingest.Reader{}}, Store: subs, Lease: 30 * time.Minute}, nil
}

// pollIntoQueue polls until ctx ends, publishing what it fetches; a failed
// round is logged and tried again a minute later.
func pollIntoQueue(ctx context.Context, p *follow.Poller, q news.Queue, log *slog.Logger) {
	ingestFn := publishFollowed(q, func(f ingest.Failure) { log.Warn("follow", "err", f.Error()) }, func(int) {})
	report := func(res follow.RoundResult) { log.Info("follow round", "result", res.String()) }
	for {
		err := p.Run(ctx, ingestFn, report)
		if ctx.Err() != nil {
			return
		}
		log.Error("follow: subscriptions not polled; trying again in a minute", "err", err)
		t := time.NewTimer(time.Minute)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}
