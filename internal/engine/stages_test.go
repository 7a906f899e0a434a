package engine

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
)

// FuzzArticleStages runs the whole per-article pipeline on arbitrary text:
// no stage may panic, and every span it produces must lie inside the text.
func FuzzArticleStages(f *testing.F) {
	stages, err := articleStages()
	if err != nil {
		f.Fatal(err)
	}
	p := pipeline.New(stages...)
	f.Add("Title: A\n\nKhloé Kardashian, 38, met “365 Days” star Michele Morrone, 31, on Sept. 24, 2022. “They are not dating,” a rep told TODAY.\n\nfan @fan1 khloe and michele?? https://t.co/x")
	f.Add("“Unclosed quote at the end\n\n“Another ‘nested” quote’ said he.")
	f.Add("<p>Not really HTML</p> « guillemets » and 'single' quotes, ... Mr. U.S. Jr.")
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Raw: text}
		if err := p.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		n := len(a.Text)
		check := func(what string, s news.Span) {
			if s.Start < 0 || s.End > n || s.Start > s.End {
				t.Fatalf("%s span %+v outside text of %d bytes", what, s, n)
			}
		}
		for _, s := range a.Sentences {
			check("sentence", s)
		}
		for _, m := range a.Mentions {
			check("mention", m.Span)
		}
		for _, q := range a.Quotes {
			check("quote", q.Span)
		}
		for _, s := range a.Statements {
			check("statement", s.Span)
		}
		for _, d := range a.Dates {
			check("date", d.Span)
		}
	})
}
