package paraphrase

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/nn"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// TrainOptions configures Train; zero fields take the defaults of
// DefaultTrainOptions.
type TrainOptions struct {
	Hidden  int     // hidden units of the network
	Epochs  int     // network training passes
	LR      float64 // Adam learning rate
	L2      float64
	Dropout float64
	Folds   int // cross-validation folds for the threshold
	Nets    int // networks in the ensemble
	Dim     int // word vector dimensions; -1 for no vectors
	// MaxWords caps the lexicon (IDF and vectors) at the most frequent words.
	MaxWords     int
	VectorEpochs int
	Seed         uint64
	// Logf, when set, receives progress lines.
	Logf func(format string, args ...any)
}

// DefaultTrainOptions are the options of the embedded model.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Hidden: 16, Epochs: 60, LR: 1e-3, L2: 1e-5, Dropout: 0.2, Folds: 5, Nets: 5,
		Dim: 32, MaxWords: 30000, VectorEpochs: 5, Seed: 1}
}

func (o *TrainOptions) defaults() {
	d := DefaultTrainOptions()
	if o.Hidden == 0 {
		o.Hidden = d.Hidden
	}
	if o.Epochs == 0 {
		o.Epochs = d.Epochs
	}
	if o.LR == 0 {
		o.LR = d.LR
	}
	if o.L2 == 0 {
		o.L2 = d.L2
	}
	if o.Dropout == 0 {
		o.Dropout = d.Dropout
	}
	if o.Nets == 0 {
		o.Nets = d.Nets
	}
	if o.Folds == 0 {
		o.Folds = d.Folds
	}
	if o.Dim == 0 {
		o.Dim = d.Dim
	}
	if o.MaxWords == 0 {
		o.MaxWords = d.MaxWords
	}
	if o.VectorEpochs == 0 {
		o.VectorEpochs = d.VectorEpochs
	}
	if o.Seed == 0 {
		o.Seed = d.Seed
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
}

// Scores are the accuracy and the paraphrase-class precision, recall and F1
// of a set of decisions.
type Scores struct {
	N                               int
	Accuracy, Precision, Recall, F1 float64
}

// Score compares decisions with gold labels.
func Score(gold, pred []bool) Scores {
	var tp, fp, fn, correct int
	for i, g := range gold {
		p := pred[i]
		switch {
		case g && p:
			tp++
		case p:
			fp++
		case g:
			fn++
		}
		if g == p {
			correct++
		}
	}
	s := Scores{N: len(gold)}
	if s.N > 0 {
		s.Accuracy = float64(correct) / float64(s.N)
	}
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Train learns a model from labelled pairs and unlabelled text (sentences
// as word lists, any case; the pairs' own sentences are added). The
// threshold maximises the accuracy of out-of-fold probabilities; their
// scores at that threshold are returned as the cross-validation estimate.
func Train(ctx context.Context, pairs []Pair, corpus [][]string, opts TrainOptions) (*Model, Scores, error) {
	opts.defaults()
	if len(pairs) < 2*opts.Folds {
		return nil, Scores{}, fmt.Errorf("train paraphrase: %d pairs are too few", len(pairs))
	}
	sents := make([][]string, 0, len(corpus)+2*len(pairs))
	for _, s := range corpus {
		row := make([]string, 0, len(s))
		for _, w := range s {
			for _, t := range words.Fields(w) {
				row = append(row, fold.String(t))
			}
		}
		sents = append(sents, row)
	}
	for _, p := range pairs {
		for _, s := range []string{p.A, p.B} {
			f := words.Fields(s)
			for i, t := range f {
				f[i] = fold.String(t)
			}
			sents = append(sents, f)
		}
	}
	cfg := lexiconConfig{MaxWords: opts.MaxWords, Dim: opts.Dim, Epochs: opts.VectorEpochs, Seed: opts.Seed, Log: opts.Logf}
	if opts.Dim < 0 {
		cfg.Dim = 0
	}
	lex, err := buildLexicon(ctx, sents, cfg)
	if err != nil {
		return nil, Scores{}, err
	}
	return trainClassifier(ctx, lex, pairs, opts)
}

// trainClassifier trains the network over the lexicon's features.
func trainClassifier(ctx context.Context, lex *lexicon, pairs []Pair, opts TrainOptions) (*Model, Scores, error) {
	var err error
	m := &Model{lex: lex}
	rows := make([][]float64, len(pairs))
	ys := make([]int, len(pairs))
	gold := make([]bool, len(pairs))
	for i, p := range pairs {
		rows[i] = make([]float64, nFeatures)
		features(lex.prepare(p.A), lex.prepare(p.B), rows[i])
		if p.Same {
			ys[i] = 1
		}
		gold[i] = p.Same
	}
	m.standardise(rows)
	xs := make([]*nn.Input, len(rows))
	for i, r := range rows {
		xs[i] = m.input(r)
	}
	netCfg := nn.TrainConfig{Hidden: opts.Hidden, Epochs: opts.Epochs, Batch: 32, LR: opts.LR, L2: opts.L2,
		Dropout: opts.Dropout, ClassWeight: []float64{1, 1}, Seed: opts.Seed}

	// Out-of-fold probabilities for the threshold.
	oof := make([]float64, len(pairs))
	for k := range opts.Folds {
		var trX []*nn.Input
		var trY []int
		for i := range xs {
			if i%opts.Folds != k {
				trX = append(trX, xs[i])
				trY = append(trY, ys[i])
			}
		}
		nets, err := trainNets(ctx, trX, trY, netCfg, opts.Nets)
		if err != nil {
			return nil, Scores{}, err
		}
		for i := range xs {
			if i%opts.Folds == k {
				for _, net := range nets {
					oof[i] += net.Predict(xs[i])[1] / float64(len(nets))
				}
			}
		}
	}
	m.threshold = bestThreshold(oof, gold)
	cv := Score(gold, decide(oof, m.threshold))
	opts.Logf("cross-validation (%d folds): threshold %.3f accuracy %.4f F1 %.4f", opts.Folds, m.threshold, cv.Accuracy, cv.F1)
	m.nets, err = trainNets(ctx, xs, ys, netCfg, opts.Nets)
	if err != nil {
		return nil, Scores{}, err
	}
	m.compile()
	return m, cv, nil
}

// trainNets trains n networks that differ in their random seed.
func trainNets(ctx context.Context, xs []*nn.Input, ys []int, cfg nn.TrainConfig, n int) ([]*nn.Net, error) {
	nets := make([]*nn.Net, n)
	for i := range nets {
		c := cfg
		c.Seed = cfg.Seed + uint64(i)*1000
		net, err := nn.Train(ctx, xs, ys, nFeatures, 2, c)
		if err != nil {
			return nil, err
		}
		nets[i] = net
	}
	return nets, nil
}

func decide(probs []float64, threshold float64) []bool {
	out := make([]bool, len(probs))
	for i, p := range probs {
		out[i] = p >= threshold
	}
	return out
}

// bestThreshold returns the threshold of the highest accuracy on probs:
// halfway between the last probability decided negative and the next.
func bestThreshold(probs []float64, gold []bool) float64 {
	idx := make([]int, len(probs))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return probs[idx[a]] < probs[idx[b]] })
	// With the threshold just above sorted position i, pairs 0..i are
	// negative: correct = negatives up to i + positives after i.
	pos := 0
	for _, g := range gold {
		if g {
			pos++
		}
	}
	best, bestAt := pos, -1 // threshold below everything: all positive
	correct := pos
	for i, j := range idx {
		if gold[j] {
			correct--
		} else {
			correct++
		}
		if correct > best {
			best, bestAt = correct, i
		}
	}
	if bestAt < 0 {
		return probs[idx[0]] / 2
	}
	if bestAt == len(idx)-1 {
		return math.Nextafter(probs[idx[bestAt]], 2)
	}
	return (probs[idx[bestAt]] + probs[idx[bestAt+1]]) / 2
}

// standardise sets the feature means and deviations from the rows.
func (m *Model) standardise(rows [][]float64) { m.mean, m.std = nn.Standardise(rows) }

func (m *Model) input(f []float64) *nn.Input {
	x := &nn.Input{Dense: make([]float32, len(f))}
	for i, v := range f {
		x.Dense[i] = float32((v - m.mean[i]) / m.std[i])
	}
	return x
}
