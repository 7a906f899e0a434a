package cluster

import (
	"math"
	"slices"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// LinkFeatureNames names the features of a pair of stories that repair's
// story merge (link) judges with the story-pair model (Model.LinkWeights).
var LinkFeatureNames = []string{
	"bias",
	"mean_prob",  // mean article-pair probability between the stories' members
	"max_prob",   // highest of them
	"min_prob",   // lowest of them
	"strong",     // share of member pairs at probability 0.5 or above
	"centroid",   // cosine of the idf-weighted centroids
	"lead",       // cosine of the idf-weighted lead centroids
	"ent_dice",   // rarity-weighted Dice overlap of the entities
	"num_dice",   // rarity-weighted Dice overlap of the numbers
	"log_small",  // log(1 + size of the smaller story)
	"log_large",  // log(1 + size of the larger story)
	"date_known", // both stories have publication dates
	"date_gap",   // log(1 + days between their date ranges), 0 when unknown
}

func keys(m map[int32]int) []int32 {
	out := make([]int32, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// linkFeatures computes LinkFeatureNames for stories s and o.
func (c *Clusterer) linkFeatures(s, o int32) []float64 {
	a, b := c.stories[s], c.stories[o]
	st := c.pairStats(a.members, b.members)
	small, large := len(a.members), len(b.members)
	if small > large {
		small, large = large, small
	}
	known, gap := 0.0, 0.0
	if a.first != 0 && b.first != 0 {
		known = 1
		d := max(a.first-b.last, b.first-a.last, 0)
		gap = math.Log1p(float64(d))
	}
	return []float64{
		1,
		st.mean, st.max, st.min, st.strong,
		cosine(a.cw, b.cw),
		cosine(a.leadW, b.leadW),
		c.idfDice(keys(a.ents), keys(b.ents)),
		c.idfDice(keys(a.nums), keys(b.nums)),
		math.Log1p(float64(small)),
		math.Log1p(float64(large)),
		known, gap,
	}
}

// majority returns the most common gold story among members (ties: the
// smallest id).
func majority(c *Clusterer, gold map[string]string, members []int32) string {
	n := map[string]int{}
	best := ""
	for _, m := range members {
		g := gold[c.arts[m].id]
		n[g]++
		if n[g] > n[best] || n[g] == n[best] && g < best {
			best = g
		}
	}
	return best
}

// LinkPairs lists the story pairs repair's story merge would judge on the
// clustering cfg predicts (articles added in order, then repaired with the
// story merge off): for every story, the candidates the inverted index
// proposes, with their features (cfg.Model must have article weights) and
// whether the two stories' majority gold stories are the same. keep selects
// the articles by gold story id (nil: all).
func LinkPairs(arts []*news.Article, gold map[string]string, cfg Config, keep func(string) bool) (x [][]float64, y []bool) {
	cfg.LinkProb = 0
	c := New(cfg)
	for _, a := range arts {
		if keep == nil || keep(gold[a.ID]) {
			c.Add(a)
		}
	}
	c.Repair()
	judged := map[[2]int32]bool{}
	votes := map[int32]float64{}
	for s := int32(0); s < int32(len(c.stories)); s++ {
		if c.stories[s].into >= 0 || len(c.stories[s].members) == 0 {
			continue
		}
		for _, o := range c.linkCands(s, votes) {
			key := [2]int32{min(s, o), max(s, o)}
			if judged[key] {
				continue
			}
			judged[key] = true
			x = append(x, c.linkFeatures(s, o))
			y = append(y, majority(c, gold, c.stories[s].members) == majority(c, gold, c.stories[o].members))
		}
	}
	return x, y
}
