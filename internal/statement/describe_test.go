package statement

import "testing"

func TestTrimSpeaker(t *testing.T) {
	for in, want := range map[string]string{"David Klinger and Tom Fuentes both": "David Klinger and Tom Fuentes",
		"the ministry itself": "the ministry itself", "officials also": "officials", "Ada": "Ada"} {
		if got := trimSpeaker(in); got != want {
			t.Errorf("trimSpeaker(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhraseVoice(t *testing.T) {
	for in, want := range map[string]string{"Saudi officials": "official", "a source close to the family": "anonymous",
		"the Times": "media", "Amazon": "named", "the Texas Department of State Health Services": "official"} {
		if got := PhraseVoice(in); got != want {
			t.Errorf("PhraseVoice(%q) = %q, want %q", in, got, want)
		}
	}
}
