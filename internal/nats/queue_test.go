package nats_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/nats"
	"github.com/crosscheck-news/crosscheck/internal/nats/natstest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/queuetest"
)

func open(t *testing.T, opt nats.Options) *nats.Queue {
	t.Helper()
	opt.Namespace = natstest.Namespace(t)
	opt.URL = natstest.URL()
	opt.MaxDeliver = queuetest.MaxDeliver
	opt.RetryDelay = 50 * time.Millisecond
	opt.PollWait = 200 * time.Millisecond
	q, err := nats.Open(t.Context(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestConformance(t *testing.T) {
	queuetest.Run(t, func(t *testing.T) news.Queue { return open(t, nats.Options{}) })
}

// An ordered subject keeps publish order even when a message is retried.
func TestOrderedSubjectKeepsOrderAcrossRetries(t *testing.T) {
	q := open(t, nats.Options{Ordered: []string{"qt.ordered"}})
	defer q.Close()
	want := []string{"a", "b", "c", "d"}
	for _, m := range want {
		if err := q.Publish(t.Context(), "qt.ordered", []byte(m)); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	var (
		mu     sync.Mutex
		got    []string
		failed bool
	)
	done := make(chan error, 1)
	go func() {
		done <- q.Consume(ctx, "qt.ordered", func(_ context.Context, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			if string(data) == "b" && !failed {
				failed = true
				return errors.New("transient")
			}
			got = append(got, string(data))
			if len(got) == len(want) {
				cancel()
			}
			return nil
		})
	}()
	waitDone(t, done, cancel, 10*time.Second)
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestBadSubject(t *testing.T) {
	q := open(t, nats.Options{})
	defer q.Close()
	for _, s := range []string{"nodot", "a.*", "a.>", ".x"} {
		if err := q.Publish(t.Context(), s, []byte("x")); err == nil {
			t.Errorf("publish to %q succeeded", s)
		}
	}
}

// ConsumeBatch hands an ordered subject's messages over in batches of at
// most max, in publish order, and redelivers a whole failed batch.
func TestConsumeBatch(t *testing.T) {
	q := open(t, nats.Options{Ordered: []string{"qt.batch"}})
	defer q.Close()
	var want []string
	for i := range 25 {
		m := string(rune('a' + i))
		want = append(want, m)
		if err := q.Publish(t.Context(), "qt.batch", []byte(m)); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	var (
		mu      sync.Mutex
		got     []string
		batches int
		failed  bool
	)
	done := make(chan error, 1)
	go func() {
		done <- q.ConsumeBatch(ctx, "qt.batch", 10, func(_ context.Context, batch [][]byte) error {
			mu.Lock()
			defer mu.Unlock()
			if len(batch) > 10 {
				t.Errorf("batch of %d", len(batch))
			}
			if !failed {
				failed = true
				return errors.New("transient") // the whole batch comes again
			}
			batches++
			for _, b := range batch {
				got = append(got, string(b))
			}
			if len(got) >= len(want) {
				cancel()
			}
			return nil
		})
	}()
	waitDone(t, done, cancel, 20*time.Second)
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if batches >= len(want) {
		t.Errorf("%d batches for %d messages: not batched", batches, len(want))
	}
}

// waitDone waits for a consumer to return, failing the test on its error or
// after limit (cancelling it then).
func waitDone(t *testing.T, done <-chan error, cancel context.CancelFunc, limit time.Duration) {
	t.Helper()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(limit):
		cancel()
		t.Fatal("timed out")
	}
}
