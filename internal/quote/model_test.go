package quote

import (
	"bytes"
	"testing"
)

func TestSpeakerModelRoundTrip(t *testing.T) {
	m := &SpeakerModel{w: map[string]float64{"rule": 2.5, "pos=after|d=0": -0.125, "kind=per|cueAfter": 1}}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := LoadSpeakerModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != m.Len() {
		t.Fatalf("len = %d, want %d", got.Len(), m.Len())
	}
	for f, w := range m.w {
		if got.w[f] != w {
			t.Errorf("weight %q = %v, want %v", f, got.w[f], w)
		}
	}
	if _, err := LoadSpeakerModel(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("garbage loaded without error")
	}
}

func TestDefaultSpeakerModel(t *testing.T) {
	m, err := DefaultSpeakerModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() < 100 || m.w["rule"] <= 0 {
		t.Errorf("embedded model: %d features, rule weight %v", m.Len(), m.w["rule"])
	}
}

// TestRankerTrains checks that training on examples where the rules' pick
// is wrong and the candidate after the quote is right learns to prefer it.
func TestRankerTrains(t *testing.T) {
	var exs []speakerExample
	for i := range 50 {
		exs = append(exs, speakerExample{doc: i, rule: 0,
			feats: [][]string{{"rule", "pos=before", "bias"}, {"pos=after", "bias"}}, pos: []bool{false, true}})
	}
	for _, perceptron := range []bool{false, true} {
		var m *SpeakerModel
		if perceptron {
			m = trainPerceptron(exs, 5, 1)
		} else {
			m = trainLogistic(exs, 5, 1e-3, 1)
		}
		if r := evaluate(m, exs); r.RankRight != len(exs) || r.RuleRight != 0 {
			t.Errorf("perceptron %v: %+v", perceptron, r)
		}
	}
}
