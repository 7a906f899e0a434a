package words

import (
	"regexp"
	"strings"
)

// DatelinePattern is the alternatives of a dateline that opens a story's
// first sentence: "LONDON —", "WASHINGTON (Reuters) -", "OTTAWA, Ontario—" (a
// place and its region, a dash with no space after it), "(CNN) --",
// "(Sept. 22, 2014, update 1:09 p.m.)", "UPDATE 2:", "Updated: …:",
// "Site | ". Other patterns are built on it (the claim stage also takes
// "Claim:" and "Video:" labels off a lead).
const DatelinePattern = `[A-Z][\w.,' ]{1,30}?\s*\|\s*|[A-Z][a-z]+(?:[ ,]+[A-Z][A-Za-z.]*){0,3}\s*[—–]\s+|\([A-Z]{2,10}\)\s*[-—–]+\s*|\([^()]{0,80}\d[^()]{0,80}\)\s*[-—–:]?\s*|[A-Z][A-Z.'’ ]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,20}\.?)?\s*(?:\([A-Za-z .]{1,30}\)\s*)?[-—–:]+\s+|[A-Z][A-Z.'’ ]{1,40},\s*[A-Z][A-Za-z.]{1,20}\.?[—–]|(?:UPDATE|Update|Updated|BREAKING|Breaking)\b[^:]{0,40}:\s*`

var dateline = regexp.MustCompile(`^\s*(?:` + DatelinePattern + `)`)

// MayHaveDateline is the cheap test before a dateline pattern: a dateline
// ends within the first 90 bytes at a bracket, a bar, a dash or a colon.
func MayHaveDateline(s string) bool {
	return strings.ContainsAny(s[:min(len(s), 90)], "()|:—–-")
}

// TrimDateline takes up to two datelines off the start of s ("BAGHDAD
// (AP) — (Updated 3 p.m.) Police said…" → "Police said…"), never all of it.
func TrimDateline(s string) string {
	for range 2 {
		if !MayHaveDateline(s) {
			break
		}
		loc := dateline.FindStringIndex(s)
		if loc == nil || loc[1] >= len(s) {
			break
		}
		s = s[loc[1]:]
	}
	return s
}
