package entity

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("ZZ_ARTS")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	var arts []*news.Article
	if err := json.Unmarshal(b, &arts); err != nil {
		t.Fatal(err)
	}
	c := NewCache(1 << 20)
	for _, a := range arts {
		for _, l := range c.localsOf(a) {
			if l.typ == news.PER {
				fmt.Printf("%s %q %v\n", a.ID[:6], l.toks, l.key)
			}
		}
	}
	var v news.StoryView
	StoryStage{Cache: c}.Build(context.Background(), &v, arts)
}
