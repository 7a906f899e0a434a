package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is a hash of its template and its values,
// so feature extraction allocates no strings of its own.
const (
	tBias = iota + 1
	tWord
	tLower
	tShape
	tShapeFull
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPrevLower
	tNextLower
	tPrev2Lower
	tNext2Lower
	tShapePrev
	tShapeNext
	tShape3
	tBigramPrev
	tBigramNext
	tFirst
	tCapsSent
	tClus1
	tClus2
	tClus3
	tClusPrev
	tClusNext
	tCapRatio
	tCapRatioFirst
	tDocLower
	tPrevWord
	tNextWord
	tLen
	tHyphenPart
	tDocCapNonInit
	tClusPrev2
	tClusNext2
	tPrev2Word

	// Second-pass features from the first pass's labels over the document.
	tP1
	tP1Prev
	tP1Next
	tDocMaj
	tDocMajShape
	tDocEnt
	tDocEntPos
	tDocMajFrac

	// Gazetteer features (after the others, so that their keys stay put).
	tGaz
	tGazSet
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStart(t int) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

func hashAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

// key folds a feature hash into the 32-bit key stored in the model; 0 is
// reserved for empty slots.
func key(h uint64) uint32 {
	k := uint32(h ^ h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// token is a word with everything its features need, computed once.
type token struct {
	w, lw, shape, shapeFull string
	lex                     lexEntry
	known                   bool
	upperFirst, lowerFirst  bool
	allCaps                 bool
}

// normalise maps typographic quotes, apostrophes and dashes to the ASCII
// forms of the training data.
func normalise(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	return quoteReplacer.Replace(w)
}

var quoteReplacer = strings.NewReplacer("‘", "'", "’", "'", "“", "\"", "”", "\"", "«", "\"", "»", "\"",
	"—", "--", "–", "-", "…", "...", "\u00a0", " ")

// lowerDigits lower-cases w and maps digits to 0.
func lowerDigits(w string) string {
	need := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			need = true
			break
		}
	}
	if !need {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('0')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shapes returns the compressed shape ("Xx", "X.X.", "d,d") and the full
// shape of the first 8 characters ("Xxxxx").
func shapes(w string) (string, string) {
	var c, f [16]byte
	nc, nf := 0, 0
	var last byte
	for _, r := range w {
		var s byte
		switch {
		case unicode.IsUpper(r):
			s = 'X'
		case unicode.IsLower(r):
			s = 'x'
		case unicode.IsDigit(r):
			s = 'd'
		case r < 0x80:
			s = byte(r)
		default:
			s = '~'
		}
		if nf < 8 {
			f[nf] = s
			nf++
		}
		if s != last && nc < len(c) {
			c[nc] = s
			nc++
		}
		last = s
	}
	return internShape(c[:nc]), internShape(f[:nf])
}

func internShape(b []byte) string {
	// Shapes are few; converting with string(b) in a map index does not allocate.
	if s, ok := shapeTable[string(b)]; ok {
		return s
	}
	return string(b)
}

// shapeTable holds the most common shapes so that they are not allocated.
var shapeTable = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"X", "x", "d", "Xx", "XxX", "Xx.", "X.", "X.X.", "x.", ".", ",", "-", "\"", "'", "(", ")",
		"d.d", "d,d", "d-d", "d/d/d", "d:d", "Xx-Xx", "x-x", "Xd", "dx", "X-X", "xX", "XxXx", "'x", ":", "x'x",
		"Xxxx", "Xxx", "Xxxxx", "Xxxxxx", "Xxxxxxx", "Xxxxxxxx", "XX", "XXX", "XXXX", "XXXXX", "XXXXXX", "xx", "xxx",
		"xxxx", "xxxxx", "xxxxxx", "xxxxxxx", "xxxxxxxx", "dd", "dddd", "d", "ddd", "dd.dd", "d.dd", "dd-dd-dd"} {
		m[s] = s
	}
	return m
}()

func makeToken(w string, lex *lexicon) token {
	w = normalise(w)
	t := token{w: w, lw: lowerDigits(w)}
	t.shape, t.shapeFull = shapes(w)
	r, _ := utf8.DecodeRuneInString(w)
	t.upperFirst = unicode.IsUpper(r)
	t.lowerFirst = unicode.IsLower(r)
	t.allCaps = t.upperFirst
	for _, r := range w {
		if unicode.IsLower(r) {
			t.allCaps = false
			break
		}
	}
	if lex != nil {
		t.lex, t.known = lex.words[t.lw]
	}
	return t
}

// sentCtx is what features know of the sentence and document around a token.
type sentCtx struct {
	toks     []token
	capsSent bool            // a headline in capitals
	docLower map[string]bool // words seen in lower case in the document
	docCap   map[string]bool // words seen capitalised, not first in a sentence
	p2       []pass2Info     // second-pass information, nil in the first pass
	gaz      []uint32        // gazetteer matches per token (see gazetteer.match), nil without a gazetteer
}

// pass2Info is what the first pass tells about one token.
type pass2Info struct {
	p1             int8   // first-pass label
	docMaj         string // type most often given to the word elsewhere in the document
	docMajFrac     int8   // share of the word's other occurrences inside entities, in quarters
	docEnt, docPos string // type and position of a longer entity elsewhere that contains the word
}

func capsSentence(toks []token) bool {
	letters, caps := 0, 0
	for i := range toks {
		if toks[i].upperFirst || toks[i].lowerFirst {
			letters++
			if toks[i].allCaps && len(toks[i].w) > 1 {
				caps++
			}
		}
	}
	return letters >= 3 && caps*10 >= letters*8
}

func clusterName(c uint16) string {
	return string([]byte{byte(c >> 8), byte(c)})
}

// features appends the feature keys of token i to dst.
func (sc *sentCtx) features(i int, labels []string, dst []uint32) []uint32 {
	toks := sc.toks
	t := &toks[i]
	add := func(h uint64) { dst = append(dst, key(h)) }
	add1 := func(tmpl int, s string) { add(hashAdd(hashStart(tmpl), s)) }
	add2 := func(tmpl int, a, b string) { add(hashAdd(hashAdd(hashStart(tmpl), a), b)) }

	const bos, eos = "<s>", "</s>"
	word := func(j int) string {
		if j < 0 {
			return bos
		}
		if j >= len(toks) {
			return eos
		}
		return toks[j].lw
	}
	exact := func(j int) string {
		if j < 0 {
			return bos
		}
		if j >= len(toks) {
			return eos
		}
		return toks[j].w
	}
	shape := func(j int) string {
		if j < 0 {
			return bos
		}
		if j >= len(toks) {
			return eos
		}
		return toks[j].shape
	}
	clus := func(j int) string {
		if j < 0 {
			return bos
		}
		if j >= len(toks) {
			return eos
		}
		if !toks[j].known {
			return "?" + toks[j].shape
		}
		return clusterName(toks[j].lex.c2)
	}

	add(hashStart(tBias))
	add1(tWord, t.w)
	add1(tLower, t.lw)
	add1(tShape, t.shape)
	add1(tShapeFull, t.shapeFull)
	lw := t.lw
	for k := 1; k <= 4 && k <= len(lw); k++ {
		add1(tPre1+k-1, lw[:k])
		add1(tSuf1+k-1, lw[len(lw)-k:])
	}
	add1(tPrevLower, word(i-1))
	add1(tNextLower, word(i+1))
	add1(tPrev2Lower, word(i-2))
	add1(tNext2Lower, word(i+2))
	add2(tShapePrev, shape(i-1), t.shape)
	add2(tShapeNext, t.shape, shape(i+1))
	add(hashAdd(hashAdd(hashAdd(hashStart(tShape3), shape(i-1)), t.shape), shape(i+1)))
	add2(tBigramPrev, word(i-1), lw)
	add2(tBigramNext, lw, word(i+1))
	if i == 0 {
		add1(tFirst, t.shape)
	}
	if sc.capsSent {
		add1(tCapsSent, t.shape)
		add1(tCapsSent, lw)
	}
	if t.known {
		add1(tClus1, clusterName(t.lex.c1))
		add1(tClus2, clusterName(t.lex.c2))
		add1(tClus3, clusterName(t.lex.c3))
		cr := string(rune('0' + t.lex.capRatio))
		add2(tCapRatio, cr, t.shape)
		if i == 0 || sc.capsSent {
			add2(tCapRatioFirst, cr, t.shape)
		}
	} else {
		add1(tClus1, "?")
	}
	add1(tClusPrev, clus(i-1))
	add1(tClusNext, clus(i+1))
	add2(tClusPrev2, clus(i-1), clus(i))
	add2(tClusNext2, clus(i), clus(i+1))
	if t.upperFirst {
		if sc.docLower[lw] {
			add1(tDocLower, t.shape)
		}
		if sc.docCap[lw] {
			add1(tDocCapNonInit, t.shape)
		}
	}
	if i > 0 && toks[i-1].upperFirst || i == 0 {
		add1(tPrevWord, exact(i-1))
	}
	if i+1 < len(toks) && toks[i+1].upperFirst || i+1 == len(toks) {
		add1(tNextWord, exact(i+1))
	}
	add2(tPrev2Word, exact(i-1), t.w)
	n := len(lw)
	if n > 12 {
		n = 12
	}
	add2(tLen, string(rune('a'+n)), t.shape)
	if strings.IndexByte(lw, '-') > 0 {
		for _, part := range strings.Split(lw, "-") {
			if part != "" {
				add1(tHyphenPart, part)
			}
		}
	}

	if sc.gaz != nil && sc.gaz[i] != 0 {
		g := sc.gaz[i]
		for b := 0; b < 8*gazPositions; b++ {
			if g&(1<<b) != 0 {
				add1(tGaz, string(rune('A'+b)))
			}
		}
		add1(tGazSet, string([]byte{byte(g), byte(g >> 8), byte(g >> 16), byte(g >> 24)}))
	}

	if sc.p2 != nil {
		dst = sc.pass2Features(i, labels, dst)
	}
	return dst
}

// pass2Features appends the second-pass feature keys of token i to dst.
func (sc *sentCtx) pass2Features(i int, labels []string, dst []uint32) []uint32 {
	toks := sc.toks
	t := &toks[i]
	add1 := func(tmpl int, s string) { dst = append(dst, key(hashAdd(hashStart(tmpl), s))) }
	add2 := func(tmpl int, a, b string) { dst = append(dst, key(hashAdd(hashAdd(hashStart(tmpl), a), b))) }
	{
		p := &sc.p2[i]
		lab := func(j int) string {
			if j < 0 || j >= len(toks) {
				return "-"
			}
			return labels[sc.p2[j].p1]
		}
		add1(tP1, lab(i))
		add2(tP1Prev, lab(i-1), lab(i))
		add2(tP1Next, lab(i), lab(i+1))
		if p.docMaj != "" {
			add1(tDocMaj, p.docMaj)
			add2(tDocMajShape, p.docMaj, t.shape)
			add2(tDocMajFrac, p.docMaj, string(rune('0'+p.docMajFrac)))
		}
		if p.docEnt != "" {
			add1(tDocEnt, p.docEnt)
			add2(tDocEntPos, p.docEnt, p.docPos)
		}
	}
	return dst
}
