package clean

import (
	"regexp"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

var (
	// postHeadRE is a pasted post's head: a short display name then @handle.
	postHeadRE = regexp.MustCompile(`^([^\s@.!?"“”][^@.!?"“”]{0,60}?)\s+@(\w{1,30})\s+(\S.*)$`)
	// embedTailRE is the tail of a blockquote tweet embed:
	// "... pic.twitter.com/x — Name (@handle) September 24, 2022".
	embedTailRE = regexp.MustCompile(`^(.*?)\s*[—–-]+\s*([^()@]{1,60}?)\s*\(@(\w{1,30})\)\s*(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4})?\s*$`)
	// sharedByRE is an Instagram embed's credit line.
	sharedByRE = regexp.MustCompile(`(?i)^a\s+(?:post|photo|video)\s+shared\s+by\s+(.{0,60}?)\s*\(@([\w.]{1,30})\)(?:\s+on\s+.{0,40})?$`)
	// postURLRE is a link that pasted posts end with.
	postURLRE = regexp.MustCompile(`\s*(?:https?://)?(?:t\.co|pic\.twitter\.com|x\.com|twitter\.com|instagram\.com|instagr\.am|vm\.tiktok\.com|tiktok\.com)/\S*`)
	hashtagRE = regexp.MustCompile(`(?:^|\s)#\w+`)
)

// socialMatch is a post found in one line, with offsets relative to the line.
type socialMatch struct {
	author, handle, url string
	body                news.Span // relative to the line
}

// social reports whether line, standing alone as a paragraph when alone is
// true, is a pasted social post.
func social(line string, alone bool) (socialMatch, bool) {
	if !strings.ContainsAny(line, "@#") && !strings.Contains(line, ".co") {
		return socialMatch{}, false // no handle, hashtag or post link
	}
	if m := sharedByRE.FindStringSubmatchIndex(line); m != nil {
		return socialMatch{author: line[m[2]:m[3]], handle: "@" + line[m[4]:m[5]]}, true
	}
	url := ""
	if loc := postURLRE.FindStringIndex(line); loc != nil {
		url = strings.TrimSpace(line[loc[0]:loc[1]])
	}
	if m := embedTailRE.FindStringSubmatchIndex(line); m != nil && (url != "" || alone) {
		body := trimmedSpan(line, m[2], min(m[3], bodyEnd(line, m[2])))
		return socialMatch{author: strings.TrimSpace(line[m[4]:m[5]]), handle: "@" + line[m[6]:m[7]], url: url, body: body}, true
	}
	if m := postHeadRE.FindStringSubmatchIndex(line); m != nil {
		name := line[m[2]:m[3]]
		if words.Len(name) > 6 || strings.ContainsAny(name, ",;:") {
			return socialMatch{}, false
		}
		start := m[6]
		end := bodyEnd(line, start)
		// A display name and handle alone are too weak (prose mentions
		// handles): a post link or the text pasted twice must confirm.
		if _, repeated := repeatedHalf(line[start:end]); url == "" && !repeated {
			return socialMatch{}, false
		}
		s := socialMatch{author: strings.TrimSpace(name), handle: "@" + line[m[4]:m[5]], url: url}
		s.body = bodySpan(line, start, end)
		return s, true
	}
	// A post pasted without its head: hashtags or a post link, and its text twice.
	if url != "" || hashtagRE.MatchString(line) {
		end := bodyEnd(line, 0)
		if _, ok := repeatedHalf(line[:end]); ok && words.Len(line) >= 6 {
			return socialMatch{url: url, body: bodySpan(line, 0, end)}, true
		}
	}
	return socialMatch{}, false
}

// bodyEnd is where a post's words end: before its first post link.
func bodyEnd(line string, start int) int {
	if loc := postURLRE.FindStringIndex(line[start:]); loc != nil {
		return start + loc[0]
	}
	return len(line)
}

// bodySpan is the post's own words in line[start:end], the first copy only
// when the text was pasted twice.
func bodySpan(line string, start, end int) news.Span {
	if n, ok := repeatedHalf(line[start:end]); ok {
		end = start + n
	}
	return trimmedSpan(line, start, end)
}

func trimmedSpan(line string, start, end int) news.Span {
	for start < end && line[start] == ' ' {
		start++
	}
	for end > start && line[end-1] == ' ' {
		end--
	}
	return news.Span{Start: start, End: end}
}

// repeatedHalf reports whether s is some text followed by the same text
// again (possibly with emoji or hashtags glued after the second copy), and
// returns the length of the first copy.
func repeatedHalf(s string) (int, bool) {
	s = strings.TrimRight(s, " ")
	// Leading hashtags and emoji may stand before the first copy only.
	lead := 0
	for _, f := range strings.Fields(s) {
		if !strings.HasPrefix(f, "#") && words.Len(f) > 0 {
			break
		}
		lead = strings.Index(s[lead:], f) + lead + len(f)
	}
	for i := lead + 1; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		first := strings.TrimSpace(s[lead:i])
		rest := strings.TrimSpace(s[i:])
		if words.Len(first) < 2 || len(first) > len(rest) {
			continue
		}
		if strings.HasPrefix(rest, first) {
			tail := rest[len(first):]
			if words.Len(tail) <= 3 || hashtagRE.MatchString(tail) {
				return i, true
			}
		}
	}
	return 0, false
}
