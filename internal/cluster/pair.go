package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// FeatureNames names the features of an (article, candidate story) pair, in
// the order pairFeatures returns them; the first is the bias.
var FeatureNames = []string{
	"bias",
	"centroid_cos",    // TF-IDF cosine against the story centroid
	"member_cos",      // best cosine against one of the story's articles
	"member_cos2",     // second best
	"ent_share",       // rarity-weighted share of the article's entities found in the story
	"ent_central",     // rarity-weighted mean share of the story's articles naming each entity
	"ent_rare_shared", // log(1 + summed idf of shared entities) / 3
	"lead_cos",        // cosine of the article's lead terms against the story's lead terms
	"num_share",       // rarity-weighted share of the article's numbers found in the story
	"passages",        // shared passage fingerprints, up to 3, / 3
	"size",            // log(1 + story articles) / 3
	"has_ents",        // the article has entities
	"best_cos",        // max(centroid_cos, member_cos)
	"best_cos_sq",     // its square
	"bigram_share",    // rarity-weighted share of the article's lead bigrams found among the story's
	"lead_ent_new",    // rarity-weighted share of the entities in the article's lead absent from the story
	"salient_new",     // rarity-weighted share of the article's salient terms absent from the story centroid
}

// pairFeatures describes how article p relates to candidate story s. The
// scratch arrays must hold s's member cosines and passage hits (between
// candidates and reset).
func (c *Clusterer) pairFeatures(p *prepared, s int32) []float64 {
	st := c.stories[s]
	size := float64(len(st.members))
	cos := dot(p.weighted, st.cw)
	var shared, total, central float64
	for _, e := range p.ents {
		w := c.idf(e)
		total += w
		if n := st.ents[e]; n > 0 {
			shared += w
			central += w * math.Min(1, float64(n)/size)
		}
	}
	var entShare, entCentral, hasEnts float64
	if total > 0 {
		entShare, entCentral, hasEnts = shared/total, central/total, 1
	}
	var nShared, nTotal float64
	for _, e := range p.nums {
		w := c.idf(e)
		nTotal += w
		if st.nums[e] > 0 {
			nShared += w
		}
	}
	numShare := 0.0
	if nTotal > 0 {
		numShare = nShared / nTotal
	}
	var bShared, bTotal float64
	for _, b := range p.bigrams {
		w := (c.idf(int32(b>>32)) + c.idf(int32(uint32(b)))) / 2
		bTotal += w
		if _, ok := slices.BinarySearch(st.bigrams, b); ok {
			bShared += w
		}
	}
	bigramShare := 0.0
	if bTotal > 0 {
		bigramShare = bShared / bTotal
	}
	var leNew, leTotal float64
	for _, e := range p.leadEnts {
		w := c.idf(e)
		leTotal += w
		if st.ents[e] == 0 {
			leNew += w
		}
	}
	leadEntNew := 0.0
	if leTotal > 0 {
		leadEntNew = leNew / leTotal
	}
	var sNew, sTotal float64
	for _, x := range p.salient {
		w := c.idf(x.t)
		sTotal += w
		if _, ok := slices.BinarySearchFunc(st.centroid, x, byTerm); !ok {
			sNew += w
		}
	}
	salientNew := 0.0
	if sTotal > 0 {
		salientNew = sNew / sTotal
	}
	best := math.Max(cos, c.nearCos[s])
	return []float64{
		1,
		cos,
		c.nearCos[s],
		c.near2[s],
		entShare,
		entCentral,
		math.Log1p(shared) / 3,
		dot(p.leadW, st.leadW),
		numShare,
		float64(c.passHits[s]) / 3,
		math.Log1p(size) / 3,
		hasEnts,
		best,
		best * best,
		bigramShare,
		leadEntNew,
		salientNew,
	}
}

// Model is a logistic regression over pair features with the join and
// merge thresholds chosen for it by cross-validation.
type Model struct {
	Weights        []float64
	Threshold      float64 // least probability to join a story
	MergeThreshold float64 // least probability with a second story to merge it
	SplitLink      float64 // repair's average-link level (Config.SplitLink), 0 for single link
	// ArticleWeights, when present, is a logistic model over article pairs
	// (ArticleFeatureNames) that repair's average link uses, at level
	// SplitProb, instead of the mean of full and lead cosines.
	ArticleWeights []float64
	SplitProb      float64
	SplitMin       int     // least articles of a group split off, 0 for the default
	LinkProb       float64 // repair's story merge level (Config.LinkProb), 0 for none
	// LinkWeights, when present, is a logistic model over story pairs
	// (LinkFeatureNames) whose probability the story merge compares with
	// LinkProb, instead of the mean article-pair probability.
	LinkWeights []float64
}

// Prob is the probability that the pair with features x is one story.
func (m *Model) Prob(x []float64) float64 {
	z := 0.0
	for i, w := range m.Weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// Write writes the model as gzipped "name<TAB>value" lines.
func (m *Model) Write(w io.Writer) error {
	zw := gzip.NewWriter(w)
	fmt.Fprintf(zw, "threshold\t%g\nmerge_threshold\t%g\nsplit_link\t%g\n", m.Threshold, m.MergeThreshold, m.SplitLink)
	for i, name := range FeatureNames {
		fmt.Fprintf(zw, "w.%s\t%.6g\n", name, m.Weights[i])
	}
	if len(m.ArticleWeights) == len(ArticleFeatureNames) {
		fmt.Fprintf(zw, "split_prob\t%g\nsplit_min\t%d\n", m.SplitProb, m.SplitMin)
		if m.LinkProb > 0 {
			fmt.Fprintf(zw, "link_prob\t%g\n", m.LinkProb)
		}
		for i, name := range ArticleFeatureNames {
			fmt.Fprintf(zw, "a.%s\t%.6g\n", name, m.ArticleWeights[i])
		}
		if len(m.LinkWeights) == len(LinkFeatureNames) {
			for i, name := range LinkFeatureNames {
				fmt.Fprintf(zw, "l.%s\t%.6g\n", name, m.LinkWeights[i])
			}
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write story model: %w", err)
	}
	return nil
}

// ReadModel reads a model written by Write.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read story model: %w", err)
	}
	m := &Model{Weights: make([]float64, len(FeatureNames))}
	index := map[string]int{}
	for i, n := range FeatureNames {
		index[n] = i
	}
	aIndex := map[string]int{}
	for i, n := range ArticleFeatureNames {
		aIndex[n] = i
	}
	lIndex := map[string]int{}
	for i, n := range LinkFeatureNames {
		lIndex[n] = i
	}
	seen, aSeen, lSeen := 0, 0, 0
	lw := make([]float64, len(LinkFeatureNames))
	aw := make([]float64, len(ArticleFeatureNames))
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("read story model: bad line %q", sc.Text())
		}
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			return nil, fmt.Errorf("read story model: %w", err)
		}
		switch {
		case name == "threshold":
			m.Threshold = v
		case name == "merge_threshold":
			m.MergeThreshold = v
		case name == "split_link":
			m.SplitLink = v
		case name == "split_prob":
			m.SplitProb = v
		case name == "split_min":
			m.SplitMin = int(v)
		case name == "link_prob":
			m.LinkProb = v
		case strings.HasPrefix(name, "a."):
			i, ok := aIndex[name[2:]]
			if !ok {
				return nil, fmt.Errorf("read story model: unknown article feature %q", name[2:])
			}
			aw[i] = v
			aSeen++
		case strings.HasPrefix(name, "l."):
			i, ok := lIndex[name[2:]]
			if !ok {
				return nil, fmt.Errorf("read story model: unknown story-pair feature %q", name[2:])
			}
			lw[i] = v
			lSeen++
		case strings.HasPrefix(name, "w."):
			i, ok := index[name[2:]]
			if !ok {
				return nil, fmt.Errorf("read story model: unknown feature %q", name[2:])
			}
			m.Weights[i] = v
			seen++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read story model: %w", err)
	}
	if seen != len(FeatureNames) || m.Threshold <= 0 || m.MergeThreshold < m.Threshold {
		return nil, fmt.Errorf("read story model: incomplete model")
	}
	switch aSeen {
	case 0:
	case len(ArticleFeatureNames):
		m.ArticleWeights = aw
	default:
		return nil, fmt.Errorf("read story model: incomplete article model")
	}
	switch lSeen {
	case 0:
	case len(LinkFeatureNames):
		if m.ArticleWeights == nil {
			return nil, fmt.Errorf("read story model: story-pair model without article model")
		}
		m.LinkWeights = lw
	default:
		return nil, fmt.Errorf("read story model: incomplete story-pair model")
	}
	return m, nil
}

//go:embed weights/story.tsv.gz
var embedded []byte

var defaultModel = sync.OnceValues(func() (*Model, error) { return ReadModel(bytes.NewReader(embedded)) })

// DefaultModel returns the embedded model written by `crosscheck train
// cluster`, or nil when it cannot be read.
func DefaultModel() *Model {
	m, err := defaultModel()
	if err != nil {
		return nil
	}
	return m
}
