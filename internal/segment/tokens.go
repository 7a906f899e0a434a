package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Tokens splits the part of text within the span into tokens, in the
// manner of the CoNLL-2003 and Penn Treebank tokenisation: punctuation and
// quotes are their own tokens, clitics ("'s", "n't") are split off, and
// abbreviations and initials keep their period.
func Tokens(text string, within news.Span) []Token {
	if within.Start < 0 {
		within.Start = 0
	}
	if within.End > len(text) {
		within.End = len(text)
	}
	var out []Token
	i := within.Start
	for i < within.End {
		r, n := utf8.DecodeRuneInString(text[i:within.End])
		if unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B {
			i += n
			continue
		}
		j := i
		for j < within.End {
			r, n := utf8.DecodeRuneInString(text[j:within.End])
			if unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B {
				break
			}
			j += n
		}
		out = splitChunk(out, text, i, j)
		i = j
	}
	return out
}

func emit(out []Token, s, e int) []Token {
	if s >= e {
		return out
	}
	return append(out, Token{Span: news.Span{Start: s, End: e}})
}

func isOpener(r rune) bool {
	switch r {
	case '"', '“', '‘', '\'', '(', '[', '{', '«', '„', '¿', '¡', '*':
		return true
	}
	return false
}

func isTrailer(r rune) bool {
	switch r {
	case '"', '”', '’', '\'', ')', ']', '}', '»', ',', ';', ':', '!', '?', '*':
		return true
	}
	return false
}

var dashes = []string{"—", "–", "--", "…", "..."}

// mayHaveDash reports whether w holds a byte that starts one of dashes.
func mayHaveDash(w string) bool {
	return strings.IndexByte(w, '-') >= 0 || strings.IndexByte(w, '.') >= 0 || strings.IndexByte(w, 0xE2) >= 0
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

func splitChunk(out []Token, text string, s, e int) []Token {
	w := text[s:e]
	// Dashes between words are tokens of their own. (Every dash starts with
	// '-', '.' or the byte 0xE2: most words skip the search.)
	for _, d := range dashes {
		if !mayHaveDash(w) {
			break
		}
		if p := strings.Index(w, d); p >= 0 {
			out = splitChunk(out, text, s, s+p)
			q := s + p + len(d)
			for d == "--" && q < e && text[q] == '-' || d == "..." && q < e && text[q] == '.' {
				q++
			}
			out = emit(out, s+p, q)
			return splitChunk(out, text, q, e)
		}
	}
	// Leading quotes and brackets.
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isOpener(r) || e-s == n {
			break
		}
		if r == '\'' || r == '’' || r == '‘' {
			if r2, _ := utf8.DecodeRuneInString(text[s+n : e]); unicode.IsDigit(r2) && r != '‘' {
				break // '90s
			}
		}
		out = emit(out, s, s+n)
		s += n
	}
	// Trailing punctuation, collected from the end.
	var tail []Token
	for s < e {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if isTrailer(r) && e-s > n {
			tail = emit(tail, e-n, e)
			e -= n
			continue
		}
		if r == '.' {
			if isAbbrev(text[s : e-1]) {
				break
			}
			tail = emit(tail, e-1, e)
			e--
			continue
		}
		break
	}
	// Clitics (each has an apostrophe: most words skip the search).
	var clitic Token
	if strings.ContainsAny(text[s:e], "'’") {
		lw := strings.ToLower(text[s:e])
		for _, c := range clitics {
			if len(lw) > len(c) && strings.HasSuffix(lw, c) {
				clitic = Token{Span: news.Span{Start: e - len(c), End: e}}
				e -= len(c)
				break
			}
		}
	}
	// A sentence glued to the next: "France.Edward".
	if p := gluedPeriod(text[s:e]); p > 0 {
		out = emit(out, s, s+p)
		out = emit(out, s+p, s+p+1)
		out = splitChunk(out, text, s+p+1, e)
	} else {
		out = emit(out, s, e)
	}
	if clitic.Span.End > 0 {
		out = append(out, clitic)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

// gluedPeriod finds a period between a lower-case word of two letters or
// more and a capitalised word ("France.Edward"), or returns -1.
func gluedPeriod(w string) int {
	for p := 2; p < len(w)-2; p++ {
		if w[p] != '.' {
			continue
		}
		if !isLowerASCII(w[p-1]) || !isLowerASCII(w[p-2]) {
			continue
		}
		if w[p+1] >= 'A' && w[p+1] <= 'Z' && isLowerASCII(w[p+2]) {
			return p
		}
	}
	return -1
}

func isLowerASCII(b byte) bool { return b >= 'a' && b <= 'z' }

// abbrevs are words that take a period without ending a sentence; the
// capitalised ones only count when capitalised.
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Sr": true, "Jr": true, "St": true,
	"Mt": true, "Ft": true, "Gen": true, "Col": true, "Lt": true, "Sgt": true, "Capt": true, "Cmdr": true,
	"Adm": true, "Gov": true, "Sen": true, "Rep": true, "Rev": true, "Hon": true, "Pres": true, "Supt": true,
	"Messrs": true, "Mme": true, "Mlle": true, "Det": true, "Insp": true, "Maj": true, "Brig": true, "Cpl": true,
	"Pvt": true, "Atty": true, "Amb": true, "Cllr": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Mon": true, "Tue": true, "Tues": true, "Wed": true, "Thu": true, "Thur": true, "Thurs": true, "Fri": true,
	"Inc": true, "Co": true, "Corp": true, "Ltd": true, "Bros": true, "Cos": true, "No": true, "Nos": true,
	"Vol": true, "Dept": true, "Ave": true, "Blvd": true, "Rd": true, "Fig": true, "Univ": true,
	"vs": true, "Vs": true, "etc": true, "approx": true, "cf": true, "al": true, "viz": true,
}

// isAbbrev reports whether w, the word before a period, is an abbreviation
// or an initial.
func isAbbrev(w string) bool {
	if w == "" {
		return false
	}
	if abbrevs[w] {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return unicode.IsLetter(r) // an initial: "J."
	}
	// Dotted abbreviations: "U.S", "e.g", "a.m", "U.K".
	if strings.IndexByte(w, '.') > 0 {
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) > 2 {
				return false
			}
		}
		return true
	}
	return false
}
