package ingest

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/dates"
	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Metadata is a stage that completes an article's metadata after cleaning:
// a missing title is taken from the text's opening, a missing source from
// the URL's host. A file's name is no outlet: without page metadata, a feed,
// a source field or a URL the source stays empty and is shown as unknown
// (news.Outlet).
type Metadata struct{}

// Process implements news.Stage.
func (Metadata) Process(_ context.Context, a *news.Article) error {
	if a.Title == "" {
		a.Title = TitleFromText(a.Text)
	}
	if a.Source == "" {
		a.Source = SourceName(a.URL)
	}
	return nil
}

// TitleFromText returns a short opening paragraph, else the first sentence
// of the text, cut at a word boundary to at most 160 bytes.
func TitleFromText(text string) string {
	para := strings.TrimSpace(text)
	for {
		line, rest, more := strings.Cut(para, "\n")
		line = strings.TrimSpace(line)
		if more && dateLine(line) {
			para = strings.TrimSpace(rest) // "Updated Dec. 31, 2034 11:30 a.m. EST" is no title
			continue
		}
		para = line
		break
	}
	// a dateline opens a story's first sentence, not its headline
	para = headline(words.TrimDateline(para))
	if len(para) > 200 {
		// The first sentence (of at least 20 bytes), as the segmenter reads
		// it: "U.S." and "Sept." end none.
		for _, s := range segment.Sentences(para, news.Span{End: len(para)}) {
			if s.End > 20 {
				para = para[:s.End]
				break
			}
		}
	}
	if len(para) > 160 {
		cut := strings.LastIndex(para[:160], " ")
		if cut < 40 {
			cut = 160
		}
		for cut > 0 && !utf8Start(para[cut]) {
			cut--
		}
		para = strings.TrimRight(para[:cut], " ,;:") + "…"
	}
	return para
}

// dateLine tells whether a line is a date and little else: at most three
// words besides its dates ("Updated", "a.m.", "EST").
func dateLine(line string) bool {
	ds := dates.Find(line, time.Time{})
	if len(ds) == 0 {
		return false
	}
	rest := line
	for i := len(ds) - 1; i >= 0; i-- {
		rest = rest[:ds[i].Span.Start] + " " + rest[ds[i].Span.End:]
	}
	words := 0
	for _, w := range strings.Fields(rest) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return words <= 3
}

// openers are words that start a sentence; capitalised after a lower-case
// word with no punctuation between, they show where a headline was glued to
// its standfirst ("All we know The actor and the star have been pictured").
var openers = map[string]bool{"The": true, "A": true, "An": true, "This": true, "These": true, "Their": true,
	"His": true, "Her": true, "Its": true, "It": true, "They": true, "He": true, "She": true, "We": true}

// headline cuts a long opening line where a standfirst was glued to the
// headline without punctuation. Only a line that does not end as prose
// does ("." closes a first sentence, not a headline), both parts must be at
// least five words, and the word before the cut must not be one that wants
// a name after it ("by", "of", "the"), so that "announced by The Ministry"
// stays whole.
func headline(line string) string {
	words := strings.Fields(line)
	if len(words) < 14 || strings.HasSuffix(line, ".") {
		return line
	}
	for i := 5; i+5 <= len(words); i++ {
		prev := words[i-1]
		last := prev[len(prev)-1]
		if openers[words[i]] && last >= 'a' && last <= 'z' && !fold.Stop(strings.ToLower(prev)) && prose(words[i+1:]) {
			return strings.Join(words[:i], " ")
		}
	}
	return line
}

// prose tells whether words read as a sentence rather than a Title Case
// headline ("Her Mojo Back by Setting Her Up"): most of their longer words
// are lower case.
func prose(words []string) bool {
	lower, long := 0, 0
	for _, w := range words {
		if len(w) > 3 {
			long++
			if w[0] >= 'a' && w[0] <= 'z' {
				lower++
			}
		}
	}
	return long > 0 && 2*lower >= long
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// SourceName names an article's outlet from its URL's host when its input
// gave none; "" when there is no URL.
func SourceName(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}
