// Package memstore is an in-memory news.Store for tests of the API and the
// web UI; it is not a production store and is imported only by tests.
package memstore

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Store keeps articles, story membership and story views in maps.
type Store struct {
	mu       sync.RWMutex
	articles map[string]*news.Article
	order    []string          // article ids in ingest order
	storyOf  map[string]string // article id -> story id
	dirty    map[string]int64  // stories whose membership changed since their view was saved: their marks
	merged   map[string]string // story id -> the story it was merged into
	stories  map[string]*news.Story
	views    map[string]*news.StoryView
}

var _ news.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{articles: map[string]*news.Article{}, storyOf: map[string]string{},
		stories: map[string]*news.Story{}, views: map[string]*news.StoryView{}, dirty: map[string]int64{},
		merged: map[string]string{}}
}

// SaveArticle stores a by its ID (a.ID must be set by the caller).
func (s *Store) SaveArticle(_ context.Context, a *news.Article) (news.SaveResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.articles[a.ID]
	if ok && old.Text == a.Text {
		return news.Unchanged, nil
	}
	c := *a
	if ok {
		c.Revision = old.Revision + 1
		s.articles[a.ID] = &c
		return news.Updated, nil
	}
	if c.Revision == 0 {
		c.Revision = 1
	}
	s.articles[a.ID] = &c
	s.order = append(s.order, a.ID)
	return news.New, nil
}

// Article returns the article with id, or news.ErrNotFound.
func (s *Store) Article(_ context.Context, id string) (*news.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, ok := s.articles[id]
	if !ok {
		return nil, news.ErrNotFound
	}
	c := *a
	return &c, nil
}

// Articles lists summaries newest first.
func (s *Store) Articles(_ context.Context, opt news.ListOptions) ([]news.ArticleSummary, error) {
	s.mu.RLock()
	out := make([]news.ArticleSummary, 0, len(s.articles))
	for _, id := range s.order {
		sum := s.articles[id].Summary()
		sum.StoryID = s.storyOf[id]
		out = append(out, sum)
	}
	s.mu.RUnlock()
	slices.SortStableFunc(out, func(a, b news.ArticleSummary) int {
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.ID, b.ID))
	})
	return page(out, opt), nil
}

// ArticlesByID returns the known articles in the order of ids.
func (s *Store) ArticlesByID(_ context.Context, ids []string) ([]*news.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []*news.Article
	for _, id := range ids {
		if a, ok := s.articles[id]; ok {
			c := *a
			out = append(out, &c)
		}
	}
	return out, nil
}

// Search reads the query as news.ParseQuery does and matches its terms as
// case-insensitive substrings; it returns a snippet around the first match
// with matches wrapped in [[ and ]].
func (s *Store) Search(_ context.Context, query string, opt news.SearchOptions) (news.SearchResult, error) {
	res := news.SearchResult{Hits: []news.SearchHit{}}
	q := news.ParseQuery(strings.ToLower(query))
	if q.Empty() {
		return res, nil
	}
	var words []string
	for _, g := range q.All {
		words = append(words, g...)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, id := range s.order {
		a := s.articles[id]
		if opt.Source != "" && !strings.EqualFold(a.Source, opt.Source) ||
			a.Published.IsZero() && (!opt.From.IsZero() || !opt.To.IsZero()) ||
			!opt.From.IsZero() && a.Published.Before(opt.From) || !opt.To.IsZero() && !a.Published.Before(opt.To) {
			continue
		}
		low := strings.ToLower(a.Text)
		score, first := 0, -1
		for _, g := range q.All {
			n := 0
			for _, w := range g {
				n += strings.Count(low, w)
				if i := strings.Index(low, w); i >= 0 && (first < 0 || i < first) {
					first = i
				}
			}
			if n == 0 {
				score = 0
				break
			}
			score += n
		}
		for _, w := range q.Not {
			if strings.Contains(low, w) {
				score = 0
			}
		}
		if score == 0 {
			continue
		}
		sum := a.Summary()
		sum.StoryID = s.storyOf[id]
		res.Hits = append(res.Hits, news.SearchHit{Article: sum, Snippet: snippet(a.Text, low, words, first), Rank: float64(score)})
	}
	slices.SortStableFunc(res.Hits, func(a, b news.SearchHit) int { return cmp.Compare(b.Rank, a.Rank) })
	res.Total = len(res.Hits)
	limit := opt.Limit
	if limit <= 0 {
		limit = 20
	}
	if len(res.Hits) > limit {
		res.Hits = res.Hits[:limit]
	}
	return res, nil
}

// snippet cuts about 160 bytes of text around first and marks the words.
// Lowercasing must not change byte lengths for the offsets to hold, which is
// true of the ASCII fixtures this store serves.
func snippet(text, low string, words []string, first int) string {
	start, end := max(0, first-60), min(len(text), first+100)
	for start > 0 && !isBoundary(text, start) {
		start--
	}
	for end < len(text) && !isBoundary(text, end) {
		end++
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	for i := start; i < end; {
		matched := ""
		for _, w := range words {
			if strings.HasPrefix(low[i:], w) && i+len(w) <= end {
				matched = text[i : i+len(w)]
				break
			}
		}
		if matched != "" {
			b.WriteString("[[" + matched + "]]")
			i += len(matched)
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

func isBoundary(s string, i int) bool { return i >= len(s) || s[i]&0xC0 != 0x80 }

// SetStory moves an article into a story, creating the story if needed.
func (s *Store) SetStory(_ context.Context, articleID, storyID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.articles[articleID]; !ok {
		return news.ErrNotFound
	}
	if old, ok := s.storyOf[articleID]; ok && old != storyID {
		s.dirty[old]++
	}
	s.storyOf[articleID] = storyID
	s.dirty[storyID]++
	if _, ok := s.stories[storyID]; !ok {
		s.stories[storyID] = &news.Story{ID: storyID, Sources: []string{}}
	}
	return nil
}

// DirtyStories returns the stories whose membership changed since their
// view was saved, sorted.
func (s *Store) DirtyStories(_ context.Context) ([]string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []string{}
	for id := range s.dirty {
		if _, ok := s.stories[id]; ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out, nil
}

// StoryArticles returns the ids of a story's articles in ingest order.
func (s *Store) StoryArticles(_ context.Context, storyID string) ([]string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []string
	for _, id := range s.order {
		if s.storyOf[id] == storyID {
			out = append(out, id)
		}
	}
	return out, nil
}

// Stories lists stories sorted by size (default) or freshness.
func (s *Store) Stories(_ context.Context, opt news.ListOptions) ([]news.Story, error) {
	since := opt.GrowthSince
	if since.IsZero() {
		since = time.Now().Add(-24 * time.Hour)
	}
	s.mu.RLock()
	out := make([]news.Story, 0, len(s.stories))
	growth := map[string]int{}
	from := map[string]bool{}
	for id, sid := range s.storyOf {
		a := s.articles[id]
		if !a.Ingested.Before(since) {
			growth[sid]++
		}
		if opt.Source != "" && strings.EqualFold(a.Source, opt.Source) {
			from[sid] = true
		}
	}
	for _, st := range s.stories {
		if opt.Source != "" && !from[st.ID] ||
			!opt.From.IsZero() && (st.LastPublished.IsZero() || st.LastPublished.Before(opt.From)) ||
			!opt.To.IsZero() && (st.FirstPublished.IsZero() || !st.FirstPublished.Before(opt.To)) {
			continue
		}
		c := *st
		if opt.Sort == "growth" {
			n := growth[st.ID]
			c.Recent = &n
		}
		out = append(out, c)
	}
	s.mu.RUnlock()
	slices.SortFunc(out, func(a, b news.Story) int {
		size := cmp.Or(cmp.Compare(b.ArticleCount, a.ArticleCount), b.LastPublished.Compare(a.LastPublished), cmp.Compare(a.ID, b.ID))
		switch opt.Sort {
		case "fresh":
			return cmp.Or(b.LastPublished.Compare(a.LastPublished), cmp.Compare(b.ArticleCount, a.ArticleCount), cmp.Compare(a.ID, b.ID))
		case "growth":
			return cmp.Or(cmp.Compare(growth[b.ID], growth[a.ID]), size)
		}
		return size
	})
	return page(out, opt), nil
}

// Story returns one story's summary, or news.ErrNotFound.
func (s *Store) Story(_ context.Context, id string) (*news.Story, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st, ok := s.stories[id]
	if !ok {
		return nil, news.ErrNotFound
	}
	c := *st
	return &c, nil
}

// SaveView stores v and refreshes the story's summary from its articles.
func (s *Store) SaveView(_ context.Context, v *news.StoryView) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v.DirtyMark != 0 && s.dirty[v.ID] != v.DirtyMark {
		return nil // changed since the view's articles were read
	}
	s.views[v.ID] = v
	delete(s.dirty, v.ID)
	sum := v.Summary()
	st := &sum
	s.stories[v.ID] = st
	return nil
}

// View returns a story's view, or news.ErrNotFound.
func (s *Store) View(_ context.Context, id string) (*news.StoryView, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.views[id]
	if !ok {
		return nil, news.ErrNotFound
	}
	return v, nil
}

// DeleteStory removes a story and its view, unless it has articles.
func (s *Store) DeleteStory(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sid := range s.storyOf {
		if sid == id {
			return nil
		}
	}
	delete(s.stories, id)
	delete(s.views, id)
	delete(s.dirty, id)
	return nil
}

// DirtyMarks returns the dirty stories with their marks.
func (s *Store) DirtyMarks(_ context.Context) (map[string]int64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return maps.Clone(s.dirty), nil
}

// Assignments returns every article id with its story id in ingest order.
func (s *Store) Assignments(_ context.Context) ([][2]string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := [][2]string{}
	for _, id := range s.order {
		out = append(out, [2]string{id, s.storyOf[id]})
	}
	return out, nil
}

// Close does nothing.
func (s *Store) Close() error { return nil }

func page[T any](xs []T, opt news.ListOptions) []T {
	if opt.Offset >= len(xs) {
		return []T{}
	}
	xs = xs[max(opt.Offset, 0):]
	if opt.Limit > 0 && len(xs) > opt.Limit {
		xs = xs[:opt.Limit]
	}
	return xs
}

// SaveArticles implements news.ArticleStore.
func (s *Store) SaveArticles(ctx context.Context, arts []*news.Article) ([]news.SaveResult, error) {
	out := make([]news.SaveResult, len(arts))
	for i, a := range arts {
		r, err := s.SaveArticle(ctx, a)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// SetStories implements news.StoryStore.
func (s *Store) SetStories(ctx context.Context, pairs [][2]string) error {
	for _, p := range pairs {
		if err := s.SetStory(ctx, p[0], p[1]); err != nil {
			return err
		}
	}
	return nil
}

// MergeStory moves every article of from into to and records the merge.
func (s *Store) MergeStory(_ context.Context, from, to string) error {
	if from == to {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for a, st := range s.storyOf {
		if st == from {
			s.storyOf[a] = to
		}
	}
	s.dirty[from]++
	s.dirty[to]++
	if _, ok := s.stories[to]; !ok {
		s.stories[to] = &news.Story{ID: to, Sources: []string{}}
	}
	s.merged[from] = to
	delete(s.merged, to)
	return nil
}

// MergedInto returns the story a merged story became, or news.ErrNotFound.
func (s *Store) MergedInto(_ context.Context, id string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return news.FollowMerges(id, func(cur string) (string, bool, error) {
		to, ok := s.merged[cur]
		return to, ok, nil
	})
}
