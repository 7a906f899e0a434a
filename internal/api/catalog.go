package api

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Catalog lists what crosses stories: entities and quotes. The store has no
// entity table yet, so ViewCatalog computes them from story views; a store
// with a table can implement Catalog directly.
type Catalog interface {
	// Entities lists entities with the most articles first, filtered by typ
	// when it is not empty.
	Entities(ctx context.Context, typ news.EntityType, opt news.ListOptions) ([]EntitySummary, error)
	// Entity returns one entity by the id EntityID gives, or news.ErrNotFound.
	Entity(ctx context.Context, id string) (*EntityDetail, error)
	// Quotes lists quotes, of one story when storyID is not empty (a story
	// that does not exist is news.ErrNotFound).
	Quotes(ctx context.Context, storyID string, opt news.ListOptions) ([]StoryQuote, error)
}

// EntitySummary is an entity across stories, in lists.
type EntitySummary struct {
	ID           string          `json:"id"`
	Name         string          `json:"name"`
	Type         news.EntityType `json:"type"`
	Aliases      []string        `json:"aliases"`
	ArticleCount int             `json:"article_count"`
	StoryCount   int             `json:"story_count"`
}

// EntityDetail is one entity: what each source says about it and the
// stories it appears in.
type EntityDetail struct {
	EntitySummary
	Attributes []SourcedAttribute `json:"attributes"`
	Stories    []StoryRef         `json:"stories"`
	Mentions   []news.Citation    `json:"mentions"`
	Quotes     []EntityQuote      `json:"quotes"` // quotes the entity spoke
	Claims     []EntityClaim      `json:"claims"` // claims naming the entity
}

// SourcedAttribute is one attribute value as one source gives it.
type SourcedAttribute struct {
	Name      string        `json:"name"`
	Value     string        `json:"value"`
	ArticleID string        `json:"article_id"`
	Source    string        `json:"source"`
	StoryID   string        `json:"story_id"`
	Citation  news.Citation `json:"citation"`
}

// StoryRef names a story.
type StoryRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// StoryQuote is a quote with the story it belongs to.
type StoryQuote struct {
	StoryID    string `json:"story_id"`
	StoryTitle string `json:"story_title"`
	news.Quote
}

// EntityID is the id of an entity across stories for views whose entities
// carry none: its type and its normalised name. Entities from the entity
// stage carry their own id, of the same form with diacritics folded.
func EntityID(typ news.EntityType, name string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(string(typ)))
	dash := true
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == len(typ) {
		h := fnv.New32a()
		h.Write([]byte(name))
		fmt.Fprintf(&b, "-%08x", h.Sum32())
	}
	return b.String()
}

// ViewCatalog computes the Catalog from every story view, rebuilding its
// index at most once per TTL.
type ViewCatalog struct {
	store news.StoryStore
	ttl   time.Duration

	mu    sync.Mutex
	built time.Time
	idx   *index
}

// NewViewCatalog returns a catalog over s; ttl 0 means 30 seconds.
func NewViewCatalog(s news.StoryStore, ttl time.Duration) *ViewCatalog {
	if ttl <= 0 {
		ttl = 30 * time.Second
	}
	return &ViewCatalog{store: s, ttl: ttl}
}

var _ Catalog = (*ViewCatalog)(nil)

type index struct {
	entities []*EntityDetail // most articles first
	byID     map[string]*EntityDetail
	quotes   []StoryQuote
}

func (c *ViewCatalog) index(ctx context.Context) (*index, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx != nil && time.Since(c.built) < c.ttl {
		return c.idx, nil
	}
	idx, err := buildIndex(ctx, c.store)
	if err != nil {
		return nil, err
	}
	c.idx, c.built = idx, time.Now()
	return idx, nil
}

// buildIndex reads every story view, a page of stories at a time.
func buildIndex(ctx context.Context, s news.StoryStore) (*index, error) {
	idx := &index{byID: map[string]*EntityDetail{}, quotes: []StoryQuote{}}
	articles := map[string]map[string]bool{}
	const pageSize = 500
	for off := 0; ; off += pageSize {
		stories, err := s.Stories(ctx, news.ListOptions{Limit: pageSize, Offset: off, Sort: "size"})
		if err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		for _, st := range stories {
			v, err := s.View(ctx, st.ID)
			if err != nil {
				if err == news.ErrNotFound {
					continue
				}
				return nil, fmt.Errorf("story view %s: %w", st.ID, err)
			}
			addView(idx, articles, v)
		}
		if len(stories) < pageSize {
			break
		}
	}
	for id, e := range idx.byID {
		e.ArticleCount = len(articles[id])
		e.StoryCount = len(e.Stories)
		idx.entities = append(idx.entities, e)
	}
	slices.SortFunc(idx.entities, func(a, b *EntityDetail) int {
		return cmp.Or(cmp.Compare(b.ArticleCount, a.ArticleCount), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return idx, nil
}

func addView(idx *index, articles map[string]map[string]bool, v *news.StoryView) {
	source := map[string]string{}
	for _, a := range v.Articles {
		source[a.ID] = a.Source
	}
	for _, e := range v.Entities {
		id := e.ID
		if id == "" {
			id = EntityID(e.Type, e.Name)
		}
		d := idx.byID[id]
		if d == nil {
			d = &EntityDetail{EntitySummary: EntitySummary{ID: id, Name: e.Name, Type: e.Type, Aliases: []string{}},
				Attributes: []SourcedAttribute{}, Stories: []StoryRef{}, Mentions: []news.Citation{},
				Quotes: []EntityQuote{}, Claims: []EntityClaim{}}
			idx.byID[id] = d
			articles[id] = map[string]bool{}
		}
		for _, al := range e.Aliases {
			if al != d.Name && !slices.Contains(d.Aliases, al) {
				d.Aliases = append(d.Aliases, al)
			}
		}
		if n := len(d.Stories); n == 0 || d.Stories[n-1].ID != v.ID {
			d.Stories = append(d.Stories, StoryRef{ID: v.ID, Title: v.Title})
			quotes, claims := EntityWords(v, id, e.Name, e.Aliases)
			d.Quotes, d.Claims = append(d.Quotes, quotes...), append(d.Claims, claims...)
		}
		for _, a := range e.Articles {
			articles[id][a] = true
		}
		for _, m := range e.Mentions {
			articles[id][m.ArticleID] = true
		}
		if len(d.Mentions) < 100 {
			d.Mentions = append(d.Mentions, e.Mentions[:min(len(e.Mentions), 100-len(d.Mentions))]...)
		}
		for _, at := range e.Attributes {
			for _, c := range at.Citations {
				d.Attributes = append(d.Attributes, SourcedAttribute{Name: at.Name, Value: at.Value,
					ArticleID: c.ArticleID, Source: source[c.ArticleID], StoryID: v.ID, Citation: c})
			}
		}
	}
	for _, q := range v.Quotes {
		idx.quotes = append(idx.quotes, StoryQuote{StoryID: v.ID, StoryTitle: v.Title, Quote: q})
	}
}

// Entities lists entities, most articles first.
func (c *ViewCatalog) Entities(ctx context.Context, typ news.EntityType, opt news.ListOptions) ([]EntitySummary, error) {
	idx, err := c.index(ctx)
	if err != nil {
		return nil, err
	}
	out := []EntitySummary{}
	skip := opt.Offset
	for _, e := range idx.entities {
		if typ != "" && e.Type != typ {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		if opt.Limit > 0 && len(out) == opt.Limit {
			break
		}
		out = append(out, e.EntitySummary)
	}
	return out, nil
}

// Entity returns one entity, or news.ErrNotFound.
func (c *ViewCatalog) Entity(ctx context.Context, id string) (*EntityDetail, error) {
	idx, err := c.index(ctx)
	if err != nil {
		return nil, err
	}
	e, ok := idx.byID[id]
	if !ok {
		return nil, news.ErrNotFound
	}
	return e, nil
}

// Quotes lists quotes of one story (read directly) or of all stories.
func (c *ViewCatalog) Quotes(ctx context.Context, storyID string, opt news.ListOptions) ([]StoryQuote, error) {
	var all []StoryQuote
	if storyID != "" {
		v, err := c.store.View(ctx, storyID)
		if err != nil {
			return nil, err
		}
		for _, q := range v.Quotes {
			all = append(all, StoryQuote{StoryID: v.ID, StoryTitle: v.Title, Quote: q})
		}
	} else {
		idx, err := c.index(ctx)
		if err != nil {
			return nil, err
		}
		all = idx.quotes
	}
	if opt.Offset >= len(all) {
		return []StoryQuote{}, nil
	}
	all = all[opt.Offset:]
	if opt.Limit > 0 && len(all) > opt.Limit {
		all = all[:opt.Limit]
	}
	return all, nil
}
