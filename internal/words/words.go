// Package words splits text into lowercase word tokens, stems them lightly
// and knows the English function words and negations, for the text features
// of the models.
package words

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Tokens splits s into lowercase word tokens: runs of letters and digits,
// with inner apostrophes kept ("didn't").
func Tokens(s string) []string {
	out := Fields(s)
	for i, w := range out {
		out[i] = strings.ToLower(w)
	}
	return out
}

// Fields splits s into word tokens as Tokens does but keeps their case.
// Typographic apostrophes become plain ones.
func Fields(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := strings.Trim(s[start:end], "'’")
			if w != "" {
				out = append(out, strings.ReplaceAll(w, "’", "'"))
			}
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '\'' || r == '’') && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// Stem is a light suffix stripper: enough to join "denies"/"denied"/"deny"
// and plural forms without a full Porter stemmer.
func Stem(w string) string {
	if utf8.RuneCountInString(w) <= 3 {
		return w
	}
	w = strings.TrimSuffix(w, "'s")
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		return w[:len(w)-2]
	case strings.HasSuffix(w, "es") && len(w) > 4 && strings.ContainsAny(w[len(w)-3:len(w)-2], "sxzh"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// Content returns the stemmed tokens of toks that are not stopwords.
func Content(toks []string) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if stopwords[t] {
			continue
		}
		out = append(out, Stem(t))
	}
	return out
}

// IsStopword reports whether the lowercase token w is a function word (or a
// reporting verb such as "said") that carries little of a sentence's content.
func IsStopword(w string) bool { return stopwords[w] }

// IsNegation reports whether the lowercase token w negates ("not", "never",
// "didn't").
func IsNegation(w string) bool { return negation[w] }

// Negations returns the negation words, sorted.
func Negations() []string { return slices.Sorted(maps.Keys(negation)) }

// Set returns the set of the given words.
func Set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var stopwords = Set(strings.Fields(`a about above after again against all am an and any are as at be because been
before being below between both but by can did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves also said says say mr mrs ms
one two new like get got us s t via just`))

var negation = Set(strings.Fields(`not no never none nothing nobody neither nor without isn't wasn't didn't
doesn't don't aren't weren't won't can't couldn't shouldn't hasn't haven't hadn't cannot`))

// Count says n of a thing in English: "1 article", "3 articles", "2
// stories", "0 days".
func Count(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	many := one + "s"
	if l := len(one); l > 1 && one[l-1] == 'y' && !strings.ContainsRune("aeiou", rune(one[l-2])) {
		many = one[:l-1] + "ies"
	}
	return strconv.Itoa(n) + " " + many
}

// Len is the number of words in s: runs of letters and digits.
func Len(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// Duration says a duration rounded for people: 45s, 12m, 3h10m, 2d.
func Duration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		h, m := int(d.Hours()), int(d.Minutes())%60
		if m == 0 {
			return fmt.Sprintf("%dh", h)
		}
		return fmt.Sprintf("%dh%02dm", h, m)
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// mediaNouns name an outlet or a firm when they stand right before a name
// ("media outlet Xendan", "the Italian newspaper L’Unione Sarda", "the
// newspaper, al Sabaah,"): the name is not a person's.
var mediaNouns = Set(strings.Fields("outlet outlets site website websites newspaper newspapers paper daily tabloid " +
	"magazine network channel station broadcaster agency publication company firm"))

// AllCaps tells a word of two letters or more written in capitals only
// ("FAKE", "CEO", "FBI").
func AllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// IsIndefinite tells whether w (lower case) is the indefinite article.
func IsIndefinite(w string) bool { return w == "a" || w == "an" }

// IsMediaNoun tells whether w (lower case) is a noun that names an outlet
// or a firm when it stands right before a name.
func IsMediaNoun(w string) bool { return mediaNouns[w] }

// openers are the words a sentence may open with that are not names.
var openers = map[string]bool{"The": true, "A": true, "An": true, "This": true, "That": true, "These": true,
	"Those": true, "Some": true, "Many": true, "Most": true, "Several": true, "His": true, "Her": true,
	"Their": true, "Its": true, "Our": true, "It": true, "They": true, "He": true, "She": true, "There": true,
	"No": true, "One": true, "Two": true, "All": true}

// InClause returns sentence s ready to follow "that": its first word in
// lower case when it is a determiner or a pronoun ("The town was…" →
// "the town was…"), as it is when a name opens it.
func InClause(s string) string {
	w, _, _ := strings.Cut(s, " ")
	if openers[w] {
		return strings.ToLower(w[:1]) + s[1:]
	}
	return s
}

// Some names up to n of names and counts the others with noun (plural in
// "s"): Some([A B C D E], 3, "outlet") is "A, B, C and 2 other outlets".
func Some(names []string, n int, noun string) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	rest := len(names) - n
	other := " other " + noun
	if rest > 1 {
		other += "s"
	}
	return strings.Join(names[:n], ", ") + " and " + strconv.Itoa(rest) + other
}
