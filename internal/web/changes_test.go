package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/memstore"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// The story page says what changed since the time of ?since= (articles,
// claims, status moves), offers the choice only when the server can tell,
// and refuses a time it cannot read.
func TestStoryPageChanges(t *testing.T) {
	var asked time.Time
	changes := func(_ context.Context, id string, since time.Time) (*story.Changes, error) {
		asked = since
		return &story.Changes{StoryID: id, Since: since,
			Articles: []news.StoryArticle{{ID: memstore.WireID, Title: "Verrin ferry strike", Source: "North Wire",
				Published: time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)}},
			Claims: []news.Claim{{ID: "c9", Text: "Talks between the union and Verrin Lines collapsed", Status: news.Disputed}},
			Statuses: []story.StatusChange{{ClaimID: "c1", Text: "Ferry workers are on strike", Was: news.Unverified,
				Now: news.Confirmed, Reason: "reported by two independent outlets"}}}, nil
	}
	srv := newTestServer(t, Config{Changes: changes})
	res, body := fetch(t, "GET", srv.URL+"/stories/"+memstore.FerryStory+"?since=2024-03-05", nil, nil)
	if res.StatusCode != 200 {
		t.Fatalf("since: %d %s", res.StatusCode, body)
	}
	if want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC); !asked.Equal(want) {
		t.Errorf("changes asked since %v, want %v", asked, want)
	}
	for _, want := range []string{`id="changes"`, "Since 2024-03-05 00:00 UTC", "1 new article, 1 new claim, 1 status change",
		"North Wire", "Talks between the union and Verrin Lines collapsed", `status unverified">unverified</span> → <span class="status confirmed">confirmed`,
		"reported by two independent outlets", `<select name="since"><option value="2024-03-05" selected>2024-03-05</option>`} {
		if !strings.Contains(body, want) {
			t.Errorf("story page since: no %q", want)
		}
	}
	res, body = fetch(t, "GET", srv.URL+"/stories/"+memstore.FerryStory, nil, nil)
	if res.StatusCode != 200 || strings.Contains(body, `id="changes"`) || !strings.Contains(body, `<option value="24h">`) {
		t.Errorf("plain story page: %d, changes shown %v, form shown %v", res.StatusCode,
			strings.Contains(body, `id="changes"`), strings.Contains(body, `<option value="24h">`))
	}
	if res, body = fetch(t, "GET", srv.URL+"/stories/"+memstore.FerryStory+"?since=soon", nil, nil); res.StatusCode != 400 || !strings.Contains(body, "soon") {
		t.Errorf("since=soon: %d, want 400 naming the input", res.StatusCode)
	}

	plain := newTestServer(t, Config{})
	res, body = fetch(t, "GET", plain.URL+"/stories/"+memstore.FerryStory, nil, nil)
	if res.StatusCode != 200 || strings.Contains(body, `<select name="since">`) {
		t.Errorf("server without changes offers the form (%d)", res.StatusCode)
	}
	if res, _ = fetch(t, "GET", plain.URL+"/stories/"+memstore.FerryStory+"?since=24h", nil, nil); res.StatusCode != 501 {
		t.Errorf("server without changes, since=24h: %d, want 501", res.StatusCode)
	}
}

// Sorted by growth, the stories list says how many articles each story
// gained in the window and links to what changed over it.
func TestStoriesGrowthColumn(t *testing.T) {
	srv := newTestServer(t, Config{})
	res, body := fetch(t, "GET", srv.URL+"/?sort=growth&since=2024-03-05", nil, nil)
	if res.StatusCode != 200 {
		t.Fatalf("growth: %d", res.StatusCode)
	}
	for _, want := range []string{"<th class=\"num\" title=\"articles added since 2024-03-05 00:00 UTC\">New</th>",
		`<a href="/stories/` + memstore.FerryStory + `?since=2024-03-05#changes" title="what changed">+2</a>`} {
		if !strings.Contains(body, want) {
			t.Errorf("growth list: no %q", want)
		}
	}
	if _, body = fetch(t, "GET", srv.URL+"/", nil, nil); strings.Contains(body, ">New</th>") {
		t.Error("size list has a New column")
	}
}
