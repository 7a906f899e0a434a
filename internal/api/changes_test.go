package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/memstore"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// TestStoryChanges: GET /api/v1/stories/{id}/changes reports the articles
// ingested after since, refuses a since it cannot read, follows merges and
// answers 501 from a server that was not given a way to compute changes.
func TestStoryChanges(t *testing.T) {
	st, err := memstore.Fixture(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	b := &story.Builder{Store: st, Stages: &pipeline.StoryPipeline{}}
	a, err := New(Options{Store: st, Changes: b.Changes})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	var ch story.Changes
	base := srv.URL + "/api/v1/stories/" + memstore.FerryStory + "/changes"
	if code := get(t, base+"?since=2000-01-01", &ch); code != 200 || len(ch.Articles) != 3 || ch.StoryID != memstore.FerryStory {
		t.Errorf("since 2000: %d, %d new articles, story %q; want 200, 3, %s", code, len(ch.Articles), ch.StoryID, memstore.FerryStory)
	}
	ch = story.Changes{}
	future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	if code := get(t, base+"?since="+future, &ch); code != 200 || len(ch.Articles) != 0 || ch.Articles == nil || ch.Claims == nil {
		t.Errorf("since an hour ahead: %d, %+v; want 200 and empty lists", code, ch)
	}
	var e ErrorBody
	if code := get(t, base+"?since=yesterday", &e); code != 400 || e.Error == "" {
		t.Errorf("since=yesterday: %d %+v, want 400 with a message", code, e)
	}
	if code := get(t, srv.URL+"/api/v1/stories/nope/changes", &e); code != 404 {
		t.Errorf("unknown story: %d, want 404", code)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(srv.URL + "/api/v1/stories/" + memstore.MergedStory + "/changes?since=24h")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if want := "/api/v1/stories/" + memstore.FerryStory + "/changes?since=24h"; res.StatusCode != 301 || res.Header.Get("Location") != want {
		t.Errorf("merged story: %d to %q, want 301 to %q", res.StatusCode, res.Header.Get("Location"), want)
	}

	plain := newServer(t, Options{})
	if code := get(t, plain.URL+"/api/v1/stories/"+memstore.FerryStory+"/changes", &e); code != 501 {
		t.Errorf("server without changes: %d, want 501", code)
	}
}

// The stories list sorted by growth says how many articles each story
// gained in the window, which since opens.
func TestStoriesGrowth(t *testing.T) {
	srv := newServer(t, Options{})
	var p struct {
		Items []struct {
			ID     string `json:"id"`
			Recent *int   `json:"recent_articles"`
		} `json:"items"`
	}
	if code := get(t, srv.URL+"/api/v1/stories?sort=growth&since=2000-01-01", &p); code != 200 || len(p.Items) == 0 {
		t.Fatalf("growth list: %d, %d items", code, len(p.Items))
	}
	for _, it := range p.Items {
		if it.Recent == nil || *it.Recent == 0 {
			t.Errorf("story %s: recent_articles %v, want its articles", it.ID, it.Recent)
		}
	}
	p.Items = nil
	get(t, srv.URL+"/api/v1/stories", &p)
	for _, it := range p.Items {
		if it.Recent != nil {
			t.Errorf("size list: story %s has recent_articles", it.ID)
		}
	}
	if code := get(t, srv.URL+"/api/v1/stories?sort=growth&since=soon", nil); code != 400 {
		t.Errorf("since=soon: %d, want 400", code)
	}
}
