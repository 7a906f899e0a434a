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

	"github.com/crosscheck-news/crosscheck/internal/engine/enginetest"
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
		return e.Run(ctx, enginetest.Input(t), func(err error) { t.Log(err) }, nil)
	}
	clean, err := openStore(ctx, filepath.Join(t.TempDir(), "clean.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer clean.Close()
	if _, err := ingestInto(clean); err != nil {
		t.Fatal(err)
	}
	want := enginetest.StorySets(t, clean)
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
			if got := enginetest.StorySets(t, s); !slices.Equal(got, want) {
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
