package statement

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

// tok is one token of the article, a span into its text.
type tok struct {
	s, e  int
	w     string // the token's text (a slice of the article's text)
	punct bool   // neither letter nor digit at its start (clitics "'s", "n't" are words)
	cap   bool   // starts with an upper-case letter
	inQ   bool   // inside a quotation opened earlier in the paragraph
}

// sent is one sentence: its tokens toks[t0:t1] and its paragraph.
type sent struct {
	span   news.Span
	para   int
	t0, t1 int
}

// doc is an article's text as tokens and sentences.
type doc struct {
	text  string
	toks  []tok
	sents []sent
	named []news.Mention // the article's named mentions by position, once asked for
}

// prepare tokenises text sentence by sentence. Sentences and paragraphs
// come from the segment stage; when absent they are computed here.
func prepare(text string, paras, sents []news.Span) *doc {
	if len(paras) == 0 {
		paras = segment.Paragraphs(text)
	}
	if len(sents) == 0 {
		for _, p := range paras {
			sents = append(sents, segment.Sentences(text, p)...)
		}
	}
	d := &doc{text: text, toks: make([]tok, 0, len(text)/4+8), sents: make([]sent, 0, len(sents))}
	pi := 0
	depth := false
	for _, sp := range sents {
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		np := pi
		for np < len(paras) && paras[np].End <= sp.Start {
			np++
		}
		if np != pi || len(d.sents) == 0 {
			depth = false // quotations close at a paragraph break
		}
		pi = np
		s := sent{span: sp, para: pi, t0: len(d.toks)}
		for _, t := range segment.Tokens(text, sp) {
			w := text[t.Span.Start:t.Span.End]
			r, _ := utf8.DecodeRuneInString(w)
			k := tok{s: t.Span.Start, e: t.Span.End, w: w, inQ: depth}
			k.punct = !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isClitic(w)
			k.cap = unicode.IsUpper(r)
			switch w {
			case "“", "«", "„":
				depth = true
			case "”", "»":
				depth = false
			case "\"", "''", "``":
				depth = !depth
			}
			d.toks = append(d.toks, k)
		}
		s.t1 = len(d.toks)
		if s.t1 > s.t0 {
			d.sents = append(d.sents, s)
		}
	}
	return d
}

func isClitic(w string) bool {
	if len(w) < 2 {
		return false
	}
	l := lower(w)
	switch l {
	case "'s", "’s", "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m":
		return true
	}
	return false
}

// span is the byte span of tokens [a, b).
func (d *doc) span(a, b int) news.Span {
	if a >= b {
		return news.Span{}
	}
	return news.Span{Start: d.toks[a].s, End: d.toks[b-1].e}
}

// is reports whether token i reads w, ignoring ASCII case.
func (d *doc) is(i int, ws ...string) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	for _, w := range ws {
		if strings.EqualFold(d.toks[i].w, w) {
			return true
		}
	}
	return false
}

// isOpenMark and isCloseMark recognise quotation marks.
func isOpenMark(w string) bool {
	switch w {
	case "“", "\"", "«", "„", "‘", "``":
		return true
	}
	return false
}

func isCloseMark(w string) bool {
	switch w {
	case "”", "\"", "»", "’", "''":
		return true
	}
	return false
}

func isQuoteMark(w string) bool { return isOpenMark(w) || isCloseMark(w) }

// sentOf returns the index of the sentence holding token i.
func (d *doc) sentOf(i int) int {
	return sort.Search(len(d.sents), func(k int) bool { return d.sents[k].t1 > i })
}

// lower returns w in lower case, without allocating when it already is.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(w)
		}
	}
	return w
}
