package engine

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// BenchmarkFollowNewItems polls one local sitemap listing 10,000 new pages
// (FNC-1 bodies as HTML articles, six republished copies of each body, as
// fncJSONL makes them) and fetches, analyses and stores them with the full
// pipeline, stories included: issue 12's "10,000 new items fetched and
// analysed at the pipeline's speed". Compare its articles/s with
// BenchmarkIngestPages, the same documents read from a file.
// CROSSCHECK_BENCH_ITEMS changes the count.
func BenchmarkFollowNewItems(b *testing.B) {
	docs := benchDocs(b)
	mux := http.NewServeMux()
	var sitemap strings.Builder
	srv := httptest.NewServer(mux)
	defer srv.Close()
	sitemap.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range docs {
		fmt.Fprintf(&sitemap, "<url><loc>%s/a/%d</loc></url>", srv.URL, i)
	}
	sitemap.WriteString("</urlset>")
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Write([]byte(sitemap.String()))
	})
	mux.HandleFunc("/a/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil || n < 0 || n >= len(docs) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(docs[n].html))
	})
	ctx := b.Context()
	total := 0
	for b.Loop() {
		b.StopTimer()
		store, err := openStore(ctx, filepath.Join(b.TempDir(), "follow.db"))
		if err != nil {
			b.Fatal(err)
		}
		subs := store.(news.SubscriptionStore)
		if _, err := subs.AddSubscription(ctx, &news.Subscription{URL: srv.URL + "/sitemap.xml", Kind: news.KindSitemap}); err != nil {
			b.Fatal(err)
		}
		e, err := New(ctx, store, DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		f := fetch.New(fetch.Options{AllowPrivate: true, Delay: -1})
		p := &follow.Poller{Web: &follow.Web{Fetch: f, Reader: &ingest.Reader{}}, Store: subs, MaxItems: len(docs)}
		b.StartTimer()
		stored := 0
		res, err := p.Round(ctx, func(ctx context.Context, src follow.Source) error {
			sum, err := e.Run(ctx, Source(src), func(err error) { b.Error(err) }, nil)
			stored += sum.New
			return err
		})
		b.StopTimer()
		if err != nil || res.New != len(docs) || stored != len(docs) {
			b.Fatalf("round %v, %d stored, err %v", res, stored, err)
		}
		total += stored
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIngestPages ingests the documents BenchmarkFollowNewItems
// serves, as HTML in a JSONL file: the pipeline's speed without fetching.
func BenchmarkIngestPages(b *testing.B) {
	docs := benchDocs(b)
	in := filepath.Join(b.TempDir(), "pages.jsonl")
	f, err := os.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i, d := range docs {
		enc.Encode(map[string]string{"url": fmt.Sprintf("https://bench.example/a/%d", i), "html": d.html})
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	ctx := b.Context()
	total := 0
	for b.Loop() {
		b.StopTimer()
		store, err := openStore(ctx, filepath.Join(b.TempDir(), "jsonl.db"))
		if err != nil {
			b.Fatal(err)
		}
		e, err := New(ctx, store, DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := e.Run(ctx, Paths(&ingest.Reader{}, []string{in}), func(err error) { b.Error(err) }, nil)
		b.StopTimer()
		if err != nil || sum.New != len(docs) {
			b.Fatalf("sum %v err %v", sum, err)
		}
		total += sum.New
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

type benchDoc struct{ html string }

// benchDocs are the FNC-1 bodies as HTML pages, six copies of each body
// (copies end with a line of their own, so each is a new article), cut to
// CROSSCHECK_BENCH_ITEMS (default 10,000).
func benchDocs(b *testing.B) []benchDoc {
	b.Helper()
	n := 10000
	if s := os.Getenv("CROSSCHECK_BENCH_ITEMS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("CROSSCHECK_BENCH_ITEMS=%q: want a positive number", s)
		}
	}
	in, _ := fncJSONL(b, 6)
	f, err := os.Open(in)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var out []benchDoc
	day := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	for sc.Scan() && len(out) < n {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		var body strings.Builder
		for _, para := range strings.Split(rec.Text, "\n") {
			if para = strings.TrimSpace(para); para != "" {
				body.WriteString("<p>" + html.EscapeString(para) + "</p>\n")
			}
		}
		title := fmt.Sprintf("Report %s", rec.ID)
		if first, _, _ := strings.Cut(strings.TrimSpace(rec.Text), "\n"); first != "" {
			title = first[:min(len(first), 90)]
		}
		out = append(out, benchDoc{html: fmt.Sprintf(`<!doctype html><html><head><title>%s</title><meta property="article:published_time" content="%s"></head><body><article><h1>%s</h1>%s</article></body></html>`,
			html.EscapeString(title), day.AddDate(0, 0, len(out)%60).Format(time.RFC3339), html.EscapeString(title), body.String())})
	}
	if len(out) < n {
		b.Fatalf("only %d documents", len(out))
	}
	return out
}
