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
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/web"
)

const serveUsage = `usage: crosscheck serve [--addr ADDR] [--db PATH] [--token-file FILE] [--loadtest N]

Serves the web UI and the JSON API (/api/v1, documented at /api/openapi.json)
over the store. POST /api/v1/articles is enabled only with an ingest token,
read from --token-file or $CROSSCHECK_TOKEN; clients send it as
"Authorization: Bearer TOKEN". With --loadtest N the server listens on a free
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
	srv, err := newServer(store, token, *addr, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", *db, "ingest", token != "")
	return web.Serve(ctx, srv, ln)
}

// newServer builds the HTTP server over store: UI, API and, when token is
// set, ingest. The demo command reuses it.
func newServer(store news.Store, token, addr string, log *slog.Logger) (*http.Server, error) {
	cfg := web.Config{Store: store, Logger: log}
	if token != "" {
		cfg.Ingester, cfg.IngestToken = newIngester(store), token
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
