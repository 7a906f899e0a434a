package statement

import "strings"

// rng is a token range [a, b) of the doc.
type rng struct{ a, b int }

func (r rng) empty() bool { return r.b <= r.a }

// cand is one reading of a cue: where its content and its source lie.
type cand struct {
	typ     string // content shape and source side: "R|B", "L|A", ...
	content []rng  // one piece, or two around the cue
	source  rng
}

// auxiliary words between a subject and its cue: "has also said".
var auxWords = map[string]bool{"has": true, "have": true, "had": true, "also": true, "would": true, "will": true,
	"had been": true, "is": true, "was": true, "were": true, "are": true, "been": true, "later": true, "then": true,
	"again": true, "previously": true, "once": true, "further": true, "publicly": true, "repeatedly": true,
	"recently": true, "now": true, "not": true, "n't": true, "n’t": true, "did": true, "does": true, "do": true,
	"never": true, "even": true, "still": true, "just": true, "first": true, "often": true, "can": true,
	"could": true, "may": true, "might": true, "should": true, "must": true, "reportedly": true, "allegedly": true}

// boundary words end a noun phrase read outward from a cue.
var boundaryWords = map[string]bool{"that": true, "which": true, "and": true, "but": true, "or": true,
	"because": true, "when": true, "if": true, "as": true, "after": true, "before": true, "while": true,
	"since": true, "where": true, "than": true, "so": true, "though": true, "although": true, "whether": true,
	"said": true, "says": true, "told": true, "to": true, "in": true, "on": true, "at": true, "about": true,
	"with": true, "by": true, "is": true, "was": true, "are": true, "were": true, "be": true, "it's": true}

// npStop reports tokens a noun phrase does not cross.
func (d *doc) npStop(k int) bool {
	t := d.toks[k]
	if t.punct {
		return t.w != "." && t.w != "-" && t.w != "&"
	}
	return boundaryWords[strings.ToLower(t.w)]
}

// clauseWords often start a clause or adjunct after a verb's object.
var clauseWords = map[string]bool{"since": true, "after": true, "while": true, "because": true, "when": true,
	"as": true, "before": true, "until": true, "though": true, "although": true, "despite": true, "during": true,
	"amid": true, "by": true, "in": true, "at": true, "on": true, "for": true, "with": true, "over": true}

// appositive is the comma- or dash-delimited phrase ending just before
// token k (a separator): "Smith, a spokesman for the ministry, said".
func (d *doc) appositive(s sent, k int) rng {
	if k < s.t0 || !d.is(k, ",", "—", "–", "--", ")") {
		return rng{}
	}
	j := k - 1
	for j >= s.t0 && !d.is(j, ",", "—", "–", "--", "(", "“", "”", "\"") && k-j <= 25 {
		j--
	}
	if k-j > 25 {
		return rng{}
	}
	// "Smith, 59, of Ashton, Md., said": take the name before the first commas
	a := j + 1
	for a-2 >= s.t0 && d.is(a-1, ",", "(") && !d.toks[a-2].punct {
		j := a - 2
		for j >= s.t0 && !d.toks[j].punct && a-j <= 8 {
			j--
		}
		if j >= s.t0 && !d.is(j, ",") {
			break
		}
		a = j + 1
	}
	return rng{a, k}
}

// npBefore is the noun phrase ending just before token ci (after
// auxiliaries and adverbs), within sentence s.
func (d *doc) npBefore(s sent, ci int) rng {
	k := ci - 1
	for k >= s.t0 && !d.toks[k].punct && (auxWords[strings.ToLower(d.toks[k].w)] || strings.HasSuffix(d.toks[k].w, "ly") && !d.toks[k].cap) {
		k--
	}
	end := k + 1
	// "who/which" clauses: "the official, who asked not to be named, said"
	for k >= s.t0 && end-k <= 14 {
		if !d.npStop(k) {
			k--
			continue
		}
		// a prepositional attachment: "researchers at the university",
		// "a source familiar with the talks"
		if k > s.t0 && k < end-1 && d.is(k, "at", "of", "for", "with", "from", "in", "to") &&
			!d.npStop(k-1) && !auxWords[strings.ToLower(d.toks[k-1].w)] {
			k--
			continue
		}
		break
	}
	start := k + 1
	// a relative clause before the cue: skip back to the noun it modifies
	if start == end && k >= s.t0 && d.toks[k].w == "," {
		j := k - 1
		for j >= s.t0 && d.toks[j].w != "," && k-j <= 12 {
			j--
		}
		if j > s.t0 && d.is(j+1, "who", "which") {
			return d.npBefore(s, j+1)
		}
	}
	return rng{start, end}
}

// npAfter is the noun phrase starting at token cj, within sentence s.
func (d *doc) npAfter(s sent, cj int) rng {
	k := cj
	if k < s.t1 && d.is(k, "by", "to") {
		k++
	}
	start := k
	for k < s.t1 && (!d.npStop(k) || k == start && d.is(k, "the")) && k-start < 10 {
		k++
	}
	// "according to Smith, a spokesman for X, ..." keeps to the first comma.
	return rng{start, k}
}

// candidates lists the readings of the cue at tokens [ci, cj) of sentence si.
func (d *doc) candidates(si, ci, cj int) []cand {
	s := d.sents[si]
	before := d.npBefore(s, ci)
	after := d.npAfter(s, cj)
	// the subject of the sentence, for participles: "..., saying that"
	subject := d.npAfter(s, s.t0)
	if subject.b > ci || subject == before {
		subject = rng{}
	}
	if before.empty() {
		k := ci - 1
		for k >= s.t0 && !d.toks[k].punct && auxWords[strings.ToLower(d.toks[k].w)] {
			k--
		}
		before = d.appositive(s, k)
	}
	// the right-hand content starts after "that", ":" or a comma
	r0 := cj
	for r0 < s.t1 && r0-cj < 2 && (d.is(r0, "that", ":", ",", "—", "–", "-")) {
		r0++
	}
	var contents []struct {
		typ string
		ps  []rng
	}
	add := func(typ string, ps ...rng) {
		for _, p := range ps {
			if p.empty() {
				return
			}
		}
		contents = append(contents, struct {
			typ string
			ps  []rng
		}{typ, ps})
	}
	right := rng{r0, s.t1}
	add("R", right)
	// after the first comma: "according to X, ..." and "X told Y, ..."
	for k := cj; k < s.t1-1; k++ {
		if d.toks[k].w == "," || d.toks[k].w == ":" {
			add("RC", rng{k + 1, s.t1})
			break
		}
	}
	// up to a clause boundary: "X wants Y since ..."
	for k := r0 + 1; k < s.t1-1; k++ {
		if clauseWords[strings.ToLower(d.toks[k].w)] {
			add("RS", rng{r0, k})
			break
		}
	}
	// up to the next comma: "X said Y, adding ..."
	for k := r0 + 2; k < s.t1-1; k++ {
		if d.toks[k].w == "," {
			add("RK", rng{r0, k})
			break
		}
	}
	// into the following sentences of the paragraph: "X said:" before a quote
	if si+1 < len(d.sents) && d.sents[si+1].para == s.para {
		end := si + 1
		for end+1 < len(d.sents) && d.sents[end+1].para == s.para && end-si < 3 && d.toks[d.sents[end].t1-1].inQ {
			end++
		}
		add("RN", rng{r0, d.sents[end].t1})
	}
	// the left-hand content ends before the source or the cue
	endL := ci
	if !before.empty() {
		endL = before.a
	}
	for endL > s.t0 && (d.is(endL-1, ",", "—", "–", "-", ":")) {
		endL--
	}
	left := rng{s.t0, endL}
	add("L", left)
	if si > 0 && d.sents[si-1].para == s.para && d.toks[s.t0].inQ {
		add("LP", rng{d.sents[si-1].t0, endL})
	}
	// around the cue: "“...,” he said, “...”"
	if !left.empty() && !right.empty() {
		add("LR", left, right)
	}
	// the cue inside its sentence: "The plan, he said, will fail."
	var out []cand
	for _, c := range contents {
		if !before.empty() && !overlapsAny(before, c.ps) {
			out = append(out, cand{typ: c.typ + "|B", content: c.ps, source: before})
		}
		if !after.empty() && !overlapsAny(after, c.ps) {
			out = append(out, cand{typ: c.typ + "|A", content: c.ps, source: after})
		}
		if c.typ == "RC" && !after.empty() {
			// the source runs from the cue to the comma: "according to the
			// official, who ..."
			comma := c.ps[0].a - 1
			if comma > after.b {
				out = append(out, cand{typ: c.typ + "|AC", content: c.ps, source: rng{after.a, comma}})
			}
		}
		if !subject.empty() && !overlapsAny(subject, c.ps) {
			out = append(out, cand{typ: c.typ + "|S", content: c.ps, source: subject})
		}
		out = append(out, cand{typ: c.typ + "|N", content: c.ps})
	}
	return out
}

func overlapsAny(r rng, ps []rng) bool {
	for _, p := range ps {
		if r.a < p.b && p.a < r.b {
			return true
		}
	}
	return false
}

// candFeatures appends the candidate's features: each context feature
// crossed with the candidate's type, and a few of the candidate's own.
func (d *doc) candFeatures(c cand, ctx []string, out []uint64) []uint64 {
	h0 := hstr(tmpl("k"), c.typ)
	out = append(out, h0)
	hs := hstr(h0, "|")
	for _, f := range ctx {
		out = append(out, hstr(hs, f))
	}
	n := 0
	for _, p := range c.content {
		n += p.b - p.a
	}
	out = append(out, hstr(hstr(hs, "len="), bucket(n, 2, 4, 8, 16, 32, 64)))
	if !c.source.empty() {
		st := d.toks[c.source.a]
		out = append(out,
			hlower(hstr(hs, "src0="), st.w),
			hlower(hstr(hs, "srcL="), d.toks[c.source.b-1].w),
			hstr(hstr(hs, "srclen="), bucket(c.source.b-c.source.a, 1, 2, 3, 5, 8)),
			hstr(hstr(hs, "srccap="), boolStr(st.cap)),
		)
	}
	first := d.toks[c.content[0].a]
	last := d.toks[c.content[len(c.content)-1].b-1]
	out = append(out, hstr(hstr(hs, "q="), boolStr(isOpenMark(first.w))+boolStr(isCloseMark(last.w) || last.punct && c.content[len(c.content)-1].b-2 >= 0 && isCloseMark(d.toks[c.content[len(c.content)-1].b-2].w))))
	return out
}
