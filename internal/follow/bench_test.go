//go:build unix

package follow_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
)

// BenchmarkRoundUnchanged polls 1,000 subscriptions on one local host that
// answer 304 Not Modified, through a SQLite store. It reports the CPU time
// of a round (client, server and store together, so an upper bound) as a
// share of one core when every subscription is polled at the shortest
// interval, 5 minutes.
func BenchmarkRoundUnchanged(b *testing.B) {
	const n = 1000
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `"1"`)
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, rss("Quiet", "/seen"))
	}))
	defer srv.Close()
	st, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := b.Context()
	for i := range n {
		st.AddSubscription(ctx, &news.Subscription{URL: fmt.Sprintf("%s/feed/%d", srv.URL, i), Kind: news.KindFeed, ETag: `"1"`})
	}
	now := time.Now()
	p := &follow.Poller{
		Web:   &follow.Web{Fetch: fetch.New(fetch.Options{AllowPrivate: true, Delay: -1}), Reader: &ingest.Reader{}},
		Store: st, Now: func() time.Time { return now },
	}
	ingestFn := func(ctx context.Context, src follow.Source) error {
		return src(ctx, func(news.Document) error { return nil }, func(f ingest.Failure) { b.Error(f) })
	}
	var cpu time.Duration
	rounds := 0
	for b.Loop() {
		now = now.Add(7 * time.Hour)
		before := cpuTime()
		res, err := p.Round(ctx, ingestFn)
		cpu += cpuTime() - before
		rounds++
		if err != nil || res.Polled != n || res.NotModified != n {
			b.Fatalf("%v %v", res, err)
		}
	}
	perRound := cpu / time.Duration(rounds)
	b.ReportMetric(float64(perRound)/float64(5*time.Minute)*100, "%core@5min")
	b.ReportMetric(float64(perRound.Microseconds())/n, "cpu-µs/poll")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
