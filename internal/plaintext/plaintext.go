// Package plaintext turns input bytes into clean text: valid UTF-8 (legacy
// single-byte encodings decoded as Windows-1252, the superset of Latin-1
// that web pages mislabelled as Latin-1 use), without control characters
// or bidirectional overrides, so that every span into the text stays valid
// and no input can drive a terminal or reorder a page.
package plaintext

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Decode returns b as valid UTF-8. Valid UTF-8 is returned as it is; bytes
// that look like a single-byte legacy encoding (high bytes that never form
// a UTF-8 sequence) are decoded as Windows-1252; otherwise each invalid
// byte becomes U+FFFD.
func Decode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		i += n
	}
	if invalid > 0 && valid*10 < invalid { // mostly lone high bytes: Latin-1 or Windows-1252
		if s, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
			return string(s)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// String returns s as valid UTF-8, decoding it as Decode does.
func String(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return Decode([]byte(s))
}

// Strip removes control characters (C0 but tab, line feed and carriage
// return; DEL; C1), bidirectional embeddings, overrides and isolates, and
// byte-order marks from valid UTF-8 text; a form feed or vertical tab
// becomes a line feed.
func Strip(s string) string {
	clean := true
	for _, r := range s {
		if drop(r) || r == '\f' || r == '\v' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\f' || r == '\v':
			b.WriteByte('\n')
		case drop(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lostBreak is a paragraph break a feed lost its backslashes from: "\n\n"
// written as "nn" between a sentence's end and the next capital
// ("…like Magneto.nnNikolai, 12, had…").
var lostBreak = regexp.MustCompile(`([.!?]["”’')]?)nn(\p{Lu})`)

// RestoreBreaks puts back the paragraph breaks of a text that holds two
// "nn" glued between a sentence's end and a capital at least (some of a
// text's breaks may be lost, others kept); any other text is returned as
// it is.
func RestoreBreaks(s string) string {
	if !strings.Contains(s, "nn") {
		return s
	}
	if len(lostBreak.FindAllStringIndex(s, 2)) < 2 {
		return s
	}
	return lostBreak.ReplaceAllString(s, "$1\n\n$2")
}

// Clean is String then Strip: what every input text goes through.
func Clean(s string) string { return Strip(String(s)) }

func drop(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v'
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0xfeff:
		return true
	}
	return false
}
