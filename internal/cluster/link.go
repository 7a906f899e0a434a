package cluster

import (
	"cmp"
	"slices"
)

// Limits of repair's story merge (link).
const (
	linkTerms      = 24 // strongest centroid terms a story looks its candidates up by
	linkCandidates = 4  // candidate stories judged per changed story
	linkSample     = 16 // members per story in the average (evenly spaced)
)

// link merges stories whose members the article-pair model links strongly:
// for every story changed since the last repair, the few stories the
// inverted index proposes for its strongest centroid terms are judged by
// the mean article-pair probability between their members (average link,
// at most linkSample members each); a candidate at LinkProb or above is
// merged in, the older story keeping its id. The cost is bounded by the
// stories changed. It returns, per article moved, its story before.
func (c *Clusterer) link(dirty []int32) (moved map[int32]string, grown []int32) {
	if c.cfg.LinkProb <= 0 || c.cfg.Model == nil || len(c.cfg.Model.ArticleWeights) == 0 {
		return nil, nil
	}
	moved = map[int32]string{}
	judged := map[[2]int32]bool{}
	into := map[int32]bool{}
	votes := map[int32]float64{}
	for _, s := range dirty {
		if c.stories[s].into >= 0 || len(c.stories[s].members) == 0 {
			continue
		}
		for _, o := range c.linkCands(s, votes) {
			s = c.live(s)
			if o = c.live(o); o == s {
				continue
			}
			key := [2]int32{min(s, o), max(s, o)}
			if judged[key] {
				continue
			}
			judged[key] = true

			if !c.linkEvidence(s, o) || c.linkProb(s, o) < c.cfg.LinkProb {
				continue
			}
			a, b := min(s, o), max(s, o)
			for _, m := range c.stories[b].members {
				if _, ok := moved[m]; !ok {
					moved[m] = c.stories[b].id
				}
			}
			c.merge(a, b)
			st := c.stories[a]
			st.checked = max(st.checked, len(st.members))
			s = a
			if !into[a] {
				into[a] = true
				grown = append(grown, a)
			}
		}
	}
	return moved, grown
}

// linkCands returns the candidate stories the inverted index proposes for
// story s, voting with its strongest centroid terms: at most linkCandidates,
// most votes first. votes is scratch space.
func (c *Clusterer) linkCands(s int32, votes map[int32]float64) []int32 {
	clear(votes)
	top := append([]tw(nil), c.stories[s].cw...)
	slices.SortFunc(top, heavier)
	for _, x := range top[:min(len(top), linkTerms)] {
		for _, o := range c.index[x.t] {
			if o = c.live(o); o != s {
				votes[o] += float64(x.w)
			}
		}
	}
	cands := make([]int32, 0, len(votes))
	for o := range votes {
		cands = append(cands, o)
	}
	slices.SortFunc(cands, func(a, b int32) int {
		if votes[a] != votes[b] {
			return cmp.Compare(votes[b], votes[a])
		}
		return cmp.Compare(a, b)
	})
	return cands[:min(len(cands), linkCandidates)]
}

// linkEvidence reports whether stories s and o share enough words to be
// one story at all: their idf-weighted centroids and their lead centroids
// at least at the configured cosines. The story-pair model reads its
// article pairs' probabilities, and the article-pair model, trained on
// news naming people and places, gives pages that name none (blog posts,
// site pages sharing a template) a high probability on a few common words;
// the model's right merges on FNC-1 have cosines above these levels (5th
// percentile: centroid 0.17, lead 0.11).
func (c *Clusterer) linkEvidence(s, o int32) bool {
	a, b := c.stories[s], c.stories[o]
	return cosine(a.cw, b.cw) >= c.cfg.LinkCentroid && cosine(a.leadW, b.leadW) >= c.cfg.LinkLead
}

// linkProb is the probability that stories s and o are one: the story-pair
// model's when the model has one, else the mean article-pair probability.
func (c *Clusterer) linkProb(s, o int32) float64 {
	if w := c.cfg.Model.LinkWeights; len(w) == len(LinkFeatureNames) {
		return logistic(w, c.linkFeatures(s, o))
	}
	st := c.pairStats(c.stories[s].members, c.stories[o].members)
	return st.mean
}

// sample returns at most n of members, evenly spaced.
func sample(members []int32, n int) []int32 {
	if len(members) <= n {
		return members
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = members[i*len(members)/n]
	}
	return out
}

type probStats struct{ mean, max, min, strong float64 }

// pairStats summarises the article-pair probabilities between two stories'
// members (at most linkSample each, story-local weights over both): mean,
// max, min and the share at 0.5 or above.
func (c *Clusterer) pairStats(x, y []int32) probStats {
	x, y = sample(x, linkSample), sample(y, linkSample)
	all := append(append([]int32(nil), x...), y...)
	vs := c.storyVecs(all)
	w := c.cfg.Model.ArticleWeights
	st := probStats{min: 1}
	for i := range x {
		for j := range y {
			k := len(x) + j
			p := logistic(w, c.artFeatures(&c.arts[all[i]], &c.arts[all[k]], vs[i], vs[k]))
			st.mean += p
			st.max = max(st.max, p)
			st.min = min(st.min, p)
			if p >= 0.5 {
				st.strong++
			}
		}
	}
	n := float64(len(x) * len(y))
	st.mean /= n
	st.strong /= n
	return st
}
