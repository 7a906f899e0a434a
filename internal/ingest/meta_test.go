package ingest

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestTitleFromText(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// A headline glued to its standfirst is cut where the standfirst starts.
		{"Will the harbour bridge reopen this winter? What we know The city council and the port authority disagree over repairs\n\nBody.",
			"Will the harbour bridge reopen this winter? What we know"},
		// A short headline with a capitalised determiner inside stays whole.
		{"Minister says The Times misquoted him\n\nBody.", "Minister says The Times misquoted him"},
		// A long sentence with a name inside: no lower-case word before "The".
		{"Fishermen across the northern coast say new quotas announced by The Ministry of Fisheries will ruin them.\n", "Fishermen across the northern coast say new quotas announced by The Ministry of Fisheries will ruin them."},
		// A long opening paragraph gives its first sentence; an abbreviation
		// ("U.S.", "Sept.") ends none.
		{"OTTAWA (CP) — U.S. and Canadian negotiators met on Sept. 3 in Ottawa to settle the lumber dispute. The talks lasted into the night, and both sides said they expected another round before the end of the month, officials said.\n",
			"U.S. and Canadian negotiators met on Sept. 3 in Ottawa to settle the lumber dispute."},
		// A dateline opens the story's first sentence, not its headline.
		{"HARBOURTON, Vale — The leader of the dock union has denied agreeing to any deal with the port.\n\nBody.",
			"The leader of the dock union has denied agreeing to any deal with the port."},
		{"(VNA) -- A woman held by the border police is not the minister's sister, officials said.\n",
			"A woman held by the border police is not the minister's sister, officials said."},
		// A line that is only a date is no title.
		{"Updated Mar. 3, 2033 11:30 a.m. EST\n\nFerry strike ends after nine days\n\nBody.", "Ferry strike ends after nine days"},
		{"March 3, 2033\nFerry strike ends after nine days", "Ferry strike ends after nine days"},
		// A headline with a date in it is a title.
		{"Ferry strike ends on March 3, 2033 after nine days\n\nBody.", "Ferry strike ends on March 3, 2033 after nine days"},
	} {
		if got := TitleFromText(c.text); got != c.want {
			t.Errorf("TitleFromText(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestTitleKeepsNamesAfterFunctionWords(t *testing.T) {
	text := "Fishermen across the northern coast protest new quotas announced by The Ministry of Fisheries on Monday\n"
	want := "Fishermen across the northern coast protest new quotas announced by The Ministry of Fisheries on Monday"
	if got := TitleFromText(text); got != want {
		t.Errorf("TitleFromText = %q, want %q", got, want)
	}
}

func TestTitleCaseHeadlineStaysWhole(t *testing.T) {
	text := "Council Tried to Help the Mayor “Find His Voice” by Setting Him Up With a Speech Coach\n\nBody."
	want := "Council Tried to Help the Mayor “Find His Voice” by Setting Him Up With a Speech Coach"
	if got := TitleFromText(text); got != want {
		t.Errorf("TitleFromText = %q, want %q", got, want)
	}
}

func TestNoOutletFromAFileName(t *testing.T) {
	a := &news.Article{Path: "crawl/articles.jsonl", Text: "Body."}
	if err := (Metadata{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if a.Source != "" || news.Outlet(a.Source, a.URL, a.Path) != "unknown (articles.jsonl)" {
		t.Errorf("source = %q, shown as %q", a.Source, news.Outlet(a.Source, a.URL, a.Path))
	}
	b := &news.Article{URL: "https://www.example.org/a", Text: "Body."}
	if err := (Metadata{}).Process(t.Context(), b); err != nil || b.Source != "example.org" {
		t.Errorf("source = %q, %v", b.Source, err)
	}
}
