package stance

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokens splits s into lowercase word tokens: runs of letters and digits,
// with inner apostrophes kept ("didn't").
func tokens(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := strings.Trim(s[start:end], "'’")
			if w != "" {
				out = append(out, strings.ToLower(strings.ReplaceAll(w, "’", "'")))
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

// stem is a light suffix stripper: enough to join "denies"/"denied"/"deny"
// and plural forms without a full Porter stemmer.
func stem(w string) string {
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

// content returns the stemmed non-stopword tokens of toks.
func content(toks []string) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if stopwords[t] {
			continue
		}
		out = append(out, stem(t))
	}
	return out
}

// sentences splits text into sentences at . ! ? (with any closing quotes)
// followed by a space and a word that is not lowercase, and at line breaks.
func sentences(text string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if len(s) > 1 {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i + 1)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Take closing quotes with the sentence; split only before a space
		// that is not followed by a lowercase word.
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’") {
			j += 3
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\n') {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k < len(text) && text[k] >= 'a' && text[k] <= 'z' {
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(text))
	return out
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var stopwords = set(strings.Fields(`a about above after again against all am an and any are as at be because been
before being below between both but by can did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves also said says say mr mrs ms
one two new like get got us s t via just`))

// refuting, hedging and negation lexicons (raw lowercase tokens).
var (
	refuting = set(strings.Fields(`fake fraud hoax false deny denies denied denying denial not despite nope doubt
doubts doubtful bogus debunk debunked debunks debunking prank pranks retract retracted retracts untrue
misleading incorrect baseless unfounded satire satirical fabricated myth no never isn't wasn't didn't doesn't
don't aren't weren't won't rejected rejects refuted refute refutes dismissed dismisses contrary actually
wrong lie lies lying phony scam photoshopped doctored parody claimed insists insisted`))
	hedging = set(strings.Fields(`alleged allegedly apparently appear appears appeared claim claims could
evidently largely likely mainly may maybe might mostly perhaps presumably probably purported purportedly
reported reportedly rumor rumour rumors rumours rumored rumoured seem seems seemingly somewhat supposedly
unconfirmed unverified speculation speculate speculated suggests suggest believed possibly possible according
report reports suspected suspect unclear if whether`))
	negation = set(strings.Fields(`not no never none nothing nobody neither nor without isn't wasn't didn't
doesn't don't aren't weren't won't can't couldn't shouldn't hasn't haven't hadn't cannot`))
)
