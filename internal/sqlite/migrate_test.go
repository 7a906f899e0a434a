package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TestMigratePageType: articles stored before pages were typed read back
// as articles once the database is migrated.
func TestMigratePageType(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range migrations[:3] {
		if _, err := db.ExecContext(ctx, m); err != nil {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", 3)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO articles (id, key, ingested, content_hash, text, analysis)
		VALUES ('a1', 'hash:x', 0, 'x', 'Old text.', '{}')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if a.PageType != news.PageArticle || !a.PageType.IsArticle() {
		t.Fatalf("old article's page type %q", a.PageType)
	}
}
