// Package story builds the cross-source view of a story from its stored
// articles: it lists them, runs the story stages (entities, quotes, copies,
// claims, contradictions, timeline, sheet) and saves the result.
package story

import (
	"context"
	"fmt"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
)

// Builder rebuilds story views in a store.
type Builder struct {
	Store  news.Store
	Stages *pipeline.StoryPipeline
}

// Rebuild recomputes and saves the view of story id; a story left without
// articles is deleted.
func (b *Builder) Rebuild(ctx context.Context, id string) error {
	ids, err := b.Store.StoryArticles(ctx, id)
	if err != nil {
		return fmt.Errorf("rebuild story %s: %w", id, err)
	}
	if len(ids) == 0 {
		return b.Store.DeleteStory(ctx, id)
	}
	arts, err := b.Store.ArticlesByID(ctx, ids)
	if err != nil {
		return fmt.Errorf("rebuild story %s: %w", id, err)
	}
	v, err := b.Build(ctx, id, arts)
	if err != nil {
		return fmt.Errorf("rebuild story %s: %w", id, err)
	}
	return b.Store.SaveView(ctx, v)
}

// Build computes the view of a story from its articles.
func (b *Builder) Build(ctx context.Context, id string, arts []*news.Article) (*news.StoryView, error) {
	SortArticles(arts)
	v := news.NewStoryView(id, Title(arts))
	for _, a := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL,
			Path: a.Path, Published: a.Published, PublishedEstimated: a.PublishedEstimated})
	}
	if b.Stages != nil {
		if err := b.Stages.Build(ctx, v, arts); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// SortArticles orders articles by publication date (unknown dates last), then id.
func SortArticles(arts []*news.Article) {
	sort.SliceStable(arts, func(i, j int) bool {
		a, b := arts[i], arts[j]
		if a.Published.IsZero() != b.Published.IsZero() {
			return !a.Published.IsZero()
		}
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.ID < b.ID
	})
}

// Title picks a story's title: the title of its earliest article with a
// known publication date, else of its first article with a title.
func Title(arts []*news.Article) string {
	for _, a := range arts {
		if a.Title != "" && !a.Published.IsZero() && !a.PublishedEstimated {
			return a.Title
		}
	}
	for _, a := range arts {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}
