package ner

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// Lexicon is what unlabelled text teaches about words: distributional word
// clusters at three granularities, and how often each word is capitalised
// where capitals are not forced by the sentence start.
type Lexicon struct {
	lex *lexicon
}

// Len is the number of words in the lexicon.
func (l *Lexicon) Len() int { return len(l.lex.words) }

// LexiconConfig sets how BuildLexicon builds.
type LexiconConfig struct {
	MinCount int    // words seen fewer times are left out (default 5)
	MaxWords int    // at most this many words, the most frequent (default 60000)
	K        [3]int // cluster counts, coarse to fine (default 64, 256, 1024)
	Iters    int    // k-means iterations (default 8)
	Log      io.Writer
}

const (
	lexDims     = 96
	lexContexts = 1000
)

// BuildLexicon learns a Lexicon from tokenised sentences of unlabelled
// text. Words are represented by random projections of their left and right
// neighbours (two each side, weighted against frequent neighbours) and
// clustered with spherical k-means.
func BuildLexicon(ctx context.Context, sentences [][]string, cfg LexiconConfig) (*Lexicon, error) {
	if cfg.MinCount <= 0 {
		cfg.MinCount = 5
	}
	if cfg.MaxWords <= 0 {
		cfg.MaxWords = 60000
	}
	if cfg.K[0] == 0 {
		cfg.K = [3]int{64, 256, 1024}
	}
	if cfg.Iters <= 0 {
		cfg.Iters = 8
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	start := time.Now()
	count := map[string]int{}
	capCount := map[string]int{}
	inner := map[string]int{}
	ids := make([][]string, len(sentences))
	for si, s := range sentences {
		lws := make([]string, len(s))
		toks := make([]token, len(s))
		for i, w := range s {
			toks[i] = makeToken(w, nil)
			lws[i] = toks[i].lw
			count[lws[i]]++
		}
		ids[si] = lws
		if capsSentence(toks) {
			continue
		}
		for i := 1; i < len(toks); i++ {
			if !isWordStart(toks[i-1].w) || !(toks[i].upperFirst || toks[i].lowerFirst) {
				continue
			}
			inner[toks[i].lw]++
			if toks[i].upperFirst {
				capCount[toks[i].lw]++
			}
		}
	}
	type wc struct {
		w string
		n int
	}
	var vocab []wc
	for w, n := range count {
		if n >= cfg.MinCount {
			vocab = append(vocab, wc{w, n})
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if vocab[i].n != vocab[j].n {
			return vocab[i].n > vocab[j].n
		}
		return vocab[i].w < vocab[j].w
	})
	if len(vocab) > cfg.MaxWords {
		vocab = vocab[:cfg.MaxWords]
	}
	if len(vocab) == 0 {
		return nil, fmt.Errorf("build lexicon: no word seen %d times", cfg.MinCount)
	}
	id := make(map[string]int, len(vocab))
	for i, v := range vocab {
		id[v.w] = i
	}
	fmt.Fprintf(cfg.Log, "lexicon: %d sentences, %d words kept (%.1fs)\n", len(sentences), len(vocab), time.Since(start).Seconds())

	// Random ±1 projections of each (offset, context word).
	rng := rand.New(rand.NewPCG(7, 11))
	nctx := min(lexContexts, len(vocab))
	proj := make([]float32, 4*nctx*lexDims)
	for i := range proj {
		if rng.IntN(2) == 0 {
			proj[i] = -1
		} else {
			proj[i] = 1
		}
	}
	weight := make([]float32, nctx)
	for c := 0; c < nctx; c++ {
		weight[c] = float32(math.Pow(float64(vocab[c].n), -0.75))
	}
	vec := make([]float32, len(vocab)*lexDims)
	for _, s := range ids {
		for i, w := range s {
			v, ok := id[w]
			if !ok {
				continue
			}
			dst := vec[v*lexDims : v*lexDims+lexDims]
			for o, off := range [4]int{-2, -1, 1, 2} {
				j := i + off
				if j < 0 || j >= len(s) {
					continue
				}
				c, ok := id[s[j]]
				if !ok || c >= nctx {
					continue
				}
				p := proj[(o*nctx+c)*lexDims : (o*nctx+c)*lexDims+lexDims]
				wt := weight[c]
				for d := range dst {
					dst[d] += wt * p[d]
				}
			}
		}
	}
	for v := range vocab {
		normalize(vec[v*lexDims : v*lexDims+lexDims])
	}
	var assign [3][]uint16
	for g, k := range cfg.K {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t0 := time.Now()
		assign[g] = kmeans(vec, len(vocab), min(k, len(vocab)), cfg.Iters, rng)
		fmt.Fprintf(cfg.Log, "lexicon: k-means k=%d (%.1fs)\n", k, time.Since(t0).Seconds())
	}
	lex := &lexicon{words: make(map[string]lexEntry, len(vocab))}
	for i, v := range vocab {
		e := lexEntry{c1: assign[0][i], c2: assign[1][i] + 1<<12, c3: assign[2][i] + 2<<12}
		if n := inner[v.w]; n >= 3 {
			e.capRatio = uint8(5 * capCount[v.w] / n)
		} else {
			e.capRatio = 6 // unknown
		}
		lex.words[v.w] = e
	}
	return &Lexicon{lex: lex}, nil
}

func normalize(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	f := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= f
	}
}

// kmeans clusters n unit vectors into k groups by cosine similarity.
func kmeans(vec []float32, n, k, iters int, rng *rand.Rand) []uint16 {
	const D = lexDims
	cent := make([]float32, k*D)
	// Seed with the most frequent words spread out: every (n/k)-th word among
	// the frequent half, which covers common and rarer words.
	for c := 0; c < k; c++ {
		i := rng.IntN(n)
		if c < n/2 {
			i = c * (n / 2) / k
		}
		copy(cent[c*D:c*D+D], vec[i*D:i*D+D])
	}
	assign := make([]uint16, n)
	for it := 0; it < iters; it++ {
		for i := 0; i < n; i++ {
			v := vec[i*D : i*D+D]
			best, arg := float32(-2), 0
			for c := 0; c < k; c++ {
				ce := cent[c*D : c*D+D]
				var s float32
				for d := 0; d < D; d++ {
					s += v[d] * ce[d]
				}
				if s > best {
					best, arg = s, c
				}
			}
			assign[i] = uint16(arg)
		}
		clear(cent)
		for i := 0; i < n; i++ {
			c := int(assign[i])
			ce := cent[c*D : c*D+D]
			for d, x := range vec[i*D : i*D+D] {
				ce[d] += x
			}
		}
		for c := 0; c < k; c++ {
			normalize(cent[c*D : c*D+D])
		}
	}
	return assign
}
