package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func article(id, source string, day int, text string, date time.Time, dateText string) *news.Article {
	a := &news.Article{ID: id, Source: source, Text: text, Published: time.Date(2031, 3, day, 0, 0, 0, 0, time.UTC)}
	a.Sentences = []news.Span{{Start: 0, End: len(text)}}
	if i := strings.Index(text, dateText); i >= 0 && dateText != "" {
		a.Dates = []news.DateMention{{Span: news.Span{Start: i, End: i + len(dateText)}, Value: date, Precision: "day"}}
	}
	return a
}

func TestOneEventPerDateAndStatementsOfParties(t *testing.T) {
	d := time.Date(2031, 3, 8, 0, 0, 0, 0, time.UTC)
	a := article("a", "Ledger", 10, "Ferry crews walked out on March 8 over pay.", d, "March 8")
	b := article("b", "Coast", 9, "On March 8, ferry crews walked out over their pay.", d, "March 8")
	c := article("c", "Post", 12, "The union denied any strike was planned.", time.Time{}, "")
	v := news.NewStoryView("s", "t")
	v.Claims = []news.Claim{{Text: "Ferry crews are on strike", Stances: []news.StanceEntry{
		{ArticleID: "c", Stance: news.Denies, By: "the union", Voice: news.VoiceParty, Citations: []news.Citation{news.Cite("c", c.Sentences[0])}},
		{ArticleID: "a", Stance: news.Asserts, By: "", Voice: news.VoiceOutlet, Citations: []news.Citation{news.Cite("a", a.Sentences[0])}},
	}}}
	if err := (Stage{}).Build(t.Context(), v, []*news.Article{a, b, c}); err != nil {
		t.Fatal(err)
	}
	if len(v.Timeline) != 2 {
		t.Fatalf("timeline = %+v, want the walkout and the union's denial", v.Timeline)
	}
	walkout, denial := v.Timeline[0], v.Timeline[1]
	if walkout.Date != "2031-03-08" || len(walkout.Citations) != 2 || walkout.FirstReported != "b" {
		t.Errorf("walkout = %+v", walkout)
	}
	if denial.Date != "2031-03-12" || !strings.HasPrefix(denial.Text, "the union denies that Ferry crews are on strike") {
		t.Errorf("denial = %+v", denial)
	}
}

func mention(text, expr string, v time.Time, prec string, estimated bool) news.DateMention {
	i := strings.Index(text, expr)
	return news.DateMention{Span: news.Span{Start: i, End: i + len(expr)}, Value: v, Precision: prec,
		Relative: estimated, Estimated: estimated}
}

func TestTwoDatesInOneSentenceAreTwoEvents(t *testing.T) {
	text := "The minister told reporters in May 2030 that the bridge was safe, and later closed it after an inspection in October 2030."
	a := &news.Article{ID: "a", Source: "Ledger", Text: text, Published: time.Date(2031, 1, 5, 0, 0, 0, 0, time.UTC)}
	a.Sentences = []news.Span{{Start: 0, End: len(text)}}
	a.Dates = []news.DateMention{
		mention(text, "May 2030", time.Date(2030, 5, 1, 0, 0, 0, 0, time.UTC), "month", false),
		mention(text, "October 2030", time.Date(2030, 10, 1, 0, 0, 0, 0, time.UTC), "month", false),
	}
	v := timelineOf(t, a)
	if len(v.Timeline) != 2 {
		t.Fatalf("timeline = %+v, want two events", v.Timeline)
	}
	may, oct := v.Timeline[0], v.Timeline[1]
	if may.Date != "2030-05" || !strings.HasSuffix(may.Text, "the bridge was safe…") || strings.Contains(may.Text, "closed") {
		t.Errorf("May event = %+v", may)
	}
	if oct.Date != "2030-10" || !strings.HasPrefix(oct.Text, "…later closed it") {
		t.Errorf("October event = %+v", oct)
	}
	if may.Citations[0].End > oct.Citations[0].Start {
		t.Errorf("the two events cite overlapping text: %+v %+v", may.Citations, oct.Citations)
	}
}

func TestGuessedYearsMakeNoEvent(t *testing.T) {
	// b is undated: "in March" was completed against a guessed date, so its
	// year is a guess. It may join the event a dates, never make one.
	a := article("a", "Ledger", 10, "The harbour reopened on March 8, 2031 after repairs.", time.Date(2031, 3, 8, 0, 0, 0, 0, time.UTC), "March 8, 2031")
	btext := "The harbour reopened on March 8 after repairs. In February, the mayor resigned."
	b := &news.Article{ID: "b", Source: "Coast", Text: btext, PublishedEstimated: true, Published: time.Date(2031, 3, 9, 0, 0, 0, 0, time.UTC)}
	b.Sentences = []news.Span{{Start: 0, End: 46}, {Start: 47, End: len(btext)}}
	b.Dates = []news.DateMention{
		mention(btext, "March 8", time.Date(2031, 3, 8, 0, 0, 0, 0, time.UTC), "day", true),
		mention(btext, "In February", time.Date(2031, 2, 1, 0, 0, 0, 0, time.UTC), "month", true),
	}
	v := timelineOf(t, a, b)
	if len(v.Timeline) != 1 || v.Timeline[0].Date != "2031-03-08" || len(v.Timeline[0].Citations) != 2 || v.Timeline[0].DateEstimated {
		t.Fatalf("timeline = %+v, want only the reopening, cited by both", v.Timeline)
	}
}

func TestOneArticleTellsTwoEventsOfOneDate(t *testing.T) {
	text := "In June 2030, the council approved the budget. In June 2030, the council also approved a new stadium budget."
	a := &news.Article{ID: "a", Source: "Ledger", Text: text, Published: time.Date(2031, 1, 5, 0, 0, 0, 0, time.UTC)}
	a.Sentences = []news.Span{{Start: 0, End: 46}, {Start: 47, End: len(text)}}
	june := time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
	a.Dates = []news.DateMention{mention(text, "June 2030", june, "month", false),
		{Span: news.Span{Start: 50, End: 59}, Value: june, Precision: "month"}}
	v := timelineOf(t, a)
	if len(v.Timeline) != 2 {
		t.Fatalf("timeline = %+v, want two events", v.Timeline)
	}
}

func TestAQuotationCutBySentencesIsWhole(t *testing.T) {
	text := "On May 3, 2031, the mayor wrote: “NOT resigning!!! Not now. Not ever.” Reporters laughed."
	a := &news.Article{ID: "a", Source: "Ledger", Text: text, Published: time.Date(2031, 5, 4, 0, 0, 0, 0, time.UTC)}
	cut := strings.Index(text, "Not now")
	end := strings.Index(text, "Reporters")
	a.Sentences = []news.Span{{Start: 0, End: cut - 1}, {Start: cut, End: end - 1}, {Start: end, End: len(text)}}
	a.Dates = []news.DateMention{mention(text, "May 3, 2031", time.Date(2031, 5, 3, 0, 0, 0, 0, time.UTC), "day", false)}
	v := timelineOf(t, a)
	if len(v.Timeline) != 1 || !strings.HasSuffix(v.Timeline[0].Text, "Not ever.”") {
		t.Fatalf("timeline = %+v, want the quotation whole", v.Timeline)
	}
}

func TestDatelinesAndSignaturesAreNoEvents(t *testing.T) {
	for s, want := range map[string]bool{
		"— The First Lady (@FLOTUS) May 7, 2031":                                                     true,
		"Monday 08 September 2031":                                                                   true,
		"On May 7, 2031, the ministry closed the northern bridge.":                                   false,
		"From: Ada Moss To: Ivo Brandt Date: Tue, Jul 29, 2031":                                      true,
		"From: Ada Moss To: Ivo Brandt Date: Wed, Jul 30, 2031 I am tired of waiting for an answer.": true,
		"The letter from Ada Moss to the board was sent on July 29, 2031.":                           false,
	} {
		if got := eventless(s); got != want {
			t.Errorf("eventless(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestAnotherTimeInTheClause checks that a clause dated by a weekday or
// "yesterday" besides an absolute date is no event of that date: "who on
// Thursday announced his candidacy for elections on May 14" is not an
// event of May 14; a weekday that is the date's own is.
func TestAnotherTimeInTheClause(t *testing.T) {
	d := time.Date(2031, 5, 14, 0, 0, 0, 0, time.UTC) // a Wednesday
	a := article("a", "Ledger", 10, "The mayor, who on Thursday announced his candidacy for elections on May 14, 2031, spoke.", d, "May 14, 2031")
	b := article("b", "Coast", 11, "On Wednesday, May 14, 2031, the ferry crews walked out over pay.", d, "May 14, 2031")
	v := timelineOf(t, a, b)
	if len(v.Timeline) != 1 || !strings.Contains(v.Timeline[0].Text, "ferry crews") {
		t.Errorf("timeline = %+v, want only the walkout", v.Timeline)
	}
}

// What will or may happen on a date after the article is no event of that
// date; a past day told with a "would" is.
func TestForecastIsNoEvent(t *testing.T) {
	d := time.Date(2031, 5, 14, 0, 0, 0, 0, time.UTC)
	a := article("a", "Ledger", 10, "Some think the mayor will announce his run for a second term on May 14, 2031.", d, "May 14, 2031")
	b := article("b", "Coast", 11, "The ferry crews walked out over pay on May 14, 2031, the union said.", d, "May 14, 2031")
	v := timelineOf(t, a, b)
	if len(v.Timeline) != 1 || !strings.Contains(v.Timeline[0].Text, "ferry crews") {
		t.Errorf("timeline = %+v, want only the walkout", v.Timeline)
	}
	past := time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC)
	c := article("c", "Ledger", 10, "“We will not forget,” the mayor said on March 1, 2031, of the ferry.", past, "March 1, 2031")
	v = timelineOf(t, c)
	if len(v.Timeline) != 1 {
		t.Errorf("timeline = %+v, want the mayor's statement of March 1", v.Timeline)
	}
}

// An event is told in the past tense: a photo caption in the present ("A
// crowd gathers … on May 14, 2031") is none, a past telling is.
func TestCaptionIsNoEvent(t *testing.T) {
	d := time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC)
	a := article("a", "Ledger", 10, "(R) A crowd gathers outside the port office in Dover on March 1, 2031.", d, "March 1, 2031")
	b := article("b", "Coast", 11, "Two dock workers died in a fire at the port on March 1, 2031.", d, "March 1, 2031")
	v := timelineOf(t, a, b)
	if len(v.Timeline) != 1 || !strings.Contains(v.Timeline[0].Text, "died") {
		t.Errorf("timeline = %+v, want only the fire", v.Timeline)
	}
}

// timelineOf builds the timeline of a story of arts.
func timelineOf(t *testing.T, arts ...*news.Article) *news.StoryView {
	t.Helper()
	v := news.NewStoryView("s", "t")
	if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	return v
}

// "before" and "after" opening a phrase do not end a forecast's clause: "is
// expected to reveal the fares before the end of April 2031" is no event.
func TestForecastBeforeAPhrase(t *testing.T) {
	d := time.Date(2031, 4, 1, 0, 0, 0, 0, time.UTC)
	a := article("a", "Ledger", 10, "The ferry company is expected to reveal the new fares before the end of April 2031.", d, "April 2031")
	a.Dates[0].Precision = "month"
	b := article("b", "Coast", 11, "The ferry company raised its fares after a strike that ended on April 2, 2031.", time.Date(2031, 4, 2, 0, 0, 0, 0, time.UTC), "April 2, 2031")
	v := timelineOf(t, a, b)
	if len(v.Timeline) != 1 || !strings.Contains(v.Timeline[0].Text, "raised") {
		t.Errorf("timeline = %+v, want only the fare rise", v.Timeline)
	}
}

// A sentence an article repeats (a paragraph pasted twice) is one event.
func TestRepeatedSentenceIsOneEvent(t *testing.T) {
	s := "The analyst said in October 2030 that the ferry company would cut fares."
	text := s + " " + s
	a := &news.Article{ID: "a", Source: "Ledger", Text: text, Published: time.Date(2031, 1, 5, 0, 0, 0, 0, time.UTC)}
	a.Sentences = []news.Span{{Start: 0, End: len(s)}, {Start: len(s) + 1, End: len(text)}}
	oct := time.Date(2030, 10, 1, 0, 0, 0, 0, time.UTC)
	a.Dates = []news.DateMention{mention(text, "October 2030", oct, "month", false),
		{Span: news.Span{Start: len(s) + 1 + strings.Index(s, "October"), End: len(s) + 1 + strings.Index(s, "October") + 12}, Value: oct, Precision: "month"}}
	v := timelineOf(t, a)
	if len(v.Timeline) != 1 {
		t.Errorf("timeline = %+v, want one event", v.Timeline)
	}
}

// Page furniture and editors' notes are no events: "Last updated Sat 24 Jan
// 2031", "[Collected via email, October 2030]", the tail of a caption cut
// at a second date.
func TestNotesAreNoEvents(t *testing.T) {
	for _, tc := range []struct{ text, date string }{
		{"Last updated Sat 24 Jan 2031", "24 Jan 2031"},
		{"Example: [Collected via email, October 2030]", "October 2030"},
	} {
		a := article("a", "Ledger", 10, tc.text, time.Date(2030, 10, 1, 0, 0, 0, 0, time.UTC), tc.date)
		v := timelineOf(t, a)
		if len(v.Timeline) != 0 {
			t.Errorf("%q: timeline = %+v, want none", tc.text, v.Timeline)
		}
	}
	text := "He was shown in photos released by the agency on Oct. 9, 2030, at left, and on July 28, 2031, at right."
	a := &news.Article{ID: "a", Source: "Ledger", Text: text, Published: time.Date(2031, 8, 5, 0, 0, 0, 0, time.UTC)}
	a.Sentences = []news.Span{{Start: 0, End: len(text)}}
	a.Dates = []news.DateMention{mention(text, "Oct. 9, 2030", time.Date(2030, 10, 9, 0, 0, 0, 0, time.UTC), "day", false),
		mention(text, "July 28, 2031", time.Date(2031, 7, 28, 0, 0, 0, 0, time.UTC), "day", false)}
	v := timelineOf(t, a)
	for _, e := range v.Timeline {
		if e.Date == "2031-07-28" {
			t.Errorf("caption tail is an event: %+v", e)
		}
	}
}

// A photo's caption is no event, though it names a past one: "A car is
// pictured … following a shooting on Oct. 22".
func TestPhotoCaptionIsNoEvent(t *testing.T) {
	d := time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Recovered: A van thought to be the robbers' is pictured near the port following a shooting on March 1, 2031.",
		"In this photo provided by a councillor, staff barricade themselves in an office on March 1, 2031, after shots were fired.",
		"A screengrab taken on March 1, 2031 from a video released by the rebels shows the port.",
		"Rebel fighters pictured on March 1, 2031, when the group took the port, as the town burned.",
		"PHOTO: The mayor (left) speaks during a news conference held by the council on \"Safer Ports\" at the port office, March 1, 2031, in Dover.",
		"(R) A patrol boat called the Protected Tide is moored at the entrance of the port of Dover on March 1, 2031.",
	} {
		v := timelineOf(t, article("a", "Ledger", 10, text, d, "March 1, 2031"))
		if len(v.Timeline) != 0 {
			t.Errorf("%q: timeline = %+v, want none", text, v.Timeline)
		}
	}
	v := timelineOf(t, article("c", "Wire", 11, "Dockers march during a rally calling for the release of the crew who were seized at sea, in Dover March 1, 2031.", d, "March 1, 2031"))
	if len(v.Timeline) != 0 {
		t.Errorf("a wire caption's date after its place: %+v", v.Timeline)
	}
	for _, text := range []string{
		"The mayor was pictured leaving the port office on March 1, 2031.",
		"The crew were seized at sea and taken to a camp in Dover on March 1, 2031.",
		"On March 1, 2031, the mayor (pictured, left) gave a fisherman $100.",
	} {
		v := timelineOf(t, article("b", "Coast", 11, text, d, "March 1, 2031"))
		if len(v.Timeline) != 1 {
			t.Errorf("%q: a past telling dropped: %+v", text, v.Timeline)
		}
	}
}

// A date that opens a clause about what will happen dates no event: "It has
// been revealed that, on the morning of May 4, 2031, the tides will stop." A
// past report of a forecast keeps its date: "On May 4, 2031, he said he will
// run."
func TestFrontedDateOfAForecast(t *testing.T) {
	d := time.Date(2031, 5, 4, 0, 0, 0, 0, time.UTC)
	a := article("a", "Ledger", 10, "It has been revealed by a harbour master that, on the morning of May 4, 2031, an unusual tide will stop every ferry.", d, "May 4, 2031")
	b := article("b", "Coast", 11, "On May 4, 2031, the mayor said he will run again.", d, "May 4, 2031")
	v := timelineOf(t, a, b)
	if len(v.Timeline) != 1 || !strings.Contains(v.Timeline[0].Text, "mayor said") {
		t.Errorf("timeline = %+v, want only the mayor's words", v.Timeline)
	}
}

// A date inside a quoted headline is what the headline announces, not an
// event: the website titled “Harbour Will Freeze Over In December 2031!”.
func TestDateInAQuotedHeadlineIsNoEvent(t *testing.T) {
	d := time.Date(2031, 12, 1, 0, 0, 0, 0, time.UTC)
	a := article("a", "Ledger", 10, "The story on the website titled “Harbour Will Freeze Over In December 2031!” claimed a storm was to blame.", d, "December 2031")
	a.Dates[0].Precision = "month"
	b := article("b", "Coast", 11, "“We moved out in December 2031,” the tenants said of the flat.", d, "December 2031")
	b.Dates[0].Precision = "month"
	v := timelineOf(t, a, b)
	if len(v.Timeline) != 1 || !strings.Contains(v.Timeline[0].Text, "moved out") {
		t.Errorf("timeline = %+v, want only the move", v.Timeline)
	}
}
