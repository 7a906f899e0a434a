package quote

import (
	"slices"
	"strconv"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// The speaker ranker: after the rules have found the quotes and picked a
// speaker for each, every top-level direct quote gets a list of candidates
// (the names, pronouns, role and noun phrases outside quotes in its
// paragraph and the paragraphs around it, plus the rules' pick) with
// features, and a trained linear model picks one. The rules stay as
// candidate generators and as a feature.

// pcand is a candidate found in a paragraph, with its position.
type pcand struct {
	c          cand
	ti, tj     int // first and last token in the paragraph's tokens
	sent       int // sentence index within the paragraph
	cueAfter   bool
	cueBefore  bool
	cueTok     int // the cue verb after (cueAfter) or before (cueBefore) it, -1 when none
	according  bool
	clauseInit bool
	colonEnd   bool // its sentence ends with a colon
}

// paraInfo is one paragraph's tokens and candidates, computed once.
type paraInfo struct {
	span   news.Span
	ts     []tok
	quoted []bool // the token lies inside quotation marks
	sentOf []int
	cands  []pcand
	segs   []segment
}

// rcand is one candidate of one quote with its features.
type rcand struct {
	c    cand
	rule bool // the rules' pick
	// explicit: the rules' pick is the subject or object of the quote's own
	// cue, next to it; the ranker keeps it
	explicit bool
	feats    []string
}

// qgroup is one quote's candidates.
type qgroup struct {
	qi    int
	cands []rcand
}

// ranking holds the per-article state of the ranker.
type ranking struct {
	x      *extraction
	paras  []news.Span
	info   []*paraInfo
	counts map[string]int // mentions of each person's name in the article
	// keepExplicit: a quote whose rules' pick is explicit gets no other
	// candidates (the ranker keeps the pick; training wants them all)
	keepExplicit bool
}

func (x *extraction) newRanking() *ranking {
	r := &ranking{x: x, paras: paragraphs(x.a), counts: map[string]int{}}
	r.info = make([]*paraInfo, len(r.paras))
	for _, m := range x.personMentions {
		r.counts[m.name]++
	}
	return r
}

// paraOf returns the index of the paragraph holding pos.
func (r *ranking) paraOf(pos int) int {
	lo, hi := 0, len(r.paras)
	for lo < hi {
		h := (lo + hi) / 2
		if r.paras[h].End <= pos {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return min(lo, len(r.paras)-1)
}

// para computes the paragraph's tokens and candidates once.
func (r *ranking) para(pi int) *paraInfo {
	if r.info[pi] != nil {
		return r.info[pi]
	}
	x, text := r.x, r.x.text
	p := &paraInfo{span: r.paras[pi]}
	p.ts = tokenize(text, p.span, nil)
	ts := p.ts
	p.quoted = make([]bool, len(ts))
	segs := segments(text, p.span)
	p.segs = segs
	si := 0
	for k, t := range ts {
		for si < len(segs) && segs[si].markEnd <= t.s {
			si++
		}
		p.quoted[k] = si < len(segs) && t.s >= segs[si].open
	}
	p.sentOf = make([]int, len(ts))
	sent := 0
	for k := range ts {
		p.sentOf[k] = sent
		if !sentenceEnd(text, ts, k) {
			continue
		}
		// inside a quote, only the end of its last sentence counts
		m := k + 1
		for p.quoted[k] && m < len(ts) && p.quoted[m] && isCloseish(ts[m].text(text)) {
			m++
		}
		if !p.quoted[k] || m > k+1 && (m == len(ts) || !p.quoted[m]) {
			sent++
		}
	}
	for i := 0; i < len(ts); {
		if p.quoted[i] {
			i++
			continue
		}
		j := i
		for j < len(ts) && !p.quoted[j] {
			j++
		}
		cs := x.candidates(ts, i, j)
		for k := i; k < j; k++ {
			lw := lower(ts[k].text(text))
			if ts[k].punct || !cueVerb(lw) || isCap(ts[k].text(text)) {
				continue
			}
			if c, ok := x.npBefore(ts, i, k); ok {
				cs = addCand(cs, c)
			}
			if c, ok := x.npAfter(ts, k, j); ok {
				cs = addCand(cs, c)
			}
		}
		for _, c := range cs {
			p.cands = append(p.cands, r.place(p, c, i, j))
		}
		i = j
	}
	r.info[pi] = p
	return p
}

// addCand adds c unless it overlaps a candidate already there.
func addCand(cs []cand, c cand) []cand {
	for _, o := range cs {
		if o.span.Start < c.span.End && c.span.Start < o.span.End {
			return cs
		}
	}
	return append(cs, c)
}

// place computes the position flags of c in the paragraph run ts[i:j].
func (r *ranking) place(p *paraInfo, c cand, i, j int) pcand {
	text, ts := r.x.text, p.ts
	pc := pcand{c: c, ti: tokIndex(ts, c.span.Start), cueTok: -1}
	pc.tj = pc.ti
	for pc.tj+1 < len(ts) && ts[pc.tj+1].s < c.span.End {
		pc.tj++
	}
	pc.sent = p.sentOf[pc.ti]
	// "X said", "X also told", "X, who ..., said" is left to the rules
	for n := pc.tj + 1; n < j && n <= pc.tj+8; n++ {
		w := ts[n].text(text)
		if ts[n].punct {
			if w == "'s" || w == "’" {
				continue
			}
			break
		}
		lw := lower(w)
		if cueVerb(lw) && !isCap(w) {
			pc.cueAfter, pc.cueTok = true, n
			break
		}
		// a body or a place after the name: "Dave Armon of Critical Mention wrote"
		if (lw == "of" || lw == "from" || lw == "at") && n+1 < j && isCap(ts[n+1].text(text)) {
			for n+1 < j && !ts[n+1].punct && isCap(ts[n+1].text(text)) {
				n++
			}
			continue
		}
		if n > pc.tj+4 {
			break
		}
		if !auxiliary(lw) {
			break
		}
	}
	if pc.ti-1 >= i && !ts[pc.ti-1].punct {
		lw := lower(ts[pc.ti-1].text(text))
		pc.cueBefore = cueVerb(lw) && lw != "according"
		if pc.cueBefore {
			pc.cueTok = pc.ti - 1
		}
		pc.according = lw == "to" && pc.ti-2 >= i && lower(ts[pc.ti-2].text(text)) == "according"
	}
	pc.clauseInit = pc.ti == 0 || ts[pc.ti-1].punct && ts[pc.ti-1].text(text) != "'" || lower(ts[pc.ti-1].text(text)) == "and" || lower(ts[pc.ti-1].text(text)) == "but"
	// the sentence's last token outside quotes is a colon
	for n := pc.tj + 1; n < len(ts) && p.sentOf[n] == pc.sent; n++ {
		if p.quoted[n] {
			pc.colonEnd = n > 0 && ts[n-1].text(text) == ":"
			break
		}
	}
	return pc
}

// segsBetween counts the quoted segments lying inside [lo, hi).
func (r *ranking) segsBetween(lo, hi int) int {
	if hi <= lo {
		return 0
	}
	n := 0
	for p := r.paraOf(lo); p <= r.paraOf(hi-1) && p < len(r.paras); p++ {
		for _, sg := range r.para(p).segs {
			if sg.open >= lo && sg.markEnd <= hi && sg.body.Len() > 0 {
				n++
			}
		}
	}
	return n
}

// kindName names a candidate's kind for the features.
func kindName(c cand) string {
	switch c.kind {
	case kName:
		switch {
		case c.common:
			return "common"
		case c.weak || !c.person:
			return "org"
		}
		return "per"
	case kPronoun:
		switch lower(c.text) {
		case "he", "she":
			return "he"
		case "they":
			return "they"
		}
		return "i"
	case kRole:
		return "role"
	case kNP:
		return "np"
	}
	return "other"
}

func bucket(n int, edges ...int) string {
	for _, e := range edges {
		if n <= e {
			return strconv.Itoa(e)
		}
	}
	return "more"
}

// groups returns the candidates of every top-level direct quote.
func (r *ranking) groups() []qgroup {
	x := r.x
	var out []qgroup
	prevSpeaker := ""
	for qi := range x.quotes {
		q := &x.quotes[qi]
		if q.Parent >= 0 || q.Partial || q.Social || len(q.Pieces) == 0 || len(r.paras) == 0 {
			continue
		}
		if slices.Contains(x.noSpeaker, qi) {
			out = append(out, qgroup{qi: qi})
			continue
		}
		out = append(out, qgroup{qi: qi, cands: r.quoteCands(q, prevSpeaker)})
		prevSpeaker = q.Speaker
	}
	return out
}

// quoteCands lists q's candidates with their features.
func (r *ranking) quoteCands(q *news.QuoteMention, prevSpeaker string) []rcand {
	x, text := r.x, r.x.text
	first, lastP := q.Pieces[0], q.Pieces[len(q.Pieces)-1]
	open, closeEnd := withOpenMark(text, first.Start), withCloseMark(text, lastP.End)
	pi, pj := r.paraOf(first.Start), r.paraOf(lastP.Start)
	if pj-pi > 2 {
		pj = pi + 2
	}
	qp := r.para(pi)
	oi := tokIndex(qp.ts, open)
	openSent := 0
	if oi < len(qp.ts) {
		openSent = qp.sentOf[oi]
	}
	lp := r.para(pj)
	ci := tokIndex(lp.ts, closeEnd)
	closeSent := 0
	if ci < len(lp.ts) {
		closeSent = lp.sentOf[ci]
	} else if len(lp.ts) > 0 {
		closeSent = lp.sentOf[len(lp.ts)-1] + 1
	}
	// the quote's context
	initial := oi == 0
	ctxs := []string{"init=" + strconv.FormatBool(initial), "pieces=" + bucket(len(q.Pieces), 1, 2)}
	cueTok, cuePara := -1, -1
	cueWord := ""
	if q.CueSpan.Len() > 0 {
		cuePara = r.paraOf(q.CueSpan.Start)
		if cuePara >= pi-1 && cuePara <= pj+1 {
			cueTok = tokIndex(r.para(cuePara).ts, q.CueSpan.Start)
		}
		cueWord = lower(q.Cue)
		switch cueWord {
		case "told", "tells", "tell", "telling", "asked", "asks", "ask":
			cueWord = "tell"
		case "according":
		default:
			cueWord = "say"
		}
	}
	cueSide := "none"
	switch {
	case q.CueSpan.Len() == 0:
	case q.CueSpan.End <= open:
		cueSide = "before"
	case q.CueSpan.Start >= closeEnd:
		cueSide = "after"
	default:
		cueSide = "inside"
	}
	ctxs = append(ctxs, "cue="+cueSide)
	if r.keepExplicit && cueTok >= 0 && q.SpeakerSpan.Len() > 0 {
		info := r.para(cuePara)
		for _, pc := range info.cands {
			if pc.c.span == q.SpeakerSpan && pc.cueTok == cueTok {
				return []rcand{{c: pc.c, rule: true, explicit: true}}
			}
		}
		// a phrase right next to the quote's own cue ("said one Texas Prime
		// Turkey Farm employee") is its subject, though no candidate of
		// the paragraph is exactly it
		if adjacentSpans(q.CueSpan, q.SpeakerSpan) && !r.x.holdsPerson(q.SpeakerSpan) {
			return []rcand{{c: cand{span: q.SpeakerSpan, kind: kNP, text: q.Speaker}, rule: true, explicit: true}}
		}
	}
	ruleKind := "none"
	var out []rcand
	ruleSeen, exactSeen := false, false
	for p := max(0, pi-1); p <= min(len(r.paras)-1, pj+1); p++ {
		info := r.para(p)
		for ci2 := range info.cands {
			pc := &info.cands[ci2]
			c := pc.c
			if c.common {
				continue // a heading-like common word never speaks
			}
			// position relative to the quote
			var pos string
			dist, sdist := 0, 0
			switch {
			case p < pi:
				pos = "prevpara"
				dist = len(info.ts) - pc.tj + oi
			case p > pj:
				pos = "nextpara"
				dist = pc.ti + len(lp.ts) - ci
			case c.span.End <= open && p == pi:
				pos = "before"
				dist = oi - pc.tj - 1
				sdist = openSent - pc.sent
			case c.span.Start >= closeEnd && p == pj:
				pos = "after"
				dist = pc.ti - ci
				sdist = pc.sent - closeSent
			default:
				pos = "inside"
				// the gap after which piece, and the distance from its end
				gap := 0
				for gap+1 < len(q.Pieces) && q.Pieces[gap+1].Start < c.span.Start {
					gap++
				}
				pe := withCloseMark(text, q.Pieces[gap].End)
				dist = pc.ti - tokIndex(info.ts, pe)
				sdist = gap
			}
			between := 0
			switch {
			case c.span.End <= open:
				between = r.segsBetween(c.span.End, open)
			case c.span.Start >= closeEnd:
				between = r.segsBetween(closeEnd, c.span.Start)
			}
			f := make([]string, 0, 48)
			ownCue := false
			kn := kindName(c)
			base := []string{
				"pos=" + pos,
				"pos=" + pos + "|d=" + bucket(dist, 0, 1, 2, 4, 8, 16, 32),
				"pos=" + pos + "|s=" + bucket(sdist, 0, 1, 2),
			}
			base = append(base, "between="+bucket(between, 0, 1, 2), "between="+bucket(between, 0, 1)+"|"+pos)
			if pc.cueAfter {
				base = append(base, "cueAfter", "cueAfter|"+pos)
			}
			if pc.cueBefore {
				base = append(base, "cueBefore", "cueBefore|"+pos)
			}
			if pc.according {
				base = append(base, "according")
			}
			if pc.clauseInit {
				base = append(base, "clauseInit|"+pos)
			}
			if pc.ti == 0 {
				base = append(base, "paraInit|"+pos)
			}
			if pc.colonEnd {
				base = append(base, "colon|"+pos)
			}
			if c.poss {
				base = append(base, "poss")
			}
			// relation to the cue the rules found
			if cueTok >= 0 && cuePara == p {
				ct := cueTok
				switch {
				case pc.tj < ct:
					gap := ct - pc.tj - 1
					base = append(base, "cue:before|"+bucket(gap, 0, 1, 3, 8), "cue:before|"+cueWord+"|"+bucket(gap, 0, 1, 3, 8))
					if pc.cueAfter && gap <= 4 {
						base = append(base, "cue:subj", "cue:subj|"+cueWord)
					}
				case pc.ti > ct:
					gap := pc.ti - ct - 1
					base = append(base, "cue:after|"+bucket(gap, 0, 1, 3, 8), "cue:after|"+cueWord+"|"+bucket(gap, 0, 1, 3, 8))
				}
				if pc.cueTok >= 0 {
					ownCue = pc.cueTok == ct
					own := strconv.FormatBool(ownCue)
					if pc.cueAfter {
						base = append(base, "subjOfQuoteCue="+own, "subjOfQuoteCue="+own+"|"+pos)
					} else {
						base = append(base, "objOfQuoteCue="+own+"|"+cueWord, "objOfQuoteCue="+own+"|"+pos)
					}
				}
				if info.sentOf[min(ct, len(info.sentOf)-1)] == pc.sent {
					base = append(base, "cue:sent")
				}
			} else if cueTok < 0 {
				base = append(base, "cue:none")
			}
			isRule := q.SpeakerSpan.Len() > 0 && c.span.Start < q.SpeakerSpan.End && q.SpeakerSpan.Start < c.span.End
			exact := isRule && c.span == q.SpeakerSpan
			if isRule {
				ruleSeen = true
				exactSeen = exactSeen || exact
				ruleKind = kn
				base = append(base, "rule", "rule|exact="+strconv.FormatBool(exact))
			}
			name := r.candName(c)
			if name != "" {
				if !isRule && name == q.Speaker {
					base = append(base, "ruleName")
				}
				if name == prevSpeaker {
					base = append(base, "prevSpeaker")
				}
				base = append(base, "count="+bucket(r.counts[name], 0, 1, 3, 7))
			}
			for _, b := range base {
				f = append(f, b, kn+"|"+b)
			}
			for _, cx := range ctxs {
				f = append(f, cx+"|"+base[1], cx+"|"+kn+"|"+base[0])
			}
			out = append(out, rcand{c: c, rule: exact, explicit: exact && ownCue, feats: f})
		}
	}
	// the rules' pick when no candidate is exactly it: from further away
	// (the previous quote's speaker, the last person named) or a span of
	// its own overlapping a candidate
	if !exactSeen && q.SpeakerSpan.Len() > 0 {
		c := cand{span: q.SpeakerSpan, kind: kName, text: q.SpeakerSpan.Text(text), name: q.Speaker, key: q.SpeakerKey, person: true}
		feats := []string{"rule", "rule|far", "far"}
		if ruleSeen {
			for _, o := range out {
				if o.c.span.Start < c.span.End && c.span.Start < o.c.span.End {
					feats = append(append([]string(nil), o.feats...), "rule|own")
					break
				}
			}
		}
		out = append(out, rcand{c: c, rule: true, feats: feats})
	}
	for i := range out {
		out[i].feats = append(out[i].feats, "ruleKind="+ruleKind, "bias")
	}
	_ = x
	return out
}

// candName is the person a candidate names (a pronoun resolved).
func (r *ranking) candName(c cand) string {
	switch c.kind {
	case kName:
		return c.name
	case kPronoun:
		n, _ := r.x.resolvePronoun(c)
		return n
	case kRole:
		return ""
	}
	return ""
}

// rerank lets the model pick each quote's speaker among its candidates.
func (x *extraction) rerank(m *SpeakerModel) {
	x.frozen = true
	r := x.newRanking()
	r.keepExplicit = true
	gs := r.groups()
	for _, g := range gs {
		best, bestScore := -1, 0.0
		if slices.ContainsFunc(g.cands, func(c rcand) bool { return c.explicit }) || slices.Contains(x.sourced, g.qi) {
			continue // the rules found the quote's own attribution
		}
		for i, c := range g.cands {
			s := m.score(c.feats)
			if best < 0 || s > bestScore || s == bestScore && c.rule {
				best, bestScore = i, s
			}
		}
		if best < 0 || g.cands[best].rule {
			continue
		}
		x.setSpeaker(&x.quotes[g.qi], g.cands[best].c)
	}
}

// holdsPerson tells whether a person the recogniser named lies inside sp
// ("friend of the site Dave Armon of Critical Mention"): the name, not
// the phrase, is the speaker to weigh.
func (x *extraction) holdsPerson(sp news.Span) bool {
	for _, m := range x.mentions {
		if m.Type == news.PER && sp.Contains(m.Span) {
			return true
		}
	}
	return false
}

// adjacentSpans tells whether two spans touch, one space at most between.
func adjacentSpans(a, b news.Span) bool {
	gap := b.Start - a.End
	if b.Start < a.Start {
		gap = a.Start - b.End
	}
	return gap >= 0 && gap <= 1
}
