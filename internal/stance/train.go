package stance

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/nn"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// TrainOptions configures training; zero fields take the defaults of
// DefaultFNCOptions or DefaultEmergentOptions.
type TrainOptions struct {
	Hidden  int
	Epochs  int
	Batch   int
	LR      float64
	L2      float64
	Dropout float64
	// ClassWeight weighs the loss of each label, in label order.
	ClassWeight []float64
	Seed        uint64
	// HeadlineWords adds the headline's own words to the features. They
	// help on the body dev split (whose headlines are seen in training) and
	// hurt on unseen stories, so the embedded model leaves them out.
	HeadlineWords bool
	// BodyWords caps the body and best-sentence vocabulary (default 1500:
	// a smaller vocabulary memorises fewer topics).
	BodyWords int
	// Logf, when set, receives progress lines.
	Logf func(format string, args ...any)
}

// DefaultFNCOptions are the options of the embedded FNC-1 model.
func DefaultFNCOptions() TrainOptions {
	return TrainOptions{Hidden: 64, Epochs: 6, Batch: 32, LR: 1e-3, L2: 1e-6, Dropout: 0.3,
		ClassWeight: []float64{3, 10, 2, 1}, Seed: 1}
}

// DefaultEmergentOptions are the options of the embedded Emergent model.
func DefaultEmergentOptions() TrainOptions {
	return TrainOptions{Hidden: 32, Epochs: 6, Batch: 16, LR: 1e-3, L2: 1e-5, Dropout: 0.3,
		ClassWeight: []float64{1, 2, 1.2}, Seed: 1}
}

func (o TrainOptions) config(def TrainOptions) nn.TrainConfig {
	if o.Hidden == 0 {
		o.Hidden = def.Hidden
	}
	if o.Epochs == 0 {
		o.Epochs = def.Epochs
	}
	if o.Batch == 0 {
		o.Batch = def.Batch
	}
	if o.LR == 0 {
		o.LR = def.LR
	}
	if o.L2 == 0 {
		o.L2 = def.L2
	}
	if o.Dropout == 0 {
		o.Dropout = def.Dropout
	}
	if o.ClassWeight == nil {
		o.ClassWeight = def.ClassWeight
	}
	if o.Seed == 0 {
		o.Seed = def.Seed
	}
	cfg := nn.TrainConfig{Hidden: o.Hidden, Epochs: o.Epochs, Batch: o.Batch, LR: o.LR, L2: o.L2,
		Dropout: o.Dropout, ClassWeight: o.ClassWeight, Seed: o.Seed}
	if o.Logf != nil {
		cfg.Log = func(ep int, loss float64) { o.Logf("epoch %d loss %.4f", ep, loss) }
	}
	return cfg
}

// buildIDF computes smoothed IDF over docs of stemmed content tokens.
func buildIDF(docs [][]string) *idfTable {
	df := map[string]int{}
	var total float64
	for _, d := range docs {
		total += float64(len(d))
		for w := range words.Set(d) {
			df[w]++
		}
	}
	n := float64(len(docs))
	t := &idfTable{idf: map[string]float64{}, unseen: math.Log((n+1)/2) + 1}
	for w, c := range df {
		if c >= 2 {
			t.idf[w] = math.Log((n+1)/float64(c+1)) + 1
		}
	}
	if len(docs) > 0 {
		t.avgBody = total / n
	}
	return t
}

// topByCount returns up to k keys of counts with count >= minCount, most
// frequent first.
func topByCount(counts map[string]int, k, minCount int) []string {
	var out []string
	for w, c := range counts {
		if c >= minCount {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if counts[out[i]] != counts[out[j]] {
			return counts[out[i]] > counts[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func labelIndex(labels []string) map[string]int {
	m := map[string]int{}
	for i, l := range labels {
		m[l] = i
	}
	return m
}

// standardise sets m.mean and m.std from the dense rows.
func (m *Model) standardise(rows [][]float64) { m.mean, m.std = nn.Standardise(rows) }

func (m *Model) setVocab(names []string) {
	m.names = names
	m.vocab = make(map[string]int32, len(names))
	for i, n := range names {
		m.vocab[n] = int32(len(denseNames) + i)
	}
}

// TrainFNC trains an FNC-1 stance model on labelled pairs over bodies.
func TrainFNC(ctx context.Context, pairs []Pair, bodies map[int]string, opts TrainOptions) (*Model, error) {
	li := labelIndex(FNCLabels)
	m := &Model{kind: "fnc", labels: FNCLabels}
	// IDF over the training bodies and unique headlines.
	var docs [][]string
	bodyCont := map[int][]string{}
	heads := map[string]bool{}
	for _, p := range pairs {
		if _, ok := bodyCont[p.BodyID]; !ok {
			bodyCont[p.BodyID] = words.Content(words.Tokens(bodies[p.BodyID]))
			docs = append(docs, bodyCont[p.BodyID])
		}
		if !heads[p.Headline] {
			heads[p.Headline] = true
			docs = append(docs, words.Content(words.Tokens(p.Headline)))
		}
	}
	m.idf = buildIDF(docs)
	var bodyDocs [][]string
	for _, id := range sortedInts(bodyCont) {
		bodyDocs = append(bodyDocs, bodyCont[id])
	}
	m.idf.avgBody = buildIDF(bodyDocs).avgBody
	// Vocabulary: headline words by headline frequency, body words (used
	// for the whole body and for its best sentences) by body frequency.
	hc, bc := map[string]int{}, map[string]int{}
	for h := range heads {
		for w := range words.Set(words.Content(words.Tokens(h))) {
			hc[w]++
		}
	}
	for _, d := range bodyDocs {
		for w := range words.Set(d) {
			bc[w]++
		}
	}
	var names []string
	if opts.HeadlineWords {
		for _, w := range topByCount(hc, 4000, 2) {
			names = append(names, "h:"+w)
		}
	}
	nb := opts.BodyWords
	if nb == 0 {
		nb = 1500
	}
	for _, w := range topByCount(bc, nb, 3) {
		names = append(names, "b:"+w, "s:"+w)
	}
	for _, lex := range []map[string]bool{refuting, hedging, negation} {
		for _, w := range sortedKeys(lex) {
			names = append(names, "hr:"+w, "sr:"+w)
		}
	}
	m.setVocab(dedup(names))

	prepared := map[int]*Body{}
	headText := map[string]*text{}
	dense := make([][]float64, 0, len(pairs))
	var xs []*nn.Input
	// Encode the sparse part now (raw dense values); standardise the dense
	// part once all rows are known.
	m.mean, m.std = make([]float64, len(denseNames)), make([]float64, len(denseNames))
	for i := range m.std {
		m.std[i] = 1
	}
	var ys []int
	for n, p := range pairs {
		if n%5000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		y, ok := li[p.Stance]
		if !ok {
			return nil, fmt.Errorf("pair %d: unknown stance %q", n, p.Stance)
		}
		b, ok := prepared[p.BodyID]
		if !ok {
			b = m.idf.body(bodies[p.BodyID])
			prepared[p.BodyID] = b
		}
		h, ok := headText[p.Headline]
		if !ok {
			h = m.idf.analyse(p.Headline, false)
			headText[p.Headline] = h
		}
		d, s := m.features(h, b)
		dense = append(dense, d)
		xs = append(xs, m.encodeFeatures(d, s))
		ys = append(ys, y)
	}
	m.standardise(dense)
	for i, d := range dense {
		for j, v := range d {
			xs[i].Dense[j] = float32((v - m.mean[j]) / m.std[j])
		}
	}
	if opts.Logf != nil {
		opts.Logf("fnc: %d pairs, %d bodies, %d inputs", len(xs), len(prepared), len(denseNames)+len(m.names))
	}
	net, err := nn.Train(ctx, xs, ys, len(denseNames)+len(m.names), len(m.labels), opts.config(DefaultFNCOptions()))
	if err != nil {
		return nil, err
	}
	m.net = net
	return m, nil
}

// TrainEmergent trains an Emergent stance model (claim vs article headline).
func TrainEmergent(ctx context.Context, pairs []EmergentPair, opts TrainOptions) (*Model, error) {
	li := labelIndex(EmergentLabels)
	m := &Model{kind: "emergent", labels: EmergentLabels}
	var docs [][]string
	seen := map[string]bool{}
	for _, p := range pairs {
		for _, s := range []string{p.Claim, p.Headline} {
			if !seen[s] {
				seen[s] = true
				docs = append(docs, words.Content(words.Tokens(s)))
			}
		}
	}
	m.idf = buildIDF(docs)
	type ex struct {
		d []float64
		s map[string]float64
	}
	exs := make([]ex, len(pairs))
	counts := map[string]int{}
	var ys []int
	for i, p := range pairs {
		y, ok := li[p.Stance]
		if !ok {
			return nil, fmt.Errorf("pair %d: unknown stance %q", i, p.Stance)
		}
		ys = append(ys, y)
		d, s := m.features(m.idf.analyse(p.Claim, false), m.idf.body(p.Headline))
		exs[i] = ex{d, s}
		for k := range s {
			counts[k]++
		}
	}
	m.setVocab(sortedKeys(countAtLeast(counts, 2)))
	rows := make([][]float64, len(exs))
	for i, e := range exs {
		rows[i] = e.d
	}
	m.standardise(rows)
	xs := make([]*nn.Input, len(exs))
	for i, e := range exs {
		xs[i] = m.encodeFeatures(e.d, e.s)
	}
	if opts.Logf != nil {
		opts.Logf("emergent: %d pairs, %d inputs", len(xs), len(denseNames)+len(m.names))
	}
	net, err := nn.Train(ctx, xs, ys, len(denseNames)+len(m.names), len(m.labels), opts.config(DefaultEmergentOptions()))
	if err != nil {
		return nil, err
	}
	m.net = net
	return m, nil
}

func countAtLeast(c map[string]int, k int) map[string]int {
	out := map[string]int{}
	for w, n := range c {
		if n >= k {
			out[w] = n
		}
	}
	return out
}

func dedup(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func sortedInts[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
