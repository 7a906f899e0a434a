// Package segment splits an article's text into paragraphs, sentences and
// tokens, each kept as a byte span into the text.
package segment

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Token is one word or punctuation mark, as a span into the text.
type Token struct {
	Span news.Span
}

// Text returns the token's text in text.
func (t Token) Text(text string) string { return t.Span.Text(text) }

// Stage fills an article's Sentences, and its Paragraphs when cleaning left
// them empty.
type Stage struct{}

var _ news.Stage = Stage{}

// Process implements news.Stage.
func (Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(a.Paragraphs) == 0 {
		a.Paragraphs = Paragraphs(a.Text)
	}
	a.Sentences = a.Sentences[:0]
	for _, p := range a.Paragraphs {
		a.Sentences = append(a.Sentences, Sentences(a.Text, p)...)
	}
	return nil
}

// Paragraphs splits text on blank lines and returns the non-empty
// paragraphs, trimmed of surrounding space.
func Paragraphs(text string) []news.Span {
	var out []news.Span
	start := 0
	emit := func(s, e int) {
		sp := trim(text, news.Span{Start: s, End: e})
		if sp.Len() > 0 {
			out = append(out, sp)
		}
	}
	i := 0
	for i < len(text) {
		if text[i] != '\n' {
			i++
			continue
		}
		// Look for a second newline after only horizontal space.
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			emit(start, i)
			for j < len(text) && isSpaceByte(text[j]) {
				j++
			}
			start, i = j, j
			continue
		}
		i = j
	}
	emit(start, len(text))
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

func trim(text string, s news.Span) news.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// Sentences splits the part of text within the span into sentences. A line
// break always ends a sentence; so do '.', '?', '!' and ellipses, unless the
// next word starts in lower case, together with any closing quotes and
// brackets that follow them. Abbreviations ("Mr.", "Sept.", "U.S.") and
// initials keep their period and do not end a sentence.
func Sentences(text string, within news.Span) []news.Span {
	var out []news.Span
	line := within.Start
	for line < within.End {
		end := strings.IndexByte(text[line:within.End], '\n')
		if end < 0 {
			end = within.End
		} else {
			end += line
		}
		out = appendSentences(out, text, Tokens(text, news.Span{Start: line, End: end}))
		line = end + 1
	}
	return out
}

func appendSentences(out []news.Span, text string, toks []Token) []news.Span {
	start := 0
	for i := 0; i < len(toks); i++ {
		w := toks[i].Text(text)
		if !isTerminal(w) {
			continue
		}
		if w == "!" && i > 0 && toks[i-1].Span.End == toks[i].Span.Start && isInitial(toks[i-1].Text(text)) {
			continue // a name with a bang: "E! News", "Yahoo!" reads on
		}
		j := i + 1
		for j < len(toks) && isCloser(toks[j].Text(text)) && !opens(toks, j, text) {
			j++
		}
		if j < len(toks) {
			next := toks[j].Text(text)
			r, _ := utf8.DecodeRuneInString(next)
			if unicode.IsLower(r) || isTerminal(next) {
				continue
			}
		}
		out = append(out, news.Span{Start: toks[start].Span.Start, End: toks[j-1].Span.End})
		start = j
		i = j - 1
	}
	if start < len(toks) {
		out = append(out, news.Span{Start: toks[start].Span.Start, End: toks[len(toks)-1].Span.End})
	}
	return out
}

// opens tells whether the straight quotation mark toks[j], a space after
// the word before it and glued to the word after it, opens the next
// sentence's quote ("caught off guard. 'Are you…") rather than closing
// this one's.
func opens(toks []Token, j int, text string) bool {
	w := toks[j].Text(text)
	if w != "\"" && w != "'" || j == 0 || j+1 >= len(toks) {
		return false
	}
	return toks[j-1].Span.End < toks[j].Span.Start && toks[j].Span.End == toks[j+1].Span.Start
}

func isTerminal(w string) bool {
	switch w {
	case ".", "?", "!", "...", "…", "?!", "!?":
		return true
	}
	return false
}

func isCloser(w string) bool {
	switch w {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

// isInitial reports a single capital letter ("E" of "E! News").
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}
