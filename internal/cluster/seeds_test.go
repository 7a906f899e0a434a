package cluster

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

var dateHeader = regexp.MustCompile(`^\s*date (\d{4}-\d{2}-\d{2})\s*`)

// articleFromFile builds an article as the ingest path would: the text
// without a leading " date YYYY-MM-DD" header, paragraphs split at blank lines.
func articleFromFile(t *testing.T, path, source string) *news.Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	a := &news.Article{ID: strings.TrimSuffix(filepath.Base(path), ".txt"), Source: source}
	if m := dateHeader.FindStringSubmatch(text); m != nil {
		a.Published, _ = time.Parse("2006-01-02", m[1])
		text = text[len(m[0]):]
	}
	a.Text = text
	start := 0
	for _, p := range strings.Split(text, "\n\n") {
		if s := strings.TrimSpace(p); s != "" {
			off := start + strings.Index(p, s)
			a.Paragraphs = append(a.Paragraphs, news.Span{Start: off, End: off + len(s)})
		}
		start += len(p) + 2
	}
	return a
}

func seedArticles(t *testing.T) []*news.Article {
	dir := datadir.Require(t, "seeds")
	sources := []string{"TODAY", "POPSUGAR", "Page Six", "Sportskeeda", "HELLO!"}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	if len(files) != len(sources) {
		t.Fatalf("want %d seed files, got %d", len(sources), len(files))
	}
	var arts []*news.Article
	for i, f := range files {
		arts = append(arts, articleFromFile(t, f, sources[i]))
	}
	return arts
}

func TestSeedStory(t *testing.T) {
	arts := seedArticles(t)
	unrelated := articleFromFile(t, "testdata/unrelated.txt", "Wire")
	c := New(DefaultConfig())
	stories := map[string]bool{}
	for i, a := range arts {
		id, _ := c.Add(a)
		if i == 2 {
			c.Add(unrelated) // ingested alongside, in the middle
		}
		_ = id
	}
	for _, a := range arts {
		id, _ := c.StoryOf(a.ID)
		stories[id] = true
	}
	if len(stories) != 1 {
		t.Errorf("seed articles in %d stories, want 1: %v", len(stories), stories)
	}
	uid, _ := c.StoryOf(unrelated.ID)
	if stories[uid] {
		t.Errorf("unrelated article joined the seed story %s", uid)
	}
}

func TestSeedCopies(t *testing.T) {
	arts := seedArticles(t)
	v := news.NewStoryView("s", "seed")
	if err := (Copies{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	// pairs returns the article pairs whose copies contain all of the words.
	pairs := func(words string) map[[2]string]bool {
		out := map[[2]string]bool{}
		for _, cp := range v.Copies {
			if strings.Contains(norm(cp.Text), words) {
				k := [2]string{cp.FromArticleID, cp.ToArticleID}
				sort.Strings(k[:])
				out[k] = true
			}
		}
		return out
	}
	id := func(i int) string { return arts[i].ID }
	checks := []struct {
		name  string
		words string
		want  [][2]string
	}{
		{"Decider quote", "incredibly difficult to find real love", [][2]string{{id(1), id(3)}}},
		// a passage is received once, from its first source: the tweet links
		// all three articles without listing every pair
		{"fan tweet", "duo i never knew i needed", [][2]string{{id(1), id(3)}, {id(1), id(4)}}},
		{"representative", "extent of the story", [][2]string{{id(0), id(1)}}},
	}
	for _, ck := range checks {
		got := pairs(ck.words)
		for _, w := range ck.want {
			if !got[w] {
				t.Errorf("%s: no copy between %s and %s; got %v", ck.name, w[0], w[1], got)
			}
		}
	}
	for _, cp := range v.Copies {
		for _, ci := range cp.Citations {
			var a *news.Article
			for _, x := range arts {
				if x.ID == ci.ArticleID {
					a = x
				}
			}
			if a == nil || ci.Start < 0 || ci.End > len(a.Text) || ci.Start >= ci.End {
				t.Fatalf("bad citation %+v", ci)
			}
		}
		if cp.Text != arts[indexOf(arts, cp.ToArticleID)].Text[cp.Citations[0].Start:cp.Citations[0].End] {
			t.Errorf("copy text is not the cited span of the receiving article")
		}
	}
	// Dated articles: HELLO! (09-26) before the Page Six relay (09-27).
	for _, cp := range v.Copies {
		if cp.Via == "date" && cp.FromArticleID == id(2) && cp.ToArticleID == id(4) {
			t.Errorf("copy directed from the later article: %+v", cp)
		}
	}
	if len(v.Articles) != len(arts) {
		t.Fatalf("view has %d articles, want %d", len(v.Articles), len(arts))
	}
	for _, sa := range v.Articles {
		if sa.Group != sa.ID {
			t.Errorf("article %s grouped with %s; the seeds are not near-duplicates", sa.ID, sa.Group)
		}
	}
}

func indexOf(arts []*news.Article, id string) int {
	for i, a := range arts {
		if a.ID == id {
			return i
		}
	}
	return -1
}

func norm(s string) string {
	var b strings.Builder
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(f)
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}
