package postgres_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/postgres"
	"github.com/crosscheck-news/crosscheck/internal/postgres/pgtest"
	"github.com/crosscheck-news/crosscheck/internal/storetest"
)

func open(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) news.Store { return open(t, pgtest.DSN(t)) })
}

func TestReopenKeepsDataAndMigratesOnce(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := open(t, dsn)
	a := &news.Article{Title: "t", Text: "some text"}
	if _, err := s.SaveArticle(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dsn)
	defer s.Close()
	if _, err := s.Article(t.Context(), a.ID); err != nil {
		t.Fatal(err)
	}
}

// Workers saving the same article at once must agree: one New, the rest
// Unchanged, one row.
func TestConcurrentSavesOfOneKey(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := open(t, dsn)
	defer s.Close()
	const n = 8
	results := make([]news.SaveResult, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a := &news.Article{URL: "https://example.com/same", Title: "Same", Text: "One article saved by many workers."}
			results[i], errs[i] = s.SaveArticle(t.Context(), a)
		})
	}
	wg.Wait()
	count := map[news.SaveResult]int{}
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		count[results[i]]++
	}
	if count[news.New] != 1 || count[news.Unchanged] != n-1 {
		t.Fatalf("results %v", count)
	}
	list, err := s.Articles(t.Context(), news.ListOptions{})
	if err != nil || len(list) != 1 {
		t.Fatalf("articles = %v, %v", list, err)
	}
}

func TestConcurrentOpenMigratesOnce(t *testing.T) {
	dsn := pgtest.DSN(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := postgres.Open(t.Context(), dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestTSQuery(t *testing.T) {
	q := news.ParseQuery(`rain OR snow "fashion week" -milan`)
	got, args := postgres.TSQuery(q, []any{20})
	want := `(phraseto_tsquery('crosscheck', $2) || phraseto_tsquery('crosscheck', $3)) && ` +
		`(phraseto_tsquery('crosscheck', $4)) && !! phraseto_tsquery('crosscheck', $5)`
	if got != want || len(args) != 5 || args[4] != "milan" {
		t.Errorf("TSQuery = %s %v", got, args)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Khloé": "Khloe", "Ångström": "Angstrom", "naïve café": "naive cafe", "plain": "plain"} {
		if got := postgres.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// With the unaccent dictionary, an unaccented query highlights the accented
// word in the original text.
func TestHighlightFoldsDiacritics(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := open(t, dsn)
	defer s.Close()
	var n int
	if err := s.DB().QueryRowContext(t.Context(), `SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'`).Scan(&n); err != nil || n == 0 {
		t.Skipf("unaccent extension not installed (%v): highlights keep accented words unmarked", err)
	}
	a := &news.Article{URL: "https://e.com/k", Title: "K", Text: "Khloé Kardashian was seen in Milan."}
	if _, err := s.SaveArticle(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(t.Context(), "khloe", news.SearchOptions{Limit: 5})
	hits := res.Hits
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits = %v, %v", hits, err)
	}
	if want := "[[Khloé]]"; !strings.Contains(hits[0].Snippet, want) {
		t.Errorf("snippet %q lacks %q", hits[0].Snippet, want)
	}
}
