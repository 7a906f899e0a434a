package dedup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khloé’s rep: “I’ve” said", "khloes rep ive said"},
		{"the Jones' car", "the jones car"},
		{"365 Days, D&G", "365 days d g"},
	}
	for _, tc := range tests {
		var got []string
		for _, w := range Words(tc.in) {
			got = append(got, w.Norm)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}

func FuzzWords(f *testing.F) {
	f.Add("Khloé’s rep: “I’ve” said")
	f.Add("a'\xffb’")
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, w := range Words(s) {
			if w.Span[0] < last || w.Span[1] <= w.Span[0] || w.Span[1] > len(s) || w.Norm == "" {
				t.Fatalf("bad word %+v in %q", w, s)
			}
			if !utf8.ValidString(w.Norm) && utf8.ValidString(s) {
				t.Fatalf("invalid norm %q", w.Norm)
			}
			last = w.Span[1]
		}
	})
}

func TestShared(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       []string // matched text in a
	}{
		{"edited tweet", "Fans wrote: Khloe Kardashian and Michele Morrone (Massimo) is a duo I never knew I needed. Others agreed.",
			"One said: \"Khloe Kardashian and Michele Morrone are a duo I never knew I needed,\" and more.",
			[]string{"Khloe Kardashian and Michele Morrone (Massimo) is a duo I never knew I needed"}},
		{"names only", "Khloe Kardashian and Michele Morrone were seen in Milan.", "Photos of Khloe Kardashian and Michele Morrone went viral.", nil},
		{"nothing", "The tram line grows by four kilometres.", "An earthquake shook Chile on Tuesday.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := Shared(Prepare(tc.a), Prepare(tc.b))
			var got []string
			for _, m := range ms {
				got = append(got, tc.a[m.A[0]:m.A[1]])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMinHashNearDuplicate(t *testing.T) {
	base := strings.Repeat("the council voted to extend the tram line by four kilometres adding six stops ", 3) +
		"construction starts next spring and lasts two years said the mayor on monday"
	edited := strings.Replace(base, "next spring", "in april", 1)
	other := "a strong earthquake shook the coast of northern chile on tuesday and no damage was reported by officials in the region"
	if s := Similarity(MinHash(base), MinHash(edited)); s < NearDupJacc {
		t.Errorf("edited copy similarity %.2f < %.2f", s, NearDupJacc)
	}
	if s := Similarity(MinHash(base), MinHash(other)); s >= 0.2 {
		t.Errorf("unrelated similarity %.2f", s)
	}
	l := NewLSH()
	l.Add("base", MinHash(base))
	if c := l.Candidates(MinHash(edited)); len(c) != 1 || c[0] != "base" {
		t.Errorf("LSH candidates %v", c)
	}
}

func BenchmarkShared(b *testing.B) {
	a := Prepare(strings.Repeat("khloe kardashian and michele morrone are a duo i never knew i needed said fans ", 40))
	c := Prepare(strings.Repeat("michele morrone is a duo i never knew i needed wrote a fan on twitter today ", 40))
	for b.Loop() {
		Shared(a, c)
	}
}

// A text cache gives the passages Shared gives, and keeps them by the pair
// of keys (in order: the pair reversed is another comparison).
func TestTextCacheShared(t *testing.T) {
	a := "The council said on Monday that the new tram line will open in the spring of next year, after two delays."
	b := "Residents were told: the council said on Monday that the new tram line will open in the spring of next year."
	c := NewTextCache(1 << 20)
	ta, tb := c.Prepare("a/1", a), c.Prepare("b/1", b)
	want := Shared(ta, tb)
	if len(want) != 1 {
		t.Fatalf("Shared found %d passages, want 1", len(want))
	}
	got := c.Shared("a/1", "b/1", ta, tb)
	if len(got) != 1 || got[0] != want[0] {
		t.Fatalf("cached Shared = %+v, want %+v", got, want)
	}
	if again := c.Shared("a/1", "b/1", ta, tb); &again[0] != &got[0] {
		t.Error("the second call compared the texts again")
	}
	if rev := c.Shared("b/1", "a/1", tb, ta); len(rev) != 1 || rev[0].A != want[0].B {
		t.Errorf("reversed pair = %+v, want the spans swapped", rev)
	}
}
