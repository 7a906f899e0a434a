package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
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
// store with the full per-article pipeline and story assignment.
func BenchmarkIngestFNC(b *testing.B) {
	in, n := fncJSONL(b, 1)
	ctx := b.Context()
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
}
