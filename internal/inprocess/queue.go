// Package inprocess is news.Queue between goroutines of one process, for the
// embedded deployment and for tests: messages live in memory only.
package inprocess

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Options configure a Queue; the zero value is usable.
type Options struct {
	MaxDeliver int           // deliveries before a failing message is dropped and logged (default 5)
	RetryDelay time.Duration // wait before redelivering a failed message (default 100ms)
	Logger     *slog.Logger  // default slog.Default()
}

// Queue implements news.Queue in memory. Each subject is a FIFO; a failed
// message goes back to the front, so a single consumer sees messages in
// publish order even across retries.
type Queue struct {
	opt    Options
	mu     sync.Mutex
	topics map[string]*topic
	closed chan struct{}
	once   sync.Once
}

var _ news.Queue = (*Queue)(nil)

// ErrClosed is returned by Publish after Close.
var ErrClosed = errors.New("queue closed")

// New returns an empty queue.
func New(opt Options) *Queue {
	if opt.MaxDeliver <= 0 {
		opt.MaxDeliver = 5
	}
	if opt.RetryDelay <= 0 {
		opt.RetryDelay = 100 * time.Millisecond
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	return &Queue{opt: opt, topics: map[string]*topic{}, closed: make(chan struct{})}
}

type message struct {
	data       []byte
	deliveries int
}

// topic is one subject's pending messages; ready holds a token whenever a
// waiting consumer may find a message.
type topic struct {
	mu    sync.Mutex
	msgs  []*message
	ready chan struct{}
}

func (q *Queue) topic(subject string) *topic {
	q.mu.Lock()
	defer q.mu.Unlock()
	t := q.topics[subject]
	if t == nil {
		t = &topic{ready: make(chan struct{}, 1)}
		q.topics[subject] = t
	}
	return t
}

func (t *topic) signal() {
	select {
	case t.ready <- struct{}{}:
	default:
	}
}

func (t *topic) push(m *message, front bool) {
	t.mu.Lock()
	if front {
		t.msgs = append([]*message{m}, t.msgs...)
	} else {
		t.msgs = append(t.msgs, m)
	}
	t.mu.Unlock()
	t.signal()
}

func (t *topic) pop() *message {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.msgs) == 0 {
		return nil
	}
	m := t.msgs[0]
	t.msgs[0] = nil
	t.msgs = t.msgs[1:]
	if len(t.msgs) > 0 {
		t.signal() // wake another consumer for the rest
	}
	return m
}

// Publish implements news.Queue; data is copied.
func (q *Queue) Publish(ctx context.Context, subject string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("publish %s: %w", subject, err)
	}
	select {
	case <-q.closed:
		return fmt.Errorf("publish %s: %w", subject, ErrClosed)
	default:
	}
	q.topic(subject).push(&message{data: append([]byte(nil), data...)}, false)
	return nil
}

// Consume implements news.Queue. It returns nil when ctx ends or the queue
// is closed; a message being handled then goes back to the front.
func (q *Queue) Consume(ctx context.Context, subject string, handle func(ctx context.Context, data []byte) error) error {
	t := q.topic(subject)
	for {
		m := t.pop()
		if m == nil {
			select {
			case <-t.ready:
				continue
			case <-ctx.Done():
				return nil
			case <-q.closed:
				return nil
			}
		}
		if ctx.Err() != nil {
			t.push(m, true)
			return nil
		}
		m.deliveries++
		err := handle(ctx, m.data)
		if err == nil {
			continue
		}
		if ctx.Err() != nil {
			t.push(m, true)
			return nil
		}
		if m.deliveries >= q.opt.MaxDeliver {
			q.opt.Logger.Error("queue message dropped after repeated failures", "subject", subject,
				"deliveries", m.deliveries, "err", err, "data", preview(m.data))
			continue
		}
		q.opt.Logger.Warn("queue message failed, will retry", "subject", subject, "deliveries", m.deliveries, "err", err)
		select {
		case <-time.After(q.opt.RetryDelay):
			t.push(m, true)
		case <-ctx.Done():
			t.push(m, true)
			return nil
		}
	}
}

// Close stops consumers and refuses further publishing.
func (q *Queue) Close() error {
	q.once.Do(func() { close(q.closed) })
	return nil
}

// preview shortens a message for logs.
func preview(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}
