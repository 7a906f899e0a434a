package sqlite_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
	"github.com/crosscheck-news/crosscheck/internal/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) news.Store {
		s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "re.db")
	s, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Title: "t", Text: "some text"}
	if _, err := s.SaveArticle(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Article(t.Context(), a.ID); err != nil {
		t.Fatal(err)
	}
}

// TestOneWriter: a second store object on the same file cannot take the
// writer lock while the first holds it, and can once the first is closed;
// readers never need it.
func TestOneWriter(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "w.db")
	a, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.LockWriter(); err != nil {
		t.Fatal(err)
	}
	if err := a.LockWriter(); err != nil {
		t.Fatalf("again: %v", err)
	}
	b, err := sqlite.Open(ctx, path) // a reader opens it fine
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.Stories(ctx, news.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	err = b.LockWriter()
	if err == nil || !strings.Contains(err.Error(), "is writing to "+path) || !strings.Contains(err.Error(), "pid") {
		t.Fatalf("second writer: %v", err)
	}
	a.Close()
	if err := b.LockWriter(); err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
}
