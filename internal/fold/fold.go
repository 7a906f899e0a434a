// Package fold normalises text for matching names across outlets: lower
// case, diacritics removed (Khloé = Khloe), typographic apostrophes and
// quotes made plain.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special are letters that do not decompose into a base letter and a mark.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
	'’': "'", '‘': "'", 'ʼ': "'", '`': "'", '“': `"`, '”': `"`, '„': `"`,
}

// String returns s lower-cased with diacritics removed.
func String(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if x, ok := special[r]; ok {
			b.WriteString(x)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Equal reports whether a and b are the same once folded.
func Equal(a, b string) bool { return String(a) == String(b) }

// Rune folds one rune as String does, for callers that keep offsets.
func Rune(r rune) string {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return string(r)
	}
	if x, ok := special[r]; ok {
		return x
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
	return b.String()
}

// stopWords are function words left out of Words.
var stopWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "was": true, "is": true, "are": true, "were": true,
	"his": true, "her": true, "he": true, "she": true, "they": true, "that": true, "this": true, "it": true, "as": true,
	"by": true, "from": true, "after": true, "be": true, "has": true, "have": true, "had": true}

// Stop reports whether a folded word is a function word.
func Stop(w string) bool { return stopWords[w] }

// Words returns the folded content words of s (letters and digits, longer
// than two characters, no function words): what two texts share when they
// tell the same thing.
func Words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(String(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if len(w) > 2 && !stopWords[w] {
			out[w] = true
		}
	}
	return out
}

// Overlap is the share of the smaller word set found in the other.
func Overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// Alike is the share of the larger of two word sets the smaller holds (0
// when both are empty): near 1 only for sets nearly the same, where Overlap
// is 1 for a set inside a larger one.
func Alike(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	return Overlap(a, b) * float64(min(len(a), len(b))) / float64(max(len(a), len(b)))
}

// Clip shortens s to at most n bytes at a word boundary, with an ellipsis,
// its spaces collapsed.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
