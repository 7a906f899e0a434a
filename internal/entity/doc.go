package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// tok is one word or punctuation mark of the text.
type tok struct {
	s, e int
	low  string // folded text
	word bool   // letters or digits, possibly with inner apostrophes and hyphens
	cap  bool   // starts with an upper-case letter
	sent int    // index of the sentence holding it
}

// doc is the working state of one article during the stage.
type doc struct {
	a     *news.Article
	text  string
	toks  []tok
	sents []news.Span

	owner    []*ent      // the person each token names or describes
	quotes   []news.Span // quoted regions
	firstPer []*ent      // first person named in each sentence
	res      *Resolver
	byKey    map[string]*ent
	attrs    []news.AttrMention
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text into words and punctuation marks with byte offsets.
// Apostrophes and hyphens inside a word stay in it ("Khloé's", "38-year-old").
func tokenize(text string) []tok {
	toks := make([]tok, 0, len(text)/5)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, tok{s: i, e: i + n, low: foldRune(r)})
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[j+n2:])
				if isWordRune(r3) {
					j += n2
					continue
				}
			}
			break
		}
		toks = append(toks, tok{s: i, e: j, low: Fold(text[i:j]), word: true, cap: unicode.IsUpper(r)})
		i = j
	}
	return toks
}

// splitSentences is the fallback used when the segmenter has not filled
// a.Sentences: it ends a sentence at . ! ? followed by a space and an
// upper-case letter or a quote, and at every line break.
// abbreviationBefore tells whether the word ending at the period text[i]
// is a title's abbreviation ("Maj", "Dr", "Mr"), which ends no sentence.
func abbreviationBefore(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' {
		j--
	}
	_, ok := honorifics[strings.ToLower(text[j:i])]
	return ok && i-j <= 4
}

func splitSentences(text string) []news.Span {
	var out []news.Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t' || text[s] == '\r') {
			s++
		}
		if s < e {
			out = append(out, news.Span{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			emit(i)
		case '.', '!', '?':
			if text[i] == '.' && abbreviationBefore(text, i) {
				continue // "Maj. Gen. Omar Haddad", "Mr. Lowe"
			}
			j := i + 1
			for j < len(text) && (text[j] == '"' || text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			if j+1 < len(text) && text[j] == ' ' {
				r, _ := utf8.DecodeRuneInString(text[j+1:])
				if unicode.IsUpper(r) || r == '"' || r == '“' {
					emit(j)
					i = j
				}
			}
		}
	}
	emit(len(text))
	return out
}

func newDoc(a *news.Article) *doc {
	d := &doc{a: a, text: a.Text, toks: tokenize(a.Text), sents: a.Sentences}
	if len(d.sents) == 0 {
		d.sents = splitSentences(a.Text)
	}
	si := 0
	for i := range d.toks {
		for si+1 < len(d.sents) && d.toks[i].s >= d.sents[si].End {
			si++
		}
		d.toks[i].sent = si
	}
	return d
}

// tokAt returns the index of the first token starting at or after offset.
func (d *doc) tokAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].s >= off })
}

// tokEnd returns the index one past the last token ending at or before off.
func (d *doc) tokEnd(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].e > off })
}

// low returns the folded text of token i, or "" out of range.
func (d *doc) low(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].low
}

// sentOf returns the sentence index holding offset off.
func (d *doc) sentOf(off int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > off })
	if i >= len(d.sents) {
		return len(d.sents) - 1
	}
	return i
}
