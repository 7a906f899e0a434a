package cluster

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TestRepairLink checks repair's story merge: it is deterministic, it
// merges stories (at a low level), its moves agree with StoryOf, and a
// second repair with nothing added moves nothing.
func TestRepairLink(t *testing.T) {
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	docs, _, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:300]
	tests := []struct {
		name      string
		level     float64
		wantFewer bool // fewer stories than without the merge
	}{
		{"off", 0, false},
		{"low level", 0.3, true},
		{"default", DefaultConfig().LinkProb, false},
	}
	base := 0
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			run := func() (*Clusterer, []Move) {
				cfg := DefaultConfig()
				cfg.LinkProb = tc.level
				c := New(cfg)
				for _, d := range docs {
					c.Add(&news.Article{ID: d.ID, Text: d.Text})
				}
				return c, c.Repair()
			}
			c1, m1 := run()
			c2, m2 := run()
			if len(m1) != len(m2) {
				t.Fatalf("moves %d, then %d", len(m1), len(m2))
			}
			for i := range m1 {
				if m1[i] != m2[i] {
					t.Fatalf("move %d: %+v, then %+v", i, m1[i], m2[i])
				}
			}
			for _, m := range m1 {
				if got, _ := c1.StoryOf(m.ArticleID); got != m.To || m.From == m.To {
					t.Errorf("move %+v, article now in %s", m, got)
				}
			}
			for _, d := range docs {
				a, _ := c1.StoryOf(d.ID)
				b, _ := c2.StoryOf(d.ID)
				if a != b {
					t.Fatalf("article %s: story %s, then %s", d.ID, a, b)
				}
			}
			if again := c1.Repair(); len(again) != 0 {
				t.Errorf("second repair moved %d articles", len(again))
			}
			_, n := c1.Len()
			if tc.level == 0 {
				base = n
			}
			if tc.wantFewer && n >= base {
				t.Errorf("%d stories, %d without the merge", n, base)
			}
		})
	}
}
