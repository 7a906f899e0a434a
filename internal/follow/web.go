// Package follow reads news from the web: pages, feeds and sitemaps given by
// URL, fetched through internal/fetch and read by internal/ingest, and the
// subscriptions that poll feeds and sitemaps on an adaptive schedule.
package follow

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// What a fetched URL is.
const (
	KindPage    = "page"
	KindFeed    = news.KindFeed
	KindSitemap = news.KindSitemap
)

// IsURL reports whether an argument is an http or https URL rather than a
// file name.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Entry is one link a feed or sitemap lists: the page to fetch, the key it
// is remembered by once stored, and what the listing says about it.
type Entry struct {
	Key       string // the item's id when it has one, else its canonical URL
	URL       string
	Title     string
	Author    string
	Source    string
	Published time.Time
	// Updated is when the listing says the item last changed (a feed's
	// <updated>, a sitemap's <lastmod>): a later one than seen before makes
	// the page be fetched again, as a new revision.
	Updated time.Time
}

// Listing is what a fetched URL turned out to be: a page, or a feed or a
// sitemap with its entries (a sitemap index lists further sitemaps).
type Listing struct {
	Kind     string
	Entries  []Entry
	Sitemaps []string
}

// List classifies a fetched response and parses the entries of a feed or
// sitemap, resolving their links against the response's URL. Entries
// appearing twice are listed once.
func List(resp *fetch.Response) (Listing, error) {
	switch kind(resp) {
	case KindFeed:
		f, err := ingest.ParseFeed(resp.Body)
		if err != nil {
			return Listing{}, err
		}
		l := Listing{Kind: KindFeed}
		for _, it := range f.Items {
			u := resolve(resp.URL, it.URL)
			if u == "" {
				continue
			}
			l.Entries = append(l.Entries, Entry{Key: itemKey(it.ID, u), URL: u, Title: it.Title, Author: it.Author,
				Source: f.Title, Published: it.Published, Updated: it.Updated})
		}
		l.Entries = dedupe(l.Entries)
		return l, nil
	case KindSitemap:
		return parseSitemap(resp.URL, resp.Body)
	}
	return Listing{Kind: KindPage}, nil
}

// kind tells a feed or a sitemap from a page by content, whatever the
// Content-Type says (servers often send feeds as text/xml or text/html).
func kind(resp *fetch.Response) string {
	if ingest.IsFeed(resp.Body) {
		return KindFeed
	}
	if root := xmlRoot(resp.Body); root == "urlset" || root == "sitemapindex" {
		return KindSitemap
	}
	return KindPage
}

// xmlRoot is the local name of the first element of an XML document, ""
// when data does not start as XML.
func xmlRoot(data []byte) string {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return ""
	}
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return strings.ToLower(se.Name.Local)
		}
	}
}

// itemKey is what an item is remembered by: its id when it has one (a
// GUID is meant to stay when the link changes), else its canonical URL.
func itemKey(id, u string) string {
	if id = strings.TrimSpace(id); id != "" {
		if IsURL(id) {
			return "url:" + news.CanonicalURL(id)
		}
		return "id:" + id
	}
	return "url:" + news.CanonicalURL(u)
}

func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	r, err := b.Parse(strings.TrimSpace(ref))
	if err != nil || (r.Scheme != "http" && r.Scheme != "https") || r.Host == "" {
		return ""
	}
	r.Fragment = ""
	return r.String()
}

func dedupe(es []Entry) []Entry {
	seen := map[string]bool{}
	out := es[:0]
	for _, e := range es {
		c := news.CanonicalURL(e.URL)
		if seen[e.Key] || seen[c] {
			continue
		}
		seen[e.Key], seen[c] = true, true
		out = append(out, e)
	}
	return out
}

// maxSitemapURLs bounds one sitemap, as the protocol does.
const maxSitemapURLs = 50000

// parseSitemap reads a <urlset> (with Google News <news:news> entries when
// present) or a <sitemapindex>.
func parseSitemap(base string, data []byte) (Listing, error) {
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
			News    struct {
				Title       string `xml:"title"`
				Date        string `xml:"publication_date"`
				Publication struct {
					Name string `xml:"name"`
				} `xml:"publication"`
			} `xml:"news"`
		} `xml:"url"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := d.Decode(&doc); err != nil {
		return Listing{}, fmt.Errorf("sitemap: %w", err)
	}
	l := Listing{Kind: KindSitemap}
	for _, s := range doc.Sitemaps {
		if u := resolve(base, s.Loc); u != "" && len(l.Sitemaps) < maxSitemapURLs {
			l.Sitemaps = append(l.Sitemaps, u)
		}
	}
	for _, x := range doc.URLs {
		u := resolve(base, x.Loc)
		if u == "" || len(l.Entries) >= maxSitemapURLs {
			continue
		}
		e := Entry{Key: itemKey("", u), URL: u, Title: clean(x.News.Title), Source: clean(x.News.Publication.Name)}
		e.Published, _ = ingest.ParseTime(strings.TrimSpace(first(x.News.Date, x.LastMod)))
		e.Updated, _ = ingest.ParseTime(strings.TrimSpace(x.LastMod))
		if x.News.Date == "" {
			e.Published = time.Time{} // a lastmod is when the page changed, not when it was published
		}
		l.Entries = append(l.Entries, e)
	}
	l.Entries = dedupe(l.Entries)
	return l, nil
}

func describe(kind string) string {
	if kind == KindSitemap {
		return "the sitemap"
	}
	return "the feed"
}

func first(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// Feeds are the media types of <link rel="alternate"> feed announcements.
var feedTypes = map[string]bool{
	"application/rss+xml": true, "application/atom+xml": true, "application/feed+json": true,
	"application/json": false, // too vague on its own
}

// DiscoverFeeds returns the feeds a page announces with <link
// rel="alternate" type="application/rss+xml|atom+xml|feed+json">, resolved
// against pageURL, in page order.
func DiscoverFeeds(pageURL string, page []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	seen := map[string]bool{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return out
			}
			if string(name) != "link" || !hasAttr {
				continue
			}
			var rel, typ, href string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "type":
					typ = strings.ToLower(strings.TrimSpace(string(v)))
				case "href":
					href = string(v)
				}
				if !more {
					break
				}
			}
			if !hasToken(rel, "alternate") || !feedTypes[typ] {
				continue
			}
			if u := resolve(pageURL, href); u != "" && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

// Web reads documents from URLs: a page is one article, a feed's and a
// sitemap's entries are fetched as pages.
type Web struct {
	Fetch  *fetch.Fetcher
	Reader *ingest.Reader
}

// Read fetches each URL in order and emits its documents; a URL that fails
// is reported to fail as "URL: reason" and the others go on. An error from
// emit stops reading and is returned.
func (w *Web) Read(ctx context.Context, urls []string, emit func(news.Document) error, fail func(ingest.Failure)) error {
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.read(ctx, u, 0, emit, fail); err != nil {
			return err
		}
	}
	return nil
}

func (w *Web) read(ctx context.Context, u string, depth int, emit func(news.Document) error, fail func(ingest.Failure)) error {
	resp, err := w.Fetch.Get(ctx, fetch.Request{URL: u})
	if err != nil {
		return report(ctx, u, err, fail)
	}
	l, err := List(resp)
	if err != nil {
		fail(ingest.Failure{Path: u, Err: err})
		return nil
	}
	if l.Kind == KindPage {
		return w.Reader.ReadPage(ctx, resp.URL, resp.ContentType, resp.Body, emit, fail)
	}
	if len(l.Entries) == 0 && len(l.Sitemaps) == 0 {
		// Polling, an empty listing is news of nothing; asked for once, a failure.
		fail(ingest.Failure{Path: u, Err: fmt.Errorf("%s lists no pages", describe(l.Kind))})
		return nil
	}
	for _, s := range l.Sitemaps {
		if depth > 0 {
			fail(ingest.Failure{Path: s, Err: errors.New("sitemap index inside a sitemap index: not followed")})
			continue
		}
		if err := w.read(ctx, s, depth+1, emit, fail); err != nil {
			return err
		}
	}
	for _, e := range l.Entries {
		if err := w.Page(ctx, e, emit, fail); err != nil {
			return err
		}
	}
	return nil
}

// Page fetches an entry's page and emits it as one document, with what
// the listing said (title, author, outlet, date) kept over what the page
// says. A failed fetch is reported to fail; the error returned is emit's
// or the context's.
func (w *Web) Page(ctx context.Context, e Entry, emit func(news.Document) error, fail func(ingest.Failure)) error {
	_, _, err := w.page(ctx, e, emit, fail)
	return err
}

// page is Page, also telling whether the page was fetched and read (ok),
// and when not, the fetch error (nil when the page was fetched but could
// not be read).
func (w *Web) page(ctx context.Context, e Entry, emit func(news.Document) error, fail func(ingest.Failure)) (ok bool, fetchErr, err error) {
	resp, ferr := w.Fetch.Get(ctx, fetch.Request{URL: e.URL})
	if ferr != nil {
		return false, ferr, report(ctx, e.URL, ferr, fail)
	}
	ok = true
	err = w.Reader.ReadPage(ctx, resp.URL, resp.ContentType, resp.Body, func(d news.Document) error {
		d.Title = first(e.Title, d.Title)
		d.Author = first(e.Author, d.Author)
		d.Source = first(e.Source, d.Source)
		if !e.Published.IsZero() {
			d.Published = e.Published
		}
		return emit(d)
	}, func(f ingest.Failure) { ok = false; fail(f) })
	return ok, nil, err
}

// report hands a fetch failure to fail as "URL: reason", or returns the
// context's error when the run is ending.
func report(ctx context.Context, u string, err error, fail func(ingest.Failure)) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var fe *fetch.Error
	if errors.As(err, &fe) {
		err = fe.Err
	}
	fail(ingest.Failure{Path: u, Err: err})
	return nil
}
