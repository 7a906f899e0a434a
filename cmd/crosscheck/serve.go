package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
	"github.com/crosscheck-news/crosscheck/internal/web"
)

const serveUsage = `usage: crosscheck serve [--addr ADDR] [--db PATH] [--token-file FILE] [--follow=false] [--loadtest N]

Serves the web UI and the JSON API (/api/v1, documented at /api/openapi.json)
over the store. POST /api/v1/articles, and adding, pausing and removing
subscriptions (/subscriptions, /api/v1/subscriptions), are enabled only with
an ingest token, read from --token-file or $CROSSCHECK_TOKEN; clients send it
as "Authorization: Bearer TOKEN".

Unless --follow=false, serve also polls a SQLite store's subscriptions as
'crosscheck follow run' does (docs/follow.md). Once a subscription is due,
serve is the store's writer: 'crosscheck ingest' and 'follow run' into the
same file are refused until serve stops, and while one of them runs serve
logs that it cannot poll and tries again every minute. A PostgreSQL store's
subscriptions are not polled by serve: there the assigner alone places
articles in stories (fetching in the workers is still to come).

With --loadtest N the server listens on a free
loopback port, sends N requests to story pages and N to the API story call,
prints p50/p95 and requests/s, and exits.

flags:
`

func runServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	db := fs.String("db", defaultDB(), "store: a SQLite file path or a postgres:// URL ($CROSSCHECK_DB sets the default)")
	tokenFile := fs.String("token-file", "", "file holding the ingest token (else $CROSSCHECK_TOKEN; none disables ingest)")
	loadN := fs.Int("loadtest", 0, "run a bounded load test of N requests per endpoint on loopback, then exit")
	follows := fs.Bool("follow", true, "poll the store's subscriptions (docs/follow.md)")
	ff := addFetchFlags(fs)
	window := storyWindowFlag(fs)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprint(fs.Output(), serveUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	ecfg, err := window.config()
	if err != nil {
		return badUsage(err)
	}
	token := os.Getenv("CROSSCHECK_TOKEN")
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("read token: %w", err)
		}
		token = strings.TrimSpace(string(b))
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer store.Close()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *loadN > 0 {
		return loadTest(ctx, store, *loadN)
	}
	fetcher, err := ff.fetcher()
	if err != nil {
		return err
	}
	fweb := &follow.Web{Fetch: fetcher, Reader: &ingest.Reader{}}
	wake := make(chan struct{}, 1)
	ing := newIngester(store, ecfg)
	cfg := web.Config{Store: store, Logger: log, Discoverer: waker{fweb, wake}, Changes: changesOf(store)}
	if token != "" {
		cfg.Ingester, cfg.IngestToken = ing, token
	}
	h, err := web.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	subs, polls := store.(news.SubscriptionStore)
	polls = polls && *follows
	if _, embedded := store.(interface{ LockWriter() error }); polls && !embedded {
		// PostgreSQL is the distributed mode's store, where the assigner
		// alone places articles in stories: an engine in serve would be a
		// second one.
		log.Warn("follow: serve does not poll the subscriptions of a PostgreSQL store (docs/follow.md)")
		polls = false
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", *db, "ingest", token != "", "follow", polls)
	// The poller stops with the server, and the server's answer is the
	// command's (serveFollow never fails: it logs and retries).
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	followed := make(chan struct{})
	go func() {
		defer close(followed)
		if polls {
			serveFollow(sctx, &follow.Poller{Web: fweb, Store: subs, Wake: wake}, ing, log)
		}
	}()
	err = web.Serve(sctx, web.NewServer(*addr, h), ln)
	stop()
	<-followed
	return err
}

// serveFollow polls subscriptions beside the server until ctx ends. A round
// that fails (the store; on SQLite, most often another process holding the
// writer lock) is logged and tried again a minute later: the server goes on.
func serveFollow(ctx context.Context, p *follow.Poller, ing *httpIngester, log *slog.Logger) {
	ingestFn := func(ctx context.Context, src follow.Source) error { return ing.ingestFollowed(ctx, src, log) }
	report := func(res follow.RoundResult) { log.Info("follow round", "result", res.String()) }
	for {
		err := p.Run(ctx, ingestFn, report)
		if ctx.Err() != nil {
			return
		}
		log.Error("follow: subscriptions not polled; trying again in a minute (or serve --follow=false)", "err", err)
		t := time.NewTimer(time.Minute)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// newServer builds the HTTP server over store: UI, API and, when token is
// set, ingest. The demo command reuses it.
func newServer(store news.Store, token, addr string, log *slog.Logger) (*http.Server, error) {
	cfg := web.Config{Store: store, Logger: log, Changes: changesOf(store)}
	if token != "" {
		cfg.Ingester, cfg.IngestToken = newIngester(store, engine.DefaultConfig()), token
	}
	h, err := web.New(cfg)
	if err != nil {
		return nil, err
	}
	return web.NewServer(addr, h), nil
}

// loadTest serves store on a free loopback port and measures the story page
// and the API story call over up to 100 of the largest stories.
func loadTest(ctx context.Context, store news.Store, n int) error {
	stories, err := store.Stories(ctx, news.ListOptions{Limit: 100, Sort: "size"})
	if err != nil {
		return fmt.Errorf("list stories: %w", err)
	}
	if len(stories) == 0 {
		return errors.New("load test: the store has no stories")
	}
	srv, err := newServer(store, "", "127.0.0.1:0", slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	go web.Serve(sctx, srv, ln)
	base := "http://" + ln.Addr().String()
	var pages, apis []string
	for _, s := range stories {
		pages = append(pages, base+"/stories/"+s.ID)
		apis = append(apis, base+"/api/v1/stories/"+s.ID)
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	articles, _ := store.Assignments(ctx)
	fmt.Printf("store: %d articles; %d stories sampled\n", len(articles), len(stories))
	for _, c := range []struct {
		name string
		urls []string
	}{{"story page", pages}, {"api story", apis}} {
		res, err := web.LoadTest(ctx, client, c.urls, n, 4)
		if err != nil {
			return err
		}
		fmt.Printf("%-10s %v\n", c.name, res)
	}
	return nil
}

// changesOf tells what changed in a story of store since a time (the API's
// /changes and the story page's "since"), with the story stages made on
// first use (their models take a moment to load) and kept.
func changesOf(store news.Store) api.ChangesFunc {
	builder := sync.OnceValues(func() (*story.Builder, error) {
		sstages, err := engine.StoryStages()
		if err != nil {
			return nil, err
		}
		return &story.Builder{Store: store, Stages: &pipeline.StoryPipeline{Stages: sstages}}, nil
	})
	return func(ctx context.Context, id string, since time.Time) (*story.Changes, error) {
		b, err := builder()
		if err != nil {
			return nil, err
		}
		return b.Changes(ctx, id, since)
	}
}

// waker finds feeds for the web UI and the API, and wakes serve's poller
// when a subscription is added, so that it is polled at once.
type waker struct {
	*follow.Web
	wake chan struct{}
}

// Subscribed implements api.Notifier.
func (w waker) Subscribed(news.Subscription) {
	select {
	case w.wake <- struct{}{}:
	default: // a wake is pending already
	}
}
