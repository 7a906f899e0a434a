// Package extract turns a news web page into its main text, with paragraphs
// kept, and its metadata: go-trafilatura first, go-readability when
// trafilatura finds too little.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// MinText is the number of characters of main text below which trafilatura's
// result is considered too little and go-readability is tried.
const MinText = 250

// maxPage bounds the bytes read from one page.
const maxPage = 16 << 20

// ErrNoText is returned when neither extractor finds any main text.
var ErrNoText = errors.New("no main text")

// Result is a page's main text and metadata.
type Result struct {
	// Text is the main text: paragraphs separated by a blank line, line
	// breaks inside a paragraph kept as single newlines.
	Text      string
	Title     string
	Author    string
	Published time.Time // zero when unknown
	SiteName  string
	URL       string // canonical URL, else the page URL given
	// Extractor is "trafilatura" or "readability": which one gave Text.
	Extractor string
	// Page is measured on the whole page, before extraction: words, links,
	// headline links and form inputs, for the page-type decision.
	Page news.PageStats
}

// HTML extracts the main text and metadata of the page read from r. pageURL
// (may be empty) resolves relative links and is the URL when the page
// declares no canonical one. Pages in legacy charsets are decoded to UTF-8;
// invalid bytes are replaced.
func HTML(ctx context.Context, r io.Reader, pageURL string) (Result, error) {
	doc, u, err := parse(ctx, r, pageURL)
	if err != nil {
		return Result{}, err
	}
	var res Result
	page := pageStats(doc) // before extraction, which may change the tree
	tr, terr := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	})
	if terr == nil && tr != nil {
		res = Result{
			Text:      nodeText(tr.ContentNode),
			Title:     clean(tr.Metadata.Title),
			Author:    clean(tr.Metadata.Author),
			Published: tr.Metadata.Date,
			SiteName:  clean(tr.Metadata.Sitename),
			URL:       tr.Metadata.URL,
			Extractor: "trafilatura",
		}
	}
	if utf8.RuneCountInString(res.Text) < MinText {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		fallback(doc, u, &res)
	}
	if res.URL == "" {
		res.URL = pageURL
	}
	res.Page = page
	if strings.TrimSpace(res.Text) == "" {
		return res, ErrNoText
	}
	return res, nil
}

// Trafilatura is go-trafilatura alone, as its own benchmark runs it: the
// plain content text (one line), for comparison with HTML.
func Trafilatura(ctx context.Context, r io.Reader, pageURL string) (string, error) {
	doc, u, err := parse(ctx, r, pageURL)
	if err != nil {
		return "", err
	}
	tr, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL: u, EnableFallback: true, ExcludeComments: true, HtmlDateMode: trafilatura.Fast,
	})
	if err != nil {
		return "", fmt.Errorf("trafilatura: %w", err)
	}
	return tr.ContentText, nil
}

// fallback fills res from go-readability when it finds more text than res has.
func fallback(doc *html.Node, u *nurl.URL, res *Result) {
	p := readability.NewParser()
	art, err := p.ParseDocument(doc, u)
	if err != nil || art.Node == nil {
		return
	}
	text := nodeText(art.Node)
	if utf8.RuneCountInString(text) <= utf8.RuneCountInString(res.Text) {
		return
	}
	res.Text = text
	res.Extractor = "readability"
	if res.Title == "" {
		res.Title = clean(art.Title())
	}
	if res.Author == "" {
		res.Author = clean(art.Byline())
	}
	if res.SiteName == "" {
		res.SiteName = clean(art.SiteName())
	}
	if res.Published.IsZero() {
		if t, err := art.PublishedTime(); err == nil {
			res.Published = t
		}
	}
}

// parse reads at most maxPage bytes, decodes them to UTF-8 and parses HTML.
func parse(ctx context.Context, r io.Reader, pageURL string) (*html.Node, *nurl.URL, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(r, maxPage))
	if err != nil {
		return nil, nil, fmt.Errorf("read page: %w", err)
	}
	doc, err := html.Parse(bytes.NewReader(toUTF8(raw)))
	if err != nil {
		return nil, nil, fmt.Errorf("parse html: %w", err)
	}
	var u *nurl.URL
	if pageURL != "" {
		if pu, err := nurl.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}
	return doc, u, nil
}

// toUTF8 decodes raw by its BOM or declared charset. Valid UTF-8 without a
// declaration stays as is (the HTML5 default guess, windows-1252, would
// garble it); invalid bytes that remain are replaced.
func toUTF8(raw []byte) []byte {
	enc, name, certain := charset.DetermineEncoding(raw, "")
	if name != "utf-8" && (certain || !utf8.Valid(raw)) {
		if dec, err := enc.NewDecoder().Bytes(raw); err == nil {
			raw = dec
		}
	}
	if !utf8.Valid(raw) {
		raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	return raw
}

// clean collapses runs of white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
