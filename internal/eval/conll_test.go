package eval

import (
	"math"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		tags string
		want []Chunk
	}{
		// IOB1: I- starts a chunk after O; B- only splits adjacent chunks of one type.
		{"I-PER I-PER O I-LOC B-LOC I-LOC", []Chunk{{"PER", 0, 2}, {"LOC", 3, 4}, {"LOC", 4, 6}}},
		// IOB2.
		{"B-ORG I-ORG B-ORG O B-MISC", []Chunk{{"ORG", 0, 2}, {"ORG", 2, 3}, {"MISC", 4, 5}}},
		// A type change inside I- tags starts a new chunk.
		{"I-PER I-ORG I-ORG", []Chunk{{"PER", 0, 1}, {"ORG", 1, 3}}},
		// IOBES.
		{"S-LOC B-PER E-PER", []Chunk{{"LOC", 0, 1}, {"PER", 1, 3}}},
		{"O O", nil},
	}
	for _, tt := range tests {
		got := Chunks(strings.Fields(tt.tags))
		if len(got) != len(tt.want) {
			t.Errorf("Chunks(%q) = %v, want %v", tt.tags, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Chunks(%q) = %v, want %v", tt.tags, got, tt.want)
			}
		}
	}
}

// TestScoreByHand checks a case computed by hand: gold has PER(0-2),
// LOC(3), ORG(5); the prediction has PER(0-2) right, LOC(3) typed ORG, and
// ORG(5) right, plus a spurious MISC(6).
//
//	correct 2, guessed 4, gold 3: P = 0.5, R = 2/3, F1 = 4/7.
//	PER: 1/1/1; LOC: 0 correct, 0 guessed, 1 gold; ORG: 1 correct, 2 guessed, 1 gold; MISC: 0/1/0.
func TestScoreByHand(t *testing.T) {
	gold := strings.Fields("I-PER I-PER O I-LOC O I-ORG O")
	pred := strings.Fields("B-PER I-PER O B-ORG O B-ORG B-MISC")
	var s NERScore
	if err := s.Add(gold, pred); err != nil {
		t.Fatal(err)
	}
	if s.Overall != (Counts{Correct: 2, Guessed: 4, Gold: 3}) {
		t.Fatalf("overall = %+v", s.Overall)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(s.Overall.Precision(), 0.5) || !near(s.Overall.Recall(), 2.0/3) || !near(s.Overall.F1(), 4.0/7) {
		t.Errorf("P/R/F1 = %v %v %v", s.Overall.Precision(), s.Overall.Recall(), s.Overall.F1())
	}
	want := map[string]Counts{"PER": {1, 1, 1}, "LOC": {0, 0, 1}, "ORG": {1, 2, 1}, "MISC": {0, 1, 0}}
	for typ, c := range want {
		if s.ByType[typ] != c {
			t.Errorf("%s = %+v, want %+v", typ, s.ByType[typ], c)
		}
	}
	// Token accuracy compares tags as written: O, O, O and I-PER/B-PER differ.
	if s.Tokens != 7 || s.CorrectTags != 3 {
		t.Errorf("tokens %d correct %d", s.Tokens, s.CorrectTags)
	}
	if err := s.Add([]string{"O"}, nil); err == nil {
		t.Error("length mismatch not reported")
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("docs = %+v", docs)
	}
	s := docs[0].Sentences[0]
	if strings.Join(s.Tokens, " ") != "EU rejects" || strings.Join(s.Tags, " ") != "I-ORG O" || s.Lines[1] != "rejects VBZ I-VP O" {
		t.Errorf("sentence = %+v", s)
	}
	if _, err := ReadCoNLL(strings.NewReader("lonely\n")); err == nil {
		t.Error("line without tag accepted")
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\n\n")
	f.Add("a\tB-PER\nb\tI-PER\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				if len(s.Tokens) != len(s.Tags) || len(s.Lines) != len(s.Tokens) {
					t.Fatal("columns out of step")
				}
				var sc NERScore
				if err := sc.Add(s.Tags, s.Tags); err != nil {
					t.Fatal(err)
				}
				if sc.Overall.Correct != sc.Overall.Gold {
					t.Fatal("tags do not match themselves")
				}
			}
		}
	})
}
