package extract

import "testing"

func TestHeadlineShown(t *testing.T) {
	for _, c := range []struct {
		title, text string
		want        bool
	}{
		{"Harbour reopens", "Harbour reopens\n\nThe harbour reopened on Monday.", true},
		// the site's name joined to the headline: the headline part is in the text
		{"Coast Gazette - Local News - Harbour reopens after repairs", "Harbour reopens after repairs\n\nBody.", true},
		{"Harbour reopens after repairs", "The harbour reopened on Monday after a year of repairs.", false},
		// a short part ("News") is no headline
		{"News | Coast Gazette", "News of the day: the harbour reopened.", false},
	} {
		if got := HeadlineShown(c.title, c.text); got != c.want {
			t.Errorf("HeadlineShown(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}
