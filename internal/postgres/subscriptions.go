package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

var _ news.SubscriptionStore = (*Store)(nil)

const subscriptionColumns = `url, kind, site, paused, added, etag, last_modified, last_poll, last_success, last_new,
	last_error, last_error_at, next_poll, interval_s, items_seen, failures`

// AddSubscription implements news.SubscriptionStore.
func (s *Store) AddSubscription(ctx context.Context, sub *news.Subscription) (bool, error) {
	if sub.Added.IsZero() {
		sub.Added = time.Now().UTC()
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO subscriptions (`+subscriptionColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (url) DO NOTHING`,
		sub.URL, sub.Kind, sub.Site, sub.Paused, sub.Added.UTC(), sub.ETag, sub.LastModified,
		timeOrNil(sub.LastPoll), timeOrNil(sub.LastSuccess), timeOrNil(sub.LastNew), sub.LastError,
		timeOrNil(sub.LastErrorAt), timeOrNil(sub.NextPoll), int64(sub.Interval/time.Second), sub.ItemsSeen, sub.Failures)
	if err != nil {
		return false, fmt.Errorf("add subscription: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func scanSubscription(sc interface{ Scan(...any) error }) (news.Subscription, error) {
	var (
		sub                                 news.Subscription
		added                               time.Time
		poll, success, lastNew, errAt, next sql.NullTime
		interval                            int64
	)
	err := sc.Scan(&sub.URL, &sub.Kind, &sub.Site, &sub.Paused, &added, &sub.ETag, &sub.LastModified,
		&poll, &success, &lastNew, &sub.LastError, &errAt, &next, &interval, &sub.ItemsSeen, &sub.Failures)
	sub.Added = added.UTC()
	sub.LastPoll, sub.LastSuccess, sub.LastNew = fromNull(poll), fromNull(success), fromNull(lastNew)
	sub.LastErrorAt, sub.NextPoll = fromNull(errAt), fromNull(next)
	sub.Interval = time.Duration(interval) * time.Second
	return sub, err
}

func (s *Store) querySubscriptions(ctx context.Context, where string, args ...any) ([]news.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("subscriptions: %w", err)
	}
	defer rows.Close()
	var out []news.Subscription
	for rows.Next() {
		sub, err := scanSubscription(rows)
		if err != nil {
			return nil, fmt.Errorf("subscriptions: %w", err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// Subscriptions implements news.SubscriptionStore.
func (s *Store) Subscriptions(ctx context.Context) ([]news.Subscription, error) {
	return s.querySubscriptions(ctx, `ORDER BY url`)
}

// Subscription implements news.SubscriptionStore.
func (s *Store) Subscription(ctx context.Context, url string) (*news.Subscription, error) {
	sub, err := scanSubscription(s.db.QueryRowContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE url = $1`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("subscription %s: %w", url, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("subscription %s: %w", url, err)
	}
	return &sub, nil
}

// DueSubscriptions implements news.SubscriptionStore.
func (s *Store) DueSubscriptions(ctx context.Context, now time.Time) ([]news.Subscription, error) {
	return s.querySubscriptions(ctx, `WHERE NOT paused AND (next_poll IS NULL OR next_poll <= $1)
		ORDER BY next_poll NULLS FIRST, url`, now.UTC())
}

// UpdateSubscription implements news.SubscriptionStore.
func (s *Store) UpdateSubscription(ctx context.Context, oldURL string, sub *news.Subscription) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("update subscription: %w", err)
	}
	defer tx.Rollback()
	target := oldURL
	if sub.URL != oldURL {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM subscriptions WHERE url = $1`, sub.URL).Scan(&n); err != nil {
			return fmt.Errorf("update subscription: %w", err)
		}
		if n > 0 { // it moved to a URL subscribed already: keep that one
			if _, err := tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE url = $1`, oldURL); err != nil {
				return fmt.Errorf("update subscription: %w", err)
			}
			target = sub.URL
		}
	}
	res, err := tx.ExecContext(ctx, `UPDATE subscriptions SET url = $1, kind = $2, site = $3, etag = $4,
		last_modified = $5, last_poll = $6, last_success = $7, last_new = $8, last_error = $9, last_error_at = $10,
		next_poll = $11, interval_s = $12, items_seen = $13, failures = $14 WHERE url = $15`,
		sub.URL, sub.Kind, sub.Site, sub.ETag, sub.LastModified, timeOrNil(sub.LastPoll),
		timeOrNil(sub.LastSuccess), timeOrNil(sub.LastNew), sub.LastError, timeOrNil(sub.LastErrorAt),
		timeOrNil(sub.NextPoll), int64(sub.Interval/time.Second), sub.ItemsSeen, sub.Failures, target)
	if err != nil {
		return fmt.Errorf("update subscription: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("subscription %s: %w", oldURL, news.ErrNotFound)
	}
	return tx.Commit()
}

// RemoveSubscription implements news.SubscriptionStore.
func (s *Store) RemoveSubscription(ctx context.Context, url string) error {
	return s.execOne(ctx, url, `DELETE FROM subscriptions WHERE url = $1`, url)
}

// SetPaused implements news.SubscriptionStore.
func (s *Store) SetPaused(ctx context.Context, url string, paused bool) error {
	return s.execOne(ctx, url, `UPDATE subscriptions SET paused = $1 WHERE url = $2`, paused, url)
}

func (s *Store) execOne(ctx context.Context, url, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("subscription %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("subscription %s: %w", url, news.ErrNotFound)
	}
	return nil
}

// SeenItems implements news.SubscriptionStore.
func (s *Store) SeenItems(ctx context.Context, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT key FROM seen_items WHERE key = ANY($1)`, keys)
	if err != nil {
		return nil, fmt.Errorf("seen items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("seen items: %w", err)
		}
		out[k] = true
	}
	return out, rows.Err()
}

// MarkSeen implements news.SubscriptionStore.
func (s *Store) MarkSeen(ctx context.Context, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("mark seen: %w", err)
	}
	defer tx.Rollback()
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO seen_items (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`, k); err != nil {
			return fmt.Errorf("mark seen: %w", err)
		}
	}
	return tx.Commit()
}

var _ news.SubscriptionClaimer = (*Store)(nil)

// ClaimDueSubscriptions implements news.SubscriptionClaimer.
func (s *Store) ClaimDueSubscriptions(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]news.Subscription, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("claim subscriptions: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions
		WHERE NOT paused AND (next_poll IS NULL OR next_poll <= $1)
		ORDER BY next_poll NULLS FIRST, url LIMIT $2 FOR UPDATE SKIP LOCKED`, now.UTC(), limit)
	if err != nil {
		return nil, fmt.Errorf("claim subscriptions: %w", err)
	}
	var out []news.Subscription
	for rows.Next() {
		sub, err := scanSubscription(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("claim subscriptions: %w", err)
		}
		out = append(out, sub)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claim subscriptions: %w", err)
	}
	for _, sub := range out {
		if _, err := tx.ExecContext(ctx, `UPDATE subscriptions SET next_poll = $1 WHERE url = $2`, now.Add(lease).UTC(), sub.URL); err != nil {
			return nil, fmt.Errorf("claim subscriptions: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("claim subscriptions: %w", err)
	}
	return out, nil
}
