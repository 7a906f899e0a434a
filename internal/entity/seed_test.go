package entity_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

// seedDate reads the " date YYYY-MM-DD" header two seed files open with.
func seedDate(text string) time.Time {
	s := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(s, "date "); ok && len(rest) >= 10 {
		if t, err := time.Parse("2006-01-02", rest[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// seedStory runs segmenter, recogniser and both entity stages on the seed
// story.
func seedStory(t testing.TB) (*news.StoryView, []*news.Article) {
	dir := datadir.Require(t, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles in %s", dir)
	}
	sort.Strings(files)
	nerStage, err := ner.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	var arts []*news.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := &news.Article{ID: filepath.Base(f)[:3], Text: string(b)}
		a.Published = seedDate(a.Text)
		for _, s := range []news.Stage{segment.Stage{}, nerStage, entity.Stage{}} {
			if err := s.Process(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		arts = append(arts, a)
	}
	v := news.NewStoryView("seed", "seed")
	if err := (entity.StoryStage{}).Build(ctx, v, arts); err != nil {
		t.Fatal(err)
	}
	return v, arts
}

func find(v *news.StoryView, folded string) *news.Entity {
	for i, e := range v.Entities {
		if e.Type == news.PER && entity.Fold(e.Name) == folded {
			return &v.Entities[i]
		}
	}
	return nil
}

func hasAlias(e *news.Entity, alias string) bool {
	for _, a := range e.Aliases {
		if a == alias {
			return true
		}
	}
	return false
}

func citedArticles(e *news.Entity, name, value string) []string {
	for _, a := range e.Attributes {
		if a.Name == name && a.Value == value {
			var ids []string
			for _, c := range a.Citations {
				if len(ids) == 0 || ids[len(ids)-1] != c.ArticleID {
					ids = append(ids, c.ArticleID)
				}
			}
			return ids
		}
	}
	return nil
}

func TestSeedStory(t *testing.T) {
	v, _ := seedStory(t)
	mm := find(v, "michele morrone")
	kk := find(v, "khloe kardashian")
	if mm == nil || kk == nil {
		t.Fatalf("want Michele Morrone and Khloé Kardashian entities; got %d entities", len(v.Entities))
	}
	for _, al := range []string{"Marrone", "Michele Morone"} {
		if !hasAlias(mm, al) {
			t.Errorf("Michele Morrone lacks alias %q: %v", al, mm.Aliases)
		}
	}
	if !hasAlias(kk, "Klhoé") {
		t.Errorf("Khloé Kardashian lacks alias Klhoé: %v", kk.Aliases)
	}
	if kim := find(v, "kim kardashian"); kim == nil || kim.ID == kk.ID {
		t.Errorf("Kim Kardashian should be a separate entity")
	}
	tt, tr := find(v, "tristan thompson"), find(v, "true")
	if tt == nil || tr == nil || tt.ID == tr.ID {
		t.Errorf("Tristan and True Thompson should be separate entities")
	}
	if got := citedArticles(mm, "age", "31"); len(got) < 3 {
		t.Errorf("Morrone age 31 cited from %v, want three articles", got)
	}
	if got := citedArticles(kk, "age", "38"); len(got) < 2 {
		t.Errorf("Khloé age 38 cited from %v, want two articles", got)
	}
	if got := citedArticles(mm, "hometown", "Reggio Calabria"); len(got) == 0 {
		t.Errorf("Morrone has no hometown Reggio Calabria: %+v", mm.Attributes)
	}
}
