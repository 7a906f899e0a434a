package cluster

import (
	"math"
	"slices"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// ArticleFeatureNames names the features of an (article, article) pair used
// by the repair split, in the order artFeatures returns them.
var ArticleFeatureNames = []string{
	"bias",
	"cos",         // TF-IDF cosine of the two articles' term vectors
	"lead_cos",    // TF-IDF cosine of their lead terms
	"ent_dice",    // rarity-weighted Dice overlap of their entities
	"bigram_dice", // rarity-weighted Dice overlap of their lead bigrams
	"num_dice",    // rarity-weighted Dice overlap of their numbers
	"minhash",     // estimated Jaccard of their word shingles
	"cos_sq",      // cos squared
	"lead_sq",     // lead_cos squared
	"cos_lead",    // cos × lead_cos
}

// idfDice is the rarity-weighted Dice overlap of two sorted id sets.
func (c *Clusterer) idfDice(a, b []int32) float64 {
	var shared, total float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			total += c.idf(a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			total += c.idf(b[j])
			j++
		default:
			w := c.idf(a[i])
			shared += 2 * w
			total += 2 * w
			i++
			j++
		}
	}
	if total == 0 {
		return 0
	}
	return shared / total
}

func (c *Clusterer) bigramWeight(b uint64) float64 {
	return (c.idf(int32(b>>32)) + c.idf(int32(uint32(b)))) / 2
}

// bigramDice is the rarity-weighted Dice overlap of two sorted bigram sets.
func (c *Clusterer) bigramDice(a, b []uint64) float64 {
	var shared, total float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			total += c.bigramWeight(a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			total += c.bigramWeight(b[j])
			j++
		default:
			w := c.bigramWeight(a[i])
			shared += 2 * w
			total += 2 * w
			i++
			j++
		}
	}
	if total == 0 {
		return 0
	}
	return shared / total
}

// artVecs is an article's vectors weighted by the current idf.
type artVecs struct{ vec, lead []tw }

func (c *Clusterer) artVecs(a *article) artVecs {
	return artVecs{c.weighted(a.vec), c.weighted(a.lead)}
}

// artFeatures describes how two stored articles relate.
func (c *Clusterer) artFeatures(a, b *article, va, vb artVecs) []float64 {
	cos := dot(va.vec, vb.vec)
	lead := dot(va.lead, vb.lead)
	mh := 0.0
	if len(a.sig) == dedup.NumHashes && len(b.sig) == dedup.NumHashes {
		mh = dedup.Similarity(a.sig, b.sig)
	}
	return []float64{
		1,
		cos,
		lead,
		c.idfDice(a.ents, b.ents),
		c.bigramDice(a.bigrams, b.bigrams),
		c.idfDice(a.nums, b.nums),
		mh,
		cos * cos,
		lead * lead,
		cos * lead,
	}
}

// ArticlePairs lists (article, earlier article) pairs for the article-pair
// model: each article (in order, joining its gold story as in Pairs) with
// the earlier articles the article postings propose, labelled by whether
// both have the same gold story. keep selects articles by gold story id
// (nil: all).
func ArticlePairs(arts []*news.Article, gold map[string]string, cfg Config, keep func(string) bool) (x [][]float64, y []bool) {
	cfg.Model = nil
	c := New(cfg)
	var golds []string
	for _, a := range arts {
		g := gold[a.ID]
		if keep != nil && !keep(g) {
			continue
		}
		p := c.prepare(a)
		near := c.nearArticles(p)
		s, ok := c.byID["g:"+g]
		if !ok {
			s = c.addStory("g:" + g)
		}
		c.join(a, p, s)
		golds = append(golds, g)
		me := &c.arts[len(c.arts)-1]
		vm := c.artVecs(me)
		for _, o := range near {
			other := &c.arts[o]
			x = append(x, c.artFeatures(me, other, vm, c.artVecs(other)))
			y = append(y, golds[o] == g)
		}
	}
	return x, y
}

// nearArticles returns the earlier articles nearest finds for p (the
// strongest 2×MaxCandidates by posting votes), in a fixed order.
func (c *Clusterer) nearArticles(p *prepared) []int32 {
	if len(c.artVotes) < len(c.arts) {
		c.artVotes = append(c.artVotes, make([]float64, len(c.arts)-len(c.artVotes))...)
	}
	var touched []int32
	for _, x := range p.salient {
		for _, a := range c.artPost[x.t] {
			if c.artVotes[a] == 0 {
				touched = append(touched, a)
			}
			c.artVotes[a] += float64(x.w)
		}
	}
	slices.SortFunc(touched, func(a, b int32) int {
		if c.artVotes[a] != c.artVotes[b] {
			if c.artVotes[a] > c.artVotes[b] {
				return -1
			}
			return 1
		}
		return int(a - b)
	})
	for _, a := range touched {
		c.artVotes[a] = 0
	}
	return touched[:min(len(touched), 2*c.cfg.MaxCandidates)]
}

// logistic is the probability of weights w over features x.
func logistic(w, x []float64) float64 {
	z := 0.0
	for i, v := range w {
		z += v * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}
