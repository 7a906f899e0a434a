package news

import "context"

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
