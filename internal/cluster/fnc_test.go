package cluster

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

// TestFNCFloor clusters the first 600 FNC-1 train bodies (a sample, to stay
// fast under -race) after the segment, ner and entities stages, as ingest
// runs them, with the default thresholds and checks BCubed F1 against a
// recorded floor. The full-set number is in docs/stories.md.
func TestFNCFloor(t *testing.T) {
	const sample, floor = 600, 0.93
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	docs, gold, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:sample]
	tagger, err := ner.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	stages := []news.Stage{segment.Stage{}, tagger, entity.Stage{}}
	c := New(DefaultConfig())
	g, pred := map[string]string{}, map[string]string{}
	for _, d := range docs {
		a := &news.Article{ID: d.ID, Text: d.Text}
		for _, s := range stages {
			if err := s.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
		}
		c.Add(a)
	}
	c.Repair()
	for _, d := range docs {
		g[d.ID] = gold[d.ID]
		pred[d.ID], _ = c.StoryOf(d.ID)
	}
	p, r, f := eval.BCubed(g, pred)
	t.Logf("FNC-1 train, first %d bodies: BCubed P %.4f R %.4f F1 %.4f", sample, p, r, f)
	if f < floor {
		t.Errorf("BCubed F1 %.4f below floor %.2f", f, floor)
	}
}

// TestDeterministic checks that the same articles in the same order give
// the same stories, and that Restore continues a run where it stopped.
func TestDeterministic(t *testing.T) {
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	docs, _, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:300]
	run := func() map[string]string {
		c := New(DefaultConfig())
		for _, d := range docs {
			c.Add(&news.Article{ID: d.ID, Text: d.Text})
		}
		out := map[string]string{}
		for _, d := range docs {
			out[d.ID], _ = c.StoryOf(d.ID)
		}
		return out
	}
	a, b := run(), run()
	for id := range a {
		if a[id] != b[id] {
			t.Fatalf("article %s: story %s, then %s", id, a[id], b[id])
		}
	}
	// Restore the first 200 assignments, add the rest: the restored
	// articles keep their stories and new ones can join them.
	c := New(DefaultConfig())
	for _, d := range docs[:200] {
		c.Restore(&news.Article{ID: d.ID, Text: d.Text}, a[d.ID])
	}
	joined := 0
	for _, d := range docs[200:] {
		id, _ := c.Add(&news.Article{ID: d.ID, Text: d.Text})
		if id != "s-"+d.ID {
			joined++
		}
	}
	for _, d := range docs[:200] {
		if s, _ := c.StoryOf(d.ID); s != a[d.ID] {
			t.Fatalf("restored article %s moved from %s to %s", d.ID, a[d.ID], s)
		}
	}
	if joined == 0 {
		t.Error("no new article joined a restored story")
	}
}
