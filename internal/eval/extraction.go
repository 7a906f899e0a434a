package eval

import (
	"regexp"
	"strings"
)

// wordRE matches a word as the extraction benchmark tokenises: a run of \w.
var wordRE = regexp.MustCompile(`\w+`)

// ShingleCounts are one page's true positives, false positives and false
// negatives over 4-word shingles, normalised so that they sum to 1 (all zero
// when both texts have no words).
type ShingleCounts struct {
	TP, FP, FN float64
}

// Precision is TP/(TP+FP), or 1 when nothing was predicted.
func (c ShingleCounts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is TP/(TP+FN), or 1 when the gold text has no shingle.
func (c ShingleCounts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return c.TP / (c.TP + c.FN)
}

// shingles counts the n-word shingles of text; a text of fewer than n words
// is one shingle, an empty text has none.
func shingles(text string, n int) map[string]int {
	words := wordRE.FindAllString(text, -1)
	out := make(map[string]int)
	if len(words) == 0 {
		return out
	}
	last := len(words) - n + 1
	if last < 1 {
		last = 1
	}
	for i := range last {
		j := min(i+n, len(words))
		out[strings.Join(words[i:j], " ")]++
	}
	return out
}

// MatchShingles compares a predicted and a gold body by their 4-word
// shingles (multisets), normalised per page.
func MatchShingles(gold, pred string) ShingleCounts {
	g, p := shingles(gold, 4), shingles(pred, 4)
	var c ShingleCounts
	for k, gn := range g {
		pn := p[k]
		c.TP += float64(min(gn, pn))
		c.FN += float64(max(0, gn-pn))
	}
	for k, pn := range p {
		c.FP += float64(max(0, pn-g[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// ExtractionScore is the extraction benchmark's result: precision and recall
// averaged over pages, and the F1 of those two means.
type ExtractionScore struct {
	Pages     int
	Precision float64
	Recall    float64
	F1        float64
}

// ScoreExtraction scores predicted bodies against gold bodies keyed by page
// id. Every gold page counts; a page without a prediction is scored as an
// empty prediction.
func ScoreExtraction(gold, pred map[string]string) ExtractionScore {
	var s ExtractionScore
	for id, g := range gold {
		c := MatchShingles(g, pred[id])
		s.Precision += c.Precision()
		s.Recall += c.Recall()
		s.Pages++
	}
	if s.Pages == 0 {
		return s
	}
	s.Precision /= float64(s.Pages)
	s.Recall /= float64(s.Pages)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}
