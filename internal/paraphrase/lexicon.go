package paraphrase

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/nn"
)

// lexicon is what unlabelled news text teaches about words: the inverse
// document frequency of each lowercase word and its unit word vector.
type lexicon struct {
	index  map[string]int32
	words  []string
	idf    []float32
	unseen float32 // IDF of a word outside the lexicon
	dim    int
	vecs   []float32 // len(words) rows of dim
}

// lexiconConfig sets how buildLexicon learns.
type lexiconConfig struct {
	MinCount int // words seen fewer times get no entry (default 5)
	MaxWords int // at most this many words, the most frequent (default 30000)
	Dim      int // vector dimensions; 0 for none
	Epochs   int // skip-gram passes over the text (default 5)
	Window   int // context words each side (default 5)
	Negative int // negative samples per context word (default 5)
	Seed     uint64
	Log      func(format string, args ...any)
}

func (c *lexiconConfig) defaults() {
	if c.MinCount <= 0 {
		c.MinCount = 5
	}
	if c.MaxWords <= 0 {
		c.MaxWords = 30000
	}
	if c.Epochs <= 0 {
		c.Epochs = 5
	}
	if c.Window <= 0 {
		c.Window = 5
	}
	if c.Negative <= 0 {
		c.Negative = 5
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Log == nil {
		c.Log = func(string, ...any) {}
	}
}

// buildLexicon learns IDF (sentences as documents) and skip-gram word
// vectors with negative sampling (word2vec) from lowercase tokenised
// sentences.
func buildLexicon(ctx context.Context, sents [][]string, cfg lexiconConfig) (*lexicon, error) {
	cfg.defaults()
	count := map[string]int{}
	df := map[string]int{}
	seen := map[string]bool{}
	for _, s := range sents {
		clear(seen)
		for _, w := range s {
			count[w]++
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	var vocab []string
	for w, c := range count {
		if c >= cfg.MinCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if count[vocab[i]] != count[vocab[j]] {
			return count[vocab[i]] > count[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	if len(vocab) > cfg.MaxWords {
		vocab = vocab[:cfg.MaxWords]
	}
	n := float64(len(sents))
	l := &lexicon{index: make(map[string]int32, len(vocab)), words: vocab, idf: make([]float32, len(vocab)),
		unseen: float32(math.Log((n+1)/2) + 1), dim: cfg.Dim}
	counts := make([]int, len(vocab))
	for i, w := range vocab {
		l.index[w] = int32(i)
		l.idf[i] = float32(math.Log((n+1)/float64(df[w]+1)) + 1)
		counts[i] = count[w]
	}
	ids := make([][]int32, 0, len(sents))
	var total int
	for _, s := range sents {
		row := make([]int32, 0, len(s))
		for _, w := range s {
			if i, ok := l.index[w]; ok {
				row = append(row, i)
			}
		}
		if len(row) > 1 {
			ids = append(ids, row)
			total += len(row)
		}
	}
	cfg.Log("lexicon: %d sentences, %d words, %d tokens in vocabulary", len(sents), len(vocab), total)
	if cfg.Dim <= 0 {
		l.dim = 0
		return l, nil
	}
	vecs, err := skipGram(ctx, ids, counts, total, cfg)
	if err != nil {
		return nil, err
	}
	l.vecs = vecs
	return l, nil
}

// skipGram trains word2vec skip-gram vectors with negative sampling and
// frequent-word subsampling, and returns them at unit length.
func skipGram(ctx context.Context, sents [][]int32, counts []int, total int, cfg lexiconConfig) ([]float32, error) {
	V, D := len(counts), cfg.Dim
	r := rand.New(rand.NewPCG(cfg.Seed, 11))
	in := make([]float32, V*D)
	out := make([]float32, V*D)
	for i := range in {
		in[i] = (r.Float32() - 0.5) / float32(D)
	}
	// Negative-sampling table over counts^0.75.
	table := make([]int32, 1<<22)
	var z float64
	for _, c := range counts {
		z += math.Pow(float64(c), 0.75)
	}
	w, acc := 0, math.Pow(float64(counts[0]), 0.75)/z
	for i := range table {
		table[i] = int32(w)
		if float64(i+1)/float64(len(table)) > acc && w < V-1 {
			w++
			acc += math.Pow(float64(counts[w]), 0.75) / z
		}
	}
	keep := make([]float64, V)
	const sample = 1e-4
	for i, c := range counts {
		f := float64(c) / float64(total)
		keep[i] = min(1, (math.Sqrt(f/sample)+1)*sample/f)
	}
	grad := make([]float32, D)
	const alpha0 = 0.025
	steps := float64(cfg.Epochs * total)
	done := 0
	buf := make([]int32, 0, 64)
	for ep := range cfg.Epochs {
		var loss float64
		var pairs int
		for si, s := range sents {
			if si%2000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			buf = buf[:0]
			for _, id := range s {
				if keep[id] >= 1 || r.Float64() < keep[id] {
					buf = append(buf, id)
				}
			}
			alpha := float32(alpha0 * max(1e-4, 1-float64(done)/steps))
			done += len(s)
			for i, c := range buf {
				b := r.IntN(cfg.Window)
				for j := i - cfg.Window + b; j <= i+cfg.Window-b; j++ {
					if j < 0 || j >= len(buf) || j == i {
						continue
					}
					vi := in[int(buf[j])*D : int(buf[j]+1)*D]
					clear(grad)
					for k := 0; k <= cfg.Negative; k++ {
						target, label := c, float32(1)
						if k > 0 {
							target = table[r.IntN(len(table))]
							if target == c {
								continue
							}
							label = 0
						}
						vo := out[int(target)*D : int(target+1)*D]
						f := sigmoid(nn.Dot(vi, vo))
						if label == 1 {
							loss -= math.Log(float64(f) + 1e-7)
							pairs++
						}
						g := (label - f) * alpha
						for d := range grad {
							grad[d] += g * vo[d]
							vo[d] += g * vi[d]
						}
					}
					for d := range grad {
						vi[d] += grad[d]
					}
				}
			}
		}
		cfg.Log("vectors: epoch %d loss %.4f", ep+1, loss/float64(max(pairs, 1)))
	}
	for i := range V {
		v := in[i*D : (i+1)*D]
		var n float64
		for _, x := range v {
			n += float64(x * x)
		}
		if n > 0 {
			s := float32(1 / math.Sqrt(n))
			for d := range v {
				v[d] *= s
			}
		}
	}
	return in, nil
}

func sigmoid(x float32) float32 {
	switch {
	case x > 8:
		return 1
	case x < -8:
		return 0
	}
	return float32(1 / (1 + math.Exp(-float64(x))))
}
