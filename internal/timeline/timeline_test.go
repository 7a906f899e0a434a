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
