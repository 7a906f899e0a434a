package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

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

type sleepStage struct{ d time.Duration }

func (s sleepStage) Process(context.Context, *news.Article) error { time.Sleep(s.d); return nil }

// TestBudget: an article whose analysis overruns the budget fails after the
// stage that overran, with news.ErrOverBudget; a text over TextBudget fails
// at once.
func TestBudget(t *testing.T) {
	p := New(Named{"slow", sleepStage{30 * time.Millisecond}}, Named{"never", sleepStage{time.Hour}}).WithBudget(10 * time.Millisecond)
	err := p.Process(t.Context(), &news.Article{})
	if !errors.Is(err, news.ErrOverBudget) || !strings.HasPrefix(err.Error(), "slow: analysis took") {
		t.Fatalf("err = %v", err)
	}
	err = New(Named{"budget", TextBudget{Max: 10}}).Process(t.Context(), &news.Article{Text: strings.Repeat("x", 2048)})
	if !errors.Is(err, news.ErrOverBudget) || !strings.Contains(err.Error(), "text of 2 KB, more than the 10 bytes") {
		t.Fatalf("err = %v", err)
	}
}
