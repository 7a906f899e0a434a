package news

import (
	"strings"
	"time"
	"unicode"
)

// SearchOptions narrows and pages a search.
type SearchOptions struct {
	Limit  int       // at most this many hits; 0 means 20
	Source string    // only articles from this outlet (case-insensitive); "" means any
	From   time.Time // only articles published at or after From; zero means no bound
	To     time.Time // only articles published before To; zero means no bound
}

// Filtered reports whether o restricts the articles by outlet or date.
func (o SearchOptions) Filtered() bool { return o.Source != "" || !o.From.IsZero() || !o.To.IsZero() }

// SearchResult is the best hits of a search and how many articles match in all.
type SearchResult struct {
	Hits  []SearchHit `json:"items"`
	Total int         `json:"total"`
}

// Query is a parsed search query: an article matches when, for every group
// in All, it contains at least one of the group's terms, and it contains
// none of the terms in Not. A term is one word or a phrase of words
// separated by single spaces.
type Query struct {
	All [][]string
	Not []string
}

// Empty reports whether q can match nothing: it has no positive term.
func (q Query) Empty() bool { return len(q.All) == 0 }

// ParseQuery reads a user's search query. Words must all match; "quoted
// phrases" match as a whole; OR (upper case) between two terms matches
// either; a leading - excludes a word or phrase. Anything else that is not
// a letter, digit, _ or ' separates words, so every term is safe to quote
// for a full-text engine; odd input (unbalanced quotes, stray operators,
// punctuation) never fails, it only loses its meaning.
func ParseQuery(s string) Query {
	var (
		q      Query
		orNext bool
	)
	for _, tok := range queryTokens(s) {
		if tok.text == "OR" && !tok.quoted && !tok.neg {
			orNext = len(q.All) > 0
			continue
		}
		term := strings.Join(strings.FieldsFunc(tok.text, notWord), " ")
		if term == "" {
			continue
		}
		switch {
		case tok.neg:
			q.Not = append(q.Not, term)
		case orNext:
			last := len(q.All) - 1
			q.All[last] = append(q.All[last], term)
		default:
			q.All = append(q.All, []string{term})
		}
		orNext = false
	}
	return q
}

type queryToken struct {
	text        string
	quoted, neg bool
}

// queryTokens splits s at spaces outside quotes; an unclosed quote runs to
// the end.
func queryTokens(s string) []queryToken {
	var out []queryToken
	for s != "" {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		var t queryToken
		if s[0] == '-' && len(s) > 1 && !unicode.IsSpace(rune(s[1])) {
			t.neg, s = true, s[1:]
		}
		if s[0] == '"' {
			t.quoted = true
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				t.text, s = s[1:], ""
			} else {
				t.text, s = s[1:1+end], s[2+end:]
			}
		} else {
			end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
			if end < 0 {
				end = len(s)
			}
			t.text, s = s[:end], s[end:]
		}
		out = append(out, t)
	}
	return out
}

func notWord(r rune) bool {
	return !(r == '_' || r == '\'' || unicode.IsLetter(r) || unicode.IsDigit(r))
}
