package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// mark is one quotation mark in the text.
type mark struct {
	pos, size int
	open      bool // resolved direction
}

// segment is one quoted stretch inside a paragraph: the marks around it and
// the words between them.
type segment struct {
	open, close int       // byte offsets of the opening mark and of the closing mark (close = para end when unclosed)
	body        news.Span // the words, without marks
	closed      bool
	single      bool
	markEnd     int // offset just after the closing mark
}

func isSpaceBefore(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || r == '(' || r == '[' || r == '{' || r == '—' || r == '–' || r == '-' || r == '/' || r == '\u00a0'
}

// doubleMarks finds the double quotation marks of text[start:end]: curly,
// low, guillemets, straight, and the typewriter pairs ” and “.
func doubleMarks(text string, start, end int) []mark {
	var ms []mark
	for i := start; i < end; {
		c := text[i]
		if c < 0x80 {
			switch {
			case c == '"':
				ms = append(ms, mark{pos: i, size: 1, open: straightOpens(text, i, 1, start, end)})
				i++
				continue
			case c == '\'' && i+1 < end && text[i+1] == '\'':
				ms = append(ms, mark{pos: i, size: 2, open: straightOpens(text, i, 2, start, end)})
				i += 2
				continue
			case c == '`' && i+1 < end && text[i+1] == '`':
				ms = append(ms, mark{pos: i, size: 2, open: true})
				i += 2
				continue
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“', '„', '«':
			ms = append(ms, mark{pos: i, size: n, open: true})
		case '”', '»':
			ms = append(ms, mark{pos: i, size: n, open: false})
		}
		i += n
	}
	return ms
}

// straightOpens tells whether a straight mark at i opens a quote: it does
// after a space, a bracket or a dash, or at the start, and not before a space.
func straightOpens(text string, i, size, start, end int) bool {
	var prev rune = utf8.RuneError
	if i > start {
		prev, _ = utf8.DecodeLastRuneInString(text[start:i])
	}
	var next rune = utf8.RuneError
	if i+size < end {
		next, _ = utf8.DecodeRuneInString(text[i+size:])
	}
	if next == utf8.RuneError || unicode.IsSpace(next) {
		return false
	}
	if isSpaceBefore(prev) || prev == '“' || prev == ':' {
		return true
	}
	return false
}

// segments pairs the double marks of a paragraph into quoted segments. A
// quote still open at the paragraph's end is returned unclosed.
func segments(text string, para news.Span) []segment {
	ms := doubleMarks(text, para.Start, para.End)
	var out []segment
	inside := false
	var cur segment
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if !inside {
			if m.open {
				inside = true
				cur = segment{open: m.pos, body: news.Span{Start: m.pos + m.size}}
			}
			continue
		}
		// inside: a close ends the quote; a mark written as opening but
		// followed by a space or punctuation closes it too (typing slips).
		closes := !m.open
		if m.open {
			next, _ := utf8.DecodeRuneInString(text[min(m.pos+m.size, len(text)):])
			prev, _ := utf8.DecodeLastRuneInString(text[:m.pos])
			if m.pos+m.size >= para.End || unicode.IsSpace(next) || unicode.IsPunct(next) && !isOpenMark(next) {
				if !unicode.IsSpace(prev) {
					closes = true
				}
			}
		}
		if closes {
			cur.close = m.pos
			cur.body.End = m.pos
			cur.closed = true
			cur.markEnd = m.pos + m.size
			out = append(out, cur)
			inside = false
			continue
		}
		// a second opening mark: the first quote ran to here unclosed only
		// if it holds a sentence end; otherwise restart.
		cur = segment{open: m.pos, body: news.Span{Start: m.pos + m.size}}
	}
	if inside {
		cur.close = para.End
		cur.body.End = para.End
		cur.markEnd = para.End
		out = append(out, cur)
	}
	for i := range out {
		out[i].body = trimSpan(text, out[i].body)
	}
	return out
}

func isOpenMark(r rune) bool {
	return r == '“' || r == '"' || r == '‘' || r == '\'' || r == '«' || r == '„'
}

// singleSegments finds ‘...’ and '...' pairs inside s (nested quotes and
// quoted titles). A straight apostrophe counts only where it cannot be an
// elision: opening after a space, closing before a space or punctuation.
func singleSegments(text string, s news.Span) []segment {
	var out []segment
	openAt := -1
	openSize := 0
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		var prev, next rune = utf8.RuneError, utf8.RuneError
		if i > s.Start {
			prev, _ = utf8.DecodeLastRuneInString(text[s.Start:i])
		}
		if i+n < s.End {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		switch {
		case (r == '‘' || r == '\'') && openAt < 0 && isSpaceBefore(prev) && next != utf8.RuneError && !unicode.IsSpace(next) && !unicode.IsDigit(next):
			openAt, openSize = i, n
		case (r == '’' || r == '\'') && openAt >= 0 && !unicode.IsSpace(prev) && (next == utf8.RuneError || !unicode.IsLetter(next)):
			// "the players’ union": a plural possessive followed by a word
			// closes nothing when the quote would be empty
			body := trimSpan(text, news.Span{Start: openAt + openSize, End: i})
			if body.Len() > 0 {
				out = append(out, segment{open: openAt, close: i, body: body, closed: true, single: true, markEnd: i + n})
			}
			openAt = -1
		}
		i += n
	}
	return out
}

// trimSpan drops spaces at both ends of s.
func trimSpan(text string, s news.Span) news.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// paragraphs returns a.Paragraphs, or the text's lines, with every line
// break inside a paragraph ending it too: a paragraph splitter that needs a
// blank line joins texts that break paragraphs with one.
func paragraphs(a *news.Article) []news.Span {
	if len(a.Paragraphs) == 0 {
		return splitParagraphs(a.Text)
	}
	out := make([]news.Span, 0, len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		if p.Start < 0 || p.End > len(a.Text) || p.Start > p.End {
			continue
		}
		if strings.IndexByte(a.Text[p.Start:p.End], '\n') < 0 {
			out = append(out, p)
			continue
		}
		for _, l := range splitParagraphs(a.Text[p.Start:p.End]) {
			out = append(out, news.Span{Start: p.Start + l.Start, End: p.Start + l.End})
		}
	}
	return out
}

// splitParagraphs splits text into its non-empty lines: a line break ends a
// paragraph, blank lines or not (many texts break paragraphs with one).
func splitParagraphs(text string) []news.Span {
	var out []news.Span
	start := 0
	i := 0
	for i < len(text) {
		if text[i] != '\n' {
			i++
			continue
		}
		// a newline: a paragraph ends when the next non-space line is blank
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j <= len(text) {
			if sp := trimSpan(text, news.Span{Start: start, End: i}); sp.Len() > 0 {
				out = append(out, sp)
			}
			for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			start, i = j, j
			continue
		}
		i++
	}
	if sp := trimSpan(text, news.Span{Start: start, End: len(text)}); sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}
