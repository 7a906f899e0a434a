package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	textfold "github.com/crosscheck-news/crosscheck/internal/fold"
)

// fold lower-cases s and strips diacritics: "Khloé" -> "khloe".
func fold(s string) string { return textfold.String(s) }

// normWords splits s into folded words, dropping punctuation, quotation
// marks, ellipses and bracketed insertions ("[Dolce and Gabbana]").
func normWords(s string) []string {
	var out []string
	depth := 0
	start := -1
	s = fold(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '[':
			depth++
		case r == ']':
			if depth > 0 {
				depth--
			}
		}
		word := depth == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 && !(r == '\'' || r == '’') {
			out = append(out, strings.ReplaceAll(strings.ReplaceAll(s[start:i], "’", ""), "'", ""))
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, strings.ReplaceAll(strings.ReplaceAll(s[start:], "’", ""), "'", ""))
	}
	return out
}
