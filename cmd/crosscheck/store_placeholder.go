package main

// Placeholder for the lead's store.go, so this branch builds; the lead
// deletes this file on merge.

import (
	"context"
	"errors"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func openStore(ctx context.Context, path string) (news.Store, error) {
	return nil, errors.New("open store: no store in this branch")
}

func defaultDB() string { return "crosscheck.db" }
