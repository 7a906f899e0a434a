package follow_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
)

// site is a test server counting requests per path; handlers are set per
// path and may change between rounds.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	hits     map[string]int
	handlers map[string]http.HandlerFunc
	lastReq  map[string]*http.Request
}

func newSite(t *testing.T) *site {
	s := &site{hits: map[string]int{}, handlers: map[string]http.HandlerFunc{}, lastReq: map[string]*http.Request{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.lastReq[r.URL.Path] = r
		h := s.handlers[r.URL.Path]
		s.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

func (s *site) serve(path, contentType, body string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	})
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// harness is a poller over a SQLite store with a clock the test moves, and
// an ingest that collects documents.
type harness struct {
	t     *testing.T
	store *sqlite.Store
	p     *follow.Poller
	now   time.Time
	docs  []news.Document
	fails []ingest.Failure
}

func newHarness(t *testing.T, f *fetch.Fetcher) *harness {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "follow.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h := &harness{t: t, store: st, now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)}
	h.p = &follow.Poller{Web: web(f), Store: st, Now: func() time.Time { return h.now }, Rand: func() float64 { return 0.5 }}
	return h
}

func (h *harness) subscribe(u, kind string) {
	h.t.Helper()
	if _, err := h.store.AddSubscription(h.t.Context(), &news.Subscription{URL: u, Kind: kind}); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) round() follow.RoundResult {
	h.t.Helper()
	h.docs, h.fails = nil, nil
	res, err := h.p.Round(h.t.Context(), func(ctx context.Context, src follow.Source) error {
		return src(ctx, func(d news.Document) error { h.docs = append(h.docs, d); return nil },
			func(f ingest.Failure) { h.fails = append(h.fails, f) })
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return res
}

func (h *harness) sub(u string) *news.Subscription {
	h.t.Helper()
	s, err := h.store.Subscription(h.t.Context(), u)
	if err != nil {
		h.t.Fatal(err)
	}
	return s
}

// later moves the clock past every subscription's next poll.
func (h *harness) later() { h.now = h.now.Add(7 * time.Hour) }

func articlePage(title string) string {
	return page(title, "The mayor of Springfield said on Monday that the old bridge would reopen next week.")
}

func TestConditionalPollAndAdaptiveInterval(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "text/html", articlePage("A"))
	s.serve("/b", "text/html", articlePage("B"))
	feed := rss("Daily", "/a")
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		etag := fmt.Sprintf(`"%d"`, len(feed))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		fmt.Fprint(w, feed)
	})
	h := newHarness(t, testFetcher())
	u := s.URL + "/feed"
	h.subscribe(u, news.KindFeed)

	res := h.round()
	if res.Polled != 1 || res.New != 1 || len(h.docs) != 1 || h.docs[0].URL != s.URL+"/a" {
		t.Fatalf("first round: %v, %+v, %v", res, h.docs, h.fails)
	}
	sub := h.sub(u)
	if sub.ETag == "" || sub.ItemsSeen != 1 || sub.Interval != 15*time.Minute || !sub.LastNew.Equal(h.now) || !sub.NextPoll.Equal(h.now.Add(15*time.Minute)) {
		t.Fatalf("after new items: %+v", sub)
	}

	// Not due yet: nothing polled.
	if res := h.round(); res.Polled != 0 {
		t.Fatalf("polled before due: %v", res)
	}

	h.later()
	res = h.round()
	if res.Polled != 1 || res.NotModified != 1 || res.New != 0 || len(h.docs) != 0 {
		t.Fatalf("304 round: %v %+v", res, h.docs)
	}
	if got := s.lastReq["/feed"].Header.Get("If-None-Match"); got != sub.ETag {
		t.Fatalf("If-None-Match %q", got)
	}
	if sub := h.sub(u); sub.Interval != 22*time.Minute+30*time.Second || sub.Failures != 0 {
		t.Fatalf("interval after nothing new: %+v", sub)
	}

	// The feed changes: only the new item is fetched.
	feed = rss("Daily", "/a", "/b")
	h.later()
	res = h.round()
	if res.New != 1 || len(h.docs) != 1 || h.docs[0].URL != s.URL+"/b" || s.count("/a") != 1 {
		t.Fatalf("changed feed: %v %+v, /a fetched %d times", res, h.docs, s.count("/a"))
	}

	// Many rounds without news: the interval grows to the bound, no further.
	for range 20 {
		h.later()
		h.round()
	}
	if sub := h.sub(u); sub.Interval != 6*time.Hour {
		t.Fatalf("interval %s", sub.Interval)
	}
}

func TestFeedMoved(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "text/html", articlePage("A"))
	s.handle("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) })
	s.serve("/new", "application/rss+xml", rss("Daily", "/a"))
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/old", news.KindFeed)
	if res := h.round(); res.New != 1 {
		t.Fatalf("%v %v", res, h.fails)
	}
	list, _ := h.store.Subscriptions(t.Context())
	if len(list) != 1 || list[0].URL != s.URL+"/new" || list[0].ItemsSeen != 1 {
		t.Fatalf("after the move: %+v", list)
	}
}

func TestErrorThenRecovery(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "text/html", articlePage("A"))
	broken := true
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		if broken {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, rss("Daily", "/a"))
	})
	h := newHarness(t, testFetcher())
	u := s.URL + "/feed"
	h.subscribe(u, news.KindFeed)
	for i, want := range []time.Duration{5 * time.Minute, 10 * time.Minute, 20 * time.Minute} {
		start := h.now
		res := h.round()
		if res.Failed != 1 || len(h.fails) != 1 || h.fails[0].Error() != u+": HTTP error: 500 Internal Server Error" {
			t.Fatalf("round %d: %v %v", i, res, h.fails)
		}
		sub := h.sub(u)
		if sub.Failures != i+1 || sub.LastError != "HTTP error: 500 Internal Server Error" || !sub.LastErrorAt.Equal(start) ||
			!sub.NextPoll.Equal(start.Add(want)) || !sub.LastSuccess.IsZero() {
			t.Fatalf("round %d: backoff %s, state %+v", i, sub.NextPoll.Sub(start), sub)
		}
		h.now = sub.NextPoll
	}
	broken = false
	if res := h.round(); res.Failed != 0 || res.New != 1 {
		t.Fatalf("recovered: %v %v", res, h.fails)
	}
	if sub := h.sub(u); sub.Failures != 0 || !sub.LastSuccess.Equal(h.now) || sub.LastError == "" {
		t.Fatalf("after recovery: %+v (the last error stays on record)", sub)
	}
}

func TestSlowAndHugeFeeds(t *testing.T) {
	s := newSite(t)
	release := make(chan struct{})
	defer close(release)
	s.handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	chunk := strings.Repeat("<!-- padding -->", 4096)
	s.handle("/huge", func(w http.ResponseWriter, r *http.Request) {
		for n := 0; n < 50<<20; n += len(chunk) {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	f := fetch.New(fetch.Options{AllowPrivate: true, Delay: -1, HeaderTimeout: 200 * time.Millisecond, BodyTimeout: 2 * time.Second})
	h := newHarness(t, f)
	h.subscribe(s.URL+"/slow", news.KindFeed)
	h.subscribe(s.URL+"/huge", news.KindFeed)
	res := h.round()
	if res.Failed != 2 {
		t.Fatalf("%v %v", res, h.fails)
	}
	if e := h.sub(s.URL + "/slow").LastError; !strings.Contains(e, "timed out") {
		t.Errorf("slow: %q", e)
	}
	if e := h.sub(s.URL + "/huge").LastError; !strings.Contains(e, "body too large") {
		t.Errorf("huge: %q", e)
	}
}

func TestRetryAfterPostponesThePoll(t *testing.T) {
	s := newSite(t)
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		http.Error(w, "busy", http.StatusServiceUnavailable)
	})
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/feed", news.KindFeed)
	h.round()
	sub := h.sub(s.URL + "/feed")
	if sub.Failures != 1 || sub.NextPoll.Sub(h.now) < 2*time.Hour {
		t.Fatalf("%+v", sub)
	}
}

// An item in two feeds is fetched once, in the same round or a later one,
// even under another GUID.
func TestItemInTwoFeeds(t *testing.T) {
	s := newSite(t)
	s.serve("/shared", "text/html", articlePage("Shared"))
	s.serve("/only1", "text/html", articlePage("Only one"))
	s.serve("/feed1", "application/rss+xml", rss("One", "/shared", "/only1"))
	s.serve("/feed2", "application/atom+xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Two</title>
<entry><id>urn:uuid:1</id><title>Shared again</title><link rel="alternate" href="`+s.URL+`/shared?utm_source=feed"/><updated>2022-09-26T10:00:00Z</updated></entry></feed>`)
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/feed1", news.KindFeed)
	h.subscribe(s.URL+"/feed2", news.KindFeed)
	res := h.round()
	if res.New != 2 || len(h.docs) != 2 || s.count("/shared") != 1 {
		t.Fatalf("%v, docs %d, /shared fetched %d times, %v", res, len(h.docs), s.count("/shared"), h.fails)
	}
	// A third feed listing it later: still not fetched again.
	s.serve("/feed3", "application/rss+xml", rss("Three", "/shared"))
	h.subscribe(s.URL+"/feed3", news.KindFeed)
	h.later()
	if res := h.round(); res.New != 0 || s.count("/shared") != 1 {
		t.Fatalf("later: %v, /shared fetched %d times", res, s.count("/shared"))
	}
}

// A round whose ingest fails (a killed run) marks nothing seen and keeps
// the old state: the next round fetches the items again.
func TestInterruptedRoundLosesNothing(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "text/html", articlePage("A"))
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"1"`)
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, rss("Daily", "/a"))
	})
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/feed", news.KindFeed)
	if _, err := h.p.Round(t.Context(), func(ctx context.Context, src follow.Source) error {
		src(ctx, func(news.Document) error { return nil }, func(ingest.Failure) {})
		return errors.New("killed")
	}); err == nil {
		t.Fatal("no error from a failed ingest")
	}
	if sub := h.sub(s.URL + "/feed"); sub.ETag != "" || !sub.LastPoll.IsZero() {
		t.Fatalf("state saved by a failed round: %+v", sub)
	}
	if res := h.round(); res.New != 1 || len(h.docs) != 1 {
		t.Fatalf("next round: %v", res)
	}
}

// Items refused for good (robots.txt) are not asked for again; items that
// failed for now (500) are, and the feed's validators are kept back so
// that the next poll sees them.
func TestItemFailures(t *testing.T) {
	s := newSite(t)
	s.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
	s.serve("/private/x", "text/html", articlePage("X"))
	down := true
	s.handle("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if down {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, articlePage("Flaky"))
	})
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"1"`)
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, rss("Daily", "/private/x", "/flaky"))
	})
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/feed", news.KindFeed)
	res := h.round()
	if res.New != 0 || len(h.fails) != 2 || !errors.Is(h.fails[0], fetch.ErrRobots) || s.count("/private/x") != 0 {
		t.Fatalf("%v %v", res, h.fails)
	}
	if sub := h.sub(s.URL + "/feed"); sub.ETag != "" {
		t.Fatalf("validators kept despite an item to retry: %+v", sub)
	}
	down = false
	h.later()
	res = h.round()
	if res.New != 1 || len(h.fails) != 0 || h.docs[0].URL != s.URL+"/flaky" {
		t.Fatalf("second round: %v %v", res, h.fails)
	}
	if sub := h.sub(s.URL + "/feed"); sub.ETag != `"1"` {
		t.Fatalf("validators: %+v", sub)
	}
}

func TestDiscover(t *testing.T) {
	s := newSite(t)
	s.serve("/", "text/html", `<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body></body></html>`)
	s.serve("/plain", "text/html", `<html><head></head><body>nothing</body></html>`)
	s.serve("/sitemap.xml", "application/xml", `<urlset><url><loc>/a</loc></url></urlset>`)
	w := web(testFetcher())
	sub, err := w.Discover(t.Context(), s.URL+"/")
	if err != nil || sub.URL != s.URL+"/atom.xml" || sub.Kind != news.KindFeed || sub.Site != s.URL+"/" {
		t.Fatalf("home page: %+v %v", sub, err)
	}
	sub, err = w.Discover(t.Context(), s.URL+"/sitemap.xml")
	if err != nil || sub.URL != s.URL+"/sitemap.xml" || sub.Kind != news.KindSitemap {
		t.Fatalf("sitemap: %+v %v", sub, err)
	}
	if _, err := w.Discover(t.Context(), s.URL+"/plain"); err == nil || !strings.Contains(err.Error(), "announces no feed") {
		t.Fatalf("plain page: %v", err)
	}
}

// A large sitemap is fetched a few pages per round, the next round soon.
func TestLargeSitemapSpreadOverRounds(t *testing.T) {
	s := newSite(t)
	var locs strings.Builder
	for i := range 5 {
		p := fmt.Sprintf("/p%d", i)
		s.serve(p, "text/html", articlePage(p))
		locs.WriteString("<url><loc>" + p + "</loc></url>")
	}
	s.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Modified", "Mon, 26 Sep 2022 10:00:00 GMT")
		if r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+locs.String()+`</urlset>`)
	})
	h := newHarness(t, testFetcher())
	h.p.MaxItems = 2
	u := s.URL + "/sitemap.xml"
	h.subscribe(u, news.KindSitemap)
	for i, want := range []int{2, 2, 1, 0} {
		res := h.round()
		if res.New != want {
			t.Fatalf("round %d: %v, want %d new", i, res, want)
		}
		sub := h.sub(u)
		if i < 2 && (sub.LastModified != "" || !sub.NextPoll.Equal(h.now.Add(5*time.Minute))) {
			t.Fatalf("round %d: %+v", i, sub)
		}
		h.now = sub.NextPoll
	}
	if sub := h.sub(u); sub.ItemsSeen != 5 || sub.LastModified == "" {
		t.Fatalf("%+v", sub)
	}
}

// Subscriptions on different hosts are polled at once; documents still
// come in subscription order.
func TestSubscriptionsPolledInParallel(t *testing.T) {
	h := newHarness(t, testFetcher())
	for i := range 4 {
		s := newSite(t)
		p := fmt.Sprintf("/a%d", i)
		s.handle(p, func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(300 * time.Millisecond)
			fmt.Fprint(w, articlePage(p))
		})
		s.serve("/feed", "application/rss+xml", rss("Site", p))
		h.subscribe(s.URL+"/feed", news.KindFeed)
	}
	start := time.Now()
	res := h.round()
	if d := time.Since(start); d > 900*time.Millisecond {
		t.Errorf("4 slow pages on 4 hosts took %s", d)
	}
	if res.New != 4 || len(h.docs) != 4 {
		t.Fatalf("%v %v", res, h.fails)
	}
	due, _ := h.store.Subscriptions(t.Context()) // by URL, the order of the round
	for i, d := range h.docs {
		if !strings.HasPrefix(d.URL, strings.TrimSuffix(due[i].URL, "/feed")) {
			t.Errorf("document %d is %s, want one from %s", i, d.URL, due[i].URL)
		}
	}
}

// TestPollersSharingAStore: two pollers claiming from one store at the same
// time poll each subscription once between them.
func TestPollersSharingAStore(t *testing.T) {
	s := newSite(t)
	h := newHarness(t, testFetcher())
	const n = 12
	for i := range n {
		p := fmt.Sprintf("/a%d", i)
		s.serve(p, "text/html", articlePage(fmt.Sprintf("Story %d", i)))
		s.serve(fmt.Sprintf("/feed%d", i), "application/rss+xml", rss(fmt.Sprintf("Feed %d", i), p))
		h.subscribe(s.URL+fmt.Sprintf("/feed%d", i), news.KindFeed)
	}
	var mu sync.Mutex
	polled, docs := 0, 0
	var wg sync.WaitGroup
	for range 2 {
		p := &follow.Poller{Web: web(testFetcher()), Store: h.store, Now: func() time.Time { return h.now },
			Rand: func() float64 { return 0.5 }, Lease: 30 * time.Minute, ClaimLimit: 2, Parallel: 2}
		wg.Go(func() {
			for {
				res, err := p.Round(t.Context(), func(ctx context.Context, src follow.Source) error {
					return src(ctx, func(news.Document) error { mu.Lock(); docs++; mu.Unlock(); return nil }, func(ingest.Failure) {})
				})
				if err != nil {
					t.Error(err)
					return
				}
				if res.Polled == 0 {
					return
				}
				mu.Lock()
				polled += res.Polled
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if polled != n || docs != n {
		t.Errorf("polled %d, documents %d, want %d each", polled, docs, n)
	}
	for i := range n {
		if c := s.count(fmt.Sprintf("/feed%d", i)); c != 1 {
			t.Errorf("feed %d fetched %d times", i, c)
		}
	}
}

// atomFeed is an Atom feed of entries given as path, published, updated.
func atomFeed(base string, entries ...[3]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Revisions</title>`)
	for _, e := range entries {
		fmt.Fprintf(&b, `<entry><id>%s%s</id><title>Entry</title><link rel="alternate" href="%s%s"/><published>%s</published><updated>%s</updated></entry>`,
			base, e[0], base, e[0], e[1], e[2])
	}
	return b.String() + `</feed>`
}

// A page whose feed entry says it changed after it was fetched is fetched
// again, as a new revision, once per change; entries that only restate
// their publication are not.
func TestRevisedItemFetchedAgain(t *testing.T) {
	s := newSite(t)
	s.serve("/story", "text/html", articlePage("Bridge to reopen"))
	s.serve("/other", "text/html", articlePage("Other"))
	const pub = "2026-11-26T09:00:00Z"
	s.serve("/feed", "application/atom+xml", atomFeed(s.URL, [3]string{"/story", pub, pub}, [3]string{"/other", pub, pub}))
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/feed", news.KindFeed)
	if res := h.round(); res.New != 2 {
		t.Fatalf("first round: %v %v", res, h.fails)
	}
	s.serve("/story", "text/html", page("Bridge reopening delayed", "The mayor of Springfield said on Tuesday that the old bridge would stay shut for another month."))
	s.serve("/feed", "application/atom+xml", atomFeed(s.URL, [3]string{"/story", pub, "2026-11-26T15:30:00Z"}, [3]string{"/other", pub, pub}))
	h.later()
	res := h.round()
	if res.New != 1 || s.count("/story") != 2 || s.count("/other") != 1 || len(h.docs) != 1 || !strings.Contains(h.docs[0].Text+h.docs[0].HTML, "another month") {
		t.Fatalf("revised: %v, /story fetched %d, /other %d, docs %d", res, s.count("/story"), s.count("/other"), len(h.docs))
	}
	h.later()
	if res := h.round(); res.New != 0 || s.count("/story") != 2 {
		t.Fatalf("unchanged since: %v, /story fetched %d times", res, s.count("/story"))
	}
}

// A feed that stamps every entry with its build time says nothing about
// its pages: they are not fetched again.
func TestRestampedFeedNotRefetched(t *testing.T) {
	s := newSite(t)
	for _, p := range []string{"/a", "/b", "/c"} {
		s.serve(p, "text/html", articlePage("Page "+p))
	}
	const pub = "2026-11-20T09:00:00Z"
	feed := func(built string) string {
		return atomFeed(s.URL, [3]string{"/a", pub, built}, [3]string{"/b", pub, built}, [3]string{"/c", pub, built})
	}
	s.serve("/feed", "application/atom+xml", feed("2026-11-26T10:00:00Z"))
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/feed", news.KindFeed)
	if res := h.round(); res.New != 3 {
		t.Fatalf("first round: %v %v", res, h.fails)
	}
	s.serve("/feed", "application/atom+xml", feed("2026-11-26T18:00:00Z"))
	h.later()
	if res := h.round(); res.New != 0 || s.count("/a") != 1 {
		t.Fatalf("restamped: %v, /a fetched %d times", res, s.count("/a"))
	}
}

// Run waits between rounds for the next subscription due, at most a minute;
// a wake (serve's, when a subscription is added) ends the wait at once.
func TestRunWakesForANewSubscription(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "text/html", articlePage("A"))
	s.serve("/b", "text/html", articlePage("B"))
	s.serve("/feed1", "application/rss+xml", rss("One", "/a"))
	s.serve("/feed2", "application/rss+xml", rss("Two", "/b"))
	h := newHarness(t, testFetcher())
	h.subscribe(s.URL+"/feed1", news.KindFeed)
	wake := make(chan struct{}, 1)
	h.p.Wake = wake
	rounds := make(chan follow.RoundResult, 4)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go h.p.Run(ctx, func(ctx context.Context, src follow.Source) error {
		return src(ctx, func(news.Document) error { return nil }, func(ingest.Failure) {})
	}, func(r follow.RoundResult) { rounds <- r })
	select {
	case <-rounds:
	case <-time.After(10 * time.Second):
		t.Fatal("first round not done")
	}
	h.subscribe(s.URL+"/feed2", news.KindFeed) // due now; Run is waiting up to a minute
	wake <- struct{}{}
	select {
	case r := <-rounds:
		if r.New != 1 {
			t.Errorf("woken round: %v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the wake did not start a round")
	}
}
