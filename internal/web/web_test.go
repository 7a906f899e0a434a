package web

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/memstore"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// countLines is an ingester that counts the lines it is given.
type countLines struct{}

func (countLines) Ingest(_ context.Context, _ string, r io.Reader) (api.IngestSummary, error) {
	b, err := io.ReadAll(r)
	n := strings.Count(string(b), "\n")
	return api.IngestSummary{Read: n, New: n}, err
}

func newTestServer(t testing.TB, cfg Config) *httptest.Server {
	t.Helper()
	if cfg.Store == nil {
		st, err := memstore.Fixture(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		cfg.Store = st
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config = NewServer("", h)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// demoStore serves the bundled example story (five outlets on one 2022
// rumour) as `crosscheck demo` builds it, from testdata/demo.json.gz
// (rewritten by `go test ./cmd/crosscheck -run DemoSnapshot -update-demo`).
func demoStore(t testing.TB) (*memstore.Store, string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "demo.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var snap memstore.Snapshot
	if err := json.NewDecoder(zr).Decode(&snap); err != nil {
		t.Fatal(err)
	}
	st, err := memstore.Load(t.Context(), snap)
	if err != nil {
		t.Fatal(err)
	}
	return st, snap.Views[0].ID
}

func fetch(t *testing.T, method, url string, body io.Reader, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestPages(t *testing.T) {
	srv := newTestServer(t, Config{})
	tests := []struct {
		path string
		code int
		want []string // substrings of the body
	}{
		{"/", 200, []string{"Ferry workers strike on Lake Verrin", "Harbor Ledger", "2024-03-04", "confirmed"}},
		{"/?sort=fresh", 200, []string{"Evil"}},
		{"/?sort=nope", 400, []string{"sort must be"}},
		{"/?sort=growth&source=harbor+ledger", 200, []string{"Ferry workers strike on Lake Verrin", `value="harbor ledger"`, "all stories", `href="/?sort=size&amp;source=harbor&#43;ledger"`}},
		{"/?source=nobody", 200, []string{"No story matches these filters"}},
		{"/?from=2099-01-01", 200, []string{"No story matches these filters"}},
		{"/?to=soon", 400, nil},
		{"/?page=0", 400, nil},
		{"/stories/" + memstore.FerryStory, 200, []string{
			"In short", "What happened",
			`href="/articles/a-ledger?hl=`,                                  // citations open the highlighted span
			"Outlets side by side", `<td class="outlet">Harbor Ledger</td>`, // outlets with their stance
			`<span class="stance asserts">asserts</span>`, `<a class="orig" href="https://ledger.example/ferry"`,
			`<svg class="chart coverage"`, `<svg class="chart timeline"`, `<svg class="chart graph"`, "marker-end",
			`<details class="more">`,                                                  // long lists fold
			`href="/api/v1/stories/s-ferry.md"`, `href="/api/v1/stories/s-ferry.csv"`, // downloads
			"until the company listens to us", "drops &#34;to us&#34;", // quote variant and difference
			"age 41", "age 42", `class="sides"`, // contradiction side by side
			`href="/entities/per-mara-lind"`, // entity chip
			"independent",
		}},
		{"/stories/nope", 404, []string{"not found"}},
		{"/articles", 200, []string{"Lake Verrin crossings halted"}},
		{"/articles/" + memstore.LedgerID + "?hl=0-13#hl", 200, []string{
			`<span class="c hl" id="hl" title="claim: ferry workers strike (asserts); cited">Ferry workers</span>`,
			`class="m"`, `class="q"`, "What cleaning removed", "photo credit", "Photo: Lake Verrin / Agency",
		}},
		{"/articles/" + memstore.LedgerID + "?hl=5-99999", 200, nil},
		{"/articles/nope", 404, nil},
		{"/entities", 200, []string{"Mara Lind", "Verrin Lines"}},
		{"/entities?type=ORG", 200, []string{"Verrin Lines"}},
		{"/entities/per-mara-lind", 200, []string{"sources differ", "41", "42", "Harbor Ledger", "Coast Times", `href="/stories/s-ferry"`}},
		{"/entities/per-mara-lind", 200, []string{"<h2>Quotes</h2>", "until the company listens to us", `class="cite" href="/articles/` + memstore.LedgerID + `?hl=`, "No claim names Mara Lind"}},
		{"/entities/org-verrin-lines", 200, []string{"Talks between the union and Verrin Lines collapsed", "No quote is given to Verrin Lines"}},
		{"/entities/per-nobody", 404, nil},
		{"/search?q=detours", 200, []string{"<mark>detours</mark>", "North Wire", "1 article matching"}},
		{"/search?q=detours&source=north+wire&from=2000-01-01", 200, []string{"1 article matching", `value="north wire"`, "since 2000-01-01"}},
		{"/search?q=detours&source=Coast+Times", 200, []string{"No article matches"}},
		{"/search?q=detours+-detours", 200, []string{"No article matches"}},
		{"/search?q=detours&to=yesterday", 400, nil},
		{"/search?q=zzzz", 200, []string{"No article matches"}},
		{"/search", 200, nil},
		{"/nowhere", 404, []string{"not found"}},
		{"/static/style.css", 200, []string{"--accent"}},
		{"/static/app.js", 200, []string{"filterable"}},
		{"/static/", 404, nil}, // no directory listing
		{"/healthz", 200, []string{"ok"}},
	}
	for _, tt := range tests {
		res, body := fetch(t, "GET", srv.URL+tt.path, nil, nil)
		if res.StatusCode != tt.code {
			t.Errorf("GET %s = %d, want %d", tt.path, res.StatusCode, tt.code)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: body lacks %q", tt.path, w)
			}
		}
		if csp := res.Header.Get("Content-Security-Policy"); csp != CSP {
			t.Errorf("GET %s: CSP %q", tt.path, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", tt.path)
		}
	}
}

func TestCSPForbidsInlineScript(t *testing.T) {
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "*"} {
		if strings.Contains(CSP, bad) {
			t.Errorf("CSP allows %s", bad)
		}
	}
	for _, need := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(CSP, need) {
			t.Errorf("CSP lacks %s", need)
		}
	}
}

// TestHostileArticleIsInert checks that markup and javascript: links in an
// article's title, source, URL, text, removals and story view come out as
// text: no script element, no event handler, no javascript: URL.
func TestHostileArticleIsInert(t *testing.T) {
	srv := newTestServer(t, Config{})
	scriptTag := regexp.MustCompile(`(?i)<script(\s|>)`)
	for _, path := range []string{
		"/articles/" + memstore.EvilID, "/articles/" + memstore.EvilID + "?hl=16-43",
		"/stories/" + memstore.EvilStory, "/", "/?sort=fresh", "/articles",
		"/search?q=" + "click", "/search?q=%3Cscript%3E", "/entities", "/entities/" + entityOf(t, srv),
	} {
		res, body := fetch(t, "GET", srv.URL+path, nil, nil)
		if res.StatusCode != 200 {
			t.Errorf("GET %s = %d", path, res.StatusCode)
		}
		for _, m := range scriptTag.FindAllStringIndex(body, -1) {
			if !strings.HasPrefix(body[m[0]:], `<script src="/static/app.js" defer>`) {
				t.Errorf("%s: live script element at %q", path, body[m[0]:min(len(body), m[0]+60)])
			}
		}
		low := strings.ToLower(body)
		for _, bad := range []string{`href="javascript:`, "<img", "<b>bad"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s: body contains %q", path, bad)
			}
		}
		if m := handlerAttr.FindString(body); m != "" {
			t.Errorf("%s: event handler attribute in %q", path, m)
		}
	}
	_, body := fetch(t, "GET", srv.URL+"/articles/"+memstore.EvilID, nil, nil)
	if !strings.Contains(body, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") {
		t.Errorf("escaped script text missing from the article page")
	}
	if strings.Contains(body, "original</a>") {
		t.Errorf("a javascript: article URL was made into a link")
	}
}

// handlerAttr finds an element with an on* event handler attribute.
var handlerAttr = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)

func entityOf(t *testing.T, srv *httptest.Server) string {
	_, body := fetch(t, "GET", srv.URL+"/entities", nil, nil)
	m := regexp.MustCompile(`href="/entities/(per-img[^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("hostile entity not listed")
	}
	return m[1]
}

func TestLimits(t *testing.T) {
	srv := newTestServer(t, Config{MaxBodyBytes: 100})
	res, body := fetch(t, "GET", srv.URL+"/", strings.NewReader(strings.Repeat("x", 1000)), nil)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "larger than") {
		t.Errorf("oversize UI body: %d", res.StatusCode)
	}
	res, body = fetch(t, "GET", srv.URL+"/api/v1/stories", strings.NewReader(strings.Repeat("x", 1000)), nil)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"status":413`) {
		t.Errorf("oversize API body: %d %s", res.StatusCode, body)
	}
	res, _ = fetch(t, "GET", srv.URL+"/", nil, map[string]string{"X-Big": strings.Repeat("x", 2*DefaultMaxHeader)})
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("oversize header: %d", res.StatusCode)
	}
	res, _ = fetch(t, "GET", srv.URL+"/search?q="+strings.Repeat("a", 5000), nil, nil)
	if res.StatusCode != http.StatusRequestURITooLong {
		t.Errorf("long query string: %d", res.StatusCode)
	}
	if s := NewServer(":0", nil); s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 {
		t.Errorf("server timeouts unset: %+v", s)
	}
}

func TestIngestThroughServer(t *testing.T) {
	off := newTestServer(t, Config{})
	res, body := fetch(t, "POST", off.URL+"/api/v1/articles", strings.NewReader("x\n"), map[string]string{"Content-Type": "text/plain"})
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "disabled") {
		t.Errorf("ingest without configured token: %d %s", res.StatusCode, body)
	}
	on := newTestServer(t, Config{Ingester: countLines{}, IngestToken: "tok", MaxIngestBytes: 2000})
	res, _ = fetch(t, "POST", on.URL+"/api/v1/articles", strings.NewReader("x\n"), map[string]string{"Content-Type": "text/plain"})
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("ingest without token: %d", res.StatusCode)
	}
	// The ingest limit is the API's, larger than the general body limit.
	res, body = fetch(t, "POST", on.URL+"/api/v1/articles?wait=true", strings.NewReader(strings.Repeat("x\n", 700)),
		map[string]string{"Content-Type": "text/plain", "Authorization": "Bearer tok"})
	if res.StatusCode != 200 || !strings.Contains(body, `"read":700`) {
		t.Errorf("ingest with token: %d %s", res.StatusCode, body)
	}
	res, _ = fetch(t, "POST", on.URL+"/api/v1/articles", strings.NewReader(strings.Repeat("x\n", 1001)),
		map[string]string{"Content-Type": "text/plain", "Authorization": "Bearer tok"})
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize ingest: %d", res.StatusCode)
	}
	res, _ = fetch(t, "POST", on.URL+"/stories/x", nil, nil)
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST to a page: %d", res.StatusCode)
	}
}

func TestPageWeight(t *testing.T) {
	srv := newTestServer(t, Config{})
	demo, id := demoStore(t)
	demoSrv := newTestServer(t, Config{Store: demo})
	assets := 0
	for _, a := range []string{"/static/style.css", "/static/app.js", "/static/icon.svg"} {
		_, body := fetch(t, "GET", srv.URL+a, nil, nil)
		assets += len(body)
	}
	for _, p := range []string{"/", "/stories/" + memstore.FerryStory, "/articles/" + memstore.LedgerID, "/entities/per-mara-lind", "/search?q=ferry",
		demoSrv.URL + "/stories/" + id} {
		url := srv.URL + p
		if strings.HasPrefix(p, "http") {
			url = p
		}
		_, body := fetch(t, "GET", url, nil, nil)
		t.Logf("%s: %d bytes + %d bytes of assets", p, len(body), assets)
		if total := len(body) + assets; total > 200<<10 {
			t.Errorf("%s weighs %d bytes with assets, want < 200 KB", p, total)
		}
	}
}

// TestDemoStoryPage: the bundled example's story page, top to bottom.
func TestDemoStoryPage(t *testing.T) {
	st, id := demoStore(t)
	srv := newTestServer(t, Config{Store: st})
	res, body := fetch(t, "GET", srv.URL+"/stories/"+id, nil, nil)
	if res.StatusCode != 200 {
		t.Fatalf("demo story: %d", res.StatusCode)
	}
	// The parts come in this order, each once.
	last := -1
	for _, part := range []string{`id="summary"`, `id="outlets"`, `id="coverage"`, `id="claims"`, `id="quotes"`,
		`id="contradictions"`, `id="timeline"`, `id="people"`, `id="copies"`} {
		i := strings.Index(body, part)
		if i < last || strings.Count(body, part) != 1 {
			t.Errorf("%s at %d (after %d), %d times", part, i, last, strings.Count(body, part))
		}
		last = i
	}
	for _, want := range []string{
		"Claim: Khloé Kardashian and Michele Morrone are dating", // the summary
		`<td class="outlet">HELLO!</td>`, `<span class="stance denies">denies</span>`, `<abbr title="on or after this day: estimated from the dates the text mentions">est.</abbr>`,
		`<span class="ind-label">independent</span>`,
		"Fans' posts: ", // grouped
		"not drawn: 1 undated article",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("demo story page lacks %q", want)
		}
	}
	// The timeline once: no sheet section repeats it.
	if strings.Count(body, "<time>") != len(mustView(t, st, id).Timeline) {
		t.Errorf("timeline events shown %d times, want once each", strings.Count(body, "<time>"))
	}
	// Chips only for entities met twice.
	for _, junk := range []string{">Help Khloé<", ">Wizard<", ">Stone<"} {
		if strings.Contains(body, junk) {
			t.Errorf("chip %s shown", junk)
		}
	}
}

func mustView(t *testing.T, st *memstore.Store, id string) *news.StoryView {
	v, err := st.View(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMergedStoryPageRedirects: the address of a story merged into another
// leads to the story it joined.
func TestMergedStoryPageRedirects(t *testing.T) {
	srv := newTestServer(t, Config{})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(srv.URL + "/stories/" + memstore.MergedStory)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/stories/"+memstore.FerryStory {
		t.Errorf("merged story page: %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
}

// TestStoryDownloads follows the story page's download links through the
// whole server: each answers its format's content type.
func TestStoryDownloads(t *testing.T) {
	srv := newTestServer(t, Config{})
	_, page := fetch(t, "GET", srv.URL+"/stories/"+memstore.FerryStory, nil, nil)
	links := regexp.MustCompile(`<a class="dl" href="([^"]+)" type="([^"]+)" download>`).FindAllStringSubmatch(page, -1)
	if len(links) != 3 {
		t.Fatalf("download links: %q", links)
	}
	want := map[string]string{"text/markdown": "# Ferry workers strike", "text/csv": "kind,id,", "application/json": `"sheet":`}
	for _, l := range links {
		href := strings.ReplaceAll(l[1], "&amp;", "&")
		res, body := fetch(t, "GET", srv.URL+href, nil, nil)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), l[2]) {
			t.Errorf("%s: %d %q, want %s", href, res.StatusCode, res.Header.Get("Content-Type"), l[2])
		}
		if !strings.HasPrefix(body, want[l[2]]) && !strings.Contains(body, want[l[2]]) {
			t.Errorf("%s: body %.100q", href, body)
		}
		if res.Header.Get("Content-Security-Policy") != CSP || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: safety headers missing", href)
		}
	}
}

// TestNonArticleSaysSo: the page of an article typed as not news says so
// and why; an article's page says nothing of it.
func TestNonArticleSaysSo(t *testing.T) {
	st, err := memstore.Fixture(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{ID: "tag-ferries", URL: "https://blog.example/tag/ferries/", Title: "Ferries", Text: "Ferry strike\n\nFerry fares"}
	a.PageType, a.PageTypeWhy = news.PageIndex, "listing: the address has /tag/"
	if _, err := st.SaveArticle(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, Config{Store: st})
	_, body := fetch(t, "GET", srv.URL+"/articles/"+a.ID, nil, nil)
	if !strings.Contains(body, "Not a news article (index: listing: the address has /tag/): kept out of stories.") {
		t.Errorf("index page lacks its page type:\n%s", body)
	}
	_, body = fetch(t, "GET", srv.URL+"/articles/"+memstore.LedgerID, nil, nil)
	if strings.Contains(body, "Not a news article") {
		t.Error("an article's page says it is not one")
	}
}
