package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

var _ news.StateStore = (*Store)(nil)

// SaveState implements news.StateStore.
func (s *Store) SaveState(ctx context.Context, name string, data []byte) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO state (name, data, saved) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET data = excluded.data, saved = excluded.saved`, name, data, time.Now().Unix()); err != nil {
		return fmt.Errorf("save state %s: %w", name, err)
	}
	return nil
}

// State implements news.StateStore.
func (s *Store) State(ctx context.Context, name string) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM state WHERE name = ?`, name).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("state %s: %w", name, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("state %s: %w", name, err)
	}
	return data, nil
}
