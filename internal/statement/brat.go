package statement

import (
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Attributions converts an article's attribution statements (every Kind but
// "assertion"; relation statements are left out) to brat attributions in
// character offsets, as the PolNeAR metric reads them.
func Attributions(text string, sts []news.Statement) []eval.Attribution {
	conv := eval.CharOffsets(text)
	cs := func(s news.Span) []eval.CharSpan {
		if s.Len() <= 0 {
			return nil
		}
		return []eval.CharSpan{{Start: conv(s.Start), End: conv(s.End)}}
	}
	var out []eval.Attribution
	for _, s := range sts {
		if s.Kind == "" || s.Kind == "assertion" || s.Predicate != "" {
			continue
		}
		out = append(out, eval.Attribution{Source: cs(s.Source), Cue: cs(s.Cue), Content: cs(s.Content)})
	}
	return out
}
