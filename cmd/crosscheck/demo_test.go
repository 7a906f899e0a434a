package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/examples"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/memstore"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

var updateDemo = flag.Bool("update-demo", false, "rewrite internal/web/testdata/demo.json.gz from the bundled example")

// TestDemoSnapshot writes the bundled example story, built as `crosscheck
// demo` builds it, for internal/web's tests of the story page (height,
// weight, browser). It runs only with -update-demo: the snapshot changes
// whenever the analysis does, and is refreshed on purpose.
func TestDemoSnapshot(t *testing.T) {
	if !*updateDemo {
		t.Skip("run with -update-demo to rewrite internal/web/testdata/demo.json.gz")
	}
	ctx := t.Context()
	s, err := openStore(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := engine.New(ctx, s, engine.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Run(ctx, engine.Paths(&ingest.Reader{FS: examples.FS}, []string{"seeds"}), func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	list, err := s.Stories(ctx, news.ListOptions{Limit: 1})
	if err != nil || len(list) == 0 {
		t.Fatalf("no story: %v", err)
	}
	v, err := s.View(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	snap := memstore.Snapshot{Views: []*news.StoryView{v}}
	for _, sa := range v.Articles {
		a, err := s.Article(ctx, sa.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The story page needs no article analysis; the text lets citations quote.
		snap.Articles = append(snap.Articles, &news.Article{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
			Path: a.Path, Published: a.Published, PublishedEstimated: a.PublishedEstimated, Text: a.Text})
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := json.NewEncoder(zw).Encode(snap); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	out := filepath.Join("..", "..", "internal", "web", "testdata", "demo.json.gz")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes): story %s, %d articles", out, buf.Len(), v.ID, len(v.Articles))
}
