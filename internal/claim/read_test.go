package claim

import (
	"strings"
	"testing"
)

func TestDebunkIn(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"The photo is an obvious fake, but the company could cash in.", debunkSure},
		{"A fake news story was published this week claiming the mayor resigned.", debunkSure},
		{"Engineers disguised the device with a fake casing during field tests.", debunkNone},
		{"She joined the French satirical magazine in 2009.", debunkNone},
		{"The rest of the market will be made up by other manufacturers.", debunkNone},
		{"The quotes were made up by a blogger.", debunkSure},
		{"Several readers have reported that this may be a hoax.", debunkHedged},
		{"Many will question if it's a fake.", debunkHedged},
		{"Is the story a hoax?", debunkHedged},
		{"The footage was shared after false reports came out about the school.", debunkSure},
	} {
		if got := debunkIn(c.text, strings.ToLower(c.text)); got != c.want {
			t.Errorf("debunkIn(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

func TestNegates(t *testing.T) {
	main := candidate{words: contentWords("The mayor of Springfield was arrested for fraud")}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The mayor has not been arrested, police said.", true},
		{"The mayor has not been seen in public for a week, fuelling talk of an arrest.", false},
		{"It is not the first time the town hall has made headlines.", false},
		{"Prosecutors confirmed that he did not face any fraud charge.", true},
	} {
		if got := negates(c.text, main); got != c.want {
			t.Errorf("negates(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestUnnamedOfficials(t *testing.T) {
	for by, want := range map[string]bool{
		"senior western intelligence officials": true,
		"officials":                             true,
		"U.S. officials":                        false,
		"Nigerian officials":                    false,
		"the Interior Ministry":                 false,
	} {
		if got := unnamedOfficials(by); got != want {
			t.Errorf("unnamedOfficials(%q) = %v, want %v", by, got, want)
		}
	}
}
