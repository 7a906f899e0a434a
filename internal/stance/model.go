package stance

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/gobz"
	"github.com/crosscheck-news/crosscheck/internal/nn"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Model is a trained stance classifier. It is safe for concurrent use.
type Model struct {
	kind   string // "fnc" or "emergent"
	labels []string
	idf    *idfTable
	vocab  map[string]int32 // sparse feature name -> input index
	names  []string
	mean   []float64
	std    []float64
	net    *nn.Net
}

// Labels returns the model's labels in output order.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Prepare analyses an article body once, for scoring many headlines or
// claims against it with PredictBody.
func (m *Model) Prepare(body string) *Body { return m.idf.body(body) }

// Predict returns the FNC-1 stance of body toward headline (agree, disagree,
// discuss or unrelated) and the probability of each label. For an Emergent
// model, headline is the claim and body the article headline, and the
// labels are for, against and observing.
func (m *Model) Predict(headline, body string) (string, map[string]float64) {
	return m.PredictBody(headline, m.Prepare(body))
}

// PredictBody is Predict against a body analysed by Prepare.
func (m *Model) PredictBody(headline string, b *Body) (string, map[string]float64) {
	p := m.net.Predict(m.encode(m.idf.analyse(headline, false), b))
	probs := make(map[string]float64, len(p))
	best := 0
	for i, v := range p {
		probs[m.labels[i]] = v
		if v > p[best] {
			best = i
		}
	}
	return m.labels[best], probs
}

// encode maps the features of headline h against body b to network input.
func (m *Model) encode(h *text, b *Body) *nn.Input {
	dense, sparse := m.features(h, b)
	return m.encodeFeatures(dense, sparse)
}

func (m *Model) features(h *text, b *Body) ([]float64, map[string]float64) {
	dense, topCont, topRaw := m.idf.pairFeatures(h, b)
	if m.kind == "emergent" {
		return dense, emergentSparse(h, b)
	}
	return dense, m.fncSparse(h, b, topCont, topRaw)
}

func (m *Model) encodeFeatures(dense []float64, sparse map[string]float64) *nn.Input {
	x := &nn.Input{Dense: make([]float32, len(dense))}
	for i, v := range dense {
		x.Dense[i] = float32((v - m.mean[i]) / m.std[i])
	}
	for name, v := range sparse {
		if i, ok := m.vocab[name]; ok {
			x.Idx = append(x.Idx, i)
			x.Val = append(x.Val, float32(v))
		}
	}
	// Sort by index so that sums, and so training, are deterministic.
	sort.Sort(byIndex{x})
	return x
}

type byIndex struct{ x *nn.Input }

func (b byIndex) Len() int           { return len(b.x.Idx) }
func (b byIndex) Less(i, j int) bool { return b.x.Idx[i] < b.x.Idx[j] }
func (b byIndex) Swap(i, j int) {
	b.x.Idx[i], b.x.Idx[j] = b.x.Idx[j], b.x.Idx[i]
	b.x.Val[i], b.x.Val[j] = b.x.Val[j], b.x.Val[i]
}

// fncSparse: TF-IDF words of the headline, the body and the body's three
// best-matching sentences, and lexicon words of the headline and of those
// sentences.
func (m *Model) fncSparse(h *text, b *Body, topCont, topRaw []string) map[string]float64 {
	s := make(map[string]float64, len(h.vec)+len(b.all.vec)+len(topCont))
	for w, v := range h.vec {
		s["h:"+w] = v
	}
	for w, v := range b.all.vec {
		s["b:"+w] = v
	}
	for w, v := range m.idf.vector(topCont) {
		s["s:"+w] = v
	}
	for _, w := range h.raw {
		if refuting[w] || hedging[w] || negation[w] {
			s["hr:"+w] = 1
		}
	}
	for _, w := range topRaw {
		if refuting[w] || hedging[w] || negation[w] {
			s["sr:"+w] = 1
		}
	}
	return s
}

// emergentSparse: stemmed unigrams and bigrams of the article headline (b),
// stopwords kept, and lexicon words of the claim.
func emergentSparse(c *text, b *Body) map[string]float64 {
	s := map[string]float64{}
	raw := b.all.raw
	for i, w := range raw {
		s["a:"+words.Stem(w)] = 1
		if i > 0 {
			s["ab:"+words.Stem(raw[i-1])+" "+words.Stem(w)] = 1
		}
	}
	if b.all.q {
		s["a:?"] = 1
	}
	for _, w := range c.raw {
		if refuting[w] || hedging[w] || negation[w] {
			s["cr:"+w] = 1
		}
	}
	return s
}

// modelFile is the serialised model: W1 quantised to int8 per input row.
type modelFile struct {
	Kind            string
	Labels          []string
	IDFWords        []string
	IDFVals         []float32
	Unseen, AvgBody float64
	Vocab           []string
	Mean, Std       []float64
	In, Hid, Out    int
	W1q             []int8
	W1s             []float32
	B1, W2, B2      []float32
}

// Save writes the model gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	f := modelFile{Kind: m.kind, Labels: m.labels, Unseen: m.idf.unseen, AvgBody: m.idf.avgBody,
		Vocab: m.names, Mean: m.mean, Std: m.std, In: m.net.In, Hid: m.net.Hid, Out: m.net.Out,
		B1: m.net.B1, W2: m.net.W2, B2: m.net.B2}
	for _, w := range sortedKeys(m.idf.idf) {
		f.IDFWords = append(f.IDFWords, w)
		f.IDFVals = append(f.IDFVals, float32(m.idf.idf[w]))
	}
	f.W1q = make([]int8, len(m.net.W1))
	f.W1s = make([]float32, m.net.In)
	for i := 0; i < m.net.In; i++ {
		row := m.net.W1[i*m.net.Hid : (i+1)*m.net.Hid]
		var mx float32
		for _, v := range row {
			mx = max(mx, float32(math.Abs(float64(v))))
		}
		s := mx / 127
		f.W1s[i] = s
		if s == 0 {
			continue
		}
		for j, v := range row {
			f.W1q[i*m.net.Hid+j] = int8(math.Round(float64(v / s)))
		}
	}
	if err := gobz.Write(w, &f); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	var f modelFile
	if err := gobz.Read(r, &f); err != nil {
		return nil, fmt.Errorf("decode model: %w", err)
	}
	if len(f.W1q) != f.In*f.Hid || len(f.W1s) != f.In || len(f.W2) != f.Hid*f.Out || len(f.Labels) != f.Out {
		return nil, fmt.Errorf("decode model: inconsistent shapes")
	}
	m := &Model{kind: f.Kind, labels: f.Labels, names: f.Vocab, mean: f.Mean, std: f.Std,
		idf:   &idfTable{idf: make(map[string]float64, len(f.IDFWords)), unseen: f.Unseen, avgBody: f.AvgBody},
		vocab: make(map[string]int32, len(f.Vocab))}
	for i, w := range f.IDFWords {
		m.idf.idf[w] = float64(f.IDFVals[i])
	}
	for i, n := range f.Vocab {
		m.vocab[n] = int32(len(f.Mean) + i)
	}
	net := &nn.Net{In: f.In, Hid: f.Hid, Out: f.Out, W1: make([]float32, len(f.W1q)), B1: f.B1, W2: f.W2, B2: f.B2}
	for i := range f.In {
		for j := range f.Hid {
			net.W1[i*f.Hid+j] = float32(f.W1q[i*f.Hid+j]) * f.W1s[i]
		}
	}
	m.net = net
	return m, nil
}

// LoadBytes reads a model from gzip-compressed bytes.
func LoadBytes(b []byte) (*Model, error) { return Load(bytes.NewReader(b)) }
