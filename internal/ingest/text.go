package ingest

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/plaintext"
)

// Plain-text articles (docs/formats.md):
//
//   - an optional inline header: the text opens with " date YYYY-MM-DD" and the
//     article follows on the same line;
//   - or optional "Key: value" header lines (Title, Source, URL, Date,
//     Published, Author; case-insensitive) ended by a blank line;
//   - then the article text, paragraphs separated by blank lines. When no
//     Title header is given, a short first paragraph is taken as the title.
var (
	inlineDate = regexp.MustCompile(`^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*`)
	headerLine = regexp.MustCompile(`^(?i)(title|source|url|date|published|author)\s*:\s*(.*?)\s*$`)
)

func parseText(data []byte) (news.Document, error) {
	s := strings.TrimPrefix(plaintext.Decode(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	doc := news.Document{Format: FormatText}
	if m := inlineDate.FindStringSubmatch(s); m != nil {
		t, err := time.Parse("2006-01-02", m[1])
		if err != nil {
			return doc, errors.New("inline header: bad date " + m[1])
		}
		doc.Published = t
		s = s[len(m[0]):]
	} else if hdr, rest, ok := splitHeaders(s); ok {
		for _, h := range hdr {
			m := headerLine.FindStringSubmatch(h)
			switch strings.ToLower(m[1]) {
			case "title":
				doc.Title = m[2]
			case "source":
				doc.Source = m[2]
			case "url":
				doc.URL = m[2]
			case "author":
				doc.Author = m[2]
			case "date", "published":
				t, err := ParseTime(m[2])
				if err != nil {
					return doc, errors.New("header: " + err.Error())
				}
				doc.Published = t
			}
		}
		s = rest
	}
	doc.Text = strings.TrimSpace(s)
	if doc.Text == "" {
		return doc, errors.New("no article text")
	}
	return doc, nil
}

// splitHeaders returns the Key: value lines opening s, when every line
// before the first blank line is one.
func splitHeaders(s string) (hdr []string, rest string, ok bool) {
	end := strings.Index(s, "\n\n")
	if end < 0 {
		return nil, s, false
	}
	lines := strings.Split(s[:end], "\n")
	for _, l := range lines {
		if !headerLine.MatchString(l) {
			return nil, s, false
		}
	}
	return lines, s[end+2:], true
}

var timeLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02T15:04", "2006-01-02", time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "2006/01/02",
}

// ParseTime parses a publication date in the common feed and metadata
// layouts (RFC 3339, RFC 1123, plain dates).
func ParseTime(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, errors.New("unrecognised date " + quoteShort(v))
}

func quoteShort(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return `"` + s + `"`
}
