// Package cluster groups articles into stories as they arrive. Each new
// article is compared only with the few stories an inverted index over its
// salient terms, entities, passage fingerprints and MinHash bands proposes,
// so the cost of an assignment does not grow with the corpus. Stories merge
// when a bridging article matches two of them, and a repair pass splits a
// story that drifted apart. The same articles in the same order give the
// same stories.
package cluster

import (
	"fmt"
	"math"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Config holds the clusterer's thresholds and limits. The defaults were
// chosen on the FNC-1 train bodies (docs/stories.md).
type Config struct {
	Threshold      float64 // least score to join a story
	MergeThreshold float64 // least score with a second story for the article to merge it in
	EntityWeight   float64 // share of the score from rarity-weighted shared entities
	PassageBonus   float64 // added per shared passage fingerprint, up to 3 of them
	TimeWindow     int     // days around a story's dates within which time does not count against it
	SalientTerms   int     // terms per article used to look up and index stories
	MaxPostings    int     // most recent stories kept per index key
	MaxCandidates  int     // stories scored in full per article
	CentroidTerms  int     // terms kept in a story centroid
	WinnowWindow   int     // winnowing window over passage shingles
	MemberWeight   float64 // weight of the best single-article cosine against the centroid score
	IDFPrior       int     // background documents assumed in document frequencies
	SplitThreshold float64 // repair: articles of a story stay together when linked by this cosine
}

// DefaultConfig returns the thresholds chosen on the FNC-1 train bodies.
func DefaultConfig() Config {
	return Config{
		Threshold:      0.30,
		MergeThreshold: 0.50,
		EntityWeight:   0.0,
		PassageBonus:   0.05,
		TimeWindow:     7,
		SalientTerms:   24,
		MaxPostings:    48,
		MaxCandidates:  24,
		CentroidTerms:  400,
		WinnowWindow:   6,
		MemberWeight:   1.0,
		IDFPrior:       50,
		SplitThreshold: 0.25,
	}
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	switch {
	case c.Threshold <= 0 || c.MergeThreshold < c.Threshold:
		return fmt.Errorf("cluster config: need 0 < threshold <= merge threshold")
	case c.SalientTerms <= 0 || c.MaxPostings <= 0 || c.MaxCandidates <= 0 || c.CentroidTerms <= 0 || c.WinnowWindow <= 0:
		return fmt.Errorf("cluster config: limits must be positive")
	}
	return nil
}

type tw struct {
	t int32
	w float64
}

type story struct {
	id       string
	into     int32 // -1 while live; else the story it was merged into
	members  []int32
	centroid []tw // sum of member term vectors, sorted by term
	ents     map[int32]int
	first    int64 // publication days, 0 when unknown
	last     int64
	checked  int // size at the last repair check
}

type article struct {
	id    string
	story int32
	vec   []tw // the article's strongest terms, for repair
	ents  []int32
}

// Clusterer assigns articles to stories incrementally. It is not safe for
// concurrent use.
type Clusterer struct {
	cfg     Config
	vocab   map[string]int32
	df      []int32
	n       int // articles seen
	stories []*story
	byID    map[string]int32 // story id -> index
	arts    []article
	artIdx  map[string]int32
	index   map[int32][]int32  // term or entity -> recent stories
	passIdx map[uint64][]int32 // passage fingerprint -> recent stories
	artPost map[int32][]int32  // term -> recent articles
	lsh     *dedup.LSH
	sigs    map[string][]uint64 // article id -> signature, for near-duplicate checks
}

// New returns an empty clusterer; it panics on an invalid configuration.
func New(cfg Config) *Clusterer {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	l := dedup.NewLSH()
	l.MaxBucket = cfg.MaxPostings
	return &Clusterer{cfg: cfg, vocab: map[string]int32{}, byID: map[string]int32{},
		artIdx: map[string]int32{}, index: map[int32][]int32{}, passIdx: map[uint64][]int32{}, artPost: map[int32][]int32{},
		lsh: l, sigs: map[string][]uint64{}}
}

func (c *Clusterer) term(s string) int32 {
	if id, ok := c.vocab[s]; ok {
		return id
	}
	id := int32(len(c.df))
	c.vocab[s] = id
	c.df = append(c.df, 0)
	return id
}

func (c *Clusterer) idf(t int32) float64 {
	// IDFPrior unseen background documents keep a young corpus from
	// treating every shared word as common.
	return math.Log(float64(c.n+1+c.cfg.IDFPrior)/float64(c.df[t]+1)) + 1
}

// live follows merges to the story that now holds s.
func (c *Clusterer) live(s int32) int32 {
	for c.stories[s].into >= 0 {
		s = c.stories[s].into
	}
	return s
}

// prepared is an article's features in vocabulary terms.
type prepared struct {
	f        *features
	tf       []tw    // sorted by term; L2-normalised sublinear tf
	ents     []int32 // sorted
	salient  []int32
	weighted []tw // tf*idf, L2-normalised, sorted by term
}

func (c *Clusterer) prepare(a *news.Article) *prepared {
	f := extract(a, c.cfg.WinnowWindow)
	p := &prepared{f: f}
	for _, s := range f.order {
		p.tf = append(p.tf, tw{c.term(s), f.terms[s]})
	}
	sort.Slice(p.tf, func(i, j int) bool { return p.tf[i].t < p.tf[j].t })
	for _, e := range f.entities {
		p.ents = append(p.ents, c.term("\x00"+e))
	}
	sort.Slice(p.ents, func(i, j int) bool { return p.ents[i] < p.ents[j] })
	// document frequencies include the new article
	c.n++
	for _, x := range p.tf {
		c.df[x.t]++
	}
	for _, e := range p.ents {
		c.df[e]++
	}
	var norm float64
	for _, x := range p.tf {
		w := x.w * c.idf(x.t)
		p.weighted = append(p.weighted, tw{x.t, w})
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range p.weighted {
			p.weighted[i].w /= norm
		}
	}
	top := append([]tw(nil), p.weighted...)
	sort.Slice(top, func(i, j int) bool {
		if top[i].w != top[j].w {
			return top[i].w > top[j].w
		}
		return top[i].t < top[j].t
	})
	for i := 0; i < len(top) && i < c.cfg.SalientTerms; i++ {
		p.salient = append(p.salient, top[i].t)
	}
	return p
}

// Add assigns a to a story and returns the story's id and the ids of the
// stories a bridged and that were merged into it (absorbed: they no longer
// exist). Adding an article id already present returns its current story.
func (c *Clusterer) Add(a *news.Article) (storyID string, merged []string) {
	if i, ok := c.artIdx[a.ID]; ok {
		return c.stories[c.live(c.arts[i].story)].id, nil
	}
	p := c.prepare(a)
	cands, near := c.candidates(p)
	best, bestScore := int32(-1), 0.0
	type scored struct {
		s     int32
		score float64
	}
	var over []scored
	for _, s := range cands {
		sc := max(c.score(p, s), c.cfg.MemberWeight*near[s])
		if sc > bestScore {
			best, bestScore = s, sc
		}
		if sc >= c.cfg.MergeThreshold {
			over = append(over, scored{s, sc})
		}
	}
	if best < 0 || bestScore < c.cfg.Threshold {
		s := c.newStory(a.ID)
		c.join(a, p, s)
		return c.stories[s].id, nil
	}
	// A bridging article that matches several stories strongly merges them;
	// the oldest keeps its id.
	target := best
	if len(over) >= 2 {
		for _, o := range over {
			target = min(target, o.s)
		}
		for _, o := range over {
			if o.s != target {
				merged = append(merged, c.stories[o.s].id)
				c.merge(target, o.s)
			}
		}
	}
	c.join(a, p, target)
	sort.Strings(merged)
	return c.stories[target].id, merged
}

// Restore puts a in the story storyID without deciding anything, so that a
// clusterer can be rebuilt from stored assignments (in ingest order) and go
// on where an earlier run stopped.
func (c *Clusterer) Restore(a *news.Article, storyID string) {
	if _, ok := c.artIdx[a.ID]; ok {
		return
	}
	p := c.prepare(a)
	s, ok := c.byID[storyID]
	if !ok {
		s = c.addStory(storyID)
	} else {
		s = c.live(s)
	}
	c.join(a, p, s)
}

// StoryOf returns the id of the story holding article id.
func (c *Clusterer) StoryOf(articleID string) (string, bool) {
	i, ok := c.artIdx[articleID]
	if !ok {
		return "", false
	}
	return c.stories[c.live(c.arts[i].story)].id, true
}

// Len returns the number of articles and live stories.
func (c *Clusterer) Len() (articles, stories int) {
	for _, s := range c.stories {
		if s.into < 0 && len(s.members) > 0 {
			stories++
		}
	}
	return len(c.arts), stories
}

func (c *Clusterer) newStory(articleID string) int32 {
	id := "s-" + articleID
	for k := 2; ; k++ {
		if _, taken := c.byID[id]; !taken {
			break
		}
		id = fmt.Sprintf("s-%s-%d", articleID, k)
	}
	return c.addStory(id)
}

func (c *Clusterer) addStory(id string) int32 {
	s := int32(len(c.stories))
	c.stories = append(c.stories, &story{id: id, into: -1, ents: map[int32]int{}})
	c.byID[id] = s
	return s
}

func (c *Clusterer) candidates(p *prepared) ([]int32, map[int32]float64) {
	votes := map[int32]float64{}
	near := c.nearest(p)
	for s, v := range near {
		votes[s] += 1 + v
	}
	vote := func(list []int32, w float64) {
		for _, s := range list {
			votes[c.live(s)] += w
		}
	}
	wOf := map[int32]float64{}
	for _, x := range p.weighted {
		wOf[x.t] = x.w
	}
	for _, t := range p.salient {
		vote(c.index[t], wOf[t])
	}
	for _, e := range p.ents {
		if c.df[e] > 1 {
			vote(c.index[e], 0.05*c.idf(e))
		}
	}
	for _, h := range p.f.passages {
		vote(c.passIdx[h], 1)
	}
	for _, id := range c.lsh.Candidates(p.f.sig) {
		if dedup.Similarity(p.f.sig, c.sigs[id]) >= dedup.NearDupJacc {
			votes[c.live(c.arts[c.artIdx[id]].story)] += 10
		}
	}
	out := make([]int32, 0, len(votes))
	for s := range votes {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if votes[out[i]] != votes[out[j]] {
			return votes[out[i]] > votes[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > c.cfg.MaxCandidates {
		out = out[:c.cfg.MaxCandidates]
	}
	return out, near
}

// nearest returns, per story, the best cosine between p and one of the
// story's articles found through the article postings of p's salient terms.
func (c *Clusterer) nearest(p *prepared) map[int32]float64 {
	votes := map[int32]float64{}
	wOf := map[int32]float64{}
	for _, x := range p.weighted {
		wOf[x.t] = x.w
	}
	for _, t := range p.salient {
		for _, a := range c.artPost[t] {
			votes[a] += wOf[t]
		}
	}
	arts := make([]int32, 0, len(votes))
	for a := range votes {
		arts = append(arts, a)
	}
	sort.Slice(arts, func(i, j int) bool {
		if votes[arts[i]] != votes[arts[j]] {
			return votes[arts[i]] > votes[arts[j]]
		}
		return arts[i] < arts[j]
	})
	if len(arts) > 2*c.cfg.MaxCandidates {
		arts = arts[:2*c.cfg.MaxCandidates]
	}
	near := map[int32]float64{}
	for _, a := range arts {
		s := c.live(c.arts[a].story)
		if v := cosine(p.weighted, c.weighted(c.arts[a].vec)); v > near[s] {
			near[s] = v
		}
	}
	return near
}

// score rates how well the prepared article fits story s: TF-IDF cosine
// against the centroid, rarity-weighted shared entities, shared passages,
// near-duplicates, discounted by distance in time when dates are known.
func (c *Clusterer) score(p *prepared, s int32) float64 {
	st := c.stories[s]
	var dot, cn float64
	i := 0
	for _, x := range st.centroid {
		w := x.w * c.idf(x.t)
		cn += w * w
		for i < len(p.weighted) && p.weighted[i].t < x.t {
			i++
		}
		if i < len(p.weighted) && p.weighted[i].t == x.t {
			dot += p.weighted[i].w * w
		}
	}
	cos := 0.0
	if cn > 0 {
		cos = dot / math.Sqrt(cn)
	}
	var shared, total float64
	for _, e := range p.ents {
		w := c.idf(e)
		total += w
		if st.ents[e] > 0 {
			shared += w
		}
	}
	ent := 0.0
	if total > 0 {
		ent = shared / total
	}
	sc := (1-c.cfg.EntityWeight)*cos + c.cfg.EntityWeight*ent
	np := 0
	for _, h := range p.f.passages {
		for _, x := range c.passIdx[h] {
			if c.live(x) == s {
				np++
				break
			}
		}
		if np == 3 {
			break
		}
	}
	sc += float64(np) * c.cfg.PassageBonus
	if d := p.f.date; d != 0 && st.first != 0 {
		gap := int64(0)
		if d < st.first {
			gap = st.first - d
		} else if d > st.last {
			gap = d - st.last
		}
		if over := float64(gap - int64(c.cfg.TimeWindow)); over > 0 {
			sc *= math.Exp(-over / float64(4*c.cfg.TimeWindow))
		}
	}
	return sc
}

// join adds the article to story s and indexes it.
func (c *Clusterer) join(a *news.Article, p *prepared, s int32) {
	st := c.stories[s]
	ai := int32(len(c.arts))
	vec := append([]tw(nil), p.tf...)
	c.arts = append(c.arts, article{id: a.ID, story: s, vec: topTerms(vec, 64), ents: p.ents})
	c.artIdx[a.ID] = ai
	st.members = append(st.members, ai)
	st.centroid = addVec(st.centroid, p.tf)
	if len(st.centroid) > 2*c.cfg.CentroidTerms {
		st.centroid = c.prune(st.centroid)
	}
	for _, e := range p.ents {
		st.ents[e]++
	}
	if d := p.f.date; d != 0 {
		if st.first == 0 || d < st.first {
			st.first = d
		}
		if d > st.last {
			st.last = d
		}
	}
	for _, t := range p.salient {
		c.post(c.index, t, s)
		c.postArticle(t, ai)
	}
	for _, e := range p.ents {
		c.post(c.index, e, s)
	}
	for _, h := range p.f.passages {
		list := c.passIdx[h]
		if n := len(list); n == 0 || list[n-1] != s {
			list = append(list, s)
			if len(list) > c.cfg.MaxPostings {
				list = list[len(list)-c.cfg.MaxPostings:]
			}
			c.passIdx[h] = list
		}
	}
	if len(p.f.sig) == dedup.NumHashes {
		c.lsh.Add(a.ID, p.f.sig)
		c.sigs[a.ID] = p.f.sig
	}
}

func (c *Clusterer) post(idx map[int32][]int32, k int32, s int32) {
	list := idx[k]
	for _, x := range list[max(0, len(list)-4):] {
		if x == s {
			return
		}
	}
	list = append(list, s)
	if len(list) > c.cfg.MaxPostings {
		list = append(list[:0:0], list[len(list)-c.cfg.MaxPostings:]...)
	}
	idx[k] = list
}

func (c *Clusterer) postArticle(t int32, a int32) {
	list := append(c.artPost[t], a)
	if len(list) > c.cfg.MaxPostings {
		list = append(list[:0:0], list[len(list)-c.cfg.MaxPostings:]...)
	}
	c.artPost[t] = list
}

// merge moves story b into story a.
func (c *Clusterer) merge(a, b int32) {
	sa, sb := c.stories[a], c.stories[b]
	for _, m := range sb.members {
		c.arts[m].story = a
	}
	sa.members = append(sa.members, sb.members...)
	sort.Slice(sa.members, func(i, j int) bool { return sa.members[i] < sa.members[j] })
	sa.centroid = addVec(sa.centroid, sb.centroid)
	if len(sa.centroid) > 2*c.cfg.CentroidTerms {
		sa.centroid = c.prune(sa.centroid)
	}
	for e, n := range sb.ents {
		sa.ents[e] += n
	}
	if sb.first != 0 && (sa.first == 0 || sb.first < sa.first) {
		sa.first = sb.first
	}
	sa.last = max(sa.last, sb.last)
	sb.into, sb.members, sb.centroid, sb.ents = a, nil, nil, nil
}

// addVec returns the sum of two term-sorted vectors.
func addVec(a, b []tw) []tw {
	out := make([]tw, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].t < b[j].t:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].t < a[i].t:
			out = append(out, b[j])
			j++
		default:
			out = append(out, tw{a[i].t, a[i].w + b[j].w})
			i++
			j++
		}
	}
	return out
}

// prune keeps the CentroidTerms strongest terms of a centroid by tf*idf.
func (c *Clusterer) prune(v []tw) []tw {
	k := c.cfg.CentroidTerms
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool {
		wi, wj := v[idx[i]].w*c.idf(v[idx[i]].t), v[idx[j]].w*c.idf(v[idx[j]].t)
		if wi != wj {
			return wi > wj
		}
		return v[idx[i]].t < v[idx[j]].t
	})
	idx = idx[:k]
	sort.Ints(idx)
	out := make([]tw, k)
	for i, x := range idx {
		out[i] = v[x]
	}
	return out
}

// topTerms keeps the n largest weights of v, sorted by term.
func topTerms(v []tw, n int) []tw {
	if len(v) <= n {
		return v
	}
	sort.Slice(v, func(i, j int) bool {
		if v[i].w != v[j].w {
			return v[i].w > v[j].w
		}
		return v[i].t < v[j].t
	})
	v = v[:n]
	sort.Slice(v, func(i, j int) bool { return v[i].t < v[j].t })
	return v
}
