package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// Sentence is one labelled training sentence: words and their IOB1 or IOB2
// tags.
type Sentence struct {
	Words, Tags []string
}

// Doc is a labelled document: the unit of the second, document-level pass.
type Doc []Sentence

// TrainConfig sets how Train trains.
type TrainConfig struct {
	Types    []string // entity types, e.g. PER ORG LOC MISC
	Epochs   int      // perceptron epochs per pass
	Seeds    int      // perceptrons, each with its own shuffling, whose weights are averaged (default 1)
	Folds    int      // jackknife folds that give the second pass honest first-pass labels; 0 trains one pass
	MinCount int      // features seen fewer times in training are dropped
	// GazFolds, when above 1, gives the model a gazetteer of the names seen
	// as entities in docs. Each training document sees the gazetteer built
	// from the documents of the other GazFolds-1 folds, so the model learns
	// how far to trust a name it has not been told about by this document.
	GazFolds int
	Log      io.Writer
	// Dev, when set, is called with the model after each epoch of the final
	// passes and returns a score to log (such as dev F1).
	Dev func(m *Model) float64
	// Lexicon is the clusters and capitalisation statistics learned from
	// unlabelled text (see BuildLexicon); nil trains without them.
	Lexicon *Lexicon
}

type trainSent struct {
	sc   *sentCtx
	gold []int8
	feat []int32 // row ids, offsets in off
	off  []int32
}

// Train trains a model on docs.
func Train(ctx context.Context, docs []Doc, cfg TrainConfig) (*Model, error) {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	if cfg.MinCount <= 0 {
		cfg.MinCount = 1
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	m := &Model{labels: newLabelSet(cfg.Types)}
	if cfg.Lexicon != nil {
		m.lex = cfg.Lexicon.lex
	}
	gold := make([][][]int8, len(docs))
	for di, doc := range docs {
		gold[di] = make([][]int8, len(doc))
		for i := range doc {
			gold[di][i] = m.labels.iob2(doc[i].Tags)
		}
	}
	gazOf := func(int) *gazetteer { return nil }
	if cfg.GazFolds > 1 {
		m.gaz = buildGazetteer(docs, gold, nil)
		folds := make([]*gazetteer, cfg.GazFolds)
		for f := range folds {
			folds[f] = buildGazetteer(docs, gold, func(i int) bool { return i%cfg.GazFolds == f })
		}
		gazOf = func(di int) *gazetteer { return folds[di%cfg.GazFolds] }
		fmt.Fprintf(cfg.Log, "gazetteer: %d names\n", len(m.gaz.names))
	}
	// Tokens and document contexts, once.
	var all [][]*trainSent
	for di, doc := range docs {
		words := make([][]string, len(doc))
		for i, s := range doc {
			words[i] = s.Words
		}
		d := m.newDocGaz(words, gazOf(di))
		ts := make([]*trainSent, len(doc))
		for i := range doc {
			ts[i] = &trainSent{sc: &d.sents[i], gold: gold[di][i]}
		}
		all = append(all, ts)
	}
	pass := func(name string, docIdx []int, dev bool) (*linear, error) {
		var sents []*trainSent
		for _, i := range docIdx {
			sents = append(sents, all[i]...)
		}
		return m.trainLinear(ctx, name, sents, cfg, dev)
	}
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	if cfg.Folds > 1 {
		// Jackknife: first-pass labels for each fold from a model that did not see it.
		for f := 0; f < cfg.Folds; f++ {
			var in, out []int
			for i := range all {
				if i%cfg.Folds == f {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			lin, err := pass(fmt.Sprintf("fold %d/%d", f+1, cfg.Folds), in, false)
			if err != nil {
				return nil, err
			}
			m.pass1 = lin
			s := &scratch{}
			for _, di := range out {
				d := &docCtx{}
				ys := make([][]int8, len(all[di]))
				for si, ts := range all[di] {
					d.sents = append(d.sents, *ts.sc)
					ys[si] = make([]int8, len(ts.gold))
					m.decode(lin, ts.sc, s, ys[si])
				}
				setPass2(m.labels, d, ys)
				for si, ts := range all[di] {
					ts.sc.p2 = d.sents[si].p2
				}
			}
		}
		// The second pass trains on the jackknifed first-pass labels.
		for _, ts := range all {
			for _, t := range ts {
				t.feat, t.off = nil, nil
			}
		}
		lin, err := pass("pass 2", idx, false)
		if err != nil {
			return nil, err
		}
		m.pass2 = lin
		// Clear second-pass information for the first pass.
		for _, ts := range all {
			for _, t := range ts {
				t.sc.p2, t.feat, t.off = nil, nil, nil
			}
		}
	}
	lin, err := pass("pass 1", idx, cfg.Dev != nil)
	if err != nil {
		return nil, err
	}
	m.pass1 = lin
	if cfg.Dev != nil {
		fmt.Fprintf(cfg.Log, "final model: dev %.4f\n", cfg.Dev(m))
	}
	return m, nil
}

// trainLinear trains one averaged structured perceptron.
func (m *Model) trainLinear(ctx context.Context, name string, sents []*trainSent, cfg TrainConfig, dev bool) (*linear, error) {
	start := time.Now()
	L := len(m.labels.names)
	// Count features and index those seen often enough.
	counts := map[uint32]int32{}
	var buf []uint32
	for _, ts := range sents {
		for i := range ts.sc.toks {
			buf = ts.sc.features(i, m.labels.names, buf[:0])
			for _, k := range buf {
				counts[k]++
			}
		}
	}
	index := map[uint32]int32{}
	var keys []uint32
	for k, c := range counts {
		if int(c) >= cfg.MinCount {
			index[k] = int32(len(keys))
			keys = append(keys, k)
		}
	}
	counts = nil
	for _, ts := range sents {
		ts.feat, ts.off = ts.feat[:0], ts.off[:0]
		for i := range ts.sc.toks {
			ts.off = append(ts.off, int32(len(ts.feat)))
			buf = ts.sc.features(i, m.labels.names, buf[:0])
			for _, k := range buf {
				if r, ok := index[k]; ok {
					ts.feat = append(ts.feat, r)
				}
			}
		}
		ts.off = append(ts.off, int32(len(ts.feat)))
	}
	fmt.Fprintf(cfg.Log, "%s: %d sentences, %d features (%.1fs)\n", name, len(sents), len(keys), time.Since(start).Seconds())

	seeds := max(cfg.Seeds, 1)
	var sumW, sumT []float32
	for seed := 1; seed <= seeds; seed++ {
		a, err := m.perceptron(ctx, name, sents, keys, cfg, uint64(seed), dev && seed == seeds)
		if err != nil {
			return nil, err
		}
		if sumW == nil {
			sumW, sumT = a.w, a.trans
			continue
		}
		for i, v := range a.w {
			sumW[i] += v
		}
		for i, v := range a.trans {
			sumT[i] += v
		}
	}
	for i := range sumW {
		sumW[i] /= float32(seeds)
	}
	for i := range sumT {
		sumT[i] /= float32(seeds)
	}
	return newLinear(L, keys, sumW, sumT), nil
}

// perceptron runs the epochs of one averaged perceptron over sents, whose
// features are rows of keys, shuffling with seed, and returns its averaged
// weights (w and trans only).
func (m *Model) perceptron(ctx context.Context, name string, sents []*trainSent, keys []uint32, cfg TrainConfig, seed uint64, dev bool) (*linear, error) {
	L := len(m.labels.names)
	w := make([]float32, len(keys)*L)
	u := make([]float64, len(keys)*L)
	trans := make([]float32, (L+1)*L)
	utrans := make([]float64, (L+1)*L)
	c := 1.0
	rng := rand.New(rand.NewPCG(seed, 2))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var em []float32
	var back, pred []int8
	score := make([]float32, 2*L)
	averaged := func() *linear {
		aw := make([]float32, len(w))
		for i := range w {
			aw[i] = w[i] - float32(u[i]/c)
		}
		at := make([]float32, len(trans))
		for i := range trans {
			at[i] = trans[i] - float32(utrans[i]/c)
		}
		return &linear{L: L, w: aw, trans: at}
	}
	for ep := 1; ep <= cfg.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t0 := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, oi := range order {
			ts := sents[oi]
			n := len(ts.gold)
			if n == 0 {
				continue
			}
			toks += n
			if cap(em) < n*L {
				em = make([]float32, n*L)
				back = make([]int8, n*L)
				pred = make([]int8, n)
			}
			e := em[:n*L]
			clear(e)
			for i := 0; i < n; i++ {
				row := e[i*L : i*L+L]
				for _, r := range ts.feat[ts.off[i]:ts.off[i+1]] {
					for y, v := range w[int(r)*L : int(r)*L+L] {
						row[y] += v
					}
				}
			}
			p := pred[:n]
			viterbi(m.labels, trans, e, n, p, back[:n*L], score)
			prevG, prevP := L, L
			for i := 0; i < n; i++ {
				g, q := int(ts.gold[i]), int(p[i])
				if g != q {
					errs++
					for _, r := range ts.feat[ts.off[i]:ts.off[i+1]] {
						w[int(r)*L+g]++
						u[int(r)*L+g] += c
						w[int(r)*L+q]--
						u[int(r)*L+q] -= c
					}
				}
				if g != q || prevG != prevP {
					trans[prevG*L+g]++
					utrans[prevG*L+g] += c
					trans[prevP*L+q]--
					utrans[prevP*L+q] -= c
				}
				prevG, prevP = g, q
			}
			c++
		}
		msg := fmt.Sprintf("%s: seed %d: epoch %d/%d: %d token errors of %d (%.1fs)", name, seed, ep, cfg.Epochs, errs, toks, time.Since(t0).Seconds())
		if dev && cfg.Dev != nil && ep < cfg.Epochs {
			saved := m.pass1
			a := averaged()
			m.pass1 = newLinear(L, keys, a.w, a.trans)
			if m.pass2 != nil {
				p2 := m.pass2
				m.pass2 = nil
				msg += fmt.Sprintf(" dev(pass 1 only) %.4f", cfg.Dev(m))
				m.pass2 = p2
			}
			msg += fmt.Sprintf(" dev %.4f", cfg.Dev(m))
			m.pass1 = saved
		}
		fmt.Fprintln(cfg.Log, msg)
	}
	return averaged(), nil
}
