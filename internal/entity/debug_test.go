package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("ENTITY_DEBUG") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("/work/shared/data/seeds/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		a := &news.Article{ID: filepath.Base(f), Text: string(b)}
		capNER(a)
		if err := (Stage{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		fmt.Println("=====", a.ID)
		for _, m := range a.Mentions {
			if m.Type == news.PER {
				fmt.Printf("  %-10s %-40q -> %s\n", m.Via, m.Text, m.Key)
			}
		}
		for _, at := range a.Attributes {
			fmt.Printf("  ATTR %s %s=%s  [%s]\n", at.Key, at.Name, at.Value, at.Span.Text(a.Text))
		}
	}
}

func TestDebugStory(t *testing.T) {
	if os.Getenv("ENTITY_DEBUG") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("/work/shared/data/seeds/*.txt")
	var arts []*news.Article
	for _, f := range files {
		b, _ := os.ReadFile(f)
		a := &news.Article{ID: filepath.Base(f)[:3], Text: string(b)}
		a.Published = seedDate(a.Text)
		capNER(a)
		if err := (Stage{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	v := news.NewStoryView("s", "seed")
	if err := (StoryStage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	for _, e := range v.Entities {
		if e.Type != news.PER || len(e.Mentions) < 2 {
			continue
		}
		fmt.Printf("%s %q %v arts=%v n=%d\n", e.ID, e.Name, e.Aliases, e.Articles, len(e.Mentions))
		for _, at := range e.Attributes {
			var as []string
			for _, c := range at.Citations {
				as = append(as, c.ArticleID)
			}
			fmt.Printf("    %s=%s %v\n", at.Name, at.Value, as)
		}
	}
}
