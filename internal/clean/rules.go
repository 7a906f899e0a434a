package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Removal reasons recorded in news.Removal.
const (
	ReasonChrome    = "site chrome"
	ReasonRelated   = "related link"
	ReasonPrompt    = "newsletter, share or advert prompt"
	ReasonBrowser   = "browser warning"
	ReasonCredit    = "photo credit"
	ReasonCaption   = "photo caption"
	ReasonDuplicate = "duplicate line"
	ReasonPullQuote = "pull quote"
)

// Reasons lists every removal reason.
var Reasons = []string{ReasonChrome, ReasonRelated, ReasonPrompt, ReasonBrowser, ReasonCredit, ReasonCaption,
	ReasonDuplicate, ReasonPullQuote}

// Reason tells whether r is a removal reason.
func Reason(r string) bool {
	for _, x := range Reasons {
		if x == r {
			return true
		}
	}
	return false
}

// maxChromeWords bounds the length of a line that a chrome rule may remove:
// longer lines are prose even when they start like chrome.
const maxChromeWords = 16

// chromeRule removes a whole line that matches re, when the line has at most
// maxWords words.
type chromeRule struct {
	re       *regexp.Regexp
	reason   string
	maxWords int
}

func rule(reason string, maxWords int, pattern string) chromeRule {
	return chromeRule{regexp.MustCompile(`(?i)^(?:` + pattern + `)$`), reason, maxWords}
}

// chromeRules are whole-line patterns of news-site furniture.
var chromeRules = []chromeRule{
	rule(ReasonBrowser, 30, `(?:ie|internet explorer)\s*\d*\s+(?:is|are)\s+(?:not|no longer)\s+supported\b.*`),
	rule(ReasonBrowser, 30, `(?:your|this)\s+browser\s+(?:is\s+(?:not|no longer|out)|does\s+not|doesn't)\b.*`),
	rule(ReasonBrowser, 30, `(?:please\s+)?(?:enable|turn\s+on)\s+javascript\b.*`),
	rule(ReasonBrowser, 30, `for\s+(?:an\s+|the\s+)?(?:optimal|best)\s+experience,?\s+(?:please\s+)?(?:visit|use|update|upgrade)\b.*`),
	rule(ReasonRelated, maxChromeWords, `(?:related|more|recommended|trending|popular|most\s+(?:popular|read|viewed|shared)|top|latest|further|editor'?s?|our)\s*(?:posts?|articles?|stories|content|coverage|links|news|reading|videos?|picks?|headlines|now|from\s+[\w .&'’-]{1,40})?\s*:?`),
	rule(ReasonRelated, 4, `latest\s+[\p{L}&'’ -]{2,30}`),
	rule(ReasonRelated, maxChromeWords, `(?:you\s+(?:may|might)\s+(?:also\s+)?like|(?:what\s+to\s+)?read\s+(?:next|more|this\s+next)|up\s+next|watch\s+next|don'?t\s+miss|see\s+also|also\s+read|read\s+also|more\s+on\s+this(?:\s+story)?|in\s+case\s+you\s+missed\s+it)\b.*`),
	rule(ReasonRelated, 30, `(?:related|read\s+more|more|see\s+also|also\s+read|read\s+also|recommended|watch|listen|related\s+(?:article|story|video|coverage|roundup|topics?|tags?|guides?|links?)|tags?|filed\s+under|must\s+read|don'?t\s+miss|trending|more\s+from\s+[\w .'’-]{1,30})\s*[:|»›>]\s+\S.*`),
	rule(ReasonChrome, 4, `the\s+end[.!]?`),
	rule(ReasonChrome, 8, `(?:the\s+)?next\s+(?:story|article|post|gallery|slide)\b.*`),
	rule(ReasonChrome, maxChromeWords, `(?:skip\s+to\s+(?:main\s+)?content|skip\s+navigation|back\s+to\s+top|scroll\s+to\s+top|loading\.*|view\s+comments|show\s+comments|(?:hide|toggle|show)\s+caption|enlarge\s+this\s+image|image\s+\d+\s+of\s+\d+|\d+\s+of\s+\d+|view\s+(?:this\s+)?(?:post|photo|video)\s+on\s+(?:instagram|twitter|tiktok|facebook|x)|view\s+gallery|(?:open|close)\s+(?:gallery|menu)|(?:\d+\s+)?comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)|print(?:\s+this\s+(?:article|page))?|email(?:\s+this\s+(?:article|story))?)\.?`),
	rule(ReasonChrome, 20, `(?:copyright|©|\(c\))\s*.{0,120}|.{0,80}\ball\s+rights\s+reserved\.?`),
	rule(ReasonPrompt, maxChromeWords, `(?:advertisement|advertising|advert|ad|sponsored(?:\s+content)?|promoted(?:\s+content)?|paid\s+content|(?:story|article|text)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?)\.?`),
	rule(ReasonPrompt, maxChromeWords, `(?:share|share\s+this(?:\s+(?:article|story|post|page))?|share\s+(?:on|via|to)\s+.*|click\s+to\s+share.*|tweet(?:\s+this)?|pin\s+it|copy\s+(?:link|url)|link\s+copied!?)\.?:?`),
	rule(ReasonPrompt, 30, `(?:sign\s+up|subscribe|register)\b.*\b(?:newsletters?|inbox|e-?mails?|updates|alerts)\b.*`),
	rule(ReasonPrompt, 30, `join\b.*\b(?:newsletters?|mailing\s+list)\b.*`),
	rule(ReasonPrompt, 8, `get\s+(?:the\s+|our\s+)?[\p{L}\d .&'’-]{0,40}\bnewsletters?\.?`),
	rule(ReasonPrompt, 30, `.*\bnewsletters?\b.*\b(?:sign\s+up|subscribe|inbox)\b.*`),
	rule(ReasonPrompt, 14, `(?:follow|like)\s+(?:us|\w+)\s+on\s+(?:twitter|facebook|instagram|tiktok|youtube|x|linkedin|threads)\b.*`),
	rule(ReasonPrompt, 12, `(?:click|tap)\s+here\b.*`),
	rule(ReasonPrompt, 30, `(?:this|our)\s+(?:article|story|post|page|site)\s+(?:contains|may\s+contain|includes)\s+affiliate\s+links\b.*`),
}

// Credits. A credit segment is a short run of capitalised words ("Edward
// Berthelot", "GC Images", "NINO"); credits are segments joined by slashes.
const seg = `[\p{Lu}][\p{L}\p{M}'’.&-]*(?:\s+(?:[\p{Lu}\d][\p{L}\p{M}\d'’.&-]*|de|da|di|del|van|von|der|la|le|du|for|of|the|and|via)){0,4}`

var (
	// creditOnlyRE is a line that is only a credit: "Getty / A Name / AGENCY".
	creditOnlyRE = regexp.MustCompile(`^` + seg + `(?:\s*/\s*` + seg + `)+$`)
	// creditTailRE is a caption ending in a glued credit: "... France.Edward Berthelot / GC Images".
	creditTailRE = regexp.MustCompile(`^(.*[.!?"”’)])\s*(` + seg + `(?:\s*/\s*` + seg + `)+)$`)
	// labelledCreditRE is "Image Source: ...", "Photo: ...", "Credit: ...".
	labelledCreditRE = regexp.MustCompile(`(?i)^(?:\(?\s*(?:(?:photo(?:graph)?|image|picture|pic|video|illustration|main\s+image|top\s+image|header\s+image|featured\s+image)s?(?:\s+(?:credit|source|courtesy|by))?|credits?|courtesy(?:\s+of)?)\s*[:|]\s*.{1,100}|\(?(?:photo|image|picture)s?\s+(?:by|courtesy\s+of)\s+.{1,80}|courtesy\s+(?:of\s+)?\p{Lu}.{0,60}|(?:getty\s+images|shutterstock|reuters|ap\s+photo|afp|epa|alamy|wireimage|filmmagic)(?:\s*[/|:,]\s*.{1,60})?)$`)
	// parenCreditTailRE is a caption ending "(Photo by Name/Getty Images)" or "(AP Photo/Name)".
	parenCreditTailRE = regexp.MustCompile(`(?i)^(.{10,})\s*\((?:(?:photo|image|picture)s?\s*(?:by|credit|:)|ap\s+photo|reuters|getty|afp|epa)[^()]{0,80}\)\.?$`)
)

// creditLine reports whether line is only a photo credit.
func creditLine(line string) bool {
	if words.Len(line) > 14 {
		return false
	}
	return strings.Contains(line, "/") && creditOnlyRE.MatchString(line) || labelledCreditRE.MatchString(line)
}

// creditedCaption returns the caption part of a line that is a caption with
// its credit glued on, and whether it is one.
func creditedCaption(line string) (string, bool) {
	if words.Len(line) > 70 {
		return "", false
	}
	if !strings.Contains(line, "/") { // every credit form below has a slash or "(... by"
		if !strings.HasSuffix(strings.TrimSuffix(line, "."), ")") {
			return "", false
		}
	} else if m := creditTailRE.FindStringSubmatch(line); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	if m := parenCreditTailRE.FindStringSubmatch(line); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	return "", false
}

// chrome returns the removal reason of a site-chrome line, or "".
func chrome(line string) string {
	if script(line) {
		return ReasonChrome
	}
	n := words.Len(line)
	for _, r := range chromeRules {
		if n <= r.maxWords && r.re.MatchString(line) {
			return r.reason
		}
	}
	return ""
}

// unterminated reports whether line does not end a sentence (headline- or
// caption-title-like).
func unterminated(line string) bool {
	line = strings.TrimRight(line, " ")
	if line == "" {
		return false
	}
	r := []rune(line)
	switch r[len(r)-1] {
	case '.', '!', '?', '"', '”', '’', ':', ';', ',', ')', '…':
		return false
	}
	return true
}

// norm folds a line for comparison: lower case, letters and digits only,
// diacritics and punctuation dropped, single spaces.
func norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(fold(r)))
		case unicode.Is(unicode.Mn, r):
		default:
			space = true
		}
	}
	return b.String()
}

// foldMap maps common Latin letters with diacritics to their base letter.
var foldMap = func() map[rune]rune {
	const from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ"
	const to = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy"
	m := make(map[rune]rune)
	tr := []rune(to)
	for i, f := range []rune(from) {
		m[f] = tr[i]
	}
	return m
}()

// fold maps a letter with a diacritic to its base letter.
func fold(r rune) rune {
	if f, ok := foldMap[r]; ok {
		return f
	}
	return r
}

// quoted reports whether line is entirely one quotation.
func quoted(line string) bool {
	r := []rune(strings.TrimSpace(line))
	if len(r) < 2 {
		return false
	}
	open, close := r[0], r[len(r)-1]
	return (open == '"' || open == '“' || open == '‘' || open == '\'') && (close == '"' || close == '”' || close == '’' || close == '\'')
}

// scriptMarks are the calls and declarations of a line of page script left
// in the text.
var scriptMarks = regexp.MustCompile(`\bfunction\s*\(|\bdocument\.\w+\(|\bwindow\.\w+|\bvar\s+\w+\s*=|\}\s*\)\s*;|\)\s*\{`)

// script tells whether a line is page script, not prose: a script call or
// declaration and the punctuation of code ("BF_STATIC.timequeue.push(
// function () { document.getElementById(…)…; })"). Prose that mentions a
// function in words has neither braces nor semicolons enough.
func script(line string) bool {
	n := codePunct(line)
	return n >= minCodePunct && n*25 >= len(line) && scriptMarks.MatchString(line)
}

// minCodePunct is the fewest code punctuation marks a script line holds.
const minCodePunct = 6

// codePunct counts the braces, parentheses, semicolons and equals signs of
// s: a count over bytes, cheap enough for every line of every article
// before any regular expression runs.
func codePunct(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{', '}', '(', ')', ';', '=':
			n++
		}
	}
	return n
}

// scriptTail splits a line whose prose ends a sentence and is followed by
// page script ("…like a spider.” BF_STATIC.queue.push(function () {…})"):
// the script runs from the start of the word holding its first mark to the
// end of the line.
func scriptTail(line string) (head, tail string, ok bool) {
	if codePunct(line) < minCodePunct {
		return "", "", false // most lines: no regular expression run
	}
	loc := scriptMarks.FindStringIndex(line)
	if loc == nil {
		return "", "", false
	}
	start := strings.LastIndexByte(line[:loc[0]], ' ')
	if start <= 0 {
		return "", "", false // the whole line, if anything: chrome's
	}
	head, tail = strings.TrimSpace(line[:start]), strings.TrimSpace(line[start:])
	if r, _ := utf8.DecodeLastRuneInString(head); !strings.ContainsRune(".!?\"”’", r) || !script(tail) {
		return "", "", false
	}
	return head, tail, true
}
