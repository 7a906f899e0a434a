// Package extract turns a news web page into its main text, with paragraphs
// kept, and its metadata: go-trafilatura and go-readability both extract the
// page, and a small trained chooser takes one of the two texts.
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

// MinText is the number of characters of main text below which both
// extractors' texts are considered too little and go-trafilatura's own
// fallback is tried too.
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
//
// go-trafilatura and go-readability both extract the page; the embedded
// chooser (DefaultChooser) takes one of the two texts. When both find too
// little, go-trafilatura's own fallback (go-readability v1, DOM Distiller)
// is tried too and the longest text wins.
func HTML(ctx context.Context, r io.Reader, pageURL string) (Result, error) {
	p, err := read(ctx, r, pageURL)
	if err != nil {
		return Result{}, err
	}
	res := p.res
	switch {
	case short(res.Text) && short(p.rdText):
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		if p.rdLen() > utf8.RuneCountInString(res.Text) {
			p.useReadability(&res)
		}
		if t := p.trafilaturaFallback(); utf8.RuneCountInString(t) > utf8.RuneCountInString(res.Text) {
			res.Text, res.Extractor = t, "trafilatura"
		}
	case res.Text == "":
		p.useReadability(&res)
	case p.rdText != "" && DefaultChooser().Readability(p.features()):
		p.useReadability(&res)
	}
	p.fillMetadata(&res)
	if res.URL == "" {
		res.URL = pageURL
	}
	res.Page = p.stats
	if strings.TrimSpace(res.Text) == "" {
		return res, ErrNoText
	}
	return res, nil
}

// Pair is what the chooser sees of a page: go-trafilatura's and
// go-readability's texts, the page title and the chooser's features.
type Pair struct {
	Trafilatura, Readability string
	Title                    string
	Features                 []float64
}

// Candidates extracts the page read from r with both extractors and measures
// the two texts, for training and evaluating the chooser.
func Candidates(ctx context.Context, r io.Reader, pageURL string) (Pair, error) {
	p, err := read(ctx, r, pageURL)
	if err != nil {
		return Pair{}, err
	}
	title := p.res.Title
	if title == "" && p.rdOK {
		title = clean(p.rd.Title())
	}
	return Pair{Trafilatura: p.res.Text, Readability: p.rdText, Title: title, Features: p.features()}, nil
}

// page is a parsed page and what both extractors found in it.
type page struct {
	doc   *html.Node
	u     *nurl.URL
	stats news.PageStats
	res   Result // go-trafilatura's text and metadata
	rd    readability.Article
	rdOK  bool
	// rdText is go-readability's text.
	rdText string
}

func read(ctx context.Context, r io.Reader, pageURL string) (*page, error) {
	doc, u, err := parse(ctx, r, pageURL)
	if err != nil {
		return nil, err
	}
	p := &page{doc: doc, u: u, stats: pageStats(doc)} // stats before extraction, which may change the tree
	tr, terr := trafilatura.ExtractDocument(doc, trafilaturaOptions(u, false))
	if terr == nil && tr != nil {
		p.res = Result{
			Text:      nodeText(tr.ContentNode),
			Title:     clean(tr.Metadata.Title),
			Author:    clean(tr.Metadata.Author),
			Published: tr.Metadata.Date,
			SiteName:  clean(tr.Metadata.Sitename),
			URL:       tr.Metadata.URL,
			Extractor: "trafilatura",
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rp := readability.NewParser()
	if art, err := rp.ParseDocument(doc, u); err == nil && art.Node != nil {
		p.rd, p.rdOK, p.rdText = art, true, nodeText(art.Node)
	}
	return p, nil
}

func trafilaturaOptions(u *nurl.URL, fallback bool) trafilatura.Options {
	return trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
}

// short tells whether a text is too short to be taken without trying more.
func short(text string) bool { return utf8.RuneCountInString(text) < MinText }

func (p *page) rdLen() int { return utf8.RuneCountInString(p.rdText) }

func (p *page) features() []float64 { return features(indexPage(p.doc), p.res.Text, p.rdText) }

func (p *page) useReadability(res *Result) {
	res.Text, res.Extractor = p.rdText, "readability"
}

// trafilaturaFallback is go-trafilatura's text with its own fallback.
func (p *page) trafilaturaFallback() string {
	tr, err := trafilatura.ExtractDocument(p.doc, trafilaturaOptions(p.u, true))
	if err != nil || tr == nil {
		return ""
	}
	return nodeText(tr.ContentNode)
}

// fillMetadata fills what go-trafilatura did not find from go-readability.
func (p *page) fillMetadata(res *Result) {
	if !p.rdOK {
		return
	}
	if res.Title == "" {
		res.Title = clean(p.rd.Title())
	}
	if res.Author == "" {
		res.Author = clean(p.rd.Byline())
	}
	if res.SiteName == "" {
		res.SiteName = clean(p.rd.SiteName())
	}
	if res.Published.IsZero() {
		if t, err := p.rd.PublishedTime(); err == nil {
			res.Published = t
		}
	}
}

// Trafilatura is go-trafilatura alone, as its own benchmark runs it: the
// plain content text (one line), for comparison with HTML.
func Trafilatura(ctx context.Context, r io.Reader, pageURL string) (string, error) {
	doc, u, err := parse(ctx, r, pageURL)
	if err != nil {
		return "", err
	}
	tr, err := trafilatura.ExtractDocument(doc, trafilaturaOptions(u, true))
	if err != nil {
		return "", fmt.Errorf("trafilatura: %w", err)
	}
	return tr.ContentText, nil
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
