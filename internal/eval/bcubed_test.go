package eval

import (
	"math"
	"testing"
)

func TestBCubed(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred map[string]string
		p, r       float64
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "2"}, map[string]string{"a": "x", "b": "x", "c": "y"}, 1, 1},
		{"all in one", map[string]string{"a": "1", "b": "1", "c": "2", "d": "2"}, map[string]string{"a": "x", "b": "x", "c": "x", "d": "x"}, 0.5, 1},
		{"all apart", map[string]string{"a": "1", "b": "1", "c": "2", "d": "2"}, map[string]string{"a": "w", "b": "x", "c": "y", "d": "z"}, 1, 0.5},
		{"missing are singletons", map[string]string{"a": "1", "b": "1"}, map[string]string{}, 1, 0.5},
		// a,b,c gold 1; d gold 2; pred {a,b} {c,d}:
		// precision a=1 b=1 c=1/2 d=1/2 -> 0.75; recall a=2/3 b=2/3 c=1/3 d=1 -> 2/3
		{"mixed", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2"}, map[string]string{"a": "x", "b": "x", "c": "y", "d": "y"}, 0.75, 2.0 / 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, r, f := BCubed(tc.gold, tc.pred)
			if math.Abs(p-tc.p) > 1e-9 || math.Abs(r-tc.r) > 1e-9 {
				t.Fatalf("BCubed = %.4f, %.4f; want %.4f, %.4f", p, r, tc.p, tc.r)
			}
			if want := 2 * tc.p * tc.r / (tc.p + tc.r); math.Abs(f-want) > 1e-9 {
				t.Fatalf("F1 = %.4f, want %.4f", f, want)
			}
		})
	}
}
