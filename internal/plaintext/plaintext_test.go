package plaintext

import (
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte("Zürich café"), "Zürich café"},
		{"latin-1", []byte("Z\xfcrich caf\xe9, \xab d\xe9j\xe0 vu \xbb"), "Zürich café, « déjà vu »"},
		{"windows-1252 quotes", []byte("\x93Hello\x94 \x96 world"), "\u201cHello\u201d \u2013 world"},
		{"utf-8 with one bad byte", []byte("Zürich café and cr\xe8me brûlée à la carte"), "Zürich café and cr\uFFFDme brûlée à la carte"},
	} {
		got := Decode(c.in)
		if got != c.want || !utf8.ValidString(got) {
			t.Errorf("%s: Decode = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestStrip(t *testing.T) {
	for in, want := range map[string]string{
		"plain text\n\twith tabs":            "plain text\n\twith tabs",
		"bell\a and escape \x1b[2J cleared":  "bell and escape [2J cleared",
		"nul\x00 inside":                     "nul inside",
		"page\fbreak":                        "page\nbreak",
		"title \u202egnp.exe\u202c":          "title gnp.exe",
		"\ufeffbom and \u0085 next line":     "bom and  next line",
		"isolate \u2067x\u2069 and arabic ع": "isolate x and arabic ع",
	} {
		if got := Strip(in); got != want {
			t.Errorf("Strip(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRestoreBreaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"He is like Magneto.nnIvo Brandt, 12, said: \"I can.\"nnHe smiled.", "He is like Magneto.\n\nIvo Brandt, 12, said: \"I can.\"\n\nHe smiled."},
		{"One lost break.nnHe smiled.", "One lost break.nnHe smiled."},                           // one is no pattern
		{"Some kept.\n\nThen.nnAnd so.nnBy then.", "Some kept.\n\nThen.\n\nAnd so.\n\nBy then."}, // some breaks kept
		{"The Wynn hotel and the Penn station.", "The Wynn hotel and the Penn station."},         // no sentence end before
	} {
		if got := RestoreBreaks(tc.in); got != tc.want {
			t.Errorf("RestoreBreaks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
