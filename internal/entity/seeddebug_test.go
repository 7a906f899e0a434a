package entity_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TestSeedDump prints the seed story's entities; set ENTITY_DEBUG=1.
func TestSeedDump(t *testing.T) {
	if os.Getenv("ENTITY_DEBUG") == "" {
		t.Skip("set ENTITY_DEBUG=1 to print the seed story's entities")
	}
	v, arts := seedStory(t)
	for _, a := range arts {
		fmt.Println("=====", a.ID)
		for _, m := range a.Mentions {
			if m.Type == news.PER || m.Via != "ner" {
				fmt.Printf("  %-10s %-4s %-40q -> %s\n", m.Via, m.Type, m.Text, m.Key)
			}
		}
		for _, at := range a.Attributes {
			fmt.Printf("  ATTR %s %s=%s  [%s]\n", at.Key, at.Name, at.Value, at.Span.Text(a.Text))
		}
	}
	for _, e := range v.Entities {
		fmt.Printf("%s %q %q arts=%v n=%d\n", e.ID, e.Name, e.Aliases, e.Articles, len(e.Mentions))
		for _, at := range e.Attributes {
			var as []string
			for _, c := range at.Citations {
				as = append(as, c.ArticleID)
			}
			fmt.Printf("    %s=%s %v\n", at.Name, at.Value, as)
		}
	}
}
