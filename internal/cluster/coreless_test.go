package cluster

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// The split takes a story with no core (articles of different stories that
// joined it one by one) apart, small groups too; a story of one gold story
// with the same number of articles stays whole. (The link pass that follows
// in Repair may join some of them to other stories again, on its own
// evidence.)
func TestRepairSplitsCorelessStory(t *testing.T) {
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	docs, gold, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	// Eight bodies of eight gold stories, and eight of the largest one.
	var mixed, whole []eval.FNCBody
	seen := map[string]bool{}
	count := map[string]int{}
	big := ""
	for _, d := range docs {
		if count[gold[d.ID]]++; big == "" || count[gold[d.ID]] > count[big] {
			big = gold[d.ID]
		}
	}
	for _, d := range docs {
		if g := gold[d.ID]; !seen[g] && len(mixed) < 8 {
			seen[g] = true
			mixed = append(mixed, d)
		}
		if gold[d.ID] == big && len(whole) < 8 {
			whole = append(whole, d)
		}
	}
	c := New(DefaultConfig())
	for _, d := range mixed {
		c.Restore(&news.Article{ID: "m" + d.ID, Text: d.Text}, "s-mixed")
	}
	for _, d := range whole {
		c.Restore(&news.Article{ID: "w" + d.ID, Text: d.Text}, "s-whole")
	}
	for _, id := range []string{"s-mixed", "s-whole"} {
		c.split(c.byID[id])
	}
	stories := map[string]int{}
	for _, d := range mixed {
		s, _ := c.StoryOf("m" + d.ID)
		stories[s]++
	}
	if stories["s-mixed"] > 4 || len(stories) < 5 {
		t.Errorf("8 articles of 8 gold stories after the split: %v, want no core left together", stories)
	}
	for _, d := range whole {
		if s, _ := c.StoryOf("w" + d.ID); s != "s-whole" {
			t.Errorf("article %s of one gold story left it for %s", d.ID, s)
		}
	}
}
