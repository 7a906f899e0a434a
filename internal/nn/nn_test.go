package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestDenseMatchesForward(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	m := newNet(7, 5, 3, r)
	for i := range m.B1 {
		m.B1[i] = float32(r.NormFloat64())
	}
	d := m.Dense()
	x := make([]float32, 7)
	for range 20 {
		for i := range x {
			x[i] = float32(r.NormFloat64())
		}
		want := m.Predict(&Input{Dense: x})
		got := make([]float64, 3)
		d.Forward(x, got)
		for c := range got {
			if math.Abs(got[c]-want[c]) > 1e-5 {
				t.Fatalf("Dense.Forward = %v, Net.Forward = %v", got, want)
			}
		}
	}
}

func TestStandardise(t *testing.T) {
	mean, std := Standardise([][]float64{{1, 5}, {3, 5}})
	if mean[0] != 2 || mean[1] != 5 || math.Abs(std[0]-1) > 1e-5 || std[1] <= 0 {
		t.Errorf("Standardise = %v, %v", mean, std)
	}
}
