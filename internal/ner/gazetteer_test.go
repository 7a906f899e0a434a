package ner

import (
	"strings"
	"testing"
)

func TestGazetteerMatch(t *testing.T) {
	ls := newLabelSet([]string{"PER", "ORG", "LOC", "MISC"})
	docs := []Doc{
		{{Words: strings.Fields("New York Stock Exchange opened in New York ."),
			Tags: strings.Fields("B-ORG I-ORG I-ORG I-ORG O O B-LOC I-LOC O")}},
		{{Words: strings.Fields("Washington said"), Tags: strings.Fields("B-PER O")},
			{Words: strings.Fields("in Washington"), Tags: strings.Fields("O B-LOC")}},
	}
	var gold [][][]int8
	for _, d := range docs {
		var g [][]int8
		for _, s := range d {
			g = append(g, ls.iob2(s.Tags))
		}
		gold = append(gold, g)
	}
	const per, org, loc = 0, 1, 2
	bit := func(pos, typ int) uint32 { return 1 << (pos*8 + typ) }
	tests := []struct {
		name     string
		skip     func(int) bool
		sent     string
		capsSent bool
		want     []uint32
	}{
		{"longer and shorter names", nil, "the New York Stock Exchange", false, []uint32{
			0,
			bit(gazBegin, org) | bit(gazBegin, loc) | bit(gazPart, org) | bit(gazPart, loc),
			bit(gazInside, org) | bit(gazInside, loc) | bit(gazPart, org) | bit(gazPart, loc),
			bit(gazInside, org) | bit(gazPart, org),
			bit(gazInside, org) | bit(gazPart, org)}},
		{"a word of a longer name", nil, "Exchange rates", false, []uint32{bit(gazPart, org), 0}},
		{"two types", nil, "Washington", false, []uint32{bit(gazSingle, per) | bit(gazSingle, loc)}},
		{"headline in capitals", nil, "NEW YORK", true, []uint32{
			bit(gazBegin, loc) | bit(gazPart, org) | bit(gazPart, loc),
			bit(gazInside, loc) | bit(gazPart, org) | bit(gazPart, loc)}},
		{"lower case is not a name", nil, "new york", false, []uint32{0, 0}},
		{"held-out document", func(i int) bool { return i == 1 }, "Washington", false, []uint32{0}},
	}
	for _, tt := range tests {
		g := buildGazetteer(docs, gold, tt.skip)
		var toks []token
		for _, w := range strings.Fields(tt.sent) {
			toks = append(toks, makeToken(w, nil))
		}
		got := g.match(toks, tt.capsSent)
		for i := range tt.want {
			if got[i] != tt.want[i] {
				t.Errorf("%s: token %d: got %b, want %b", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}
