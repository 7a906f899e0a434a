package news

import (
	"context"
	"encoding/json"
	"time"
)

// Kinds of subscription.
const (
	KindFeed    = "feed"    // RSS, Atom or JSON Feed
	KindSitemap = "sitemap" // a sitemap (<urlset>, Google News entries) or sitemap index
)

// Subscription is a feed or sitemap polled for new articles, with the state
// of its polling.
type Subscription struct {
	URL          string        `json:"url"`            // what is polled; the key
	Kind         string        `json:"kind"`           // KindFeed or KindSitemap
	Site         string        `json:"site,omitempty"` // the page the feed was discovered on, if any
	Paused       bool          `json:"paused"`
	Added        time.Time     `json:"added,omitzero"`
	ETag         string        `json:"etag,omitempty"`          // validators of the last copy fetched,
	LastModified string        `json:"last_modified,omitempty"` // for a conditional GET
	LastPoll     time.Time     `json:"last_poll,omitzero"`
	LastSuccess  time.Time     `json:"last_success,omitzero"`
	LastNew      time.Time     `json:"last_new,omitzero"` // when a poll last found new items
	LastError    string        `json:"last_error,omitempty"`
	LastErrorAt  time.Time     `json:"last_error_at,omitzero"`
	NextPoll     time.Time     `json:"next_poll,omitzero"` // due at or after this time
	Interval     time.Duration `json:"-"`                  // between successful polls, adapted to the source
	ItemsSeen    int           `json:"items_seen"`
	Failures     int           `json:"failures"` // polls failed in a row
}

// MarshalJSON writes the interval in seconds ("interval_s") and leaves
// out the times that never happened.
func (s Subscription) MarshalJSON() ([]byte, error) {
	type plain Subscription
	return json.Marshal(struct {
		plain
		IntervalSeconds int64 `json:"interval_s"`
	}{plain(s), int64(s.Interval / time.Second)})
}

// SubscriptionStore keeps subscriptions and the items already stored from
// them. Implemented by the SQLite and PostgreSQL stores (not part of Store:
// the read-only stores used by handlers need not have it).
type SubscriptionStore interface {
	// AddSubscription stores s if its URL is not subscribed yet and
	// reports whether it did; an existing subscription is left as it is.
	AddSubscription(ctx context.Context, s *Subscription) (added bool, err error)
	// Subscriptions lists every subscription by URL.
	Subscriptions(ctx context.Context) ([]Subscription, error)
	// Subscription returns one, or ErrNotFound.
	Subscription(ctx context.Context, url string) (*Subscription, error)
	// DueSubscriptions lists the subscriptions not paused whose NextPoll is
	// at or before now, the longest overdue first.
	DueSubscriptions(ctx context.Context, now time.Time) ([]Subscription, error)
	// UpdateSubscription saves s's polling state (everything but URL, Added
	// and Paused, which SetPaused alone changes, so a poll that ends after
	// a pause does not undo it);
	// ErrNotFound when oldURL is not subscribed. When the source moved
	// (s.URL differs from oldURL) the subscription is renamed; when s.URL is
	// subscribed already, the two are one and oldURL's is removed instead.
	UpdateSubscription(ctx context.Context, oldURL string, s *Subscription) error
	// RemoveSubscription deletes one, or returns ErrNotFound.
	RemoveSubscription(ctx context.Context, url string) error
	// SetPaused pauses or resumes one, or returns ErrNotFound.
	SetPaused(ctx context.Context, url string, paused bool) error
	// SeenItems returns which of keys were marked seen.
	SeenItems(ctx context.Context, keys []string) (map[string]bool, error)
	// MarkSeen remembers keys (idempotent): their pages are stored, or
	// will never be, and are not fetched again.
	MarkSeen(ctx context.Context, keys []string) error
}

// SubscriptionClaimer is a SubscriptionStore that several pollers (follow
// runs, on one machine or many) can share without two of them polling the
// same subscription at once. Implemented by the PostgreSQL store (row locks
// skipped, not waited for) and the SQLite store (one writer at a time).
type SubscriptionClaimer interface {
	// ClaimDueSubscriptions takes up to limit of the subscriptions
	// DueSubscriptions lists, in its order, and in the same transaction
	// moves their next poll to now+lease, so that no claimer gets them again
	// before UpdateSubscription saves the poll's outcome or the lease ends
	// (a poller that died). The subscriptions are returned as they were
	// before the claim.
	ClaimDueSubscriptions(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]Subscription, error)
}
