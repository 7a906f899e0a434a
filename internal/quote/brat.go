package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Attributions converts an article's top-level direct quotes to brat
// attributions in character offsets (brat counts Unicode characters, spans
// count bytes): the quote's pieces with their marks as Content, the speaker
// span as Source and the cue as Cue. Partial quotes inside reported speech,
// nested quotes and social posts are left out, as the PolNeAR metric scores
// only quotations standing as speech.
func Attributions(text string, qs []news.QuoteMention) []eval.Attribution {
	conv := eval.CharOffsets(text)
	cs := func(s news.Span) eval.CharSpan { return eval.CharSpan{Start: conv(s.Start), End: conv(s.End)} }
	var out []eval.Attribution
	for _, q := range qs {
		if q.Parent >= 0 || q.Partial || q.Social {
			continue
		}
		var a eval.Attribution
		for i, p := range q.Pieces {
			if i == 0 {
				p.Start = withOpenMark(text, p.Start)
			}
			if i == len(q.Pieces)-1 {
				p.End = withCloseMark(text, p.End)
			}
			a.Content = append(a.Content, cs(p))
		}
		if q.SpeakerSpan.Len() > 0 {
			a.Source = []eval.CharSpan{cs(q.SpeakerSpan)}
		}
		if q.CueSpan.Len() > 0 {
			a.Cue = []eval.CharSpan{cs(q.CueSpan)}
		}
		out = append(out, a)
	}
	return out
}

const marks = "\"“”„«»‘’'`"

func withOpenMark(text string, i int) int {
	r, n := utf8.DecodeLastRuneInString(text[:i])
	if n > 0 && strings.ContainsRune(marks, r) {
		i -= n
		if r2, n2 := utf8.DecodeLastRuneInString(text[:i]); (r2 == '\'' || r2 == '`') && r2 == r {
			i -= n2
		}
	}
	return i
}

func withCloseMark(text string, i int) int {
	r, n := utf8.DecodeRuneInString(text[i:])
	if n > 0 && strings.ContainsRune(marks, r) {
		i += n
		if r2, n2 := utf8.DecodeRuneInString(text[i:]); r2 == '\'' && r == '\'' {
			i += n2
		}
	}
	return i
}
