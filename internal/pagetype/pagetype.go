// Package pagetype decides whether a page is a news article, a listing
// (index, tag, category, archive or search page) or another page that is not
// news (a form, an error page, a paywall or a page with next to no text), so
// that only articles become parts of stories.
package pagetype

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Stage sets a.PageType and a.PageTypeWhy from the cleaned text, its
// paragraphs, the title, the URL and, for HTML inputs, what extraction
// measured on the page (a.Page). It runs after cleaning.
type Stage struct {
	// Params are the decision's thresholds; the zero value means Default.
	Params *Params
}

// Process implements news.Stage.
func (s Stage) Process(_ context.Context, a *news.Article) error {
	p := Default
	if s.Params != nil {
		p = *s.Params
	}
	a.PageType, a.PageTypeWhy = p.Classify(Measure(a))
	return nil
}

// Features are the measurements the decision reads.
type Features struct {
	HTML       bool // the input was an HTML page (Page is set)
	Words      int  // words of the cleaned text
	Paragraphs int  // non-empty paragraphs
	// ProseWords are the words of paragraphs that read as prose: at least
	// proseMin words and a sentence end.
	ProseWords int
	// ShortBlocks are paragraphs of fewer than shortMax words (headlines,
	// dates, bylines, link lines).
	ShortBlocks int
	Page        news.PageStats
	ListingURL  string // the listing pattern the URL matches ("/tag/"), if any
	FrontPage   bool   // the URL is a site's root
	TitleKind   string // "error", "form", "listing" or "" from the title
	Paywall     bool   // the text asks the reader to subscribe or log in to read on
}

const (
	// minTextWords: a text given as text (not a page) is an article unless
	// it has fewer words than this; the user chose it as one.
	minTextWords = 3
	proseMin     = 20 // words of a prose paragraph
	shortMax     = 12 // words of a short block
	// paywallProse: the paywall sign is looked for only in texts with
	// fewer prose words than this (long texts are articles whatever they
	// say about subscribing).
	paywallProse = 200
)

// LinkDensity is the share of the page's words inside links (0 without HTML).
func (f Features) LinkDensity() float64 {
	if f.Page.Words == 0 {
		return 0
	}
	return float64(f.Page.LinkWords) / float64(f.Page.Words)
}

// Measure computes an article's features.
func Measure(a *news.Article) Features {
	f := Features{Page: a.Page, HTML: a.Page.HTML || a.Page.Words > 0}
	paras := a.Paragraphs
	if len(paras) == 0 && strings.TrimSpace(a.Text) != "" {
		paras = []news.Span{{Start: 0, End: len(a.Text)}}
	}
	for _, sp := range paras {
		if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
			continue
		}
		p := a.Text[sp.Start:sp.End]
		n := words.Len(p)
		if n == 0 {
			continue
		}
		f.Paragraphs++
		f.Words += n
		if n < shortMax {
			f.ShortBlocks++
		}
		if n >= proseMin && strings.ContainsAny(p, ".!?") {
			f.ProseWords += n
		}
	}
	f.ListingURL, f.FrontPage = urlKind(a.URL)
	f.TitleKind = titleKind(a.Title)
	if f.ProseWords < paywallProse { // the only pages the paywall rule can decide
		f.Paywall = paywall.MatchString(a.Text)
	}
	return f
}

// Params are the thresholds of the decision, tuned on the extraction
// benchmark's dev pages (docs/extraction.md, "Page type").
type Params struct {
	// MinWords: a page with fewer words of text than this is not an
	// article.
	MinWords int
	// MinProse: an HTML page with fewer prose words than this is an index
	// when it has HeadingLinks headline links, and a thin page (other) when
	// at least ListDensity of its words are links.
	MinProse     int
	ListDensity  float64
	HeadingLinks int
	// ShortText: error, form and paywall signs count only on pages with
	// fewer prose words than this (at most paywallProse).
	ShortText int
	// FormInputs: a page with a password box and at least this many text
	// boxes (comment forms have three: name, e-mail, site) is a form.
	FormInputs int
}

// Default are the tuned thresholds.
var Default = Params{MinWords: 40, MinProse: 50, ListDensity: 0.4, HeadingLinks: 12, ShortText: 25, FormInputs: 3}

// Classify decides the page type and gives the reason in a few words.
func (p Params) Classify(f Features) (news.PageType, string) {
	prose := fmt.Sprintf("%d words of prose", f.ProseWords)
	switch {
	case f.TitleKind == "error" && f.ProseWords < p.ShortText:
		return news.PageOther, "error page: the title says so, " + prose
	case f.HTML && f.ProseWords < p.ShortText && (f.Page.PasswordBoxes > 0 && f.Page.TextInputs >= p.FormInputs || f.TitleKind == "form"):
		return news.PageOther, fmt.Sprintf("form: %d password and %d text boxes, %s", f.Page.PasswordBoxes, f.Page.TextInputs, prose)
	case f.Paywall && f.ProseWords < p.ShortText:
		return news.PageOther, "paywall: asks to subscribe or log in, " + prose
	case f.HTML && f.Words == 0:
		return news.PageOther, fmt.Sprintf("no main text found: %d words on the page, %d of them in links",
			f.Page.Words, f.Page.LinkWords)
	case f.Words < minTextWords || f.HTML && f.Words < p.MinWords:
		return news.PageOther, fmt.Sprintf("next to no text: %d words", f.Words)
	case f.ListingURL != "" && f.ProseWords < 2*p.MinProse:
		return news.PageIndex, fmt.Sprintf("listing: the address has %s, %s", f.ListingURL, prose)
	case f.TitleKind == "listing" && f.ProseWords < 2*p.MinProse:
		return news.PageIndex, "listing: the title says so, " + prose
	case f.HTML && f.ProseWords < p.MinProse && f.Page.HeadingLinks >= p.HeadingLinks:
		return news.PageIndex, fmt.Sprintf("listing: %d linked headlines, %d of %d blocks short, %s",
			f.Page.HeadingLinks, f.ShortBlocks, f.Paragraphs, prose)
	case f.HTML && f.ProseWords < p.MinProse && f.LinkDensity() >= p.ListDensity:
		return news.PageOther, fmt.Sprintf("thin page: %s, %.0f%% of the page's words are links", prose, 100*f.LinkDensity())
	case f.FrontPage && f.ProseWords < 2*p.MinProse:
		return news.PageIndex, "listing: a site's front page, " + prose
	}
	return news.PageArticle, fmt.Sprintf("article: %d words in %d paragraphs, %s", f.Words, f.Paragraphs, prose)
}

// listingSegments are path segments that open a listing: what follows
// them is at most one name (a tag, a category, an author), or none but
// numbers for archives and pages (/archive/2012/11/, /page/2), so that
// /archives/2012/11/12/chef-rant.php and /category/politics/some-story/
// stay articles.
var listingSegments = map[string]int{
	"tag": 1, "tags": 1, "category": 1, "categories": 1, "topic": 1, "topics": 1, "label": 1, "labels": 1,
	"author": 1, "search": 1, "archive": 0, "archives": 0, "page": 0,
}

// listingQuery are query parameters of search and listing pages.
var listingQuery = []string{"s", "q", "tag", "cat", "paged"}

// urlKind tells the listing pattern a URL matches and whether it is a
// site's front page.
func urlKind(raw string) (pattern string, front bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return "", false
	}
	segs := strings.FieldsFunc(strings.ToLower(u.Path), func(r rune) bool { return r == '/' })
	for i, seg := range segs {
		names, ok := listingSegments[seg]
		if !ok || seg == "page" && (i+1 >= len(segs) || !numeric(segs[i+1])) {
			continue
		}
		n := 0
		for _, r := range segs[i+1:] {
			if !numeric(r) && r != "page" {
				n++
			}
		}
		if n <= names {
			return "/" + seg + "/", false
		}
	}
	q := u.Query()
	for _, k := range listingQuery {
		if q.Has(k) {
			return "?" + k + "=", false
		}
	}
	switch strings.Join(segs, "/") {
	case "", "index.html", "index.htm", "index.php", "blog", "news", "home":
		return "", true
	}
	return "", false
}

// numeric reports whether s is all digits (a year, a month, a page).
func numeric(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

var (
	errorTitle   = regexp.MustCompile(`(?i)\b(404|error [45]\d\d|page not found|not found|no longer available|access denied|forbidden|server error|an error occurred)\b`)
	formTitle    = regexp.MustCompile(`(?i)^\W*(sign ?in|sign ?up|log ?in|register|registration|subscribe|subscription|newsletter|create an account|contact us|password reset)\b`)
	listingTitle = regexp.MustCompile(`(?i)(^\W*(archives?|category|tag|topic)\s*:|^\W*(archive for|posts tagged|all posts|search results)\b|\b(posts tagged|search results for)\b|\bpage \d+ of \d+\b|[|:–-]\s*(archives?|page \d+)\s*$)`)
	paywall      = regexp.MustCompile(`(?i)(subscribe (now )?to (continue|keep) reading|to (continue|keep) reading,? (please )?(subscribe|log ?in|sign ?in)|this (article|content|story) is (only )?(available|for) (to )?(subscribers|members)|already a subscriber\?)`)
)

// titleKind reads the kind of page the title announces.
func titleKind(title string) string {
	switch {
	case errorTitle.MatchString(title):
		return "error"
	case formTitle.MatchString(title):
		return "form"
	case listingTitle.MatchString(title):
		return "listing"
	}
	return ""
}

// Tune searches a grid of thresholds for the ones that best tell gold
// articles (true) from the rest on the measured pages: the highest F1 of
// the non-article class, ties to the higher accuracy. It returns them and
// that F1.
func Tune(fs []Features, gold []bool) (Params, float64) {
	// Few pages of the dev set are not articles (37 of 1,381), so only the
	// three thresholds that matter most are searched; the others stay as set
	// by hand.
	best, bestF1, bestAcc := Default, -1.0, -1.0
	for _, minWords := range []int{20, 40} {
		for _, minProse := range []int{25, 50, 100} {
			for _, density := range []float64{0.4, 0.5, 0.6, 0.7} {
				p := Default
				p.MinWords, p.MinProse, p.ListDensity = minWords, minProse, density
				f1, acc := p.score(fs, gold)
				if f1 > bestF1 || f1 == bestF1 && acc > bestAcc {
					best, bestF1, bestAcc = p, f1, acc
				}
			}
		}
	}
	return best, bestF1
}

// score is the non-article F1 and the accuracy of p on the pages.
func (p Params) score(fs []Features, gold []bool) (f1, acc float64) {
	var tp, fp, fn, right int
	for i, f := range fs {
		t, _ := p.Classify(f)
		non, goldNon := !t.IsArticle(), !gold[i]
		switch {
		case non && goldNon:
			tp++
		case non:
			fp++
		case goldNon:
			fn++
		}
		if non == goldNon {
			right++
		}
	}
	if tp > 0 {
		f1 = 2 * float64(tp) / float64(2*tp+fp+fn)
	}
	if len(fs) > 0 {
		acc = float64(right) / float64(len(fs))
	}
	return f1, acc
}
