package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// httpIngester runs uploads from POST /api/v1/articles through the same
// engine as `crosscheck ingest`, one upload at a time (story assignment is
// sequential by design).
type httpIngester struct {
	store news.Store
	cfg   engine.Config
	mu    sync.Mutex
	e     *engine.Engine
}

// newIngester returns the ingester behind POST /api/v1/articles.
func newIngester(store news.Store, cfg engine.Config) *httpIngester {
	return &httpIngester{store: store, cfg: cfg}
}

// Ingest implements api.Ingester.
func (h *httpIngester) Ingest(ctx context.Context, name string, r io.Reader) (api.IngestSummary, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.start(ctx); err != nil {
		return api.IngestSummary{}, err
	}
	out := api.IngestSummary{Errors: []string{}}
	rd := &ingest.Reader{}
	src := func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		return rd.ReadNamed(ctx, name, r, func(d news.Document) error {
			d.Path = "" // an upload has no path on this machine
			return emit(d)
		}, fail)
	}
	sum, err := h.e.Run(ctx, src, func(err error) {
		if len(out.Errors) < 100 {
			out.Errors = append(out.Errors, err.Error())
		}
	}, nil)
	out.Read, out.New, out.Unchanged, out.Updated, out.Failed = sum.Read, sum.New, sum.Unchanged, sum.Updated, sum.Failed
	if err != nil {
		return out, fmt.Errorf("ingest %s: %w", name, err)
	}
	return out, nil
}

// start makes the engine on first use (it takes the store's writer lock);
// h.mu is held.
func (h *httpIngester) start(ctx context.Context) error {
	if h.e != nil {
		return nil
	}
	e, err := engine.New(ctx, h.store, h.cfg)
	if err != nil {
		return err
	}
	h.e = e
	return nil
}

// ingestFollowed runs the documents a round of `serve`'s poller fetched
// through the same engine as uploads, one at a time with them. Failures of
// single documents are logged.
func (h *httpIngester) ingestFollowed(ctx context.Context, src follow.Source, log *slog.Logger) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.start(ctx); err != nil {
		return err
	}
	sum, err := h.e.Run(ctx, engine.Source(src), func(err error) {
		log.Warn("follow", "err", err)
	}, nil)
	if err == nil && sum.Read > 0 {
		log.Info("follow ingest", "summary", sum.String())
	}
	return err
}
