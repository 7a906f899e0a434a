package news

import (
	"context"
	"time"
)

// StateStore keeps named blobs of a process's own state beside the data
// (the story clusterer's snapshot), so that a restart resumes in seconds
// instead of replaying every stored article. Implemented by the SQLite and
// PostgreSQL stores; a store without it just makes restarts slower.
type StateStore interface {
	// SaveState replaces the blob called name.
	SaveState(ctx context.Context, name string, data []byte) error
	// State returns the blob called name, or ErrNotFound.
	State(ctx context.Context, name string) ([]byte, error)
}

// StoryArchive records which stories the story clusterer archived (dropped
// from memory once they had no article within its window) and finds them
// again by their articles' words, so that a story comes back when news of
// it does. A story that gains an article (SetStory, SetStories,
// MergeStory) is active again. Implemented by the SQLite and PostgreSQL
// stores.
type StoryArchive interface {
	// SetArchived marks the stories archived, or active again when
	// archived is false; ids the store does not know are skipped.
	SetArchived(ctx context.Context, ids []string, archived bool) error
	// ArchivedStories returns the ids of the archived stories, sorted.
	ArchivedStories(ctx context.Context) ([]string, error)
	// FindArchived returns up to limit archived stories holding an article
	// that matches query, read as ParseQuery reads it, and was published at
	// or after since (zero: any date; undated articles always qualify):
	// the story of the best-ranked article first. A query without a
	// positive term finds nothing.
	FindArchived(ctx context.Context, query string, since time.Time, limit int) ([]string, error)
}
