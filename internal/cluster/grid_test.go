package cluster

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

func expArticles(t *testing.T) ([]*news.Article, map[string]string) {
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	docs, gold, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*news.Article
	tagger, err := ner.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	stages := []news.Stage{segment.Stage{}, tagger, entity.Stage{}}
	start := time.Now()
	for _, d := range docs {
		a := &news.Article{ID: d.ID, Text: d.Text}
		for _, s := range stages {
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		arts = append(arts, a)
	}
	t.Logf("stages: %v", time.Since(start))
	return arts, gold
}

func runExp(arts []*news.Article, gold map[string]string, cfg Config, mentions bool, keep func(string) bool) (p, r, f float64) {
	c := New(cfg)
	g, pred := map[string]string{}, map[string]string{}
	for _, a := range arts {
		if keep != nil && !keep(gold[a.ID]) {
			continue
		}
		b := a
		if !mentions {
			b = &news.Article{ID: a.ID, Text: a.Text}
		}
		c.Add(b)
	}
	c.Repair()
	for _, a := range arts {
		if keep != nil && !keep(gold[a.ID]) {
			continue
		}
		g[a.ID] = gold[a.ID]
		pred[a.ID], _ = c.StoryOf(a.ID)
	}
	return eval.BCubed(g, pred)
}

func half(h int) func(string) bool {
	return func(g string) bool {
		var x uint32 = 2166136261
		for i := 0; i < len(g); i++ {
			x = (x ^ uint32(g[i])) * 16777619
		}
		return int(x%2) == h
	}
}

// TestGrid prints BCubed scores on FNC-1 train and on its two halves (split
// by gold story) for a grid of settings; the table in docs/stories.md comes
// from it. Run: CLUSTER_GRID=1 go test -run TestGrid -v ./internal/cluster
func TestGrid(t *testing.T) {
	if os.Getenv("CLUSTER_GRID") == "" {
		t.Skip("threshold grid: set CLUSTER_GRID=1 to run")
	}
	arts, gold := expArticles(t)
	for _, lw := range []int{0, 40} {
		for _, ew := range []float64{0, 0.2, 0.3} {
			for _, th := range []float64{0.25, 0.3, 0.35} {
				for _, mw := range []float64{1, 0.9} {
					cfg := DefaultConfig()
					cfg.EntityWeight, cfg.MemberWeight = ew, mw
					cfg.LeadWords, cfg.LeadBoost, cfg.Threshold = lw, 0.5, th
					p, r, f := runExp(arts, gold, cfg, true, nil)
					_, _, f0 := runExp(arts, gold, cfg, true, half(0))
					_, _, f1 := runExp(arts, gold, cfg, true, half(1))
					fmt.Printf("lw=%d ew=%.1f th=%.2f mw=%.1f  P %.4f R %.4f F1 %.4f  halves %.4f %.4f\n", lw, ew, th, mw, p, r, f, f0, f1)
				}
			}
		}
	}
}
