package statement

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestTrimSpeaker(t *testing.T) {
	for in, want := range map[string]string{"David Klinger and Tom Fuentes both": "David Klinger and Tom Fuentes",
		"the ministry itself": "the ministry itself", "officials also": "officials", "Ada": "Ada",
		"Monday some news sites": "some news sites", "On Friday, officials": "officials", "Monday": "Monday",
		"But a Pentagon official": "a Pentagon official", "although Turkey": "Turkey", "While the UN": "the UN", "Vanity Fair reached out to the actor's reps": "Vanity Fair",
		"Defense officials had waited several days": "Defense officials", "that": "",
		"NOT KIM'S FIRST ABSENCE North Korean officials": "North Korean officials", "NASA officials": "NASA officials",
		"the unnamed officials": "the unnamed officials", "US intelligence officials": "US intelligence officials",
		"WASHINGTON -- Homeland Security Secretary Ada Moss":           "Homeland Security Secretary Ada Moss",
		"OTTAWA, Ontario—Police":                                       "Police",
		"The rumour became unstoppable a week later":                   "The rumour",
		"the left wing of the party":                                   "the left wing of the party",
		"Jean-Luc Moss - the mayor":                                    "Jean-Luc Moss - the mayor",
		"The port authority flatly rejected the theory that smugglers": "The port authority",
		"the early reports":                                            "the early reports",
		"Harbour spokesman Omar al-Vale warned that further harm":      "Harbour spokesman Omar al-Vale",
	} {
		if got := TrimSource(in); got != want {
			t.Errorf("TrimSource(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhraseVoice(t *testing.T) {
	for in, want := range map[string]string{"Saudi officials": "official", "a source close to the family": "anonymous",
		"An army officer, speaking anonymously": "anonymous", "a police officer who declined to be named": "anonymous",
		"a ministry official not authorized to speak publicly": "anonymous",
		"the Times": "media", "Amazon": "named", "the Texas Department of State Health Services": "official",
		"The official": "anonymous", "two senior officials": "anonymous", "health officials": "official",
		"a Pentagon official": "official"} {
		if got := PhraseVoice(in); got != want {
			t.Errorf("PhraseVoice(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSourceEndingInPronoun checks that a source phrase read up to the
// subject pronoun of the clause after it ("Orbix announced Thursday it
// [plans]") is the name in it.
func TestSourceEndingInPronoun(t *testing.T) {
	text := "Online retailer Orbix announced Thursday it plans to open a store in Leeds, Orbix officials said."
	sp := func(s string) news.Span {
		i := strings.Index(text, s)
		return news.Span{Start: i, End: i + len(s)}
	}
	a := &news.Article{Text: text}
	a.Mentions = []news.Mention{{Span: sp("Orbix"), Text: "Orbix", Name: "Orbix", Key: "org:orbix", Type: news.ORG}}
	for _, tc := range []struct{ source, want string }{
		{"Online retailer Orbix announced Thursday it", "Orbix"},
		{"Online retailer Orbix", "Orbix"},     // the name heads the phrase
		{"Orbix officials", "Orbix officials"}, // the name modifies the head
	} {
		src := sp(tc.source)
		if tc.source == "Orbix officials" {
			src = news.Span{Start: strings.LastIndex(text, tc.source), End: strings.LastIndex(text, tc.source) + len(tc.source)}
		}
		st := news.Statement{Source: src, Cue: sp("plans"), Content: sp("to open a store in Leeds")}
		var buf []string
		describe(a, prepare(text, nil, nil), &st, &buf)
		if st.By != tc.want {
			t.Errorf("source %q: by = %q, want %q", tc.source, st.By, tc.want)
		}
	}
}

func TestHeadGap(t *testing.T) {
	for gap, want := range map[string]bool{" family ": true, " lawyers ": true, " campaign team ": true,
		" later ": false, " now ": false, " reportedly ": false, " has ": false, ", ": false, " and ": false, "": false} {
		if got := headGap(gap); got != want {
			t.Errorf("headGap(%q) = %v, want %v", gap, got, want)
		}
	}
}

// A person named before "of" and an organisation is the source's head.
func TestPersonOfAnOrganisation(t *testing.T) {
	text := "Sgt Ada Moss of Verrin Police said the pensioner was left feeling confused and upset."
	a := &news.Article{Text: text}
	a.Mentions = []news.Mention{
		{Span: news.Span{Start: 4, End: 12}, Text: "Ada Moss", Name: "Ada Moss", Key: "per:ada moss", Type: news.PER},
		{Span: news.Span{Start: 16, End: 29}, Text: "Verrin Police", Name: "Verrin Police", Key: "org:verrin police", Type: news.ORG}}
	if err := (Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	for _, st := range a.Statements {
		if st.Kind == "indirect" && st.By != "Ada Moss" {
			t.Errorf("by = %q, want Ada Moss (source %q)", st.By, st.Source.Text(text))
		}
	}
}
