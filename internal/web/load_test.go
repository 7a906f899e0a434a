package web

import (
	"flag"
	"fmt"
	"net/http"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/memstore"
)

var loadArticles = flag.Int("load-articles", 2000, "articles in the synthetic store of TestLoadStoryPage")

// TestLoadStoryPage runs a bounded load test of the story page and the API
// story call over a synthetic in-memory store and reports p95 and
// requests/s. Run with -load-articles=10000 for the 10,000-article target.
func TestLoadStoryPage(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	st, err := memstore.Synthetic(t.Context(), *loadArticles)
	if err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, Config{Store: st})
	stories := *loadArticles / 5
	var pages, apis []string
	for i := 0; i < stories; i += max(1, stories/50) {
		id := fmt.Sprintf("s%05d", i)
		pages = append(pages, srv.URL+"/stories/"+id)
		apis = append(apis, srv.URL+"/api/v1/stories/"+id)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	for name, urls := range map[string][]string{"story page": pages, "api story": apis} {
		res, err := LoadTest(t.Context(), client, urls, 400, 4)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s, %d articles: %v", name, *loadArticles, res)
		if res.Errors > 0 {
			t.Errorf("%s: %d errors", name, res.Errors)
		}
	}
}

func BenchmarkStoryPage(b *testing.B) {
	st, err := memstore.Synthetic(b.Context(), 10000)
	if err != nil {
		b.Fatal(err)
	}
	h, err := New(Config{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	req, _ := http.NewRequest("GET", "/stories/s01000", nil)
	for b.Loop() {
		w := &discardWriter{h: http.Header{}}
		h.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}

func BenchmarkArticlePage(b *testing.B) {
	st, err := memstore.Fixture(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	h, err := New(Config{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	req, _ := http.NewRequest("GET", "/articles/"+memstore.LedgerID+"?hl=10-40", nil)
	for b.Loop() {
		w := &discardWriter{h: http.Header{}}
		h.ServeHTTP(w, req)
	}
}

type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = 200
	}
	return len(p), nil
}
func (w *discardWriter) WriteHeader(c int) { w.code = c }
