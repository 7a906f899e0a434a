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
