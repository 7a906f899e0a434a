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
		tmpl("b"),
		hlower(tmpl("w"), w),
		hlower(tmpl("s3"), suffix(w, 3)),
		hlower(tmpl("s2"), suffix(w, 2)),
		hlower(tmpl("p1"), p1),
		hlower(tmpl("p2"), p2),
		hlower(tmpl("n1"), n1),
		hlower(tmpl("n2"), n2),
		hlower(hstr(hlower(tmpl("p1w"), p1), "|"), w),
		hlower(hstr(hlower(tmpl("wn1"), w), "|"), n1),
		hlower(hstr(hlower(hstr(hlower(tmpl("p2p1w"), p2), "|"), p1), "|"), w),
		hstr(tmpl("sh"), d.shape(s, i-1)+d.shape(s, i)+d.shape(s, i+1)),
		hstr(hlower(tmpl("shpw"), w), d.shape(s, i-1)),
		hstr(tmpl("q"), boolStr(t.inQ)),
		hlower(hstr(tmpl("qw"), boolStr(t.inQ)), w),
	)
	pos := "mid"
	switch {
	case i == s.t0:
		pos = "first"
	case i >= s.t1-2:
		pos = "last"
	}
	out = append(out, hstr(tmpl("pos"), pos), hlower(hstr(tmpl("posw"), pos), w),
		hlower(tmpl("st"), stem(w)), hlower(hstr(hlower(tmpl("p1st"), p1), "|"), stem(w)),
		hstr(tmpl("nq"), boolStr(i+1 < s.t1 && isOpenMark(d.toks[i+1].w) || i+2 < s.t1 && isOpenMark(d.toks[i+2].w))))
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
	return hstr(tmpl("rate"), b)
}

// stem strips a common inflection: "denied", "denies", "denying" -> "deni",
// "deny"; crude but enough to share weights between forms.
func stem(w string) string {
	for _, suf := range []string{"ing", "ied", "ies", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(strings.ToLower(w[len(w)-len(suf):]), suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// contextFeatures lists the cue's context as feature strings; the ranker
// crosses each with the candidate's type.
func (d *doc) contextFeatures(si, ci, cj int) []string {
	s := d.sents[si]
	var cue strings.Builder
	for k := ci; k < cj; k++ {
		if k > ci {
			cue.WriteByte(' ')
		}
		cue.WriteString(strings.ToLower(d.toks[k].w))
	}
	last := strings.ToLower(d.toks[cj-1].w)
	qLeft, qRight := false, false
	for k := s.t0; k < ci; k++ {
		qLeft = qLeft || isQuoteMark(d.toks[k].w)
	}
	for k := cj; k < s.t1; k++ {
		qRight = qRight || isQuoteMark(d.toks[k].w)
	}
	nextQ, prevQ := false, false
	if si+1 < len(d.sents) && d.sents[si+1].para == s.para {
		nextQ = isOpenMark(d.toks[d.sents[si+1].t0].w)
	}
	if si > 0 && d.sents[si-1].para == s.para {
		prevQ = isCloseMark(d.toks[d.sents[si-1].t1-1].w)
	}
	commas := 0
	for k := cj; k < s.t1; k++ {
		if d.toks[k].w == "," {
			commas++
		}
	}
	f := []string{
		// the first jointContext features are crossed with both types
		"sh=" + d.shape(s, ci-1) + d.shape(s, cj),
		"start=" + boolStr(ci == s.t0),
		"end=" + boolStr(cj >= s.t1-1),
		"last=" + last,
		"cue=" + cue.String(),
		"p1=" + strings.ToLower(d.word(s, ci-1)),
		"n1=" + strings.ToLower(d.word(s, cj)),
		"n2=" + strings.ToLower(d.word(s, cj+1)),
		"qL=" + boolStr(qLeft),
		"qR=" + boolStr(qRight),
		"nextQ=" + boolStr(nextQ),
		"prevQ=" + boolStr(prevQ),
		"commasR=" + bucket(commas, 0, 1, 2),
		"left=" + bucket(ci-s.t0, 0, 1, 3, 8, 20),
		"right=" + bucket(s.t1-cj, 1, 2, 4, 10, 25),
		"inQ=" + boolStr(d.toks[ci].inQ),
		// only a noun phrase after the cue: "..., a source told reporters."
		"rightNP=" + boolStr(d.npAfter(s, cj).b >= s.t1-1),
		"cue=" + cue.String() + "|start=" + boolStr(ci == s.t0) + "|end=" + boolStr(cj >= s.t1-1),
		"cue=" + cue.String() + "|n1=" + strings.ToLower(d.word(s, cj)),
		"last=" + last + "|p1=" + d.shape(s, ci-1),
	}
	return f
}

// bucket names the first edge n does not exceed.
func bucket(n int, edges ...int) string {
	for _, e := range edges {
		if n <= e {
			return "<=" + itoa(e)
		}
	}
	return ">" + itoa(edges[len(edges)-1])
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
