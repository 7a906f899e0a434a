package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// fncJSONL converts the FNC-1 bodies to a JSONL file, n copies of each body
// (copies get a distinct suffix so they are stored as new articles).
func fncJSONL(b *testing.B, copies int) (string, int) {
	b.Helper()
	path := datadir.Require(b, "fnc1/train_bodies.csv")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	if _, err := r.Read(); err != nil {
		b.Fatal(err)
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		rows = append(rows, rec)
	}
	out := filepath.Join(b.TempDir(), "fnc.jsonl")
	w, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	enc := json.NewEncoder(w)
	n := 0
	for c := range copies {
		for _, rec := range rows {
			text := rec[1]
			if c > 0 {
				text += "\n\nCopy " + string(rune('A'+c))
			}
			enc.Encode(map[string]string{"id": rec[0], "text": text})
			n++
		}
	}
	w.Close()
	return out, n
}

// BenchmarkIngestFNC ingests the 1,683 FNC-1 bodies into a fresh SQLite
// store with story assignment and views: with the foundation stages alone
// (issue 2's target: reading, extraction, cleaning, dates, store, stories,
// views listing their articles) and with the whole pipeline, every article
// and story stage (issue 6's target).
func BenchmarkIngestFNC(b *testing.B) {
	in, n := fncJSONL(b, 1)
	for _, tc := range []struct {
		name   string
		stages func() ([]pipeline.Named, error)
	}{
		{"foundation", func() ([]pipeline.Named, error) { return foundationStages(), nil }},
		{"full", articleStages},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ctx := b.Context()
			stages, err := tc.stages()
			if err != nil {
				b.Fatal(err)
			}
			var total int
			for b.Loop() {
				b.StopTimer()
				store, err := openStore(ctx, filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				e, err := newEngine(ctx, store)
				if err != nil {
					b.Fatal(err)
				}
				e.pipe = pipeline.New(stages...)
				if tc.name == "foundation" {
					// issue 2's story view: the articles, without the later
					// issues' story stages
					e.builder.Stages = &pipeline.StoryPipeline{}
				}
				b.StartTimer()
				sum, err := e.run(ctx, paths(&ingest.Reader{}, []string{in}), func(err error) { b.Error(err) }, nil)
				if err != nil || sum.New+sum.Unchanged != n || sum.Failed > 0 {
					b.Fatalf("sum %v err %v", sum, err)
				}
				total += n
				b.StopTimer()
				store.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkRebuildStory200 rebuilds the view of one story of 200 analysed
// articles with every story stage: the cost paid when a new article arrives.
func BenchmarkRebuildStory200(b *testing.B) {
	in, _ := fncJSONL(b, 1)
	ctx := b.Context()
	stages, err := articleStages()
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(stages...)
	var arts []*news.Article
	err = (&ingest.Reader{}).Read(ctx, []string{in}, func(d news.Document) error {
		if len(arts) == 200 {
			return nil
		}
		a := toArticle(d)
		if err := p.Process(ctx, a); err != nil {
			return err
		}
		a.ID = news.IDFor(a.Text)
		a.ContentHash = news.ContentHash(a.Text) // as the store sets it
		arts = append(arts, a)
		return nil
	}, func(f ingest.Failure) { b.Error(f) })
	if err != nil {
		b.Fatal(err)
	}
	sstages, err := storyStages()
	if err != nil {
		b.Fatal(err)
	}
	timings := &pipeline.Timings{}
	builder := &story.Builder{Stages: &pipeline.StoryPipeline{Stages: sstages, Timings: timings}}
	n := 0
	for b.Loop() {
		if _, err := builder.Build(ctx, "s", arts); err != nil {
			b.Fatal(err)
		}
		n++
	}
	timings.Each(func(name string, d time.Duration) {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(n), name+"-ms")
	})
}

// BenchmarkRebuildStory200Stored is BenchmarkRebuildStory200 through the
// SQLite store, as ingest does it: load the 200 articles, build, save the view.
func BenchmarkRebuildStory200Stored(b *testing.B) {
	in, _ := fncJSONL(b, 1)
	ctx := b.Context()
	store, err := openStore(ctx, filepath.Join(b.TempDir(), "rebuild.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	e, err := newEngine(ctx, store)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	if _, err := e.run(ctx, func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		return (&ingest.Reader{}).Read(ctx, []string{in}, func(d news.Document) error {
			if n++; n > 200 {
				return nil
			}
			return emit(d)
		}, fail)
	}, func(err error) { b.Error(err) }, nil); err != nil {
		b.Fatal(err)
	}
	var ids [][2]string
	for _, a := range must(store.Assignments(ctx)) {
		ids = append(ids, [2]string{a[0], "s-all"})
	}
	if err := store.SetStories(ctx, ids); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := e.builder.Rebuild(ctx, "s-all"); err != nil {
			b.Fatal(err)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
