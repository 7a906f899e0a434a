package cluster

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TestScenarios clusters each folder under testdata/scenarios: its *.txt
// articles in name order, against want.txt, one story per line listing the
// article names (without .txt).
func TestScenarios(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/scenarios/*")
	if len(dirs) == 0 {
		t.Fatal("no scenarios")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			sort.Strings(files)
			c := New(DefaultConfig())
			for _, f := range files {
				if filepath.Base(f) == "want.txt" {
					continue
				}
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				c.Add(&news.Article{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
			}
			want, err := os.ReadFile(filepath.Join(dir, "want.txt"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			byStory := map[string][]string{}
			for _, f := range files {
				id := strings.TrimSuffix(filepath.Base(f), ".txt")
				if id == "want" {
					continue
				}
				s, _ := c.StoryOf(id)
				byStory[s] = append(byStory[s], id)
			}
			for _, ids := range byStory {
				got = append(got, strings.Join(ids, " "))
			}
			sort.Strings(got)
			if g, w := strings.Join(got, "\n"), strings.TrimSpace(string(want)); g != w {
				t.Errorf("stories:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}
