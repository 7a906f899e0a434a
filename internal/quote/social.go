package quote

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// social turns the article's embedded posts into quotes: one per post,
// spoken by its handle, deduplicated by their words (pasted tweets are
// often rendered twice). Quotes found in the text inside a post are dropped.
func (x *extraction) social() {
	if len(x.a.Social) == 0 {
		return
	}
	text := x.text
	kept := x.quotes[:0]
	for _, q := range x.quotes {
		inPost := false
		for _, p := range x.a.Social {
			if p.Span.Overlaps(q.Span) {
				inPost = true
				break
			}
		}
		if !inPost {
			kept = append(kept, q)
		}
	}
	x.quotes = kept
	seen := map[string]bool{}
	for _, p := range x.a.Social {
		body := p.Body
		if body.Len() == 0 {
			body = p.Span
		}
		words := normWords(body.Text(text))
		if len(words) == 0 {
			continue
		}
		key := strings.Join(words, " ")
		if seen[key] {
			continue
		}
		seen[key] = true
		speaker := p.Handle
		if speaker == "" {
			speaker = p.Author
		}
		q := news.QuoteMention{Span: body, Text: body.Text(text), Pieces: []news.Span{body}, Speaker: speaker,
			Social: true, Parent: -1, Medium: platformOf(p)}
		if i := strings.Index(p.Span.Text(text), p.Handle); p.Handle != "" && i >= 0 {
			q.SpeakerSpan = news.Span{Start: p.Span.Start + i, End: p.Span.Start + i + len(p.Handle)}
		}
		x.quotes = append(x.quotes, q)
	}
}

func platformOf(p news.SocialPost) string {
	u := strings.ToLower(p.URL)
	switch {
	case strings.Contains(u, "instagram"):
		return "Instagram"
	case strings.Contains(u, "tiktok"):
		return "TikTok"
	case strings.Contains(u, "facebook"):
		return "Facebook"
	case strings.Contains(u, "twitter") || strings.Contains(u, "t.co/") || strings.Contains(u, "x.com"), p.Handle != "":
		return "Twitter"
	}
	return ""
}
