// Package storetest is the conformance suite every news.Store passes: the
// SQLite and PostgreSQL stores run the same tests against a fresh store.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Run runs the suite; open must return a new, empty store for each call.
func Run(t *testing.T, open func(t *testing.T) news.Store) {
	tests := []struct {
		name string
		f    func(t *testing.T, ctx context.Context, s news.Store)
	}{
		{"SaveIsIdempotent", testSaveIdempotent},
		{"URLRevisions", testRevisions},
		{"ContentHashKey", testContentHashKey},
		{"NotFound", testNotFound},
		{"ListAndByID", testList},
		{"Search", testSearch},
		{"SearchRanking", testSearchRanking},
		{"SearchSyntax", testSearchSyntax},
		{"SearchFilters", testSearchFilters},
		{"Stories", testStories},
		{"StoryListing", testStoryListing},
		{"Batches", testBatches},
		{"DirtyStories", testDirty},
		{"MergedStories", testMerged},
		{"Subscriptions", testSubscriptions},
		{"ClaimSubscriptions", testClaimSubscriptions},
		{"SubscriptionMoved", testSubscriptionMoved},
		{"SeenItems", testSeenItems},
		{"PageType", testPageType},
		{"State", testState},
		{"ArchivedStories", testArchived},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.f(t, t.Context(), s)
		})
	}
}

func article(url, title, text string, day int) *news.Article {
	a := &news.Article{URL: url, Title: title, Text: text, Source: "Outlet", Path: "in/" + title + ".txt",
		Published: time.Date(2022, 9, day, 0, 0, 0, 0, time.UTC)}
	a.Sentences = []news.Span{{Start: 0, End: len(text)}}
	a.Removed = []news.Removal{{Text: "Related Posts", Reason: "site chrome", At: len(text)}}
	return a
}

func mustSave(t *testing.T, ctx context.Context, s news.Store, a *news.Article, want news.SaveResult) {
	t.Helper()
	got, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("save %q = %v, want %v", a.Title, got, want)
	}
}

func testSaveIdempotent(t *testing.T, ctx context.Context, s news.Store) {
	a := article("https://www.example.com/a?utm_source=x", "A", "Morrone denied the rumours.", 27)
	mustSave(t, ctx, s, a, news.New)
	b := article("https://example.com/a", "A", "Morrone denied the rumours.", 27)
	mustSave(t, ctx, s, b, news.Unchanged)
	if a.ID == "" || a.ID != b.ID || b.Revision != 1 {
		t.Fatalf("ids %q %q rev %d", a.ID, b.ID, b.Revision)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a.Text || got.Title != "A" || !got.Published.Equal(a.Published) || got.Path != a.Path ||
		len(got.Removed) != 1 || got.Removed[0].Reason != "site chrome" || len(got.Sentences) != 1 {
		t.Fatalf("round trip lost data: %+v", got)
	}
	list, err := s.Articles(ctx, news.ListOptions{})
	if err != nil || len(list) != 1 {
		t.Fatalf("articles = %v, %v", list, err)
	}
}

func testRevisions(t *testing.T, ctx context.Context, s news.Store) {
	a := article("https://example.com/r", "R", "First version.", 26)
	mustSave(t, ctx, s, a, news.New)
	b := article("https://example.com/r", "R", "Second, corrected version.", 27)
	mustSave(t, ctx, s, b, news.Updated)
	if b.ID != a.ID || b.Revision != 2 {
		t.Fatalf("revision: id %q vs %q, rev %d", b.ID, a.ID, b.Revision)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil || got.Text != "Second, corrected version." || got.Revision != 2 {
		t.Fatalf("latest = %+v, %v", got, err)
	}
	hits, err := search(ctx, s, "corrected", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("search new text: %v %v", hits, err)
	}
	if hits, _ := search(ctx, s, "First", 10); len(hits) != 0 {
		t.Fatalf("old revision still searchable: %v", hits)
	}
}

func testContentHashKey(t *testing.T, ctx context.Context, s news.Store) {
	mustSave(t, ctx, s, article("", "H", "Same words here.", 1), news.New)
	mustSave(t, ctx, s, article("", "H", "same words, here", 1), news.Unchanged)
	mustSave(t, ctx, s, article("", "H2", "Other words here.", 1), news.New)
}

func testNotFound(t *testing.T, ctx context.Context, s news.Store) {
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("article: %v", err)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("story: %v", err)
	}
	if _, err := s.View(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("view: %v", err)
	}
}

func testList(t *testing.T, ctx context.Context, s news.Store) {
	var ids []string
	for i, title := range []string{"one", "two", "three"} {
		a := article("https://example.com/"+title, title, "Text "+title, 20+i)
		mustSave(t, ctx, s, a, news.New)
		ids = append(ids, a.ID)
	}
	page, err := s.Articles(ctx, news.ListOptions{Limit: 2, Offset: 1})
	if err != nil || len(page) != 2 || page[0].Title != "two" {
		t.Fatalf("page = %v, %v", page, err)
	}
	newest, _ := s.Articles(ctx, news.ListOptions{Sort: "published", Limit: 1})
	if len(newest) != 1 || newest[0].Title != "three" {
		t.Fatalf("newest = %v", newest)
	}
	got, err := s.ArticlesByID(ctx, []string{ids[2], "missing", ids[0]})
	if err != nil || len(got) != 2 || got[0].ID != ids[2] || got[1].ID != ids[0] {
		t.Fatalf("by id = %v, %v", got, err)
	}
}

func testSearch(t *testing.T, ctx context.Context, s news.Store) {
	mustSave(t, ctx, s, article("https://e.com/1", "Khloé and Morrone", "Khloé Kardashian was seen with Michele Morrone in Milan.", 1), news.New)
	mustSave(t, ctx, s, article("https://e.com/2", "Weather", "Rain in Milan all week.", 2), news.New)
	hits, err := search(ctx, s, "khloe milan", 10)
	if err != nil || len(hits) != 1 || hits[0].Article.Title != "Khloé and Morrone" {
		t.Fatalf("diacritic-folded search = %v, %v", hits, err)
	}
	if hits[0].Snippet == "" || !contains(hits[0].Snippet, "[[") {
		t.Errorf("snippet lacks highlight: %q", hits[0].Snippet)
	}
	hits, _ = search(ctx, s, "milan", 10)
	if len(hits) != 2 {
		t.Errorf("milan: %d hits", len(hits))
	}
	for _, q := range []string{`"unbalanced`, `AND OR NOT (`, `*`, ``, `col:foo`} {
		if _, err := search(ctx, s, q, 10); err != nil {
			t.Errorf("query %q: %v", q, err)
		}
	}
	if hits, _ := search(ctx, s, `"Michele Morrone"`, 10); len(hits) != 1 {
		t.Errorf("phrase: %d hits", len(hits))
	}
}

// A match in the title outranks one in the text only, hits come best first,
// and the snippet marks the matched word.
func testSearchRanking(t *testing.T, ctx context.Context, s news.Store) {
	mustSave(t, ctx, s, article("https://e.com/t", "Weather", "It rained all week long, said a man in Milan.", 1), news.New)
	mustSave(t, ctx, s, article("https://e.com/u", "Milan fashion week", "Designers showed coats and shoes in the city.", 2), news.New)
	hits, err := search(ctx, s, "Milan", 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("hits = %v, %v", hits, err)
	}
	if hits[0].Article.Title != "Milan fashion week" || hits[0].Rank < hits[1].Rank {
		t.Errorf("title match not first: %+v", hits)
	}
	if !contains(hits[1].Snippet, "[[Milan]]") {
		t.Errorf("snippet %q does not mark the match", hits[1].Snippet)
	}
	if hits, _ := search(ctx, s, "rained milan", 1); len(hits) != 1 || hits[0].Article.Title != "Weather" {
		t.Errorf("all words must match: %+v", hits)
	}
}

// search returns the hits of a search with only a limit.
func search(ctx context.Context, s news.Store, q string, limit int) ([]news.SearchHit, error) {
	res, err := s.Search(ctx, q, news.SearchOptions{Limit: limit})
	return res.Hits, err
}

// OR, "phrases" and -exclusion mean the same in every store, and odd input
// is never an error.
func testSearchSyntax(t *testing.T, ctx context.Context, s news.Store) {
	mustSave(t, ctx, s, article("https://e.com/1", "Rain", "Heavy rain in Milan during fashion week.", 1), news.New)
	mustSave(t, ctx, s, article("https://e.com/2", "Snow", "Snow fell on Turin, and the week was cold.", 2), news.New)
	mustSave(t, ctx, s, article("https://e.com/3", "Sun", "Sun over Rome all week; fashion shows moved outdoors.", 3), news.New)
	for _, tc := range []struct {
		q    string
		want []string // titles, any order
	}{
		{`rain OR snow`, []string{"Rain", "Snow"}},
		{`rain OR snow week`, []string{"Rain", "Snow"}},
		{`rain OR snow milan`, []string{"Rain"}},
		{`"fashion week"`, []string{"Rain"}},
		{`fashion week`, []string{"Rain", "Sun"}},
		{`week -milan`, []string{"Snow", "Sun"}},
		{`week -"fashion week"`, []string{"Snow", "Sun"}},
		{`week -fashion -snow`, nil},
		{`-milan`, nil},
		{`"fashion week`, []string{"Rain"}},
		{`OR rain OR`, []string{"Rain"}},
		{`rain) OR (snow`, []string{"Rain", "Snow"}},
		{`NEAR(rain snow) AND "`, nil},
		{`week -`, []string{"Rain", "Snow", "Sun"}},
		{`^rain week:`, []string{"Rain"}},
	} {
		res, err := s.Search(ctx, tc.q, news.SearchOptions{})
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Article.Title)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) || res.Total != len(tc.want) {
			t.Errorf("%q = %q (total %d), want %q", tc.q, got, res.Total, tc.want)
		}
	}
}

// Filters by outlet and publication date narrow hits and total alike; the
// total counts past the limit.
func testSearchFilters(t *testing.T, ctx context.Context, s news.Store) {
	for i, src := range []string{"Daily", "Daily", "Herald", "Herald", "Herald"} {
		a := article(fmt.Sprintf("https://e.com/%d", i), fmt.Sprint("Milan ", i), "News from Milan.", 10+i)
		a.Source = src
		mustSave(t, ctx, s, a, news.New)
	}
	day := func(d int) time.Time { return time.Date(2022, 9, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		opt         news.SearchOptions
		hits, total int
	}{
		{news.SearchOptions{Limit: 2}, 2, 5},
		{news.SearchOptions{Source: "herald"}, 3, 3},
		{news.SearchOptions{From: day(11), To: day(13)}, 2, 2},
		{news.SearchOptions{Source: "Daily", From: day(11)}, 1, 1},
		{news.SearchOptions{To: day(10)}, 0, 0},
		{news.SearchOptions{Source: "Nobody"}, 0, 0},
	} {
		res, err := s.Search(ctx, "milan", tc.opt)
		if err != nil || len(res.Hits) != tc.hits || res.Total != tc.total {
			t.Errorf("%+v: %d hits, total %d, %v; want %d, %d", tc.opt, len(res.Hits), res.Total, err, tc.hits, tc.total)
		}
		for _, h := range res.Hits {
			if tc.opt.Source != "" && !strings.EqualFold(h.Article.Source, tc.opt.Source) {
				t.Errorf("%+v: hit from %q", tc.opt, h.Article.Source)
			}
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// Stories filter by outlet and publication span, and sort by size,
// freshness or growth (articles ingested since a time).
func testStoryListing(t *testing.T, ctx context.Context, s news.Store) {
	old := time.Now().Add(-10 * 24 * time.Hour).UTC().Truncate(time.Second)
	for _, st := range []struct {
		id, source string
		days       []int
		recent     bool
	}{
		{"big", "Daily", []int{1, 2, 3}, false},
		{"fresh", "Herald", []int{20}, false},
		{"growing", "Wire", []int{5, 6}, true},
	} {
		v := news.NewStoryView(st.id, st.id)
		for _, d := range st.days {
			a := article(fmt.Sprintf("https://e.com/%s/%d", st.id, d), st.id, fmt.Sprint("Text ", st.id, d), d)
			a.Source = st.source
			if !st.recent {
				a.Ingested = old
			}
			mustSave(t, ctx, s, a, news.New)
			if err := s.SetStory(ctx, a.ID, st.id); err != nil {
				t.Fatal(err)
			}
			v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Title: a.Title, Source: a.Source, Published: a.Published})
		}
		if err := s.SaveView(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	day := func(d int) time.Time { return time.Date(2022, 9, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		opt  news.ListOptions
		want []string
	}{
		{news.ListOptions{}, []string{"big", "growing", "fresh"}},
		{news.ListOptions{Sort: "size", Limit: 1, Offset: 1}, []string{"growing"}},
		{news.ListOptions{Sort: "fresh"}, []string{"fresh", "growing", "big"}},
		{news.ListOptions{Sort: "growth"}, []string{"growing", "big", "fresh"}},
		{news.ListOptions{Sort: "growth", GrowthSince: old.Add(-time.Hour)}, []string{"big", "growing", "fresh"}},
		{news.ListOptions{Source: "herald"}, []string{"fresh"}},
		{news.ListOptions{Source: "nobody"}, nil},
		{news.ListOptions{From: day(4)}, []string{"growing", "fresh"}},
		{news.ListOptions{To: day(6)}, []string{"big", "growing"}},
		{news.ListOptions{From: day(4), To: day(10), Sort: "fresh"}, []string{"growing"}},
	} {
		got, err := s.Stories(ctx, tc.opt)
		var ids []string
		for _, st := range got {
			ids = append(ids, st.ID)
		}
		if err != nil || !slices.Equal(ids, tc.want) {
			t.Errorf("%+v: %q, %v; want %q", tc.opt, ids, err, tc.want)
		}
		// A list sorted by growth says how much each story grew; others do not.
		for _, st := range got {
			want := map[string]int{"growing": 2}[st.ID]
			if !tc.opt.GrowthSince.IsZero() {
				want = st.ArticleCount // every article was ingested after the window opened
			}
			switch {
			case tc.opt.Sort != "growth" && st.Recent != nil:
				t.Errorf("%+v: story %s has a recent count %d outside a growth list", tc.opt, st.ID, *st.Recent)
			case tc.opt.Sort == "growth" && (st.Recent == nil || *st.Recent != want):
				t.Errorf("%+v: story %s recent %v, want %d", tc.opt, st.ID, st.Recent, want)
			}
		}
	}
}

func testStories(t *testing.T, ctx context.Context, s news.Store) {
	a := article("https://e.com/a", "a", "Text a", 26)
	b := article("https://e.com/b", "b", "Text b", 27)
	c := article("https://e.com/c", "c", "Text c", 28)
	for _, x := range []*news.Article{a, b, c} {
		mustSave(t, ctx, s, x, news.New)
	}
	for _, p := range [][2]string{{a.ID, "s1"}, {b.ID, "s1"}, {c.ID, "s2"}} {
		if err := s.SetStory(ctx, p[0], p[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetStory(ctx, c.ID, "s1"); err != nil { // move
		t.Fatal(err)
	}
	ids, err := s.StoryArticles(ctx, "s1")
	if err != nil || len(ids) != 3 || ids[0] != a.ID {
		t.Fatalf("story articles = %v, %v", ids, err)
	}
	if ids, _ := s.StoryArticles(ctx, "s2"); len(ids) != 0 {
		t.Fatalf("s2 still has %v", ids)
	}
	v := news.NewStoryView("s1", "Story one")
	for _, x := range []*news.Article{a, b, c} {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Title: x.Title, Source: x.Source, Published: x.Published})
	}
	v.Articles[2].PublishedEstimated = true // the last date is an estimate
	v.Claims = append(v.Claims, news.Claim{ID: "c1", Text: "x", Status: news.Denied, Stances: []news.StanceEntry{}})
	if err := s.SaveView(ctx, v); err != nil {
		t.Fatal(err)
	}
	got, err := s.View(ctx, "s1")
	if err != nil || got.Title != "Story one" || len(got.Articles) != 3 || got.Entities == nil {
		t.Fatalf("view = %+v, %v", got, err)
	}
	st, err := s.Story(ctx, "s1")
	if err != nil || st.ArticleCount != 3 || st.Status != news.Denied || len(st.Sources) != 1 ||
		!st.FirstPublished.Equal(a.Published) || !st.LastPublished.Equal(c.Published) || st.FirstEstimated || !st.LastEstimated {
		t.Fatalf("story = %+v, %v", st, err)
	}
	if err := s.DeleteStory(ctx, "s2"); err != nil {
		t.Fatal(err)
	}
	list, err := s.Stories(ctx, news.ListOptions{})
	if err != nil || len(list) != 1 || list[0].ID != "s1" {
		t.Fatalf("stories = %v, %v", list, err)
	}
	as, err := s.Assignments(ctx)
	if err != nil || len(as) != 3 || as[0] != [2]string{a.ID, "s1"} {
		t.Fatalf("assignments = %v, %v", as, err)
	}
}

func testBatches(t *testing.T, ctx context.Context, s news.Store) {
	a := article("https://e.com/1", "one", "First text", 1)
	b := article("https://e.com/2", "two", "Second text", 2)
	dup := article("https://e.com/1", "one", "First text", 1)
	res, err := s.SaveArticles(ctx, []*news.Article{a, b, dup})
	if err != nil || len(res) != 3 || res[0] != news.New || res[1] != news.New || res[2] != news.Unchanged || dup.ID != a.ID {
		t.Fatalf("batch = %v, %v", res, err)
	}
	if err := s.SetStories(ctx, [][2]string{{a.ID, "s1"}, {b.ID, "s1"}, {b.ID, "s2"}}); err != nil {
		t.Fatal(err)
	}
	if ids, _ := s.StoryArticles(ctx, "s1"); len(ids) != 1 || ids[0] != a.ID {
		t.Fatalf("s1 = %v", ids)
	}
	if ids, _ := s.StoryArticles(ctx, "s2"); len(ids) != 1 || ids[0] != b.ID {
		t.Fatalf("s2 = %v", ids)
	}
	if res, err := s.SaveArticles(ctx, nil); err != nil || len(res) != 0 {
		t.Fatalf("empty batch = %v, %v", res, err)
	}
}

// testDirty: a membership change marks the story joined and the story left
// dirty; saving a view or deleting the story clears the mark.
func testDirty(t *testing.T, ctx context.Context, s news.Store) {
	a := article("https://e.com/d1", "d1", "One", 1)
	b := article("https://e.com/d2", "d2", "Two", 2)
	if _, err := s.SaveArticles(ctx, []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	dirty := func(want ...string) {
		t.Helper()
		got, err := s.DirtyStories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("dirty = %v, want %v", got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("dirty = %v, want %v", got, want)
			}
		}
	}
	dirty()
	if err := s.SetStories(ctx, [][2]string{{a.ID, "s1"}, {b.ID, "s1"}}); err != nil {
		t.Fatal(err)
	}
	dirty("s1")
	v := news.NewStoryView("s1", "One")
	v.Articles = []news.StoryArticle{{ID: a.ID}, {ID: b.ID}}
	if err := s.SaveView(ctx, v); err != nil {
		t.Fatal(err)
	}
	dirty()
	if err := s.SetStory(ctx, b.ID, "s2"); err != nil { // b leaves s1 for s2
		t.Fatal(err)
	}
	dirty("s1", "s2")
	if err := s.SetStory(ctx, b.ID, "s2"); err != nil { // no change
		t.Fatal(err)
	}
	dirty("s1", "s2")
	if err := s.DeleteStory(ctx, "s2"); err != nil { // it has b: kept
		t.Fatal(err)
	}
	if ids, _ := s.StoryArticles(ctx, "s2"); len(ids) != 1 {
		t.Fatalf("a story with an article was deleted: s2 = %v", ids)
	}
	dirty("s1", "s2")
	if err := s.SetStory(ctx, b.ID, "s1"); err != nil { // s2 empty again
		t.Fatal(err)
	}
	if err := s.DeleteStory(ctx, "s2"); err != nil {
		t.Fatal(err)
	}
	dirty("s1")

	// A view saved with the mark read before the story changed leaves it
	// dirty; with the current mark, or with none, it cleans it.
	marks, err := s.DirtyMarks(ctx)
	if err != nil || marks["s1"] <= 0 || len(marks) != 1 {
		t.Fatalf("marks = %v, %v; want s1 only", marks, err)
	}
	read := marks["s1"]
	c := article("https://e.com/d3", "d3", "Three", 3)
	mustSave(t, ctx, s, c, news.New)
	if err := s.SetStory(ctx, c.ID, "s1"); err != nil { // changes while a rebuilder builds
		t.Fatal(err)
	}
	stale := news.NewStoryView("s1", "Stale")
	stale.Articles, stale.DirtyMark = v.Articles, read
	if err := s.SaveView(ctx, stale); err != nil {
		t.Fatal(err)
	}
	dirty("s1")
	if got, err := s.View(ctx, "s1"); err != nil || got.Title == "Stale" {
		t.Fatalf("a view built before the story changed replaced the stored one (%v)", err)
	}
	marks, _ = s.DirtyMarks(ctx)
	if marks["s1"] == read {
		t.Fatalf("mark did not move with the change: %d", read)
	}
	v.DirtyMark = marks["s1"]
	if err := s.SaveView(ctx, v); err != nil {
		t.Fatal(err)
	}
	dirty()
	if err := s.SetStory(ctx, c.ID, "s3"); err != nil {
		t.Fatal(err)
	}
	v.DirtyMark = 0
	if err := s.SaveView(ctx, v); err != nil { // s1, by one writer
		t.Fatal(err)
	}
	dirty("s3")
}

// testMerged: merging moves every article, marks both stories dirty, and
// the merged story's id leads to the story it joined, through merges of
// merges; an id never merged is not found.
func testMerged(t *testing.T, ctx context.Context, s news.Store) {
	a := article("https://e.com/m1", "m1", "One", 1)
	b := article("https://e.com/m2", "m2", "Two", 2)
	if _, err := s.SaveArticles(ctx, []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStories(ctx, [][2]string{{a.ID, "s1"}, {b.ID, "s2"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeStory(ctx, "s1", "s2"); err != nil {
		t.Fatal(err)
	}
	if ids, _ := s.StoryArticles(ctx, "s2"); len(ids) != 2 {
		t.Fatalf("s2 = %v", ids)
	}
	if ids, _ := s.StoryArticles(ctx, "s1"); len(ids) != 0 {
		t.Fatalf("s1 still has %v", ids)
	}
	if d, _ := s.DirtyStories(ctx); len(d) != 2 {
		t.Errorf("dirty = %v", d)
	}
	if err := s.MergeStory(ctx, "s2", "s3"); err != nil {
		t.Fatal(err)
	}
	if to, err := s.MergedInto(ctx, "s1"); err != nil || to != "s3" {
		t.Errorf("s1 merged into %q, %v; want s3", to, err)
	}
	if _, err := s.MergedInto(ctx, "s3"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("s3 was never merged: %v", err)
	}
}

func subscriptions(t *testing.T, s news.Store) news.SubscriptionStore {
	ss, ok := s.(news.SubscriptionStore)
	if !ok {
		t.Skip("the store keeps no subscriptions")
	}
	return ss
}

func testSubscriptions(t *testing.T, ctx context.Context, s news.Store) {
	ss := subscriptions(t, s)
	now := time.Now().UTC().Truncate(time.Second)
	a := &news.Subscription{URL: "https://a.example/feed", Kind: news.KindFeed, Site: "https://a.example/"}
	b := &news.Subscription{URL: "https://b.example/sitemap.xml", Kind: news.KindSitemap, NextPoll: now.Add(time.Hour)}
	for _, sub := range []*news.Subscription{a, b} {
		if added, err := ss.AddSubscription(ctx, sub); err != nil || !added {
			t.Fatalf("add %s: %v %v", sub.URL, added, err)
		}
	}
	if added, err := ss.AddSubscription(ctx, &news.Subscription{URL: a.URL, Kind: news.KindSitemap}); err != nil || added {
		t.Fatalf("add again: %v %v", added, err)
	}
	list, err := ss.Subscriptions(ctx)
	if err != nil || len(list) != 2 || list[0].URL != a.URL || list[0].Kind != news.KindFeed || list[0].Site != a.Site || list[0].Added.IsZero() {
		t.Fatalf("list: %+v %v", list, err)
	}
	due, err := ss.DueSubscriptions(ctx, now)
	if err != nil || len(due) != 1 || due[0].URL != a.URL {
		t.Fatalf("due now: %+v %v", due, err)
	}
	due, _ = ss.DueSubscriptions(ctx, now.Add(2*time.Hour))
	if len(due) != 2 || due[0].URL != a.URL {
		t.Fatalf("due later: %+v", due)
	}

	// The polling state round-trips.
	got, err := ss.Subscription(ctx, a.URL)
	if err != nil {
		t.Fatal(err)
	}
	got.ETag, got.LastModified = `"v2"`, "Mon, 26 Sep 2022 10:00:00 GMT"
	got.LastPoll, got.LastSuccess, got.LastNew = now, now, now.Add(-time.Minute)
	got.LastError, got.LastErrorAt = "HTTP error: 500", now.Add(-time.Hour)
	got.NextPoll, got.Interval, got.ItemsSeen, got.Failures = now.Add(30*time.Minute), 30*time.Minute, 12, 2
	if err := ss.UpdateSubscription(ctx, a.URL, got); err != nil {
		t.Fatal(err)
	}
	again, err := ss.Subscription(ctx, a.URL)
	if err != nil {
		t.Fatal(err)
	}
	if again.ETag != got.ETag || again.LastModified != got.LastModified || !again.LastPoll.Equal(now) ||
		!again.LastSuccess.Equal(now) || !again.LastNew.Equal(got.LastNew) || again.LastError != got.LastError ||
		!again.LastErrorAt.Equal(got.LastErrorAt) || !again.NextPoll.Equal(got.NextPoll) || again.Interval != got.Interval ||
		again.ItemsSeen != 12 || again.Failures != 2 || !again.Added.Equal(got.Added) {
		t.Fatalf("state:\n got %+v\nwant %+v", again, got)
	}

	// Paused subscriptions are never due.
	if err := ss.SetPaused(ctx, a.URL, true); err != nil {
		t.Fatal(err)
	}
	due, _ = ss.DueSubscriptions(ctx, now.Add(24*time.Hour))
	if len(due) != 1 || due[0].URL != b.URL {
		t.Fatalf("due with a paused: %+v", due)
	}
	if got, _ := ss.Subscription(ctx, a.URL); !got.Paused {
		t.Fatal("not paused")
	}
	// A poll that read the subscription before the pause does not undo it.
	got.Paused = false
	if err := ss.UpdateSubscription(ctx, a.URL, got); err != nil {
		t.Fatal(err)
	}
	if again, _ := ss.Subscription(ctx, a.URL); !again.Paused {
		t.Fatal("an update resumed a paused subscription")
	}
	if err := ss.SetPaused(ctx, a.URL, false); err != nil {
		t.Fatal(err)
	}

	if err := ss.RemoveSubscription(ctx, a.URL); err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"remove again": ss.RemoveSubscription(ctx, a.URL),
		"pause":        ss.SetPaused(ctx, a.URL, true),
		"update":       ss.UpdateSubscription(ctx, a.URL, got),
	} {
		if !errors.Is(err, news.ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", name, err)
		}
	}
	if _, err := ss.Subscription(ctx, a.URL); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("get removed: %v", err)
	}
}

// A feed that moved (a permanent redirect) is renamed; one that moved to
// a URL subscribed already merges into it.
func testSubscriptionMoved(t *testing.T, ctx context.Context, s news.Store) {
	ss := subscriptions(t, s)
	for _, u := range []string{"https://a.example/old", "https://b.example/old", "https://b.example/new"} {
		if _, err := ss.AddSubscription(ctx, &news.Subscription{URL: u, Kind: news.KindFeed}); err != nil {
			t.Fatal(err)
		}
	}
	sub, _ := ss.Subscription(ctx, "https://a.example/old")
	sub.URL, sub.ItemsSeen = "https://a.example/new", 3
	if err := ss.UpdateSubscription(ctx, "https://a.example/old", sub); err != nil {
		t.Fatal(err)
	}
	sub2, _ := ss.Subscription(ctx, "https://b.example/old")
	sub2.URL, sub2.ItemsSeen = "https://b.example/new", 5
	if err := ss.UpdateSubscription(ctx, "https://b.example/old", sub2); err != nil {
		t.Fatal(err)
	}
	list, _ := ss.Subscriptions(ctx)
	var urls []string
	for _, l := range list {
		urls = append(urls, l.URL)
	}
	if len(list) != 2 || urls[0] != "https://a.example/new" || urls[1] != "https://b.example/new" || list[0].ItemsSeen != 3 || list[1].ItemsSeen != 5 {
		t.Fatalf("after moves: %+v", list)
	}
}

func testSeenItems(t *testing.T, ctx context.Context, s news.Store) {
	ss := subscriptions(t, s)
	if err := ss.MarkSeen(ctx, []string{"url:a.example/1", "id:guid-2"}); err != nil {
		t.Fatal(err)
	}
	if err := ss.MarkSeen(ctx, []string{"id:guid-2", "id:guid-3"}); err != nil { // idempotent
		t.Fatal(err)
	}
	keys := []string{"url:a.example/1", "id:guid-2", "id:guid-3", "id:other"}
	for i := range 1200 { // more than one statement's worth
		keys = append(keys, "id:unseen-"+time.Duration(i).String())
	}
	seen, err := ss.SeenItems(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || !seen["url:a.example/1"] || !seen["id:guid-3"] || seen["id:other"] {
		t.Fatalf("seen: %v", seen)
	}
}

func testPageType(t *testing.T, ctx context.Context, s news.Store) {
	a := article("https://example.com/tag/rumours", "Rumours", "Morrone denied the rumours. More rumours.", 27)
	a.PageType, a.PageTypeWhy = news.PageIndex, "listing: the address has /tag/"
	mustSave(t, ctx, s, a, news.New)
	b := article("https://example.com/b", "B", "Khloé Kardashian met Michele Morrone.", 27) // no decision
	mustSave(t, ctx, s, b, news.New)
	got, err := s.ArticlesByID(ctx, []string{a.ID, b.ID})
	if err != nil || len(got) != 2 {
		t.Fatalf("articles = %v, %v", got, err)
	}
	if got[0].PageType != news.PageIndex || got[0].PageTypeWhy != a.PageTypeWhy {
		t.Errorf("page type %q %q, want %q %q", got[0].PageType, got[0].PageTypeWhy, news.PageIndex, a.PageTypeWhy)
	}
	if got[1].PageType != news.PageArticle || got[1].PageTypeWhy != "" {
		t.Errorf("undecided page stored as %q %q, want an article", got[1].PageType, got[1].PageTypeWhy)
	}
	// A new revision carries its own decision.
	c := article("https://example.com/tag/rumours", "Rumours", "Morrone denied the rumours at length, in a post.", 28)
	c.PageType, c.PageTypeWhy = news.PageArticle, "article: 9 words"
	mustSave(t, ctx, s, c, news.Updated)
	one, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if one.PageType != news.PageArticle || one.PageTypeWhy != "article: 9 words" {
		t.Errorf("revision's page type %q %q", one.PageType, one.PageTypeWhy)
	}
}

// testClaimSubscriptions: two claimers taking due subscriptions at the same
// time never get the same one, between them get every due one, and never
// a paused one or one not due; a claim lasts until the lease ends.
func testClaimSubscriptions(t *testing.T, ctx context.Context, s news.Store) {
	ss := subscriptions(t, s)
	cl, ok := s.(news.SubscriptionClaimer)
	if !ok {
		t.Skip("the store cannot share subscriptions between pollers")
	}
	now := time.Now().UTC().Truncate(time.Second)
	const n = 40
	for i := range n {
		sub := &news.Subscription{URL: fmt.Sprintf("https://s%02d.example/feed", i), Kind: news.KindFeed, NextPoll: now.Add(-time.Duration(i) * time.Minute)}
		if _, err := ss.AddSubscription(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	later := &news.Subscription{URL: "https://later.example/feed", Kind: news.KindFeed, NextPoll: now.Add(time.Hour)}
	paused := &news.Subscription{URL: "https://paused.example/feed", Kind: news.KindFeed}
	for _, sub := range []*news.Subscription{later, paused} {
		if _, err := ss.AddSubscription(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	if err := ss.SetPaused(ctx, paused.URL, true); err != nil {
		t.Fatal(err)
	}
	// The first claim takes the longest overdue first.
	first, err := cl.ClaimDueSubscriptions(ctx, now, 10*time.Minute, 2)
	if err != nil || len(first) != 2 || first[0].URL != "https://s39.example/feed" || first[1].URL != "https://s38.example/feed" {
		t.Fatalf("first claim: %+v %v", first, err)
	}
	var mu sync.Mutex
	claimed := map[string]int{first[0].URL: 1, first[1].URL: 1}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for range 2 {
		wg.Go(func() {
			for {
				got, err := cl.ClaimDueSubscriptions(ctx, now, 10*time.Minute, 3)
				if err != nil {
					errs <- err
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, sub := range got {
					claimed[sub.URL]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(claimed) != n {
		t.Errorf("%d subscriptions claimed, want %d", len(claimed), n)
	}
	for u, k := range claimed {
		if k != 1 || u == later.URL || u == paused.URL {
			t.Errorf("%s claimed %d times", u, k)
		}
	}
	// Claimed ones are not due until the lease ends.
	if due, _ := ss.DueSubscriptions(ctx, now.Add(9*time.Minute)); len(due) != 0 {
		t.Errorf("due during the lease: %d", len(due))
	}
	if due, _ := ss.DueSubscriptions(ctx, now.Add(11*time.Minute)); len(due) != n {
		t.Errorf("due after the lease: %d, want %d", len(due), n)
	}
}

// Named state blobs are kept whole (binary, a few MB) and replaced.
func testState(t *testing.T, ctx context.Context, s news.Store) {
	ss, ok := s.(news.StateStore)
	if !ok {
		t.Fatal("the store keeps no state (news.StateStore)")
	}
	if _, err := ss.State(ctx, "cluster"); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("missing state: %v, want ErrNotFound", err)
	}
	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = byte(i * 7 % 251) // zero bytes included
	}
	for _, data := range [][]byte{big, []byte("\x00small")} {
		if err := ss.SaveState(ctx, "cluster", data); err != nil {
			t.Fatal(err)
		}
		got, err := ss.State(ctx, "cluster")
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("state of %d bytes read back as %d bytes, %v", len(data), len(got), err)
		}
	}
	if _, err := ss.State(ctx, "other"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("other name: %v, want ErrNotFound", err)
	}
}

// Archived stories are recorded, found again by their articles' words
// (within the date bound; undated articles always), and a story that gains
// an article is active again.
func testArchived(t *testing.T, ctx context.Context, s news.Store) {
	sa, ok := s.(news.StoryArchive)
	if !ok {
		t.Fatal("the store keeps no archive (news.StoryArchive)")
	}
	arts := []*news.Article{
		article("https://e.com/f1", "Ferry strike", "Ferry workers on Lake Verrin walked off the job.", 1),
		article("https://e.com/f2", "Crossings halted", "No ferry crossed Lake Verrin on Tuesday.", 2),
		article("https://e.com/t1", "Tram depot", "The council will rebuild the tram depot in Orlenz.", 20),
		article("https://e.com/u1", "Apricots", "Frost ruined the apricot harvest near Lake Verrin.", 1),
		article("https://e.com/l1", "Library", "Orlenz opens a library in the old tram depot.", 21),
	}
	arts[3].Published = time.Time{}
	if _, err := s.SaveArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStories(ctx, [][2]string{{arts[0].ID, "ferry"}, {arts[1].ID, "ferry"}, {arts[2].ID, "tram"},
		{arts[3].ID, "frost"}, {arts[4].ID, "library"}}); err != nil {
		t.Fatal(err)
	}
	find := func(q string, since time.Time, limit int) []string {
		t.Helper()
		ids, err := sa.FindArchived(ctx, q, since, limit)
		if err != nil {
			t.Fatalf("find %q: %v", q, err)
		}
		return ids
	}
	if got := find("verrin", time.Time{}, 5); len(got) != 0 {
		t.Errorf("nothing archived, found %v", got)
	}
	if err := sa.SetArchived(ctx, []string{"ferry", "frost", "tram", "no-such-story"}, true); err != nil {
		t.Fatal(err)
	}
	got, err := sa.ArchivedStories(ctx)
	if err != nil || !slices.Equal(got, []string{"ferry", "frost", "tram"}) {
		t.Fatalf("archived = %v, %v", got, err)
	}
	for _, tc := range []struct {
		q     string
		since time.Time
		limit int
		want  []string // any order when unordered
	}{
		{"verrin", time.Time{}, 5, []string{"ferry", "frost"}},
		{"ferry OR Khloé", time.Time{}, 5, []string{"ferry"}},
		{`"tram depot"`, time.Time{}, 5, []string{"tram"}},                             // library is not archived
		{"verrin", time.Date(2022, 9, 10, 0, 0, 0, 0, time.UTC), 5, []string{"frost"}}, // undated qualifies
		{"verrin", time.Time{}, 1, nil},
		{"", time.Time{}, 5, []string{}},
		{"-ferry", time.Time{}, 5, []string{}},
	} {
		got := find(tc.q, tc.since, tc.limit)
		if tc.want == nil {
			if len(got) != 1 {
				t.Errorf("%q limit 1: %v", tc.q, got)
			}
			continue
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("find %q since %v = %v, want %v", tc.q, tc.since, got, tc.want)
		}
	}
	// The best-ranked match comes first: both ferry articles name it.
	if got := find("ferry OR apricot OR crossed", time.Time{}, 5); len(got) != 2 || got[0] != "ferry" {
		t.Errorf("ranked: %v, want ferry first", got)
	}
	// A story that gains an article, or is merged into, is active again.
	more := article("https://e.com/f3", "Ferries back", "Ferries on Lake Verrin run again.", 25)
	mustSave(t, ctx, s, more, news.New)
	if err := s.SetStory(ctx, more.ID, "ferry"); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeStory(ctx, "library", "tram"); err != nil {
		t.Fatal(err)
	}
	if err := sa.SetArchived(ctx, []string{"frost"}, false); err != nil {
		t.Fatal(err)
	}
	if got, err := sa.ArchivedStories(ctx); err != nil || len(got) != 0 {
		t.Errorf("archived after new articles and a merge = %v, %v", got, err)
	}
	if got := find("verrin", time.Time{}, 5); len(got) != 0 {
		t.Errorf("found active stories %v", got)
	}
}
