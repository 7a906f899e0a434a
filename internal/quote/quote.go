// Package quote finds direct quotes in articles (who said what, to whom, in
// which medium) and merges the same quote carried by several articles of a
// story into one news.Quote with a carrier per article.
package quote

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Extractor is the per-article quote stage. It reads a.Text, a.Paragraphs
// (or splits the text on blank lines), a.Mentions (PER mentions from the
// entity stage, when present) and a.Social, and fills a.Quotes; quoted
// titles are appended to a.Mentions as WORK mentions with Via "title".
// Speakers of direct quotes are picked by the speaker ranker (Model, or the
// embedded one when nil) among candidates the rules generate; RulesOnly
// keeps the rules' picks.
type Extractor struct {
	Model     *SpeakerModel
	RulesOnly bool
}

var _ news.Stage = Extractor{}

// Process extracts a's quotes, replacing any already there.
func (e Extractor) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	x, err := e.extract(a)
	if err != nil {
		return err
	}
	a.Quotes = x.quotes
	a.Mentions = append(a.Mentions, x.titles...)
	return nil
}

func (e Extractor) extract(a *news.Article) (*extraction, error) {
	x := newExtraction(a)
	x.run()
	if !e.RulesOnly {
		m := e.Model
		if m == nil {
			var err error
			if m, err = DefaultSpeakerModel(); err != nil {
				return nil, err
			}
		}
		x.rerank(m)
	}
	x.dropSelfNamed()
	x.dropPossessors()
	x.dropOtherSource()
	return x, nil
}

// dropPossessors takes the speaker off a quote with no attribution whose
// speaker was named before it only as a possessor ("the clip opens with
// Obama's remarks.\n\n“I call on my friends…”"): the remarks were his,
// the quote need not be.
func (x *extraction) dropPossessors() {
	for _, i := range x.unattributed {
		q := &x.quotes[i]
		if q.SpeakerSpan.Len() > 0 && q.SpeakerSpan.End <= q.Span.Start && possessive(x.text, q.SpeakerSpan.End) {
			q.Speaker, q.SpeakerKey, q.SpeakerSpan, q.For, q.Role = "", "", news.Span{}, "", ""
		}
	}
}

// sourcing finds a phrase that credits what follows to a source:
// "According to Grind TV, …", "As previously reported by the Inquisitr, …".
var sourcing = regexp.MustCompile(`(?i)\b(?:according to|reported by|first reported|as reported|citing)\b`)

// dropOtherSource takes the speaker off a quote with no attribution when
// a source other than the speaker is credited between the sentence naming
// the speaker and the quote ("According to Grind TV, the Italy native is a
// pro…\n\n“The wels catfish is…”"): the block quotes that source's
// words, not the person the sentence was about.
func (x *extraction) dropOtherSource() {
	for _, i := range x.unattributed {
		q := &x.quotes[i]
		sp := q.SpeakerSpan
		if sp.Len() == 0 || sp.End > q.Span.Start {
			continue
		}
		from := strings.LastIndexAny(x.text[:sp.Start], ".!?\n") + 1
		first, _, _ := strings.Cut(q.Speaker, " ")
		for _, m := range sourcing.FindAllStringIndex(x.text[from:q.Span.Start], -1) {
			after := from + m[1]
			rest := strings.TrimLeft(x.text[after:], " ")
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "the "), "The ")
			if sp.Start >= after && sp.Start-after <= 6 || first != "" && strings.HasPrefix(rest, first) {
				continue // the speaker is the source credited
			}
			q.Speaker, q.SpeakerKey, q.SpeakerSpan, q.For, q.Role = "", "", news.Span{}, "", ""
			break
		}
	}
}

// dropSelfNamed takes the speaker off a quote that no cue attributes and
// that speaks of its speaker by surname ("“…and claim Rosenberg was
// taken,”" after a paragraph naming Rosenberg): people do not call
// themselves by their surname, so the speaker found nearby is someone the
// quote is about.
func (x *extraction) dropSelfNamed() {
	for i := range x.quotes {
		q := &x.quotes[i]
		if q.CueSpan.Len() > 0 || q.Speaker == "" || q.Role != "" {
			continue
		}
		ws := strings.Fields(q.Speaker)
		if len(ws) == 0 {
			continue
		}
		if !namesItself(q.Text, ws[len(ws)-1]) && (len(ws) < 2 || !namesItself(q.Text, ws[0]) || otherFullName(q.Text, ws[0])) {
			continue
		}
		q.Speaker, q.SpeakerKey, q.SpeakerSpan, q.For = "", "", news.Span{}, ""
	}
}

// namesItself tells whether a quote holds w, a word of its speaker's name
// (a surname, or a first name: "Dino’s monster catch is…"), as a whole
// word.
func namesItself(quote, w string) bool {
	w = strings.Trim(w, ".,")
	return len(w) >= 3 && w[0] >= 'A' && w[0] <= 'Z' && containsWord(quote, w)
}

// otherFullName tells whether every time a quote holds the first name w it
// goes on with a capitalised word: another person's full name ("between
// me and Ray Rice" is not Ray Lewis naming himself).
func otherFullName(quote, w string) bool {
	found := false
	for i := 0; ; {
		j := strings.Index(quote[i:], w+" ")
		if j < 0 {
			return found
		}
		j += i
		next := quote[j+len(w)+1:]
		if r, _ := utf8.DecodeRuneInString(next); !unicode.IsUpper(r) {
			return false
		}
		found = true
		i = j + 1
	}
}

// containsWord tells whether w stands in s as a whole word.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, after := j == 0, j+len(w) == len(s)
		if !before {
			r, _ := utf8.DecodeLastRuneInString(s[:j])
			before = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if !after {
			r, _ := utf8.DecodeRuneInString(s[j+len(w):])
			after = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if before && after {
			return true
		}
		i = j + 1
	}
}

// Extract returns the quotes of a without modifying it; titles are not
// returned. Speakers are the embedded ranker's picks.
func Extract(a *news.Article) []news.QuoteMention {
	x, err := Extractor{}.extract(a)
	if err != nil {
		x = newExtraction(a)
		x.run()
	}
	return x.quotes
}

// personMention is a person named in the text, outside quotes.
type personMention struct {
	name string
	pos  int
	span news.Span
	subj bool // opens a clause: a likely subject
}

// extraction is the working state of one article's extraction.
type extraction struct {
	a              *news.Article
	text           string
	mentions       []news.Mention // PER/ORG mentions sorted by start
	names          []seenName
	namesByPart    map[string][]int // folded part of a name -> indexes into names
	personMentions []personMention
	quotes         []news.QuoteMention
	titles         []news.Mention
	toks           []tok
	gender         map[string]int // > 0 she, < 0 he, by votes
	tagged         bool           // the recogniser ran: its mentions are the names
	frozen         bool           // extraction done: no more names are noted
	noSpeaker      []int          // quotes whose attribution names no speaker
	unattributed   []int          // quotes with no attribution, no colon before them, no quote just before
	sourced        []int          // quotes introduced by "according to X, …:": X is kept
}

func newExtraction(a *news.Article) *extraction {
	x := &extraction{a: a, text: a.Text}
	for _, m := range a.Mentions {
		if m.Via == "ner" {
			x.tagged = true
		}
		if m.Type == news.PER || m.Type == news.ORG {
			x.mentions = append(x.mentions, m)
		}
	}
	sortMentions(x.mentions)
	return x
}

// mentionAt returns the PER/ORG mention starting at pos.
func (x *extraction) mentionAt(pos int) (news.Mention, bool) {
	ms := x.mentions
	lo, hi := 0, len(ms)
	for lo < hi {
		h := (lo + hi) / 2
		if ms[h].Span.Start < pos {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(ms) && ms[lo].Span.Start == pos {
		return ms[lo], true
	}
	return news.Mention{}, false
}

func sortMentions(ms []news.Mention) {
	slices.SortStableFunc(ms, func(a, b news.Mention) int { return a.Span.Start - b.Span.Start })
}

// joinPieces joins the texts of a quote's pieces.
func joinPieces(text string, ps []news.Span) string {
	if len(ps) == 1 {
		return ps[0].Text(text)
	}
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Text(text))
	}
	return b.String()
}
