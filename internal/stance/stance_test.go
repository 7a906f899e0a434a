package stance

import (
	"bytes"
	"math"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Floors of the embedded models on the dev splits (recorded scores minus a
// small margin; see docs/stance.md).
const (
	fncDevScoreFloor    = 87.5
	fncDevMacroF1Floor  = 0.71
	fncDevDisagreeFloor = 0.42
	emergentDevAccFloor = 0.75
)

func TestFNCDevFloor(t *testing.T) {
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pairs, bods, err := ReadFNC(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	_, dev := SplitFNC(pairs)
	gold := make([]string, len(dev))
	for i, p := range dev {
		gold[i] = p.Stance
	}
	r, err := eval.FNC(gold, m.PredictPairs(dev, bods))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("FNC-1 dev: score %.2f macro-F1 %.4f disagree F1 %.4f", r.Percent, r.MacroF1, r.Classes[1].F1)
	if r.Percent < fncDevScoreFloor || r.MacroF1 < fncDevMacroF1Floor || r.Classes[1].F1 < fncDevDisagreeFloor {
		t.Errorf("FNC-1 dev below floor: score %.2f (floor %.1f), macro-F1 %.4f (floor %.2f), disagree F1 %.4f (floor %.2f)",
			r.Percent, fncDevScoreFloor, r.MacroF1, fncDevMacroF1Floor, r.Classes[1].F1, fncDevDisagreeFloor)
	}
}

func TestEmergentDevFloor(t *testing.T) {
	path := datadir.Require(t, "emergent/emergent-train.csv")
	m, err := DefaultEmergent()
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := ReadEmergent(path)
	if err != nil {
		t.Fatal(err)
	}
	_, dev := SplitEmergent(pairs)
	gold := make([]string, len(dev))
	for i, p := range dev {
		gold[i] = p.Stance
	}
	r, err := eval.Accuracy(EmergentLabels, gold, m.PredictEmergent(dev))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Emergent dev: accuracy %.4f macro-F1 %.4f", r.Accuracy, r.MacroF1)
	if r.Accuracy < emergentDevAccFloor {
		t.Errorf("Emergent dev accuracy %.4f below floor %.2f", r.Accuracy, emergentDevAccFloor)
	}
}

func TestPredictProbabilities(t *testing.T) {
	for _, load := range []func() (*Model, error){Default, DefaultEmergent} {
		m, err := load()
		if err != nil {
			t.Fatal(err)
		}
		label, probs := m.Predict("Apple will sell 19 million watches", "Analysts expect Apple to sell 19 million watches this year.")
		var sum float64
		for _, p := range probs {
			sum += p
		}
		if math.Abs(sum-1) > 1e-6 || len(probs) != len(m.Labels()) {
			t.Errorf("probabilities %v do not sum to 1 over the labels", probs)
		}
		if probs[label] < 1/float64(len(probs)) {
			t.Errorf("label %q is not the most probable in %v", label, probs)
		}
	}
}

func TestClaimStance(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	article := "A spokesman for the city council said on Monday that the new bridge will open in June. " +
		"Construction crews finished the final span last week, the council said."
	st, _ := m.ClaimStance("Kim Jong Un's sister executed over failed missile test", article)
	if st != news.Unrelated {
		t.Errorf("off-topic claim: stance %q, want unrelated", st)
	}
	tests := map[string]news.Stance{For: news.Asserts, Against: news.Denies, Observing: news.Rumour, "": news.Unrelated}
	for in, want := range tests {
		if got := EmergentStance(in); got != want {
			t.Errorf("EmergentStance(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	h, b := "Man bitten by spider", "A man was bitten by a spider while on holiday, doctors said. Police deny the report is true."
	l1, p1 := m.Predict(h, b)
	l2, p2 := m2.Predict(h, b)
	if l1 != l2 || math.Abs(p1[l1]-p2[l2]) > 1e-3 {
		t.Errorf("round trip changed the prediction: %s %v vs %s %v", l1, p1, l2, p2)
	}
	if _, err := LoadBytes([]byte("not a model")); err == nil {
		t.Error("garbage loaded as a model")
	}
}

func FuzzPredict(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Claim here?", "Body. With sentences! And \"quotes.\"\n\nNew line")
	f.Add("", "")
	f.Add("’’’", "...!!!???")
	f.Fuzz(func(t *testing.T, headline, body string) {
		label, probs := m.Predict(headline, body)
		if _, ok := probs[label]; !ok {
			t.Fatalf("label %q not among %v", label, probs)
		}
		for _, p := range probs {
			if math.IsNaN(p) {
				t.Fatalf("NaN probability for %q / %q", headline, body)
			}
		}
	})
}

func BenchmarkPredict(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	body := "The mayor denied on Tuesday that the city would close the library. " +
		"Reports had claimed the building was to be sold. \"That is simply not true,\" she said. " +
		"Residents had protested outside the town hall over the weekend, according to local media."
	for b.Loop() {
		m.Predict("City to close library and sell building", body)
	}
}

func BenchmarkPredictPrepared(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	body := m.Prepare("The mayor denied on Tuesday that the city would close the library. " +
		"Reports had claimed the building was to be sold. \"That is simply not true,\" she said.")
	for b.Loop() {
		m.PredictBody("City to close library and sell building", body)
	}
}
