package stance

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// ClaimStance returns the stance of an article toward a claim: the FNC-1
// label of the article body against the claim as headline, mapped to
// news.Stance (agree: asserts, disagree: denies, unrelated: unrelated,
// discuss: questions when the article's sentence closest to the claim is a
// question, else reports_rumour), with the FNC-1 label probabilities.
func (m *Model) ClaimStance(claim, article string) (news.Stance, map[string]float64) {
	return m.ClaimStanceBody(claim, m.Prepare(article))
}

// ClaimStanceBody is ClaimStance against an article analysed by Prepare.
func (m *Model) ClaimStanceBody(claim string, b *Body) (news.Stance, map[string]float64) {
	label, probs := m.PredictBody(claim, b)
	switch label {
	case Agree:
		return news.Asserts, probs
	case Disagree:
		return news.Denies, probs
	case Unrelated:
		return news.Unrelated, probs
	}
	h := m.idf.analyse(claim, false)
	best, bestCos := -1, 0.0
	for i, s := range b.sents {
		if c := cosine(h.vec, s.vec); c > bestCos {
			best, bestCos = i, c
		}
	}
	if best >= 0 && strings.HasSuffix(strings.TrimRight(b.sentText[best], `"'”’ `), "?") {
		return news.Questions, probs
	}
	return news.Rumour, probs
}

// EmergentStance maps an Emergent label to news.Stance: for asserts,
// against denies, observing reports a rumour.
func EmergentStance(label string) news.Stance {
	switch label {
	case For:
		return news.Asserts
	case Against:
		return news.Denies
	case Observing:
		return news.Rumour
	}
	return news.Unrelated
}
