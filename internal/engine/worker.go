package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
)

// The distributed mode: publishers put documents on SubjectDocuments, any
// number of workers analyse and save them and announce each saved article
// on SubjectSaved, and one assigner places the announced articles in
// stories; rebuilders rebuild the stories' views.
const (
	SubjectDocuments = "crosscheck.documents" // JSON news.Document
	SubjectSaved     = "crosscheck.saved"     // JSON savedMessage; must be delivered in publish order
)

// savedMessage tells the assigner that a worker stored an article.
type savedMessage struct {
	ID       string `json:"id"`
	Revision int    `json:"revision"`
	Result   string `json:"result"` // news.SaveResult: new, updated, unchanged
}

// Publish hands a document to the workers (SubjectDocuments).
func Publish(ctx context.Context, q news.Queue, d news.Document) error {
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode document: %w", err)
	}
	return q.Publish(ctx, SubjectDocuments, data)
}

// PublishAll hands every document of src to the workers, in order, and
// returns how many it published; src's bad inputs go to fail. It is the
// distributed mode's counterpart of Engine.Run (`ingest --queue`, `follow
// run --queue`, `worker --follow`).
func PublishAll(ctx context.Context, q news.Queue, src Source, fail func(ingest.Failure)) (int, error) {
	var n atomic.Int64
	err := src(ctx, func(d news.Document) error {
		if err := Publish(ctx, q, d); err != nil {
			return err
		}
		n.Add(1)
		return nil
	}, fail)
	return int(n.Load()), err
}

// Worker analyses and saves the documents of SubjectDocuments: the part of
// the engine before story assignment, without the story state.
type Worker struct {
	store  news.Store
	q      news.Queue
	pipe   *pipeline.Pipeline
	log    *slog.Logger
	counts [3]atomic.Int64 // by news.SaveResult
	failed atomic.Int64
}

// WorkerCounts is what a worker did.
type WorkerCounts struct{ New, Unchanged, Updated, Failed int }

// NewWorker is a worker over store and q with the per-article stages.
func NewWorker(store news.Store, q news.Queue, log *slog.Logger) (*Worker, error) {
	pipe, err := articlePipeline(&pipeline.Timings{})
	if err != nil {
		return nil, err
	}
	return &Worker{store: store, q: q, pipe: pipe, log: log}, nil
}

// Run handles documents on n consumers until ctx ends or one fails.
func (w *Worker) Run(ctx context.Context, n int) error {
	return consumeAll(ctx, max(n, 1), w.q, SubjectDocuments, w.handle)
}

// Counts is what the worker did so far.
func (w *Worker) Counts() WorkerCounts {
	return WorkerCounts{New: int(w.counts[news.New].Load()), Unchanged: int(w.counts[news.Unchanged].Load()),
		Updated: int(w.counts[news.Updated].Load()), Failed: int(w.failed.Load())}
}

// consumeAll runs n consumers of subject until ctx ends or one fails.
func consumeAll(ctx context.Context, n int, q news.Queue, subject string, handle func(context.Context, []byte) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for range n {
		wg.Go(func() {
			if err := q.Consume(ctx, subject, handle); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		})
	}
	wg.Wait()
	return first
}

// handle processes one document. Bad input is logged and acknowledged (it
// would fail again); store and queue errors are returned for redelivery.
// Unchanged articles are announced too, so an assigner that missed a save
// (a crash between save and publish) catches up on redelivery.
func (w *Worker) handle(ctx context.Context, data []byte) error {
	var d news.Document
	if err := json.Unmarshal(data, &d); err != nil {
		w.failed.Add(1)
		w.log.Error("bad document message", "err", err)
		return nil
	}
	a := toArticle(d)
	if err := w.pipe.Process(ctx, a); err != nil {
		if ctx.Err() != nil {
			return err
		}
		w.failed.Add(1)
		w.log.Error("analyse document", "path", d.Path, "line", d.Line, "err", err)
		return nil
	}
	res, err := w.store.SaveArticle(ctx, a)
	if err != nil {
		return err
	}
	w.counts[res].Add(1)
	msg, _ := json.Marshal(savedMessage{ID: a.ID, Revision: a.Revision, Result: res.String()})
	return w.q.Publish(ctx, SubjectSaved, msg)
}
