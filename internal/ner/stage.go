package ner

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

// Stage tags the named entities of each sentence of an article and appends
// them to a.Mentions with Via "ner". Types are the model's PER, ORG, LOC and
// MISC, refined by rules: short title-cased phrases in quotes that the
// model calls MISC, or that a nearby word calls a film, show, book or song,
// become WORK; festivals, fashion weeks, galas and award ceremonies become
// EVENT.
type Stage struct {
	Model *Model
}

var _ news.Stage = Stage{}

// NewStage returns a Stage with the embedded model.
func NewStage() (Stage, error) {
	m, err := Default()
	if err != nil {
		return Stage{}, err
	}
	return Stage{Model: m}, nil
}

// Process implements news.Stage.
func (s Stage) Process(ctx context.Context, a *news.Article) error {
	if s.Model == nil {
		return fmt.Errorf("ner: no model")
	}
	sents := a.Sentences
	if len(sents) == 0 {
		for _, p := range segment.Paragraphs(a.Text) {
			sents = append(sents, segment.Sentences(a.Text, p)...)
		}
	}
	toks := make([][]segment.Token, len(sents))
	words := make([][]string, len(sents))
	for i, sp := range sents {
		toks[i] = segment.Tokens(a.Text, sp)
		words[i] = make([]string, len(toks[i]))
		for j, t := range toks[i] {
			words[i][j] = t.Text(a.Text)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tags := s.Model.tagIDs(words)
	kept := a.Mentions[:0]
	for _, m := range a.Mentions {
		if m.Via != "ner" {
			kept = append(kept, m)
		}
	}
	a.Mentions = kept
	for i := range sents {
		ms := s.Model.sentenceMentions(a.Text, toks[i], words[i], tags[i])
		a.Mentions = append(a.Mentions, ms...)
	}
	return nil
}

type tokMention struct {
	start, end int // token range
	typ        news.EntityType
}

func (m *Model) sentenceMentions(text string, toks []segment.Token, words []string, y []int8) []news.Mention {
	y = dropHandles(toks, words, y)
	var ms []tokMention
	for i := 0; i < len(y); {
		if y[i] == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(y) && isInside(y[j]) && (y[j]-1)/2 == (y[i]-1)/2 {
			j++
		}
		ms = append(ms, tokMention{i, j, news.EntityType(m.labels.typeOf(y[i]))})
		i = j
	}
	ms = refine(words, ms, m.commonWord)
	out := make([]news.Mention, 0, len(ms))
	for _, tm := range ms {
		sp := news.Span{Start: toks[tm.start].Span.Start, End: toks[tm.end-1].Span.End}
		out = append(out, news.Mention{Span: sp, Text: sp.Text(text), Type: tm.typ, Via: "ner"})
	}
	return out
}

// dropHandles untags social-media handles and hashtags ("@name", "#tag")
// and links: they are never part of a name, so "@fan Khloe Kardashian"
// yields "Khloe Kardashian" alone, and "Alan Henning http://t.co/x1" "Alan
// Henning".
func dropHandles(toks []segment.Token, words []string, y []int8) []int8 {
	var out []int8
	untag := func(k int) { // y stays as the caller gave it: out is a copy, made on the first change
		if y[k] != 0 {
			if out == nil {
				out = append([]int8(nil), y...)
			}
			out[k] = 0
		}
	}
	for j := range words {
		handle := len(words[j]) > 1 && (words[j][0] == '@' || words[j][0] == '#')
		if j > 0 && (words[j-1] == "@" || words[j-1] == "#") && toks[j-1].Span.End == toks[j].Span.Start {
			handle = true
		}
		if isLink(words[j]) {
			// a link and every token glued to it: "http://t.co/GOga1c"
			for k := j; k < len(words) && (k == j || toks[k-1].Span.End == toks[k].Span.Start); k++ {
				untag(k)
			}
		}
		if handle {
			untag(j)
		}
	}
	if out == nil {
		return y
	}
	return out
}

// isLink reports whether a word is a web address or opens one.
func isLink(w string) bool {
	w = strings.ToLower(w)
	return w == "http" || w == "https" || w == "www" || strings.HasPrefix(w, "http:") ||
		strings.HasPrefix(w, "https:") || strings.HasPrefix(w, "www.")
}

// refine applies the WORK and EVENT rules and returns mentions in order.
func refine(words []string, ms []tokMention, common func(string) bool) []tokMention {
	for i := range ms {
		// "Kim Jong-il", "Ri Sol-ju": a given name of two syllables joined
		// by a hyphen, the second in lower case, which the model (trained on
		// names like "Jean-Claude") leaves out of the name before it
		if m := &ms[i]; m.typ == news.PER && m.end < len(words) && (i+1 == len(ms) || ms[i+1].start > m.end) && hyphenedGiven(words[m.end], common) {
			m.end++
		}
	}
	var add []tokMention
	add = append(add, quotedWorks(words, ms)...)
	add = append(add, events(words)...)
	for _, a := range add {
		kept := ms[:0]
		for _, x := range ms {
			if x.end <= a.start || x.start >= a.end {
				kept = append(kept, x)
			}
		}
		ms = append(kept, a)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	return ms
}

// hyphenedGiven tells whether w is written like a given name of two
// syllables joined by a hyphen, the second in lower case: "Jong-il",
// "Yo-jong"; not a compound of common words ("Well-known", common tells
// a word mostly written in lower case).
func hyphenedGiven(w string, common func(string) bool) bool {
	first, second, ok := strings.Cut(w, "-")
	if ok && common != nil && (common(first) || common(second)) {
		return false
	}
	if !ok || len(first) < 2 || len(second) < 2 || len(first) > 6 || len(second) > 6 || first[0] < 'A' || first[0] > 'Z' {
		return false
	}
	for _, r := range first[1:] + second {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// commonWord tells whether w is mostly written in lower case where a
// sentence's start does not force a capital, in the unlabelled text of the
// model's lexicon (seen three times at least).
func (m *Model) commonWord(w string) bool {
	if m.lex == nil {
		return false
	}
	e, ok := m.lex.words[lowerDigits(normalise(w))]
	return ok && e.capRatio <= 1
}

func isOpenQuote(w string) bool {
	switch w {
	case "\"", "“", "‘", "'", "«":
		return true
	}
	return false
}

func isCloseQuote(w string) bool {
	switch w {
	case "\"", "”", "’", "'", "»":
		return true
	}
	return false
}

// workCues are words that call a nearby quoted title a work.
var workCues = map[string]bool{
	"film": true, "films": true, "movie": true, "movies": true, "series": true, "show": true, "shows": true,
	"sitcom": true, "drama": true, "documentary": true, "trilogy": true, "franchise": true, "sequel": true,
	"book": true, "novel": true, "memoir": true, "album": true, "song": true, "single": true, "track": true,
	"episode": true, "season": true, "play": true, "musical": true, "podcast": true, "thriller": true,
	"comedy": true, "programme": true, "program": true, "star": true, "starred": true, "starring": true,
	"hit": true, "netflix": true, "hbo": true, "titled": true, "called": true, "reality": true,
	"performance": true, "performed": true, "performing": true, "sang": true, "sings": true, "tune": true,
	"ballad": true, "anthem": true, "lyrics": true, "chorus": true, "ep": true,
}

// quotedWorks finds title-cased phrases of at most eight words between
// quotes that the model tagged MISC or that a cue word near them calls a
// work.
func quotedWorks(words []string, ms []tokMention) []tokMention {
	var out []tokMention
	for i := 0; i < len(words); i++ {
		if !isOpenQuote(words[i]) {
			continue
		}
		j := i + 1
		for j < len(words) && j-i <= 9 && !isCloseQuote(words[j]) {
			j++
		}
		if j >= len(words) || !isCloseQuote(words[j]) || j == i+1 || j-i > 9 {
			continue
		}
		s, e := i+1, j
		for e > s && (words[e-1] == "." || words[e-1] == "," || words[e-1] == "!" || words[e-1] == "?") {
			e--
		}
		if e > s && titleCased(words[s:e]) {
			misc := false
			for _, m := range ms {
				if m.typ == news.MISC && m.start >= s && m.end <= e {
					misc = true
				}
			}
			cue := false
			for k := max(0, i-6); k < min(len(words), j+7); k++ {
				if (k < i || k > j) && workCues[strings.ToLower(words[k])] {
					cue = true
				}
			}
			if misc || cue {
				out = append(out, tokMention{s, e, news.WORK})
			}
		}
		i = j
	}
	return out
}

// titleCased reports whether the phrase starts with a capital or digit and
// every word of four letters or more does too.
func titleCased(ws []string) bool {
	r, _ := utf8.DecodeRuneInString(ws[0])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) >= 4 && unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// eventHeads end the names of events; a head that needs a word before it
// names that word.
var eventHeads = map[string]string{
	"Festival": "", "Fest": "", "Festivals": "", "Gala": "", "Awards": "", "Week": "Fashion",
	"Olympics": "", "Expo": "", "Biennale": "", "Carnival": "", "Marathon": "", "Summit": "",
	"Oscars": "", "Grammys": "", "Emmys": "", "Tonys": "", "BAFTAs": "", "VMAs": "", "Globes": "Golden",
	"Con": "Comic", "Open": "", "Prix": "Grand", "Championships": "", "Ceremony": "",
}

// events finds capitalised phrases ending in an event head, such as "75th
// Annual Cannes Film Festival" or "Milan Fashion Week".
func events(words []string) []tokMention {
	var out []tokMention
	for i, w := range words {
		need, ok := eventHeads[w]
		if !ok {
			continue
		}
		if need != "" && (i == 0 || words[i-1] != need) {
			continue
		}
		s := i
		for s > 0 {
			p := words[s-1]
			r, _ := utf8.DecodeRuneInString(p)
			if unicode.IsUpper(r) || unicode.IsDigit(r) && len(p) > 1 && !strings.ContainsAny(p, ",.") ||
				(p == "of" || p == "de" || p == "&") && s-1 > 0 {
				s--
				continue
			}
			break
		}
		for s < i && (words[s] == "The" || words[s] == "of" || words[s] == "&") {
			s++
		}
		if w == "Open" && s == i {
			continue // "Open" alone is not an event
		}
		if s == i && need == "" && (w == "Festival" || w == "Gala" || w == "Awards" || w == "Summit" ||
			w == "Week" || w == "Marathon" || w == "Ceremony" || w == "Championships" || w == "Expo") {
			continue // a bare head is a common noun
		}
		out = append(out, tokMention{s, i + 1, news.EVENT})
	}
	return out
}
