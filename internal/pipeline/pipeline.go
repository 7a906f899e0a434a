// Package pipeline runs crosscheck's analysis stages: a slice of named
// one-method stages applied in order, wrapped for timing, and a runner that
// spreads articles over workers while keeping input order.
package pipeline

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Named is a stage with the name used in errors and timings.
type Named struct {
	Name  string
	Stage news.Stage
}

// Pipeline is an ordered list of per-article stages.
type Pipeline struct {
	Stages []Named
	timing *Timings
	budget time.Duration
}

// WithBudget gives every article at most d of analysis: once it is spent,
// the article fails after the stage that overran with news.ErrOverBudget
// (stages are not interrupted; TextBudget bounds how long any one can take).
func (p *Pipeline) WithBudget(d time.Duration) *Pipeline { p.budget = d; return p }

// TextBudget is the stage that refuses a cleaned text longer than Max bytes
// with news.ErrOverBudget: no news article is that long, and the analysis
// stages' cost grows with the text. Run it after cleaning.
type TextBudget struct{ Max int }

// Process implements news.Stage.
func (b TextBudget) Process(_ context.Context, a *news.Article) error {
	if b.Max > 0 && len(a.Text) > b.Max {
		return fmt.Errorf("text of %s, more than the %s an article may have: %w", Size(len(a.Text)), Size(b.Max), news.ErrOverBudget)
	}
	return nil
}

// Size is n bytes in words: "3.2 MB", "800 KB".
func Size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// New returns a pipeline of the given stages.
func New(stages ...Named) *Pipeline { return &Pipeline{Stages: stages} }

// WithTimings records each stage's cumulative time in t.
func (p *Pipeline) WithTimings(t *Timings) *Pipeline { p.timing = t; return p }

// Process runs every stage on a, stopping at the first error.
func (p *Pipeline) Process(ctx context.Context, a *news.Article) error {
	began := time.Now()
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		err := safeProcess(ctx, s.Stage, a)
		if p.timing != nil {
			p.timing.add(s.Name, time.Since(start))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		if p.budget > 0 && time.Since(began) > p.budget {
			return fmt.Errorf("%s: analysis took %s, more than the %s an article may take: %w", s.Name,
				time.Since(began).Round(time.Millisecond), p.budget, news.ErrOverBudget)
		}
	}
	return nil
}

// safeProcess runs one stage, turning a panic into an error so that one
// article a stage cannot handle fails alone instead of the whole run.
func safeProcess(ctx context.Context, st news.Stage, a *news.Article) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return st.Process(ctx, a)
}

// Timings accumulates time spent per stage; safe for concurrent use.
type Timings struct {
	mu    sync.Mutex
	order []string
	total map[string]time.Duration
}

func (t *Timings) add(name string, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.total == nil {
		t.total = map[string]time.Duration{}
	}
	if _, ok := t.total[name]; !ok {
		t.order = append(t.order, name)
	}
	t.total[name] += d
}

// Each calls f for every stage in first-seen order with its total time.
func (t *Timings) Each(f func(name string, d time.Duration)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, n := range t.order {
		f(n, t.total[n])
	}
}

// StoryPipeline is an ordered list of cross-article stages.
type StoryPipeline struct {
	Stages []NamedStory
	// Timings, when set, accumulates each stage's time.
	Timings *Timings
}

// NamedStory is a story stage with its name.
type NamedStory struct {
	Name  string
	Stage news.StoryStage
}

// Build runs every story stage in order on v.
func (p *StoryPipeline) Build(ctx context.Context, v *news.StoryView, arts []*news.Article) error {
	for _, s := range p.Stages {
		start := time.Now()
		err := s.Stage.Build(ctx, v, arts)
		if p.Timings != nil {
			p.Timings.add(s.Name, time.Since(start))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	return nil
}
