// Package story builds the cross-source view of a story from its stored
// articles: it lists them, runs the story stages (entities, quotes, copies,
// claims, contradictions, timeline, sheet) and saves the result.
package story

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/lru"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Builder rebuilds story views in a store.
type Builder struct {
	Store  news.Store
	Stages *pipeline.StoryPipeline
	// Cache, when set, holds recently saved articles so that a story rebuilt
	// after each new article does not load and decode its other articles
	// again. Whoever saves an article must Put it (ingest does).
	Cache *Cache
}

// Cache keeps analysed articles by id, the most recently used ones within a
// bound in bytes, so that a large story's articles are not thrown out all
// at once; safe for concurrent use.
type Cache struct {
	c *lru.Cache[string, *news.Article]
}

// NewCache returns a cache holding about maxBytes of articles.
func NewCache(maxBytes int) *Cache { return &Cache{c: lru.New[string, *news.Article](maxBytes)} }

// ArticleSize estimates the memory an analysed article holds: its text
// and the analysis pointing into it (spans, mentions, quotes, fingerprint).
func ArticleSize(a *news.Article) int {
	return 2*len(a.Text) + 48*(len(a.Sentences)+len(a.Paragraphs)+len(a.Mentions)+len(a.Dates)) +
		160*(len(a.Quotes)+len(a.Statements)+len(a.Attributes)) + 8*len(a.Fingerprint) + 512
}

// Put remembers a saved article (without its raw input).
func (c *Cache) Put(a *news.Article) {
	cp := *a
	cp.Raw, cp.HTML = "", ""
	c.c.Add(a.ID, &cp, ArticleSize(&cp))
}

// split returns the cached articles of ids and the ids it lacks.
func (c *Cache) split(ids []string) (hit []*news.Article, miss []string) {
	for _, id := range ids {
		if a, ok := c.c.Get(id); ok {
			hit = append(hit, a)
		} else {
			miss = append(miss, id)
		}
	}
	return hit, miss
}

// Rebuild recomputes and saves the view of story id; a story left without
// articles is deleted.
func (b *Builder) Rebuild(ctx context.Context, id string) error {
	return b.RebuildAt(ctx, id, 0)
}

// RebuildAt is Rebuild for a rebuilder working beside the assigner: mark is
// the story's dirty mark read before its articles (news.StoryStore
// DirtyMarks), and the saved view clears the mark only if the story did not
// change meanwhile. 0 clears it whatever it is, for a single writer.
func (b *Builder) RebuildAt(ctx context.Context, id string, mark int64) error {
	ids, err := b.Store.StoryArticles(ctx, id)
	if err != nil {
		return fmt.Errorf("rebuild story %s: %w", id, err)
	}
	if len(ids) == 0 {
		return b.Store.DeleteStory(ctx, id)
	}
	arts, miss := []*news.Article(nil), ids
	if b.Cache != nil {
		arts, miss = b.Cache.split(ids)
	}
	if len(miss) > 0 {
		loaded, err := b.Store.ArticlesByID(ctx, miss)
		if err != nil {
			return fmt.Errorf("rebuild story %s: %w", id, err)
		}
		for _, a := range loaded {
			if b.Cache != nil {
				b.Cache.Put(a)
			}
			arts = append(arts, a)
		}
	}
	v, err := b.Build(ctx, id, arts)
	if err != nil {
		return fmt.Errorf("rebuild story %s: %w", id, err)
	}
	v.DirtyMark = mark
	return b.Store.SaveView(ctx, v)
}

// Build computes the view of a story from its articles.
func (b *Builder) Build(ctx context.Context, id string, arts []*news.Article) (*news.StoryView, error) {
	arts = DropStaleEstimates(arts)
	SortArticles(arts)
	v := news.NewStoryView(id, Title(arts))
	for _, a := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Title: a.Title, Source: news.OutletOf(a), URL: a.URL,
			Path: a.Path, Published: a.Published, PublishedEstimated: a.PublishedEstimated})
	}
	if b.Stages != nil {
		if err := b.Stages.Build(ctx, v, arts); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// StaleEstimate is how far before a story's latest date an estimated
// publication date stops saying anything. An estimate is only a lower bound
// (the article is from that day or later, dates.Estimate); one years before
// the rest of its story ("on Sept. 11, 2001" in an article about its 13th
// anniversary) is background, not the article's date.
const StaleEstimate = 180 * 24 * time.Hour

// DropStaleEstimates returns arts with every estimated date more than
// StaleEstimate before the story's latest date (known or estimated) taken
// off: such an article counts as undated in the story, and its relative
// dates, which were read against the estimate, are dropped too. The
// articles changed are copies; the others are arts' own.
func DropStaleEstimates(arts []*news.Article) []*news.Article {
	var latest time.Time
	for _, a := range arts {
		if a.Published.After(latest) {
			latest = a.Published
		}
	}
	cut := latest.Add(-StaleEstimate)
	var out []*news.Article
	for i, a := range arts {
		if !a.PublishedEstimated || a.Published.IsZero() || !a.Published.Before(cut) {
			if out != nil {
				out = append(out, a)
			}
			continue
		}
		if out == nil {
			out = append(make([]*news.Article, 0, len(arts)), arts[:i]...)
		}
		c := *a
		c.Published, c.PublishedEstimated = time.Time{}, false
		c.Dates = nil
		for _, d := range a.Dates {
			if !d.Relative {
				c.Dates = append(c.Dates, d)
			}
		}
		out = append(out, &c)
	}
	if out == nil {
		return arts
	}
	return out
}

// SortArticles orders articles by publication date (unknown dates last), then id.
func SortArticles(arts []*news.Article) {
	sort.SliceStable(arts, func(i, j int) bool {
		a, b := arts[i], arts[j]
		if a.Published.IsZero() != b.Published.IsZero() {
			return !a.Published.IsZero()
		}
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.ID < b.ID
	})
}

// Title picks a story's title: the title of its earliest article with a
// known publication date, else the title that shares most words with the
// other articles' titles (the first of those that share as many), which
// tells the story better than an undated first article's opening line
// ("In case you missed it, …", "Breitbart Texas reports:").
func Title(arts []*news.Article) string {
	for _, a := range arts {
		if a.Title != "" && !a.Published.IsZero() && !a.PublishedEstimated && !labelTitle(a.Title) {
			return a.Title
		}
	}
	if t := representativeTitle(arts); t != "" {
		return t
	}
	for _, a := range arts {
		if a.Title != "" && !labelTitle(a.Title) {
			return a.Title
		}
	}
	for _, a := range arts {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}

// representativeTitle is the title, labels aside, whose words the other
// titles share most: each of its content words counts the other titles
// holding it, the sum divided by the square root of its number of words
// (a long title holds more shared words by its length alone); "" when no
// title shares a word with another. A title ending in a colon or holding
// an exclamation counts half.
func representativeTitle(arts []*news.Article) string {
	var titles []string
	var sets []map[string]bool
	df := map[string]int{}
	for _, a := range arts {
		if a.Title == "" || labelTitle(a.Title) {
			continue
		}
		set := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Title), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
		}) {
			w = strings.Trim(w, "'’")
			if len(w) > 2 && !words.IsStopword(w) {
				set[w] = true
			}
		}
		for w := range set {
			df[w]++
		}
		titles = append(titles, a.Title)
		sets = append(sets, set)
	}
	best, bestScore := "", 0.0
	for i, set := range sets {
		shared := 0
		for w := range set {
			shared += df[w] - 1
		}
		if shared == 0 {
			continue
		}
		score := float64(shared) / math.Sqrt(float64(len(set)))
		if t := strings.TrimSpace(titles[i]); strings.HasSuffix(t, ":") || strings.Contains(t, "!") {
			score /= 2 // an opening line leading into the text ("… looks like this:"), an exclamation
		}
		if score > bestScore {
			best, bestScore = titles[i], score
		}
	}
	return best
}

// labelTitle reports a title that is a page's label rather than a
// headline: "Description: Fake news / Satire", "Update", "Correction
// appended" (at most a label, a colon and four words, or two words alone).
func labelTitle(t string) bool {
	ws := strings.Fields(t)
	if len(ws) <= 2 {
		return true
	}
	label, rest, ok := strings.Cut(t, ":")
	return ok && len(strings.Fields(label)) == 1 && len(strings.Fields(rest)) <= 4
}
