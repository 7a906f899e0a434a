package fetch_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
)

// testOptions fetch from the loopback test servers quickly.
func testOptions() fetch.Options {
	return fetch.Options{AllowPrivate: true, Delay: -1, HeaderTimeout: 2 * time.Second, BodyTimeout: 2 * time.Second}
}

func server(t *testing.T, mux *http.ServeMux) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestConditionalGet(t *testing.T) {
	var uas []string
	var mu sync.Mutex
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		uas = append(uas, r.UserAgent())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Mon, 02 Jan 2006 15:04:05 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, "<rss></rss>")
	})
	srv := server(t, mux)
	f := fetch.New(testOptions())
	r, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + "/feed"})
	if err != nil {
		t.Fatal(err)
	}
	if r.NotModified || string(r.Body) != "<rss></rss>" || r.ETag != `"v1"` || r.MediaType() != "application/rss+xml" {
		t.Fatalf("first get: %+v", r)
	}
	for _, req := range []fetch.Request{{ETag: r.ETag}, {LastModified: r.LastModified}} {
		req.URL = srv.URL + "/feed"
		r2, err := f.Get(t.Context(), req)
		if err != nil {
			t.Fatal(err)
		}
		if !r2.NotModified || len(r2.Body) != 0 {
			t.Fatalf("conditional get %+v: %+v", req, r2)
		}
	}
	if !strings.HasPrefix(uas[0], "crosscheck/") {
		t.Errorf("User-Agent %q", uas[0])
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) })
	mux.HandleFunc("/temp", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusFound) })
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "here") })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := server(t, mux)
	f := fetch.New(testOptions())
	r, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + "/old"})
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Body) != "here" || r.URL != srv.URL+"/new" || r.Moved != srv.URL+"/new" {
		t.Fatalf("301: %+v", r)
	}
	r, err = f.Get(t.Context(), fetch.Request{URL: srv.URL + "/temp"})
	if err != nil || r.Moved != "" || r.URL != srv.URL+"/new" {
		t.Fatalf("302: %+v, %v", r, err)
	}
	_, err = f.Get(t.Context(), fetch.Request{URL: srv.URL + "/loop"})
	if !errors.Is(err, fetch.ErrRedirects) {
		t.Fatalf("loop: %v", err)
	}
}

func TestErrorsNameTheURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	srv := server(t, mux)
	f := fetch.New(testOptions())
	_, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + "/broken"})
	var fe *fetch.Error
	if !errors.As(err, &fe) || fe.Status != 500 || !errors.Is(err, fetch.ErrStatus) || fetch.Permanent(err) {
		t.Fatalf("500: %v", err)
	}
	if want := srv.URL + "/broken: HTTP error: 500 Internal Server Error"; err.Error() != want {
		t.Fatalf("message %q, want %q", err, want)
	}
	if _, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + "/gone"}); !fetch.Permanent(err) {
		t.Fatalf("410 should be permanent: %v", err)
	}
	if _, err := f.Get(t.Context(), fetch.Request{URL: "ftp://example.com/x"}); !errors.Is(err, fetch.ErrScheme) {
		t.Fatalf("ftp: %v", err)
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("start"))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	srv := server(t, mux)
	defer close(release)
	opt := testOptions()
	opt.HeaderTimeout, opt.BodyTimeout = 200*time.Millisecond, 200*time.Millisecond
	f := fetch.New(opt)
	for _, p := range []string{"/slow-headers", "/slow-body"} {
		start := time.Now()
		_, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + p})
		if !errors.Is(err, fetch.ErrTimeout) {
			t.Errorf("%s: %v", p, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s took %s", p, d)
		}
	}
}

func TestBodyCapped(t *testing.T) {
	const big = 50 << 20
	mux := http.NewServeMux()
	chunk := []byte(strings.Repeat("x", 1<<16))
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		for n := 0; n < big; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/announced", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(big))
		w.Write(chunk)
	})
	// 50 MB of zeros in about 50 KB of gzip, compressed once.
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 50 {
		zw.Write(zeros)
	}
	zw.Close()
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	srv := server(t, mux)
	opt := testOptions()
	opt.MaxBody = 1 << 20
	f := fetch.New(opt)
	for _, p := range []string{"/big", "/announced", "/bomb"} {
		_, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + p})
		if !errors.Is(err, fetch.ErrTooLarge) {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestRobotsDisallow(t *testing.T) {
	var robotsFetches, pageFetches atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsFetches.Add(1)
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		pageFetches.Add(1)
		fmt.Fprint(w, "page")
	})
	srv := server(t, mux)
	f := fetch.New(testOptions())
	if _, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + "/public/a"}); err != nil {
		t.Fatal(err)
	}
	_, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + "/private/a"})
	if !errors.Is(err, fetch.ErrRobots) || !fetch.Permanent(err) {
		t.Fatalf("disallowed path: %v", err)
	}
	if robotsFetches.Load() != 1 || pageFetches.Load() != 1 {
		t.Fatalf("robots.txt fetched %d times, pages %d", robotsFetches.Load(), pageFetches.Load())
	}
}

func TestPrivateAddressesRefused(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); fmt.Fprint(w, "inside") })
	srv := server(t, mux)
	// A public-looking name that resolves to loopback is refused too: the
	// check is on the address dialled.
	for _, u := range []string{srv.URL + "/x", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/x"} {
		_, err := fetch.New(fetch.Options{}).Get(t.Context(), fetch.Request{URL: u})
		if !errors.Is(err, fetch.ErrPrivate) {
			t.Errorf("%s: %v", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Fatalf("the server was reached %d times", hits.Load())
	}
	if _, err := fetch.New(testOptions()).Get(t.Context(), fetch.Request{URL: srv.URL + "/x"}); err != nil {
		t.Fatalf("allowed: %v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	srv := server(t, mux)
	f := fetch.New(testOptions())
	for range 2 {
		_, err := f.Get(t.Context(), fetch.Request{URL: srv.URL + "/a"})
		var fe *fetch.Error
		if !errors.As(err, &fe) || fe.Status != 429 || fe.RetryAfter < 100*time.Second || fetch.Permanent(err) {
			t.Fatalf("429: %v %+v", err, fe)
		}
	}
	if hits.Load() != 1 { // the second Get waits without asking
		t.Fatalf("%d requests, want 1", hits.Load())
	}
}

func TestOneRequestAtATimePerHost(t *testing.T) {
	var cur, peak atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		defer cur.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		fmt.Fprint(w, "ok")
	})
	srv := server(t, mux)
	opt := testOptions()
	opt.Delay = 10 * time.Millisecond
	f := fetch.New(opt)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range 5 {
		wg.Go(func() {
			if _, err := f.Get(t.Context(), fetch.Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if peak.Load() != 1 {
		t.Fatalf("%d requests at once", peak.Load())
	}
	if d := time.Since(start); d < 6*20*time.Millisecond {
		t.Fatalf("6 requests in %s: not one at a time", d)
	}
}

// Many requests to one host reuse one connection.
func TestOneConnectionPerHost(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	f := fetch.New(testOptions())
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			if _, err := f.Get(t.Context(), fetch.Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := conns.Load(); n != 1 {
		t.Fatalf("%d connections", n)
	}
}
