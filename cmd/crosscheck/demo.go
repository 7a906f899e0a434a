package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"

	"github.com/crosscheck-news/crosscheck/examples"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/story"
	"github.com/crosscheck-news/crosscheck/internal/web"
)

func runDemo(ctx context.Context, args []string) error {
	fs := newFlags("demo", "demo [--db PATH] [--addr ADDR] [--serve=false]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve the web UI on")
	serve := fs.Bool("serve", true, "serve the web UI after showing the story (until interrupted)")
	return withStore(ctx, fs, args, 0, func(s news.Store) error {
		e, err := engine.New(ctx, s, engine.DefaultConfig())
		if err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, "Ingesting the bundled example articles (five outlets on one 2022 rumour)...")
		sum, err := e.Run(ctx, engine.Paths(&ingest.Reader{FS: examples.FS}, []string{"seeds"}), func(err error) {
			fmt.Fprintf(os.Stderr, "crosscheck demo: %v\n", err)
		}, nil)
		if err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, sum)
		list, err := s.Stories(ctx, news.ListOptions{Limit: 1})
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return fmt.Errorf("no story was built")
		}
		v, err := s.View(ctx, list[0].ID)
		if err != nil {
			return err
		}
		if err := story.Render(os.Stdout, v, story.Options{Text: story.StoreTexts(ctx, s)}); err != nil || !*serve {
			return err
		}
		log := slog.New(slog.NewTextHandler(os.Stderr, nil))
		srv, err := newServer(s, "", *addr, log)
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return fmt.Errorf("listen: %w (try --addr 127.0.0.1:0 or --serve=false)", err)
		}
		fmt.Fprintf(os.Stderr, "\nThe web UI is at http://%s/stories/%s (Ctrl-C stops it).\n", ln.Addr(), v.ID)
		return web.Serve(ctx, srv, ln)
	})
}
