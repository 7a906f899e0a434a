package news

import (
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// Document is what a reader produces: one input article before analysis.
// Either Text or HTML is set.
type Document struct {
	Path      string // input file as given on the command line; "" for stdin and URLs
	Line      int    // 1-based line for JSONL inputs, 0 otherwise
	Format    string // "text", "html", "jsonl"
	ID        string // the input's own id, if it has one
	URL       string
	Source    string // outlet name
	Title     string
	Author    string
	Published time.Time // zero when unknown
	Text      string
	HTML      string
}

// Article is one stored news article: its metadata, its cleaned text, and
// everything the analysis stages found in it, each as spans into Text.
type Article struct {
	ID                 string    `json:"id"`
	URL                string    `json:"url"`
	Source             string    `json:"source"`
	Title              string    `json:"title"`
	Author             string    `json:"author"`
	Path               string    `json:"path"`
	Published          time.Time `json:"published"`
	PublishedEstimated bool      `json:"published_estimated"`
	Ingested           time.Time `json:"ingested"`
	ContentHash        string    `json:"content_hash"` // hash of the normalised cleaned text
	Revision           int       `json:"revision"`     // 1 for the first version of a URL
	Text               string    `json:"text"`         // the cleaned text all spans point into
	// PageType says whether the page is a news article; only articles are
	// placed in stories. PageTypeWhy is the reason in a few words.
	PageType    PageType `json:"page_type"`
	PageTypeWhy string   `json:"page_type_why"`

	// Raw is the extracted text before cleaning; not stored.
	Raw string `json:"-"`
	// HTML is the input page, when there was one; not stored.
	HTML string `json:"-"`
	// Page is what extraction measured on the HTML page; not stored.
	Page PageStats `json:"-"`

	Analysis
}

// Analysis is what the per-article stages add to an article. It is stored
// with the article; all of it but InputID is spans into the article's Text.
type Analysis struct {
	// InputID is the id the input gave the article (a JSONL line's "id"),
	// kept beside ours so that a user can map results back to their data.
	InputID     string         `json:"input_id,omitempty"`
	Removed     []Removal      `json:"removed"`     // what cleaning took out, with reasons
	Paragraphs  []Span         `json:"paragraphs"`  // non-empty paragraphs of Text
	Sentences   []Span         `json:"sentences"`   // sentences of Text
	Social      []SocialPost   `json:"social"`      // embedded social posts kept in Text
	Dates       []DateMention  `json:"dates"`       // absolute and relative dates in Text
	Mentions    []Mention      `json:"mentions"`    // named-entity mentions
	Attributes  []AttrMention  `json:"attributes"`  // attribute statements about mentions
	Quotes      []QuoteMention `json:"quotes"`      // direct quotes
	Statements  []Statement    `json:"statements"`  // claim-bearing sentences
	Fingerprint []uint64       `json:"fingerprint"` // document MinHash signature
}

// Removal is one piece of text that cleaning took out of the extracted text.
type Removal struct {
	Text   string `json:"text"`
	Reason string `json:"reason"` // e.g. "site chrome", "photo credit", "duplicate line"
	// At is the byte offset in the cleaned text where the removed text stood.
	At int `json:"at"`
}

// OutletOf is how article a's outlet is shown: Outlet, except that an
// article with neither source nor address whose input gave it an id (a
// JSONL line's "id") is shown by that id, "unknown outlet fnc-1467": the
// articles of one input file are not one outlet named after the file.
func OutletOf(a *Article) string {
	if a.Source == "" && a.InputID != "" {
		if u, err := url.Parse(a.URL); err != nil || u.Host == "" {
			return "unknown outlet " + a.InputID
		}
	}
	return Outlet(a.Source, a.URL, a.Path)
}

// Outlet is how an article's outlet is shown: its source, else "unknown"
// with the domain or the input file beside it ("unknown (articles.jsonl)").
func Outlet(source, rawURL, path string) string {
	if source != "" {
		return source
	}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return "unknown (" + strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") + ")"
	}
	if path != "" {
		return "unknown (" + filepath.Base(path) + ")"
	}
	return "unknown"
}

// SocialPost is an embedded social-media post (a pasted tweet) kept in the
// text but marked as not being the outlet's own prose.
type SocialPost struct {
	Span   Span   `json:"span"`
	Author string `json:"author"`        // display name, if any
	Handle string `json:"handle"`        // "@name"
	Body   Span   `json:"body"`          // the post's own words, without name, handle and links
	URL    string `json:"url,omitempty"` // a t.co or similar link, if present
}

// DateMention is a date expression in the text, normalised against the
// article's publication date.
type DateMention struct {
	Span      Span      `json:"span"`
	Value     time.Time `json:"value"`
	Precision string    `json:"precision"` // "day", "month", "year"
	Relative  bool      `json:"relative"`  // "this weekend", "Thursday"
	Estimated bool      `json:"estimated"` // normalised against an estimated publication date
}

// ArticleSummary is the short form of an article used in lists.
type ArticleSummary struct {
	ID                 string    `json:"id"`
	Title              string    `json:"title"`
	Source             string    `json:"source"`
	URL                string    `json:"url"`
	Path               string    `json:"path"`
	Published          time.Time `json:"published"`
	PublishedEstimated bool      `json:"published_estimated"`
	StoryID            string    `json:"story_id,omitempty"`
}

// Summary returns a's list form.
func (a *Article) Summary() ArticleSummary {
	return ArticleSummary{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Path: a.Path,
		Published: a.Published, PublishedEstimated: a.PublishedEstimated}
}
