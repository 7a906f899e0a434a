package main

import (
	"context"
	"flag"
	"os"

	"github.com/crosscheck-news/crosscheck/internal/news"
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
	return fs.String("db", defaultDB(), "store: a SQLite file path (default $CROSSCHECK_DB or ./crosscheck.db)")
}

// openStore opens the store at path.
func openStore(ctx context.Context, path string) (news.Store, error) {
	return sqlite.Open(ctx, path)
}
