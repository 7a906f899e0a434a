package ingest

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Size walks as Read does (hidden entries skipped), and Consumed ends at
// the bytes Size counted.
func TestSizeAndConsumed(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Alpha\n\nFirst story text here.\n")
	write("sub/b.txt", "Beta\n\nSecond story text.\n")
	write(".hidden/c.txt", "Gamma\n\nNot read.\n")
	files, bytes, ok := (&Reader{}).Size([]string{dir, filepath.Join(dir, "missing")})
	want := int64(len("Alpha\n\nFirst story text here.\n") + len("Beta\n\nSecond story text.\n"))
	if files != 2 || bytes != want || !ok {
		t.Errorf("Size = %d, %d, %v; want 2, %d, true", files, bytes, ok, want)
	}
	if _, _, ok := (&Reader{}).Size([]string{dir, "-"}); ok {
		t.Error("standard input has a known size")
	}
	r := &Reader{Consumed: new(atomic.Int64)}
	err := r.Read(t.Context(), []string{dir}, func(news.Document) error { return nil }, func(f Failure) { t.Error(f) })
	if err != nil || r.Consumed.Load() != want {
		t.Errorf("consumed %d, %v; want %d", r.Consumed.Load(), err, want)
	}
}
