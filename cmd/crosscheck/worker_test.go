package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/nats/natstest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/postgres/pgtest"
)

// The distributed mode end to end: ingest publishes, two workers and one
// assigner run concurrently, and the stored stories hold every article once.
func TestDistributedIngest(t *testing.T) {
	db := pgtest.DSN(t)
	queue := natstest.URL() + "?namespace=" + natstest.Namespace(t)
	in := filepath.Join(t.TempDir(), "in.jsonl")
	os.WriteFile(in, []byte(`{"url":"https://a.test/1","source":"A","title":"Flood in Valencia","published":"2024-10-30","text":"Heavy rain flooded streets in Valencia on Tuesday, officials said."}
{"url":"https://b.test/2","source":"B","title":"Chess final","published":"2024-11-02","text":"The chess final went to a tie-break after four drawn games."}
{"url":"https://c.test/3","source":"C","title":"Bakery prize","text":"A small bakery in Lyon won the national croissant prize."}
{"text": broken
{"url":"https://a.test/1?utm_source=feed","source":"A","title":"Flood in Valencia","published":"2024-10-30","text":"Heavy rain flooded streets in Valencia on Tuesday, officials said."}
`), 0o644)
	if code := run(t.Context(), []string{"ingest", "--quiet", "--queue", queue, in}); code != 1 {
		t.Fatalf("ingest exit %d, want 1 for the broken line", code)
	}

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exits := make(chan int, 2)
	go func() { exits <- run(ctx, []string{"worker", "--db", db, "--queue", queue, "--workers", "2"}) }()
	go func() { exits <- run(ctx, []string{"assign", "--db", db, "--queue", queue}) }()

	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var list []news.ArticleSummary
	deadline := time.Now().Add(20 * time.Second)
	for {
		list, err = s.Articles(t.Context(), news.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 3 && allPlaced(t, s, list) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out; stored %+v", list)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// Let the duplicate line's announcement drain, then stop both.
	time.Sleep(500 * time.Millisecond)
	cancel()
	for range 2 {
		if code := <-exits; code != 0 {
			t.Errorf("process exit %d", code)
		}
	}

	stories, err := s.Stories(t.Context(), news.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	inViews := map[string]int{}
	for _, st := range stories {
		v, err := s.View(t.Context(), st.ID)
		if err != nil {
			t.Fatalf("view %s: %v", st.ID, err)
		}
		for _, a := range v.Articles {
			inViews[a.ID]++
		}
	}
	for _, a := range list {
		if inViews[a.ID] != 1 {
			t.Errorf("article %s (%s) is in %d story views", a.ID, a.Title, inViews[a.ID])
		}
	}
	if as, _ := s.Assignments(t.Context()); len(as) != 3 {
		t.Errorf("assignments %v", as)
	}
	if res, _ := s.Search(t.Context(), "croissant", news.SearchOptions{Limit: 5}); len(res.Hits) != 1 {
		t.Errorf("search croissant: %v", res.Hits)
	}
}

// allPlaced reports whether every article has a story with a stored view.
func allPlaced(t *testing.T, s news.Store, list []news.ArticleSummary) bool {
	for _, a := range list {
		if a.StoryID == "" {
			return false
		}
		v, err := s.View(t.Context(), a.StoryID)
		if err != nil {
			return false
		}
		found := false
		for _, x := range v.Articles {
			found = found || x.ID == a.ID
		}
		if !found {
			return false
		}
	}
	return true
}

func TestWorkerNeedsQueue(t *testing.T) {
	if code := run(t.Context(), []string{"worker", "--db", filepath.Join(t.TempDir(), "x.db"), "--queue", ""}); code != 1 {
		t.Errorf("worker without --queue: exit %d", code)
	}
	if code := run(t.Context(), []string{"assign", "--db", filepath.Join(t.TempDir(), "x.db"), "--queue", "redis://x"}); code != 1 {
		t.Errorf("assign with a non-NATS queue: exit %d", code)
	}
}

// TestDistributedStoriesMatchEmbedded: the same input gives the same
// stories in both modes: the distributed assigner repairs stories when its
// queue falls idle, as an embedded run does at its end.
func TestDistributedStoriesMatchEmbedded(t *testing.T) {
	t.Run("uninterrupted", func(t *testing.T) { distributedAgainstEmbedded(t, 0) })
	t.Run("assigner restarted", func(t *testing.T) { distributedAgainstEmbedded(t, 60) })
}

// distributedAgainstEmbedded runs the comparison; with restartAt > 0 the
// assigner is stopped once that many articles are placed and a new one
// takes over, as after a crash.
func distributedAgainstEmbedded(t *testing.T, restartAt int) {
	if testing.Short() {
		t.Skip("distributed against embedded: skipped in -short mode")
	}
	db := pgtest.DSN(t)
	queue := natstest.URL() + "?namespace=" + natstest.Namespace(t)
	in := veracityHead(t, 150)

	embedded := filepath.Join(t.TempDir(), "embedded.db")
	if code := run(t.Context(), []string{"ingest", "--quiet", "--db", embedded, in}); code != 0 {
		t.Fatalf("embedded ingest exit %d", code)
	}
	want := openAndDescribe(t, t.Context(), embedded)

	if code := run(t.Context(), []string{"ingest", "--quiet", "--queue", queue, in}); code != 0 {
		t.Fatalf("publish exit %d", code)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exits := make(chan int, 3)
	go func() { exits <- run(ctx, []string{"worker", "--db", db, "--queue", queue, "--workers", "1"}) }()
	actx, acancel := context.WithCancel(ctx)
	defer acancel()
	go func() { exits <- run(actx, []string{"assign", "--db", db, "--queue", queue}) }()
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Minute)
	restarted := restartAt == 0
	for {
		as, err := s.Assignments(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if !restarted && len(as) >= restartAt {
			acancel() // the assigner stops mid-run; a new one takes over
			if code := <-exits; code != 0 {
				t.Errorf("stopped assigner exit %d", code)
			}
			go func() { exits <- run(ctx, []string{"assign", "--db", db, "--queue", queue}) }()
			restarted = true
		}
		if len(as) == want.articles {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %d of %d articles placed", len(as), want.articles)
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(engine.RepairIdle + 2*time.Second) // the idle repair and its rebuilds
	cancel()
	for range 2 {
		if code := <-exits; code != 0 {
			t.Errorf("process exit %d", code)
		}
	}
	s.Close()
	got := openAndDescribe(t, t.Context(), db)
	same := 0
	wantSet := map[string]bool{}
	for _, st := range want.stories {
		wantSet[st] = true
	}
	for _, st := range got.stories {
		if wantSet[st] {
			same++
		}
	}
	t.Logf("stories: distributed %d, embedded %d, identical %d", len(got.stories), len(want.stories), same)
	if d := len(got.stories) - len(want.stories); d*50 > len(want.stories) || -d*50 > len(want.stories) || same*100 < 95*len(want.stories) {
		t.Errorf("distributed stories differ from embedded ones: %d vs %d, %d identical", len(got.stories), len(want.stories), same)
	}
}

// TestDistributedKeepsNonArticlesOut: in the distributed mode too, a page
// that is not an article is saved by a worker but never placed by the
// assigner.
func TestDistributedKeepsNonArticlesOut(t *testing.T) {
	db := pgtest.DSN(t)
	queue := natstest.URL() + "?namespace=" + natstest.Namespace(t)
	in := filepath.Join(t.TempDir(), "in.jsonl")
	os.WriteFile(in, []byte(`{"url":"https://a.test/2024/10/flood","source":"A","title":"Flood in Valencia","text":"Heavy rain flooded streets in Valencia on Tuesday, officials said."}
{"url":"https://b.test/tag/floods/","source":"B","title":"Floods","text":"Flood in Valencia\nFloods in Spain\nRain in Valencia"}
`), 0o644)
	if code := run(t.Context(), []string{"ingest", "--quiet", "--queue", queue, in}); code != 0 {
		t.Fatalf("ingest exit %d", code)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exits := make(chan int, 2)
	go func() { exits <- run(ctx, []string{"worker", "--db", db, "--queue", queue}) }()
	go func() { exits <- run(ctx, []string{"assign", "--db", db, "--queue", queue}) }()
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var list []news.ArticleSummary
	for deadline := time.Now().Add(20 * time.Second); ; {
		if list, err = s.Articles(t.Context(), news.ListOptions{}); err != nil {
			t.Fatal(err)
		}
		placed := 0
		for _, a := range list {
			if a.StoryID != "" {
				placed++
			}
		}
		if len(list) == 2 && placed == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out; stored %+v", list)
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // the index page's announcement is handled too
	cancel()
	for range 2 {
		if code := <-exits; code != 0 {
			t.Errorf("process exit %d", code)
		}
	}
	list, _ = s.Articles(t.Context(), news.ListOptions{})
	for _, sum := range list {
		a, err := s.Article(t.Context(), sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if index := strings.Contains(a.URL, "/tag/"); index != (a.PageType == news.PageIndex) || index != (sum.StoryID == "") {
			t.Errorf("%s: %s (%s), story %q", a.URL, a.PageType, a.PageTypeWhy, sum.StoryID)
		}
	}
}

// Following in the distributed mode: two `follow run --queue` at once
// (claiming from PostgreSQL) fetch each page once and publish it to the
// workers; worker and assigner store and place both articles.
func TestDistributedFollow(t *testing.T) {
	db := pgtest.DSN(t)
	queue := natstest.URL() + "?namespace=" + natstest.Namespace(t)
	srv, hits := newsSite(t)
	fetch := []string{"--allow-private", "--host-delay", "0", "--db", db}
	if code := run(t.Context(), append([]string{"follow", "add", srv.URL + "/", srv.URL + "/other.rss"}, fetch...)); code != 0 {
		t.Fatalf("add: exit %d", code)
	}
	rounds := make(chan int, 2)
	for range 2 {
		go func() {
			rounds <- run(t.Context(), append([]string{"follow", "run", "--once", "--quiet", "--queue", queue}, fetch...))
		}()
	}
	for range 2 {
		if code := <-rounds; code != 0 {
			t.Fatalf("follow run: exit %d", code)
		}
	}
	if hits("/bridge") != 1 || hits("/council") != 1 {
		t.Fatalf("pages fetched %d and %d times, want once each", hits("/bridge"), hits("/council"))
	}

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exits := make(chan int, 2)
	go func() { exits <- run(ctx, []string{"worker", "--db", db, "--queue", queue}) }()
	go func() { exits <- run(ctx, []string{"assign", "--db", db, "--queue", queue}) }()
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		list, err := s.Articles(t.Context(), news.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 2 && allPlaced(t, s, list) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out; stored %+v", list)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	for range 2 {
		if code := <-exits; code != 0 {
			t.Errorf("process exit %d", code)
		}
	}
}

// worker --follow: two workers poll the subscriptions between them (each
// page fetched once) and analyse what they fetched.
func TestWorkersFollow(t *testing.T) {
	db := pgtest.DSN(t)
	queue := natstest.URL() + "?namespace=" + natstest.Namespace(t)
	srv, hits := newsSite(t)
	fetch := []string{"--allow-private", "--host-delay", "0", "--db", db}
	if code := run(t.Context(), append([]string{"follow", "add", srv.URL + "/", srv.URL + "/other.rss"}, fetch...)); code != 0 {
		t.Fatalf("add: exit %d", code)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exits := make(chan int, 3)
	for range 2 {
		go func() {
			exits <- run(ctx, append([]string{"worker", "--follow", "--queue", queue}, fetch...))
		}()
	}
	go func() { exits <- run(ctx, []string{"assign", "--db", db, "--queue", queue}) }()
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	deadline := time.Now().Add(30 * time.Second)
	for {
		list, err := s.Articles(t.Context(), news.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 2 && allPlaced(t, s, list) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out; stored %+v", list)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	for range 3 {
		if code := <-exits; code != 0 {
			t.Errorf("process exit %d", code)
		}
	}
	if hits("/bridge") != 1 || hits("/council") != 1 {
		t.Errorf("pages fetched %d and %d times, want once each", hits("/bridge"), hits("/council"))
	}
}
