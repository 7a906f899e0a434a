package dates

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// ref is a Tuesday.
var ref = time.Date(2022, 9, 27, 14, 30, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	tests := []struct {
		text      string
		match     string // the expected span's text; "" expects no mention
		value     string // YYYY-MM-DD
		precision string
		relative  bool
	}{
		{"It was posted on Sept. 24, 2022, backstage.", "Sept. 24, 2022", "2022-09-24", Day, false},
		{"It was posted on September 24 2022.", "September 24 2022", "2022-09-24", Day, false},
		{"Dated 24 September 2022 in Milan.", "24 September 2022", "2022-09-24", Day, false},
		{"Updated 2022-09-26 at noon.", "2022-09-26", "2022-09-26", Day, false},
		{"He told People in June 2022 that he was single.", "June 2022", "2022-06-01", Month, false},
		{"In a June 15 episode of the show.", "June 15", "2022-06-15", Day, true},
		{"After the show, on September 24, he posted.", "September 24", "2022-09-24", Day, true},
		{"The party is on December 30.", "December 30", "2022-12-30", Day, true},
		{"It was seen on May 25, 2022 in Cannes.", "May 25, 2022", "2022-05-25", Day, false},
		{"The film dropped on Netflix in August.", "in August", "2022-08-01", Month, true},
		{"The series hit Netflix in 2020.", "in 2020", "2020-01-01", Year, false},
		{"Speaking to TODAY earlier this year, she said.", "earlier this year", "2022-01-01", Year, true},
		{"They met for the first time this weekend.", "this weekend", "2022-09-24", Day, true},
		{"They met over the weekend.", "over the weekend", "2022-09-24", Day, true},
		{"The baby made his debut on TV on Thursday.", "Thursday", "2022-09-22", Day, true},
		{"She posted it last Tuesday.", "last Tuesday", "2022-09-20", Day, true},
		{"The next episode airs next Friday.", "next Friday", "2022-09-30", Day, true},
		{"The rumour started last month.", "last month", "2022-08-01", Month, true},
		{"He said so yesterday.", "yesterday", "2022-09-26", Day, true},
		{"The photo went viral three days ago.", "three days ago", "2022-09-24", Day, true},
		{"Khloe may be dating again.", "", "", "", false},
		{"She will march on.", "", "", "", false},
		{"The 365 Days star is 31.", "", "", "", false},
		{"Invalid: February 30, 2022.", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := Find(tt.text, ref)
			if tt.match == "" {
				if len(got) != 0 {
					t.Fatalf("Find(%q) = %+v, want nothing", tt.text, got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("Find(%q) = %+v, want one mention", tt.text, got)
			}
			d := got[0]
			if s := d.Span.Text(tt.text); s != tt.match {
				t.Errorf("span %q, want %q", s, tt.match)
			}
			if v := d.Value.Format("2006-01-02"); v != tt.value || d.Precision != tt.precision || d.Relative != tt.relative {
				t.Errorf("got %s %s relative=%v, want %s %s relative=%v", v, d.Precision, d.Relative, tt.value, tt.precision, tt.relative)
			}
		})
	}
}

func TestFindWithoutReference(t *testing.T) {
	got := Find("On Thursday, September 24, after the 2022-09-26 show, last month.", time.Time{})
	if len(got) != 1 || got[0].Value.Format("2006-01-02") != "2022-09-26" {
		t.Errorf("without a reference date only absolute dates: got %+v", got)
	}
}

func TestLatest(t *testing.T) {
	tests := []struct {
		text string
		want string // "" for none
	}{
		{"On Sept. 24, 2022 he posted; by 2022-09-26 it was everywhere; on June 15 it aired.", "2022-09-26"},
		{"It aired on June 15 and again in August 2023.", "2023-08-01"}, // a month bounds it; June 15 has no year
		{"No dates here.", ""},
		{"Born 3 March 1991, he moved on May 25, 2022.", "2022-05-25"},
	}
	for _, tt := range tests {
		got, ok := Latest(tt.text)
		if tt.want == "" {
			if ok {
				t.Errorf("Latest(%q) = %v, want none", tt.text, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("Latest(%q) = %v %v, want %s", tt.text, got, ok, tt.want)
		}
	}
}

func TestStage(t *testing.T) {
	tests := []struct {
		name          string
		a             news.Article
		wantPublished string
		wantEstimated bool
	}{
		{"published known", news.Article{Text: "It happened on Thursday.", Published: ref}, "2022-09-27", false},
		{"estimated from text", news.Article{Text: "On Sept. 24, 2022 it began. It ended on Thursday."}, "2022-09-24", true},
		{"no date at all", news.Article{Text: "It ended on Thursday."}, "0001-01-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			if err := (Stage{}).Process(t.Context(), &a); err != nil {
				t.Fatal(err)
			}
			if got := a.Published.Format("2006-01-02"); got != tt.wantPublished || a.PublishedEstimated != tt.wantEstimated {
				t.Errorf("published %s estimated=%v, want %s %v", got, a.PublishedEstimated, tt.wantPublished, tt.wantEstimated)
			}
			for _, d := range a.Dates {
				if d.Estimated != (tt.wantEstimated && d.Relative) {
					t.Errorf("mention %q estimated=%v", d.Span.Text(a.Text), d.Estimated)
				}
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Sept. 24, 2022", "on Thursday this weekend", "in June 2022 and June 15", "2022-02-30", "12 days ago", "in the 1890s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := -1
		for _, d := range Find(text, ref) {
			if d.Span.Start < 0 || d.Span.End > len(text) || d.Span.Start >= d.Span.End {
				t.Fatalf("bad span %+v for %q", d.Span, text)
			}
			if d.Span.Start < prev {
				t.Fatalf("overlapping or unordered mentions in %q", text)
			}
			prev = d.Span.End
			if d.Value.IsZero() {
				t.Fatalf("zero value for %q", d.Span.Text(text))
			}
		}
		Latest(text)
	})
}

func BenchmarkFind(b *testing.B) {
	text := "On Sept. 24, 2022, after the show on Thursday, he posted a photo. In June 2022 he said he was single; " +
		"earlier this year the film dropped in August. They met this weekend, she said last month."
	for b.Loop() {
		Find(text, ref)
	}
}

func TestEstimateFromPastTenseDaysWithoutYear(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		// The latest dated event is a day without a year, told as past.
		{"The budget passed in March 2031. On April 12, the governor signed it into law.", "2031-04-12"},
		// A day ahead ("will") moves nothing, and a month alone estimates nothing.
		{"The budget passed in March 2031. The governor will sign it on April 12.", ""},
		{"The budget passed on March 3, 2031. The governor will sign it on April 12.", "2031-03-03"},
		// Only a date with a year starts an estimate.
		{"On April 12, the governor signed it.", ""},
		// A weekday is no calendar day.
		{"The budget passed on 3 March 2031. On Thursday, the governor signed it.", "2031-03-03"},
	} {
		s := estimateDay(c.text)
		if s != c.want {
			t.Errorf("Estimate(%q) = %q, want %q", c.text, s, c.want)
		}
	}
}

func TestEstimateIgnoresDaysWithTheirYear(t *testing.T) {
	// "July 24, 2029" has its year: it must not be read as a yearless July
	// 24 near the June 2031 estimate (which would be July 24, 2031).
	text := "The budget passed on June 3, 2031. It replaced the one signed on July 24, 2029."
	got, ok := Estimate(text, Find(text, time.Time{}))
	if !ok || got.Format("2006-01-02") != "2031-06-03" {
		t.Errorf("Estimate = %v %v, want 2031-06-03", got, ok)
	}
}

// Only the opening dates an article: background further down ("the attack
// of Sept. 11, 2001") is older than the news and would date it years early.
// A page's own date counts wherever it stands in the opening, in any tense.
func TestEstimateFromTheOpening(t *testing.T) {
	background := strings.Repeat("Officials have warned for years that the region was unstable. ", 12)
	for _, c := range []struct {
		name, text, want string
	}{
		{"background only", "Eleven jets have gone missing in recent weeks, officials say.\n\n" + background +
			"The last such attack came on Sept. 11, 2001, when four planes were hijacked.", ""},
		{"news in the lede", "Rebels seized the airport on August 24, 2034, officials said.\n\n" + background +
			"The last such attack came on Sept. 11, 2001, when four planes were hijacked.", "2034-08-24"},
		{"dateline", "Council votes on the harbour plan\nNovember 7 2033\nThe council will vote on the plan today.", "2033-11-07"},
		{"headline date", "Cup preview: a pivotal match. 20 August, 2031\n\nToday's game is huge.", "2031-08-20"},
		{"posted on", "Phone apps for readers Previous 1 / 7 Next Posted on August 9, 2032 7:41AM by Ann Lee · 2 comments", "2032-08-09"},
		{"ahead in the lede", "The company will launch its phone on January 30, 2033, it says.", ""},
	} {
		s := estimateDay(c.text)
		if s != c.want {
			t.Errorf("%s: Estimate = %q, want %q", c.name, s, c.want)
		}
	}
}

// estimateDay is Estimate's day for text, or "" when it estimates none.
func estimateDay(text string) string {
	if got, ok := Estimate(text, Find(text, time.Time{})); ok {
		return got.Format("2006-01-02")
	}
	return ""
}

// A day without its year in the opening is placed in the text's latest
// year; a later reported day with its year further down moves the estimate
// on, and a later day with its year never moves one read with its year.
func TestEstimateYearlessOpeningMovedOn(t *testing.T) {
	background := strings.Repeat("The show has drawn large audiences since its start. ", 12)
	for _, c := range []struct {
		name, text, want string
	}{
		{"yearless opening", "In an April 3 episode of the show, the host said she had set up the match.\n\n" + background +
			"A photo shared on Aug. 9, 2031, showed the two together.", "2031-08-09"},
		{"opening with its year", "On April 3, 2031, the host said she had set up the match.\n\n" + background +
			"A photo shared on Aug. 9, 2031, showed the two together.", "2031-04-03"},
	} {
		if s := estimateDay(c.text); s != c.want {
			t.Errorf("%s: Estimate = %q, want %q", c.name, s, c.want)
		}
	}
}

func TestDayWords(t *testing.T) {
	for w, want := range map[string][2]bool{ // IsWeekday, IsDayWord
		"friday": {true, true}, "thurs": {true, false}, "sat": {true, false},
		"today": {false, true}, "yesterday": {false, true}, "harbour": {false, false},
	} {
		if got := [2]bool{IsWeekday(w), IsDayWord(w)}; got != want {
			t.Errorf("%q: IsWeekday, IsDayWord = %v, want %v", w, got, want)
		}
	}
}
