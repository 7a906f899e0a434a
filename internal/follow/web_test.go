package follow_test

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

func testFetcher() *fetch.Fetcher {
	return fetch.New(fetch.Options{AllowPrivate: true, Delay: -1, HeaderTimeout: time.Second, BodyTimeout: time.Second})
}

func web(f *fetch.Fetcher) *follow.Web { return &follow.Web{Fetch: f, Reader: &ingest.Reader{}} }

// read reads urls and returns the documents and failures.
func read(t *testing.T, w *follow.Web, urls ...string) ([]news.Document, []ingest.Failure) {
	t.Helper()
	var docs []news.Document
	var fails []ingest.Failure
	err := w.Read(t.Context(), urls, func(d news.Document) error { docs = append(docs, d); return nil },
		func(f ingest.Failure) { fails = append(fails, f) })
	if err != nil {
		t.Fatal(err)
	}
	return docs, fails
}

func page(title, body string) string {
	return "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
		"</h1><p>" + body + "</p></article></body></html>"
}

func rss(title string, links ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>http://example.com/</link>`, title)
	for i, l := range links {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s</link><guid isPermaLink="false">%s</guid><pubDate>Mon, 26 Sep 2022 10:00:00 GMT</pubDate></item>`, i+1, l, l)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func TestPageFeedAndSitemap(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Page A", "The mayor said on Monday that the bridge would reopen."))
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Page B", "The council denied it."))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml") // not a feed type: recognised by content
		fmt.Fprint(w, rss("The Daily", "/a", "/b", "/a"))
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>/a</loc><news:news><news:publication><news:name>Daily Sitemap</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2022-09-27T08:00:00Z</news:publication_date><news:title>Bridge to reopen</news:title></news:news></url>
</urlset>`)
	})
	mux.HandleFunc("/index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap.xml</loc></sitemap></sitemapindex>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	w := web(testFetcher())

	docs, fails := read(t, w, srv.URL+"/a")
	if len(fails) != 0 || len(docs) != 1 || docs[0].URL != srv.URL+"/a" || docs[0].Format != ingest.FormatHTML || docs[0].Path != "" {
		t.Fatalf("page: %+v %v", docs, fails)
	}

	docs, fails = read(t, w, srv.URL+"/feed")
	if len(fails) != 0 || len(docs) != 2 {
		t.Fatalf("feed: %d docs, %v", len(docs), fails)
	}
	if docs[0].URL != srv.URL+"/a" || docs[0].Source != "The Daily" || docs[0].Title != "Item 1" || docs[0].Published.IsZero() {
		t.Fatalf("feed item: %+v", docs[0])
	}

	for _, u := range []string{srv.URL + "/sitemap.xml", srv.URL + "/index.xml"} {
		docs, fails = read(t, w, u)
		if len(fails) != 0 || len(docs) != 1 {
			t.Fatalf("%s: %d docs, %v", u, len(docs), fails)
		}
		d := docs[0]
		if d.URL != srv.URL+"/a" || d.Source != "Daily Sitemap" || d.Title != "Bridge to reopen" || !d.Published.Equal(time.Date(2022, 9, 27, 8, 0, 0, 0, time.UTC)) {
			t.Fatalf("%s: %+v", u, d)
		}
	}

	// A failing URL is reported with its reason; the others go on.
	docs, fails = read(t, w, srv.URL+"/missing", srv.URL+"/b")
	if len(docs) != 1 || len(fails) != 1 || fails[0].Error() != srv.URL+"/missing: HTTP error: 404 Not Found" {
		t.Fatalf("missing: %d docs, %v", len(docs), fails)
	}
}

// A page in a legacy charset declared only in a meta tag reaches the
// extractor as bytes, which decodes it.
func TestMetaCharsetPage(t *testing.T) {
	body := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><p>Le caf\xe9 est ferm\xe9.</p></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // no charset here
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	docs, fails := read(t, web(testFetcher()), srv.URL+"/page")
	if len(fails) != 0 || len(docs) != 1 || docs[0].HTML != body {
		t.Fatalf("%+v %v", docs, fails)
	}
	// With the charset in the header, the page is decoded here.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		fmt.Fprint(w, "<html><body><p>Le caf\xe9.</p></body></html>")
	}))
	defer srv2.Close()
	docs, _ = read(t, web(testFetcher()), srv2.URL+"/page")
	if len(docs) != 1 || !strings.Contains(docs[0].HTML, "café") {
		t.Fatalf("%+v", docs)
	}
}

// A feed served from a public address that links to a private one: the
// item is refused by default and fetched with private addresses allowed.
func TestFeedLinkingToLoopback(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skip("no 127.0.0.2:", err)
	}
	inside := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Inside", "An intranet page."))
	})}}
	inside.Start()
	defer inside.Close()
	outside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, rss("Outside", inside.URL+"/secret"))
	}))
	defer outside.Close()
	// 127.0.0.1 stands for the public Internet here.
	public := func(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") || fetch.Public(ip) }
	strict := fetch.New(fetch.Options{Delay: -1, Public: public})
	docs, fails := read(t, web(strict), outside.URL+"/feed")
	if len(docs) != 0 || len(fails) != 1 || !errors.Is(fails[0], fetch.ErrPrivate) || !strings.HasPrefix(fails[0].Error(), inside.URL+"/secret: refused") {
		t.Fatalf("default: %+v %v", docs, fails)
	}
	docs, fails = read(t, web(testFetcher()), outside.URL+"/feed")
	if len(docs) != 1 || len(fails) != 0 {
		t.Fatalf("allowed: %+v %v", docs, fails)
	}
}

func TestDiscoverFeeds(t *testing.T) {
	home := `<html><head>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.rss">
<link rel="alternate" type="application/atom+xml" href="https://example.com/atom">
<link rel="alternate" type="application/feed+json" href="feed.json">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="/feed.rss">
</head><body><link rel="alternate" type="application/rss+xml" href="/late"></body></html>`
	got := follow.DiscoverFeeds("https://example.com/news/", []byte(home))
	want := []string{"https://example.com/feed.rss", "https://example.com/atom", "https://example.com/news/feed.json"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func FuzzList(f *testing.F) {
	f.Add([]byte(rss("x", "/a", "http://e.com/b")))
	f.Add([]byte(`<urlset><url><loc>/a</loc><news:news><news:title>t</news:title></news:news></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>x</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<html><link rel=alternate type=application/rss+xml href=/f></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		follow.List(&fetch.Response{URL: "https://example.com/f", Body: data})
		follow.DiscoverFeeds("https://example.com/", data)
	})
}

// An empty sitemap or feed is a failure when asked for once, and a poll
// with nothing new when followed.
func TestEmptyListings(t *testing.T) {
	s := newSite(t)
	s.serve("/sitemap.xml", "application/xml", `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`)
	s.serve("/feed", "application/rss+xml", `<rss version="2.0"><channel><title>Quiet</title></channel></rss>`)
	_, fails := read(t, web(testFetcher()), s.URL+"/sitemap.xml", s.URL+"/feed")
	if len(fails) != 2 || fails[0].Error() != s.URL+"/sitemap.xml: the sitemap lists no pages" || fails[1].Error() != s.URL+"/feed: the feed lists no pages" {
		t.Fatalf("%v", fails)
	}
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/sitemap.xml", news.KindSitemap)
	h.subscribe(s.URL+"/feed", news.KindFeed)
	if res := h.round(); res.Polled != 2 || res.Failed != 0 {
		t.Fatalf("%v %v", res, h.fails)
	}
}
