package cluster

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Copies is the story stage that fills v.Copies with the passages the
// story's articles share (copied paragraphs, quotes, pasted posts), each
// directed from source to receiver, and sets StoryArticle.Group so that
// near-duplicate articles count as one independent source.
type Copies struct {
	// Cache, when set, keeps prepared texts between rebuilds of a story.
	Cache *dedup.TextCache
}

var _ news.StoryStage = Copies{}

// attribution phrases naming where a passage came from; %s is a source name.
var attributionForms = []string{
	`told %s`, `according to %s`, `first reported by %s`, `reported by %s`, `%s reported`,
	`%s reports`, `via %s`, `confirmed to %s`, `said to %s`, `(?:in an )?interview with %s`, `%s first reported`,
}

// attributes reports whether text around span in the receiving article
// credits source by name.
func attributes(text string, span [2]int, source string) bool {
	source = strings.TrimSpace(source)
	if source == "" {
		return false
	}
	lo, hi := max(0, span[0]-240), min(len(text), span[1]+160)
	win := text[lo:hi]
	if !strings.Contains(strings.ToLower(win), strings.ToLower(source)) {
		return false // the quick test: the source is not even named nearby
	}
	return attributionRE(source).MatchString(win)
}

// attributionREs caches one compiled pattern per source name.
var attributionREs sync.Map

func attributionRE(source string) *regexp.Regexp {
	if re, ok := attributionREs.Load(source); ok {
		return re.(*regexp.Regexp)
	}
	name := regexp.QuoteMeta(source)
	forms := make([]string, len(attributionForms))
	for i, f := range attributionForms {
		forms[i] = strings.ReplaceAll(f, "%s", name)
	}
	re := regexp.MustCompile(`(?i)\b(?:` + strings.Join(forms, "|") + `)\b`)
	attributionREs.Store(source, re)
	return re
}

// Build fills v.Copies and the Group of v.Articles. articles are in story
// order (publication date, then id).
func (c Copies) Build(ctx context.Context, v *news.StoryView, articles []*news.Article) error {
	texts := make([]*dedup.Text, len(articles))
	keys := make([]string, len(articles))
	for i, a := range articles {
		if c.Cache != nil {
			keys[i] = a.ID + "/" + a.ContentHash
			texts[i] = c.Cache.Prepare(keys[i], a.Text)
		} else {
			texts[i] = dedup.Prepare(a.Text)
		}
	}
	shared := func(i, j int) []dedup.Match {
		if c.Cache != nil {
			return c.Cache.Shared(keys[i], keys[j], texts[i], texts[j])
		}
		return dedup.Shared(texts[i], texts[j])
	}
	setGroups(v, articles)
	group := make(map[string]string, len(v.Articles))
	for _, sa := range v.Articles {
		group[sa.ID] = sa.Group
	}
	groupOf := make([]int, len(articles)) // articles[i]'s group as a number
	groupNum := map[string]int{}
	for i, a := range articles {
		key := group[a.ID]
		if key == "" {
			key = "/" + a.ID // in no group: a group of its own
		}
		g, ok := groupNum[key]
		if !ok {
			g = len(groupNum)
			groupNum[key] = g
		}
		groupOf[i] = g
	}
	// Near-duplicates of one another are one source: their shared text is not
	// a copy. A passage received by an article is listed once, from its first
	// source, so text syndicated to n articles gives n copies, not n².
	copies := []news.Copy{}
	received := map[news.Citation]bool{}
	for _, p := range sharingPairs(texts, groupOf) {
		if err := ctx.Err(); err != nil {
			return err
		}
		i, j := p[0], p[1]
		if group[articles[i].ID] == group[articles[j].ID] {
			continue
		}
		for _, m := range shared(i, j) {
			c := direct(articles[i], articles[j], m)
			c.Kind = news.CopyPassage
			if quoted(articles[i], m.A) || quoted(articles[j], m.B) {
				c.Kind = news.CommonSource
			}
			if received[c.Citations[0]] {
				continue
			}
			received[c.Citations[0]] = true
			copies = append(copies, c)
		}
	}
	v.Copies = copies
	return nil
}

// direct orients a match between a (earlier in story order) and b: by an
// attribution phrase in one naming the other's source, else by publication
// date; when neither decides, the earlier article in story order is the
// source and Via is empty.
func direct(a, b *news.Article, m dedup.Match) news.Copy {
	from, to := a, b
	fromSpan, toSpan := m.A, m.B
	via := ""
	switch {
	case attributes(b.Text, m.B, a.Source):
		via = "attribution"
	case attributes(a.Text, m.A, b.Source):
		from, to, fromSpan, toSpan = b, a, m.B, m.A
		via = "attribution"
	case !a.Published.IsZero() && !b.Published.IsZero() && !a.Published.Equal(b.Published) &&
		!a.PublishedEstimated && !b.PublishedEstimated: // an estimate is no order
		if b.Published.Before(a.Published) {
			from, to, fromSpan, toSpan = b, a, m.B, m.A
		}
		via = "date"
	}
	return news.Copy{
		FromArticleID: from.ID,
		ToArticleID:   to.ID,
		Text:          to.Text[toSpan[0]:toSpan[1]],
		Via:           via,
		Citations: []news.Citation{
			{ArticleID: to.ID, Start: toSpan[0], End: toSpan[1]},
			{ArticleID: from.ID, Start: fromSpan[0], End: fromSpan[1]},
		},
	}
}

// quotedShare is how much of a shared passage must lie inside quotation
// marks or a pasted post for it to be words from a third party.
const quotedShare = 0.8

// quoted tells whether the passage span of a is mostly words a quotes
// (a direct quote's pieces) or a post it pastes: words both articles can
// have taken from the speaker or the post rather than from each other.
func quoted(a *news.Article, span [2]int) bool {
	n := span[1] - span[0]
	if n <= 0 {
		return false
	}
	covered := 0
	cover := func(s news.Span) {
		lo, hi := max(s.Start, span[0]), min(s.End, span[1])
		if hi > lo {
			covered += hi - lo
		}
	}
	for _, q := range a.Quotes {
		if len(q.Pieces) == 0 {
			cover(q.Span)
		}
		for _, p := range q.Pieces {
			cover(p)
		}
	}
	for _, p := range a.Social {
		cover(p.Span)
	}
	return float64(covered) >= quotedShare*float64(n)
}

// setGroups gives every article of v its near-duplicate group: the id of the
// first article (in story order) of the group, linked by estimated MinHash
// Jaccard of at least dedup.NearDupJacc.
func setGroups(v *news.StoryView, articles []*news.Article) {
	n := len(articles)
	sigs := make([][]uint64, n)
	for i, a := range articles {
		sigs[i] = a.Fingerprint
		if len(sigs[i]) != dedup.NumHashes {
			sigs[i] = dedup.MinHash(a.Text)
		}
	}
	group := nearDupGroups(sigs)
	pos := map[string]int{}
	for k, sa := range v.Articles {
		pos[sa.ID] = k
	}
	for i, a := range articles {
		k, ok := pos[a.ID]
		if !ok {
			v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Title: a.Title, Source: news.OutletOf(a),
				URL: a.URL, Path: a.Path, Published: a.Published, PublishedEstimated: a.PublishedEstimated})
			k = len(v.Articles) - 1
		}
		v.Articles[k].Group = articles[group[i]].ID
	}
}

// bandRows is how many MinHash values make one band of nearDupGroups'
// index: two signatures estimated at least dedup.NearDupJacc alike differ
// in at most maxDiffering positions, fewer than there are bands, so they
// share at least one band whole and the index finds every such pair.
const bandRows = 2

// maxDiffering is how many positions two signatures estimated at least
// dedup.NearDupJacc alike differ in at most.
func maxDiffering() int {
	eq := 0
	for float64(eq)/dedup.NumHashes < dedup.NearDupJacc {
		eq++
	}
	return dedup.NumHashes - eq
}

// nearDupGroups returns each signature's near-duplicate group, as the index
// of the group's first member: the group of the first earlier signature at
// least dedup.NearDupJacc alike, else its own. Candidates come from an index
// of bands of bandRows values (exact, see bandRows), not from every pair.
func nearDupGroups(sigs [][]uint64) []int {
	type band struct {
		b    int
		v, w uint64
	}
	group := make([]int, len(sigs))
	checked := make([]int, len(sigs)) // j+1 once sigs[i] was compared with sigs[j]
	index := map[band][]int{}
	for j, sig := range sigs {
		group[j] = j
		if len(sig) != dedup.NumHashes {
			continue // no signature: alike to none
		}
		first := j
		for b := 0; b < dedup.NumHashes/bandRows; b++ {
			for _, i := range index[band{b, sig[b*bandRows], sig[b*bandRows+1]}] {
				if i >= first {
					break // buckets are in story order
				}
				if checked[i] == j+1 {
					continue
				}
				checked[i] = j + 1
				if dedup.Similarity(sigs[i], sig) >= dedup.NearDupJacc {
					first = i
					break
				}
			}
		}
		group[j] = group[first]
		for b := 0; b < dedup.NumHashes/bandRows; b++ {
			k := band{b, sig[b*bandRows], sig[b*bandRows+1]}
			index[k] = append(index[k], j)
		}
	}
	return group
}

// sharingPairs lists, in order, the pairs of texts (i < j) worth comparing
// for passages, found through an index of shingles instead of comparing
// every pair. A passage received by an article is listed from its first
// source only, so each shingle pairs the first text (in story order) that
// holds it with every later one, not every holder with every other: text
// carried by all n articles of a story (a wire dispatch, a statement
// everyone quotes) costs n pairs, not n². Groups of near-duplicates are one
// source: a pair inside a group is never listed.
func sharingPairs(texts []*dedup.Text, group []int) [][2]int {
	total := 0
	for _, t := range texts {
		total += len(t.Shingles)
	}
	// Most shingles are held by one text: two bit sets (seen once, seen
	// again) let only those that may be held twice into the map. A bit
	// shared by two hashes only lets more in, so the pairs are exact.
	bits := 1 << 10
	for bits < 16*total && bits < 1<<27 {
		bits <<= 1
	}
	mask := uint64(bits - 1)
	once, twice := make([]uint64, bits/64), make([]uint64, bits/64)
	for _, t := range texts {
		for _, h := range t.Shingles {
			b := h & mask
			w, m := b/64, uint64(1)<<(b%64)
			if once[w]&m != 0 {
				twice[w] |= m
			}
			once[w] |= m
		}
	}
	first := map[uint64]int{}
	seen := map[[2]int]bool{}
	for i, t := range texts {
		for _, h := range t.Shingles {
			if b := h & mask; twice[b/64]&(1<<(b%64)) == 0 {
				continue // held once in the story: it pairs no one
			}
			f, ok := first[h]
			if !ok {
				first[h] = i
				continue
			}
			if f != i && group[f] != group[i] {
				seen[[2]int{f, i}] = true
			}
		}
	}
	pairs := make([][2]int, 0, len(seen))
	for p := range seen {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a][0] != pairs[b][0] {
			return pairs[a][0] < pairs[b][0]
		}
		return pairs[a][1] < pairs[b][1]
	})
	return pairs
}
