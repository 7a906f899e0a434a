package engine

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// RepairIdle is how long the assigner's queue must stay quiet before the
// stories placed since the last repair are repaired, as an embedded run
// repairs them at its end.
const RepairIdle = 2 * time.Second

// Assigner is the distributed mode's single consumer of saved articles
// (SubjectSaved): it places each in a story, marking the stories it
// touched dirty, and repairs the stories whenever its queue falls idle.
// The views are rebuilt off its path, by its own rebuilder or by
// Rebuilders in other processes. Run exactly one.
type Assigner struct {
	mu                sync.Mutex // handle and repair take turns
	e                 *Engine
	assigned, rebuilt int
	placed            bool       // articles placed since the last repair
	last              time.Time  // when the last article was placed
	rebuilder         *Rebuilder // its own, when Run rebuilds
}

// NewAssigner restores the engine's story state from the store.
func NewAssigner(ctx context.Context, store news.Store, cfg Config) (*Assigner, error) {
	// The engine restores the clusterer and the placed articles from the
	// store; the workers analyse, so it loads no per-article stages.
	e, err := newEngine(ctx, store, cfg, false)
	if err != nil {
		return nil, err
	}
	s := &Assigner{e: e}
	// Stories a killed assigner placed articles in are dirty still: the
	// rebuilders take them up with the rest.
	return s, nil
}

// Run places the articles announced on q until ctx ends or the queue
// fails, repairing the stories whenever the queue falls idle for
// RepairIdle; with rebuild, a rebuilder of every dirty story runs beside
// it (one story per configured worker at a time).
func (s *Assigner) Run(ctx context.Context, q news.Queue, rebuild bool) error {
	rctx, stop := context.WithCancel(ctx)
	var bg sync.WaitGroup
	bg.Go(func() { s.repairWhenIdle(rctx, RepairIdle) })
	if rebuild {
		r := &Rebuilder{store: s.e.store, builder: s.e.builder, workers: s.e.workers}
		s.mu.Lock()
		s.rebuilder = r
		s.mu.Unlock()
		bg.Go(func() { r.Run(rctx, 200*time.Millisecond, slog.Default()) })
	}
	var err error
	if bq, ok := q.(batchQueue); ok {
		err = bq.ConsumeBatch(ctx, SubjectSaved, assignBatch, s.handleBatch)
	} else {
		err = q.Consume(ctx, SubjectSaved, s.handle)
	}
	stop()
	bg.Wait()
	return err
}

// Counts is how many articles the assigner placed and how many story
// views it and its rebuilder rebuilt.
func (s *Assigner) Counts() (assigned, rebuilt int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rebuilt = s.rebuilt
	if s.rebuilder != nil {
		rebuilt += s.rebuilder.Rebuilt()
	}
	return s.assigned, rebuilt
}

// repairWhenIdle repairs the stories once the queue has been quiet for
// idle after articles were placed, until ctx ends.
func (s *Assigner) repairWhenIdle(ctx context.Context, idle time.Duration) {
	t := time.NewTicker(idle / 4)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.mu.Lock()
		if s.placed && time.Since(s.last) >= idle {
			if err := s.repair(ctx); err != nil && ctx.Err() == nil {
				slog.Error("repair stories", "err", err)
			} else {
				s.placed = false
			}
		}
		s.mu.Unlock()
	}
}

// repair runs the engine's repair and rebuilds the stories it touched.
func (s *Assigner) repair(ctx context.Context) error {
	n, err := s.e.repairAndRebuild(ctx, map[string]bool{})
	s.rebuilt += n
	return err
}

// batchQueue is a queue that hands over the messages waiting in batches
// (the NATS queue), acknowledging a batch once its handler returns nil.
type batchQueue interface {
	ConsumeBatch(ctx context.Context, subject string, max int, handle func(ctx context.Context, batch [][]byte) error) error
}

// assignBatch bounds the saved articles the assigner places at once: one
// read of the articles, one transaction, one acknowledgement per batch.
const assignBatch = 64

// handleBatch places a batch of saved articles, in order, as handle does one
// by one: the articles are read in one query and their memberships saved in
// one transaction (flushed before any story merge, which must follow the
// placements before it). It returns nil only after all is committed.
func (s *Assigner) handleBatch(ctx context.Context, batch [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var msgs []savedMessage
	var ids []string
	for _, data := range batch {
		var m savedMessage
		if err := json.Unmarshal(data, &m); err != nil {
			slog.Error("bad saved message", "err", err)
			continue
		}
		if m.Result != news.Updated.String() && s.e.placed[m.ID] {
			continue // already placed; a re-ingest or a redelivery
		}
		msgs = append(msgs, m)
		ids = append(ids, m.ID)
	}
	if len(msgs) == 0 {
		return nil
	}
	arts, err := s.e.store.ArticlesByID(ctx, ids)
	if err != nil {
		return err
	}
	byID := make(map[string]*news.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	placing := s.e.placing(nil)
	for _, m := range msgs {
		a := byID[m.ID]
		if a == nil {
			slog.Error("saved article not in store", "article_id", m.ID)
			continue
		}
		if _, err := placing.add(ctx, a); err != nil {
			return err
		}
	}
	if err := placing.commit(ctx); err != nil {
		return err
	}
	placed := placing.n
	s.assigned += placed
	if placed > 0 {
		s.placed, s.last = true, time.Now()
	}
	return nil
}

// handle assigns one saved article; it returns nil only after membership
// (and the dirty marks of the stories it touched) is committed, so the
// message is acknowledged after the store. Views are rebuilt off this path.
func (s *Assigner) handle(ctx context.Context, data []byte) error {
	return s.handleBatch(ctx, [][]byte{data})
}
