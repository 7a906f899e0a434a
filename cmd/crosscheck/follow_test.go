package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// newsSite serves a home page announcing a feed, a second feed, and
// article pages; it counts the requests for each page.
func newsSite(t *testing.T) (*httptest.Server, func(string) int) {
	var mu sync.Mutex
	hits := map[string]int{}
	pages := map[string]string{
		// Pages as long as news articles are, so the page-type stage
		// takes them for articles.
		"/bridge": "The mayor of Springfield said on Monday that the old bridge would reopen to traffic next week after two years of repairs.</p>" +
			"<p>Engineers replaced the cables and the deck, and the city says the crossing will carry buses again from the first day.</p>" +
			"<p>Shop owners on both banks welcomed the news, saying the closure had cost them a third of their trade since the works began.",
		"/council": "The Springfield council denied on Tuesday that the bridge repairs had gone over budget, a spokesman said.</p>" +
			"<p>Opposition members had claimed the works cost twice the sum voted in 2022, citing invoices they had seen.</p>" +
			"<p>The spokesman said the invoices covered other projects and that the final accounts would be published next month.",
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>Springfield Daily</title>
<link rel="alternate" type="application/rss+xml" title="News" href="/feed.rss"></head><body>Home</body></html>`)
	})
	item := func(path string) string {
		return `<item><title>` + path[1:] + `</title><link>` + path + `</link><guid>` + path + `</guid></item>`
	}
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"1"`)
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Springfield Daily</title>`+item("/bridge")+item("/council")+`</channel></rss>`)
	})
	mux.HandleFunc("/other.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Springfield Daily: Bridges</title>`+item("/bridge")+`</channel></rss>`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		text, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>`,
			r.URL.Path[1:], r.URL.Path[1:], text)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, func(p string) int { mu.Lock(); defer mu.Unlock(); return hits[p] }
}

func storedArticles(t *testing.T, db string) []news.ArticleSummary {
	t.Helper()
	s, err := openExistingStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Articles(t.Context(), news.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestIngestURLs(t *testing.T) {
	srv, _ := newsSite(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("Title: Local\nSource: Local paper\n\nA local article about the weather on Sunday."), 0o644)
	// Private addresses refused by default: nothing stored but the file.
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, srv.URL + "/bridge", file}); code != 1 {
		t.Fatalf("default: exit %d, want 1", code)
	}
	if n := len(storedArticles(t, db)); n != 1 {
		t.Fatalf("stored %d, want the file only", n)
	}
	// A page, a feed and a missing page: the good ones stored, exit 1.
	code := run(t.Context(), []string{"ingest", "--quiet", "--allow-private", "--host-delay", "0", "--db", db,
		srv.URL + "/bridge", srv.URL + "/feed.rss", srv.URL + "/missing"})
	if code != 1 {
		t.Fatalf("exit %d, want 1 for the missing page", code)
	}
	list := storedArticles(t, db)
	urls := map[string]bool{}
	for _, a := range list {
		urls[a.URL] = true
	}
	if len(list) != 3 || !urls[srv.URL+"/bridge"] || !urls[srv.URL+"/council"] {
		t.Fatalf("stored %+v", list)
	}
}

func TestFollow(t *testing.T) {
	srv, hits := newsSite(t)
	db := filepath.Join(t.TempDir(), "f.db")
	fetch := []string{"--allow-private", "--host-delay", "0", "--db", db}
	// The home page leads to its feed; another feed lists one item again.
	if code := run(t.Context(), append([]string{"follow", "add", srv.URL + "/", srv.URL + "/other.rss"}, fetch...)); code != 0 {
		t.Fatalf("add: exit %d", code)
	}
	s, _ := openExistingStore(t.Context(), db)
	subs, _ := s.(news.SubscriptionStore).Subscriptions(t.Context())
	s.Close()
	if len(subs) != 2 || subs[0].URL != srv.URL+"/feed.rss" || subs[0].Site != srv.URL+"/" || subs[1].URL != srv.URL+"/other.rss" {
		t.Fatalf("subscriptions %+v", subs)
	}
	if code := run(t.Context(), append([]string{"follow", "run", "--once", "--quiet"}, fetch...)); code != 0 {
		t.Fatalf("run: exit %d", code)
	}
	if n := len(storedArticles(t, db)); n != 2 || hits("/bridge") != 1 || hits("/council") != 1 {
		t.Fatalf("stored %d, pages fetched %d and %d times", n, hits("/bridge"), hits("/council"))
	}
	// Nothing due: nothing fetched.
	if code := run(t.Context(), append([]string{"follow", "run", "--once", "--quiet"}, fetch...)); code != 0 || hits("/bridge") != 1 {
		t.Fatalf("second run: exit %d, /bridge fetched %d times", code, hits("/bridge"))
	}
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"pause", srv.URL + "/"}, {"resume", srv.URL + "/feed.rss"}, {"remove", srv.URL + "/other.rss"}} {
		if code := run(t.Context(), append(append([]string{"follow"}, args...), "--db", db)); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
	}
	if code := run(t.Context(), []string{"follow", "remove", "--db", db, srv.URL + "/other.rss"}); code != 1 {
		t.Fatalf("remove twice: exit %d", code)
	}
}

// TestServeFollows: serve polls the subscriptions (adding one through the
// API with the token) and stores their items, and --follow=false does not.
func TestServeFollows(t *testing.T) {
	srv, _ := newsSite(t)
	db := filepath.Join(t.TempDir(), "s.db")
	if code := run(t.Context(), []string{"follow", "add", "--allow-private", "--host-delay", "0", "--db", db, srv.URL + "/"}); code != 0 {
		t.Fatalf("add: exit %d", code)
	}
	serve := func(follow string) (stop func()) {
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan int)
		go func() {
			done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--allow-private", "--host-delay", "0", "--follow=" + follow, "--db", db})
		}()
		return func() {
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("serve --follow=%s: exit %d", follow, code)
			}
		}
	}
	stop := serve("false")
	time.Sleep(2 * time.Second)
	stop()
	if n := len(storedArticles(t, db)); n != 0 {
		t.Fatalf("serve --follow=false stored %d articles", n)
	}
	stop = serve("true")
	deadline := time.Now().Add(30 * time.Second)
	for len(storedArticles(t, db)) < 2 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	stop()
	if n := len(storedArticles(t, db)); n != 2 {
		t.Fatalf("serve stored %d articles, want the feed's 2", n)
	}
}
