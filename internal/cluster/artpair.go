package cluster

import (
	"cmp"
	"math"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// ArticleFeatureNames names the features of an (article, article) pair used
// by the repair split, in the order artFeatures returns them.
var ArticleFeatureNames = []string{
	"bias",
	"cos",           // TF-IDF cosine of the two articles' term vectors
	"lead_cos",      // TF-IDF cosine of their lead terms
	"ent_dice",      // rarity-weighted Dice overlap of their entities
	"bigram_dice",   // rarity-weighted Dice overlap of their lead bigrams
	"num_dice",      // rarity-weighted Dice overlap of their numbers
	"minhash",       // estimated Jaccard of their word shingles
	"cos_sq",        // cos squared
	"lead_sq",       // lead_cos squared
	"cos_lead",      // cos × lead_cos
	"lead_ent_dice", // rarity-weighted Dice overlap of the entities named in their leads
	"lead_ent_any",  // both leads name entities
	"local_cos",     // cosine with terms weighted by idf × their rarity inside the story
	"local_lead",    // the same over lead terms
}

// idfDice is the rarity-weighted Dice overlap of two sorted id sets.
func (c *Clusterer) idfDice(a, b []int32) float64 { return weightedDice(a, b, c.idf) }

func (c *Clusterer) bigramWeight(b uint64) float64 {
	return (c.idf(int32(b>>32)) + c.idf(int32(uint32(b)))) / 2
}

// bigramDice is the rarity-weighted Dice overlap of two sorted bigram sets.
func (c *Clusterer) bigramDice(a, b []uint64) float64 { return weightedDice(a, b, c.bigramWeight) }

// weightedDice is the Dice overlap of two sorted sets, each element counted
// with its weight.
func weightedDice[K cmp.Ordered](a, b []K, weight func(K) float64) float64 {
	var shared, total float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			total += weight(a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			total += weight(b[j])
			j++
		default:
			w := weight(a[i])
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

// artVecs is an article's vectors weighted by the current idf, and by idf
// times the term's rarity among the story's articles (local).
type artVecs struct{ vec, lead, lvec, llead []tw }

// storyVecs weights the vectors of a story's members. A term's local
// weight is idf × log((n+1)/(k+1)) for a term in k of the n members: words
// every member uses (the event) count for nothing, words a subset uses
// (who was named, what was claimed) count most.
func (c *Clusterer) storyVecs(members []int32) []artVecs {
	n := len(members)
	dfv, dfl := map[int32]int{}, map[int32]int{}
	for _, m := range members {
		for _, x := range c.arts[m].vec {
			dfv[x.t]++
		}
		for _, x := range c.arts[m].lead {
			dfl[x.t]++
		}
	}
	local := func(v []tw, df map[int32]int) []tw {
		out := make([]tw, len(v))
		for i, x := range v {
			out[i] = tw{x.t, float32(float64(x.w) * math.Log(float64(n+1)/float64(df[x.t]+1)))}
		}
		return c.weighted(out)
	}
	vs := make([]artVecs, n)
	for i, m := range members {
		a := &c.arts[m]
		vs[i] = artVecs{c.weighted(a.vec), c.weighted(a.lead), local(a.vec, dfv), local(a.lead, dfl)}
	}
	return vs
}

// artFeatures describes how two stored articles relate.
func (c *Clusterer) artFeatures(a, b *article, va, vb artVecs) []float64 {
	cos := dot(va.vec, vb.vec)
	lead := dot(va.lead, vb.lead)
	mh := 0.0
	if len(a.sig) == dedup.NumHashes && len(b.sig) == dedup.NumHashes {
		mh = dedup.Similarity(a.sig, b.sig)
	}
	leadAny := 0.0
	if len(a.leadEnts) > 0 && len(b.leadEnts) > 0 {
		leadAny = 1
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
		c.idfDice(a.leadEnts, b.leadEnts),
		leadAny,
		dot(va.lvec, vb.lvec),
		dot(va.llead, vb.llead),
	}
}

// logistic is the probability of weights w over features x.
func logistic(w, x []float64) float64 {
	z := 0.0
	for i, v := range w {
		z += v * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// StoryPairs lists the article pairs inside the stories cfg predicts (before
// repair), labelled by whether both have the same gold story: the pairs the
// repair split has to tell apart. keep selects articles by gold story id
// (nil: all).
func StoryPairs(arts []*news.Article, gold map[string]string, cfg Config, keep func(string) bool) (x [][]float64, y []bool) {
	c := New(cfg)
	for _, a := range arts {
		if keep == nil || keep(gold[a.ID]) {
			c.Add(a)
		}
	}
	for _, st := range c.stories {
		n := len(st.members)
		if st.into >= 0 || n < 2 || n > maxAvgLink {
			continue
		}
		vs := c.storyVecs(st.members)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				a, b := &c.arts[st.members[i]], &c.arts[st.members[j]]
				x = append(x, c.artFeatures(a, b, vs[i], vs[j]))
				y = append(y, gold[a.id] == gold[b.id])
			}
		}
	}
	return x, y
}
