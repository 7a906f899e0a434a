package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// jsonArticle is one JSONL line. Common alternative names are accepted too.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Link      string          `json:"link"`
	Source    string          `json:"source"`
	Published json.RawMessage `json:"published"`
	Date      json.RawMessage `json:"date"`
	Title     string          `json:"title"`
	Headline  string          `json:"headline"`
	Author    json.RawMessage `json:"author"`
	Text      string          `json:"text"`
	Body      string          `json:"body"`
	HTML      string          `json:"html"`
}

// maxLine bounds one JSONL line; longer lines are reported and skipped.
const maxLine = 32 << 20

// maxBlankRun bounds a run of blank lines: a file of gigabytes of newlines
// is not an article collection (it would otherwise be read to its end).
const maxBlankRun = 1 << 20

func readJSONL(ctx context.Context, path string, br *bufio.Reader, emit func(news.Document) error, fail func(Failure)) error {
	blank, blankFrom := 0, 0 // the current run of blank lines
	for line := 1; ; line++ {
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		// Empty lines cost a byte each, not a line read each.
		for {
			c, err := br.ReadByte()
			if err != nil || c != '\n' {
				if err == nil {
					br.UnreadByte()
				}
				break
			}
			if blank == 0 {
				blankFrom = line
			}
			blank++
			line++
			if blank > maxBlankRun {
				fail(Failure{Path: path, Line: blankFrom, Err: fmt.Errorf("more than %d blank lines in a row: the rest of the file is not read", maxBlankRun)})
				return nil
			}
			if line%(1<<16) == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
		b, tooLong, err := readLine(br)
		if len(bytes.TrimSpace(b)) == 0 && !tooLong && err == nil {
			if blank == 0 {
				blankFrom = line
			}
			if blank++; blank > maxBlankRun {
				fail(Failure{Path: path, Line: blankFrom, Err: fmt.Errorf("more than %d blank lines in a row: the rest of the file is not read", maxBlankRun)})
				return nil
			}
		}
		if len(bytes.TrimSpace(b)) > 0 || tooLong {
			blank = 0
			if tooLong {
				fail(Failure{Path: path, Line: line, Err: fmt.Errorf("line longer than %d bytes", maxLine)})
			} else if doc, perr := parseJSONLine(b); perr != nil {
				fail(Failure{Path: path, Line: line, Err: perr})
			} else {
				doc.Path, doc.Line = path, line
				if err := emit(doc); err != nil {
					return err
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			fail(Failure{Path: path, Line: line, Err: fmt.Errorf("read: %w", err)})
			return nil
		}
	}
}

// readLine reads one line without holding more than maxLine bytes of it.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLine {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, tooLong, err
	}
}

func parseJSONLine(b []byte) (news.Document, error) {
	var j jsonArticle
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&j); err != nil {
		return news.Document{}, fmt.Errorf("malformed JSON: %s", jsonErr(err))
	}
	if dec.More() {
		return news.Document{}, errors.New("malformed JSON: more than one value on the line")
	}
	doc := news.Document{
		Format: FormatJSONL,
		ID:     rawString(j.ID),
		URL:    first(j.URL, j.Link),
		Source: j.Source,
		Title:  first(j.Title, j.Headline),
		Author: authorString(j.Author),
		Text:   first(j.Text, j.Body),
		HTML:   j.HTML,
	}
	if doc.Text == "" && doc.HTML == "" {
		return doc, errors.New(`no "text" or "html" field`)
	}
	pub := j.Published
	if len(pub) == 0 || string(pub) == "null" {
		pub = j.Date
	}
	if len(pub) > 0 && string(pub) != "null" {
		t, err := parseJSONTime(pub)
		if err != nil {
			return doc, fmt.Errorf("published: %w", err)
		}
		doc.Published = t
	}
	return doc, nil
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}

func first(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// rawString turns a JSON string or number into a string.
func rawString(r json.RawMessage) string {
	if len(r) == 0 || string(r) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(r, &s) == nil {
		return s
	}
	return string(r)
}

// authorString accepts a string, a list of strings, or objects with a name.
func authorString(r json.RawMessage) string {
	if s := rawString(r); s == "" || r[0] == '"' {
		return s
	}
	var list []json.RawMessage
	if json.Unmarshal(r, &list) == nil {
		var names []string
		for _, e := range list {
			if n := authorString(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	var obj struct{ Name string }
	if json.Unmarshal(r, &obj) == nil {
		return obj.Name
	}
	return ""
}

func parseJSONTime(r json.RawMessage) (time.Time, error) {
	var s string
	if json.Unmarshal(r, &s) == nil {
		return ParseTime(s)
	}
	n, err := strconv.ParseFloat(string(r), 64)
	if err != nil {
		return time.Time{}, errors.New("not a date: " + quoteShort(string(r)))
	}
	if n > 1e12 { // milliseconds
		n /= 1000
	}
	return time.Unix(int64(n), 0).UTC(), nil
}
