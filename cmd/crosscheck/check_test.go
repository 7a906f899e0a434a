package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/examples"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
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

// checkInput is the bundled example story and two small unrelated ones
// (the engine's resume tests use the same).
func checkInput(t *testing.T) engine.Source {
	dir := t.TempDir()
	topics := [][2]string{
		{"Northern harbour to close for dredging",
			"The Kestrel Bay port authority said on Monday that the northern harbour of Kestrel Bay will close for dredging until March. Ferries to Gull Island will use the southern quay while dredgers deepen the channel to eleven metres."},
		{"Seagrass meadows recover after trawling ban",
			"Marine biologists at the Lindqvist Institute reported that seagrass meadows in Otter Sound have grown by a third since bottom trawling was banned in 2019. The survey counted juvenile cod in every transect."},
	}
	for i, tp := range topics {
		for j, outlet := range []string{"Harbour Gazette", "Coast Daily"} {
			text := fmt.Sprintf("Title: %s\nSource: %s\nDate: 2022-09-2%d\n\n%s %s reported the news first.", tp[0], outlet, j+1, tp[1], outlet)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("t%d_%d.txt", i, j)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	seeds := engine.Paths(&ingest.Reader{FS: examples.FS}, []string{"seeds"})
	files := engine.Paths(&ingest.Reader{}, []string{dir})
	return func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		if err := seeds(ctx, emit, fail); err != nil {
			return err
		}
		return files(ctx, emit, fail)
	}
}

// storiesOf (as in internal/engine's tests) describes a store's stories as their sorted article sets, and
// checks that every view lists exactly its story's articles and that no
// story is left dirty.
func storiesOf(t *testing.T, s news.Store) []string {
	t.Helper()
	ctx := t.Context()
	list, err := s.Stories(ctx, news.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, st := range list {
		ids, err := s.StoryArticles(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.View(ctx, st.ID)
		if err != nil {
			t.Fatalf("story %s has no view: %v", st.ID, err)
		}
		var inView []string
		for _, a := range v.Articles {
			inView = append(inView, a.ID)
		}
		slices.Sort(ids)
		slices.Sort(inView)
		if !slices.Equal(ids, inView) {
			t.Errorf("story %s: view lists %v, the store %v", st.ID, inView, ids)
		}
		out = append(out, strings.Join(ids, ","))
	}
	as, err := s.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if _, err := s.Story(ctx, a[1]); err != nil {
			t.Errorf("article %s points to story %s: %v", a[0], a[1], err)
		}
	}
	if d, err := s.DirtyStories(ctx); err != nil || len(d) > 0 {
		t.Errorf("dirty stories left: %v %v", d, err)
	}
	slices.Sort(out)
	return out
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
	if _, err := e.Run(ctx, checkInput(t), func(err error) { t.Log(err) }, nil); err != nil {
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
	storiesOf(t, s)
}
