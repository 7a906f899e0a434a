package main

import (
	"context"
	"os"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/quote"
)

func runQuotes(ctx context.Context, args []string) error {
	fs := newFlags("quotes", "quotes [--story ID] [--speaker NAME] [--json]")
	storyID := fs.String("story", "", "only this story's quotes")
	speaker := fs.String("speaker", "", "only quotes by this speaker (name or alias, diacritics ignored)")
	asJSON := fs.Bool("json", false, "print JSON (the story JSON's quote objects)")
	return withStore(ctx, fs, args, 0, func(s news.Store) error {
		views, err := entityStoryViews(ctx, s, *storyID)
		if err != nil {
			return err
		}
		qs := []news.Quote{}
		for _, v := range views {
			qs = append(qs, v.Quotes...)
		}
		if *speaker != "" {
			qs = quote.BySpeaker(qs, *speaker)
		}
		if *asJSON {
			return writeJSON(os.Stdout, qs)
		}
		return quote.WriteText(os.Stdout, qs)
	})
}
