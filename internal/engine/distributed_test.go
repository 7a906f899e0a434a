package engine

import (
	"context"
	"log/slog"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine/enginetest"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/inprocess"
)

// The distributed roles (a Worker, the Assigner with its own rebuilder)
// over an in-process queue make the same stories, with the same views, as
// the embedded engine on the same input: the two modes run one flow. (The
// same over NATS and PostgreSQL, as processes: cmd/crosscheck's
// TestDistributedStoriesMatchEmbedded.)
func TestDistributedRolesMatchEmbedded(t *testing.T) {
	ctx := t.Context()
	e, embedded := testEngine(t)
	if _, err := e.Run(ctx, enginetest.Input(t), func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	want := enginetest.StorySets(t, embedded)
	placed, err := embedded.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}

	store, err := openStore(ctx, filepath.Join(t.TempDir(), "distributed.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	q := inprocess.New(inprocess.Options{})
	defer q.Close()
	published, err := PublishAll(ctx, q, enginetest.Input(t), func(f ingest.Failure) { t.Error(f) })
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	w, err := NewWorker(store, q, log)
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewAssigner(ctx, store, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	rctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 2)
	go func() { done <- w.Run(rctx, 1) }() // one consumer: saved in input order
	go func() { done <- a.Run(rctx, q, true) }()
	for deadline := time.Now().Add(30 * time.Second); ; {
		as, err := store.Assignments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		dirty, err := store.DirtyStories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		a.mu.Lock()
		repaired := !a.placed
		a.mu.Unlock()
		if len(as) == len(placed) && len(dirty) == 0 && repaired {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %d of %d articles placed, %d stories dirty, repaired %v", len(as), len(placed), len(dirty), repaired)
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if n := w.Counts(); n.New != published || n.Failed != 0 {
		t.Errorf("worker: %+v, %d published", n, published)
	}
	if got := enginetest.StorySets(t, store); !slices.Equal(got, want) {
		t.Errorf("distributed stories\n%q\nembedded\n%q", got, want)
	}
	if assigned, _ := a.Counts(); assigned != len(placed) {
		t.Errorf("assigned %d articles, want %d", assigned, len(placed))
	}
}
