// Package pgtest gives each test its own empty PostgreSQL schema, or skips
// the test when no server answers at $CROSSCHECK_POSTGRES.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultURL is used when $CROSSCHECK_POSTGRES is not set.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// URL returns the server to test against.
func URL() string {
	if u := os.Getenv("CROSSCHECK_POSTGRES"); u != "" {
		return u
	}
	return DefaultURL
}

// DSN creates a fresh schema, drops it when the test ends, and returns a
// connection string whose search_path selects it. The test is skipped when
// the server is unreachable.
func DSN(t testing.TB) string {
	t.Helper()
	base := URL()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Skipf("PostgreSQL unreachable at %s (set CROSSCHECK_POSTGRES): %v", base, err)
	}
	defer conn.Close(context.Background())
	var b [6]byte
	rand.Read(b[:])
	schema := "cc_test_" + hex.EncodeToString(b[:])
	// unaccent goes in public so that dropping a test schema never drops it
	// from under another test; without the privilege, stores fold in Go only.
	conn.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Logf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	return WithSearchPath(base, schema+",public")
}

// WithSearchPath adds a search_path run-time parameter to a connection
// string in URL or key=value form.
func WithSearchPath(dsn, path string) string {
	if !strings.Contains(dsn, "://") {
		return dsn + " search_path=" + path
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	q.Set("search_path", path)
	u.RawQuery = q.Encode()
	return u.String()
}
