package fold

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"Khloé Kardashian": "khloe kardashian",
		"KLHOÉ":            "klhoe",
		"Łódź straße":      "lodz strasse",
		"Khloe’s":          "khloe's",
		"plain ASCII":      "plain ascii",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAlike(t *testing.T) {
	set := func(ws ...string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[w] = true
		}
		return m
	}
	small, large := set("council", "approved", "budget"), set("council", "approved", "budget", "new", "stadium", "also")
	if got := Overlap(small, large); got != 1 {
		t.Errorf("Overlap = %v, want 1", got)
	}
	if got := Alike(small, large); got != 0.5 {
		t.Errorf("Alike = %v, want 0.5", got)
	}
	if got := Alike(large, set("council", "approved", "budget", "new", "stadium", "also")); got != 1 {
		t.Errorf("Alike of equal sets = %v", got)
	}
	if Alike(set(), set()) != 0 {
		t.Error("Alike of empty sets")
	}
}
