package main

// Placeholders so the web branch builds before the SQLite store is merged;
// the lead deletes this file on merge (store.go defines the real ones).

import (
	"context"
	"errors"
	"os"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

func openStore(ctx context.Context, dbPath string) (news.Store, error) {
	return nil, errors.New("store not wired yet")
}

func defaultDB() string {
	if p := os.Getenv("CROSSCHECK_DB"); p != "" {
		return p
	}
	return "crosscheck.db"
}

// newIngester returns the ingester behind POST /api/v1/articles; nil keeps
// ingest disabled.
func newIngester(store news.Store) api.Ingester { return nil }
