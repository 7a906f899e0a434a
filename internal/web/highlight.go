package web

import (
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// mark is one highlighted span of an article's text.
type mark struct {
	span  news.Span
	class string // "m" mention, "q" quote, "c" claim, "s" social post, "hl" cited span
	title string
}

// segment is a run of text under the same set of marks.
type segment struct {
	Text    string
	Class   string // space-separated classes of the marks over it
	Title   string
	ID      string // "hl" on the first segment of the cited span
	Removed []int  // indexes of removals that stood just before this segment
}

// segments cuts text at every mark boundary and removal point. Spans are
// clamped to the text and moved to rune boundaries; the text is never
// altered, so joining the segments gives it back.
func segments(text string, marks []mark, removed []news.Removal) []segment {
	fix := func(i int) int {
		i = min(max(i, 0), len(text))
		for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
			i--
		}
		return i
	}
	cuts := []int{0, len(text)}
	kept := marks[:0:0]
	for _, m := range marks {
		m.span = news.Span{Start: fix(m.span.Start), End: fix(m.span.End)}
		if m.span.End <= m.span.Start {
			continue
		}
		kept = append(kept, m)
		cuts = append(cuts, m.span.Start, m.span.End)
	}
	at := make(map[int][]int)
	for i, r := range removed {
		p := fix(r.At)
		at[p] = append(at[p], i)
		cuts = append(cuts, p)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []segment
	hlSeen := false
	for i := 0; i+1 < len(cuts); i++ {
		s := news.Span{Start: cuts[i], End: cuts[i+1]}
		seg := segment{Text: text[s.Start:s.End], Removed: at[s.Start]}
		var classes, titles []string
		for _, m := range kept {
			if !m.span.Contains(s) {
				continue
			}
			if !slices.Contains(classes, m.class) {
				classes = append(classes, m.class)
			}
			if m.title != "" && !slices.Contains(titles, m.title) {
				titles = append(titles, m.title)
			}
			if m.class == "hl" && !hlSeen {
				seg.ID, hlSeen = "hl", true
			}
		}
		seg.Class = strings.Join(classes, " ")
		seg.Title = strings.Join(titles, "; ")
		out = append(out, seg)
	}
	if rm := at[len(text)]; rm != nil {
		out = append(out, segment{Removed: rm})
	}
	return out
}

// articleMarks collects the marks of an article's analysis and the cited span.
func articleMarks(a *news.Article, hl news.Span, hlOK bool) []mark {
	var ms []mark
	for _, m := range a.Mentions {
		ms = append(ms, mark{m.Span, "m", string(m.Type) + ": " + m.Name})
	}
	for _, q := range a.Quotes {
		t := "quote"
		if q.Speaker != "" {
			t += " by " + q.Speaker
		}
		if len(q.Pieces) > 0 {
			for _, p := range q.Pieces {
				ms = append(ms, mark{p, "q", t})
			}
		} else {
			ms = append(ms, mark{q.Span, "q", t})
		}
	}
	for _, s := range a.Statements {
		t := "claim: " + strings.TrimSpace(strings.Join([]string{s.Subject, s.Predicate, s.Object}, " "))
		if s.Predicate == "" && s.Kind != "" {
			// an attribution or an assertion of the statement stage
			t = s.Kind
			if s.By != "" {
				t += " by " + s.By
			}
		}
		switch {
		case s.Unsaid:
			t += " (reported as not said)" // "had not confirmed that …"
		case s.Stance != "":
			t += " (" + string(s.Stance) + ")"
		}
		ms = append(ms, mark{s.Span, "c", t})
	}
	for _, p := range a.Social {
		ms = append(ms, mark{p.Span, "s", "social post " + p.Handle})
	}
	if hlOK {
		ms = append(ms, mark{hl, "hl", "cited"})
	}
	return ms
}

// parseHL reads ?hl=START-END.
func parseHL(s string, textLen int) (news.Span, bool) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return news.Span{}, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || end <= start || end > textLen {
		return news.Span{}, false
	}
	return news.Span{Start: start, End: end}, true
}

// snippetHTML escapes a search snippet and turns its [[ and ]] match markers
// into <mark> elements, balanced whatever the input.
func snippetHTML(s string) template.HTML {
	var b strings.Builder
	open := false
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "[[") && !open:
			b.WriteString("<mark>")
			open, s = true, s[2:]
		case strings.HasPrefix(s, "]]") && open:
			b.WriteString("</mark>")
			open, s = false, s[2:]
		default:
			i := 1
			for i < len(s) && s[i] != '[' && s[i] != ']' {
				i++
			}
			b.WriteString(html.EscapeString(s[:i]))
			s = s[i:]
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}
