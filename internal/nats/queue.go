// Package nats is news.Queue on NATS JetStream for the distributed
// deployment: one work-queue stream per subject prefix, one durable pull
// consumer per subject, explicit acknowledgement after the handler succeeded.
package nats

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Options configure a Queue. Zero fields take the defaults shown.
type Options struct {
	// URL of the server, e.g. nats://127.0.0.1:4222. A "namespace" query
	// parameter sets Namespace.
	URL string
	// Namespace prefixes every subject and stream, so several deployments
	// (or tests) can share one server.
	Namespace  string
	MaxDeliver int           // deliveries before a failing message is terminated and logged (5)
	RetryDelay time.Duration // delay before a failed message is redelivered (2s)
	AckWait    time.Duration // redelivery of a message whose consumer vanished (30s); kept alive while handling
	PollWait   time.Duration // longest wait for a message before checking ctx again (1s)
	// Ordered subjects allow one unacknowledged message at a time across all
	// consumers, so they are handled strictly in publish order, retries
	// included (the story assigner's input).
	Ordered []string
	Logger  *slog.Logger // default slog.Default()
}

// Queue implements news.Queue on JetStream.
type Queue struct {
	opt     Options
	nc      *natsgo.Conn
	js      jetstream.JetStream
	mu      sync.Mutex
	streams map[string]bool
}

var _ news.Queue = (*Queue)(nil)

// IsURL reports whether a --queue value names a NATS server.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "nats://") || strings.HasPrefix(s, "tls://")
}

// Open connects to the server.
func Open(ctx context.Context, opt Options) (*Queue, error) {
	if u, err := url.Parse(opt.URL); err == nil && u.RawQuery != "" {
		if ns := u.Query().Get("namespace"); ns != "" && opt.Namespace == "" {
			opt.Namespace = ns
		}
		u.RawQuery = ""
		opt.URL = u.String()
	}
	if opt.MaxDeliver <= 0 {
		opt.MaxDeliver = 5
	}
	if opt.RetryDelay <= 0 {
		opt.RetryDelay = 2 * time.Second
	}
	if opt.AckWait <= 0 {
		opt.AckWait = 30 * time.Second
	}
	if opt.PollWait <= 0 {
		opt.PollWait = time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	timeout := 5 * time.Second
	if d, ok := ctx.Deadline(); ok {
		timeout = time.Until(d)
	}
	nc, err := natsgo.Connect(opt.URL, natsgo.Name("crosscheck"), natsgo.Timeout(timeout), natsgo.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("connect nats %s: %w", opt.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("connect nats %s: %w", opt.URL, err)
	}
	return &Queue{opt: opt, nc: nc, js: js, streams: map[string]bool{}}, nil
}

// Close closes the connection.
func (q *Queue) Close() error {
	q.nc.Close()
	return nil
}

// subject maps a queue subject to the server's, and names its stream and
// durable consumer: "crosscheck.saved" in namespace "t1" is subject
// "t1.crosscheck.saved" in stream "t1_crosscheck" read by "crosscheck_saved".
func (q *Queue) subject(subject string) (full, stream, streamSubjects, durable string, err error) {
	prefix, _, ok := strings.Cut(subject, ".")
	if !ok || prefix == "" || strings.ContainsAny(subject, "*> \t") {
		return "", "", "", "", fmt.Errorf("subject %q: want PREFIX.NAME without wildcards", subject)
	}
	full, stream, streamSubjects = subject, prefix, prefix+".>"
	if q.opt.Namespace != "" {
		full = q.opt.Namespace + "." + subject
		stream = q.opt.Namespace + "_" + prefix
		streamSubjects = q.opt.Namespace + "." + streamSubjects
	}
	return full, sanitize(stream), streamSubjects, sanitize(subject), nil
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, s)
}

// ensureStream creates the subject prefix's stream once per process.
func (q *Queue) ensureStream(ctx context.Context, stream, subjects string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.streams[stream] {
		return nil
	}
	_, err := q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:      stream,
		Subjects:  []string{subjects},
		Retention: jetstream.WorkQueuePolicy, // a message is gone once acknowledged
		Storage:   jetstream.FileStorage,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", stream, err)
	}
	q.streams[stream] = true
	return nil
}

// Publish implements news.Queue: it returns after the stream stored data.
func (q *Queue) Publish(ctx context.Context, subject string, data []byte) error {
	full, stream, subjects, _, err := q.subject(subject)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("publish %s: %w", subject, err)
	}
	if err := q.ensureStream(ctx, stream, subjects); err != nil {
		return fmt.Errorf("publish %s: %w", subject, err)
	}
	if _, err := q.js.Publish(ctx, full, data); err != nil {
		return fmt.Errorf("publish %s: %w", subject, err)
	}
	return nil
}

// consumer creates or updates subject's durable consumer; an ordered
// subject has at most inFlight messages unacknowledged. nil, nil when ctx
// ended.
func (q *Queue) consumer(ctx context.Context, subject string, inFlight int) (jetstream.Consumer, error) {
	full, stream, subjects, durable, err := q.subject(subject)
	if err != nil {
		return nil, err
	}
	if err := q.ensureStream(ctx, stream, subjects); err != nil {
		return nil, fmt.Errorf("consume %s: %w", subject, err)
	}
	pending := 1000
	for _, s := range q.opt.Ordered {
		if s == subject {
			pending = inFlight
		}
	}
	cons, err := q.js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:       durable,
		FilterSubject: full,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opt.AckWait,
		MaxDeliver:    q.opt.MaxDeliver,
		MaxAckPending: pending,
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil
		}
		return nil, fmt.Errorf("consume %s: %w", subject, err)
	}
	return cons, nil
}

// ConsumeBatch is Consume for a handler that takes the messages waiting, up
// to max at once, in order: it waits for one, takes what else is there, and
// acknowledges them all when handle returns nil; otherwise all are
// redelivered (handlers must be idempotent). On an ordered subject up to
// max messages are in flight.
func (q *Queue) ConsumeBatch(ctx context.Context, subject string, max int, handle func(ctx context.Context, batch [][]byte) error) error {
	cons, err := q.consumer(ctx, subject, max)
	if err != nil || cons == nil {
		return err
	}
	for ctx.Err() == nil {
		msgs, err := q.fetch(cons, 1, true)
		if err == nil && len(msgs) == 1 && max > 1 {
			var more []jetstream.Msg
			more, err = q.fetch(cons, max-1, false)
			msgs = append(msgs, more...)
		}
		if err != nil {
			if errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) {
				return fmt.Errorf("consume %s: %w", subject, err)
			}
			if ctx.Err() == nil {
				q.opt.Logger.Warn("queue fetch failed", "subject", subject, "err", err)
				sleep(ctx, q.opt.PollWait)
			}
		}
		if len(msgs) > 0 {
			q.handleBatch(ctx, subject, msgs, handle)
		}
	}
	return nil
}

// fetch takes up to n messages: waiting up to PollWait for them, or only
// those there now.
func (q *Queue) fetch(cons jetstream.Consumer, n int, wait bool) ([]jetstream.Msg, error) {
	var batch jetstream.MessageBatch
	var err error
	if wait {
		batch, err = cons.Fetch(n, jetstream.FetchMaxWait(q.opt.PollWait))
	} else {
		batch, err = cons.FetchNoWait(n)
	}
	if err != nil {
		return nil, err
	}
	var msgs []jetstream.Msg
	for msg := range batch.Messages() {
		msgs = append(msgs, msg)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, natsgo.ErrTimeout) {
		return msgs, err
	}
	return msgs, nil
}

// handleBatch runs handle over msgs and settles them all as handle settles
// one message.
func (q *Queue) handleBatch(ctx context.Context, subject string, msgs []jetstream.Msg, handle func(ctx context.Context, batch [][]byte) error) {
	settle, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if ctx.Err() != nil {
		for _, m := range msgs {
			q.settleErr(subject, "nak", m.Nak())
		}
		return
	}
	data := make([][]byte, len(msgs))
	for i, m := range msgs {
		data[i] = m.Data()
	}
	stop := q.keepAlive(msgs...)
	err := handle(ctx, data)
	stop()
	if err == nil {
		for i, m := range msgs {
			if i == len(msgs)-1 {
				q.settleErr(subject, "ack", m.DoubleAck(settle)) // the server has them all once it has the last
			} else {
				q.settleErr(subject, "ack", m.Ack())
			}
		}
		return
	}
	q.opt.Logger.Warn("queue batch failed, will retry", "subject", subject, "messages", len(msgs), "err", err)
	for _, m := range msgs {
		q.settleErr(subject, "nak", m.Nak())
	}
}

// Consume implements news.Queue with the subject's durable pull consumer;
// several Consume calls, in one process or many, share its messages. It
// returns nil when ctx ends.
func (q *Queue) Consume(ctx context.Context, subject string, handle func(ctx context.Context, data []byte) error) error {
	cons, err := q.consumer(ctx, subject, 1)
	if err != nil || cons == nil {
		return err
	}
	for ctx.Err() == nil {
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(q.opt.PollWait))
		if err != nil {
			if errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) {
				return fmt.Errorf("consume %s: %w", subject, err)
			}
			q.opt.Logger.Warn("queue fetch failed", "subject", subject, "err", err)
			sleep(ctx, q.opt.PollWait)
			continue
		}
		for msg := range batch.Messages() {
			q.handle(ctx, subject, msg, handle)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, natsgo.ErrTimeout) && ctx.Err() == nil {
			if errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) {
				return fmt.Errorf("consume %s: %w", subject, err)
			}
			q.opt.Logger.Warn("queue fetch failed", "subject", subject, "err", err)
			sleep(ctx, q.opt.PollWait)
		}
	}
	return nil
}

// handle runs one message and settles it: ack on success, nak with delay on
// failure, nak at once when shutting down, term (logged) after MaxDeliver.
func (q *Queue) handle(ctx context.Context, subject string, msg jetstream.Msg, handle func(ctx context.Context, data []byte) error) {
	settle, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if ctx.Err() != nil {
		q.settleErr(subject, "nak", msg.Nak())
		return
	}
	stop := q.keepAlive(msg)
	err := handle(ctx, msg.Data())
	stop()
	if err == nil {
		q.settleErr(subject, "ack", msg.DoubleAck(settle))
		return
	}
	if ctx.Err() != nil {
		q.settleErr(subject, "nak", msg.Nak())
		return
	}
	var delivered uint64
	var seq uint64
	if md, mdErr := msg.Metadata(); mdErr == nil {
		delivered, seq = md.NumDelivered, md.Sequence.Stream
	}
	if delivered >= uint64(q.opt.MaxDeliver) {
		q.opt.Logger.Error("queue message dropped after repeated failures", "subject", subject, "stream_seq", seq,
			"deliveries", delivered, "err", err, "data", preview(msg.Data()))
		q.settleErr(subject, "term", msg.TermWithReason("max deliveries"))
		return
	}
	q.opt.Logger.Warn("queue message failed, will retry", "subject", subject, "stream_seq", seq,
		"deliveries", delivered, "err", err)
	q.settleErr(subject, "nak", msg.NakWithDelay(q.opt.RetryDelay))
}

func (q *Queue) settleErr(subject, what string, err error) {
	if err != nil {
		q.opt.Logger.Warn("queue "+what+" failed; the message will be redelivered", "subject", subject, "err", err)
	}
}

// keepAlive tells the server the message is still being worked on, so a
// long handler does not get it redelivered elsewhere.
func (q *Queue) keepAlive(msgs ...jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(q.opt.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, msg := range msgs {
					msg.InProgress()
				}
			}
		}
	}()
	return func() { close(done) }
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// preview shortens a message for logs.
func preview(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}
