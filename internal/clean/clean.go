// Package clean removes what extractors leave in news text (site chrome,
// photo captions and credits, duplicated lines), marks pasted social posts,
// and records every removal so that no prose disappears silently.
package clean

import (
	"context"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/plaintext"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Cleaner is the cleaning stage: it turns a.Raw into a.Text and fills
// a.Removed, a.Social and a.Paragraphs. When a.Raw is empty it cleans a.Text.
type Cleaner struct {
	// Keep lists removal reasons whose lines are kept after all, to measure
	// what a rule is worth (crosscheck eval extract --keep); nil applies
	// every rule.
	Keep map[string]bool
}

var _ news.Stage = Cleaner{}

// line is one input line with the verdict of the rules.
type line struct {
	text   string
	block  int    // index of its blank-line separated block
	reason string // removal reason; "" keeps the line
}

// Process cleans a.
func (c Cleaner) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	raw := a.Raw
	if raw == "" {
		raw = a.Text
	}
	if a.HTML != "" {
		// Text extracted from a page; documents' own text and title were
		// made clean Unicode by the reader already.
		raw, a.Title = plaintext.Clean(raw), plaintext.Clean(a.Title)
	}
	lines := split(raw)
	classify(lines)
	for i := range lines {
		if c.Keep[lines[i].reason] {
			lines[i].reason = ""
		}
	}
	keepTitle(lines, a.Title)
	emit(a, lines)
	return nil
}

// split breaks text into trimmed lines grouped in blocks. Text without any
// blank line has one paragraph per line.
func split(text string) []line {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")
	perLine := !strings.Contains(text, "\n\n")
	var out []line
	block := 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			block++
			continue
		}
		if perLine {
			block++
		}
		if head, tail, ok := scriptTail(l); ok {
			// page script glued to the end of a paragraph: a line of its own
			out = append(out, line{text: head, block: block}, line{text: tail, block: block})
			continue
		}
		out = append(out, line{text: l, block: block})
	}
	return out
}

// classify sets the removal reason of each line.
func classify(lines []line) {
	for i := range lines {
		l := &lines[i]
		if r := chrome(l.text); r != "" {
			l.reason = r
		} else if creditLine(l.text) {
			l.reason = ReasonCredit
		} else if _, ok := creditedCaption(l.text); ok {
			l.reason = ReasonCaption
		}
	}
	// A caption stands right before its credit, or before the same caption
	// repeated with the credit glued on; a caption title (no closing
	// punctuation) stands right before a credited caption.
	for i := len(lines) - 2; i >= 0; i-- {
		l, next := &lines[i], lines[i+1]
		if l.reason != "" || l.block != next.block && !sameCaption(l.text, next.text) {
			continue
		}
		switch next.reason {
		case ReasonCredit:
			if unterminated(l.text) && words.Len(l.text) <= 30 {
				l.reason = ReasonCaption
			}
		case ReasonCaption:
			if sameCaption(l.text, next.text) || unterminated(l.text) && words.Len(l.text) <= 20 && words.Len(l.text) >= 2 {
				l.reason = ReasonCaption
			}
		}
	}
	dedupe(lines)
}

// keepTitle keeps the lines that repeat the article's headline, whatever
// rule matched them ("WATCH: ..." headlines look like related links).
func keepTitle(lines []line, title string) {
	t := norm(title)
	if t == "" {
		return
	}
	for i := range lines {
		if lines[i].reason != "" && lines[i].reason != ReasonDuplicate && norm(lines[i].text) == t {
			lines[i].reason = ""
		}
	}
}

// sameCaption reports whether next is line again with a credit glued on.
func sameCaption(line, next string) bool {
	c, ok := creditedCaption(next)
	return ok && words.Len(line) >= 2 && norm(c) == norm(line)
}

// longLine is the number of words from which a line repeated anywhere in the
// text is a duplicate; shorter lines (list items, prices, signatures) are
// removed only when repeated right after themselves.
const longLine = 8

// dedupe removes a line repeated right after itself or a long line repeated
// anywhere (extraction artefacts: teasers, captions, summaries shown twice),
// and pull quotes (a quotation standing alone whose words appear in a longer
// kept paragraph).
func dedupe(lines []line) {
	prev := ""
	seen := make(map[string]bool)
	for i := range lines {
		l := &lines[i]
		if l.reason != "" {
			continue
		}
		n, w := norm(l.text), words.Len(l.text)
		if n == prev && w >= 3 || seen[n] && w >= longLine {
			l.reason = ReasonDuplicate
			continue
		}
		prev, seen[n] = n, true
	}
	// A pull quote repeats words of a paragraph near it: each quoted line is
	// looked for in the paragraphs within pullQuoteReach lines (the whole of
	// any ordinary article), their folded forms computed once.
	var normed []string
	for i := range lines {
		l := &lines[i]
		if l.reason != "" || !quoted(l.text) || words.Len(l.text) < 6 || words.Len(l.text) > 60 {
			continue
		}
		if normed == nil {
			normed = make([]string, len(lines))
		}
		n := norm(l.text)
		for j := max(0, i-pullQuoteReach); j < min(len(lines), i+pullQuoteReach); j++ {
			o := lines[j]
			if j == i || o.reason != "" || len(o.text) <= len(l.text)+10 {
				continue
			}
			if normed[j] == "" {
				normed[j] = " " + norm(o.text) + " "
			}
			if strings.Contains(normed[j], " "+n+" ") {
				l.reason = ReasonPullQuote
				break
			}
		}
	}
}

// pullQuoteReach is how many lines before and after a quoted line its
// source paragraph is looked for.
const pullQuoteReach = 200

// emit writes the kept lines into a.Text (blocks separated by a blank line)
// and records removals, social posts and paragraphs.
func emit(a *news.Article, lines []line) {
	var b strings.Builder
	a.Removed, a.Social, a.Paragraphs = nil, nil, nil
	lastBlock := -1
	paraStart := -1
	closePara := func() {
		if paraStart >= 0 {
			a.Paragraphs = append(a.Paragraphs, news.Span{Start: paraStart, End: b.Len()})
			paraStart = -1
		}
	}
	// alone counts the lines of each block, for the social-post rules.
	perBlock := make(map[int]int)
	for _, l := range lines {
		perBlock[l.block]++
	}
	for _, l := range lines {
		if l.reason != "" {
			a.Removed = append(a.Removed, news.Removal{Text: l.text, Reason: l.reason, At: b.Len()})
			continue
		}
		switch {
		case lastBlock < 0:
		case l.block != lastBlock:
			closePara()
			b.WriteString("\n\n")
		default:
			b.WriteString("\n")
		}
		if paraStart < 0 {
			paraStart = b.Len()
		}
		lastBlock = l.block
		start := b.Len()
		b.WriteString(l.text)
		if s, ok := social(l.text, perBlock[l.block] == 1); ok {
			a.Social = append(a.Social, news.SocialPost{
				Span:   news.Span{Start: start, End: b.Len()},
				Author: s.author,
				Handle: s.handle,
				Body:   news.Span{Start: start + s.body.Start, End: start + s.body.End},
				URL:    s.url,
			})
		}
	}
	closePara()
	a.Text = b.String()
}
