package statement

import "strings"

// rng is a token range [a, b) of the doc.
type rng struct{ a, b int }

func (r rng) empty() bool { return r.b <= r.a }

// contentCand is one place a cue's content may lie: one piece, or two
// around the cue; typ names its shape ("R": right of the cue, "L": left, ...).
type contentCand struct {
	typ string
	ps  []rng
}

// sourceCand is one place a cue's source may lie; typ names it ("B": the
// phrase before the cue, "A": after it, "S": the sentence's subject, "N": none).
type sourceCand struct {
	typ string
	r   rng
}

// cand is one reading of a cue: a content and a source candidate.
type cand struct{ c, s int }

// reading is a cue's candidates.
type reading struct {
	contents []contentCand
	sources  []sourceCand
	cands    []cand
}

func (r *reading) content(c cand) []rng { return r.contents[c.c].ps }
func (r *reading) source(c cand) rng    { return r.sources[c.s].r }

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
	return boundaryWords[lower(t.w)]
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
	for k >= s.t0 && !d.toks[k].punct && (auxWords[lower(d.toks[k].w)] || strings.HasSuffix(d.toks[k].w, "ly") && !d.toks[k].cap) {
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
			!d.npStop(k-1) && !auxWords[lower(d.toks[k-1].w)] {
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
func (d *doc) candidates(si, ci, cj int) *reading {
	s := d.sents[si]
	before := d.npBefore(s, ci)
	after := d.npAfter(s, cj)
	// the subject of the sentence, for participles: "..., saying that"
	subject := d.npAfter(s, s.t0)
	if subject.b > ci || subject == before {
		subject = rng{}
	}
	// a relative pronoun right before the cue: "the senator, who said ..."
	// (PolNeAR marks the pronoun; describe reads its antecedent as By)
	var rel rng
	k := ci - 1
	for k >= s.t0 && !d.toks[k].punct && auxWords[lower(d.toks[k].w)] {
		k--
	}
	if k >= s.t0 && d.is(k, "who", "which", "that") {
		rel = rng{k, k + 1}
	}
	if before.empty() {
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
		if clauseWords[lower(d.toks[k].w)] {
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
	// up to the last comma before the cue: "..., according to an analysis by X, a former aide"
	for k := ci - 1; k > s.t0; k-- {
		if d.is(k, ",", "—", "–", "--") {
			if k != endL {
				add("LC", rng{s.t0, k})
			}
			break
		}
	}
	// the cue's object: "X pitched himself to ...", "X chastised Y"
	if obj := d.npAfter(s, r0); obj.b > r0 && obj.b < s.t1-1 {
		add("RO", rng{r0, obj.b})
	}
	// a signature line after a quoted paragraph: "― Jane Doe"
	if ci == s.t0 && si > 0 && d.sents[si-1].para != s.para && s.t1-s.t0 <= 8 {
		p := d.sents[si-1].para
		a := si - 1
		for a > 0 && d.sents[a-1].para == p {
			a--
		}
		add("PP", rng{d.sents[a].t0, d.sents[si-1].t1})
	}
	if si > 0 && d.sents[si-1].para == s.para && d.toks[s.t0].inQ {
		add("LP", rng{d.sents[si-1].t0, endL})
	}
	// around the cue: "“...,” he said, “...”"
	if !left.empty() && !right.empty() {
		add("LR", left, right)
	}
	r := &reading{}
	for _, c := range contents {
		r.contents = append(r.contents, contentCand{typ: c.typ, ps: c.ps})
	}
	addSource := func(typ string, x rng) int {
		for k, o := range r.sources {
			if o.typ == typ && o.r == x {
				return k
			}
		}
		r.sources = append(r.sources, sourceCand{typ: typ, r: x})
		return len(r.sources) - 1
	}
	for k, c := range r.contents {
		pair := func(typ string, x rng) {
			if typ != "N" && (x.empty() || overlapsAny(x, c.ps)) {
				return
			}
			r.cands = append(r.cands, cand{c: k, s: addSource(typ, x)})
		}
		pair("B", before)
		pair("A", after)
		if c.typ == "RC" && !after.empty() {
			// the source runs from the cue to the comma: "according to the
			// official, who ..."
			if comma := c.ps[0].a - 1; comma > after.b {
				pair("AC", rng{after.a, comma})
			}
		}
		pair("S", subject)
		pair("W", rel)
		pair("N", rng{})
	}
	return r
}

func overlapsAny(r rng, ps []rng) bool {
	for _, p := range ps {
		if r.a < p.b && p.a < r.b {
			return true
		}
	}
	return false
}

// mix combines a type hash with a context feature hash.
func mix(h, f uint64) uint64 {
	h = (h ^ f) * fnvPrime
	return h ^ h>>29
}

// jointContext is how many leading context features the joint type
// features are crossed with (contextFeatures lists those first).
const jointContext = 4

// contentFeatures appends the features of content candidate c: its type
// crossed with each context feature, its length and quotation marks.
func (d *doc) contentFeatures(c contentCand, ctx []uint64, out []uint64) []uint64 {
	h := hstr(tKc, c.typ)
	out = append(out, h)
	for _, f := range ctx {
		out = append(out, mix(h, f))
	}
	n := 0
	for _, p := range c.ps {
		n += p.b - p.a
	}
	last := c.ps[len(c.ps)-1]
	closes := isCloseMark(d.toks[last.b-1].w) || d.toks[last.b-1].punct && last.b-2 >= last.a && isCloseMark(d.toks[last.b-2].w)
	hs := hstr(h, "|")
	after := "</s>"
	if last.b < len(d.toks) && d.sentOf(last.b) == d.sentOf(last.b-1) {
		after = d.toks[last.b].w
	}
	verb := false
	for _, p := range c.ps {
		for k := p.a; k < p.b && !verb; k++ {
			w := lower(d.toks[k].w)
			verb = finiteVerbs[w] || auxWords[w] || len(w) > 4 && strings.HasSuffix(w, "ed")
		}
	}
	out = append(out, hlower(hstr(hs, "w0="), d.toks[c.ps[0].a].w), hlower(hstr(hs, "next="), after),
		hlower(hstr(hs, "wL="), d.toks[last.b-1].w), hstr(hstr(hs, "verb="), boolStr(verb)))
	return append(out, hstr(hstr(hs, "len="), bucket(n, 2, 4, 8, 16, 32, 64)),
		hstr(hstr(hs, "q="), boolStr(isOpenMark(d.toks[c.ps[0].a].w))+boolStr(closes)))
}

// sourceFeatures appends the features of source candidate c: its type
// crossed with each context feature, and its first and last words.
func (d *doc) sourceFeatures(c sourceCand, ctx []uint64, out []uint64) []uint64 {
	h := hstr(tKs, c.typ)
	out = append(out, h)
	for _, f := range ctx {
		out = append(out, mix(h, f))
	}
	if c.r.empty() {
		return out
	}
	hs := hstr(h, "|")
	st := d.toks[c.r.a]
	return append(out,
		hlower(hstr(hs, "src0="), st.w),
		hlower(hstr(hs, "srcL="), d.toks[c.r.b-1].w),
		hstr(hstr(hs, "srclen="), bucket(c.r.b-c.r.a, 1, 2, 3, 5, 8)),
		hstr(hstr(hs, "srccap="), boolStr(st.cap)))
}

// jointFeatures appends the features of a content and source pair.
func (r *reading) jointFeatures(c cand, ctx []uint64, out []uint64) []uint64 {
	h := hstr(hstr(hstr(tKj, r.contents[c.c].typ), "|"), r.sources[c.s].typ)
	out = append(out, h)
	for _, f := range ctx[:min(jointContext, len(ctx))] {
		out = append(out, mix(h, f))
	}
	return out
}

// candFeatures appends all features of candidate c (for training; scoring
// sums the content, source and joint parts separately).
func (d *doc) candFeatures(r *reading, c cand, ctx []uint64, out []uint64) []uint64 {
	out = d.contentFeatures(r.contents[c.c], ctx, out)
	out = d.sourceFeatures(r.sources[c.s], ctx, out)
	return r.jointFeatures(c, ctx, out)
}
