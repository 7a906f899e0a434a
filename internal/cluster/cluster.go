// Package cluster groups articles into stories as they arrive. Each new
// article is compared only with the few stories an inverted index over its
// salient terms, entities, passage fingerprints and MinHash bands proposes,
// so the cost of an assignment does not grow with the corpus. Stories merge
// when a bridging article matches two of them, and a repair pass splits a
// story that drifted apart. The same articles in the same order give the
// same stories.
package cluster

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

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
	PassageSample  int     // keep one passage fingerprint in this many (by hash) in the index
	MemberWeight   float64 // weight of the best single-article cosine against the centroid score
	IDFPrior       int     // background documents assumed in document frequencies
	SplitThreshold float64 // repair: articles of a story stay together when linked by this cosine
	SplitLink      float64 // repair: when > 0, regroup by average link over full and lead cosines at this level
	SplitMin       int     // repair: least articles of a group split off (smaller ones stay)
	SplitProb      float64 // repair: when > 0 and the model has article weights, average link over their probability at this level
	LinkProb       float64 // repair: when > 0 and the model has article weights, merge two stories whose members' mean article-pair probability reaches it
	// LinkCentroid and LinkLead are the least evidence for repair to merge
	// two stories, whatever the story-pair model says: the cosine of their
	// idf-weighted centroids and of their lead centroids (link.go).
	LinkCentroid, LinkLead float64
	LeadWords              int     // content words at the start of an article that get LeadBoost
	LeadBoost              float64 // added to the sublinear tf of lead terms
	// Window, when > 0, is how many days a story stays in memory after its
	// last article (by the articles' dates, window.go); older stories are
	// archived and come back through AddFrom. 0 keeps every story.
	Window int
	// WindowArticles is how many articles must be placed after a story's
	// latest one before the window may archive it, whatever the dates say:
	// a few dated articles among undated ones move the clock by leaps.
	WindowArticles int
	// Model, when set, replaces the hand-weighted score by a learned
	// probability that the article belongs to the story (pair.go); the
	// thresholds then apply to that probability.
	Model *Model
}

// DefaultConfig returns the embedded learned pair model with its
// cross-validated thresholds (and the limits chosen on the FNC-1 train
// bodies). LinearConfig is the hand-weighted score without a model.
func DefaultConfig() Config {
	c := LinearConfig()
	if m := DefaultModel(); m != nil {
		c.Model, c.Threshold, c.MergeThreshold, c.SplitLink = m, m.Threshold, m.MergeThreshold, m.SplitLink
		c.SplitProb, c.LinkProb = m.SplitProb, m.LinkProb
		if m.SplitMin > 0 {
			c.SplitMin = m.SplitMin
		}
	}
	return c
}

// LinearConfig returns the hand-weighted score and its thresholds chosen on
// the FNC-1 train bodies.
func LinearConfig() Config {
	return Config{
		Threshold:      0.30,
		MergeThreshold: 0.50,
		EntityWeight:   0.3,
		PassageBonus:   0.05,
		TimeWindow:     7,
		SalientTerms:   24,
		MaxPostings:    48,
		MaxCandidates:  24,
		CentroidTerms:  400,
		WinnowWindow:   6,
		PassageSample:  4,
		MemberWeight:   1.0,
		IDFPrior:       50,
		SplitThreshold: 0.25,
		SplitMin:       2,
		LinkCentroid:   0.15,
		LinkLead:       0.10,
		LeadWords:      40,
		LeadBoost:      0.5,
	}
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	switch {
	case c.Threshold <= 0 || c.MergeThreshold < c.Threshold:
		return fmt.Errorf("cluster config: need 0 < threshold <= merge threshold")
	case c.Window < 0 || c.WindowArticles < 0:
		return fmt.Errorf("cluster config: negative window")
	case c.SalientTerms <= 0 || c.MaxPostings <= 0 || c.MaxCandidates <= 0 || c.CentroidTerms <= 0 ||
		c.WinnowWindow <= 0 || c.PassageSample <= 0:
		return fmt.Errorf("cluster config: limits must be positive")
	}
	return nil
}

// tw is one weighted term of a sparse vector.
type tw struct {
	t int32
	w float32
}

func byTerm(a, b tw) int { return cmp.Compare(a.t, b.t) }

type story struct {
	id       string
	into     int32 // -1 while live; else the story it was merged into
	members  []int32
	centroid []tw // sum of member term vectors, sorted by term
	cw       []tw // centroid weighted by idf and L2-normalised, as of the last change
	ents     map[int32]int
	nums     map[int32]int
	leadC    []tw     // sum of member lead vectors, sorted by term
	leadW    []tw     // leadC weighted by idf and L2-normalised
	bigrams  []uint64 // members' lead bigrams (bigramKey), sorted, unique
	first    int64    // publication days, 0 when unknown
	last     int64
	checked  int   // size at the last repair check
	dirty    bool  // changed since the last repair
	active   int64 // day of the latest article (its date, or the clock's when undated); 0 when unknown
	seq      int   // the clusterer's placed count when its latest article joined (0: came back from the archive)
}

type article struct {
	id       string
	story    int32
	vec      []tw // the article's strongest terms (sublinear tf), sorted by term
	ents     []int32
	nums     []int32
	lead     []tw     // lead terms, weight 1, sorted by term
	sig      []uint64 // MinHash signature, nil when unknown
	bigrams  []uint64 // lead bigrams, sorted, unique
	leadEnts []int32  // entities mentioned in the lead, sorted
	terms    []int32  // with a window: every term counted in df (vec holds the strongest), sorted
}

// Clusterer assigns articles to stories incrementally. It is not safe for
// concurrent use.
type Clusterer struct {
	cfg     Config
	vocab   map[string]int32
	df      []int32
	logDf   []float64 // log(df+1), cached
	logN    float64   // log(n+1+IDFPrior)
	n       int       // articles seen
	stories []*story
	byID    map[string]int32 // story id -> index
	arts    []article
	artIdx  map[string]int32
	index   [][]int32        // term or entity id -> recent stories
	artPost [][]int32        // term id -> recent articles
	passIdx map[uint64]int32 // sampled passage fingerprint -> latest story
	bands   map[uint64]int32 // MinHash band key -> latest article
	dirty   []int32          // stories changed since the last repair
	clock   int64            // the latest article day seen (window.go)
	swept   int64            // the clock at the last archive pass
	placed  int              // articles joined to a story in memory ever (restored and recalled ones included)
	changed map[string]bool  // story id -> archived (true) or recalled (false) since TakeArchived
	tmpl    map[uint64]uint8 // source and line -> articles of the source seen with it (template.go)

	// scratch, indexed by story or article, reset after each use
	votes    []float64
	nearCos  []float64
	near2    []float64 // second best member cosine
	passHits []int8
	seen     []bool
	artVotes []float64
	touched  []int32
	touchedA []int32
}

// New returns an empty clusterer; it panics on an invalid configuration.
func New(cfg Config) *Clusterer {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	c := &Clusterer{cfg: cfg, vocab: map[string]int32{}, byID: map[string]int32{},
		artIdx: map[string]int32{}, passIdx: map[uint64]int32{}, bands: map[uint64]int32{}, changed: map[string]bool{},
		tmpl: map[uint64]uint8{}}
	c.logN = math.Log(float64(1 + cfg.IDFPrior))
	return c
}

func (c *Clusterer) term(s string) int32 {
	if id, ok := c.vocab[s]; ok {
		return id
	}
	id := int32(len(c.df))
	c.vocab[s] = id
	c.df = append(c.df, 0)
	c.logDf = append(c.logDf, 0)
	c.index = append(c.index, nil)
	c.artPost = append(c.artPost, nil)
	return id
}

// idf is log((n+1+IDFPrior)/(df+1))+1: IDFPrior unseen background
// documents keep a young corpus from treating every shared word as common.
func (c *Clusterer) idf(t int32) float64 { return c.logN - c.logDf[t] + 1 }

func (c *Clusterer) addDF(t, by int32) {
	c.df[t] += by
	c.logDf[t] = math.Log(float64(c.df[t] + 1))
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
	tf       []tw     // sorted by term; L2-normalised sublinear tf
	ents     []int32  // sorted
	salient  []tw     // the strongest weighted terms
	weighted []tw     // tf*idf, L2-normalised, sorted by term
	nums     []int32  // sorted
	lead     []tw     // lead terms, weight 1, sorted by term
	leadW    []tw     // lead weighted by idf, L2-normalised
	bigrams  []uint64 // lead bigrams (bigramKey), sorted, unique
	leadEnts []int32  // entities mentioned in the lead, sorted
	day      int64    // the article's day for the window (articleDay), 0 when undated
	recalled bool     // brought back with an archived story (window.go)
	tkeys    []uint64 // lines counted in the site-template memory
}

// bigramKey packs two term ids into one key.
func bigramKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// prepare computes a's features and counts them in the document
// frequencies; count also records a's lines in the site-template memory
// (false for an article brought back from the archive).
func (c *Clusterer) prepare(a *news.Article, count bool) *prepared {
	keys, skip, skipTitle := c.template(a, count)
	f := extract(a, c.cfg, skip, skipTitle)
	p := &prepared{f: f, tf: make([]tw, 0, len(f.order)), day: articleDay(a), tkeys: keys}
	for i, s := range f.order {
		p.tf = append(p.tf, tw{c.term(s), float32(f.weights[i])})
	}
	slices.SortFunc(p.tf, byTerm)
	for _, e := range f.entities {
		p.ents = append(p.ents, c.term("\x00"+e))
	}
	slices.Sort(p.ents)
	for _, x := range f.numbers {
		p.nums = append(p.nums, c.term("\x01"+x))
	}
	slices.Sort(p.nums)
	for _, x := range f.lead {
		p.lead = append(p.lead, tw{c.term(x), 1})
	}
	slices.SortFunc(p.lead, byTerm)
	for _, b := range f.bigrams {
		p.bigrams = append(p.bigrams, bigramKey(c.term(b[0]), c.term(b[1])))
	}
	p.bigrams = uniq(p.bigrams)
	for _, e := range f.leadEnts {
		p.leadEnts = append(p.leadEnts, c.term("\x00"+e))
	}
	slices.Sort(p.leadEnts)
	c.countArticle(p, 1) // document frequencies include the new article
	c.reweigh(p)
	return p
}

// countArticle adds (by 1) or takes back (by -1) p's terms, entities and
// numbers in the document frequencies, and p in the article count.
func (c *Clusterer) countArticle(p *prepared, by int32) {
	c.n += int(by)
	c.logN = math.Log(float64(c.n + 1 + c.cfg.IDFPrior))
	for _, x := range p.tf {
		c.addDF(x.t, by)
	}
	for _, e := range p.ents {
		c.addDF(e, by)
	}
	for _, e := range p.nums {
		c.addDF(e, by)
	}
}

// reweigh computes p's idf-weighted vectors and salient terms from the
// current document frequencies.
func (c *Clusterer) reweigh(p *prepared) {
	p.weighted = c.weighted(p.tf)
	p.leadW = c.weighted(p.lead)
	top := append([]tw(nil), p.weighted...)
	slices.SortFunc(top, heavier)
	p.salient = top[:min(len(top), c.cfg.SalientTerms)]
}

func heavier(a, b tw) int {
	if a.w != b.w {
		return cmp.Compare(b.w, a.w)
	}
	return cmp.Compare(a.t, b.t)
}

// Add assigns a to a story and returns the story's id and the ids of the
// stories a bridged and that were merged into it (absorbed: they no longer
// exist). Adding an article id already present returns its current story.
// With a window, stories it archives stay archived: AddFrom brings them back.
func (c *Clusterer) Add(a *news.Article) (storyID string, merged []string) {
	storyID, merged, _ = c.AddFrom(context.Background(), a, nil)
	return storyID, merged
}

// best scores p against its candidate stories: the most probable one (-1
// when none), its score, and the stories at or above the merge threshold.
func (c *Clusterer) best(p *prepared) (best int32, bestScore float64, over []int32) {
	cands := c.candidates(p)
	best = -1
	for _, s := range cands {
		var sc float64
		if c.cfg.Model != nil {
			sc = c.cfg.Model.Prob(c.pairFeatures(p, s)) * c.timeDecay(p, s)
		} else {
			sc = max(c.score(p, s), c.cfg.MemberWeight*c.nearCos[s])
		}
		if sc > bestScore {
			best, bestScore = s, sc
		}
		if sc >= c.cfg.MergeThreshold {
			over = append(over, s)
		}
	}
	c.reset()
	return best, bestScore, over
}

// place puts the prepared article in its best story, a new one when no
// story scores at the join threshold, merging the stories it bridges.
func (c *Clusterer) place(a *news.Article, p *prepared, best int32, bestScore float64, over []int32) (storyID string, merged []string) {
	if best < 0 || bestScore < c.cfg.Threshold {
		s := c.newStory(a.ID)
		c.join(a, p, s)
		return c.stories[s].id, nil
	}
	// A bridging article that matches several stories strongly merges them;
	// the oldest keeps its id.
	target := best
	if len(over) >= 2 {
		target = slices.Min(over)
		for _, o := range over {
			if o != target {
				merged = append(merged, c.stories[o].id)
				c.merge(target, o)
			}
		}
	}
	c.join(a, p, target)
	slices.Sort(merged)
	return c.stories[target].id, merged
}

// Restore puts a in the story storyID without deciding anything, so that a
// clusterer can be rebuilt from stored assignments (in ingest order) and go
// on where an earlier run stopped.
func (c *Clusterer) Restore(a *news.Article, storyID string) {
	if _, ok := c.artIdx[a.ID]; ok {
		return
	}
	c.advance(articleDay(a))
	p := c.prepare(a, true)
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
	c.stories = append(c.stories, &story{id: id, into: -1, ents: map[int32]int{}, nums: map[int32]int{}})
	c.byID[id] = s
	c.votes = append(c.votes, 0)
	c.nearCos = append(c.nearCos, 0)
	c.near2 = append(c.near2, 0)
	c.passHits = append(c.passHits, 0)
	c.seen = append(c.seen, false)
	return s
}

// touch notes story s in the scratch arrays.
func (c *Clusterer) touch(s int32) {
	if !c.seen[s] {
		c.seen[s] = true
		c.touched = append(c.touched, s)
	}
}

// reset clears the scratch arrays after an article was scored.
func (c *Clusterer) reset() {
	for _, s := range c.touched {
		c.votes[s], c.nearCos[s], c.near2[s], c.passHits[s], c.seen[s] = 0, 0, 0, 0, false
	}
	c.touched = c.touched[:0]
}

// candidates returns the stories to score in full, best voted first; the
// scratch arrays hold each story's nearest-article cosine and passage hits
// until reset.
func (c *Clusterer) candidates(p *prepared) []int32 {
	c.nearest(p)
	for _, s := range c.touched {
		c.votes[s] = 1 + c.nearCos[s]
	}
	vote := func(list []int32, w float64) {
		for _, s := range list {
			s = c.live(s)
			c.touch(s)
			c.votes[s] += w
		}
	}
	for _, x := range p.salient {
		vote(c.index[x.t], float64(x.w))
	}
	for _, e := range p.ents {
		if c.df[e] > 1 {
			vote(c.index[e], 0.05*c.idf(e))
		}
	}
	for _, h := range p.f.passages {
		if s, ok := c.passIdx[h]; ok {
			s = c.live(s)
			c.touch(s)
			c.votes[s]++
			if c.passHits[s] < 3 {
				c.passHits[s]++
			}
		}
	}
	if sig := p.f.sig; len(sig) == dedup.NumHashes {
		for b := 0; b < dedup.Bands; b++ {
			if ai, ok := c.bands[dedup.BandKey(sig, b)]; ok && dedup.Similarity(sig, c.arts[ai].sig) >= dedup.NearDupJacc {
				s := c.live(c.arts[ai].story)
				c.touch(s)
				c.votes[s] += 10
			}
		}
	}
	out := append([]int32(nil), c.touched...)
	slices.SortFunc(out, func(a, b int32) int {
		if c.votes[a] != c.votes[b] {
			return cmp.Compare(c.votes[b], c.votes[a])
		}
		return cmp.Compare(a, b)
	})
	return out[:min(len(out), c.cfg.MaxCandidates)]
}

// nearest sets, per story, the best cosine between p and one of the
// story's articles found through the article postings of p's salient terms.
func (c *Clusterer) nearest(p *prepared) {
	if len(c.artVotes) < len(c.arts) {
		c.artVotes = append(c.artVotes, make([]float64, len(c.arts)-len(c.artVotes))...)
	}
	for _, x := range p.salient {
		for _, a := range c.artPost[x.t] {
			if c.artVotes[a] == 0 {
				c.touchedA = append(c.touchedA, a)
			}
			c.artVotes[a] += float64(x.w)
		}
	}
	arts := c.touchedA
	slices.SortFunc(arts, func(a, b int32) int {
		if c.artVotes[a] != c.artVotes[b] {
			return cmp.Compare(c.artVotes[b], c.artVotes[a])
		}
		return cmp.Compare(a, b)
	})
	for _, a := range arts {
		c.artVotes[a] = 0
	}
	for _, a := range arts[:min(len(arts), 2*c.cfg.MaxCandidates)] {
		s := c.live(c.arts[a].story)
		v := c.cosineTF(p.weighted, c.arts[a].vec)
		switch {
		case v > c.nearCos[s]:
			c.touch(s)
			c.near2[s] = c.nearCos[s]
			c.nearCos[s] = v
		case v > c.near2[s]:
			c.near2[s] = v
		}
	}
	c.touchedA = c.touchedA[:0]
}

// cosineTF is the cosine between a weighted vector and a tf vector
// weighted by the current idf.
func (c *Clusterer) cosineTF(w, tf []tw) float64 {
	var dot, n float64
	i := 0
	for _, x := range tf {
		v := float64(x.w) * c.idf(x.t)
		n += v * v
		for i < len(w) && w[i].t < x.t {
			i++
		}
		if i < len(w) && w[i].t == x.t {
			dot += float64(w[i].w) * v
		}
	}
	if n == 0 {
		return 0
	}
	return dot / math.Sqrt(n)
}

// score rates how well the prepared article fits story s: TF-IDF cosine
// against the centroid, rarity-weighted shared entities, shared passages,
// discounted by distance in time when dates are known.
func (c *Clusterer) score(p *prepared, s int32) float64 {
	st := c.stories[s]
	cos := dot(p.weighted, st.cw)
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
	sc += float64(c.passHits[s]) * c.cfg.PassageBonus
	return sc * c.timeDecay(p, s)
}

// timeDecay is 1 within TimeWindow days of story s's dates (or when a date
// is unknown) and decays beyond.
func (c *Clusterer) timeDecay(p *prepared, s int32) float64 {
	st := c.stories[s]
	if d := p.f.date; d != 0 && st.first != 0 {
		gap := int64(0)
		if d < st.first {
			gap = st.first - d
		} else if d > st.last {
			gap = d - st.last
		}
		if over := float64(gap - int64(c.cfg.TimeWindow)); over > 0 {
			return math.Exp(-over / float64(4*c.cfg.TimeWindow))
		}
	}
	return 1
}

// dot is the dot product of two term-sorted vectors.
func dot(a, b []tw) float64 {
	var d float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].t < b[j].t:
			i++
		case a[i].t > b[j].t:
			j++
		default:
			d += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return d
}

// join adds the article to story s and indexes it.
func (c *Clusterer) join(a *news.Article, p *prepared, s int32) {
	st := c.stories[s]
	ai := int32(len(c.arts))
	art := article{id: a.ID, story: s, vec: topTerms(append([]tw(nil), p.tf...), 64), ents: p.ents,
		nums: p.nums, lead: p.lead, bigrams: p.bigrams, leadEnts: p.leadEnts}
	if len(p.f.sig) == dedup.NumHashes {
		art.sig = p.f.sig
	}
	if c.cfg.Window > 0 {
		art.terms = make([]int32, len(p.tf))
		for i, x := range p.tf {
			art.terms[i] = x.t
		}
	}
	c.arts = append(c.arts, art)
	c.artIdx[a.ID] = ai
	c.placed++
	st.members = append(st.members, ai)
	st.centroid = addVec(st.centroid, p.tf)
	st.leadC = addVec(st.leadC, p.lead)
	st.bigrams = unionU64(st.bigrams, p.bigrams)
	for _, e := range p.ents {
		st.ents[e]++
	}
	for _, e := range p.nums {
		st.nums[e]++
	}
	if d := p.f.date; d != 0 {
		if st.first == 0 || d < st.first {
			st.first = d
		}
		if d > st.last {
			st.last = d
		}
	}
	// An undated article is as recent as the latest date seen, unless it
	// comes back with an archived story.
	d := p.day
	if d == 0 && !p.recalled {
		d = c.clock
	}
	st.active = max(st.active, d)
	if !p.recalled {
		st.seq = c.placed
	}
	c.refresh(s)
	for _, x := range p.salient {
		c.post(x.t, s)
		c.postArticle(x.t, ai)
	}
	for _, e := range p.ents {
		c.post(e, s)
	}
	for _, h := range p.f.passages {
		c.passIdx[h] = s
	}
	if art.sig != nil {
		for b := 0; b < dedup.Bands; b++ {
			c.bands[dedup.BandKey(art.sig, b)] = ai
		}
	}
}

// refresh prunes story s's centroid and recomputes its weighted form.
func (c *Clusterer) refresh(s int32) {
	st := c.stories[s]
	if !st.dirty {
		st.dirty = true
		c.dirty = append(c.dirty, s)
	}
	if len(st.centroid) > 2*c.cfg.CentroidTerms {
		st.centroid = c.prune(st.centroid)
	}
	st.cw = c.weighted(st.centroid)
	if len(st.leadC) > 2*c.cfg.CentroidTerms {
		st.leadC = c.prune(st.leadC)
	}
	st.leadW = c.weighted(st.leadC)
}

func (c *Clusterer) post(k int32, s int32) {
	list := c.index[k]
	for _, x := range list[max(0, len(list)-4):] {
		if x == s {
			return
		}
	}
	list = append(list, s)
	if len(list) > c.cfg.MaxPostings {
		list = append(list[:0:0], list[len(list)-c.cfg.MaxPostings:]...)
	}
	c.index[k] = list
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
	slices.Sort(sa.members)
	sa.centroid = addVec(sa.centroid, sb.centroid)
	sa.leadC = addVec(sa.leadC, sb.leadC)
	sa.bigrams = unionU64(sa.bigrams, sb.bigrams)
	for e, n := range sb.ents {
		sa.ents[e] += n
	}
	for e, n := range sb.nums {
		sa.nums[e] += n
	}
	if sb.first != 0 && (sa.first == 0 || sb.first < sa.first) {
		sa.first = sb.first
	}
	sa.last = max(sa.last, sb.last)
	sa.active, sa.seq = max(sa.active, sb.active), max(sa.seq, sb.seq)
	sb.into, sb.members, sb.centroid, sb.cw, sb.ents = a, nil, nil, nil, nil
	sb.nums, sb.leadC, sb.leadW, sb.bigrams = nil, nil, nil, nil
	c.refresh(a)
}

// unionU64 returns the union of two sorted sets.
func unionU64(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
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
	type ranked struct {
		i int
		w float64
	}
	r := make([]ranked, len(v))
	for i, x := range v {
		r[i] = ranked{i, float64(x.w) * c.idf(x.t)}
	}
	slices.SortFunc(r, func(a, b ranked) int {
		if a.w != b.w {
			return cmp.Compare(b.w, a.w)
		}
		return cmp.Compare(a.i, b.i)
	})
	r = r[:c.cfg.CentroidTerms]
	slices.SortFunc(r, func(a, b ranked) int { return cmp.Compare(a.i, b.i) })
	out := make([]tw, len(r))
	for i, x := range r {
		out[i] = v[x.i]
	}
	return out
}

// topTerms keeps the n largest weights of v, sorted by term.
func topTerms(v []tw, n int) []tw {
	if len(v) <= n {
		return v
	}
	slices.SortFunc(v, heavier)
	v = v[:n:n]
	slices.SortFunc(v, byTerm)
	return v
}
