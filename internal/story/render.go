package story

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Render writes a story view as plain text (markdown=false) or Markdown.
// Citations are shown as [N:START-END], N being the article's number in the
// sources list at the end, START-END byte offsets into its cleaned text.
func Render(w io.Writer, v *news.StoryView, markdown bool) error {
	r := &renderer{w: &errWriter{w: w}, md: markdown, num: map[string]int{}}
	for i, a := range v.Articles {
		r.num[a.ID] = i + 1
	}
	r.heading(1, v.Title)
	r.printf("Story %s · %s\n", v.ID, plural(len(v.Articles), "article"))
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
	r.heading(2, "Sources")
	for i, a := range v.Articles {
		date := "undated"
		if !a.Published.IsZero() {
			date = a.Published.Format("2006-01-02")
			if a.PublishedEstimated {
				date += " (estimated)"
			}
		}
		where := a.URL
		if where == "" {
			where = a.Path
		}
		group := ""
		if a.Group != "" {
			group = " · copy group " + a.Group
		}
		r.printf("%s[%d] %s · %s · %s · %s · id %s%s\n", r.bullet(), i+1, a.Source, date, a.Title, where, a.ID, group)
	}
	return r.w.err
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
			r.item(fmt.Sprintf("[%d] → [%d]: “%s”", r.num[c.FromArticleID], r.num[c.ToArticleID], clip(c.Text, 120)), c.Citations)
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
	w   *errWriter
	md  bool
	num map[string]int
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
		parts = append(parts, fmt.Sprintf("[%d:%d-%d]", r.num[c.ArticleID], c.Start, c.End))
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
