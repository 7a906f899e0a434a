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
