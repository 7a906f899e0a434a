package cluster

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// A clusterer read back from its snapshot decides exactly as the one that
// wrote it: the same stories, merges and repairs for the articles that come
// after, as if there had been no restart.
func TestSnapshotResumesExactly(t *testing.T) {
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	docs, _, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:600]
	art := func(i int) *news.Article {
		return &news.Article{ID: docs[i].ID, Text: docs[i].Text,
			Published: time.Date(2017, 1, 1+i/20, 0, 0, 0, 0, time.UTC)}
	}
	orig := New(DefaultConfig())
	for i := range 400 {
		orig.Add(art(i))
	}
	orig.Repair()
	var buf bytes.Buffer
	if err := orig.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	size := buf.Len()
	back, err := ReadSnapshot(&buf, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if a, s := back.Len(); a != 400 || s == 0 {
		t.Fatalf("restored %d articles in %d stories", a, s)
	}
	trace := func(c *Clusterer) []string {
		var out []string
		for i := 400; i < len(docs); i++ {
			id, merged := c.Add(art(i))
			out = append(out, fmt.Sprint(id, merged))
			if i%50 == 0 {
				for _, m := range c.Repair() {
					out = append(out, fmt.Sprintf("%+v", m))
				}
			}
		}
		for i := range docs {
			s, _ := c.StoryOf(docs[i].ID)
			out = append(out, s)
		}
		return out
	}
	want, got := trace(orig), trace(back)
	if !slices.Equal(want, got) {
		for i := range want {
			if i >= len(got) || want[i] != got[i] {
				t.Fatalf("after the restart, step %d: %q, without it %q (snapshot %d bytes)", i, got[i:min(i+1, len(got))], want[i], size)
			}
		}
		t.Fatalf("after the restart %d steps, without it %d", len(got), len(want))
	}
	t.Logf("snapshot of 400 articles: %d bytes", size)
}

// A snapshot written under another configuration is refused, not misread.
func TestSnapshotOtherConfig(t *testing.T) {
	c := New(LinearConfig())
	c.Add(&news.Article{ID: "a", Text: "Ferry workers on Lake Verrin walked off the job on Monday, halting all crossings."})
	var buf bytes.Buffer
	if err := c.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	other := LinearConfig()
	other.Threshold += 0.01
	if _, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), other); !errors.Is(err, ErrStaleSnapshot) {
		t.Errorf("other config: %v, want ErrStaleSnapshot", err)
	}
	if _, err := ReadSnapshot(bytes.NewReader(buf.Bytes()[:buf.Len()/2]), LinearConfig()); err == nil {
		t.Error("a cut snapshot was read")
	}
	back, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), LinearConfig())
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := back.StoryOf("a"); !ok || s != "s-a" {
		t.Errorf("restored: %q %v", s, ok)
	}
}

// BenchmarkSnapshot writes and reads back the snapshot of a clusterer that
// holds CROSSCHECK_BENCH_ARTICLES (default 20,000) articles made as for
// BenchmarkScale: the cost of a restart, against replaying every article.
//
//	go test -run '^$' -bench Snapshot -benchtime 3x ./internal/cluster
func BenchmarkSnapshot(b *testing.B) {
	texts := benchTexts(b)
	n := benchArticles(b, 20_000)
	c := New(DefaultConfig())
	arts := make([]*news.Article, n)
	for i := range n {
		k, j := i/len(texts), i%len(texts)
		arts[i] = &news.Article{ID: fmt.Sprint(i), Text: perturb(texts[j], k, i)}
		c.Add(arts[i])
	}
	var buf bytes.Buffer
	var write, read time.Duration
	for b.Loop() {
		buf.Reset()
		t0 := time.Now()
		if err := c.WriteSnapshot(&buf); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), DefaultConfig()); err != nil {
			b.Fatal(err)
		}
		write, read = write+t1.Sub(t0), read+time.Since(t1)
	}
	runs := float64(b.N)
	b.ReportMetric(float64(buf.Len())/float64(n), "bytes/article")
	b.ReportMetric(write.Seconds()/runs, "write-s")
	b.ReportMetric(read.Seconds()/runs, "read-s")
	// Replay, as a restart without a snapshot does it (the articles'
	// preparation; decoding them from the store comes on top).
	t0 := time.Now()
	r := New(DefaultConfig())
	for _, a := range arts {
		id, _ := c.StoryOf(a.ID)
		r.Restore(a, id)
	}
	b.ReportMetric(time.Since(t0).Seconds(), "replay-s")
}

// benchArticles is CROSSCHECK_BENCH_ARTICLES, or def.
func benchArticles(b *testing.B, def int) int {
	s := os.Getenv("CROSSCHECK_BENCH_ARTICLES")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("CROSSCHECK_BENCH_ARTICLES=%q: want a positive number", s)
	}
	return n
}
