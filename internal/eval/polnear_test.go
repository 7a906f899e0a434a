package eval

import (
	"bytes"
	"strings"
	"testing"
)

const sampleAnn = "T1\tSource 0 3\tSam\nT2\tCue 4 8\tsaid\nT3\tContent 10 22;30 36\t“We won,” said “Yes.”\nT4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\ncontinued note line\nT5\tContent 40 50\tthat it is\nE2\tAttribution:T4 Content:T5\n"

func TestParseBrat(t *testing.T) {
	as, err := ParseBrat(strings.NewReader(sampleAnn))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 {
		t.Fatalf("got %d attributions, want 2", len(as))
	}
	if got := Extent(as[0].Content); got != (CharSpan{10, 36}) {
		t.Errorf("extent = %v", got)
	}
	if len(as[0].Source) != 1 || as[0].Source[0] != (CharSpan{0, 3}) || len(as[1].Source) != 0 {
		t.Errorf("sources = %v, %v", as[0].Source, as[1].Source)
	}
}

func TestIsDirectQuote(t *testing.T) {
	tests := []struct {
		content string
		want    bool
	}{
		{"“We won.”", true},
		{"\"We won,\"", true},
		{"''We won,''", true},
		{"  “We won”.  ", true},
		{"that “we won”", false},
		{"“we won” he said", false},
		{"“", false},
		{"we won", false},
	}
	for _, tt := range tests {
		r := []rune(tt.content)
		if got := IsDirectQuote(r, []CharSpan{{0, len(r)}}); got != tt.want {
			t.Errorf("IsDirectQuote(%q) = %v, want %v", tt.content, got, tt.want)
		}
	}
}

func TestQuoteScore(t *testing.T) {
	gold := []Attribution{
		{Content: []CharSpan{{0, 100}}, Source: []CharSpan{{105, 110}}},
		{Content: []CharSpan{{200, 240}}, Source: []CharSpan{{250, 255}}},
		{Content: []CharSpan{{300, 340}}},
	}
	pred := []Attribution{
		{Content: []CharSpan{{2, 98}}, Source: []CharSpan{{107, 108}}}, // match, speaker right
		{Content: []CharSpan{{1, 60}}},                                 // overlaps gold 0 too, but one to one
		{Content: []CharSpan{{200, 290}}, Source: []CharSpan{{0, 5}}},  // covers 40 of 90: no match
		{Content: []CharSpan{{305, 340}}, Source: []CharSpan{{0, 5}}},  // match, speaker wrong
	}
	var s QuoteScore
	s.Add(gold, pred)
	if s.Gold != 3 || s.Predicted != 4 || s.Matched != 2 || s.SpeakerRight != 1 {
		t.Fatalf("score = %+v", s)
	}
	if p, r := s.Precision(), s.Recall(); p != 0.5 || r != 2.0/3 {
		t.Errorf("P %v R %v", p, r)
	}
	if s.SpeakerAccuracy() != 0.5 {
		t.Errorf("speaker accuracy %v", s.SpeakerAccuracy())
	}
	e2e := 2 * 0.25 * (1.0 / 3) / (0.25 + 1.0/3)
	if d := s.EndToEndF1() - e2e; d > 1e-9 || d < -1e-9 {
		t.Errorf("end-to-end %v, want %v", s.EndToEndF1(), e2e)
	}
}

func TestCharOffsets(t *testing.T) {
	text := "é“a”b"
	conv := CharOffsets(text)
	for b, want := range map[int]int{0: 0, 2: 1, 5: 2, 6: 3, 9: 4, 10: 5} {
		if got := conv(b); got != want {
			t.Errorf("conv(%d) = %d, want %d", b, got, want)
		}
	}
}

func TestWriteBratRoundTrip(t *testing.T) {
	runes := []rune("Sam said “We won” today.")
	in := []Attribution{{Source: []CharSpan{{0, 3}}, Cue: []CharSpan{{4, 8}}, Content: []CharSpan{{9, 17}}}}
	var buf bytes.Buffer
	if err := WriteBrat(&buf, runes, in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "T3\tContent 9 17\t“We won”\n") {
		t.Errorf("brat output:\n%s", buf.String())
	}
	out, err := ParseBrat(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Content[0] != in[0].Content[0] || out[0].Source[0] != in[0].Source[0] || out[0].Cue[0] != in[0].Cue[0] {
		t.Errorf("round trip = %+v", out)
	}
}

func FuzzParseBrat(f *testing.F) {
	f.Add(sampleAnn)
	f.Add("T1\tContent 5 2\tx\nE1\tAttribution:T9 Content:T1\n")
	f.Fuzz(func(t *testing.T, s string) {
		as, err := ParseBrat(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, a := range as {
			for _, p := range a.Content {
				if p.Start < 0 || p.End < p.Start {
					t.Fatalf("bad span %v", p)
				}
			}
		}
	})
}
