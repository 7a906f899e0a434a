package news

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned when a requested article, story or entity does not exist.
var ErrNotFound = errors.New("not found")

// ErrOverBudget is returned for an article that needs more work than one
// article may take (too large a page or text, or too long an analysis): it
// fails alone and the articles around it go on.
var ErrOverBudget = errors.New("over the work budget of one article")

// Stage is one per-article analysis step (clean, segment, entities, quotes,
// claims, fingerprint). Process reads and fills fields of a; it must be safe
// to call concurrently on different articles and must not do I/O.
type Stage interface {
	Process(ctx context.Context, a *Article) error
}

// StoryStage is one cross-article step (entity resolution, quote merging,
// copies, claims, contradictions, timeline, sheet). Build fills fields of v
// from the story's articles, ordered by publication date then id.
type StoryStage interface {
	Build(ctx context.Context, v *StoryView, articles []*Article) error
}

// SaveResult tells what saving an article did.
type SaveResult int

// Save results.
const (
	Unchanged SaveResult = iota // the same content was already stored
	New                         // a new article
	Updated                     // a new revision of a stored URL
)

func (r SaveResult) String() string {
	switch r {
	case New:
		return "new"
	case Updated:
		return "updated"
	default:
		return "unchanged"
	}
}

// ListOptions pages and sorts lists.
type ListOptions struct {
	Limit  int // 0 means no limit
	Offset int
	// Sort orders stories by "size" (articles, the default), "fresh" (the
	// latest article's publication) or "growth" (articles ingested since
	// GrowthSince); articles by "published" (newest first) or ingest order.
	Sort string
	// Stories only: those with an article from Source (case-insensitive),
	// and those whose articles' publication span meets [From, To); a zero
	// bound is open, and a date bound leaves out undated stories.
	Source   string
	From, To time.Time
	// GrowthSince starts the window of Sort "growth"; zero means 24 hours ago.
	GrowthSince time.Time
}

// SearchHit is one full-text search result.
type SearchHit struct {
	Article ArticleSummary `json:"article"`
	Snippet string         `json:"snippet"` // with matches wrapped in [[ and ]]
	Rank    float64        `json:"rank"`
}

// ArticleStore stores articles and their revisions.
type ArticleStore interface {
	// SaveArticle stores a by canonical URL, else by content hash. The same
	// content again returns Unchanged and writes nothing; changed content at a
	// stored URL is kept as a new revision and returns Updated. a.ID and
	// a.Revision are set on return.
	SaveArticle(ctx context.Context, a *Article) (SaveResult, error)
	// SaveArticles saves several articles as SaveArticle does, in order,
	// with one transaction where the store can; results match arts.
	SaveArticles(ctx context.Context, arts []*Article) ([]SaveResult, error)
	// Article returns the latest revision of an article, or ErrNotFound.
	Article(ctx context.Context, id string) (*Article, error)
	// Articles lists article summaries, newest first.
	Articles(ctx context.Context, opt ListOptions) ([]ArticleSummary, error)
	// ArticlesByID returns full articles in the order of ids; unknown ids are skipped.
	ArticlesByID(ctx context.Context, ids []string) ([]*Article, error)
	// Search ranks articles by full-text relevance to query, read as
	// ParseQuery reads it, among the articles opt lets through, and counts
	// every match. Odd input is never an error: a query without a positive
	// term matches nothing.
	Search(ctx context.Context, query string, opt SearchOptions) (SearchResult, error)
}

// StoryStore stores story membership and computed story views.
type StoryStore interface {
	// SetStory puts an article in a story (moving it out of any other). In
	// the same transaction it marks dirty the story and the one the article
	// left: their views no longer match their articles.
	SetStory(ctx context.Context, articleID, storyID string) error
	// SetStories sets several memberships (article id, story id) at once,
	// marking dirty as SetStory does.
	SetStories(ctx context.Context, pairs [][2]string) error
	// DirtyStories returns the stories marked dirty and not rebuilt since:
	// what a run that was interrupted left to do.
	DirtyStories(ctx context.Context) ([]string, error)
	// DirtyMarks returns the dirty stories with their marks: a mark grows
	// with every change, so a rebuilder that reads it before the story's
	// articles and saves the view with it (StoryView.DirtyMark) leaves the
	// story dirty when it changed meanwhile.
	DirtyMarks(ctx context.Context) (map[string]int64, error)
	// StoryArticles returns the ids of the story's articles.
	StoryArticles(ctx context.Context, storyID string) ([]string, error)
	// Stories lists stories with their summaries.
	Stories(ctx context.Context, opt ListOptions) ([]Story, error)
	// Story returns one story's summary, or ErrNotFound.
	Story(ctx context.Context, id string) (*Story, error)
	// SaveView stores a story's computed view, refreshes its summary and
	// clears its dirty mark. When v.DirtyMark is not 0 (a rebuilder beside
	// the assigner) and the story's mark moved since it was read, it saves
	// nothing: the view is already stale, and the story stays dirty.
	SaveView(ctx context.Context, v *StoryView) error
	// View returns a story's stored view, or ErrNotFound. Stores may share
	// the returned view between callers: it must not be modified.
	View(ctx context.Context, id string) (*StoryView, error)
	// DeleteStory removes a story that has no articles; one that gained an
	// article meanwhile is left as it is.
	DeleteStory(ctx context.Context, id string) error
	// MergeStory moves every article of story from into story to, marking
	// both dirty, and records that from became to, in one transaction.
	MergeStory(ctx context.Context, from, to string) error
	// MergedInto returns the story a merged story's articles are in now
	// (following merges of merges), or ErrNotFound when id was never merged.
	MergedInto(ctx context.Context, id string) (string, error)
	// Assignments returns every article id with its story id, in ingest order.
	Assignments(ctx context.Context) ([][2]string, error)
}

// Store is the whole storage contract, implemented by SQLite and PostgreSQL
// and checked by one conformance suite (internal/storetest).
type Store interface {
	ArticleStore
	StoryStore
	Close() error
}

// Queue carries work between processes in the distributed deployment
// (NATS JetStream) or between goroutines in the embedded one.
type Queue interface {
	// Publish enqueues one message on subject; it returns once the queue has
	// durably accepted it.
	Publish(ctx context.Context, subject string, data []byte) error
	// Consume calls handle for each message on subject until ctx ends. A
	// message is acknowledged only when handle returns nil; otherwise it is
	// redelivered later, so handlers must be idempotent.
	Consume(ctx context.Context, subject string, handle func(ctx context.Context, data []byte) error) error
	Close() error
}

// FollowMerges follows the merges of story id, asking next for the story
// each was merged into (ok false when it was not), to the story its
// articles are in now; ErrNotFound when id was never merged. Stores share
// it for MergedInto.
func FollowMerges(id string, next func(string) (to string, ok bool, err error)) (string, error) {
	cur := id
	for range 64 { // merges of merges, bounded
		to, ok, err := next(cur)
		if err != nil {
			return "", fmt.Errorf("merged story %s: %w", id, err)
		}
		if !ok {
			break
		}
		cur = to
	}
	if cur == id {
		return "", fmt.Errorf("story %s: %w", id, ErrNotFound)
	}
	return cur, nil
}
