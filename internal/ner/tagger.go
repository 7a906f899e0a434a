package ner

import "sync"

// Model is a trained recogniser: a lexicon learned from unlabelled text and
// two linear-chain perceptrons, the second of which also sees what the first
// said about the rest of the document.
type Model struct {
	labels labelSet
	lex    *lexicon
	pass1  *linear
	pass2  *linear    // nil for a one-pass model
	gaz    *gazetteer // names seen as entities in training, nil for none
}

// Types returns the entity types the model tags.
func (m *Model) Types() []string { return m.labels.types }

// docCtx holds a document's tokens and the document-level facts that the
// features use.
type docCtx struct {
	sents []sentCtx
}

func (m *Model) newDoc(doc [][]string) *docCtx { return m.newDocGaz(doc, m.gaz) }

// newDocGaz is newDoc with the gazetteer g instead of the model's.
func (m *Model) newDocGaz(doc [][]string, g *gazetteer) *docCtx {
	d := &docCtx{sents: make([]sentCtx, len(doc))}
	lower := map[string]bool{}
	caps := map[string]bool{}
	for si, words := range doc {
		toks := make([]token, len(words))
		for i, w := range words {
			toks[i] = makeToken(w, m.lex)
		}
		sc := &d.sents[si]
		sc.toks = toks
		sc.capsSent = capsSentence(toks)
		sc.docLower, sc.docCap = lower, caps
		sc.gaz = g.match(toks, sc.capsSent)
		if sc.capsSent {
			continue
		}
		for i := range toks {
			switch {
			case toks[i].lowerFirst:
				lower[toks[i].lw] = true
			case toks[i].upperFirst && i > 0 && isWordStart(toks[i-1].w):
				caps[toks[i].lw] = true
			}
		}
	}
	return d
}

// isWordStart reports whether a word after w is not at a sentence start.
func isWordStart(w string) bool {
	switch w {
	case ".", "?", "!", "\"", "'", ":", "--", "-", "(", "...":
		return false
	}
	return true
}

type scratch struct {
	feats []uint32
	em    []float32
	back  []int8
	score []float32
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// decode labels one sentence with lin. With base set, the first-pass
// features of token i are base[off[i]:off[i+1]] and only the second-pass
// features are computed.
func (m *Model) decode(lin *linear, sc *sentCtx, s *scratch, out []int8) {
	m.decodeWith(lin, sc, s, out, nil, nil)
}

func (m *Model) decodeWith(lin *linear, sc *sentCtx, s *scratch, out []int8, base []uint32, off []int32) {
	n := len(sc.toks)
	if n == 0 {
		return
	}
	L := lin.L
	if cap(s.em) < n*L {
		s.em = make([]float32, n*L)
		s.back = make([]int8, n*L)
	}
	em := s.em[:n*L]
	clear(em)
	for i := 0; i < n; i++ {
		if base == nil {
			s.feats = sc.features(i, m.labels.names, s.feats[:0])
			lin.emissions(s.feats, em[i*L:i*L+L])
			continue
		}
		lin.emissions(base[off[i]:off[i+1]], em[i*L:i*L+L])
		if sc.p2 != nil {
			s.feats = sc.pass2Features(i, m.labels.names, s.feats[:0])
			lin.emissions(s.feats, em[i*L:i*L+L])
		}
	}
	if len(s.score) < 2*L {
		s.score = make([]float32, 2*L)
	}
	viterbi(m.labels, lin.trans, em, n, out, s.back[:n*L], s.score)
}

// TagDoc labels the sentences of one document, each a list of words, and
// returns IOB2 tags ("B-PER", "I-PER", "O") in the same shape.
func (m *Model) TagDoc(doc [][]string) [][]string {
	ys := m.tagIDs(doc)
	out := make([][]string, len(ys))
	for i, y := range ys {
		out[i] = make([]string, len(y))
		for j, l := range y {
			out[i][j] = m.labels.names[l]
		}
	}
	return out
}

func (m *Model) tagIDs(doc [][]string) [][]int8 {
	d := m.newDoc(doc)
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	ys := make([][]int8, len(doc))
	if m.pass2 == nil {
		for i := range d.sents {
			ys[i] = make([]int8, len(d.sents[i].toks))
			m.decode(m.pass1, &d.sents[i], s, ys[i])
		}
		return ys
	}
	// Keep each sentence's first-pass features for the second pass.
	base := make([][]uint32, len(d.sents))
	offs := make([][]int32, len(d.sents))
	for i := range d.sents {
		sc := &d.sents[i]
		n := len(sc.toks)
		ys[i] = make([]int8, n)
		off := make([]int32, n+1)
		var fs []uint32
		for j := 0; j < n; j++ {
			off[j] = int32(len(fs))
			fs = sc.features(j, m.labels.names, fs)
		}
		off[n] = int32(len(fs))
		base[i], offs[i] = fs, off
		m.decodeWith(m.pass1, sc, s, ys[i], fs, off)
	}
	setPass2(m.labels, d, ys)
	for i := range d.sents {
		m.decodeWith(m.pass2, &d.sents[i], s, ys[i], base[i], offs[i])
	}
	return ys
}

// setPass2 fills each token's second-pass information from the first
// pass's labels ys over the whole document.
func setPass2(ls labelSet, d *docCtx, ys [][]int8) {
	T := len(ls.types)
	type stat struct {
		n   int
		typ []int
	}
	stats := map[string]*stat{}
	type ent struct {
		typ  string
		pos  string
		size int
	}
	ents := map[string]ent{}
	for si := range d.sents {
		toks := d.sents[si].toks
		y := ys[si]
		for i := range toks {
			st := stats[toks[i].lw]
			if st == nil {
				st = &stat{typ: make([]int, T)}
				stats[toks[i].lw] = st
			}
			st.n++
			if y[i] > 0 {
				st.typ[(y[i]-1)/2]++
			}
		}
		for i := 0; i < len(y); {
			if y[i] == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(y) && isInside(y[j]) && (y[j]-1)/2 == (y[i]-1)/2 {
				j++
			}
			if j-i > 1 {
				typ := ls.typeOf(y[i])
				for k := i; k < j; k++ {
					if !toks[k].upperFirst {
						continue
					}
					pos := "I"
					switch k {
					case i:
						pos = "B"
					case j - 1:
						pos = "E"
					}
					if e, ok := ents[toks[k].w]; !ok || j-i > e.size {
						ents[toks[k].w] = ent{typ: typ, pos: pos, size: j - i}
					}
				}
			}
			i = j
		}
	}
	for si := range d.sents {
		sc := &d.sents[si]
		sc.p2 = make([]pass2Info, len(sc.toks))
		for i := range sc.toks {
			p := &sc.p2[i]
			p.p1 = ys[si][i]
			st := stats[sc.toks[i].lw]
			others := st.n - 1
			best, arg, inEnt := 0, -1, 0
			for t, c := range st.typ {
				if y := ys[si][i]; y > 0 && int((y-1)/2) == t {
					c--
				}
				inEnt += c
				if c > best {
					best, arg = c, t
				}
			}
			if arg >= 0 && others > 0 {
				p.docMaj = ls.types[arg]
				p.docMajFrac = int8(4 * inEnt / others)
			}
			if e, ok := ents[sc.toks[i].w]; ok {
				p.docEnt, p.docPos = e.typ, e.pos
			}
		}
	}
}
