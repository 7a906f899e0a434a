// Package dedup finds copied text: near-duplicate articles by MinHash with LSH
// banding over normalised word shingles, and reused passages (copied
// paragraphs, quotes, pasted posts) by hashed word shingles with an index.
package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one normalised word of a text and where it stands in the text.
type Word struct {
	Norm string // lower case, Latin diacritics folded, apostrophes dropped
	Span [2]int // byte range [start, end) in the text
}

// fold maps accented Latin letters to their base letter.
var fold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a', 'ą': 'a',
	'ç': 'c', 'ć': 'c', 'č': 'c', 'ď': 'd', 'đ': 'd',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ė': 'e', 'ę': 'e', 'ě': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'į': 'i', 'ı': 'i',
	'ñ': 'n', 'ń': 'n', 'ň': 'n', 'ł': 'l', 'ľ': 'l',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o', 'ő': 'o',
	'ř': 'r', 'ś': 's', 'š': 's', 'ş': 's', 'ß': 's', 'ť': 't', 'ţ': 't',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ů': 'u', 'ű': 'u', 'ų': 'u',
	'ý': 'y', 'ÿ': 'y', 'ź': 'z', 'ż': 'z', 'ž': 'z',
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Words splits text into normalised words: runs of letters and digits, with
// apostrophes inside a word dropped ("I’ve" is "ive"), lower-cased and with
// Latin diacritics folded ("Khloé" is "khloe").
func Words(text string) []Word {
	var out []Word
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 && b.Len() > 0 {
			out = append(out, Word{Norm: b.String(), Span: [2]int{start, end}})
		}
		b.Reset()
		start = -1
	}
	last := 0 // end of the last letter or digit
	for i := 0; i < len(text); {
		if start < 0 && isLowerAlnum(text[i]) {
			// fast path: a run of ASCII lower-case letters and digits is
			// its own normal form, no copy needed
			j := i + 1
			for j < len(text) && isLowerAlnum(text[j]) {
				j++
			}
			if j == len(text) || text[j] < 0x80 && !isAlnumASCII(text[j]) && text[j] != '\'' {
				out = append(out, Word{Norm: text[i:j], Span: [2]int{i, j}})
				last = j
				i = j
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				r = f
			}
			b.WriteRune(r)
			last = i + n
		case isApostrophe(r) && start >= 0 && i+n < len(text):
			// keep going only when a letter follows: "don't", not "the Jones'"
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !unicode.IsLetter(next) {
				flush(last)
			}
		default:
			flush(last)
		}
		i += n
	}
	flush(last)
	return out
}

func isLowerAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func isAlnumASCII(c byte) bool { return isLowerAlnum(c) || c >= 'A' && c <= 'Z' }
