package eval

import (
	"math"
	"testing"
)

func TestMatchShingles(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		want       ShingleCounts
	}{
		{"identical", "a b c d e", "a b c d e", ShingleCounts{TP: 1}},
		{"punctuation ignored", "a, b. c! d e", "a b c d e", ShingleCounts{TP: 1}},
		{"both empty", "", "", ShingleCounts{}},
		{"empty prediction", "a b c d e", "", ShingleCounts{FN: 1}},
		// gold shingles: abcd, bcde; pred: abcd, bcdf -> tp 1, fp 1, fn 1
		{"one word off", "a b c d e", "a b c d f", ShingleCounts{TP: 1.0 / 3, FP: 1.0 / 3, FN: 1.0 / 3}},
		{"short texts are one shingle", "a b", "a b", ShingleCounts{TP: 1}},
		// repeated shingles count as a multiset
		{"duplicate prediction", "a b c d", "a b c d a b c d", ShingleCounts{TP: 1.0 / 5, FP: 4.0 / 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchShingles(tt.gold, tt.pred)
			if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
				t.Errorf("MatchShingles(%q, %q) = %+v, want %+v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}

func TestScoreExtraction(t *testing.T) {
	gold := map[string]string{"1": "a b c d e", "2": "a b c d e"}
	pred := map[string]string{"1": "a b c d e"} // page 2 missing: P=1 (nothing predicted), R=0
	s := ScoreExtraction(gold, pred)
	if s.Pages != 2 || !near(s.Precision, 1) || !near(s.Recall, 0.5) || !near(s.F1, 2*0.5/1.5) {
		t.Errorf("ScoreExtraction = %+v", s)
	}
	if s := ScoreExtraction(nil, nil); s.Pages != 0 || s.F1 != 0 {
		t.Errorf("empty ScoreExtraction = %+v", s)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
