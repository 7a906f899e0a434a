package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"mime"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// ReadPage reads one fetched page: body as the server sent it (after any
// Content-Encoding was undone) and its Content-Type. An HTML page is one
// document whose URL is pageURL; a charset the page declares in a meta tag
// is left to the extractor, one given only in the Content-Type is applied
// here. Other content is recognised as files without a known extension
// are. Failures are reported under pageURL; documents carry no Path.
func (r *Reader) ReadPage(ctx context.Context, pageURL, contentType string, body []byte, emit func(news.Document) error, fail func(Failure)) error {
	emit = cleanEmit(emit)
	mt, params, _ := mime.ParseMediaType(contentType)
	if mt == "text/html" || mt == "application/xhtml+xml" {
		if len(bytes.TrimSpace(body)) == 0 {
			fail(Failure{Path: pageURL, Err: errors.New("empty HTML page")})
			return nil
		}
		if params["charset"] != "" && !utf8.Valid(body) {
			if enc, name, _ := charset.DetermineEncoding(body, contentType); name != "utf-8" {
				if dec, err := enc.NewDecoder().Bytes(body); err == nil {
					body = dec
				}
			}
		}
		return emit(news.Document{Format: FormatHTML, URL: pageURL, HTML: string(body)})
	}
	return r.readStream(ctx, pageURL, "", bufio.NewReader(bytes.NewReader(body)), func(d news.Document) error {
		d.Path = ""
		if d.URL == "" {
			d.URL = pageURL
		}
		return emit(d)
	}, fail)
}

// Feed is a parsed feed's title and items, for following the items' links.
type Feed struct {
	Title string
	Items []FeedItem
}

// FeedItem is one item of a feed: its id (GUID, Atom id, JSON Feed id),
// link and metadata.
type FeedItem struct {
	ID        string
	URL       string
	Title     string
	Author    string
	Published time.Time
	// Updated is when the item says it last changed (Atom <updated>, JSON
	// Feed date_modified); zero when it does not say.
	Updated time.Time
}

// IsFeed reports whether data looks like an RSS, Atom or JSON feed (by its
// first element or its JSON Feed version), as content sniffing does.
func IsFeed(data []byte) bool {
	f, err := sniff(bufio.NewReader(bytes.NewReader(data)))
	return err == nil && f == FormatFeed
}

// ParseFeed parses an RSS, Atom or JSON feed and returns its items in feed
// order, links as given (possibly relative); items with neither a link nor
// a URL as their id are left out.
func ParseFeed(data []byte) (Feed, error) {
	feed, err := parseFeed(data)
	if err != nil {
		return Feed{}, err
	}
	out := Feed{Title: clean(feed.Title)}
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		doc, _ := feedItem(it, out.Title) // "no content" does not matter here: the page is fetched
		if doc.URL == "" {
			continue
		}
		item := FeedItem{ID: doc.ID, URL: doc.URL, Title: doc.Title, Author: doc.Author, Published: doc.Published}
		if it.UpdatedParsed != nil {
			item.Updated = it.UpdatedParsed.UTC()
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}
