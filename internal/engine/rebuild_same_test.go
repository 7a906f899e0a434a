package engine

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// A story rebuilt from the same articles reads the same: with every cache
// empty, with every cache full, and by other stages given the articles in
// another order. The caches and indexes that keep large stories fast must
// never change what a story says.
func TestRebuildReadsTheSame(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 200 articles")
	}
	arts := analysed(t, wireJSONL(t, 200), 200)
	build := func(b *story.Builder, arts []*news.Article) string {
		t.Helper()
		v, err := b.Build(t.Context(), "s", arts)
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	newBuilder := func() *story.Builder {
		sstages, err := StoryStages()
		if err != nil {
			t.Fatal(err)
		}
		return &story.Builder{Stages: &pipeline.StoryPipeline{Stages: sstages}}
	}
	b := newBuilder()
	cold := build(b, slices.Clone(arts))
	if warm := build(b, slices.Clone(arts)); warm != cold {
		t.Error("the story built again with full caches reads differently")
	}
	shuffled := slices.Clone(arts)
	rand.New(rand.NewPCG(6, 13)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if other := build(newBuilder(), shuffled); other != cold {
		t.Error("the story built by other stages reads differently")
	}
}
