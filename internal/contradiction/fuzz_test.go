package contradiction

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// FuzzSpansInRange checks that every citation the stage makes lies inside
// its article's text, whatever the text, sentences and mentions.
func FuzzSpansInRange(f *testing.F) {
	f.Add("Gunmen killed 15 villagers in Goma on Tuesday. ٣ people died.", "Gunmen killed 12 villagers in Goma on Monday, officials said.", 7, 30)
	f.Add("The toll rose to twenty-two people, about 2,000 fled.", "$2.3bn was paid; 1990s; 10:30; 3-2; No. 5.", 0, 5)
	f.Fuzz(func(t *testing.T, x, y string, a, b int) {
		var arts []*news.Article
		v := news.NewStoryView("s", "t")
		for i, text := range []string{x, y} {
			n := len(text)
			art := &news.Article{ID: string(rune('a' + i)), Source: "S", Text: text,
				Published: time.Date(2031, 9, 1+i, 0, 0, 0, 0, time.UTC)}
			cut := 0
			if n > 0 {
				cut = abs(a) % (n + 1)
			}
			art.Sentences = append(split(text), news.Span{Start: 0, End: cut}, news.Span{Start: cut, End: n}, news.Span{Start: n, End: n + 1})
			if n > 0 {
				lo, hi := abs(a)%n, abs(b)%n
				lo, hi = min(lo, hi), max(lo, hi)
				art.Mentions = []news.Mention{{Span: news.Span{Start: lo, End: hi}, Type: news.LOC, Name: text[lo:hi]},
					{Span: news.Span{Start: 0, End: hi}, Type: news.PER, Name: "P"}}
				art.Dates = []news.DateMention{{Span: news.Span{Start: lo, End: hi}, Precision: "day", Value: art.Published}}
			}
			arts = append(arts, art)
			v.Articles = append(v.Articles, news.StoryArticle{ID: art.ID, Source: art.Source, Published: art.Published})
		}
		if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{"a": x, "b": y}
		for _, c := range v.Contradictions {
			for _, sd := range c.Sides {
				for _, ci := range sd.Citations {
					if ci.Start < 0 || ci.End > len(texts[ci.ArticleID]) || ci.Start > ci.End {
						t.Fatalf("citation %+v out of range in %q", ci, texts[ci.ArticleID])
					}
				}
			}
			if strings.TrimSpace(c.Explanation) == "" {
				t.Fatalf("no explanation: %+v", c)
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
