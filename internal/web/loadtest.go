package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// LoadResult is what a bounded load test measured.
type LoadResult struct {
	Requests  int
	Errors    int // transport errors and non-200 answers
	P50, P95  time.Duration
	Max       time.Duration
	PerSecond float64
	Elapsed   time.Duration
}

func (r LoadResult) String() string {
	return fmt.Sprintf("%d requests, %d errors, p50 %v, p95 %v, max %v, %.0f requests/s",
		r.Requests, r.Errors, r.P50.Round(10*time.Microsecond), r.P95.Round(10*time.Microsecond),
		r.Max.Round(10*time.Microsecond), r.PerSecond)
}

// LoadTest sends exactly n GET requests, cycling through urls, from
// `workers` concurrent clients, then stops and reports latency percentiles
// and throughput. Bodies are read in full so the time includes the transfer.
func LoadTest(ctx context.Context, client *http.Client, urls []string, n, workers int) (LoadResult, error) {
	if len(urls) == 0 || n <= 0 {
		return LoadResult{}, fmt.Errorf("load test: no urls or requests")
	}
	workers = max(1, min(workers, n))
	lat := make([]time.Duration, n)
	var next, errs atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				req, err := http.NewRequestWithContext(ctx, "GET", urls[i%len(urls)], nil)
				if err != nil {
					errs.Add(1)
					continue
				}
				res, err := client.Do(req)
				if err != nil {
					errs.Add(1)
					lat[i] = time.Since(t0)
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					errs.Add(1)
				}
				lat[i] = time.Since(t0)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := ctx.Err(); err != nil {
		return LoadResult{}, err
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(n-1, int(p*float64(n)))] }
	return LoadResult{Requests: n, Errors: int(errs.Load()), P50: pct(0.50), P95: pct(0.95), Max: lat[n-1],
		PerSecond: float64(n) / elapsed.Seconds(), Elapsed: elapsed}, nil
}
