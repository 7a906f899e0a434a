package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
)

// fakeDiscoverer subscribes to URLs ending in .xml and finds /feed.xml
// on any other page, except /plain, which announces no feed.
type fakeDiscoverer struct{}

func (fakeDiscoverer) Discover(_ context.Context, u string) (news.Subscription, error) {
	switch {
	case strings.HasSuffix(u, ".xml"):
		return news.Subscription{URL: u, Kind: news.KindFeed}, nil
	case strings.HasSuffix(u, "/plain"):
		return news.Subscription{}, errors.New(u + ": the page announces no feed")
	}
	return news.Subscription{URL: strings.TrimSuffix(u, "/") + "/feed.xml", Kind: news.KindFeed, Site: u}, nil
}

func TestSubscriptions(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	const token = "s3cret"
	serve := func(opt Options) *httptest.Server {
		opt.Store = st
		a, err := New(opt)
		if err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		a.Register(mux)
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		return srv
	}
	on := serve(Options{Token: token, Discoverer: fakeDiscoverer{}})
	off := serve(Options{Discoverer: fakeDiscoverer{}})
	noFetch := serve(Options{Token: token})

	do := func(srv *httptest.Server, method, path, auth, body string, into any) int {
		t.Helper()
		req, _ := http.NewRequestWithContext(t.Context(), method, srv.URL+path, strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if into != nil && res.StatusCode < 300 {
			if err := json.NewDecoder(res.Body).Decode(into); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
		}
		return res.StatusCode
	}
	const add = `{"url": "https://news.example/"}`
	for _, c := range []struct {
		name         string
		srv          *httptest.Server
		method, path string
		auth, body   string
		want         int
	}{
		{"add without token on server", off, "POST", "/api/v1/subscriptions", token, add, 403},
		{"add without fetching", noFetch, "POST", "/api/v1/subscriptions", token, add, 403},
		{"add without header", on, "POST", "/api/v1/subscriptions", "", add, 401},
		{"add wrong token", on, "POST", "/api/v1/subscriptions", "nope", add, 401},
		{"add not a URL", on, "POST", "/api/v1/subscriptions", token, `{"url": "file:///etc/passwd"}`, 400},
		{"add bad JSON", on, "POST", "/api/v1/subscriptions", token, `url=x`, 400},
		{"add no feed", on, "POST", "/api/v1/subscriptions", token, `{"url": "https://x.example/plain"}`, 422},
		{"add home page", on, "POST", "/api/v1/subscriptions", token, add, 201},
		{"add again", on, "POST", "/api/v1/subscriptions", token, `{"url": "https://news.example/feed.xml"}`, 200},
		{"add feed", on, "POST", "/api/v1/subscriptions", token, `{"url": "https://b.example/rss.xml"}`, 201},
		{"pause without token", on, "POST", "/api/v1/subscriptions/pause?url=https://b.example/rss.xml", "", "", 401},
		{"pause unknown", on, "POST", "/api/v1/subscriptions/pause?url=https://c.example/", token, "", 404},
		{"pause no url", on, "POST", "/api/v1/subscriptions/pause", token, "", 400},
		{"pause by site", on, "POST", "/api/v1/subscriptions/pause?url=https://news.example/", token, "", 200},
		{"remove without token", on, "DELETE", "/api/v1/subscriptions?url=https://b.example/rss.xml", "", "", 401},
		{"remove", on, "DELETE", "/api/v1/subscriptions?url=https://b.example/rss.xml", token, "", 200},
		{"remove again", on, "DELETE", "/api/v1/subscriptions?url=https://b.example/rss.xml", token, "", 404},
	} {
		if got := do(c.srv, c.method, c.path, c.auth, c.body, nil); got != c.want {
			t.Errorf("%s: status %d, want %d", c.name, got, c.want)
		}
	}
	var list []news.Subscription
	if code := do(off, "GET", "/api/v1/subscriptions", "", "", &list); code != 200 {
		t.Fatalf("list: status %d", code)
	}
	if len(list) != 1 || list[0].URL != "https://news.example/feed.xml" || list[0].Site != "https://news.example/" || !list[0].Paused {
		t.Fatalf("list = %+v, want the paused feed of news.example", list)
	}
	var resumed []news.Subscription
	do(on, "POST", "/api/v1/subscriptions/resume?url=https://news.example/feed.xml", token, "", &resumed)
	if len(resumed) != 1 || resumed[0].Paused {
		t.Errorf("resume = %+v", resumed)
	}
	var res SubscriptionResult
	do(on, "POST", "/api/v1/subscriptions", token, add, &res)
	if res.Added || res.Subscription.URL != "https://news.example/feed.xml" {
		t.Errorf("add again = %+v", res)
	}
}

// A store without subscriptions (read-only, in memory) answers 404.
func TestSubscriptionsNotKept(t *testing.T) {
	srv := newServer(t, Options{})
	var body ErrorBody
	if code := get(t, srv.URL+"/api/v1/subscriptions", &body); code != 404 {
		t.Errorf("status %d, want 404", code)
	}
}

// notifying counts the subscriptions it was told were added.
type notifying struct {
	fakeDiscoverer
	added []string
}

func (n *notifying) Subscribed(s news.Subscription) { n.added = append(n.added, s.URL) }

// A Discoverer that is a Notifier hears of each subscription added, once,
// and not of one that was there already.
func TestSubscribeNotifies(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n := &notifying{}
	for range 2 {
		if _, err := Subscribe(t.Context(), st, n, "https://a.example/"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Subscribe(t.Context(), st, n, "https://b.example/plain"); err == nil {
		t.Fatal("a page without a feed was subscribed")
	}
	if len(n.added) != 1 || n.added[0] != "https://a.example/feed.xml" {
		t.Errorf("told of %q, want the one feed added", n.added)
	}
}
