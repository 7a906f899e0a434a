package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// alias is one folded string that names an entity in text where case
// cannot be trusted.
type alias struct {
	s    string
	e    *ent
	word bool // one word of a person's name, not the whole name
}

// aliasesOf lists the folded strings that may name each entity in
// lower-case or upper-case text: full names, full names run together (as
// in hashtags), and given names and surnames that belong to one person
// only and are not common words.
func aliasesOf(ents []*ent) []alias {
	var out []alias
	tokOwners := map[string]int{}
	for _, e := range ents {
		if e.typ == news.PER {
			for _, t := range uniq(e.full) {
				tokOwners[t]++
			}
		}
	}
	seen := map[string]bool{}
	push := func(s string, e *ent, word bool) {
		if s == "" || seen[s] {
			return
		}
		seen[s] = true
		out = append(out, alias{s, e, word})
	}
	for _, e := range ents {
		if len(e.full) >= 2 {
			push(strings.Join(e.full, " "), e, false)
			if e.typ == news.PER {
				push(strings.Join(e.full, ""), e, false)
			}
			for f := range e.forms {
				push(strings.Join(splitName(f, e.typ).toks, " "), e, false)
			}
		}
		if e.typ != news.PER || len(e.full) < 2 {
			// a single word is matched only as part of a known full name
			continue
		}
		for _, t := range e.full {
			if len([]rune(t)) >= 3 && tokOwners[t] == 1 && !commonWords[t] {
				push(t, e, true)
			}
		}
	}
	// Longest first, so "khloe kardashian" wins over "khloe".
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].s) > len(out[j].s) })
	return out
}

func uniq(ts []string) []string {
	var out []string
	for _, t := range ts {
		if !containsTok(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// aliases finds further mentions of the entities by their aliases,
// case-insensitively, diacritics folded, on whole words, where no mention
// is yet. New mentions have Via "alias".
func (d *doc) aliases(ents []*ent) {
	as := aliasesOf(ents)
	if len(as) == 0 {
		return
	}
	f := foldText(d.text)
	// The bytes of the text that mentions already cover: a lookup per byte
	// of a candidate instead of a scan of every mention.
	taken := make([]bool, len(d.text)+1)
	take := func(s news.Span) {
		for k := max(0, s.Start); k < min(s.End, len(taken)); k++ {
			taken[k] = true
		}
	}
	for _, m := range d.a.Mentions {
		take(m.Span)
	}
	overlaps := func(s news.Span) bool {
		for k := max(0, s.Start); k < min(s.End, len(taken)); k++ {
			if taken[k] {
				return true
			}
		}
		return false
	}
	// Where each word of the folded text starts, by word: an alias is looked
	// for only where its first word is (one pass over the text, not one per
	// alias).
	starts := map[string][]int{}
	for i := 0; i < len(f.s); {
		r, n := utf8.DecodeRuneInString(f.s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(f.s) {
			r, n := utf8.DecodeRuneInString(f.s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		starts[f.s[i:j]] = append(starts[f.s[i:j]], i)
		i = j
	}
	for _, al := range as {
		first := al.s
		if k := strings.IndexFunc(al.s, func(r rune) bool { return !isWordRune(r) }); k > 0 {
			first = al.s[:k]
		}
		at := starts[first]
		if r, _ := utf8.DecodeRuneInString(al.s); !isWordRune(r) {
			at = indexAll(f.s, al.s) // an alias that opens with a mark
		}
		for _, i := range at {
			j := i + len(al.s)
			if !strings.HasPrefix(f.s[i:], al.s) || !boundary(f.s, i, j) {
				continue
			}
			sp := news.Span{Start: f.off[i], End: f.origEnd(j)}
			if overlaps(sp) || al.word && lowerWord(d.text, sp.Start, sp.End) {
				continue
			}
			take(sp)
			al.e.ments = append(al.e.ments, len(d.a.Mentions))
			al.e.count++
			d.a.Mentions = append(d.a.Mentions, news.Mention{Span: sp, Text: d.text[sp.Start:sp.End],
				Type: al.e.typ, Key: al.e.key, Name: al.e.name, Via: "alias"})
		}
	}
}

// lowerWord tells whether the word text[i:j] is written in lower case
// only and is no hashtag or handle: one word of a name written so ("in
// time" for Time Warner, "her office" for a name ending in Office) is a
// common word, where a whole name in lower case ("i love lara quinn") or
// capitals ("WHY IS ROSA") is still the name.
func lowerWord(text string, i, j int) bool {
	if strings.IndexFunc(text[i:j], unicode.IsUpper) >= 0 {
		return false // "iCloud" as its maker writes it
	}
	return i == 0 || text[i-1] != '#' && text[i-1] != '@'
}

// boundary reports whether s[i:j] is a whole word or run of words.
func boundary(s string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if isWordRune(r) {
			return false
		}
	}
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) || r == '\'' && j+1 < len(s) && s[j+1] != 's' && unicode.IsLetter(rune(s[j+1])) {
			return false
		}
	}
	return true
}

// indexAll returns the offsets of the non-overlapping occurrences of sub in s.
func indexAll(s, sub string) []int {
	var out []int
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			break
		}
		out = append(out, from+i)
		from += i + max(1, len(sub))
	}
	return out
}
