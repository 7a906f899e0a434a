package engine

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/cluster"
	"github.com/crosscheck-news/crosscheck/internal/engine/enginetest"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// A restart resumes the clusterer from its snapshot when the snapshot agrees
// with the stored assignments, and replays every article when it does not.
func TestRestartFromSnapshot(t *testing.T) {
	defer func(n int) { snapshotMin = n }(snapshotMin)
	snapshotMin = 1
	ctx := t.Context()
	db := filepath.Join(t.TempDir(), "snap.db")
	store, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(ctx, store, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Run(ctx, enginetest.Input(t), func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	held, _ := e.clusterer.(*cluster.Clusterer).Len()
	placed := e.clusterer.(*cluster.Clusterer).Placed()
	if e.snapPlaced != placed || placed < 9 || held == 0 {
		t.Fatalf("snapshot after %d articles placed, %d held, after a run placing %d", e.snapPlaced, held, placed)
	}
	store.Close()

	reopen := func() (*Engine, news.Store) {
		t.Helper()
		store, err := openStore(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { store.Close() })
		e, err := New(ctx, store, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		return e, store
	}
	e2, store2 := reopen()
	if e2.snapPlaced != placed {
		t.Fatalf("restart read a snapshot after %d articles placed, want %d", e2.snapPlaced, placed)
	}
	pairs, err := store2.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	archived, err := store2.(news.StoryArchive).ArchivedStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	restored := 0
	for _, p := range pairs {
		id, ok := e2.clusterer.(*cluster.Clusterer).StoryOf(p[0])
		switch {
		case slices.Contains(archived, p[1]) && ok:
			t.Errorf("article %s of archived story %s restored", p[0], p[1])
		case !slices.Contains(archived, p[1]) && (!ok || id != p[1]):
			t.Errorf("article %s: restored in %q, stored in %s", p[0], id, p[1])
		case ok:
			restored++
		}
	}
	if restored != held {
		t.Errorf("restored %d articles, the run held %d", restored, held)
	}
	// Another process moved an article the snapshot holds since: the
	// snapshot no longer agrees, and the restart replays the store instead.
	i := slices.IndexFunc(pairs, func(p [2]string) bool { return !slices.Contains(archived, p[1]) })
	if err := store2.SetStories(ctx, [][2]string{{pairs[i][0], "s-elsewhere"}}); err != nil {
		t.Fatal(err)
	}
	store2.Close()
	e3, _ := reopen()
	if e3.snapPlaced != 0 {
		t.Fatalf("a snapshot that disagrees with the store was used (%d articles placed)", e3.snapPlaced)
	}
	if id, _ := e3.clusterer.(*cluster.Clusterer).StoryOf(pairs[i][0]); id != "s-elsewhere" {
		t.Errorf("replayed article %s in %q, want s-elsewhere", pairs[i][0], id)
	}
}

// A story that stopped changing is rebuilt while the ingest goes on: its
// view exists before the input ends.
func TestQuietStoryRebuiltDuringIngest(t *testing.T) {
	defer func(d time.Duration) { quietEvery = d }(quietEvery)
	quietEvery = 50 * time.Millisecond
	ctx := t.Context()
	e, store := testEngine(t)
	first := news.Document{URL: "https://harbour.example/1", Source: "Harbour Gazette", Title: "Northern harbour to close for dredging",
		Text: "The Kestrel Bay port authority said on Monday that the northern harbour of Kestrel Bay will close for dredging until March."}
	second := news.Document{URL: "https://sound.example/2", Source: "Coast Daily", Title: "Seagrass meadows recover after trawling ban",
		Text: "Marine biologists at the Lindqvist Institute reported that seagrass meadows in Otter Sound have grown by a third."}
	seenEarly := false
	src := func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		if err := emit(first); err != nil {
			return err
		}
		// Wait, with the input still open, for the first story's view.
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) && !seenEarly {
			if list, err := store.Stories(ctx, news.ListOptions{}); err == nil && len(list) == 1 {
				seenEarly = true
			}
			time.Sleep(20 * time.Millisecond)
		}
		return emit(second)
	}
	if _, err := e.Run(ctx, src, func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	if !seenEarly {
		t.Error("the first story had no view until the input ended")
	}
	if list, _ := store.Stories(ctx, news.ListOptions{}); len(list) != 2 {
		t.Errorf("%d stories at the end, want 2", len(list))
	}
}

// testEngine is an engine over a new SQLite store, closed when the test ends.
func testEngine(t *testing.T) (*Engine, news.Store) {
	t.Helper()
	store, err := openStore(t.Context(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	e, err := New(t.Context(), store, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return e, store
}
