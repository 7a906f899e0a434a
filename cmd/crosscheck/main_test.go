package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestIngestMalformedJSONLStoresGoodLinesAndExits1(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"id":"1","url":"https://a.test/1","source":"A","title":"One","text":"Khloé Kardashian was seen in Milan with an actor."}
{"id":"2","text": broken
{"id":"3","url":"https://b.test/3","source":"B","title":"Three","published":"2022-09-27","text":"A rep said they are not dating."}
`), 0o644)
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, in}); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Articles(t.Context(), news.ListOptions{})
	s.Close()
	if len(list) != 2 {
		t.Fatalf("stored %d articles, want 2", len(list))
	}
	// Again: nothing new, and the good file alone exits 0.
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Title: T\nSource: C\n\nSome article text."), 0o644)
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, good}); code != 0 {
		t.Fatalf("good file: exit %d", code)
	}
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, good}); code != 0 {
		t.Fatalf("re-ingest: exit %d", code)
	}
	s, _ = openStore(t.Context(), db)
	defer s.Close()
	list, _ = s.Articles(t.Context(), news.ListOptions{})
	if len(list) != 3 {
		t.Fatalf("after re-ingest %d articles, want 3", len(list))
	}
	for _, a := range list {
		if a.StoryID == "" {
			t.Errorf("article %s has no story", a.ID)
		}
		if _, err := s.View(t.Context(), a.StoryID); err != nil {
			t.Errorf("story view %s: %v", a.StoryID, err)
		}
	}
}

func TestUnknownCommandAndUsage(t *testing.T) {
	if code := run(t.Context(), []string{"nope"}); code != 2 {
		t.Errorf("unknown command exit %d", code)
	}
	// Usage errors exit 2: a missing argument, an extra one, a bad flag,
	// conflicting flags, an empty search.
	db := filepath.Join(t.TempDir(), "d.db")
	for _, args := range [][]string{
		{"ingest", "--db", db},
		{"story", "--db", db},
		{"story", "a", "b", "--db", db},
		{"stories", "--bogus", "--db", db},
		{"story", "x", "--json", "--markdown", "--db", db},
		{"search", " ", "--db", db},
	} {
		if code := run(t.Context(), args); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestArgNames(t *testing.T) {
	if got := strings.Join(argNames("story ID [--json|--markdown]"), ","); got != "ID" {
		t.Errorf("argNames = %q", got)
	}
	if got := strings.Join(argNames("entity ID [--json] [--db PATH]"), ","); got != "ID" {
		t.Errorf("argNames = %q", got)
	}
}

func TestReorderKeepsFlagValues(t *testing.T) {
	fs := newFlags("x", "x")
	fs.String("db", "", "")
	fs.Bool("json", false, "")
	got := strings.Join(reorder(fs, []string{"ID", "--db", "/tmp/a.db", "--json", "more"}), " ")
	if got != "--db /tmp/a.db --json ID more" {
		t.Errorf("reorder = %q", got)
	}
}

// TestReadCommandsNeverCreateAStore: a command that only reads says there
// is no store and how to make one, and leaves no file behind.
func TestReadCommandsNeverCreateAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{{"stories"}, {"story", "x"}, {"articles"}, {"search", "x"}, {"entities"}, {"check"},
		{"follow", "list"}, {"follow", "remove", "https://a.test/feed"}, {"follow", "pause", "https://a.test/feed"},
		{"follow", "resume", "https://a.test/feed"}, {"follow", "run", "--once"}} {
		if code := run(t.Context(), append(args, "--db", db)); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v created %s", args, db)
		}
	}
}

// TestInputIDIsKept: a JSONL line's own id is stored beside ours.
func TestInputIDIsKept(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"id":"row-17","title":"Tram vote","text":"The council voted on Tuesday to fund a tram line."}`+"\n"), 0o644)
	db := filepath.Join(dir, "id.db")
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, in}); code != 0 {
		t.Fatalf("ingest exit %d", code)
	}
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, _ := s.Articles(t.Context(), news.ListOptions{})
	if len(list) != 1 {
		t.Fatalf("articles %v", list)
	}
	a, err := s.Article(t.Context(), list[0].ID)
	if err != nil || a.InputID != "row-17" {
		t.Errorf("input id %q, %v", a.InputID, err)
	}
}

// TestStoryExportFlags: `story ID --csv` prints the CSV table; two formats
// at once are refused.
func TestStoryExportFlags(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"url":"https://a.test/1","source":"A","title":"Council backs tram","text":"The council backed the tram line on Tuesday."}`+"\n"), 0o644)
	db := filepath.Join(dir, "x.db")
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, in}); code != 0 {
		t.Fatalf("ingest exit %d", code)
	}
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Stories(t.Context(), news.ListOptions{})
	s.Close()
	if len(list) != 1 {
		t.Fatalf("stories %v", list)
	}
	out, err := os.Create(filepath.Join(dir, "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = out
	code := run(t.Context(), []string{"story", list[0].ID, "--csv", "--db", db})
	os.Stdout = stdout
	out.Close()
	b, _ := os.ReadFile(out.Name())
	if code != 0 || !strings.HasPrefix(string(b), "kind,id,claim_id,article_id,outlet,") || !strings.Contains(string(b), "\narticle,") {
		t.Errorf("story --csv: exit %d, output %q", code, b)
	}
	for _, both := range [][]string{{"--csv", "--json"}, {"--csv", "--markdown"}} {
		if code := run(t.Context(), append([]string{"story", list[0].ID, "--db", db}, both...)); code == 0 {
			t.Errorf("story %v accepted", both)
		}
	}
}

// TestStorySince: what changed in a story since a time is the articles
// ingested after it and what they changed, found by rebuilding the story
// as it stood.
func TestStorySince(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "since.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	first := write("a.jsonl", `{"id":"1","source":"Ledger","title":"Harbour bridge to reopen","text":"The harbour bridge in Port Vell will reopen to traffic on Monday after two years of repairs, the city council said on Friday. Engineers replaced the cables and the deck of the bridge."}
{"id":"2","source":"Coast","title":"Port Vell bridge reopens Monday","text":"Port Vell's harbour bridge reopens on Monday after two years of repairs, the city council announced. The cables and deck of the harbour bridge were replaced by engineers."}
`)
	second := write("b.jsonl", `{"id":"3","source":"Gazette","title":"Harbour bridge reopening delayed","text":"The reopening of the harbour bridge in Port Vell has been delayed, the city council said on Sunday, as engineers found new cracks in the deck of the bridge after two years of repairs."}
`)
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, first}); code != 0 {
		t.Fatalf("first ingest exit %d", code)
	}
	time.Sleep(1100 * time.Millisecond) // ingest times are kept to the second in some stores
	mid := time.Now().UTC().Format(time.RFC3339)
	time.Sleep(1100 * time.Millisecond)
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", db, second}); code != 0 {
		t.Fatalf("second ingest exit %d", code)
	}
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Stories(t.Context(), news.ListOptions{})
	if err != nil || len(list) == 0 {
		t.Fatalf("stories: %v %v", list, err)
	}
	e, err := engine.New(t.Context(), s, engine.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	since, _ := time.Parse(time.RFC3339, mid)
	var found bool
	for _, st := range list {
		ch, err := e.Builder().Changes(t.Context(), st.ID, since)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range ch.Articles {
			if a.Source != "Gazette" {
				t.Errorf("article %s (%s) is not new", a.ID, a.Source)
			}
			found = true
		}
	}
	if !found {
		t.Error("the Gazette article is not listed as new")
	}
	if code := run(t.Context(), []string{"story", list[0].ID, "--since", "2999-01-01", "--db", db}); code != 0 {
		t.Errorf("story --since exit %d", code)
	}
	if code := run(t.Context(), []string{"story", list[0].ID, "--since", "yesterday", "--db", db}); code != 2 {
		t.Errorf("story --since yesterday: exit %d, want 2", code)
	}
}
