// Package enginetest holds what the engine's tests and the command's tests
// share: a small input (the bundled example story and two unrelated ones)
// and a description of a store's stories that checks their views.
package enginetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/examples"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Input is the bundled example story and two small unrelated ones, each
// told by two outlets, as a source for engine.Engine.Run (an engine.Source).
func Input(t testing.TB) func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
	t.Helper()
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
	seeds, files := &ingest.Reader{FS: examples.FS}, &ingest.Reader{}
	return func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		if err := seeds.Read(ctx, []string{"seeds"}, emit, fail); err != nil {
			return err
		}
		return files.Read(ctx, []string{dir}, emit, fail)
	}
}

// StorySets describes a store's stories as their sorted article sets, and
// checks that every view lists exactly its story's articles, that every
// assignment points to a story, and that no story is left dirty.
func StorySets(t testing.TB, s news.Store) []string {
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
