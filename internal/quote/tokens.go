package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// tok is one word of the text: a run of letters and digits with inner
// apostrophes, hyphens and abbreviation dots; punct is a single non-space
// mark that is not part of a word.
type tok struct {
	s, e  int
	punct bool
}

func (t tok) text(s string) string { return s[t.s:t.e] }

var abbrevs = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Sen": true, "Rep": true, "Gov": true,
	"Gen": true, "Jr": true, "Sr": true, "St": true, "Lt": true, "Col": true, "Sgt": true, "Rev": true, "Prof": true,
	"Pres": true, "Jan": true, "Feb": true, "Aug": true, "Sept": true, "Sep": true, "Oct": true, "Nov": true, "Dec": true,
	"Inc": true, "Co": true, "Corp": true, "vs": true, "No": true, "Mt": true, "Ft": true,
	"Det": true, "Insp": true, "Supt": true, "Capt": true, "Cmdr": true, "Adm": true, "Maj": true, "Brig": true,
	"Cpl": true, "Pvt": true, "Atty": true, "Amb": true, "Cllr": true}

// tokenize splits text[sp] into words and punctuation marks.
func tokenize(text string, sp news.Span, out []tok) []tok {
	out = out[:0]
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			out = append(out, tok{s: i, e: i + n, punct: true})
			i += n
			continue
		}
		j := i + n
		for j < sp.End {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&') && j+n2 < sp.End {
				r3, _ := utf8.DecodeRuneInString(text[j+n2:])
				if unicode.IsLetter(r3) || unicode.IsDigit(r3) && r2 != '.' {
					j += n2
					continue
				}
			}
			break
		}
		// an abbreviation keeps its dot: Mr. Jr. single capitals (J. Smith).
		if j < sp.End && text[j] == '.' {
			w := text[i:j]
			if abbrevs[w] || (len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z') || strings.Contains(w, ".") {
				j++
			}
		}
		out = append(out, tok{s: i, e: j})
		i = j
	}
	return out
}

// isCap reports whether the word starts with an upper-case letter.
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// stripPossessive drops a trailing 's or ’s, reporting whether it did.
func stripPossessive(w string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(w, suf) {
			if suf[0] == 's' {
				return strings.TrimSuffix(w, suf[1:]), true
			}
			return strings.TrimSuffix(w, suf), true
		}
	}
	return w, false
}

// sentenceEnd reports whether a sentence ends at the punctuation token ts[k]:
// . ! or ? followed by an upper-case word or an opening mark.
func sentenceEnd(text string, ts []tok, k int) bool {
	t := ts[k]
	if !t.punct {
		return false
	}
	c := text[t.s]
	if c != '.' && c != '!' && c != '?' {
		return false
	}
	// skip closing marks after it
	m := k + 1
	for m < len(ts) && ts[m].punct && isCloseish(text[ts[m].s:ts[m].e]) {
		m++
	}
	if m >= len(ts) {
		return true
	}
	n := ts[m]
	w := text[n.s:n.e]
	if n.punct {
		return w == "“" || w == "\"" || w == "‘"
	}
	return isCap(w) || unicode.IsDigit(rune(w[0]))
}

func isCloseish(w string) bool {
	return w == "”" || w == "\"" || w == "’" || w == "'" || w == ")" || w == "»"
}

// lower returns the lower-case form of an ASCII word cheaply.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(w)
		}
	}
	return w
}
