package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/story"
)

// ChangesFunc tells what changed in a story since a time (story.Builder's
// Changes with the story stages).
type ChangesFunc func(ctx context.Context, id string, since time.Time) (*story.Changes, error)

// ParseSince reads a time as RFC 3339, a day (YYYY-MM-DD, UTC) or a
// duration before now ("24h", "90m"). The error names what was wanted, not
// the parameter: callers say which one it was.
func ParseSince(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("%q: want RFC 3339 (2024-03-04T10:00:00Z), a day (2024-03-04) or a duration ago (24h)", s)
}

// SinceParam reads the since query parameter; empty gives def before now.
func SinceParam(r *http.Request, def time.Duration) (time.Time, error) {
	s := r.URL.Query().Get("since")
	if s == "" {
		return time.Now().Add(-def), nil
	}
	t, err := ParseSince(s, time.Now())
	if err != nil {
		return t, Errorf(http.StatusBadRequest, "since %v", err)
	}
	return t, nil
}

// maxChanges bounds the change reports computed at once: each rebuilds a
// story as it stood, which costs about as much as a story rebuild.
const maxChanges = 2

func (a *API) changes(r *http.Request) (any, error) {
	if a.changesFn == nil {
		return nil, Errorf(http.StatusNotImplemented, "this server does not compute story changes")
	}
	since, err := SinceParam(r, 24*time.Hour)
	if err != nil {
		return nil, err
	}
	// A merged story's old id answers with its new address, as the story does.
	id := r.PathValue("id")
	if _, err := StoryView(r.Context(), a.store, id, "/api/v1/stories/"); err != nil {
		var m *Moved
		if errors.As(err, &m) {
			m.URL += "/changes"
		}
		return nil, err
	}
	select {
	case a.changing <- struct{}{}:
		defer func() { <-a.changing }()
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	return a.changesFn(r.Context(), id, since)
}
