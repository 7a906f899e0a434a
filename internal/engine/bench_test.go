package engine

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
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
	rows := fncRows(b)
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

// fncRows reads the FNC-1 bodies: id and text.
func fncRows(tb testing.TB) [][]string {
	tb.Helper()
	path := datadir.Require(tb, "fnc1/train_bodies.csv")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	if _, err := r.Read(); err != nil {
		tb.Fatal(err)
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		rows = append(rows, rec)
	}
	return rows
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
				e, err := New(ctx, store, DefaultConfig())
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
				sum, err := e.Run(ctx, Paths(&ingest.Reader{}, []string{in}), func(err error) { b.Error(err) }, nil)
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
	benchRebuild(b, analysed(b, in, 200))
}

// BenchmarkRebuildStory2000 rebuilds the view of one story of 2,000
// analysed articles, wire copies among them (wireJSONL): issue 13's target
// for a full rebuild of a large story.
func BenchmarkRebuildStory2000(b *testing.B) {
	benchRebuild(b, analysed(b, wireJSONL(b, 2000), 2000))
}

// BenchmarkAbsorbOne2000 is what a story of 2,000 articles costs when one
// more arrives (issue 13's target: under 200 ms): the story is built once,
// then each run builds it with a new article, another wire copy never seen
// before (its own work not cached), added to the 2,000. At most
// absorbExtra runs are different articles (-benchtime 20x).
func BenchmarkAbsorbOne2000(b *testing.B) {
	const absorbExtra = 20
	all := analysed(b, wireJSONL(b, 2000+absorbExtra), 2000+absorbExtra)
	base, extra := all[:2000], all[2000:]
	ctx := b.Context()
	sstages, err := StoryStages()
	if err != nil {
		b.Fatal(err)
	}
	builder := &story.Builder{Stages: &pipeline.StoryPipeline{Stages: sstages}}
	if _, err := builder.Build(ctx, "s", slices.Clone(base)); err != nil {
		b.Fatal(err)
	}
	timings := &pipeline.Timings{}
	builder.Stages.Timings = timings
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		if n == len(extra) {
			b.Fatalf("more than %d runs: use -benchtime %dx", len(extra), len(extra))
		}
		if _, err := builder.Build(ctx, "s", append(slices.Clone(base), extra[n])); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/op")
	timings.Each(func(name string, d time.Duration) {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(n), name+"-ms")
	})
}

// benchRebuild times building one story of arts with every story stage and
// reports each stage's time per build, and the time (wall and CPU) of a
// first build with empty caches.
func benchRebuild(b *testing.B, arts []*news.Article) {
	ctx := b.Context()
	sstages, err := StoryStages()
	if err != nil {
		b.Fatal(err)
	}
	// The first build finds every cache empty (as after a restart); later
	// ones find each article's own work cached, as when a story grows.
	builder := &story.Builder{Stages: &pipeline.StoryPipeline{Stages: sstages}}
	start, startCPU := time.Now(), cpuTime()
	if _, err := builder.Build(ctx, "s", arts); err != nil {
		b.Fatal(err)
	}
	cold, coldCPU := time.Since(start), cpuTime()-startCPU
	timings := &pipeline.Timings{}
	builder.Stages.Timings = timings
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := builder.Build(ctx, "s", arts); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/op")
	b.ReportMetric(float64(cold.Microseconds())/1000, "cold-ms")
	b.ReportMetric(float64(coldCPU.Microseconds())/1000, "cold-cpu-ms")
	timings.Each(func(name string, d time.Duration) {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(n), name+"-ms")
	})
}

// cpuTime is the CPU time the process has used (user and system, every
// thread: the garbage collector's work included), which a loaded machine
// changes less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// analysed reads the first n documents of the JSONL file in and runs the
// article stages on them (on every core), with ids and content hashes as the
// store sets them; the articles keep the input order.
func analysed(tb testing.TB, in string, n int) []*news.Article {
	tb.Helper()
	ctx := tb.Context()
	stages, err := articleStages()
	if err != nil {
		tb.Fatal(err)
	}
	p := pipeline.New(stages...)
	var docs []news.Document
	err = (&ingest.Reader{}).Read(ctx, []string{in}, func(d news.Document) error {
		if len(docs) < n {
			docs = append(docs, d)
		}
		return nil
	}, func(f ingest.Failure) { tb.Error(f) })
	if err != nil {
		tb.Fatal(err)
	}
	arts := make([]*news.Article, len(docs))
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a := toArticle(docs[i])
				errs[i] = p.Process(ctx, a)
				a.ID = news.IDFor(a.Text)
				a.ContentHash = news.ContentHash(a.Text) // as the store sets it
				arts[i] = a
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			tb.Fatal(err)
		}
	}
	return arts
}

// wireJSONL writes n articles as a JSONL file: every FNC-1 body once (or
// the first n), then republished copies of every fourth body, three per
// body, each under another outlet with its paragraphs in another order,
// as wire stories are picked up: near-duplicate groups of four.
func wireJSONL(tb testing.TB, n int) string {
	tb.Helper()
	rows := fncRows(tb)
	out := filepath.Join(tb.TempDir(), "wire.jsonl")
	w, err := os.Create(out)
	if err != nil {
		tb.Fatal(err)
	}
	defer w.Close()
	enc := json.NewEncoder(w)
	rng := rand.New(rand.NewPCG(13, 2000))
	k := 0
	for i := 0; k < n && i < len(rows); i++ {
		enc.Encode(map[string]string{"id": rows[i][0], "text": rows[i][1]})
		k++
	}
	for i := 0; k < n; i = (i + 4) % len(rows) {
		for c := 1; c <= 3 && k < n; c++ {
			paras := strings.Split(rows[i][1], "\n")
			rng.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
			enc.Encode(map[string]string{"id": fmt.Sprintf("%s-%d", rows[i][0], c),
				"source": fmt.Sprintf("Outlet %d", c), "text": strings.Join(paras, "\n")})
			k++
		}
	}
	return out
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
	e, err := New(ctx, store, DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	if _, err := e.Run(ctx, func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
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
