package statement

import "strings"

// Features are 64-bit FNV-1a hashes of "template\x00value", with words
// lower-cased on the fly, so that scoring a token allocates nothing.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hlower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func tmpl(name string) uint64 { return hstr(hstr(fnvOffset, name), "\x00") }

// Template hashes, computed once.
var (
	tB      = tmpl("b")
	tCue    = tmpl("cue")
	tEnd    = tmpl("end")
	tKc     = tmpl("kc")
	tKj     = tmpl("kj")
	tKs     = tmpl("ks")
	tLast   = tmpl("last")
	tLastP1 = tmpl("last|p1")
	tLeft   = tmpl("left")
	tN1     = tmpl("n1")
	tN2     = tmpl("n2")
	tNq     = tmpl("nq")
	tP1     = tmpl("p1")
	tP1st   = tmpl("p1st")
	tP1w    = tmpl("p1w")
	tP2     = tmpl("p2")
	tP2p1w  = tmpl("p2p1w")
	tPos    = tmpl("pos")
	tPosw   = tmpl("posw")
	tQ      = tmpl("q")
	tQw     = tmpl("qw")
	tRate   = tmpl("rate")
	tRight  = tmpl("right")
	tS2     = tmpl("s2")
	tS3     = tmpl("s3")
	tSh     = tmpl("sh")
	tShpw   = tmpl("shpw")
	tSt     = tmpl("st")
	tStart  = tmpl("start")
	tStem   = tmpl("stem")
	tW      = tmpl("w")
	tWn1    = tmpl("wn1")
)

// word returns token i's text within sentence s, or a boundary marker.
func (d *doc) word(s sent, i int) string {
	if i < s.t0 {
		return "<s>"
	}
	if i >= s.t1 {
		return "</s>"
	}
	return d.toks[i].w
}

// shape is a one-letter class of token i: X capitalised, x lower, d digit,
// q quotation mark, p other punctuation, or a boundary.
func (d *doc) shape(s sent, i int) string {
	if i < s.t0 {
		return "<"
	}
	if i >= s.t1 {
		return ">"
	}
	t := d.toks[i]
	switch {
	case t.cap:
		return "X"
	case t.punct && isQuoteMark(t.w):
		return "q"
	case t.punct:
		return "p"
	case t.w[0] >= '0' && t.w[0] <= '9':
		return "d"
	}
	return "x"
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// cueFeatures appends the features of token i of sentence s as a cue word.
func (d *doc) cueFeatures(s sent, i int, out []uint64) []uint64 {
	w := d.word(s, i)
	p1, p2 := d.word(s, i-1), d.word(s, i-2)
	n1, n2 := d.word(s, i+1), d.word(s, i+2)
	t := d.toks[i]
	out = append(out,
		tB,
		hlower(tW, w),
		hlower(tS3, suffix(w, 3)),
		hlower(tS2, suffix(w, 2)),
		hlower(tP1, p1),
		hlower(tP2, p2),
		hlower(tN1, n1),
		hlower(tN2, n2),
		hlower(hstr(hlower(tP1w, p1), "|"), w),
		hlower(hstr(hlower(tWn1, w), "|"), n1),
		hlower(hstr(hlower(hstr(hlower(tP2p1w, p2), "|"), p1), "|"), w),
		hstr(tSh, d.shape(s, i-1)+d.shape(s, i)+d.shape(s, i+1)),
		hstr(hlower(tShpw, w), d.shape(s, i-1)),
		hstr(tQ, boolStr(t.inQ)),
		hlower(hstr(tQw, boolStr(t.inQ)), w),
	)
	pos := "mid"
	switch {
	case i == s.t0:
		pos = "first"
	case i >= s.t1-2:
		pos = "last"
	}
	out = append(out, hstr(tPos, pos), hlower(hstr(tPosw, pos), w),
		hlower(tSt, stem(w)), hlower(hstr(hlower(tP1st, p1), "|"), stem(w)),
		hstr(tNq, boolStr(i+1 < s.t1 && isOpenMark(d.toks[i+1].w) || i+2 < s.t1 && isOpenMark(d.toks[i+2].w))))
	return out
}

// rateFeature is the share of the word's training uses that were cues,
// bucketed: the tagger's prior for the word.
func rateFeature(rate float32) uint64 {
	b := "0"
	switch {
	case rate >= 0.8:
		b = "80"
	case rate >= 0.5:
		b = "50"
	case rate >= 0.25:
		b = "25"
	case rate >= 0.1:
		b = "10"
	}
	return hstr(tRate, b)
}

// stem strips a common inflection: "denied", "denies", "denying" -> "deni",
// "deny"; crude but enough to share weights between forms.
func stem(w string) string {
	for _, suf := range []string{"ing", "ied", "ies", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.EqualFold(w[len(w)-len(suf):], suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// contextFeatures hashes the cue's context features; the ranker crosses
// each with the candidates' types. The first jointContext ones are also
// crossed with the pair of types.
func (d *doc) contextFeatures(si, ci, cj int, out []uint64) []uint64 {
	s := d.sents[si]
	cue := tCue
	for k := ci; k < cj; k++ {
		if k > ci {
			cue = hstr(cue, " ")
		}
		cue = hlower(cue, d.toks[k].w)
	}
	last := d.toks[cj-1].w
	qLeft, qRight := false, false
	for k := s.t0; k < ci; k++ {
		qLeft = qLeft || isQuoteMark(d.toks[k].w)
	}
	commas := 0
	for k := cj; k < s.t1; k++ {
		qRight = qRight || isQuoteMark(d.toks[k].w)
		if d.toks[k].w == "," {
			commas++
		}
	}
	nextQ, prevQ := false, false
	if si+1 < len(d.sents) && d.sents[si+1].para == s.para {
		nextQ = isOpenMark(d.toks[d.sents[si+1].t0].w)
	}
	if si > 0 && d.sents[si-1].para == s.para {
		prevQ = isCloseMark(d.toks[d.sents[si-1].t1-1].w)
	}
	start, end := boolStr(ci == s.t0), boolStr(cj >= s.t1-1)
	shPrev := d.shape(s, ci-1)
	n1 := d.word(s, cj)
	return append(out,
		hstr(hstr(tSh, shPrev), d.shape(s, cj)),
		hstr(tStart, start),
		hstr(tEnd, end),
		hlower(tLast, last),
		cue,
		hlower(tP1, d.word(s, ci-1)),
		hlower(tN1, n1),
		hlower(tN2, d.word(s, cj+1)),
		hstr(tmpl("qL"), boolStr(qLeft)),
		hstr(tmpl("qR"), boolStr(qRight)),
		hstr(tmpl("nextQ"), boolStr(nextQ)),
		hstr(tmpl("prevQ"), boolStr(prevQ)),
		hstr(tmpl("commasR"), bucket(commas, 0, 1, 2)),
		hstr(tLeft, bucket(ci-s.t0, 0, 1, 3, 8, 20)),
		hstr(tRight, bucket(s.t1-cj, 1, 2, 4, 10, 25)),
		hstr(tmpl("inQ"), boolStr(d.toks[ci].inQ)),
		// only a noun phrase after the cue: "..., a source told reporters."
		hstr(tmpl("rightNP"), boolStr(d.npAfter(s, cj).b >= s.t1-1)),
		hstr(hstr(hstr(cue, "|start="), start), "|end="+end),
		hlower(hstr(cue, "|n1="), n1),
		hstr(hlower(hstr(tLastP1, last), "|"), shPrev),
		hlower(tStem, stem(last)),
	)
}

// bucket names the first edge n does not exceed by its position.
func bucket(n int, edges ...int) string {
	for i, e := range edges {
		if n <= e {
			return digits[i]
		}
	}
	return digits[len(edges)]
}

var digits = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}
