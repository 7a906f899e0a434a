package cluster

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// The window of active stories. With Config.Window > 0 the clusterer keeps
// in memory only the stories that had an article in the last Window days,
// so that its memory follows the news of the window, not the whole history:
//
//   - The clock is the latest article day seen (articleDay: the publication
//     day, never later than the ingest day), not the wall clock, so a corpus
//     of 2014 articles ingested today ages by its own dates. An undated
//     article (or one whose date is only estimated) counts as of the clock's
//     day when it arrives; before any dated article, the clock is 0 and
//     nothing ages.
//   - When the clock moves to a new day, every story whose latest article is
//     older than the clock minus the window, and that got no article among
//     the last WindowArticles placed (so that a few dated articles among
//     undated ones, or a small corpus, do not archive by leaps), is
//     archived, once they hold an eighth of the articles in memory or a
//     quarter of the window passed since the last pass (a pass costs as
//     much as the state): its articles leave
//     the indexes, their document frequencies are taken back (df counts the
//     articles in memory), the terms no longer used are forgotten, and the
//     state is renumbered (the order of stories and articles is kept, so the
//     clusterer decides as it would have on what stays).
//   - An article whose best story in memory is under the join threshold looks
//     in the archive before it starts a story (AddFrom): the store finds the
//     archived stories holding articles with its rarest words and entities,
//     their latest articles are prepared again, and the article is scored as
//     usual. A story that comes back and gets nothing is archived again by
//     the next archive pass.
//
// Only stories within reach of the time decay can win an article: beyond
// TimeWindow + 4·TimeWindow·ln(1/Threshold) days (60 with the defaults)
// even a perfect match decays under the join threshold, so the archive is
// searched over that range only.

// Limits of a look in the archive.
const (
	recallStories  = 3   // archived stories brought back per article at most
	recallArticles = 200 // latest articles of a story brought back
	recallWords    = 6   // salient words in the archive query
	recallEntities = 3   // entities (as phrases) in the archive query
)

// Archive is where archived stories wait: the store. news.Store with
// news.StoryArchive satisfies it.
type Archive interface {
	// FindArchived returns up to limit archived stories holding an article
	// that matches query (news.ParseQuery's syntax) published at or after
	// since (zero: any date; undated articles always qualify), best first.
	FindArchived(ctx context.Context, query string, since time.Time, limit int) ([]string, error)
	// StoryArticles returns the ids of a story's articles in ingest order.
	StoryArticles(ctx context.Context, storyID string) ([]string, error)
	// ArticlesByID returns the articles in the order of ids.
	ArticlesByID(ctx context.Context, ids []string) ([]*news.Article, error)
}

// articleDay is the article's day for the window: its publication day, but
// never after the day it was ingested (a date in the future is an error),
// 0 when undated or when the date is only estimated (from the text's
// opening: it may be off by months, docs/dates.md).
func articleDay(a *news.Article) int64 {
	if a.Published.IsZero() || a.PublishedEstimated {
		return 0
	}
	d := a.Published.Unix() / 86400
	if !a.Ingested.IsZero() {
		d = min(d, a.Ingested.Unix()/86400)
	}
	return max(d, 1) // 0 is "undated"
}

// AddFrom is Add with the archive: when the article's best story in memory
// scores under the join threshold and the window archived stories, the
// archived stories it may belong to come back from arch before it is
// placed. An error from arch leaves the clusterer as it was before the call
// (but for stories already brought back) and the article unplaced. A nil
// arch is Add.
func (c *Clusterer) AddFrom(ctx context.Context, a *news.Article, arch Archive) (storyID string, merged []string, err error) {
	if i, ok := c.artIdx[a.ID]; ok {
		return c.stories[c.live(c.arts[i].story)].id, nil, nil
	}
	c.advance(articleDay(a))
	p := c.prepare(a, true)
	best, bestScore, over := c.best(p)
	if arch != nil && c.cfg.Window > 0 && c.clock > 0 && (best < 0 || bestScore < c.cfg.Threshold) {
		n, err := c.recall(ctx, a, p, arch)
		if err != nil {
			c.unprepare(p)
			return "", nil, fmt.Errorf("recall archived stories: %w", err)
		}
		if n > 0 {
			c.reweigh(p) // the stories brought back changed the document frequencies
			best, bestScore, over = c.best(p)
		}
	}
	storyID, merged = c.place(a, p, best, bestScore, over)
	return storyID, merged, nil
}

// TakeArchived returns the stories archived and those brought back since
// the last call (a story's latest change wins), each sorted, so that the
// caller can record them (news.StoryArchive.SetArchived).
func (c *Clusterer) TakeArchived() (archived, recalled []string) {
	for id, arch := range c.changed {
		if arch {
			archived = append(archived, id)
		} else {
			recalled = append(recalled, id)
		}
	}
	clear(c.changed)
	slices.Sort(archived)
	slices.Sort(recalled)
	return archived, recalled
}

// Placed returns how many articles have joined a story in memory since the
// clusterer was made (archived ones included, restored and recalled ones
// counted again): it only grows, so it tells how much changed since a
// snapshot when the window keeps the size flat.
func (c *Clusterer) Placed() int { return c.placed }

// Clock returns the latest article day seen (Unix days), 0 before any date.
func (c *Clusterer) Clock() int64 { return c.clock }

// advance moves the clock to day d if it is later, archiving the stories
// that fell out of the window.
func (c *Clusterer) advance(d int64) {
	if d <= c.clock {
		return
	}
	if c.clock == 0 {
		// The first date: stories of undated articles seen so far are as
		// recent as it.
		for _, st := range c.stories {
			if st.into < 0 && st.active == 0 {
				st.active = d
			}
		}
	}
	c.clock = d
	if c.cfg.Window > 0 {
		c.archive(c.clock - int64(c.cfg.Window))
	}
}

// sweepEvery is how many days of the clock may pass between two archive
// passes when what could be archived is less than an eighth of what is
// held: a pass costs as much as the state, so it is amortised.
func (c *Clusterer) sweepEvery() int64 { return int64(max(1, c.cfg.Window/4)) }

// reach is how many days from a story's dates an article can still join
// it: beyond, the time decay keeps even a certain match under the join
// threshold.
func (c *Clusterer) reach() int64 {
	tw := float64(c.cfg.TimeWindow)
	return int64(math.Ceil(tw + 4*tw*math.Log(1/c.cfg.Threshold)))
}

// unprepare takes back the document frequencies prepare counted for p.
func (c *Clusterer) unprepare(p *prepared) {
	c.untemplate(p.tkeys)
	c.countArticle(p, -1)
}

// recall brings back the archived stories the article a (prepared as p)
// may belong to; it returns how many came back.
func (c *Clusterer) recall(ctx context.Context, a *news.Article, p *prepared, arch Archive) (int, error) {
	q := c.recallQuery(a, p)
	if q == "" {
		return 0, nil
	}
	var since time.Time
	if p.f.date != 0 {
		since = time.Unix((p.f.date-c.reach())*86400, 0).UTC()
	}
	ids, err := arch.FindArchived(ctx, q, since, recallStories)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		if _, ok := c.byID[id]; ok {
			continue // in memory already (or its id is taken: leave it)
		}
		artIDs, err := arch.StoryArticles(ctx, id)
		if err != nil {
			return n, err
		}
		artIDs = slices.DeleteFunc(artIDs, func(x string) bool {
			_, held := c.artIdx[x]
			return x == a.ID || held
		})
		artIDs = artIDs[max(0, len(artIDs)-recallArticles):]
		if len(artIDs) == 0 {
			continue
		}
		arts, err := arch.ArticlesByID(ctx, artIDs)
		if err != nil {
			return n, err
		}
		if len(arts) == 0 {
			continue
		}
		s := c.addStory(id)
		for _, x := range arts {
			if _, held := c.artIdx[x.ID]; held {
				continue
			}
			xp := c.prepare(x, false)
			xp.recalled = true
			c.join(x, xp, s)
		}
		// Back as it was: checked, and not changed since the last repair.
		st := c.stories[s]
		st.checked = len(st.members)
		if st.dirty {
			st.dirty = false
			c.dirty = slices.DeleteFunc(c.dirty, func(x int32) bool { return x == s })
		}
		c.changed[id] = false
		n++
	}
	return n, nil
}

// recallQuery is the full-text query that finds the archived articles most
// like a: its most salient words (as written: the index does not stem) and
// its rarest entities (as phrases), any of them.
func (c *Clusterer) recallQuery(a *news.Article, p *prepared) string {
	want := map[int32]int{} // salient term -> rank
	for i, x := range p.salient[:min(len(p.salient), 4*recallWords)] {
		want[x.t] = i + 1
	}
	words := make([]string, len(want)+1) // by rank, as first written
	for _, w := range dedup.Words(a.Title + "\n" + a.Text) {
		t, ok := c.vocab[stem(w.Norm)]
		if r := want[t]; ok && r > 0 && words[r] == "" {
			words[r] = w.Norm
		}
	}
	var terms []string
	for _, w := range words {
		if w != "" && len(terms) < recallWords {
			terms = append(terms, w)
		}
	}
	ents := slices.Clone(p.f.entities)
	df := func(e string) int32 { return c.df[c.vocab["\x00"+e]] }
	slices.SortStableFunc(ents, func(x, y string) int { return cmp.Compare(df(x), df(y)) })
	for _, e := range ents[:min(len(ents), recallEntities)] {
		terms = append(terms, `"`+e+`"`)
	}
	return strings.Join(terms, " OR ")
}

// archive drops every story whose latest article is older than cutoff (and
// that got none of the last WindowArticles articles placed),
// with its articles, their document frequencies and the terms nothing
// else uses, and renumbers what stays in the same order.
func (c *Clusterer) archive(cutoff int64) {
	old := func(st *story) bool {
		return st.active < cutoff && c.placed-st.seq >= c.cfg.WindowArticles
	}
	gone := 0 // articles of the stories to archive
	for _, st := range c.stories {
		if st.into < 0 && old(st) {
			gone += max(1, len(st.members))
		}
	}
	if gone == 0 || gone < len(c.arts)/8 && c.clock-c.swept < c.sweepEvery() {
		return
	}
	c.swept = c.clock
	// Stories: live ones stay when active; merged ones with the story they
	// were merged into.
	newS := make([]int32, len(c.stories))
	var stories []*story
	for s, st := range c.stories {
		newS[s] = -1
		if !old(c.stories[c.live(int32(s))]) {
			newS[s] = int32(len(stories))
			stories = append(stories, st)
		} else if st.into < 0 && len(st.members) > 0 {
			c.changed[st.id] = true
		}
	}
	// Articles: with their story; the others' frequencies are taken back.
	newA := make([]int32, len(c.arts))
	var arts []article
	dropped := 0
	for i := range c.arts {
		a := &c.arts[i]
		newA[i] = -1
		if newS[c.live(a.story)] >= 0 {
			newA[i] = int32(len(arts))
			arts = append(arts, *a)
			continue
		}
		for _, t := range a.terms {
			c.df[t]--
		}
		for _, t := range a.ents {
			c.df[t]--
		}
		for _, t := range a.nums {
			c.df[t]--
		}
		dropped++
	}
	c.n -= dropped
	// Terms: those still counted or used by what stays.
	used := make([]bool, len(c.df))
	for t, d := range c.df {
		used[t] = d > 0
	}
	markTW := func(v []tw) {
		for _, x := range v {
			used[x.t] = true
		}
	}
	mark := func(v []int32) {
		for _, t := range v {
			used[t] = true
		}
	}
	markBigrams := func(v []uint64) {
		for _, k := range v {
			used[int32(uint32(k>>32))], used[int32(uint32(k))] = true, true
		}
	}
	for _, a := range arts {
		markTW(a.vec)
		markTW(a.lead)
		mark(a.ents)
		mark(a.nums)
		mark(a.leadEnts)
		mark(a.terms)
		markBigrams(a.bigrams)
	}
	for _, st := range stories {
		markTW(st.centroid)
		markTW(st.cw)
		markTW(st.leadC)
		markTW(st.leadW)
		markBigrams(st.bigrams)
		for t := range st.ents {
			used[t] = true
		}
		for t := range st.nums {
			used[t] = true
		}
	}
	newT := make([]int32, len(c.df))
	nt := int32(0)
	for t := range c.df {
		newT[t] = -1
		if used[t] {
			newT[t] = nt
			nt++
		}
	}
	// Renumber: the maps keep their order, so sorted vectors stay sorted.
	tws := func(v []tw) []tw {
		for i := range v {
			v[i].t = newT[v[i].t]
		}
		return v
	}
	ids := func(v []int32) []int32 {
		for i := range v {
			v[i] = newT[v[i]]
		}
		return v
	}
	bigrams := func(v []uint64) []uint64 {
		for i, k := range v {
			v[i] = bigramKey(newT[int32(uint32(k>>32))], newT[int32(uint32(k))])
		}
		return v
	}
	counts := func(m map[int32]int) map[int32]int {
		out := make(map[int32]int, len(m))
		for t, n := range m {
			out[newT[t]] = n
		}
		return out
	}
	for i := range arts {
		a := &arts[i]
		a.story = newS[a.story]
		a.vec, a.lead, a.ents, a.nums = tws(a.vec), tws(a.lead), ids(a.ents), ids(a.nums)
		a.leadEnts, a.terms, a.bigrams = ids(a.leadEnts), ids(a.terms), bigrams(a.bigrams)
	}
	for _, st := range stories {
		if st.into >= 0 {
			st.into = newS[st.into]
		}
		members := st.members[:0]
		for _, m := range st.members {
			if newA[m] >= 0 {
				members = append(members, newA[m])
			}
		}
		st.members = members
		st.centroid, st.cw, st.leadC, st.leadW = tws(st.centroid), tws(st.cw), tws(st.leadC), tws(st.leadW)
		st.bigrams, st.ents, st.nums = bigrams(st.bigrams), counts(st.ents), counts(st.nums)
	}
	df, logDf := make([]int32, nt), make([]float64, nt)
	index, artPost := make([][]int32, nt), make([][]int32, nt)
	for t := range c.df {
		nt := newT[t]
		if nt < 0 {
			continue
		}
		df[nt], logDf[nt] = c.df[t], math.Log(float64(c.df[t]+1))
		for _, s := range c.index[t] {
			if newS[s] >= 0 {
				index[nt] = append(index[nt], newS[s])
			}
		}
		for _, a := range c.artPost[t] {
			if newA[a] >= 0 {
				artPost[nt] = append(artPost[nt], newA[a])
			}
		}
	}
	for name, t := range c.vocab {
		if newT[t] < 0 {
			delete(c.vocab, name)
		} else {
			c.vocab[name] = newT[t]
		}
	}
	for h, s := range c.passIdx {
		if newS[s] < 0 {
			delete(c.passIdx, h)
		} else {
			c.passIdx[h] = newS[s]
		}
	}
	for k, a := range c.bands {
		if newA[a] < 0 {
			delete(c.bands, k)
		} else {
			c.bands[k] = newA[a]
		}
	}
	dirty := c.dirty[:0]
	for _, s := range c.dirty {
		if newS[s] >= 0 {
			dirty = append(dirty, newS[s])
		}
	}
	c.dirty = dirty
	c.stories, c.arts, c.df, c.logDf, c.index, c.artPost = stories, arts, df, logDf, index, artPost
	c.logN = math.Log(float64(c.n + 1 + c.cfg.IDFPrior))
	clear(c.byID)
	for s, st := range stories {
		c.byID[st.id] = int32(s)
	}
	clear(c.artIdx)
	for i, a := range arts {
		c.artIdx[a.id] = int32(i)
	}
	// Scratch space, all zero between articles.
	ns := len(stories)
	c.votes, c.nearCos, c.near2 = make([]float64, ns), make([]float64, ns), make([]float64, ns)
	c.passHits, c.seen = make([]int8, ns), make([]bool, ns)
	c.artVotes = make([]float64, len(arts))
}
