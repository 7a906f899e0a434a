package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

type stageFunc func(*news.Article) error

func (f stageFunc) Process(_ context.Context, a *news.Article) error { return f(a) }

func TestProcessRunsInOrderAndNamesFailures(t *testing.T) {
	var order []string
	p := New(
		Named{"one", stageFunc(func(*news.Article) error { order = append(order, "one"); return nil })},
		Named{"two", stageFunc(func(*news.Article) error { order = append(order, "two"); return errors.New("bad") })},
		Named{"three", stageFunc(func(*news.Article) error { order = append(order, "three"); return nil })},
	).WithTimings(&Timings{})
	err := p.Process(t.Context(), &news.Article{})
	if err == nil || err.Error() != "two: bad" || strings.Join(order, ",") != "one,two" {
		t.Fatalf("err %v, order %v", err, order)
	}
}

func TestPanicBecomesError(t *testing.T) {
	p := New(Named{"boom", stageFunc(func(a *news.Article) error { panic("boom") })})
	err := p.Process(t.Context(), &news.Article{Text: "abc"})
	if err == nil || !strings.HasPrefix(err.Error(), "boom: internal error") {
		t.Fatalf("err = %v", err)
	}
}
