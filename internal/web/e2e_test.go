package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/crosscheck-news/crosscheck/internal/memstore"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium for one test, or skips the test when
// Chromium is not installed. The flags keep it off the network: the closed
// network refuses every connection but loopback.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("end-to-end test skipped: %s is absent (install it with .ci/install-chromium)", chromiumPath)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// shot saves a full-page screenshot under testdata/out (gitignored).
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	dir := filepath.Join("testdata", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs one action and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// do runs steps in order and fails the test on error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// TestBrowserJourney opens the stories page, opens a story, clicks a
// citation and checks the highlighted span, runs a search, and checks that
// a hostile article stays inert, saving screenshots on the way.
func TestBrowserJourney(t *testing.T) {
	ctx := browser(t)
	st, err := memstore.Fixture(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, Config{Store: st})

	// Stories list; the optional script adds a filter box (it loaded under the CSP).
	do(t, ctx, "open stories", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("table#stories")))
	list := run(t, ctx, "stories text", chromedp.Text(chromedp.CSS("table#stories")))
	if !strings.Contains(list, "Ferry workers strike on Lake Verrin") || !strings.Contains(list, "confirmed") {
		t.Errorf("stories table: %q", list)
	}
	if n := run(t, ctx, "filter box", chromedp.Evaluate[int](`document.querySelectorAll("input.filter").length`)); n != 1 {
		t.Errorf("app.js enhancement not applied: %d filter boxes", n)
	}
	shot(t, ctx, "stories.png")

	// Open the story.
	do(t, ctx, "open story",
		chromedp.Click(chromedp.CSS(`a[href="/stories/`+memstore.FerryStory+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#summary a.cite")))
	if n := run(t, ctx, "svg", chromedp.Evaluate[int](`document.querySelectorAll("svg.timeline circle, svg.graph circle").length`)); n < 4 {
		t.Errorf("story page draws %d SVG dots, want timeline and graph nodes", n)
	}
	shot(t, ctx, "story.png")

	// Click the first citation of the sheet; the article opens with the span highlighted.
	view, err := st.View(t.Context(), memstore.FerryStory)
	if err != nil {
		t.Fatal(err)
	}
	c := view.Sheet[0].Citations[0]
	art, err := st.Article(t.Context(), c.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	want := art.Text[c.Start:c.End]
	do(t, ctx, "click citation",
		chromedp.Click(chromedp.CSS("#summary a.cite")),
		chromedp.WaitVisible(chromedp.CSS("#hl")))
	loc := run(t, ctx, "location", chromedp.Location())
	if !strings.Contains(loc, "/articles/"+c.ArticleID+"?hl=") || !strings.HasSuffix(loc, "#hl") {
		t.Errorf("citation opened %s", loc)
	}
	got := run(t, ctx, "highlight", chromedp.Evaluate[string](
		`Array.from(document.querySelectorAll(".text .hl")).map(e => e.textContent).join("")`))
	if got != want {
		t.Errorf("highlighted %q, want the cited span %q", got, want)
	}
	bg := run(t, ctx, "highlight style", chromedp.Evaluate[string](
		`getComputedStyle(document.getElementById("hl")).backgroundColor`))
	if bg != "rgb(255, 228, 92)" {
		t.Errorf("highlight background %q: stylesheet not applied", bg)
	}
	shot(t, ctx, "article-cited.png")

	// Search from the header box.
	do(t, ctx, "search",
		chromedp.SendKeys(chromedp.CSS(`header input[name="q"]`), "detours\r"),
		chromedp.WaitVisible(chromedp.CSS("ol.hits mark")))
	if m := run(t, ctx, "mark", chromedp.Text(chromedp.CSS("ol.hits mark"))); m != "detours" {
		t.Errorf("search highlighted %q", m)
	}
	shot(t, ctx, "search.png")

	// The hostile article renders as text: no script ran, no element came from its text.
	do(t, ctx, "hostile",
		chromedp.Navigate(srv.URL+"/articles/"+memstore.EvilID),
		chromedp.WaitVisible(chromedp.CSS(".text")))
	inert := run(t, ctx, "inert", chromedp.Evaluate[int](
		`document.querySelectorAll(".text script, .text img, .text a[href^='javascript'], h1 *, a[href^='javascript']").length`))
	if inert != 0 {
		t.Errorf("hostile article produced %d live elements", inert)
	}
	text := run(t, ctx, "hostile text", chromedp.Text(chromedp.CSS(".text")))
	if !strings.Contains(text, "<script>alert('x')</script>") {
		t.Errorf("hostile text not shown as text: %q", text)
	}
	shot(t, ctx, "hostile.png")

	// A phone-sized viewport: the story page does not scroll sideways.
	do(t, ctx, "phone",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(srv.URL+"/stories/"+memstore.FerryStory),
		chromedp.WaitVisible(chromedp.CSS("#summary")))
	if over := run(t, ctx, "overflow", chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > window.innerWidth + 1`)); over {
		t.Errorf("story page overflows a 390px viewport")
	}
	shot(t, ctx, "story-phone.png")
}

// TestBrowserDemoStory opens the bundled example's story page at desktop
// width: under 4,000 px tall before anything is unfolded, the charts drawn
// with labels that neither overlap nor leave the drawing, the copy graph's
// labels readable, long lists folded and unfolding on a click; at phone
// width nothing scrolls sideways.
func TestBrowserDemoStory(t *testing.T) {
	ctx := browser(t)
	st, id := demoStore(t)
	srv := newTestServer(t, Config{Store: st})
	do(t, ctx, "open demo story",
		chromedp.EmulateViewport(1400, 900),
		chromedp.Navigate(srv.URL+"/stories/"+id),
		chromedp.WaitVisible(chromedp.CSS("#copies svg")))
	h := run(t, ctx, "height", chromedp.Evaluate[int](`document.documentElement.scrollHeight`))
	t.Logf("demo story page: %d px tall at 1400 px wide", h)
	if h >= 4000 {
		t.Errorf("demo story page is %d px tall at 1400 px wide, want < 4000", h)
	}
	if open := run(t, ctx, "open details", chromedp.Evaluate[int](`document.querySelectorAll("details[open]").length`)); open != 0 {
		t.Errorf("%d folds open on arrival", open)
	}
	shot(t, ctx, "demo-story.png")

	// Every chart's text stays inside its drawing and no two labels overlap.
	problems := run(t, ctx, "chart labels", chromedp.Evaluate[[]string](`(() => {
		const out = [];
		for (const svg of document.querySelectorAll("svg.chart")) {
			const box = svg.getBoundingClientRect();
			const texts = Array.from(svg.querySelectorAll("text")).map(e => [e.textContent, e.getBoundingClientRect()]);
			for (const [s, r] of texts) {
				if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
					out.push(svg.className.baseVal + ": " + s + " leaves the drawing");
			}
			if (svg.classList.contains("graph")) continue; // node labels may sit close, never on top of one another
			for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
				const [a, ra] = texts[i], [b, rb] = texts[j];
				const dotLabels = /^\d+$/.test(a) && /^\d+$/.test(b); // numbers sit inside their dots
				if (!dotLabels && ra.left < rb.right && rb.left < ra.right && ra.top < rb.bottom && rb.top < ra.bottom)
					out.push(svg.className.baseVal + ": " + a + " overlaps " + b);
			}
		}
		return out;
	})()`))
	for _, p := range problems {
		t.Error(p)
	}
	// The timeline labels its dates and has a legend; the coverage chart has
	// a block per dated article and a legend.
	n := run(t, ctx, "chart parts", chromedp.Evaluate[[]int](`[
		Array.from(document.querySelectorAll("svg.timeline text")).filter(e => /^\d{4}(-\d\d){0,2}$/.test(e.textContent)).length,
		Array.from(document.querySelectorAll("svg.timeline text")).filter(e => e.textContent.includes("date estimated")).length,
		document.querySelectorAll("svg.coverage a rect").length,
		Array.from(document.querySelectorAll("svg.coverage text")).filter(e => e.textContent.includes("denies")).length,
		Math.round(Math.min(...Array.from(document.querySelectorAll("svg.graph text")).map(e => e.getBoundingClientRect().height))),
	]`))
	if n[0] < 2 || n[1] != 1 || n[2] != 4 || n[3] != 1 {
		t.Errorf("timeline date labels %d, legend %d; coverage blocks %d, legend %d", n[0], n[1], n[2], n[3])
	}
	if n[4] < 14 {
		t.Errorf("copy graph labels %d px tall, want readable (≥ 14 px)", n[4])
	}

	// Folds open on a click, with no script.
	do(t, ctx, "unfold fans' posts", chromedp.Click(chromedp.CSS("details.fans > summary")),
		chromedp.WaitVisible(chromedp.CSS("details.fans blockquote")))
	if n := run(t, ctx, "fans", chromedp.Evaluate[int](`document.querySelectorAll("details.fans .quote").length`)); n < 2 {
		t.Errorf("fans' posts: %d", n)
	}

	do(t, ctx, "phone",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(srv.URL+"/stories/"+id),
		chromedp.WaitVisible(chromedp.CSS("#summary")))
	if over := run(t, ctx, "overflow", chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > window.innerWidth + 1`)); over {
		t.Errorf("demo story page overflows a 390px viewport")
	}
	shot(t, ctx, "demo-story-phone.png")
}
