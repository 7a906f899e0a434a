package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/memstore"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// fakeIngester records what it was given.
type fakeIngester struct {
	name string
	body string
}

func (f *fakeIngester) Ingest(_ context.Context, name string, r io.Reader) (IngestSummary, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return IngestSummary{}, err
	}
	f.name, f.body = name, string(b)
	n := strings.Count(f.body, "\n")
	return IngestSummary{Read: n, New: n}, nil
}

func newServer(t *testing.T, opt Options) *httptest.Server {
	t.Helper()
	st, err := memstore.Fixture(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	opt.Store = st
	a, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string, into any) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q", url, ct)
	}
	b, _ := io.ReadAll(res.Body)
	if into != nil {
		if err := json.Unmarshal(b, into); err != nil {
			t.Fatalf("%s: %v in %s", url, err, b)
		}
	}
	return res.StatusCode
}

func TestStatusCodes(t *testing.T) {
	srv := newServer(t, Options{})
	tests := []struct {
		path string
		want int
	}{
		{"/api/v1/stories", 200},
		{"/api/v1/stories?sort=fresh&limit=1&offset=1", 200},
		{"/api/v1/stories?sort=alpha", 400},
		{"/api/v1/stories?sort=growth&source=harbor+ledger&from=2024-01-01&to=2024-12-31", 200},
		{"/api/v1/stories?from=2024-13-01", 400},
		{"/api/v1/stories?limit=0", 400},
		{"/api/v1/stories?limit=501", 400},
		{"/api/v1/stories?offset=-1", 400},
		{"/api/v1/stories?limit=x", 400},
		{"/api/v1/stories/" + memstore.FerryStory, 200},
		{"/api/v1/stories/nope", 404},
		{"/api/v1/articles", 200},
		{"/api/v1/articles/" + memstore.LedgerID, 200},
		{"/api/v1/articles/nope", 404},
		{"/api/v1/entities", 200},
		{"/api/v1/entities?type=PER", 200},
		{"/api/v1/entities/per-mara-lind", 200},
		{"/api/v1/entities/per-nobody", 404},
		{"/api/v1/quotes", 200},
		{"/api/v1/quotes?story=" + memstore.FerryStory, 200},
		{"/api/v1/quotes?story=nope", 404},
		{"/api/v1/search?q=ferry", 200},
		{"/api/v1/search", 400},
		{"/api/v1/search?q=ferry&from=2024-02-30", 400},
		{"/api/v1/search?q=ferry&from=2024-02-02&to=2024-02-01", 400},
		{"/api/v1/search?q=" + strings.Repeat("a", MaxQuery+1), 400},
		{"/api/v1/nothing", 404},
		{"/api/openapi.json", 200},
	}
	for _, tt := range tests {
		var body map[string]any
		got := get(t, srv.URL+tt.path, &body)
		if got != tt.want {
			t.Errorf("GET %s = %d, want %d (%v)", tt.path, got, tt.want, body)
		}
		if got >= 400 && (body["error"] == "" || body["status"] != float64(got)) {
			t.Errorf("GET %s: error body %v", tt.path, body)
		}
	}
}

func TestStoryContract(t *testing.T) {
	srv := newServer(t, Options{})
	var v map[string]json.RawMessage
	get(t, srv.URL+"/api/v1/stories/"+memstore.EvilStory, &v)
	for _, k := range []string{"id", "title", "articles", "entities", "quotes", "claims", "contradictions", "timeline", "copies", "sheet"} {
		raw, ok := v[k]
		if !ok {
			t.Errorf("story JSON lacks %q", k)
		}
		if string(raw) == "null" {
			t.Errorf("story JSON %q is null, want a list", k)
		}
	}
	var view news.StoryView
	get(t, srv.URL+"/api/v1/stories/"+memstore.FerryStory, &view)
	if len(view.Articles) != 3 || len(view.Sheet) == 0 || view.Sheet[0].Citations[0].ArticleID == "" {
		t.Errorf("ferry view: %+v", view)
	}
}

func TestPaging(t *testing.T) {
	srv := newServer(t, Options{})
	var seen []string
	next := "/api/v1/articles?limit=1"
	for next != "" && len(seen) < 10 {
		var p Page[news.ArticleSummary]
		if code := get(t, srv.URL+next, &p); code != 200 {
			t.Fatalf("GET %s = %d", next, code)
		}
		if len(p.Items) != 1 || p.Limit != 1 {
			t.Fatalf("page %s: %+v", next, p)
		}
		seen = append(seen, p.Items[0].ID)
		next = p.Next
	}
	if len(seen) != 4 {
		t.Errorf("paged through %v, want the 4 fixture articles", seen)
	}
	var p Page[news.ArticleSummary]
	get(t, srv.URL+"/api/v1/articles?offset=100", &p)
	if p.Items == nil || len(p.Items) != 0 || p.Next != "" {
		t.Errorf("past the end: %+v", p)
	}
}

func TestSort(t *testing.T) {
	srv := newServer(t, Options{})
	var size, fresh Page[news.Story]
	get(t, srv.URL+"/api/v1/stories?sort=size", &size)
	get(t, srv.URL+"/api/v1/stories?sort=fresh", &fresh)
	if size.Items[0].ID != memstore.FerryStory || fresh.Items[0].ID != memstore.EvilStory {
		t.Errorf("size first %s, fresh first %s", size.Items[0].ID, fresh.Items[0].ID)
	}
	if size.Items[0].Status != news.Confirmed {
		t.Errorf("status of the main claim = %q", size.Items[0].Status)
	}
}

func TestArticleAndEntity(t *testing.T) {
	srv := newServer(t, Options{})
	var a news.Article
	get(t, srv.URL+"/api/v1/articles/"+memstore.LedgerID, &a)
	if len(a.Removed) != 2 || a.Removed[0].Reason == "" || !strings.Contains(a.Text, "Mara Lind") {
		t.Errorf("article: %+v", a)
	}
	var e EntityDetail
	get(t, srv.URL+"/api/v1/entities/per-mara-lind", &e)
	if e.Name != "Mara Lind" || e.ArticleCount != 2 || len(e.Stories) != 1 {
		t.Errorf("entity: %+v", e)
	}
	var ages []string
	for _, at := range e.Attributes {
		if at.Name == "age" {
			ages = append(ages, at.Value+"/"+at.Source)
		}
	}
	slices.Sort(ages)
	if want := []string{"41/Harbor Ledger", "42/Coast Times"}; !slices.Equal(ages, want) {
		t.Errorf("ages per source = %v, want %v", ages, want)
	}
}

func TestSearch(t *testing.T) {
	srv := newServer(t, Options{})
	var res SearchResult
	get(t, srv.URL+"/api/v1/search?q=detours", &res)
	if len(res.Items) != 1 || res.Total != 1 || res.Items[0].Article.ID != memstore.WireID || !strings.Contains(res.Items[0].Snippet, "[[detours]]") {
		t.Errorf("search: %+v", res)
	}
	res = SearchResult{}
	get(t, srv.URL+"/api/v1/search?q=detours&source=coast+times&from=2000-01-01", &res)
	if len(res.Items) != 0 || res.Total != 0 || res.Source != "coast times" || res.From != "2000-01-01" {
		t.Errorf("filtered search: %+v", res)
	}
}

func TestIngest(t *testing.T) {
	const token = "s3cret-token"
	ing := &fakeIngester{}
	on := newServer(t, Options{Ingester: ing, Token: token, MaxIngestBytes: 1000})
	off := newServer(t, Options{Ingester: ing})
	tests := []struct {
		name   string
		srv    *httptest.Server
		auth   string
		ctype  string
		query  string
		body   string
		want   int
		wantAs string
	}{
		{"disabled without token", off, "Bearer " + token, "text/plain", "", "x\n", 403, ""},
		{"no auth", on, "", "text/plain", "", "x\n", 401, ""},
		{"wrong token", on, "Bearer nope", "text/plain", "", "x\n", 401, ""},
		{"basic auth", on, "Basic " + token, "text/plain", "", "x\n", 401, ""},
		{"jsonl", on, "Bearer " + token, "application/x-ndjson", "?wait=true", "{}\n{}\n", 200, "upload.jsonl"},
		{"html", on, "Bearer " + token, "text/html; charset=utf-8", "?wait=true", "<p>x</p>\n", 200, "upload.html"},
		{"named", on, "Bearer " + token, "", "?name=../../etc/a.txt.gz&wait=true", "x\n", 200, "a.txt.gz"},
		{"bad name", on, "Bearer " + token, "", "?name=a.exe", "x", 400, ""},
		{"bad type", on, "Bearer " + token, "image/png", "", "x", 415, ""},
		{"too large", on, "Bearer " + token, "text/plain", "", strings.Repeat("x", 1001), 413, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ing.name = ""
			req, _ := http.NewRequest("POST", tt.srv.URL+"/api/v1/articles"+tt.query, strings.NewReader(tt.body))
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var body map[string]any
			json.NewDecoder(res.Body).Decode(&body)
			if res.StatusCode != tt.want {
				t.Fatalf("status %d, want %d: %v", res.StatusCode, tt.want, body)
			}
			if tt.want != 200 && ing.name != "" {
				t.Errorf("ingester called on a refused request")
			}
			if tt.want == 200 && (ing.name != tt.wantAs || ing.body != tt.body || body["read"] == nil) {
				t.Errorf("ingester got %q %q, answered %v", ing.name, ing.body, body)
			}
		})
	}
}

func TestTooLargeChunked(t *testing.T) {
	// A body without Content-Length is cut by the reader, not the header check.
	srv := newServer(t, Options{Ingester: &fakeIngester{}, Token: "t", MaxIngestBytes: 100})
	pr, pw := io.Pipe()
	go func() { pw.Write([]byte(strings.Repeat("x", 500))); pw.Close() }()
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", pr)
	req.Header.Set("Authorization", "Bearer t")
	req.Header.Set("Content-Type", "text/plain")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 413 {
		t.Errorf("status %d, want 413", res.StatusCode)
	}
}

func TestEntityID(t *testing.T) {
	tests := []struct {
		typ  news.EntityType
		name string
		want string
	}{
		{news.PER, "Mara Lind", "per-mara-lind"},
		{news.PER, "  Mara   LIND ", "per-mara-lind"},
		{news.LOC, "Reggio Calabria", "loc-reggio-calabria"},
		{news.PER, "Zoë Ćorić", "per-zoë-ćorić"},
		{news.ORG, "<>", "org-"},
	}
	for _, tt := range tests {
		got := EntityID(tt.typ, tt.name)
		if got != tt.want && !(strings.HasSuffix(tt.want, "-") && strings.HasPrefix(got, tt.want) && len(got) == len(tt.want)+8) {
			t.Errorf("EntityID(%s, %q) = %q, want %q", tt.typ, tt.name, got, tt.want)
		}
	}
}

// TestIngestInBackground: an upload is answered at once with 202 and its
// state's URL; polling it gives the summary once the ingest is done.
func TestIngestInBackground(t *testing.T) {
	ing := &fakeIngester{}
	srv := newServer(t, Options{Ingester: ing, Token: "t", MaxIngestBytes: 1000})
	do := func(method, url, auth string, body io.Reader) (*http.Response, map[string]any) {
		req, _ := http.NewRequest(method, url, body)
		req.Header.Set("Content-Type", "application/x-ndjson")
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]any
		json.NewDecoder(res.Body).Decode(&out)
		return res, out
	}
	res, job := do("POST", srv.URL+"/api/v1/articles", "t", strings.NewReader("{}\n{}\n"))
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusAccepted || loc == "" || job["url"] != loc || job["status"] == nil {
		t.Fatalf("POST: %d %v (Location %q)", res.StatusCode, job, loc)
	}
	if res, _ := do("GET", srv.URL+loc, "", nil); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("status without token: %d", res.StatusCode)
	}
	for i := 0; ; i++ {
		res, st := do("GET", srv.URL+loc, "t", nil)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", loc, res.StatusCode, st)
		}
		if st["status"] == "done" {
			if sum, _ := st["summary"].(map[string]any); sum == nil || sum["read"] == nil || st["finished"] == nil {
				t.Errorf("done without a summary: %v", st)
			}
			break
		}
		if i == 100 {
			t.Fatalf("never done: %v", st)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if res, _ := do("GET", srv.URL+"/api/v1/ingests/nope", "t", nil); res.StatusCode != 404 {
		t.Errorf("unknown upload: %d", res.StatusCode)
	}
}

// TestMergedStoryRedirects: a story merged into another answers 301 to the
// story it joined, in the API and with the query kept.
func TestMergedStoryRedirects(t *testing.T) {
	srv := newServer(t, Options{})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(srv.URL + "/api/v1/stories/" + memstore.MergedStory + "?x=1")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/api/v1/stories/"+memstore.FerryStory+"?x=1" {
		t.Errorf("merged story: %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := client.Get(srv.URL + "/api/v1/stories/never"); res.StatusCode != 404 {
		t.Errorf("unknown story: %d", res.StatusCode)
	}
}

// TestStoryExports: a story as JSON, Markdown and CSV, chosen by ?format= or
// by the extension, with their content types; conflicting or unknown
// formats are refused; a merged story's export redirects to the same export.
func TestStoryExports(t *testing.T) {
	srv := newServer(t, Options{})
	base := srv.URL + "/api/v1/stories/" + memstore.FerryStory
	tests := []struct {
		path, ctype string
		want        []string
	}{
		{"", "application/json", []string{`"id":"s-ferry"`}},
		{"?format=json", "application/json", []string{`"id":"s-ferry"`}},
		{".json", "application/json", []string{`"id":"s-ferry"`}},
		{".md", "text/markdown; charset=utf-8", []string{"# Ferry workers strike on Lake Verrin", "[^1]", "[^1]: [Harbor Ledger](https://ledger.example/ferry), 2024-03-04: “"}},
		{"?format=markdown", "text/markdown; charset=utf-8", []string{"## What happened"}},
		{".csv", "text/csv; charset=utf-8", []string{"kind,id,claim_id,article_id,outlet,date,date_estimated,main,status,stance,speaker,independent,text,detail,url,citations\n",
			"\narticle,a-ledger,", "\nclaim,", "\nstance,", "\nquote,", "a-ledger:"}},
		{"?format=csv", "text/csv; charset=utf-8", []string{"\nquote,"}},
	}
	for _, tt := range tests {
		res, err := http.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != tt.ctype && !(tt.ctype == "application/json" && strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype)) {
			t.Errorf("%s: %d %q", tt.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, w := range tt.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: body lacks %q:\n%s", tt.path, w, b[:min(len(b), 600)])
			}
		}
		if tt.ctype != "application/json" && !strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="s-ferry.`) {
			t.Errorf("%s: Content-Disposition %q", tt.path, res.Header.Get("Content-Disposition"))
		}
	}
	for _, bad := range []string{"?format=xml", ".csv?format=markdown"} {
		var e ErrorBody
		if code := get(t, base+bad, &e); code != 400 || e.Status != 400 {
			t.Errorf("%s: %d %+v", bad, code, e)
		}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(srv.URL + "/api/v1/stories/" + memstore.MergedStory + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/api/v1/stories/"+memstore.FerryStory+".csv" {
		t.Errorf("merged story export: %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
}
