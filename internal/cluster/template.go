package cluster

import (
	"hash/fnv"
	"net/url"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Site templates. Extraction keeps some of a site's template with the
// article: a blog's name as the title, a tagline, a sign-off, a
// subscription or comment line. Two posts of one site on unrelated
// subjects then share words that say nothing about either, and shared
// words are what the clusterer joins on. So the clusterer remembers, per
// source, the lines that open and close its articles (and their titles): a
// line already seen in templateSeen earlier articles of the same source is
// template, and its words are left out of the article's features. Only
// the same source counts: a passage two outlets share is a copy, which is
// evidence.

const (
	templateHead = 3       // lines at the start of an article that may be template
	templateTail = 5       // and at its end
	templateSeen = 2       // earlier articles of the source with the line that make it template
	templateKeep = 20      // an article keeps all its words when fewer than this would be left
	templateMax  = 1 << 19 // remembered lines; past it, lines seen once are forgotten
)

// templateLine is one candidate line of an article: its key and its bytes
// in the text (the title has no span).
type templateLine struct {
	key   uint64
	span  [2]int
	title bool
}

// sourceKey is who an article's template belongs to: its address's host
// (a site's name as its pages give it varies more), else its source; ""
// when neither is known.
func sourceKey(a *news.Article) string {
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return strings.ToLower(a.Source)
}

// normLine folds a line for comparison: lower case, runs of digits as one
// 0 (dates and counters change), white space collapsed.
func normLine(s string) string {
	var b strings.Builder
	space, digit := false, false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			if !digit {
				b.WriteByte('0')
			}
			digit, space = true, false
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		}
		digit = false
	}
	return b.String()
}

// templateLines returns the title and the first and last lines of a's
// text, keyed by source; nil when the source is unknown.
func templateLines(a *news.Article) []templateLine {
	src := sourceKey(a)
	if src == "" {
		return nil
	}
	key := func(kind byte, s string) uint64 {
		h := fnv.New64a()
		h.Write([]byte(src))
		h.Write([]byte{0, kind})
		h.Write([]byte(normLine(s)))
		return h.Sum64()
	}
	var out []templateLine
	if t := strings.TrimSpace(a.Title); t != "" {
		out = append(out, templateLine{key: key('t', t), title: true})
	}
	var lines [][2]int
	for at := 0; at < len(a.Text); {
		end := strings.IndexByte(a.Text[at:], '\n')
		if end < 0 {
			end = len(a.Text)
		} else {
			end += at
		}
		if strings.TrimSpace(a.Text[at:end]) != "" {
			lines = append(lines, [2]int{at, end})
		}
		at = end + 1
	}
	for i, l := range lines {
		if i < templateHead || i >= len(lines)-templateTail {
			out = append(out, templateLine{key: key('l', a.Text[l[0]:l[1]]), span: l})
		}
	}
	return out
}

// template returns the spans of a's text that are its source's template,
// and whether its title is; count records a's lines for the articles after
// it (false for an article brought back from the archive, counted when it
// was first placed).
func (c *Clusterer) template(a *news.Article, count bool) (keys []uint64, skip [][2]int, title bool) {
	lines := templateLines(a)
	for _, l := range lines {
		if c.tmpl[l.key] >= templateSeen {
			if l.title {
				title = true
			} else {
				skip = append(skip, l.span)
			}
		}
	}
	if count {
		if len(c.tmpl)+len(lines) > templateMax {
			for k, n := range c.tmpl {
				if n < 2 {
					delete(c.tmpl, k)
				}
			}
			if len(c.tmpl)+len(lines) > templateMax*3/4 {
				clear(c.tmpl)
			}
		}
		for _, l := range lines {
			if c.tmpl[l.key] < 255 {
				c.tmpl[l.key]++
			}
			keys = append(keys, l.key)
		}
	}
	return keys, skip, title
}

// untemplate takes back what template counted for an article left unplaced.
func (c *Clusterer) untemplate(keys []uint64) {
	for _, k := range keys {
		if n := c.tmpl[k]; n > 1 {
			c.tmpl[k] = n - 1
		} else {
			delete(c.tmpl, k)
		}
	}
}

// inSpans reports whether [start, end) lies inside one of the sorted spans.
func inSpans(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if start >= s[0] && end <= s[1] {
			return true
		}
	}
	return false
}
