package quote

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// SpeakerDoc is one training text for the speaker ranker: the article after
// the stages that precede the quote stage, and its gold direct quotes.
type SpeakerDoc struct {
	Article *news.Article
	Gold    []eval.Attribution
}

// speakerExample is one matched quote: its candidates' features and which
// candidates overlap the gold Source.
type speakerExample struct {
	doc   int
	feats [][]string
	pos   []bool
	rule  int  // index of the rules' pick, -1 when none
	keep  bool // the rules' pick is explicit: the ranker keeps it
	spans []news.Span
	qspan news.Span
	gold  string
}

// speakerExamples runs the rules on every document and lists the
// candidates of each predicted quote that matches a gold quote.
func speakerExamples(ctx context.Context, docs []SpeakerDoc) ([]speakerExample, error) {
	var out []speakerExample
	for di, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := *d.Article
		x := newExtraction(&a)
		x.run()
		x.frozen = true
		gs := x.newRanking().groups()
		preds := make([]eval.Attribution, len(gs))
		for i, g := range gs {
			preds[i] = Attributions(a.Text, x.quotes[g.qi:g.qi+1])[0]
		}
		conv := eval.CharOffsets(a.Text)
		rs := []rune(a.Text)
		for _, m := range eval.MatchQuotes(d.Gold, preds) {
			g := gs[m[1]]
			ex := speakerExample{doc: di, rule: -1, qspan: x.quotes[g.qi].Span}
			if src := d.Gold[m[0]].Source; len(src) > 0 {
				ex.gold = string(rs[src[0].Start:min(len(rs), src[0].End)])
			}
			for i, c := range g.cands {
				src := eval.Attribution{Source: []eval.CharSpan{{Start: conv(c.c.span.Start), End: conv(c.c.span.End)}}}
				ex.feats = append(ex.feats, c.feats)
				ex.spans = append(ex.spans, c.c.span)
				ex.pos = append(ex.pos, eval.SourceRight(d.Gold[m[0]], src))
				if c.rule {
					ex.rule, ex.keep = i, c.explicit
				}
			}
			out = append(out, ex)
		}
	}
	return out, nil
}

// SpeakerTrainOptions sets the ranker's training.
type SpeakerTrainOptions struct {
	Epochs     int     // passes over the examples (0: 8)
	Folds      int     // cross-validation folds over documents (0: 5; 1: none)
	L2         float64 // L2 penalty of the logistic ranker (0: 1e-3)
	Perceptron bool    // train an averaged perceptron instead
	Seed       uint64
	Logf       func(format string, args ...any)
}

// SpeakerReport is the cross-validated accuracy of the rules' pick and the
// ranker's pick on matched quotes of the training documents.
type SpeakerReport struct {
	Matched, RuleRight, RankRight, Reachable int
}

func (r SpeakerReport) String() string {
	f := func(n int) float64 { return float64(n) / float64(max(1, r.Matched)) }
	return fmt.Sprintf("matched %d  rules %.4f (%d)  ranker %.4f (%d)  a candidate right %.4f (%d)",
		r.Matched, f(r.RuleRight), r.RuleRight, f(r.RankRight), r.RankRight, f(r.Reachable), r.Reachable)
}

// TrainSpeakerModel trains the speaker ranker on docs (an averaged
// perceptron over each matched quote's candidates), after measuring it by
// cross-validation over the documents.
func TrainSpeakerModel(ctx context.Context, docs []SpeakerDoc, opts SpeakerTrainOptions) (*SpeakerModel, SpeakerReport, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 8
	}
	if opts.Folds <= 0 {
		opts.Folds = 5
	}
	if opts.L2 <= 0 {
		opts.L2 = 1e-3
	}
	train := func(exs []speakerExample, seed uint64) *SpeakerModel {
		if opts.Perceptron {
			return trainPerceptron(exs, opts.Epochs, seed)
		}
		return trainLogistic(exs, opts.Epochs, opts.L2, seed)
	}
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	exs, err := speakerExamples(ctx, docs)
	if err != nil {
		return nil, SpeakerReport{}, err
	}
	var rep SpeakerReport
	if opts.Folds > 1 {
		for f := 0; f < opts.Folds; f++ {
			var tr, test []speakerExample
			for _, e := range exs {
				if e.doc%opts.Folds == f {
					test = append(test, e)
				} else {
					tr = append(tr, e)
				}
			}
			m := train(tr, opts.Seed+uint64(f))
			r := evaluate(m, test)
			logf("fold %d: %s", f, r)
			rep.Matched += r.Matched
			rep.RuleRight += r.RuleRight
			rep.RankRight += r.RankRight
			rep.Reachable += r.Reachable
		}
	}
	m := train(exs, opts.Seed)
	return m, rep, nil
}

// evaluate counts the rules' and the model's right picks on exs.
func evaluate(m *SpeakerModel, exs []speakerExample) SpeakerReport {
	var r SpeakerReport
	for _, e := range exs {
		r.Matched++
		if e.rule >= 0 && e.pos[e.rule] {
			r.RuleRight++
		}
		best, bestS := -1, 0.0
		reach := false
		for i, f := range e.feats {
			if e.keep {
				best = e.rule
				reach = reach || e.pos[i]
				continue
			}
			s := m.score(f)
			if best < 0 || s > bestS || s == bestS && i == e.rule {
				best, bestS = i, s
			}
			reach = reach || e.pos[i]
		}
		if reach {
			r.Reachable++
		}
		if best >= 0 && e.pos[best] {
			r.RankRight++
		}
	}
	return r
}

// iex is an example with feature ids.
type iex struct {
	feats [][]int
	pos   []bool
	rule  int
}

// index maps the features of the examples that have a right candidate to ids.
func index(exs []speakerExample) (map[string]int, []iex) {
	idx := map[string]int{}
	var data []iex
	for _, e := range exs {
		if !slices.Contains(e.pos, true) {
			continue
		}
		d := iex{pos: e.pos, rule: e.rule}
		for _, fs := range e.feats {
			ids := make([]int, len(fs))
			for i, f := range fs {
				id, ok := idx[f]
				if !ok {
					id = len(idx)
					idx[f] = id
				}
				ids[i] = id
			}
			d.feats = append(d.feats, ids)
		}
		data = append(data, d)
	}
	return idx, data
}

func toModel(idx map[string]int, w []float64) *SpeakerModel {
	m := &SpeakerModel{w: map[string]float64{}}
	for f, i := range idx {
		if math.Abs(w[i]) >= 1e-3 {
			m.w[f] = w[i]
		}
	}
	return m
}

func dot(w []float64, ids []int) float64 {
	s := 0.0
	for _, i := range ids {
		s += w[i]
	}
	return s
}

// trainLogistic trains a log-linear ranker: the probability of a candidate
// is the softmax of the candidates' scores, the loss the negative log of
// the right candidates' total probability plus an L2 penalty, minimised by
// AdaGrad.
func trainLogistic(exs []speakerExample, epochs int, l2 float64, seed uint64) *SpeakerModel {
	idx, data := index(exs)
	w := make([]float64, len(idx))
	g2 := make([]float64, len(idx))
	last := make([]int, len(idx)) // step of the last L2 shrink, applied lazily
	const rate = 0.1
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	step := 0
	var ps []float64
	grad := map[int]float64{}
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, oi := range order {
			d := data[oi]
			step++
			ps = ps[:0]
			mx := math.Inf(-1)
			for _, f := range d.feats {
				s := dot(w, f)
				ps = append(ps, s)
				mx = max(mx, s)
			}
			z, zp := 0.0, 0.0
			for i := range ps {
				ps[i] = math.Exp(ps[i] - mx)
				z += ps[i]
				if d.pos[i] {
					zp += ps[i]
				}
			}
			clear(grad)
			for i, f := range d.feats {
				g := ps[i] / z
				if d.pos[i] {
					g -= ps[i] / zp
				}
				if g == 0 {
					continue
				}
				for _, id := range f {
					grad[id] += g
				}
			}
			for id, g := range grad {
				// the L2 penalty of the steps since this weight last moved
				if n := step - last[id]; n > 0 && l2 > 0 {
					w[id] *= math.Pow(1-rate*l2/math.Sqrt(g2[id]+1), float64(n))
				}
				last[id] = step
				g2[id] += g * g
				w[id] -= rate * g / math.Sqrt(g2[id]+1e-8)
			}
		}
	}
	return toModel(idx, w)
}

// trainPerceptron trains an averaged ranking perceptron: when the
// top-scoring candidate is wrong, the best-scoring right one is promoted
// and the wrong one demoted.
func trainPerceptron(exs []speakerExample, epochs int, seed uint64) *SpeakerModel {
	idx, data := index(exs)
	w := make([]float64, len(idx))
	u := make([]float64, len(idx)) // sums of c * update, for averaging
	c := 1.0
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, oi := range order {
			d := data[oi]
			best, bestS := -1, 0.0
			gold, goldS := -1, 0.0
			for i, f := range d.feats {
				s := dot(w, f)
				if best < 0 || s > bestS || s == bestS && i == d.rule {
					best, bestS = i, s
				}
				if d.pos[i] && (gold < 0 || s > goldS) {
					gold, goldS = i, s
				}
			}
			if !d.pos[best] {
				for _, i := range d.feats[gold] {
					w[i]++
					u[i] += c
				}
				for _, i := range d.feats[best] {
					w[i]--
					u[i] -= c
				}
			}
			c++
		}
	}
	for i := range w {
		w[i] -= u[i] / c
	}
	return toModel(idx, w)
}
