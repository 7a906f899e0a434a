package main

import (
	"context"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// rawText takes the extracted text as the cleaned text. Interim: replaced by
// the cleaning stage.
type rawText struct{}

func (rawText) Process(_ context.Context, a *news.Article) error {
	a.Text = strings.TrimSpace(a.Raw)
	off := 0
	for _, p := range strings.Split(a.Text, "\n\n") {
		if t := strings.TrimSpace(p); t != "" {
			start := off + strings.Index(p, t)
			a.Paragraphs = append(a.Paragraphs, news.Span{Start: start, End: start + len(t)})
		}
		off += len(p) + 2
	}
	return nil
}
