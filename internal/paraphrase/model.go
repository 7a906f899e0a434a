package paraphrase

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sync"

	"github.com/crosscheck-news/crosscheck/internal/gobz"
	"github.com/crosscheck-news/crosscheck/internal/nn"
)

// Model scores sentence pairs. It is safe for concurrent use.
type Model struct {
	lex       *lexicon
	mean, std []float64 // feature standardisation
	nets      []*nn.Net // an ensemble; their probabilities are averaged
	dense     []*nn.Dense
	threshold float64
}

//go:embed weights/paraphrase.gob.gz
var weights []byte

var defaultModel = sync.OnceValues(func() (*Model, error) { return LoadBytes(weights) })

// Default returns the embedded model, loaded once and shared.
func Default() (*Model, error) { return defaultModel() }

// Prepare analyses a sentence once, for comparing it with many others.
func (m *Model) Prepare(s string) *Sentence { return m.lex.prepare(s) }

// Prob returns the probability that a and b say the same thing.
func (m *Model) Prob(a, b string) float64 { return m.ProbPrepared(m.Prepare(a), m.Prepare(b)) }

// Same reports whether a and b say the same thing: Prob at or above the
// model's threshold, tuned by cross-validation on the training pairs.
func (m *Model) Same(a, b string) bool { return m.Prob(a, b) >= m.threshold }

// SamePrepared is Same for prepared sentences.
func (m *Model) SamePrepared(a, b *Sentence) bool { return m.ProbPrepared(a, b) >= m.threshold }

// Threshold is the probability at and above which Same is true.
func (m *Model) Threshold() float64 { return m.threshold }

// ProbPrepared is Prob for prepared sentences. It does not allocate unless
// a sentence has more than 79 words.
func (m *Model) ProbPrepared(a, b *Sentence) float64 {
	var f [nFeatures]float64
	features(a, b, f[:])
	var x [nFeatures]float32
	for i, v := range f {
		x[i] = float32((v - m.mean[i]) / m.std[i])
	}
	var p [2]float64
	var sum float64
	for _, net := range m.dense {
		net.Forward(x[:], p[:])
		sum += p[1]
	}
	return sum / float64(len(m.dense))
}

// modelFile is the serialised model: word vectors quantised to int8 per
// word, IDF to a sixteenth.
type modelFile struct {
	Features  []string
	Words     []string
	IDF       []uint8 // IDF × 16
	Unseen    float32
	Dim       int
	VecQ      []int8
	VecScale  []float32
	Mean, Std []float64
	In, Hid   int
	Nets      []netFile
	Threshold float64
}

// netFile is one network of the ensemble.
type netFile struct {
	W1, B1, W2, B2 []float32
}

// Save writes the model gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	l := m.lex
	f := modelFile{Features: featureNames, Words: l.words, Unseen: l.unseen, Dim: l.dim,
		Mean: m.mean, Std: m.std, In: m.nets[0].In, Hid: m.nets[0].Hid, Threshold: m.threshold}
	for _, n := range m.nets {
		f.Nets = append(f.Nets, netFile{W1: n.W1, B1: n.B1, W2: n.W2, B2: n.B2})
	}
	f.IDF = make([]uint8, len(l.idf))
	for i, v := range l.idf {
		f.IDF[i] = uint8(min(255, math.Round(float64(v)*16)))
	}
	if l.dim > 0 {
		f.VecQ = make([]int8, len(l.vecs))
		f.VecScale = make([]float32, len(l.words))
		for i := range l.words {
			row := l.vecs[i*l.dim : (i+1)*l.dim]
			var mx float32
			for _, v := range row {
				mx = max(mx, float32(math.Abs(float64(v))))
			}
			if mx == 0 {
				continue
			}
			s := mx / 127
			f.VecScale[i] = s
			for d, v := range row {
				f.VecQ[i*l.dim+d] = int8(math.Round(float64(v / s)))
			}
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
	if !slices.Equal(f.Features, featureNames) {
		return nil, fmt.Errorf("decode model: features %v, this code computes %v", f.Features, featureNames)
	}
	if f.In != nFeatures || len(f.Nets) == 0 ||
		len(f.IDF) != len(f.Words) || len(f.VecQ) != len(f.Words)*f.Dim || len(f.Mean) != nFeatures {
		return nil, fmt.Errorf("decode model: inconsistent shapes")
	}
	l := f.lexicon()
	m := &Model{lex: l, mean: f.Mean, std: f.Std, threshold: f.Threshold}
	for _, n := range f.Nets {
		if len(n.W1) != f.In*f.Hid || len(n.B1) != f.Hid || len(n.W2) != f.Hid*2 || len(n.B2) != 2 {
			return nil, fmt.Errorf("decode model: inconsistent shapes")
		}
		m.nets = append(m.nets, &nn.Net{In: f.In, Hid: f.Hid, Out: 2, W1: n.W1, B1: n.B1, W2: n.W2, B2: n.B2})
	}
	m.compile()
	return m, nil
}

// lexicon rebuilds the lexicon of the file.
func (f *modelFile) lexicon() *lexicon {
	l := &lexicon{index: make(map[string]int32, len(f.Words)), words: f.Words, idf: make([]float32, len(f.IDF)),
		unseen: f.Unseen, dim: f.Dim, vecs: make([]float32, len(f.VecQ))}
	for i, w := range f.Words {
		l.index[w] = int32(i)
		l.idf[i] = float32(f.IDF[i]) / 16
		if f.Dim == 0 {
			continue
		}
		row := l.vecs[i*f.Dim : (i+1)*f.Dim]
		var n float64
		for d := range row {
			row[d] = float32(f.VecQ[i*f.Dim+d]) * f.VecScale[i]
			n += float64(row[d] * row[d])
		}
		if n > 0 {
			s := float32(1 / math.Sqrt(n))
			for d := range row {
				row[d] *= s
			}
		}
	}
	return l
}

// LoadBytes reads a model from gzip-compressed bytes.
func LoadBytes(b []byte) (*Model, error) { return Load(bytes.NewReader(b)) }

// LoadFile reads a model from a weights file.
func LoadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open model: %w", err)
	}
	defer f.Close()
	return Load(f)
}

// compile lays the networks out for scoring.
func (m *Model) compile() {
	m.dense = m.dense[:0]
	for _, n := range m.nets {
		m.dense = append(m.dense, n.Dense())
	}
}
