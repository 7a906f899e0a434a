package main

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TestHTTPIngestUsesTheEngine posts JSONL to the API of a real server over a
// SQLite store: good lines are stored and grouped, the bad one is named.
func TestHTTPIngestUsesTheEngine(t *testing.T) {
	store, err := openStore(t.Context(), filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv, err := newServer(store, "s3cret", "", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler)
	defer ts.Close()
	body := `{"url":"https://a.test/1","source":"A","title":"Council backs tram","text":"The council backed the tram line on Tuesday."}
{"url":"https://a.test/2", broken
{"url":"https://b.test/3","source":"B","title":"Tram line approved","text":"The tram line was approved by the council on Tuesday."}
`
	post := func(token string) *http.Response {
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/articles?name=up.jsonl&wait=true", strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if resp := post("wrong"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong token: %d", resp.StatusCode)
	}
	resp := post("s3cret")
	defer resp.Body.Close()
	var sum struct {
		Read, New, Failed int
		Errors            []string
	}
	json.NewDecoder(resp.Body).Decode(&sum)
	if sum.New != 2 || sum.Failed != 1 || len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0], "up.jsonl:2") {
		t.Fatalf("status %d, summary %+v", resp.StatusCode, sum)
	}
	arts, _ := store.Articles(t.Context(), news.ListOptions{})
	if len(arts) != 2 || arts[0].StoryID == "" || arts[0].Path != "" {
		t.Fatalf("articles = %+v", arts)
	}
}
