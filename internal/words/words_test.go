package words

import (
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Apple didn't sell 19M watches!", []string{"apple", "didn't", "sell", "19m", "watches"}},
		{"  'quoted' words’ ", []string{"quoted", "words"}},
		{"", nil},
		{"Über-cool café", []string{"über", "cool", "café"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := map[string]string{
		"denies": "deny", "denied": "deny", "deny": "deny", "reports": "report", "reported": "report",
		"boxes": "box", "glass": "glass", "virus": "virus", "dating": "dat", "isis": "isi", "cat": "cat",
	}
	for in, want := range tests {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContentAndNegation(t *testing.T) {
	if got, want := Content(Tokens("The reports said he denied it")), []string{"report", "deny"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Content = %q, want %q", got, want)
	}
	if !IsNegation("didn't") || IsNegation("did") || !IsStopword("the") || IsStopword("report") {
		t.Error("word classes wrong")
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 stories", 1: "1 story", 2: "2 stories"} {
		if got := Count(n, "story"); got != want {
			t.Errorf("Count(%d, story) = %q, want %q", n, got, want)
		}
	}
	if got := Count(3, "day"); got != "3 days" {
		t.Errorf("Count(3, day) = %q", got)
	}
}

func TestInClause(t *testing.T) {
	for in, want := range map[string]string{
		"The town was closed":   "the town was closed",
		"Their deal fell apart": "their deal fell apart",
		"Tesla cut prices":      "Tesla cut prices",
		"Theresa May resigned":  "Theresa May resigned",
		"A":                     "a",
		"":                      "",
	} {
		if got := InClause(in); got != want {
			t.Errorf("InClause(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSome(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"A", "B", "C"}, "A, B, C"},
		{[]string{"A", "B", "C", "D"}, "A, B, C and 1 other outlet"},
		{[]string{"A", "B", "C", "D", "E"}, "A, B, C and 2 other outlets"},
	} {
		if got := Some(tc.in, 3, "outlet"); got != tc.want {
			t.Errorf("Some(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAllCapsAndIndefinite(t *testing.T) {
	for w, want := range map[string]bool{"FAKE": true, "CEO": true, "U.S.": true, "A": false, "Fake": false, "iPhone": false, "2005": false} {
		if AllCaps(w) != want {
			t.Errorf("AllCaps(%q) = %v", w, !want)
		}
	}
	if !IsIndefinite("a") || !IsIndefinite("an") || IsIndefinite("A") || IsIndefinite("the") {
		t.Error("IsIndefinite")
	}
}
