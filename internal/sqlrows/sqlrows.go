// Package sqlrows reads the one- and two-column results that the SQLite and
// PostgreSQL stores share, so that both backends scan them the same way.
package sqlrows

import (
	"context"
	"database/sql"
	"fmt"
)

// IDs runs a query of one text column; what names it in errors. It returns
// an empty slice, never nil, when no row matches.
func IDs(ctx context.Context, db *sql.DB, what, q string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	ids := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Marks runs a query of (id, mark) rows; what names it in errors.
func Marks(ctx context.Context, db *sql.DB, what, q string, args ...any) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var id string
		var m int64
		if err := rows.Scan(&id, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out[id] = m
	}
	return out, rows.Err()
}
