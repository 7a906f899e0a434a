package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
)

// feedAt subscribes to any URL as a feed of its own.
type feedAt struct{}

func (feedAt) Discover(_ context.Context, u string) (news.Subscription, error) {
	return news.Subscription{URL: u, Kind: news.KindFeed}, nil
}

// TestSubscriptionsPage lists subscriptions with their state, and its form
// changes them only with the ingest token.
func TestSubscriptionsPage(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := time.Now()
	failing := news.Subscription{URL: "https://b.example/rss", Kind: news.KindFeed, NextPoll: now.Add(9*time.Minute + 30*time.Second)}
	if _, err := st.AddSubscription(t.Context(), &failing); err != nil {
		t.Fatal(err)
	}
	failing.Failures, failing.LastError, failing.LastErrorAt = 2, "HTTP error: 503 <Service> Unavailable", now.Add(-4*time.Minute-30*time.Second)
	failing.LastSuccess, failing.ItemsSeen, failing.Interval = now.Add(-130*time.Minute-30*time.Second), 7, 45*time.Minute
	if err := st.UpdateSubscription(t.Context(), failing.URL, &failing); err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, Config{Store: st, IngestToken: "tok", Discoverer: feedAt{}})
	post := func(token, action, u string) (int, string) {
		t.Helper()
		res, err := http.PostForm(srv.URL+"/subscriptions", url.Values{"token": {token}, "action": {action}, "url": {u}})
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, c := range []struct {
		token, action, url string
		want               int
		says               string
	}{
		{"", "subscribe", "https://a.example/feed", 401, "wrong or missing token"},
		{"nope", "subscribe", "https://a.example/feed", 401, "wrong or missing token"},
		{"tok", "subscribe", "javascript:alert(1)", 400, "http or https"},
		{"tok", "subscribe", "https://a.example/feed", 200, "Subscribed to https://a.example/feed"},
		{"tok", "subscribe", "https://a.example/feed", 200, "Already subscribed"},
		{"tok", "pause", "https://a.example/feed", 200, "Paused https://a.example/feed"},
		{"tok", "remove", "https://c.example/", 404, "not subscribed"},
		{"tok", "explode", "https://a.example/feed", 400, "unknown action"},
	} {
		code, body := post(c.token, c.action, c.url)
		if code != c.want || !strings.Contains(body, c.says) {
			t.Errorf("%s %s with %q: status %d, want %d saying %q", c.action, c.url, c.token, code, c.want, c.says)
		}
	}
	res, err := http.Get(srv.URL + "/subscriptions")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	page := string(b)
	for _, want := range []string{
		`<tr class="paused"><td><a href="https://a.example/feed"`, "paused",
		"failing (2)", "2h10m ago", "in 9m", "45m", "4m ago: HTTP error: 503 &lt;Service&gt; Unavailable",
		`name="token"`, `<option value="subscribe">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}

	// Without a token the page says how to enable the form, and posts are refused.
	off := newTestServer(t, Config{Store: st})
	res, err = http.PostForm(off.URL+"/subscriptions", url.Values{"token": {""}, "action": {"pause"}, "url": {failing.URL}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 403 || strings.Contains(string(b), `name="token"`) {
		t.Errorf("no token: status %d, want 403 and no form", res.StatusCode)
	}
}
