package api

import (
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// EntityQuote is a quote an entity spoke, in one story, with the outlets
// carrying it.
type EntityQuote struct {
	StoryID    string        `json:"story_id"`
	StoryTitle string        `json:"story_title"`
	Text       string        `json:"text"`
	Carriers   []SourcedCite `json:"carriers"`
}

// EntityClaim is a claim of one story that names an entity, with the
// outlets taking a stance on it.
type EntityClaim struct {
	StoryID    string        `json:"story_id"`
	StoryTitle string        `json:"story_title"`
	Text       string        `json:"text"`
	Status     news.Status   `json:"status"`
	Stances    []SourcedCite `json:"stances"`
}

// SourcedCite is one outlet's article and the span it is cited by.
type SourcedCite struct {
	Source   string        `json:"source"`
	Stance   news.Stance   `json:"stance,omitempty"`
	Citation news.Citation `json:"citation"`
}

// EntityWords returns the quotes of v whose speaker is the entity (by id,
// else by name or alias) and the claims of v whose text names it (its name
// or an alias that is a proper name, as whole words, case-insensitive).
func EntityWords(v *news.StoryView, id, name string, aliases []string) ([]EntityQuote, []EntityClaim) {
	source := map[string]string{}
	for _, a := range v.Articles {
		source[a.ID] = a.Source
	}
	names := append([]string{name}, aliases...)
	var quotes []EntityQuote
	for _, q := range v.Quotes {
		if q.Speaker.EntityID != id && (q.Speaker.EntityID != "" || !equalAny(q.Speaker.Name, names)) {
			continue
		}
		eq := EntityQuote{StoryID: v.ID, StoryTitle: v.Title, Text: q.Text, Carriers: []SourcedCite{}}
		seen := map[string]bool{}
		for _, c := range q.Carriers {
			if len(c.Citations) > 0 && !seen[c.ArticleID] {
				seen[c.ArticleID] = true
				eq.Carriers = append(eq.Carriers, SourcedCite{Source: source[c.ArticleID], Citation: c.Citations[0]})
			}
		}
		quotes = append(quotes, eq)
	}
	proper := []string{name}
	for _, a := range aliases {
		if r := []rune(a); len(r) > 0 && unicode.IsUpper(r[0]) {
			proper = append(proper, a)
		}
	}
	var claims []EntityClaim
	for _, c := range v.Claims {
		if !namesAny(c.Text, proper) {
			continue
		}
		ec := EntityClaim{StoryID: v.ID, StoryTitle: v.Title, Text: c.Text, Status: c.Status, Stances: []SourcedCite{}}
		seen := map[string]bool{}
		for _, s := range c.Stances {
			if len(s.Citations) > 0 && !seen[s.ArticleID] {
				seen[s.ArticleID] = true
				ec.Stances = append(ec.Stances, SourcedCite{Source: source[s.ArticleID], Stance: s.Stance, Citation: s.Citations[0]})
			}
		}
		claims = append(claims, ec)
	}
	return quotes, claims
}

func equalAny(s string, names []string) bool {
	for _, n := range names {
		if n != "" && strings.EqualFold(s, n) {
			return true
		}
	}
	return false
}

// namesAny reports whether text contains one of names as whole words.
func namesAny(text string, names []string) bool {
	low := strings.ToLower(text)
	for _, n := range names {
		n = strings.ToLower(n)
		if len(n) < 3 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(low[from:], n)
			if i < 0 {
				break
			}
			i += from
			end := i + len(n)
			if (i == 0 || !wordRune(low[:i], true)) && (end == len(low) || !wordRune(low[end:], false)) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// wordRune reports whether the rune at the end (last) or start of s is a letter or digit.
func wordRune(s string, last bool) bool {
	var r rune
	if last {
		r = []rune(s)[len([]rune(s))-1]
	} else {
		r = []rune(s)[0]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
