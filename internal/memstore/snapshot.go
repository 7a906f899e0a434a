package memstore

import (
	"context"
	"fmt"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Snapshot is stories and their articles as JSON, so that a test can serve
// a store built elsewhere: internal/web's tests serve the bundled example
// story from internal/web/testdata/demo.json.gz, which
// `go test ./cmd/crosscheck -run DemoSnapshot -update-demo` writes.
type Snapshot struct {
	Views    []*news.StoryView `json:"views"`
	Articles []*news.Article   `json:"articles"`
}

// Load returns a store holding snap's articles, each in the story whose
// view lists it, and snap's views.
func Load(ctx context.Context, snap Snapshot) (*Store, error) {
	s := New()
	for _, a := range snap.Articles {
		if _, err := s.SaveArticle(ctx, a); err != nil {
			return nil, fmt.Errorf("load article %s: %w", a.ID, err)
		}
	}
	for _, v := range snap.Views {
		for _, a := range v.Articles {
			if err := s.SetStory(ctx, a.ID, v.ID); err != nil {
				return nil, fmt.Errorf("load story %s: %w", v.ID, err)
			}
		}
		if err := s.SaveView(ctx, v); err != nil {
			return nil, err
		}
	}
	return s, nil
}
