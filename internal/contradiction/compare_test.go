package contradiction

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// doc is one hand-written article of a scenario.
type doc struct {
	source string
	day    int    // day of September 2031 it was published; 0 for undated
	text   string // sentences end with ". "
	places []string
	people []string
	dates  map[string]int // date expression -> day of September 2031 it names
	group  string
}

// build turns the docs into analysed articles (sentences, mentions, dates)
// and a story view, then runs the stage.
func build(t testing.TB, s Stage, docs []doc) *news.StoryView {
	t.Helper()
	v, arts := analysed(t, docs)
	if err := s.Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	return v
}

// analysed turns the docs into articles with sentences, mentions and
// dates, and their story view.
func analysed(t testing.TB, docs []doc) (*news.StoryView, []*news.Article) {
	t.Helper()
	v := news.NewStoryView("s", "t")
	var arts []*news.Article
	for i, d := range docs {
		a := &news.Article{ID: fmt.Sprintf("a%d", i), Source: d.source, Text: d.text, ContentHash: news.ContentHash(d.text)}
		if d.day > 0 {
			a.Published = time.Date(2031, 9, d.day, 10, 0, 0, 0, time.UTC)
		}
		a.Sentences = split(d.text)
		for _, names := range []struct {
			list []string
			typ  news.EntityType
		}{{d.places, news.LOC}, {d.people, news.PER}} {
			for _, n := range names.list {
				for off := 0; ; {
					k := strings.Index(d.text[off:], n)
					if k < 0 {
						break
					}
					sp := news.Span{Start: off + k, End: off + k + len(n)}
					a.Mentions = append(a.Mentions, news.Mention{Span: sp, Text: n, Name: n, Type: names.typ, Key: n})
					off = sp.End
				}
			}
		}
		for expr, day := range d.dates {
			k := strings.Index(d.text, expr)
			if k < 0 {
				t.Fatalf("%q not in %q", expr, d.text)
			}
			a.Dates = append(a.Dates, news.DateMention{Span: news.Span{Start: k, End: k + len(expr)},
				Value: time.Date(2031, 9, day, 0, 0, 0, 0, time.UTC), Precision: "day"})
		}
		arts = append(arts, a)
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Source: a.Source, Published: a.Published, Group: d.group})
	}
	return v, arts
}

func split(text string) []news.Span {
	var out []news.Span
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && (i+1 == len(text) || text[i+1] == ' ') {
			out = append(out, news.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, news.Span{Start: start, End: len(text)})
	}
	return out
}

// oneDay is two outlets' articles of the same day.
func oneDay(a, b string) []doc {
	return []doc{{source: "Ledger", day: 3, text: a}, {source: "Courier", day: 3, text: b}}
}

func TestFiguresDatesPlaces(t *testing.T) {
	tests := []struct {
		name      string
		docs      []doc
		kind      string // "" when no contradiction is expected
		explained bool
		mention   string // a word the explanation must hold
	}{
		{name: "toll rising over days is explained by time", docs: []doc{
			{source: "Ledger", day: 3, text: "A bomb attack on a crowded market in Kano killed 12 people, police said. Rescue work went on."},
			{source: "Courier", day: 5, text: "The death toll from the bomb attack on the market in Kano has risen to 15 people, officials said."},
		}, kind: "figure", explained: true, mention: "Courier (2031-09-05) says 15 people"},
		{name: "a growing count days apart is explained by time", docs: []doc{
			{source: "Ledger", day: 3, text: "Floods in the northern valley have forced 2,300 families from their homes, the agency said."},
			{source: "Courier", day: 6, text: "The floods in the northern valley have forced 4,100 families from their homes, the agency said."},
		}, kind: "figure", explained: true},
		{name: "a larger amount days later is no growing count", docs: []doc{
			{source: "Ledger", day: 3, text: "The carmaker agreed to pay $2.3 billion to settle the emissions lawsuit, court papers show."},
			{source: "Courier", day: 6, text: "The carmaker agreed to pay $2.9 billion to settle the emissions lawsuit, court papers show."},
		}, kind: "figure", mention: "Courier (2031-09-06) says $2.9 billion"},
		{name: "two outlets, one day, different amounts", docs: oneDay(
			"The carmaker agreed to pay $2.3 billion to settle the emissions lawsuit, court papers show.",
			"Under the deal the carmaker will pay $2 billion to settle the emissions lawsuit."), kind: "figure", mention: "Ledger (2031-09-03) says $2.3 billion"},
		{name: "a later smaller count is a conflict", docs: []doc{
			{source: "Ledger", day: 3, text: "Gunmen killed 15 villagers in an attack on a village near the border, the army said."},
			{source: "Courier", day: 4, text: "Gunmen killed 9 villagers in an attack on a village near the border, a local official said."},
		}, kind: "figure"},
		{name: "same figure in other words", docs: oneDay(
			"The storm killed fifteen people across the coast, officials said.",
			"Officials said 15 people were killed by the storm across the coast.")},
		{name: "rounding agrees", docs: oneDay(
			"About 2,000 protesters marched through the capital on the day of the vote.",
			"Police counted 1,981 protesters who marched through the capital on the day of the vote.")},
		{name: "a bound agrees", docs: oneDay(
			"At least 40 people were injured in the blast at the refinery, medics said.",
			"Some 52 people were injured in the blast at the refinery, according to medics.")},
		{name: "different things counted", docs: oneDay(
			"Police arrested 12 people after the protest in the capital turned violent.",
			"Police said 30 people were injured after the protest in the capital turned violent.")},
		{name: "killed and wounded", docs: oneDay(
			"The suicide bombing at the bus station killed 12 people on the busy morning.",
			"The suicide bombing at the bus station wounded 30 people on the busy morning.")},
		{name: "market moves of one day", docs: oneDay(
			"The Dow Jones industrial average added 28 points, or 0.27 percent, at 10,557.",
			"The Dow Jones industrial average rose 49 points, or 0.47 percent, to 10,578.")},
		{name: "two moments of one day", docs: oneDay(
			"At 5 pm EDT the storm was about 280 miles east of the coast, forecasters said.",
			"At 11 am EDT the storm was about 550 miles east of the coast, forecasters said.")},
		{name: "a figure of one model against another's", docs: oneDay(
			"The new phone will start at $500 for the steel model, the company said.",
			"The new phone will start at $350, the company said on its website.")},
		{name: "a breakdown of a count", docs: oneDay(
			"Six shots can be heard on the recording, then a pause and four more shots.",
			"Ten shots can be heard on the recording of the shooting, an expert said.")},
		{name: "years, times, ordinals and labels", docs: oneDay(
			"In 2014, Flight 17 left at 10:30 from gate 4, the airline said in its 2nd statement.",
			"In 2015, Flight 18 left at 11:30 from gate 5, the airline said in its 3rd statement.")},
		{name: "copies are one source", docs: []doc{
			{source: "Ledger", day: 3, text: "The carmaker agreed to pay $2.3 billion to settle the emissions lawsuit, court papers show.", group: "g"},
			{source: "Ledger Wire", day: 3, text: "The carmaker agreed to pay $2 billion to settle the emissions lawsuit, court papers show.", group: "g"},
		}},
		{name: "ages of different people", docs: []doc{
			{source: "Ledger", day: 3, text: "Ada Vance, aged 34, told the inquiry she saw the crash.", people: []string{"Ada Vance"}},
			{source: "Courier", day: 3, text: "Leo Marsh, aged 33, told the inquiry he saw the crash.", people: []string{"Leo Marsh"}},
		}},
		{name: "ages of one person", docs: []doc{
			{source: "Ledger", day: 3, text: "The driver, Ada Vance, aged 34, told the inquiry she saw the crash.", people: []string{"Ada Vance"}},
			{source: "Courier", day: 3, text: "The driver, Ada Vance, aged 31, told the inquiry that she saw the crash.", people: []string{"Ada Vance"}},
		}, kind: "figure"},
		{name: "one event on two days", docs: []doc{
			{source: "Ledger", day: 5, text: "The rebels seized the airport in Goma on September 3, a spokesman said.",
				places: []string{"Goma"}, dates: map[string]int{"September 3": 3}},
			{source: "Courier", day: 5, text: "The rebels seized the airport in Goma on September 4, the spokesman said.",
				places: []string{"Goma"}, dates: map[string]int{"September 4": 4}},
		}, kind: "date", mention: "2031-09-04"},
		{name: "two events on two days", docs: []doc{
			{source: "Ledger", day: 5, text: "The rebels seized the airport in Goma on September 3, a spokesman said.",
				places: []string{"Goma"}, dates: map[string]int{"September 3": 3}},
			{source: "Courier", day: 5, text: "Government troops retook the airport in Goma on September 4 after heavy fighting.",
				places: []string{"Goma"}, dates: map[string]int{"September 4": 4}},
		}},
		{name: "one act in two places", docs: []doc{
			{source: "Ledger", day: 5, text: "Ada Vance was arrested in Mosul on Friday, the ministry said.",
				places: []string{"Mosul"}, people: []string{"Ada Vance"}},
			{source: "Wire", day: 5, text: "Ada Vance was arrested in Mosul on Friday, the interior ministry said.",
				places: []string{"Mosul"}, people: []string{"Ada Vance"}},
			{source: "Courier", day: 5, text: "Ada Vance was arrested in Raqqa on Friday, the ministry said.",
				places: []string{"Raqqa"}, people: []string{"Ada Vance"}},
		}, kind: "place", mention: "Raqqa"},
		{name: "one outlet against another on a place", docs: []doc{
			{source: "Ledger", day: 5, text: "Ada Vance was arrested in Mosul on Friday, the ministry said.",
				places: []string{"Mosul"}, people: []string{"Ada Vance"}},
			{source: "Courier", day: 5, text: "Ada Vance was arrested in Raqqa on Friday, the ministry said.",
				places: []string{"Raqqa"}, people: []string{"Ada Vance"}},
		}},
		{name: "a place inside another", docs: []doc{
			{source: "Ledger", day: 5, text: "Ada Vance was arrested in Mosul on Friday, the ministry said.",
				places: []string{"Mosul"}, people: []string{"Ada Vance"}},
			{source: "Courier", day: 5, text: "Ada Vance was arrested in Iraq on Friday, the ministry said.",
				places: []string{"Iraq"}, people: []string{"Ada Vance"}},
			{source: "Wire", day: 5, text: "Mosul is the second city of Iraq.", places: []string{"Mosul", "Iraq"}},
		}},
	}
	cached := Stage{Cache: NewCache(1 << 20)}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := build(t, Stage{}, tc.docs)
			// A rebuild from the cache gives the same contradictions.
			build(t, cached, tc.docs)
			if again := build(t, cached, tc.docs); !reflect.DeepEqual(again.Contradictions, v.Contradictions) {
				t.Fatalf("from the cache: %+v\nread afresh: %+v", again.Contradictions, v.Contradictions)
			}
			var got []news.Contradiction
			for _, c := range v.Contradictions {
				if c.Kind == "figure" || c.Kind == "date" || c.Kind == "place" {
					got = append(got, c)
				}
			}
			if tc.kind == "" {
				if len(got) > 0 {
					t.Fatalf("unexpected contradictions: %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d contradictions, want one %s: %+v", len(got), tc.kind, got)
			}
			c := got[0]
			if c.Kind != tc.kind || c.ExplainedByTime != tc.explained || !strings.Contains(c.Explanation, tc.mention) || len(c.Sides) != 2 {
				t.Errorf("got %s explained=%v %q, want %s explained=%v mentioning %q", c.Kind, c.ExplainedByTime, c.Explanation,
					tc.kind, tc.explained, tc.mention)
			}
			for _, sd := range c.Sides {
				if len(sd.Citations) == 0 {
					t.Errorf("side %q without citations", sd.Text)
				}
			}
		})
	}
}

// BenchmarkStory200 builds the contradictions of a story of 200 articles
// of 30 sentences: a third of them with a figure, a date or a place, the
// rest plain; some sentences are wire copies, others each outlet's own.
// "cached" is a rebuild: the articles were read before.
func BenchmarkStory200(b *testing.B) {
	facts := []string{
		"A bomb attack on a crowded market in Kano killed %d people, police told %s.",
		"The death toll from the attack on the market in Kano has risen to %d people, officials told %s.",
		"About %d,000 protesters marched through the capital on the day of the vote, %s reported.",
		"The carmaker agreed to pay $%d billion to settle the emissions lawsuit, court papers seen by %s show.",
		"The rebels seized the airport in Goma on September %d, a spokesman told %s.",
		"Ada Vance, aged %d, told the inquiry she saw the crash in Mosul, %s reported.",
		"Officials in the northern region said the roads were closed for %d hours, %s reported.",
		"Some %d families were moved to shelters near the river, %s was told.",
		"Witnesses described scenes of panic as families searched for relatives.",
		"The government called for calm and promised an inquiry into the security failures.",
	}
	var docs []doc
	for i := range 200 {
		var text strings.Builder
		outlet := fmt.Sprintf("Outlet %d", i%40)
		for j := range 30 {
			line := facts[(i+j)%len(facts)]
			if j%3 != 0 {
				line = "Residents of the district said the situation remained tense and that many shops stayed closed."
			}
			if strings.Contains(line, "%d") {
				line = fmt.Sprintf(line, 10+(i*7+j)%9, outlet)
			}
			text.WriteString(line + " ")
		}
		docs = append(docs, doc{source: outlet, day: 1 + i%20, text: text.String(),
			places: []string{"Kano", "Goma", "Mosul"}, people: []string{"Ada Vance"},
			dates: map[string]int{"September 1": 1}})
	}
	v, arts := analysed(b, docs)
	for _, bc := range []struct {
		name  string
		stage Stage
	}{{"cold", Stage{}}, {"cached", Stage{Cache: NewCache(64 << 20)}}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				v.Contradictions = nil
				if err := bc.stage.Build(b.Context(), v, arts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
