package entity

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/fold"
)

// foldRune folds one rune (see internal/fold).
func foldRune(r rune) string { return fold.Rune(r) }

// Fold returns s in lower case with diacritics removed and typographic
// apostrophes made plain, so that "Khloé" and "KHLOE" compare equal.
func Fold(s string) string { return fold.String(s) }

// folded is a text folded with Fold together with the byte offset in the
// original text of every folded byte, so matches map back to spans.
type folded struct {
	s   string
	off []int // off[i] is the original offset of folded byte i; off[len(s)] = len(text)
}

func foldText(text string) folded {
	var b strings.Builder
	b.Grow(len(text))
	off := make([]int, 0, len(text)+1)
	for i, r := range text {
		f := foldRune(r)
		b.WriteString(f)
		for range len(f) {
			off = append(off, i)
		}
	}
	off = append(off, len(text))
	return folded{s: b.String(), off: off}
}

// origEnd maps a folded end offset back to the original text.
func (f folded) origEnd(i int) int { return f.off[i] }

// Damerau returns the optimal-string-alignment edit distance between a and
// b over runes: insertions, deletions, substitutions and transpositions of
// adjacent runes each cost one. It stops early and returns max+1 when the
// distance exceeds max.
func Damerau(a, b string, max int) int {
	if d := len(a) - len(b); d > 2*max || -d > 2*max {
		return max + 1 // quick: even two bytes a rune, the lengths differ too much
	}
	if bagDistance(a, b) > max {
		return max + 1 // quick: the letters alone differ too much
	}
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	n, m := len(ra), len(rb)
	prev2 := make([]int, m+1)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}

// maxEdits is how many edits a name token of n runes may carry and still be
// taken for a misspelling: none for short names, one for ordinary ones, two
// for long ones.
func maxEdits(n int) int {
	switch {
	case n <= 4:
		return 0
	case n <= 9:
		return 1
	default:
		return 2
	}
}

// slug makes an ID-safe form of a folded name: ASCII letters and digits
// joined by single dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' {
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > 80 {
		out = out[:80]
	}
	return out
}

// bagDistance is a lower bound of the edit distance of two ASCII strings:
// the larger of the letters a has beyond b and b beyond a. It is 0 when
// either string is not ASCII (no bound then).
// letterSet is the set of s's bytes, each byte value on bit value%64, for
// fewLettersApart; 0 when s is not ASCII (a rune edit changes several bytes).
func letterSet(s string) uint64 {
	var set uint64
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return 0
		}
		set |= 1 << (s[i] % 64)
	}
	return set
}

// fewLettersApart is false only when two ASCII strings with letter sets a
// and b are more than k edits apart: every bit set in one set and not in
// the other is a letter one string has and the other lacks, and each such
// letter takes an edit (the bag distance, bagDistance, counts at least as
// many). Bytes sharing a bit only hide letters, so the test never rejects
// strings within k edits.
func fewLettersApart(a, b uint64, k int) bool {
	if a == 0 || b == 0 {
		return true // not ASCII: no quick answer
	}
	return bits.OnesCount64(a&^b) <= k && bits.OnesCount64(b&^a) <= k
}

func bagDistance(a, b string) int {
	var counts [128]int32
	for i := 0; i < len(a); i++ {
		if a[i] >= 128 {
			return 0
		}
		counts[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		if b[i] >= 128 {
			return 0
		}
		counts[b[i]]--
	}
	// Read each letter's balance once, through the letters themselves
	// (cheaper than scanning the whole table for short names).
	plus, minus := 0, 0
	for _, s := range [2]string{a, b} {
		for i := 0; i < len(s); i++ {
			switch c := int(counts[s[i]]); {
			case c > 0:
				plus += c
			case c < 0:
				minus -= c
			}
			counts[s[i]] = 0
		}
	}
	return max(plus, minus)
}

// sameInitials tells whether two spellings of a name may be one: not when
// one is the other with a letter added before it, in the whole or in a part
// between hyphens ("Kyong-hui" and "Yong-hui" are two names, not a typo of
// one). A misspelling keeps a name's opening ("Klhoé", "Marrone"); a
// letter written otherwise there may still be one ("Byong" and "Pyong",
// two spellings of one Korean name).
func sameInitials(a, b string) bool {
	pa, pb := strings.Split(a, "-"), strings.Split(b, "-")
	if len(pa) != len(pb) {
		pa, pb = []string{a}, []string{b}
	}
	for i := range pa {
		if prefixed(pa[i], pb[i]) || prefixed(pb[i], pa[i]) {
			return false
		}
	}
	return true
}

// prefixed tells whether long is short with one letter before it.
func prefixed(long, short string) bool {
	_, n := utf8.DecodeRuneInString(long)
	return len(long) > n && long[n:] == short
}
