package stance

import (
	"math"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/words"
)

// idfTable holds inverse document frequencies of stemmed content words.
type idfTable struct {
	idf     map[string]float64
	unseen  float64 // idf of a word never seen in training
	avgBody float64 // mean body length in content tokens, for BM25
}

func (t *idfTable) get(w string) float64 {
	if v, ok := t.idf[w]; ok {
		return v
	}
	return t.unseen
}

// vec is a sparse L2-normalised TF-IDF vector.
type vec map[string]float64

func (t *idfTable) vector(words []string) vec {
	v := make(vec, len(words))
	for _, w := range words {
		v[w]++
	}
	var n float64
	for w, tf := range v {
		x := (1 + math.Log(tf)) * t.get(w)
		v[w] = x
		n += x * x
	}
	if n > 0 {
		n = math.Sqrt(n)
		for w := range v {
			v[w] /= n
		}
	}
	return v
}

func cosine(a, b vec) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var s float64
	for w, x := range a {
		s += x * b[w]
	}
	return s
}

// text is a headline, sentence or body analysed once.
type text struct {
	raw     []string // lowercase tokens
	cont    []string // stemmed content tokens
	vec     vec
	bigrams map[string]bool
	grams   map[string]bool // character 4-grams of the content tokens
	nums    map[string]bool
	q       bool // has a question mark
}

func (t *idfTable) analyse(s string, withGrams bool) *text {
	x := &text{raw: words.Tokens(s), q: strings.Contains(s, "?")}
	x.cont = words.Content(x.raw)
	x.vec = t.vector(x.cont)
	x.bigrams = make(map[string]bool, len(x.cont))
	for i := 1; i < len(x.cont); i++ {
		x.bigrams[x.cont[i-1]+" "+x.cont[i]] = true
	}
	x.nums = map[string]bool{}
	for _, w := range x.raw {
		if w[0] >= '0' && w[0] <= '9' {
			x.nums[w] = true
		}
	}
	if withGrams {
		x.grams = charGrams(strings.Join(x.cont, " "))
	}
	return x
}

func charGrams(s string) map[string]bool {
	m := make(map[string]bool, len(s))
	for i := 0; i+4 <= len(s); i++ {
		m[s[i:i+4]] = true
	}
	return m
}

// Body is an article body analysed once, to score many headlines against it.
type Body struct {
	all   *text
	lead  *text
	sents []*text
	// sentText holds the text of each sentence.
	sentText []string
	tf       map[string]int
	first    map[string]bool // content tokens of the first 255 bytes
	rate     [3]float64      // refuting, hedging, negation words per 100 tokens
}

func (t *idfTable) body(s string) *Body {
	b := &Body{all: t.analyse(s, true)}
	for _, ss := range sentences(s) {
		b.sents = append(b.sents, t.analyse(ss, false))
		b.sentText = append(b.sentText, ss)
	}
	if len(b.sents) == 0 {
		b.sents = []*text{b.all}
		b.sentText = []string{s}
	}
	lead := ""
	for i := 0; i < len(b.sents) && i < 2; i++ {
		lead += strings.Join(b.sents[i].raw, " ") + " "
	}
	b.lead = t.analyse(lead, false)
	b.tf = map[string]int{}
	for _, w := range b.all.cont {
		b.tf[w]++
	}
	f := s
	if len(f) > 255 {
		f = f[:255]
	}
	b.first = words.Set(words.Content(words.Tokens(f)))
	c := lexCounts(b.all.raw)
	n := float64(len(b.all.raw)) + 1
	for i := range b.rate {
		b.rate[i] = 100 * c[i] / n
	}
	return b
}

// lexCounts counts refuting, hedging and negation tokens.
func lexCounts(raw []string) [3]float64 {
	var c [3]float64
	for _, w := range raw {
		if refuting[w] {
			c[0]++
		}
		if hedging[w] {
			c[1]++
		}
		if negation[w] {
			c[2]++
		}
	}
	return c
}

func frac(words []string, in func(string) bool) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if in(w) {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

func fracSet(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// denseNames names the dense features, in order.
var denseNames = []string{
	"cos_body", "cos_best_sent", "cos_top3_sent", "cos_second_sent", "cos_lead",
	"overlap_body", "overlap_best_sent", "overlap_bigrams", "overlap_char4", "bm25",
	"jaccard", "overlap_first255", "best_sent_position", "log_headline_len", "log_body_len",
	"h_refute", "h_hedge", "h_negation", "h_question",
	"top_refute", "top_hedge", "top_negation", "top_question",
	"body_refute_rate", "body_hedge_rate", "body_negation_rate",
	"polarity_h", "polarity_top", "polarity_xor", "num_overlap", "h_has_num",
}

// pairFeatures computes the dense features of headline h against body b and
// the content and raw tokens of b's three best-matching sentences.
func (t *idfTable) pairFeatures(h *text, b *Body) (dense []float64, topCont, topRaw []string) {
	type sc struct {
		i int
		c float64
	}
	scores := make([]sc, len(b.sents))
	for i, s := range b.sents {
		scores[i] = sc{i, cosine(h.vec, s.vec)}
	}
	sort.SliceStable(scores, func(i, j int) bool { return scores[i].c > scores[j].c })
	var top3, second float64
	k := min(3, len(scores))
	var topQ float64
	for _, s := range scores[:k] {
		top3 += s.c / float64(k)
		topCont = append(topCont, b.sents[s.i].cont...)
		topRaw = append(topRaw, b.sents[s.i].raw...)
		if b.sents[s.i].q {
			topQ++
		}
	}
	if len(scores) > 1 {
		second = scores[1].c
	}
	best := b.sents[scores[0].i]
	bestSet := words.Set(best.cont)

	var bm, idfSum float64
	const k1, bb = 1.2, 0.75
	dl := float64(len(b.all.cont))
	for _, w := range h.cont {
		idf := t.get(w)
		idfSum += idf
		tf := float64(b.tf[w])
		bm += idf * tf * (k1 + 1) / (tf + k1*(1-bb+bb*dl/math.Max(t.avgBody, 1)))
	}
	if idfSum > 0 {
		bm /= idfSum
	}
	hs := words.Set(h.cont)
	var inter int
	for w := range hs {
		if b.tf[w] > 0 {
			inter++
		}
	}
	jac := 0.0
	if u := len(hs) + len(b.tf) - inter; u > 0 {
		jac = float64(inter) / float64(u)
	}
	hc := lexCounts(h.raw)
	tc := lexCounts(topRaw)
	polH := math.Mod(hc[2], 2)
	polT := math.Mod(tc[2], 2)
	numOv, hasNum := 0.0, 0.0
	if len(h.nums) > 0 {
		hasNum = 1
		numOv = fracSet(h.nums, b.all.nums)
	}
	dense = []float64{
		cosine(h.vec, b.all.vec), scores[0].c, top3, second, cosine(h.vec, b.lead.vec),
		frac(h.cont, func(w string) bool { return b.tf[w] > 0 }),
		frac(h.cont, func(w string) bool { return bestSet[w] }),
		fracSet(h.bigrams, b.all.bigrams),
		fracSet(charGrams(strings.Join(h.cont, " ")), b.all.grams),
		bm, jac,
		frac(h.cont, func(w string) bool { return b.first[w] }),
		float64(scores[0].i) / float64(len(b.sents)),
		math.Log1p(float64(len(h.cont))), math.Log1p(float64(len(b.all.cont))),
		hc[0], hc[1], hc[2], b2f(h.q),
		tc[0] / 3, tc[1] / 3, tc[2] / 3, topQ,
		b.rate[0], b.rate[1], b.rate[2],
		polH, polT, math.Abs(polH - polT), numOv, hasNum,
	}
	return dense, topCont, topRaw
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Per-entry costs of what a Body holds, measured on 64-bit Go: a map entry
// of a short string key (its bucket share, the key's header and bytes) and
// a string in a slice (its header and bytes).
const (
	mapEntryBytes = 64
	sliceStrBytes = 24
)

// Size estimates the memory a Body holds, for caches bounded in bytes; it
// counts entries, which dominate (the character 4-grams most of all), so
// it is within a small factor of the truth whatever the text.
func (b *Body) Size() int {
	n := 256 + mapEntryBytes*(len(b.tf)+len(b.first))
	add := func(x *text) {
		if x == nil {
			return
		}
		n += 128 + sliceStrBytes*(len(x.raw)+len(x.cont)) +
			mapEntryBytes*(len(x.vec)+len(x.bigrams)+len(x.grams)+len(x.nums))
	}
	add(b.all)
	add(b.lead)
	for i, s := range b.sents {
		if s != b.all {
			add(s)
		}
		n += len(b.sentText[i]) + 16
	}
	return n
}
