package main

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/engine/enginetest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// testEngine is an engine over a new SQLite store, closed when the test ends.
func testEngine(t *testing.T) (*engine.Engine, news.Store) {
	t.Helper()
	store, err := openStore(t.Context(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	e, err := engine.New(t.Context(), store, engine.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return e, store
}

// TestCheckFindsAndRepairsAStoreLeftHalfDone: `crosscheck check` reports a
// store an interrupted run left (memberships changed, views not rebuilt)
// and `--repair` mends it.
func TestCheckFindsAndRepairsAStoreLeftHalfDone(t *testing.T) {
	ctx := t.Context()
	db := filepath.Join(t.TempDir(), "half.db")
	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(ctx, s, engine.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Run(ctx, enginetest.Input(t), func(err error) { t.Log(err) }, nil); err != nil {
		t.Fatal(err)
	}
	if bad, report, err := checkStore(ctx, s); err != nil || len(bad) > 0 {
		t.Fatalf("a finished run: %v %v %v", bad, report, err)
	}
	// As an older version or a killed run leaves it: one article moved to a
	// new story and nothing rebuilt.
	as, _ := s.Assignments(ctx)
	if err := s.SetStory(ctx, as[0][0], "s-moved"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if code := run(ctx, []string{"check", "--db", db}); code != 1 {
		t.Errorf("check of a half-done store exited %d, want 1", code)
	}
	if code := run(ctx, []string{"check", "--repair", "--db", db}); code != 0 {
		t.Errorf("check --repair exited %d, want 0", code)
	}
	s, err = openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if bad, report, err := checkStore(ctx, s); err != nil || len(bad) > 0 {
		t.Errorf("after --repair: %v %v %v", bad, report, err)
	}
	enginetest.StorySets(t, s)
}
