package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/nats"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
)

// The distributed deployment: `ingest --queue` publishes documents, any
// number of `worker` processes analyse and save them, and one `assign`
// process groups saved articles into stories and rebuilds story views.
const (
	subjectDocuments = "crosscheck.documents" // JSON news.Document
	subjectSaved     = "crosscheck.saved"     // JSON savedMessage
)

// savedMessage tells the assigner that a worker stored an article.
type savedMessage struct {
	ID       string `json:"id"`
	Revision int    `json:"revision"`
	Result   string `json:"result"` // news.SaveResult: new, updated, unchanged
}

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
func publishDocuments(ctx context.Context, url string, src source, quiet bool) error {
	q, err := openQueue(ctx, url)
	if err != nil {
		return err
	}
	defer q.Close()
	var read, failed atomic.Int64
	err = src(ctx, func(d news.Document) error {
		data, err := json.Marshal(d)
		if err != nil {
			return fmt.Errorf("encode document: %w", err)
		}
		if err := q.Publish(ctx, subjectDocuments, data); err != nil {
			return err
		}
		read.Add(1)
		return nil
	}, func(f ingest.Failure) {
		failed.Add(1)
		fmt.Fprintf(os.Stderr, "crosscheck ingest: %v\n", f)
	})
	if err != nil {
		return err
	}
	if !quiet {
		fmt.Fprintf(os.Stderr, "read %d, failed %d; %d published to %s\n", read.Load(), failed.Load(), read.Load(), subjectDocuments)
	}
	if failed.Load() > 0 {
		return errFailed
	}
	return nil
}

// newWorkerEngine is the part of the engine a worker needs: the article
// pipeline over the store, without the story state that newEngine restores.
func newWorkerEngine(store news.Store) (*engine, error) {
	stages, err := articleStages()
	if err != nil {
		return nil, err
	}
	e := &engine{store: store, timings: &pipeline.Timings{}}
	e.pipe = pipeline.New(stages...).WithTimings(e.timings).WithBudget(articleBudget)
	return e, nil
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
	we, err := newWorkerEngine(store)
	if err != nil {
		return err
	}
	w := &worker{e: we, q: q, log: slog.Default()}
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
			pollIntoQueue(fctx, p, q, w.log)
		}()
	}
	err = consumeAll(ctx, max(*workers, 1), q, subjectDocuments, w.handle)
	fmt.Fprintf(os.Stderr, "worker: new %d, unchanged %d, updated %d, failed %d\n",
		w.counts[news.New].Load(), w.counts[news.Unchanged].Load(), w.counts[news.Updated].Load(), w.failed.Load())
	return err
}

// consumeAll runs n consumers of subject until ctx ends or one fails.
func consumeAll(ctx context.Context, n int, q news.Queue, subject string, handle func(context.Context, []byte) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for range n {
		wg.Go(func() {
			if err := q.Consume(ctx, subject, handle); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		})
	}
	wg.Wait()
	return first
}

// worker analyses and saves documents.
type worker struct {
	e      *engine
	q      news.Queue
	log    *slog.Logger
	counts [3]atomic.Int64 // by news.SaveResult
	failed atomic.Int64
}

// handle processes one document. Bad input is logged and acknowledged (it
// would fail again); store and queue errors are returned for redelivery.
// Unchanged articles are announced too, so an assigner that missed a save
// (a crash between save and publish) catches up on redelivery.
func (w *worker) handle(ctx context.Context, data []byte) error {
	var d news.Document
	if err := json.Unmarshal(data, &d); err != nil {
		w.failed.Add(1)
		w.log.Error("bad document message", "err", err)
		return nil
	}
	a := toArticle(d)
	if err := w.e.pipe.Process(ctx, a); err != nil {
		if ctx.Err() != nil {
			return err
		}
		w.failed.Add(1)
		w.log.Error("analyse document", "path", d.Path, "line", d.Line, "err", err)
		return nil
	}
	res, err := w.e.store.SaveArticle(ctx, a)
	if err != nil {
		return err
	}
	w.counts[res].Add(1)
	msg, _ := json.Marshal(savedMessage{ID: a.ID, Revision: a.Revision, Result: res.String()})
	return w.q.Publish(ctx, subjectSaved, msg)
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
	q, err := openQueue(ctx, *queue, subjectSaved)
	if err != nil {
		return err
	}
	defer q.Close()
	a, err := newStoryAssigner(ctx, store, ecfg)
	if err != nil {
		return err
	}
	go a.repairWhenIdle(ctx, repairIdle)
	rctx, stopRebuilder := context.WithCancel(ctx)
	var rebuilt sync.WaitGroup
	r := &rebuilder{store: store, builder: a.e.builder, workers: a.e.workers}
	if *rebuild {
		rebuilt.Go(func() { r.run(rctx, 200*time.Millisecond, slog.Default()) })
	}
	if bq, ok := q.(batchQueue); ok {
		err = bq.ConsumeBatch(ctx, subjectSaved, assignBatch, a.handleBatch)
	} else {
		err = q.Consume(ctx, subjectSaved, a.handle)
	}
	stopRebuilder()
	rebuilt.Wait()
	a.mu.Lock()
	fmt.Fprintf(os.Stderr, "assign: %d articles assigned, %d story views rebuilt\n", a.assigned, a.rebuilt+int(r.rebuilt.Load()))
	a.mu.Unlock()
	return err
}

// repairIdle is how long the assigner's queue must stay quiet before the
// stories placed since the last repair are repaired, as an embedded run
// repairs them at its end.
const repairIdle = 2 * time.Second

// storyAssigner is the single consumer of saved articles.
type storyAssigner struct {
	mu                sync.Mutex // handle and repair take turns
	e                 *engine
	seen              map[string]bool // articles with a story
	assigned, rebuilt int
	placed            bool      // articles placed since the last repair
	last              time.Time // when the last article was placed
}

// repairWhenIdle repairs the stories once the queue has been quiet for
// idle after articles were placed, until ctx ends.
func (s *storyAssigner) repairWhenIdle(ctx context.Context, idle time.Duration) {
	t := time.NewTicker(idle / 4)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.mu.Lock()
		if s.placed && time.Since(s.last) >= idle {
			if err := s.repair(ctx); err != nil && ctx.Err() == nil {
				slog.Error("repair stories", "err", err)
			} else {
				s.placed = false
			}
		}
		s.mu.Unlock()
	}
}

// repair runs the engine's repair and rebuilds the stories it touched.
func (s *storyAssigner) repair(ctx context.Context) error {
	n, err := s.e.repairAndRebuild(ctx, map[string]bool{})
	s.rebuilt += n
	return err
}

// newStoryAssigner restores the engine's story state from the store.
func newStoryAssigner(ctx context.Context, store news.Store, cfg engineConfig) (*storyAssigner, error) {
	e, err := newEngineWith(ctx, store, cfg) // restores the assigner from stored assignments
	if err != nil {
		return nil, err
	}
	pairs, err := store.Assignments(ctx)
	if err != nil {
		return nil, err
	}
	s := &storyAssigner{e: e, seen: make(map[string]bool, len(pairs))}
	for _, p := range pairs {
		s.seen[p[0]] = true
	}
	// Stories a killed assigner placed articles in are dirty still: the
	// rebuilders take them up with the rest.
	return s, nil
}

// batchQueue is a queue that hands over the messages waiting in batches
// (the NATS queue), acknowledging a batch once its handler returns nil.
type batchQueue interface {
	ConsumeBatch(ctx context.Context, subject string, max int, handle func(ctx context.Context, batch [][]byte) error) error
}

// assignBatch bounds the saved articles the assigner places at once: one
// read of the articles, one transaction, one acknowledgement per batch.
const assignBatch = 64

// handleBatch places a batch of saved articles, in order, as handle does one
// by one: the articles are read in one query and their memberships saved in
// one transaction (flushed before any story merge, which must follow the
// placements before it). It returns nil only after all is committed.
func (s *storyAssigner) handleBatch(ctx context.Context, batch [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var msgs []savedMessage
	var ids []string
	for _, data := range batch {
		var m savedMessage
		if err := json.Unmarshal(data, &m); err != nil {
			slog.Error("bad saved message", "err", err)
			continue
		}
		if m.Result != news.Updated.String() && s.seen[m.ID] {
			continue // already placed; a re-ingest or a redelivery
		}
		msgs = append(msgs, m)
		ids = append(ids, m.ID)
	}
	if len(msgs) == 0 {
		return nil
	}
	arts, err := s.e.store.ArticlesByID(ctx, ids)
	if err != nil {
		return err
	}
	byID := make(map[string]*news.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	var pairs [][2]string
	flush := func() error {
		err := s.e.store.SetStories(ctx, pairs)
		pairs = pairs[:0]
		return err
	}
	var placed []string
	for _, m := range msgs {
		a := byID[m.ID]
		if a == nil {
			slog.Error("saved article not in store", "article_id", m.ID)
			continue
		}
		if !a.PageType.IsArticle() && !s.seen[m.ID] {
			continue // stored, never placed in a story (as the embedded engine)
		}
		s.e.builder.Cache.Put(a) // the saved revision replaces any cached one
		id, merged, err := s.e.add(ctx, a)
		if err != nil {
			return err
		}
		pairs = append(pairs, [2]string{m.ID, id})
		if len(merged) > 0 {
			if err := flush(); err != nil {
				return err
			}
			for _, from := range merged {
				if err := s.e.moveStory(ctx, from, id); err != nil {
					return err
				}
			}
		}
		placed = append(placed, m.ID)
	}
	if err := flush(); err != nil {
		return err
	}
	if err := s.e.recordArchive(ctx); err != nil {
		return err
	}
	for _, id := range placed {
		s.seen[id] = true
	}
	s.assigned += len(placed)
	if len(placed) > 0 {
		s.placed, s.last = true, time.Now()
	}
	return nil
}

// handle assigns one saved article; it returns nil only after membership
// (and the dirty marks of the stories it touched) is committed, so the
// message is acknowledged after the store. Views are rebuilt off this path.
func (s *storyAssigner) handle(ctx context.Context, data []byte) error {
	return s.handleBatch(ctx, [][]byte{data})
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
