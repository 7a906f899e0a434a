package cluster

import (
	"bytes"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	m := DefaultModel()
	if m == nil {
		t.Fatal("embedded story model does not load")
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Threshold != m.Threshold || got.MergeThreshold != m.MergeThreshold || got.SplitLink != m.SplitLink {
		t.Errorf("thresholds %+v, want %+v", got, m)
	}
	for i := range m.Weights {
		if d := got.Weights[i] - m.Weights[i]; d > 1e-5 || d < -1e-5 {
			t.Errorf("weight %s: %g, want %g", FeatureNames[i], got.Weights[i], m.Weights[i])
		}
	}
	if len(got.ArticleWeights) != len(ArticleFeatureNames) || got.SplitProb != m.SplitProb || got.SplitMin != m.SplitMin ||
		got.LinkProb != m.LinkProb {
		t.Fatalf("article model: %d weights, split prob %g; want %d, %g", len(got.ArticleWeights), got.SplitProb,
			len(ArticleFeatureNames), m.SplitProb)
	}
	if len(got.LinkWeights) != len(m.LinkWeights) {
		t.Fatalf("story-pair model: %d weights, want %d", len(got.LinkWeights), len(m.LinkWeights))
	}
	for i := range m.LinkWeights {
		if d := got.LinkWeights[i] - m.LinkWeights[i]; d > 1e-5 || d < -1e-5 {
			t.Errorf("story-pair weight %s: %g, want %g", LinkFeatureNames[i], got.LinkWeights[i], m.LinkWeights[i])
		}
	}
	for i := range m.ArticleWeights {
		if d := got.ArticleWeights[i] - m.ArticleWeights[i]; d > 1e-5 || d < -1e-5 {
			t.Errorf("article weight %s: %g, want %g", ArticleFeatureNames[i], got.ArticleWeights[i], m.ArticleWeights[i])
		}
	}
	if _, err := ReadModel(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("ReadModel accepted garbage")
	}
}

func TestFitLogistic(t *testing.T) {
	tests := []struct {
		name string
		x    [][]float64
		y    []bool
		sign float64 // expected sign of the feature weight
	}{
		{"positive", [][]float64{{1, 0}, {1, 0.2}, {1, 0.8}, {1, 1}, {1, 0.4}, {1, 0.6}}, []bool{false, false, true, true, false, true}, 1},
		{"negative", [][]float64{{1, 0}, {1, 0.2}, {1, 0.8}, {1, 1}, {1, 0.4}, {1, 0.6}}, []bool{true, true, false, false, true, false}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := FitLogistic(tc.x, tc.y, 0.1)
			if w[1]*tc.sign <= 0 {
				t.Errorf("weight %g, want sign %g", w[1], tc.sign)
			}
			m := &Model{Weights: w}
			for i, x := range tc.x {
				if p := m.Prob(x); (p >= 0.5) != tc.y[i] {
					t.Errorf("row %d: probability %.3f, label %v", i, p, tc.y[i])
				}
			}
		})
	}
}
