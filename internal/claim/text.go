package claim

import (
	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

func earlier(a, b *news.Article) bool {
	if a.Published.IsZero() != b.Published.IsZero() {
		return !a.Published.IsZero()
	}
	return a.Published.Before(b.Published)
}

func clipText(s string, n int) string { return fold.Clip(s, n) }

func contentWords(s string) map[string]bool { return fold.Words(s) }
