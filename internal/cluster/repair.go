package cluster

import (
	"math"
	"sort"
)

// Move is one article moved to another story by the repair pass.
type Move struct {
	ArticleID string
	From, To  string // story ids
}

// Repair checks every story that has at least doubled in size since its last
// check (and has at least four articles) and splits it when its articles
// fall apart into groups that no longer resemble each other: a story that
// drifted as loosely related articles joined it one by one. The largest
// group keeps the story's id; the others, when they have at least two
// articles, become new stories. The cost is bounded by the articles added
// since the last repair, amortised. Moves are returned in article order.
func (c *Clusterer) Repair() []Move {
	var moves []Move
	for s := int32(0); s < int32(len(c.stories)); s++ {
		st := c.stories[s]
		if st.into >= 0 || len(st.members) < 4 || len(st.members) < 2*st.checked {
			continue
		}
		st.checked = len(st.members)
		moves = append(moves, c.split(s)...)
	}
	dirty := c.dirty
	c.dirty = nil
	for _, s := range dirty {
		c.stories[s].dirty = false
	}
	moved, grown := c.link(dirty)
	// A story the link pass grew is checked once more, for a core: joining
	// stories two by two can chain a run of loosely related ones.
	for _, s := range grown {
		if st := c.stories[s]; st.into < 0 && len(st.members) >= 4 {
			for _, m := range c.split(s) {
				if _, ok := moved[c.artIdx[m.ArticleID]]; !ok {
					moved[c.artIdx[m.ArticleID]] = m.From
				}
			}
		}
	}
	for _, s := range c.dirty {
		c.stories[s].dirty = false
	}
	c.dirty = nil
	if len(moved) > 0 {
		from := map[string]string{}
		for _, m := range moves {
			from[m.ArticleID] = m.From
		}
		moves = moves[:0]
		for ai, f := range moved {
			id := c.arts[ai].id
			if _, ok := from[id]; !ok {
				from[id] = f
			}
		}
		for id, f := range from {
			if to, _ := c.StoryOf(id); to != f {
				moves = append(moves, Move{ArticleID: id, From: f, To: to})
			}
		}
	}
	sort.Slice(moves, func(i, j int) bool {
		return c.artIdx[moves[i].ArticleID] < c.artIdx[moves[j].ArticleID]
	})
	return moves
}

// weighted returns v weighted by current idf and L2-normalised.
func (c *Clusterer) weighted(v []tw) []tw {
	out := make([]tw, len(v))
	var n float64
	for i, x := range v {
		w := float64(x.w) * c.idf(x.t)
		out[i] = tw{x.t, float32(w)}
		n += w * w
	}
	if n > 0 {
		n = math.Sqrt(n)
		for i := range out {
			out[i].w = float32(float64(out[i].w) / n)
		}
	}
	return out
}

func cosine(a, b []tw) float64 {
	na, nb := dot(a, a), dot(b, b)
	if na == 0 || nb == 0 {
		return 0
	}
	return dot(a, b) / math.Sqrt(na*nb)
}

// split regroups story s's members by single-link over their own vectors
// (members linked when their cosine reaches SplitThreshold) and splits off
// every group of two or more but the largest.
func (c *Clusterer) split(s int32) []Move {
	st := c.stories[s]
	n := len(st.members)
	vecs := make([][]tw, n)
	for i, m := range st.members {
		vecs[i] = c.weighted(c.arts[m].vec)
	}
	var groups map[int][]int
	if c.cfg.SplitProb > 0 && c.cfg.Model != nil && len(c.cfg.Model.ArticleWeights) > 0 && n <= maxAvgLink {
		groups = c.averageLinkProb(st.members)
	} else if c.cfg.SplitLink > 0 && n <= maxAvgLink {
		groups = c.averageLink(st.members, vecs)
	} else {
		groups = singleLink(vecs, c.cfg.SplitThreshold)
	}
	if len(groups) == 1 {
		return nil
	}
	roots := make([]int, 0, len(groups))
	for r := range groups {
		roots = append(roots, r)
	}
	sort.Slice(roots, func(i, j int) bool {
		gi, gj := groups[roots[i]], groups[roots[j]]
		if len(gi) != len(gj) {
			return len(gi) > len(gj)
		}
		return gi[0] < gj[0]
	})
	var moves []Move
	keep := map[int32]bool{}
	for _, i := range groups[roots[0]] {
		keep[st.members[i]] = true
	}
	// A story whose largest group holds less than half its articles has no
	// core: pages that resemble each other only in pairs or small groups
	// (a run of blog posts on one broad subject, chained one by one). Then
	// every group leaves, however small; otherwise small groups stay with
	// the core, which they resembled enough to join.
	coreless := 2*len(groups[roots[0]]) < n
	for _, r := range roots[1:] {
		g := groups[r]
		if len(g) < max(2, c.cfg.SplitMin) && !coreless {
			for _, i := range g {
				keep[st.members[i]] = true
			}
			continue
		}
		first := c.arts[st.members[g[0]]]
		ns := c.newStory(first.id)
		nst := c.stories[ns]
		for _, i := range g {
			m := st.members[i]
			a := &c.arts[m]
			a.story = ns
			nst.members = append(nst.members, m)
			nst.centroid = addVec(nst.centroid, a.vec)
			nst.leadC = addVec(nst.leadC, a.lead)
			nst.bigrams = unionU64(nst.bigrams, a.bigrams)
			for _, e := range a.ents {
				nst.ents[e]++
			}
			for _, e := range a.nums {
				nst.nums[e]++
			}
			for _, x := range topTerms(append([]tw(nil), a.vec...), c.cfg.SalientTerms) {
				c.post(x.t, ns)
			}
			moves = append(moves, Move{ArticleID: a.id, From: st.id, To: nst.id})
		}
		nst.first, nst.last, nst.active, nst.seq, nst.checked = st.first, st.last, st.active, st.seq, len(g)
		c.refresh(ns)
	}
	if len(moves) == 0 {
		return nil
	}
	// Rebuild the kept story from its remaining members.
	var members []int32
	var centroid, leadC []tw
	var bigrams []uint64
	ents, nums := map[int32]int{}, map[int32]int{}
	for _, m := range st.members {
		if keep[m] {
			members = append(members, m)
			centroid = addVec(centroid, c.arts[m].vec)
			leadC = addVec(leadC, c.arts[m].lead)
			bigrams = unionU64(bigrams, c.arts[m].bigrams)
			for _, e := range c.arts[m].ents {
				ents[e]++
			}
			for _, e := range c.arts[m].nums {
				nums[e]++
			}
		}
	}
	st.members, st.centroid, st.ents, st.checked = members, centroid, ents, len(members)
	st.leadC, st.nums, st.bigrams = leadC, nums, bigrams
	c.refresh(s)
	return moves
}

// maxAvgLink bounds the stories regrouped by average link (cubic in size).
const maxAvgLink = 400

func singleLink(vecs [][]tw, th float64) map[int][]int {
	n := len(vecs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if find(i) != find(j) && cosine(vecs[i], vecs[j]) >= th {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]int{}
	for i := 0; i < n; i++ {
		groups[find(i)] = append(groups[find(i)], i)
	}
	return groups
}

// averageLink regroups a story's members by average-link agglomeration over
// the mean of their full and lead cosines, stopping when no two groups
// reach SplitLink on average. Groups are keyed by their first member.
func (c *Clusterer) averageLink(members []int32, vecs [][]tw) map[int][]int {
	n := len(members)
	leads := make([][]tw, n)
	for i, m := range members {
		leads[i] = c.weighted(c.arts[m].lead)
	}
	// sim holds summed pair similarities between live groups.
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			v := (dot(vecs[i], vecs[j]) + dot(leads[i], leads[j])) / 2
			sim[i][j], sim[j][i] = v, v
		}
	}
	return agglomerate(sim, c.cfg.SplitLink)
}

// averageLinkProb regroups a story's members by average link over the
// article-pair model's probabilities, stopping below SplitProb.
func (c *Clusterer) averageLinkProb(members []int32) map[int][]int {
	n := len(members)
	vs := c.storyVecs(members)
	w := c.cfg.Model.ArticleWeights
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := &c.arts[members[i]], &c.arts[members[j]]
			v := logistic(w, c.artFeatures(a, b, vs[i], vs[j]))
			sim[i][j], sim[j][i] = v, v
		}
	}
	return agglomerate(sim, c.cfg.SplitProb)
}

// agglomerate merges groups by average link over the pair similarities sim
// (destroyed) while two groups reach level on average. Groups are keyed by
// their first member.
func agglomerate(sim [][]float64, level float64) map[int][]int {
	n := len(sim)
	size := make([]int, n)
	groups := map[int][]int{}
	for i := range size {
		size[i] = 1
		groups[i] = []int{i}
	}
	for {
		bi, bj, best := -1, -1, level
		for i := 0; i < n; i++ {
			if size[i] == 0 {
				continue
			}
			for j := i + 1; j < n; j++ {
				if size[j] == 0 {
					continue
				}
				if v := sim[i][j] / float64(size[i]*size[j]); v >= best {
					bi, bj, best = i, j, v
				}
			}
		}
		if bi < 0 {
			break
		}
		for k := 0; k < n; k++ {
			sim[bi][k] += sim[bj][k]
			sim[k][bi] = sim[bi][k]
		}
		size[bi] += size[bj]
		size[bj] = 0
		groups[bi] = append(groups[bi], groups[bj]...)
		sort.Ints(groups[bi])
		delete(groups, bj)
	}
	return groups
}
