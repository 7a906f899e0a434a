package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) are parsed by gofeed. Each item
// becomes one document: its link, title, authors, publication date (else its
// update date), the feed's title as source, and its full content (RSS
// content:encoded, Atom content, JSON Feed content_html/content_text) or
// else its description or summary, as HTML for the extractor or as plain
// text when it has no markup.

// readFeed emits the items of a feed held in data. A feed that cannot be
// parsed is one failure; an item without content is a failure naming its
// 1-based position, and the items around it go on.
func readFeed(ctx context.Context, path string, data []byte, emit func(news.Document) error, fail func(Failure)) error {
	feed, err := parseFeed(data)
	if err != nil {
		fail(Failure{Path: path, Err: err})
		return nil
	}
	if len(feed.Items) == 0 {
		fail(Failure{Path: path, Err: errors.New("feed has no items")})
		return nil
	}
	source := clean(feed.Title)
	for i, it := range feed.Items {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		doc, err := feedItem(it, source)
		if err != nil {
			fail(Failure{Path: path, Err: fmt.Errorf("item %d: %w", i+1, err)})
			continue
		}
		doc.Path = path
		if err := emit(doc); err != nil {
			return err
		}
	}
	return nil
}

// parseFeed parses an RSS, Atom or JSON feed, turning a panic of the parser
// on hostile input into an error.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("feed: parser failed: %v", p)
		}
	}()
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, errors.New("not an RSS, Atom or JSON feed")
	}
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	return feed, nil
}

func feedItem(it *gofeed.Item, source string) (news.Document, error) {
	if it == nil {
		return news.Document{}, errors.New("no content")
	}
	doc := news.Document{
		ID:     strings.TrimSpace(it.GUID),
		URL:    strings.TrimSpace(it.Link),
		Source: source,
		Title:  clean(it.Title),
		Author: itemAuthors(it),
	}
	if doc.URL == "" && (strings.HasPrefix(doc.ID, "https://") || strings.HasPrefix(doc.ID, "http://")) {
		doc.URL = doc.ID
	}
	switch {
	case it.PublishedParsed != nil && !it.PublishedParsed.IsZero():
		doc.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil && !it.UpdatedParsed.IsZero():
		doc.Published = it.UpdatedParsed.UTC()
	default:
		doc.Published = feedTime(first(it.Published, it.Updated))
	}
	body := strings.TrimSpace(it.Content)
	if body == "" {
		body = strings.TrimSpace(it.Description)
	}
	if body == "" {
		return doc, errors.New("no content")
	}
	if looksHTML(body) {
		doc.Format, doc.HTML = FormatHTML, body
	} else {
		doc.Format, doc.Text = FormatText, body
	}
	return doc, nil
}

// feedTime parses a date gofeed could not, in the layouts ParseTime knows;
// zero when it is not a date.
func feedTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := ParseTime(s)
	return t
}

func itemAuthors(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		if n := clean(first(p.Name, p.Email)); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 && it.Author != nil {
		return clean(first(it.Author.Name, it.Author.Email))
	}
	return strings.Join(names, ", ")
}

// markup matches an HTML tag or character reference; content without one is
// plain text.
var markup = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*)>|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)

func looksHTML(s string) bool { return markup.MatchString(s) }

// clean collapses runs of white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
