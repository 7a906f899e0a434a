package entity_test

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// BenchmarkStage measures the per-article entity stage alone on the seed
// articles after segmentation and recognition (done once, outside the loop).
func BenchmarkStage(b *testing.B) {
	_, arts := seedStory(b)
	inputs := make([]news.Article, len(arts))
	for i, a := range arts {
		inputs[i] = *a
		var ms []news.Mention
		for _, m := range a.Mentions {
			if m.Via == "ner" {
				ms = append(ms, m)
			}
		}
		inputs[i].Mentions = ms
	}
	ctx := b.Context()
	n := 0
	for b.Loop() {
		for i := range inputs {
			a := inputs[i]
			a.Mentions = append([]news.Mention(nil), inputs[i].Mentions...)
			if err := (entity.Stage{}).Process(ctx, &a); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkStoryStage measures cross-article resolution of the seed story.
func BenchmarkStoryStage(b *testing.B) {
	_, arts := seedStory(b)
	ctx := b.Context()
	for b.Loop() {
		v := news.NewStoryView("s", "t")
		if err := (entity.StoryStage{}).Build(ctx, v, arts); err != nil {
			b.Fatal(err)
		}
	}
}
