package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TestExtractionDevStoriesShareATopic ingests a sample of extraction-dev
// pages labelled by hand with their topic (testdata/extraction-dev-topics.tsv:
// groups of pages on one subject, and pages that used to be chained into one
// story of unrelated blog posts) and counts the stories of three or more of
// them that mix topics. Issue 15's bar is none; today some do (docs/stories.md,
// round 6), so the count is held at its recorded floor, and the larger topics
// must be found.
func TestExtractionDevStoriesShareATopic(t *testing.T) {
	dir := datadir.Require(t, "extraction-dev/html")
	f, err := os.Open(filepath.Join("testdata", "extraction-dev-topics.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var files []string
	topicOf := map[string]string{} // path -> topic
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		p := filepath.Join(dir, cols[0])
		files = append(files, p)
		topicOf[p] = cols[1]
	}
	ctx := t.Context()
	e, store := testEngine(t)
	if _, err := e.Run(ctx, engine.Paths(&ingest.Reader{}, files), func(err error) { t.Error(err) }, nil); err != nil {
		t.Fatal(err)
	}
	stories, err := store.Stories(ctx, news.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	largest := map[string]int{} // topic -> most of its pages in one story
	mixed := 0
	for _, st := range stories {
		v, err := store.View(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		count := map[string]int{}
		var titles []string
		for _, a := range v.Articles {
			count[topicOf[a.Path]]++
			titles = append(titles, topicOf[a.Path]+": "+a.Title)
		}
		for topic, n := range count {
			largest[topic] = max(largest[topic], n)
		}
		if len(v.Articles) >= 3 && len(count) > 1 {
			mixed++
			t.Logf("story %s mixes %d topics:\n  %s", st.ID, len(count), strings.Join(titles, "\n  "))
		}
	}
	// The bar: 5 with the clustering of issue 15's first round, 4
	// after it, 0 since the link pass needs shared words and site
	// templates are not evidence (docs/stories.md).
	const maxMixed = 0
	if mixed > maxMixed {
		t.Errorf("%d stories of 3+ pages mix topics, more than the recorded %d", mixed, maxMixed)
	}
	for topic, least := range map[string]int{"us-election-2012": 4, "nintendo": 4, "smartphone-patent-wars": 2} {
		if largest[topic] < least {
			t.Errorf("topic %s: at most %d of its pages in one story, want %d or more", topic, largest[topic], least)
		}
	}
}
