package engine

import (
	"encoding/json"
	"os"
	"runtime/pprof"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// TestDumpWireView is a tool for changes that must leave views as they
// are: it writes the JSON view of the 2,000-article wire story of
// BenchmarkRebuildStory2000, built cold and then warm with one more
// article, to $CROSSCHECK_DUMP_VIEW (.cold.json, .absorb.json), and a CPU
// profile of ten warm absorbing builds to $CROSSCHECK_DUMP_VIEW.prof.
// $CROSSCHECK_DUMP_ARTICLES names a file keeping the analysed articles
// between runs (delete it when the article stages change).
func TestDumpWireView(t *testing.T) {
	out := os.Getenv("CROSSCHECK_DUMP_VIEW")
	if out == "" {
		t.Skip("set CROSSCHECK_DUMP_VIEW=FILE to write the wire story's views")
	}
	const extra = 11
	var all []*news.Article
	cache := os.Getenv("CROSSCHECK_DUMP_ARTICLES")
	if b, err := os.ReadFile(cache); cache != "" && err == nil {
		if err := json.Unmarshal(b, &all); err != nil {
			t.Fatal(err)
		}
	} else {
		all = analysed(t, wireJSONL(t, 2000+extra), 2000+extra)
		if cache != "" {
			b, _ := json.Marshal(all)
			if err := os.WriteFile(cache, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	base := all[:2000]
	sstages, err := StoryStages()
	if err != nil {
		t.Fatal(err)
	}
	builder := &story.Builder{Stages: &pipeline.StoryPipeline{Stages: sstages}}
	write := func(name string, v *news.StoryView) {
		b, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out+name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	v, err := builder.Build(t.Context(), "s", slices.Clone(base))
	if err != nil {
		t.Fatal(err)
	}
	write(".cold.json", v)
	f, err := os.Create(out + ".prof")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	timings := &pipeline.Timings{}
	builder.Stages.Timings = timings
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
	for i := range extra - 1 {
		if _, err := builder.Build(t.Context(), "s", append(slices.Clone(base), all[2001+i])); err != nil {
			t.Fatal(err)
		}
	}
	pprof.StopCPUProfile()
	timings.Each(func(name string, d time.Duration) {
		t.Logf("%s %.1f ms per build", name, float64(d.Microseconds())/1000/float64(extra-1))
	})
	v, err = builder.Build(t.Context(), "s", append(slices.Clone(base), all[2000]))
	if err != nil {
		t.Fatal(err)
	}
	write(".absorb.json", v)
}
