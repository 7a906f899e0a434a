package stance

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/words"
)

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

// refuting, hedging and negation lexicons (raw lowercase tokens).
var (
	refuting = words.Set(strings.Fields(`fake fraud hoax false deny denies denied denying denial not despite nope doubt
doubts doubtful bogus debunk debunked debunks debunking prank pranks retract retracted retracts untrue
misleading incorrect baseless unfounded satire satirical fabricated myth no never isn't wasn't didn't doesn't
don't aren't weren't won't rejected rejects refuted refute refutes dismissed dismisses contrary actually
wrong lie lies lying phony scam photoshopped doctored parody claimed insists insisted`))
	hedging = words.Set(strings.Fields(`alleged allegedly apparently appear appears appeared claim claims could
evidently largely likely mainly may maybe might mostly perhaps presumably probably purported purportedly
reported reportedly rumor rumour rumors rumours rumored rumoured seem seems seemingly somewhat supposedly
unconfirmed unverified speculation speculate speculated suggests suggest believed possibly possible according
report reports suspected suspect unclear if whether`))
	negation = words.Set(words.Negations())
)
