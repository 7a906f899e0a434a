package web

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// An attribution reported as not made says so on the page, with no stance.
func TestUnsaidStatementMark(t *testing.T) {
	text := "The coastguard had not confirmed that the trawler sank."
	a := &news.Article{Text: text}
	a.Statements = []news.Statement{{Span: news.Span{End: len(text)}, Kind: "indirect", By: "The coastguard",
		Stance: news.Asserts, Unsaid: true}}
	ms := articleMarks(a, news.Span{}, false)
	if len(ms) != 1 || !strings.Contains(ms[0].title, "reported as not said") || strings.Contains(ms[0].title, "asserts") {
		t.Errorf("marks = %+v", ms)
	}
}
