package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/examples"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

var errCrash = errors.New("simulated crash")

// crashingStore fails the nth call of SetStories or SaveView, as a process
// killed at that point would leave the store: everything before is
// committed, nothing after.
type crashingStore struct {
	news.Store
	failSets, failViews int64 // 1-based call to fail; 0 never
	sets, views         atomic.Int64
}

func (c *crashingStore) SetStories(ctx context.Context, pairs [][2]string) error {
	if c.sets.Add(1) == c.failSets {
		return errCrash
	}
	return c.Store.SetStories(ctx, pairs)
}

func (c *crashingStore) SaveView(ctx context.Context, v *news.StoryView) error {
	if c.views.Add(1) == c.failViews {
		return errCrash
	}
	return c.Store.SaveView(ctx, v)
}

// resumeInput is the bundled example story and two small unrelated ones.
func resumeInput(t *testing.T) Source {
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
	seeds := Paths(&ingest.Reader{FS: examples.FS}, []string{"seeds"})
	files := Paths(&ingest.Reader{}, []string{dir})
	return func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		if err := seeds(ctx, emit, fail); err != nil {
			return err
		}
		return files(ctx, emit, fail)
	}
}

// storiesOf describes a store's stories as their sorted article sets, and
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

// TestInterruptedIngestIsFinishedByTheNextRun: a run that stops after
// saving articles but before placing them, or while rebuilding story views,
// leaves a store that the same command run again completes, to the stories
// an uninterrupted run makes.
func TestInterruptedIngestIsFinishedByTheNextRun(t *testing.T) {
	ctx := t.Context()
	ingestInto := func(s news.Store) (Summary, error) {
		e, err := New(ctx, s, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		return e.Run(ctx, resumeInput(t), func(err error) { t.Log(err) }, nil)
	}
	clean, err := openStore(ctx, filepath.Join(t.TempDir(), "clean.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer clean.Close()
	if _, err := ingestInto(clean); err != nil {
		t.Fatal(err)
	}
	want := storiesOf(t, clean)
	if len(want) != 3 {
		t.Fatalf("uninterrupted run: %d stories, want 3: %v", len(want), want)
	}
	for _, c := range []struct {
		name                string
		failSets, failViews int64
	}{
		{"killed before placing", 1, 0},
		{"killed while rebuilding", 0, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := openStore(ctx, filepath.Join(t.TempDir(), "crash.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := ingestInto(&crashingStore{Store: s, failSets: c.failSets, failViews: c.failViews}); !errors.Is(err, errCrash) {
				t.Fatalf("first run: %v, want the simulated crash", err)
			}
			sum, err := ingestInto(s) // the same command again, as a new process
			if err != nil {
				t.Fatal(err)
			}
			if sum.New != 0 || sum.Stories == 0 {
				t.Errorf("second run: %s; want nothing new and the unfinished stories rebuilt", sum)
			}
			if got := storiesOf(t, s); !slices.Equal(got, want) {
				t.Errorf("stories after the second run:\n%v\nuninterrupted:\n%v", got, want)
			}
		})
	}
}

// TestOversizedArticleFailsAlone: an article whose text is longer than any
// news article fails with a named error, quickly, and the articles around
// it in the same input are stored.
func TestOversizedArticleFailsAlone(t *testing.T) {
	ctx := t.Context()
	var huge strings.Builder
	words := strings.Fields("harbour council ferry tram budget vote mayor union strike port dredging quay channel museum")
	for i := 0; huge.Len() < maxArticleText+(512<<10); i++ {
		fmt.Fprintf(&huge, "Line %d: the %s and the %s met the %s on day %d.\n\n", i, words[i%len(words)], words[(i*7)%len(words)], words[(i*11)%len(words)], i)
	}
	var in strings.Builder
	for _, text := range []string{"The council voted to fund a tram line on Tuesday, the mayor said.", huge.String(),
		"Ferry crews went on strike on Monday over pay, their union said."} {
		b, _ := json.Marshal(map[string]string{"text": text})
		in.Write(append(b, '\n'))
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(in.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := openStore(ctx, filepath.Join(t.TempDir(), "big.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := New(ctx, s, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var fails []error
	start := time.Now()
	sum, err := e.Run(ctx, Paths(&ingest.Reader{}, []string{path}), func(err error) { fails = append(fails, err) }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Failed != 1 || len(fails) != 1 || !errors.Is(fails[0], news.ErrOverBudget) ||
		!strings.Contains(fails[0].Error(), "in.jsonl:2") || !strings.Contains(fails[0].Error(), "more than the 2.0 MB") {
		t.Fatalf("summary %s, failures %v", sum, fails)
	}
	t.Logf("%s; %v; in %v", sum, fails[0], time.Since(start).Round(time.Millisecond))
}
