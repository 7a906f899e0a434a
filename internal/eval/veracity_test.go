package eval

import "testing"

func TestScoreVeracity(t *testing.T) {
	g := &VeracityGold{
		Articles: map[string]string{"a": "g1", "b": "g1", "c": "g2", "d": "g3"},
		Stories: map[string]VeracityStory{
			"g1": {Truth: "true"}, "g2": {Truth: "false"}, "g3": {Truth: "unknown"},
		},
	}
	pred := map[string]string{"a": "s1", "b": "s1", "c": "s2", "d": "s2"}
	stories := map[string]PredictedStory{"s1": {Status: "confirmed"}, "s2": {Status: "denied"}}
	rows, share := ScoreVeracity(g, pred, stories)
	if len(rows) != 3 || !rows[0].Right || !rows[1].Right || rows[2].Right {
		t.Fatalf("rows = %+v", rows)
	}
	if share < 0.66 || share > 0.67 {
		t.Errorf("share = %v, want 2/3", share)
	}
	if rows[0].Held != 2 || rows[0].Story != "s1" {
		t.Errorf("row 0 = %+v", rows[0])
	}
}

func TestStatusRight(t *testing.T) {
	for _, c := range []struct {
		truth, status string
		want          bool
	}{
		{"true", "confirmed", true}, {"true", "disputed", false},
		{"false", "denied", true}, {"false", "disputed", true}, {"false", "unverified", false},
		{"unknown", "unverified", true}, {"unknown", "disputed", true}, {"unknown", "denied", false},
		{"unknown", "", false},
	} {
		if got := StatusRight(c.truth, c.status); got != c.want {
			t.Errorf("StatusRight(%q, %q) = %v", c.truth, c.status, got)
		}
	}
}
