package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/postgres"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
)

// defaultDB is the store used when --db is not given: $CROSSCHECK_DB, else
// ./crosscheck.db.
func defaultDB() string {
	if p := os.Getenv("CROSSCHECK_DB"); p != "" {
		return p
	}
	return "crosscheck.db"
}

// dbFlag adds the --db flag every command has.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB(), "store: a SQLite file path or a postgres:// URL ($CROSSCHECK_DB sets the default)")
}

// openStore opens the store at path: PostgreSQL for a postgres:// or
// postgresql:// URL, else a SQLite file.
// openExistingStore opens a store that must exist already: a command that
// only reads never leaves an empty database file behind.
func openExistingStore(ctx context.Context, path string) (news.Store, error) {
	if !postgres.IsURL(path) {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s: make one with `crosscheck ingest --db %s FILES...` or `crosscheck demo --db %s`",
				path, path, path)
		}
	}
	return openStore(ctx, path)
}

func openStore(ctx context.Context, path string) (news.Store, error) {
	if postgres.IsURL(path) {
		return postgres.Open(ctx, path)
	}
	return sqlite.Open(ctx, path)
}
