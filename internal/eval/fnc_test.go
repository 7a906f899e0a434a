package eval

import (
	"testing"
)

func TestFNC(t *testing.T) {
	gold := []string{"agree", "disagree", "discuss", "unrelated", "unrelated", "agree"}
	pred := []string{"agree", "discuss", "unrelated", "unrelated", "agree", "agree"}
	r, err := FNC(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	// Points: 1 + 0.25 + 0 + 0.25 + 0 + 1 of 1+1+1+0.25+0.25+1.
	if !near(r.Score, 2.5) || !near(r.MaxScore, 4.5) || !near(r.Percent, 100*2.5/4.5) {
		t.Errorf("score %v of %v (%v%%), want 2.5 of 4.5", r.Score, r.MaxScore, r.Percent)
	}
	if !near(r.Accuracy, 0.5) {
		t.Errorf("accuracy %v, want 0.5", r.Accuracy)
	}
	want := []struct{ p, r, f float64 }{
		{2.0 / 3, 1, 0.8}, // agree: tp 2, predicted 3, gold 2
		{0, 0, 0},         // disagree: never predicted
		{0, 0, 0},         // discuss: one wrong prediction
		{0.5, 0.5, 0.5},   // unrelated: tp 1, predicted 2, gold 2
	}
	for i, w := range want {
		c := r.Classes[i]
		if !near(c.Precision, w.p) || !near(c.Recall, w.r) || !near(c.F1, w.f) {
			t.Errorf("%s: P/R/F1 %v/%v/%v, want %v/%v/%v", c.Label, c.Precision, c.Recall, c.F1, w.p, w.r, w.f)
		}
	}
	if !near(r.MacroF1, 1.3/4) {
		t.Errorf("macro-F1 %v, want 0.325", r.MacroF1)
	}
	if r.Confusion[1][2] != 1 || r.Confusion[3][0] != 1 || r.Confusion[0][0] != 2 {
		t.Errorf("confusion %v", r.Confusion)
	}
}

func TestFNCEdges(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		percent    float64
		wantErr    bool
	}{
		{"perfect", []string{"agree", "unrelated", "discuss"}, []string{"agree", "unrelated", "discuss"}, 100, false},
		{"all unrelated", []string{"agree", "unrelated"}, []string{"unrelated", "unrelated"}, 100 * 0.25 / 1.25, false},
		{"related but wrong label", []string{"disagree"}, []string{"agree"}, 25, false},
		{"length mismatch", []string{"agree"}, nil, 0, true},
		{"unknown label", []string{"agree"}, []string{"maybe"}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := FNC(tt.gold, tt.pred)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && !near(r.Percent, tt.percent) {
				t.Errorf("percent %v, want %v", r.Percent, tt.percent)
			}
		})
	}
}

func TestAccuracy(t *testing.T) {
	labels := []string{"for", "against", "observing"}
	r, err := Accuracy(labels, []string{"for", "for", "against", "observing"}, []string{"for", "against", "against", "for"})
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Accuracy, 0.5) {
		t.Errorf("accuracy %v, want 0.5", r.Accuracy)
	}
	// for: P 1/2 R 1/2 F1 1/2; against: P 1/2 R 1 F1 2/3; observing: 0.
	if !near(r.Classes[0].F1, 0.5) || !near(r.Classes[1].F1, 2.0/3) || r.Classes[2].F1 != 0 {
		t.Errorf("classes %+v", r.Classes)
	}
	if !near(r.MacroF1, (0.5+2.0/3)/3) {
		t.Errorf("macro-F1 %v", r.MacroF1)
	}
	if _, err := Accuracy(labels, []string{"for"}, []string{"nope"}); err == nil {
		t.Error("unknown label accepted")
	}
}
