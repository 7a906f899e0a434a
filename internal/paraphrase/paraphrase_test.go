package paraphrase

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
)

// Floors of the embedded model on mrpc/val.tsv (the recorded scores minus a
// small margin; see docs/models.md).
const (
	valAccuracyFloor = 0.79
	valF1Floor       = 0.85
)

func TestValFloor(t *testing.T) {
	path := datadir.Require(t, "mrpc/val.tsv")
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := ReadMRPC(path)
	if err != nil {
		t.Fatal(err)
	}
	gold := make([]bool, len(pairs))
	pred := make([]bool, len(pairs))
	for i, p := range pairs {
		gold[i] = p.Same
		pred[i] = m.Same(p.A, p.B)
	}
	s := Score(gold, pred)
	t.Logf("MRPC val: accuracy %.4f precision %.4f recall %.4f F1 %.4f", s.Accuracy, s.Precision, s.Recall, s.F1)
	if s.Accuracy < valAccuracyFloor || s.F1 < valF1Floor {
		t.Errorf("MRPC val below floor: accuracy %.4f (floor %.2f), F1 %.4f (floor %.2f)",
			s.Accuracy, valAccuracyFloor, s.F1, valF1Floor)
	}
}

func TestSame(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		a, b string
		same bool
	}{
		// Politics.
		{"The Senate passed the budget bill on Thursday by a vote of 62 to 38.",
			"On Thursday the Senate approved the budget bill, 62 votes to 38.", true},
		{"The Senate passed the budget bill on Thursday by a vote of 62 to 38.",
			"The governor said she would veto any bill that raised taxes on small businesses.", false},
		// Business.
		{"Shares of the carmaker fell 4 percent to $31.20 after it cut its profit forecast.",
			"The carmaker's shares dropped 4 percent to $31.20 after the company lowered its profit forecast.", true},
		{"Shares of the carmaker fell 4 percent to $31.20 after it cut its profit forecast.",
			"The airline said it would hire 2,000 pilots over the next three years.", false},
		// Science.
		{"Researchers said the new vaccine protected 90 percent of the volunteers in the trial.",
			"The new vaccine protected 90 percent of trial volunteers, the researchers said.", true},
		{"Researchers said the new vaccine protected 90 percent of the volunteers in the trial.",
			"Astronomers have found water ice in a crater near the moon's south pole.", false},
	}
	for _, tt := range tests {
		p := m.Prob(tt.a, tt.b)
		if got := m.Same(tt.a, tt.b); got != tt.same {
			t.Errorf("Same(%q, %q) = %v (prob %.3f, threshold %.3f), want %v", tt.a, tt.b, got, p, m.Threshold(), tt.same)
		}
		if q := m.Prob(tt.b, tt.a); math.Abs(p-q) > 1e-9 {
			t.Errorf("Prob is not symmetric: %.6f vs %.6f for %q / %q", p, q, tt.a, tt.b)
		}
	}
}

func TestProbPreparedAllocs(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := m.Prepare("The central bank raised interest rates by a quarter point on Wednesday.")
	b := m.Prepare("On Wednesday the central bank lifted rates by 25 basis points.")
	if n := testing.AllocsPerRun(100, func() { m.ProbPrepared(a, b) }); n != 0 {
		t.Errorf("ProbPrepared allocates %.0f times per pair", n)
	}
	if p, q := m.ProbPrepared(a, b), m.Prob("The central bank raised interest rates by a quarter point on Wednesday.",
		"On Wednesday the central bank lifted rates by 25 basis points."); p != q {
		t.Errorf("ProbPrepared %.6f != Prob %.6f", p, q)
	}
}

func TestConcurrentUse(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a, b := "Oil prices rose on Monday.", "On Monday, the price of oil went up."
	want := m.Prob(a, b)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				if got := m.Prob(a, b); got != want {
					t.Errorf("concurrent Prob = %v, want %v", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
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
	a, b := "The mayor denied the report.", "The report was denied by the mayor on Monday."
	if p1, p2 := m.Prob(a, b), m2.Prob(a, b); math.Abs(p1-p2) > 0.02 || m.Threshold() != m2.Threshold() {
		t.Errorf("round trip changed the model: %.4f vs %.4f", p1, p2)
	}
	if _, err := LoadBytes([]byte("not a model")); err == nil {
		t.Error("garbage loaded as a model")
	}
}

func TestFeatureNames(t *testing.T) {
	if len(featureNames) != nFeatures {
		t.Fatalf("%d feature names, nFeatures = %d", len(featureNames), nFeatures)
	}
}

func TestNumbers(t *testing.T) {
	a := numbers("Revenue rose 4.5% to $2,300 million, from 2,300.")
	b := numbers("4.5 and 2300")
	if overlap(a, b) != 2 || len(a) != 2 {
		t.Errorf("numbers: %d in a, %d shared; want 2 and 2", len(a), overlap(a, b))
	}
}

func TestBestThreshold(t *testing.T) {
	probs := []float64{0.1, 0.2, 0.3, 0.6, 0.7, 0.9}
	gold := []bool{false, false, true, false, true, true}
	// Best: negatives below 0.3 or below 0.7 (5 of 6 right); the first wins.
	if th := bestThreshold(probs, gold); th != 0.25 {
		t.Errorf("threshold %.3f, want 0.25", th)
	}
	if th := bestThreshold([]float64{0.2, 0.4}, []bool{true, true}); th > 0.2 {
		t.Errorf("all positive: threshold %.3f above every probability", th)
	}
}

func TestReadMRPC(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	os.WriteFile(good, []byte("\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA b.\tB a.\n0\t3\t4\tC.\tD.\n"), 0o644)
	pairs, err := ReadMRPC(good)
	if err != nil || len(pairs) != 2 || !pairs[0].Same || pairs[1].Same || pairs[1].B != "D." {
		t.Errorf("ReadMRPC = %+v, %v", pairs, err)
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("header\n2\t1\t2\ta\tb\n"), 0o644)
	if _, err := ReadMRPC(bad); err == nil {
		t.Error("quality 2 accepted")
	}
}

func FuzzProb(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The vote was 52-48.", "52 to 48, the vote went.")
	f.Add("", "")
	f.Add("’’’ ... !!!", "Ünïcödé 1,000.5,5")
	f.Fuzz(func(t *testing.T, a, b string) {
		p := m.Prob(a, b)
		if math.IsNaN(p) || p < 0 || p > 1 {
			t.Fatalf("Prob(%q, %q) = %v", a, b, p)
		}
	})
}

func BenchmarkProbPrepared(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	x := m.Prepare("Shares of the carmaker fell 4 percent to $31.20 on Tuesday after it cut its full-year profit forecast, citing weaker demand in China.")
	y := m.Prepare("The carmaker's stock dropped 4 percent to $31.20 after the company lowered its profit outlook for the year.")
	for b.Loop() {
		m.ProbPrepared(x, y)
	}
}

func BenchmarkPrepare(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		m.Prepare("Shares of the carmaker fell 4 percent to $31.20 on Tuesday after it cut its full-year profit forecast, citing weaker demand in China.")
	}
}
