// Package queuetest is the conformance suite every news.Queue passes: the
// in-process and NATS JetStream queues run the same tests.
package queuetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// MaxDeliver is how many deliveries a queue under test must give a message
// whose handler keeps failing, before it drops (and logs) the message.
// Queues under test should also retry quickly (well under a second).
const MaxDeliver = 3

// wait bounds every step of the suite.
const wait = 10 * time.Second

// Run runs the suite; open must return a new queue, isolated from every
// other call's, configured with MaxDeliver.
func Run(t *testing.T, open func(t *testing.T) news.Queue) {
	tests := []struct {
		name string
		f    func(t *testing.T, q news.Queue)
	}{
		{"Order", testOrder},
		{"SubjectsAreSeparate", testSubjects},
		{"AckAfterSuccess", testAckAfterSuccess},
		{"CancelledHandlerIsRedelivered", testCancelRedelivers},
		{"BoundedRedelivery", testBounded},
		{"CompetingConsumers", testCompeting},
		{"ContextCancel", testCancel},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := open(t)
			t.Cleanup(func() { q.Close() })
			tc.f(t, q)
		})
	}
}

func publish(t *testing.T, q news.Queue, subject string, msgs ...string) {
	t.Helper()
	for _, m := range msgs {
		if err := q.Publish(t.Context(), subject, []byte(m)); err != nil {
			t.Fatalf("publish %s: %v", subject, err)
		}
	}
}

// consumer runs Consume in a goroutine, recording every delivery.
type consumer struct {
	mu     sync.Mutex
	got    []string
	cancel context.CancelFunc
	done   chan error
}

func consume(t *testing.T, q news.Queue, subject string, handle func(ctx context.Context, msg string) error) *consumer {
	ctx, cancel := context.WithCancel(t.Context())
	c := &consumer{cancel: cancel, done: make(chan error, 1)}
	go func() {
		c.done <- q.Consume(ctx, subject, func(ctx context.Context, data []byte) error {
			c.mu.Lock()
			c.got = append(c.got, string(data))
			c.mu.Unlock()
			if handle == nil {
				return nil
			}
			return handle(ctx, string(data))
		})
	}()
	t.Cleanup(func() { c.stop(t) })
	return c
}

func (c *consumer) seen() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.got)
}

// until waits for cond on the deliveries so far.
func (c *consumer) until(t *testing.T, what string, cond func(got []string) bool) []string {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		got := c.seen()
		if cond(got) {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; got %q", what, got)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// stop cancels the consumer and checks Consume returns promptly and cleanly.
func (c *consumer) stop(t *testing.T) {
	t.Helper()
	c.cancel()
	select {
	case err, ok := <-c.done:
		if ok && err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("consume returned %v after cancel", err)
		}
		if ok {
			close(c.done)
		}
	case <-time.After(wait):
		t.Errorf("consume did not return after cancel")
	}
}

func count(got []string, m string) int {
	n := 0
	for _, g := range got {
		if g == m {
			n++
		}
	}
	return n
}

func testOrder(t *testing.T, q news.Queue) {
	var want []string
	for i := range 25 {
		want = append(want, fmt.Sprintf("m%02d", i))
	}
	publish(t, q, "qt.order", want...)
	c := consume(t, q, "qt.order", nil)
	got := c.until(t, "25 messages", func(got []string) bool { return len(got) >= len(want) })
	if !slices.Equal(got, want) {
		t.Fatalf("order: got %q, want %q", got, want)
	}
}

func testSubjects(t *testing.T, q news.Queue) {
	publish(t, q, "qt.a", "a1")
	publish(t, q, "qt.b", "b1")
	publish(t, q, "qt.a", "a2")
	c := consume(t, q, "qt.a", nil)
	c.until(t, "a1 a2", func(got []string) bool { return len(got) >= 2 })
	time.Sleep(200 * time.Millisecond)
	if got := c.seen(); !slices.Equal(got, []string{"a1", "a2"}) {
		t.Fatalf("qt.a consumer got %q", got)
	}
}

func testAckAfterSuccess(t *testing.T, q news.Queue) {
	publish(t, q, "qt.ack", "flaky", "fine")
	failed := false
	var mu sync.Mutex
	c := consume(t, q, "qt.ack", func(_ context.Context, m string) error {
		mu.Lock()
		defer mu.Unlock()
		if m == "flaky" && !failed {
			failed = true
			return errors.New("transient")
		}
		return nil
	})
	c.until(t, "flaky redelivered", func(got []string) bool { return count(got, "flaky") >= 2 && count(got, "fine") >= 1 })
	time.Sleep(300 * time.Millisecond)
	if got := c.seen(); count(got, "flaky") != 2 || count(got, "fine") != 1 {
		t.Fatalf("deliveries %q: want flaky twice (fail, then success) and fine once", got)
	}
	c.stop(t)
	// Acknowledged messages are gone for a new consumer.
	c = consume(t, q, "qt.ack", nil)
	time.Sleep(500 * time.Millisecond)
	if got := c.seen(); len(got) != 0 {
		t.Fatalf("acknowledged messages delivered again: %q", got)
	}
}

func testCancelRedelivers(t *testing.T, q news.Queue) {
	publish(t, q, "qt.cancel", "work")
	started := make(chan struct{})
	var once sync.Once
	c := consume(t, q, "qt.cancel", func(ctx context.Context, _ string) error {
		once.Do(func() { close(started) })
		<-ctx.Done() // the process is shutting down mid-message
		return ctx.Err()
	})
	select {
	case <-started:
	case <-time.After(wait):
		t.Fatal("message never delivered")
	}
	c.stop(t)
	c = consume(t, q, "qt.cancel", nil)
	c.until(t, "redelivery to the next consumer", func(got []string) bool { return count(got, "work") == 1 })
}

func testBounded(t *testing.T, q news.Queue) {
	publish(t, q, "qt.bad", "poison", "ok")
	c := consume(t, q, "qt.bad", func(_ context.Context, m string) error {
		if m == "poison" {
			return errors.New("always fails")
		}
		return nil
	})
	c.until(t, "poison given up and ok handled", func(got []string) bool {
		return count(got, "poison") >= MaxDeliver && count(got, "ok") == 1
	})
	time.Sleep(500 * time.Millisecond)
	if got := c.seen(); count(got, "poison") != MaxDeliver {
		t.Fatalf("poison delivered %d times, want %d", count(got, "poison"), MaxDeliver)
	}
}

func testCompeting(t *testing.T, q news.Queue) {
	var want []string
	for i := range 30 {
		want = append(want, fmt.Sprintf("w%02d", i))
	}
	publish(t, q, "qt.work", want...)
	var cs []*consumer
	for range 3 {
		cs = append(cs, consume(t, q, "qt.work", func(context.Context, string) error {
			time.Sleep(time.Millisecond)
			return nil
		}))
	}
	all := func() []string {
		var got []string
		for _, c := range cs {
			got = append(got, c.seen()...)
		}
		slices.Sort(got)
		return got
	}
	deadline := time.Now().Add(wait)
	for len(all()) < len(want) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	if got := all(); !slices.Equal(got, want) {
		t.Fatalf("competing consumers handled %q, want each of %d messages once", got, len(want))
	}
}

func testCancel(t *testing.T, q news.Queue) {
	c := consume(t, q, "qt.idle", nil)
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	c.stop(t)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("consume took %v to stop", d)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := q.Publish(ctx, "qt.idle", []byte("late")); err == nil {
		t.Errorf("publish with a cancelled context succeeded")
	}
}
