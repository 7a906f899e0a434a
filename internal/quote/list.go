package quote

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// BySpeaker returns the quotes whose speaker name, role or entity id
// matches name (case and accents folded; a part of the name is enough).
// An empty name returns qs unchanged.
func BySpeaker(qs []news.Quote, name string) []news.Quote {
	if name == "" {
		return qs
	}
	n := fold(strings.TrimSpace(name))
	out := []news.Quote{}
	for _, q := range qs {
		if strings.Contains(fold(q.Speaker.Name), n) || fold(q.Speaker.Role) == n || q.Speaker.EntityID == name {
			out = append(out, q)
		}
	}
	return out
}

// WriteText prints quotes for people: each quote's words and speaker, then
// one line per carrier with its told_to, medium, difference and citation.
func WriteText(w io.Writer, qs []news.Quote) error {
	for _, q := range qs {
		sp := q.Speaker.Name
		if sp == "" {
			sp = "unknown speaker"
		}
		flags := ""
		if q.Social {
			flags += " [social post]"
		}
		if q.Altered {
			flags += " [altered]"
		}
		if q.SpeakerConflict {
			flags += " [speaker conflict]"
		}
		if _, err := fmt.Fprintf(w, "%s  %s%s\n  “%s”\n", q.ID, sp, flags, q.Text); err != nil {
			return err
		}
		for _, c := range q.Carriers {
			var extra []string
			if c.ToldTo != "" {
				extra = append(extra, "told "+c.ToldTo)
			}
			if c.Medium != "" {
				extra = append(extra, "in "+c.Medium)
			}
			if c.Diff != "" {
				extra = append(extra, c.Diff)
			}
			cite := ""
			if len(c.Citations) > 0 {
				cite = fmt.Sprintf(" [%s:%d-%d]", c.Citations[0].ArticleID, c.Citations[0].Start, c.Citations[0].End)
			}
			first := ""
			if c.ArticleID == q.FirstArticleID {
				first = " (first)"
			}
			if _, err := fmt.Fprintf(w, "  - %s%s%s %s\n", c.ArticleID, first, cite, strings.Join(extra, "; ")); err != nil {
				return err
			}
		}
	}
	return nil
}
