package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// gazetteer holds the names seen as entities in labelled training text:
// the hash of each name's words (see phraseHash) and the set of types it was
// seen with, one bit a type.
type gazetteer struct {
	names  map[uint64]uint8
	words  map[uint64]uint8 // words of names of two or more words, and those names' types
	maxLen int
}

// gazMaxLen is the longest name, in words, that the gazetteer matches.
const gazMaxLen = 6

func phraseStart() uint64 { return hashStart(0xfeed) }

// buildGazetteer collects the entities of docs, skipping every document i
// for which skip(i) is true.
func buildGazetteer(docs []Doc, gold [][][]int8, skip func(int) bool) *gazetteer {
	g := &gazetteer{names: map[uint64]uint8{}, words: map[uint64]uint8{}}
	for di, doc := range docs {
		if skip != nil && skip(di) {
			continue
		}
		for si, s := range doc {
			y := gold[di][si]
			for i := 0; i < len(y); {
				if y[i] == 0 {
					i++
					continue
				}
				j := i + 1
				for j < len(y) && isInside(y[j]) && (y[j]-1)/2 == (y[i]-1)/2 {
					j++
				}
				if j-i <= gazMaxLen {
					h := phraseStart()
					for k := i; k < j; k++ {
						h = hashAdd(h, normalise(s.Words[k]))
					}
					g.names[h] |= 1 << uint((y[i]-1)/2)
					if j-i > 1 {
						for k := i; k < j; k++ {
							g.words[hashAdd(phraseStart(), normalise(s.Words[k]))] |= 1 << uint((y[i]-1)/2)
						}
					}
					g.maxLen = max(g.maxLen, j-i)
				}
				i = j
			}
		}
	}
	return g
}

// Gazetteer match positions: a one-word name, the first word of a longer
// name, a later word of one.
const (
	gazSingle = iota
	gazBegin
	gazInside
	gazPart // a word of a longer name, wherever the name is
	gazPositions
)

// match returns, for each token, the bit set of (position, type) pairs of
// the names that cover it: bit pos*8+type.
func (g *gazetteer) match(toks []token, capsSent bool) []uint32 {
	if g == nil || len(g.names) == 0 {
		return nil
	}
	out := make([]uint32, len(toks))
	word := func(i int) string {
		if capsSent {
			return titleCase(toks[i].w)
		}
		return toks[i].w
	}
	for i := range toks {
		if !toks[i].upperFirst && !capsSent {
			// Names start with a capital (or a digit: "1860 Munich").
			r, _ := utf8.DecodeRuneInString(toks[i].w)
			if !unicode.IsDigit(r) {
				continue
			}
		}
		if ts := g.words[hashAdd(phraseStart(), word(i))]; ts != 0 {
			out[i] |= uint32(ts) << (gazPart * 8)
		}
		h := phraseStart()
		for j := i; j < len(toks) && j-i < g.maxLen; j++ {
			h = hashAdd(h, word(j))
			types, ok := g.names[h]
			if !ok {
				continue
			}
			for t := 0; t < 8; t++ {
				if types&(1<<t) == 0 {
					continue
				}
				if j == i {
					out[i] |= 1 << (gazSingle*8 + t)
					continue
				}
				out[i] |= 1 << (gazBegin*8 + t)
				for k := i + 1; k <= j; k++ {
					out[k] |= 1 << (gazInside*8 + t)
				}
			}
		}
	}
	return out
}

// titleCase maps "GERMANY" to "Germany" so that headline words in capitals
// match the names of the gazetteer.
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return w
	}
	return string(r) + strings.ToLower(w[n:])
}
