package story

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Options say how Render writes a sheet.
type Options struct {
	Markdown bool // Markdown instead of plain text
	// Text returns an article's cleaned text, so that each citation quotes
	// the passage it points to; nil (or "") cites by position only.
	Text func(articleID string) string
}

// Render writes a story view as plain text or Markdown. Every line ends
// with numbered citations ([3] in text, a footnote [^3] in Markdown); the
// notes at the end give, for each, the outlet, its date and the start of
// the cited passage, then the article and byte offsets into its cleaned
// text (the same spans as the JSON's citations).
func Render(w io.Writer, v *news.StoryView, opt Options) error {
	r := &renderer{w: &errWriter{w: w}, md: opt.Markdown, text: opt.Text,
		note: map[news.Citation]int{}, arts: map[string]news.StoryArticle{}}
	for _, a := range v.Articles {
		r.arts[a.ID] = a
	}
	r.heading(1, v.Title)
	r.printf("Story %s · %s\n", v.ID, words.Count(len(v.Articles), "article"))
	if len(v.Sheet) > 0 {
		section := ""
		for _, l := range v.Sheet {
			if l.Section != section {
				section = l.Section
				r.heading(2, section)
			}
			r.item(l.Text, l.Citations)
		}
	} else {
		r.details(v)
	}
	r.heading(2, "Articles")
	for _, a := range v.Articles {
		date := dateLabel(a)
		where := a.URL
		if where == "" {
			where = a.Path
		}
		group := ""
		if a.Group != "" {
			group = " · copy group " + a.Group
		}
		if where != "" {
			where = " · " + where
		}
		r.printf("%s%s · %s · %s%s · id %s%s\n", r.bullet(), a.Source, date, a.Title, where, a.ID, group)
	}
	r.notes()
	return r.w.err
}

// notes writes what each citation number points to.
func (r *renderer) notes() {
	if len(r.order) == 0 {
		return
	}
	if !r.md {
		r.heading(2, "Citations")
	} else {
		r.printf("\n")
	}
	for i, c := range r.order {
		a := r.arts[c.ArticleID]
		outlet := a.Source
		if outlet == "" {
			outlet = "unknown outlet"
		}
		date := dateLabel(a)
		passage := ""
		if r.text != nil {
			if t := r.text(c.ArticleID); c.Start >= 0 && c.End <= len(t) && c.Start < c.End {
				passage = " “" + fold.Clip(t[c.Start:c.End], 90) + "”"
			}
		}
		where := fmt.Sprintf("article %s, bytes %d–%d", c.ArticleID, c.Start, c.End)
		if r.md {
			if a.URL != "" {
				outlet = "[" + outlet + "](" + a.URL + ")"
			}
			r.printf("[^%d]: %s, %s:%s (%s)\n", i+1, outlet, date, passage, where)
			continue
		}
		r.printf("  [%d] %s, %s:%s (%s)\n", i+1, outlet, date, passage, where)
	}
}

// dateLabel is how an article's date is written in sheets: the day, "on
// or after" the day with "(estimated)" when it is an estimate (a lower
// bound: the article reports that day's events, dates.Estimate), or
// "undated". The contradictions word an estimate the same way.
func dateLabel(a news.StoryArticle) string {
	if a.Published.IsZero() {
		return "undated"
	}
	if a.PublishedEstimated {
		return "on or after " + a.Published.Format("2006-01-02") + " (estimated)"
	}
	return a.Published.Format("2006-01-02")
}

// details renders the view's parts when no sheet has been built.
func (r *renderer) details(v *news.StoryView) {
	if len(v.Entities) > 0 {
		r.heading(2, "People, organisations and places")
		for _, e := range v.Entities {
			r.item(fmt.Sprintf("%s (%s) %s", e.Name, e.Type, strings.Join(e.Aliases, ", ")), e.Mentions[:min(len(e.Mentions), 3)])
			for _, at := range e.Attributes {
				r.item("    "+at.Name+": "+at.Value, at.Citations)
			}
		}
	}
	if len(v.Quotes) > 0 {
		r.heading(2, "Quotes")
		for _, q := range v.Quotes {
			var cites []news.Citation
			for _, c := range q.Carriers {
				cites = append(cites, c.Citations...)
			}
			r.item(fmt.Sprintf("%s: “%s” (%d carriers)", q.Speaker.Name, q.Text, len(q.Carriers)), cites)
		}
	}
	if len(v.Copies) > 0 {
		r.heading(2, "Copied passages")
		for _, c := range v.Copies {
			r.item(fmt.Sprintf("%s → %s: “%s”", r.arts[c.FromArticleID].Source, r.arts[c.ToArticleID].Source, clip(c.Text, 120)), c.Citations)
		}
	}
	if len(v.Timeline) > 0 {
		r.heading(2, "Timeline")
		for _, t := range v.Timeline {
			r.item(t.Date+" "+t.Text, t.Citations)
		}
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

type renderer struct {
	w    *errWriter
	md   bool
	arts map[string]news.StoryArticle
	text func(string) string
	// note numbers citations in order of first use; order lists them.
	note  map[news.Citation]int
	order []news.Citation
}

func (r *renderer) printf(format string, a ...any) { fmt.Fprintf(r.w, format, a...) }

func (r *renderer) heading(level int, s string) {
	if r.md {
		r.printf("\n%s %s\n\n", strings.Repeat("#", level), s)
		return
	}
	r.printf("\n%s\n%s\n", s, strings.Repeat(map[bool]string{true: "=", false: "-"}[level == 1], len([]rune(s))))
}

func (r *renderer) bullet() string {
	if r.md {
		return "- "
	}
	return "  "
}

func (r *renderer) item(text string, cites []news.Citation) {
	r.printf("%s%s %s\n", r.bullet(), text, r.cites(cites))
}

func (r *renderer) cites(cs []news.Citation) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		n, ok := r.note[c]
		if !ok {
			r.order = append(r.order, c)
			n = len(r.order)
			r.note[c] = n
		}
		if r.md {
			parts = append(parts, fmt.Sprintf("[^%d]", n))
		} else {
			parts = append(parts, fmt.Sprintf("[%d]", n))
		}
	}
	return strings.Join(parts, "")
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// ArticleReader reads one stored article (news.Store is one).
type ArticleReader interface {
	Article(ctx context.Context, id string) (*news.Article, error)
}

// StoreTexts returns an Options.Text that reads each article's cleaned
// text from s once; an article that cannot be read is cited by position
// only.
func StoreTexts(ctx context.Context, s ArticleReader) func(string) string {
	cache := map[string]string{}
	return func(id string) string {
		if t, ok := cache[id]; ok {
			return t
		}
		a, err := s.Article(ctx, id)
		if err != nil {
			cache[id] = ""
			return ""
		}
		cache[id] = a.Text
		return a.Text
	}
}
