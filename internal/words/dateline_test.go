package words

import "testing"

func TestTrimDateline(t *testing.T) {
	for in, want := range map[string]string{
		"LONDON — The port reopened on Monday.":           "The port reopened on Monday.",
		"HARBOURTON, Vale (Reuters) - Ferries ran again.": "Ferries ran again.",
		"(VNA) -- A woman was freed.":                     "A woman was freed.",
		"UPDATE 2: Ferries ran again.":                    "Ferries ran again.",
		"Ferries ran again on Monday, officials said.":    "Ferries ran again on Monday, officials said.",
		"The port reopened - and the ferries ran again.":  "The port reopened - and the ferries ran again.",
		"LONDON —": "LONDON —",
		"HARBOURTON, Vale—A ferry ran aground on Monday.": "A ferry ran aground on Monday.",
		"The NATO-led force left.":                        "The NATO-led force left.",
		"US—China trade talks resumed.":                   "US—China trade talks resumed.",
	} {
		if got := TrimDateline(in); got != want {
			t.Errorf("TrimDateline(%q) = %q, want %q", in, got, want)
		}
	}
}
