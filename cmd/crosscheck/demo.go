package main

import (
	"context"
	"fmt"
	"os"

	"github.com/crosscheck-news/crosscheck/examples"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

func runDemo(ctx context.Context, args []string) error {
	fs := newFlags("demo", "demo [--db PATH]")
	return withStore(ctx, fs, args, 0, func(s news.Store) error {
		e, err := newEngine(ctx, s)
		if err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, "Ingesting the bundled example articles (five outlets on one 2022 rumour)...")
		sum, err := e.run(ctx, paths(&ingest.Reader{FS: examples.FS}, []string{"seeds"}), func(err error) {
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
		return story.Render(os.Stdout, v, false)
	})
}
