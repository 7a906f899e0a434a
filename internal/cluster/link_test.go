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
	docs, gold, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:300]
	tests := []struct {
		name      string
		level     float64
		wantFewer bool // fewer stories than without the merge
		storyPair bool // judge with a story-pair model fitted on these bodies
	}{
		{"off", 0, false, false},
		{"low level", 0.3, true, false},
		{"default", DefaultConfig().LinkProb, false, false},
		{"story-pair model, low level", 0.05, true, true},
		{"story-pair model", 0.6, false, true},
	}
	lx, ly := LinkPairs(toArticles(docs), gold, DefaultConfig(), nil)
	ones := 0
	for i, x := range lx {
		if len(x) != len(LinkFeatureNames) {
			t.Fatalf("story pair %d: %d features, want %d", i, len(x), len(LinkFeatureNames))
		}
		if ly[i] {
			ones++
		}
	}
	if ones == 0 || ones == len(ly) {
		t.Fatalf("story pairs: %d of %d one story, want both labels", ones, len(ly))
	}
	linkW := FitLogistic(lx, ly, 1)
	base := 0
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			run := func() (*Clusterer, []Move) {
				cfg := DefaultConfig()
				cfg.LinkProb = tc.level
				if tc.storyPair {
					m := *cfg.Model
					m.LinkWeights = linkW
					cfg.Model = &m
				}
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

func toArticles(docs []eval.FNCBody) []*news.Article {
	out := make([]*news.Article, len(docs))
	for i, d := range docs {
		out[i] = &news.Article{ID: d.ID, Text: d.Text}
	}
	return out
}
