package story

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func fixture() (*news.StoryView, []*news.Article) {
	a := &news.Article{ID: "a", Title: "Ferry strike ends", Source: "Ledger", Text: "Ferry strike ends\n\nThe union said the strike is over.",
		Published: time.Date(2031, 3, 2, 0, 0, 0, 0, time.UTC)}
	b := &news.Article{ID: "b", Title: "Strike over, says union", Source: "Coast", Text: "Strike over, says union\n\nFerries sail again."}
	a.Paragraphs = []news.Span{{Start: 0, End: 17}}
	arts := []*news.Article{b, a}
	SortArticles(arts)
	v := news.NewStoryView("s", Title(arts))
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Title: x.Title, Source: x.Source, Published: x.Published})
	}
	v.Entities = []news.Entity{{ID: "per-ana-ruiz", Name: "Ana Ruiz", Type: news.PER, Articles: []string{"a", "b"},
		Mentions:   []news.Citation{{ArticleID: "a", Start: 22, End: 27}},
		Attributes: []news.Attribute{{Name: "age", Value: "41", Citations: []news.Citation{{ArticleID: "a", Start: 22, End: 27}}}, {Name: "gender", Value: "female", Citations: []news.Citation{{ArticleID: "a", Start: 22, End: 27}}}}}}
	v.Claims = []news.Claim{{ID: "c", Text: "the strike is over", Status: news.Confirmed, Reason: "confirmed by the union",
		Stances: []news.StanceEntry{{ArticleID: "a", Stance: news.Asserts, By: "the union", Citations: []news.Citation{{ArticleID: "a", Start: 19, End: 53}}}}}}
	v.Timeline = []news.TimelineEvent{{Date: "2031-03-01", Text: "no citation here"}}
	return v, arts
}

func TestSheetCitesEveryLine(t *testing.T) {
	v, arts := fixture()
	if err := (Sheet{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	text := map[string]string{"a": arts[0].Text, "b": arts[1].Text}
	if arts[0].ID != "a" || v.Title != "Ferry strike ends" {
		t.Fatalf("order or title: %s %q", arts[0].ID, v.Title)
	}
	sections := map[string]bool{}
	for _, l := range v.Sheet {
		sections[l.Section] = true
		if len(l.Citations) == 0 {
			t.Errorf("uncited line %q", l.Text)
		}
		for _, c := range l.Citations {
			if c.End > len(text[c.ArticleID]) || c.Start >= c.End {
				t.Errorf("bad citation %+v", c)
			}
		}
		if strings.Contains(l.Text, "gender") || strings.Contains(l.Text, "no citation here") {
			t.Errorf("line should not be in the sheet: %q", l.Text)
		}
	}
	// One stance in one article is not enough to head the sheet.
	for _, s := range []string{"Summary", "People", "Key facts", "Outlets"} {
		if !sections[s] {
			t.Errorf("no %s section: %+v", s, v.Sheet)
		}
	}
	if v.Sheet[0].Text != "Ferry strike ends" {
		t.Errorf("question = %q, want the title", v.Sheet[0].Text)
	}
}

func TestRenderMarkdown(t *testing.T) {
	v, arts := fixture()
	(Sheet{}).Build(t.Context(), v, arts)
	var buf bytes.Buffer
	text := map[string]string{}
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	if err := Render(&buf, v, Options{Markdown: true, Text: func(id string) string { return text[id] }}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"# Ferry strike ends", "## People", "Ana Ruiz: age 41 (1 source)", "[^1]", "## Articles", "- Coast · undated",
		"[^1]: Ledger, 2031-03-02: “Ferry strike ends” (article a, bytes 0–17)"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

func TestCacheIsBoundedAndDropsRawText(t *testing.T) {
	c := NewCache(2*ArticleSize(&news.Article{Text: "t"}) + 1) // room for two small articles
	c.Put(&news.Article{ID: "a", Raw: "raw", HTML: "<p>", Text: "t"})
	c.Put(&news.Article{ID: "b", Text: "t"})
	hit, miss := c.split([]string{"a", "b", "x"})
	if len(hit) != 2 || len(miss) != 1 || miss[0] != "x" || hit[0].Raw != "" || hit[0].HTML != "" || hit[0].Text != "t" {
		t.Fatalf("hit %+v miss %v", hit, miss)
	}
	// a was just used: adding c drops b, the least recently used.
	c.split([]string{"a"})
	c.Put(&news.Article{ID: "c", Text: "t"})
	if hit, miss := c.split([]string{"a", "b", "c"}); len(hit) != 2 || len(miss) != 1 || miss[0] != "b" {
		t.Fatalf("hits %d, misses %v: want b dropped", len(hit), miss)
	}
}

// TestFansPostsAreOneLine: quotes of social-media posters are grouped in one
// cited line after the quotes of people speaking for themselves or others.
func TestFansPostsAreOneLine(t *testing.T) {
	v := news.NewStoryView("s", "Tram line")
	v.Articles = []news.StoryArticle{{ID: "a", Source: "Ledger"}, {ID: "b", Source: "Coast"}}
	cite := func(id string) []news.Citation { return []news.Citation{{ArticleID: id, Start: 0, End: 4}} }
	v.Quotes = []news.Quote{
		{Text: "We will start building next spring", Speaker: news.Speaker{Name: "Mayor Ines Okafor"},
			Carriers: []news.Carrier{{ArticleID: "a", Citations: cite("a")}}},
		{Text: "Finally a tram!!", Speaker: news.Speaker{Name: "one Twitter user"},
			Carriers: []news.Carrier{{ArticleID: "a", Citations: cite("a")}}},
		{Text: "About time", Social: true, Carriers: []news.Carrier{{ArticleID: "b", Citations: cite("b")}}},
	}
	arts := []*news.Article{{ID: "a", Text: "Tram news"}, {ID: "b", Text: "Tram talk"}}
	if err := (Sheet{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	var quotes []string
	for _, l := range v.Sheet {
		if l.Section == "Quotes" {
			quotes = append(quotes, l.Text)
		}
	}
	if len(quotes) != 2 || !strings.HasPrefix(quotes[0], "Mayor Ines Okafor:") ||
		!strings.HasPrefix(quotes[1], "Fans' posts: 2 posts quoted in 2 articles") {
		t.Errorf("quote lines = %q", quotes)
	}
}

func TestSummaryOpensTheSheet(t *testing.T) {
	text := map[string]string{
		"a": "The mayor will resign, officials say.\n\nHis spokesman told the Ledger: “The mayor is not resigning and never planned to.”",
		"b": "Mayor to resign, says radio host.\n\nA spokesman for Tom Vale said: “The mayor is not resigning and never planned to.”",
		"c": "Is the mayor resigning?\n\nThe radio host repeated the claim on Friday.",
	}
	day := func(d int) time.Time { return time.Date(2031, 4, d, 0, 0, 0, 0, time.UTC) }
	var arts []*news.Article
	v := news.NewStoryView("s", "Mayor to resign?")
	for _, x := range []struct {
		id, source string
		pub        time.Time
		est        bool
	}{{"a", "Ledger", day(3), false}, {"b", "Coast", day(2), false}, {"c", "Daily", day(1), true}} {
		a := &news.Article{ID: x.id, Source: x.source, Text: text[x.id], Published: x.pub, PublishedEstimated: x.est}
		arts = append(arts, a)
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Source: a.Source, Published: a.Published, PublishedEstimated: x.est})
	}
	at := func(id, s string) news.Citation {
		i := strings.Index(text[id], s)
		return news.Citation{ArticleID: id, Start: i, End: i + len(s)}
	}
	v.Entities = []news.Entity{{ID: "per-tom-vale", Name: "Tom Vale", Type: news.PER, Articles: []string{"b"}, Mentions: []news.Citation{at("b", "Tom Vale")}}}
	v.Claims = []news.Claim{{ID: "c1", Main: true, Text: "Tom Vale will resign", Status: news.Denied, Reason: "denied by Tom Vale's spokesman",
		Stances: []news.StanceEntry{
			{ArticleID: "a", Stance: news.Asserts, Citations: []news.Citation{at("a", "The mayor will resign")}},
			{ArticleID: "b", Stance: news.Rumour, Citations: []news.Citation{at("b", "Mayor to resign")}},
			{ArticleID: "c", Stance: news.Rumour, Citations: []news.Citation{at("c", "The radio host repeated the claim")}},
			{ArticleID: "b", Stance: news.Denies, By: "Tom Vale's spokesman", Voice: news.VoiceParty, Citations: []news.Citation{at("b", "The mayor is not resigning")}},
		}}}
	v.Quotes = []news.Quote{
		{Text: "The mayor is not resigning and never planned to.", Speaker: news.Speaker{Name: "Tom Vale's spokesman"},
			Carriers: []news.Carrier{{ArticleID: "a", Citations: []news.Citation{at("a", "The mayor is not resigning")}}, {ArticleID: "b", Citations: []news.Citation{at("b", "The mayor is not resigning")}}}},
	}
	if err := (Sheet{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	var summary []string
	for _, l := range v.Sheet {
		if l.Section == "Summary" {
			summary = append(summary, l.Text)
		}
	}
	want := []string{
		"Claim: Tom Vale will resign",
		"Denied: denied by Tom Vale's spokesman",
		// b (April 2) is the earliest dated; c's date is a guess.
		"First reported by Coast on 2031-04-02, among the articles that give their date (Daily has no date of its own and may be earlier)",
		"Tom Vale's spokesman, as carried by Ledger, Coast: “The mayor is not resigning and never planned to.”",
	}
	if strings.Join(summary, "\n") != strings.Join(want, "\n") || v.Sheet[0].Section != "Summary" {
		t.Errorf("summary =\n%s\nwant\n%s", strings.Join(summary, "\n"), strings.Join(want, "\n"))
	}
}

func TestSpecificRelationsFoldTheGeneralOne(t *testing.T) {
	c := func(id string) []news.Citation { return []news.Citation{{ArticleID: id, Start: 0, End: 1}} }
	e := news.Entity{Name: "Ana Ruiz", Attributes: []news.Attribute{
		{Name: "relation:ex", Value: "Tom Vale", Citations: c("a")},
		{Name: "relation:ex-husband", Value: "Tom Vale", Citations: c("b")},
		{Name: "relation:ex", Value: "Joe Park", Citations: c("c")},
	}}
	facts, _ := personFacts(e)
	got := strings.Join(facts, "; ")
	if got != "ex Joe Park (1 source); ex-husband Tom Vale (2 sources)" && got != "ex-husband Tom Vale (2 sources); ex Joe Park (1 source)" {
		t.Errorf("facts = %q", got)
	}
}

// TestWriteCSV: one table, the kind first, the same columns on every row,
// rows for articles, claims, stances and quotes, formulas defused.
func TestWriteCSV(t *testing.T) {
	v := news.NewStoryView("s1", "T")
	v.Articles = []news.StoryArticle{{ID: "a1", Source: "Ledger", Title: "=HYPERLINK(\"x\")", URL: "https://l.example/1",
		Published: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), PublishedEstimated: true}, {ID: "a2", Title: "Two, with \"quotes\"", Path: "b.txt"}}
	v.Claims = []news.Claim{{ID: "c1", Text: "workers strike", Status: news.Confirmed, Reason: "two outlets", Main: true,
		Stances: []news.StanceEntry{{ArticleID: "a1", Stance: news.Asserts, Voice: "outlet", Citations: []news.Citation{{ArticleID: "a1", Start: 0, End: 5}}}}}}
	v.Quotes = []news.Quote{{ID: "q1", Text: "no", Speaker: news.Speaker{Name: "Mara"}, Carriers: []news.Carrier{
		{ArticleID: "a1", Text: "no", ToldTo: "reporters"}, {ArticleID: "a2", Text: "no!", Diff: "adds !"}}}}
	var b strings.Builder
	if err := WriteCSV(&b, v); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, b.String())
	}
	if strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") || rows[0][0] != "kind" {
		t.Errorf("header %v", rows[0])
	}
	var kinds []string
	col := map[string]int{}
	for i, c := range CSVHeader {
		col[c] = i
	}
	for _, r := range rows[1:] {
		kinds = append(kinds, r[0])
		if len(r) != len(CSVHeader) {
			t.Errorf("row %v has %d columns", r, len(r))
		}
	}
	if got := strings.Join(kinds, " "); got != "article article claim stance quote quote" {
		t.Errorf("kinds %q", got)
	}
	a1, a2, claim, stance, q2 := rows[1], rows[2], rows[3], rows[4], rows[6]
	if a1[col["text"]] != `'=HYPERLINK("x")` || a1[col["outlet"]] != "Ledger" || a1[col["date"]] != "2024-03-04" ||
		a1[col["date_estimated"]] != "true" || a1[col["url"]] != "https://l.example/1" || a1[col["independent"]] != "true" {
		t.Errorf("article row %q", a1)
	}
	if a2[col["outlet"]] != "unknown (b.txt)" || a2[col["date"]] != "" || a2[col["text"]] != `Two, with "quotes"` {
		t.Errorf("undated article row %q", a2)
	}
	if claim[col["main"]] != "true" || claim[col["status"]] != "confirmed" || claim[col["detail"]] != "two outlets" {
		t.Errorf("claim row %q", claim)
	}
	if stance[col["claim_id"]] != "c1" || stance[col["stance"]] != "asserts" || stance[col["citations"]] != "a1:0-5" {
		t.Errorf("stance row %q", stance)
	}
	if q2[col["id"]] != "q1" || q2[col["speaker"]] != "Mara" || q2[col["article_id"]] != "a2" || q2[col["detail"]] != "differs: adds !" {
		t.Errorf("quote row %q", q2)
	}
}

// An estimate years before the rest of its story is background, not the
// article's date: in the story the article counts as undated, and so do the
// relative dates read against that estimate. Estimates near the story's
// dates, and known dates however old, stay.
func TestStaleEstimatesDropped(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	known := &news.Article{ID: "k", Published: day(2034, 9, 12)}
	old := &news.Article{ID: "o", Published: day(2031, 9, 11), PublishedEstimated: true}
	old.Dates = []news.DateMention{{Value: day(2031, 9, 11), Precision: "day"}, {Value: day(2031, 8, 1), Precision: "month", Relative: true, Estimated: true}}
	near := &news.Article{ID: "n", Published: day(2034, 8, 30), PublishedEstimated: true}
	archive := &news.Article{ID: "a", Published: day(2030, 1, 1)} // known: kept whatever its age
	arts := []*news.Article{known, old, near, archive}
	v, err := (&Builder{}).Build(t.Context(), "s", arts)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]news.StoryArticle{}
	for _, a := range v.Articles {
		got[a.ID] = a
	}
	if a := got["o"]; !a.Published.IsZero() || a.PublishedEstimated {
		t.Errorf("stale estimate kept: %+v", a)
	}
	if a := got["n"]; !a.Published.Equal(near.Published) || !a.PublishedEstimated {
		t.Errorf("near estimate changed: %+v", a)
	}
	if a := got["a"]; !a.Published.Equal(archive.Published) {
		t.Errorf("known date changed: %+v", a)
	}
	if !old.PublishedEstimated || len(old.Dates) != 2 {
		t.Errorf("the stored article was changed: %+v", old)
	}
	if st := v.Summary(); !st.FirstPublished.Equal(archive.Published) || !st.LastPublished.Equal(known.Published) {
		t.Errorf("span %v – %v", st.FirstPublished, st.LastPublished)
	}
}

// TestFanPost: a pasted post, a poster named by a crowd word or by a
// handle, or a crowd member ("said one") is a fan's post; a named speaker
// is not.
func TestFanPost(t *testing.T) {
	for _, tc := range []struct {
		q    news.Quote
		want bool
	}{
		{news.Quote{Social: true, Speaker: news.Speaker{Name: "@someone"}}, true},
		{news.Quote{Speaker: news.Speaker{Name: "one Twitter user"}}, true},
		{news.Quote{Speaker: news.Speaker{Name: "@redletter"}}, true}, // "“…,” @redletter tweeted"
		{news.Quote{Speaker: news.Speaker{Name: "an unnamed person", Role: "fan"}}, true},
		{news.Quote{Speaker: news.Speaker{Name: "Lena Park", EntityID: "per-lena-park"}}, false},
		{news.Quote{Speaker: news.Speaker{Name: "Lena Park's representative", Role: "representative"}}, false},
	} {
		if got := FanPost(tc.q); got != tc.want {
			t.Errorf("FanPost(%+v) = %v, want %v", tc.q.Speaker, got, tc.want)
		}
	}
}

// TestPeopleNeedAPersonsTrait checks which "persons" the sheet lists: a
// one-word name with nothing a person has (no attribute, no gender told by
// a pronoun or honorific) is left out; a full name, or one word with a
// gender or an age, stays.
func TestPeopleNeedAPersonsTrait(t *testing.T) {
	v := news.NewStoryView("s", "Tram line")
	v.Articles = []news.StoryArticle{{ID: "a", Source: "Ledger"}, {ID: "b", Source: "Coast"}}
	cite := []news.Citation{{ArticleID: "a", Start: 0, End: 4}}
	person := func(name string, attrs ...news.Attribute) news.Entity {
		return news.Entity{ID: "per-" + strings.ToLower(name), Name: name, Type: news.PER, Articles: []string{"a", "b"},
			Mentions: cite, Attributes: attrs}
	}
	v.Entities = []news.Entity{
		person("Lassa"),
		person("Okafor", news.Attribute{Name: "gender", Value: "female", Citations: cite}),
		person("Ines Okafor"),
		person("Bram", news.Attribute{Name: "age", Value: "40", Citations: cite}),
	}
	arts := []*news.Article{{ID: "a", Text: "Tram news"}, {ID: "b", Text: "Tram talk"}}
	if err := (Sheet{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	var people []string
	for _, l := range v.Sheet {
		if l.Section == "People" {
			people = append(people, strings.SplitN(l.Text, ":", 2)[0])
		}
	}
	if strings.Join(people, ",") != "Okafor,Ines Okafor,Bram" {
		t.Errorf("people = %q, want Okafor, Ines Okafor, Bram (not Lassa)", people)
	}
}

func TestTitleIsAHeadline(t *testing.T) {
	arts := []*news.Article{{ID: "a", Title: "Description: Fake news / Satire"}, {ID: "b", Title: "Update"},
		{ID: "c", Title: "Council votes to close the old pier"}}
	if got := Title(arts); got != "Council votes to close the old pier" {
		t.Errorf("Title = %q", got)
	}
	if got := Title(arts[:2]); got != "Description: Fake news / Satire" {
		t.Errorf("Title with labels only = %q, want the first", got)
	}
	if got := Title([]*news.Article{{Title: "City officials: Pier will close soon"}, {Title: "Council votes to close the old pier"}}); got != "City officials: Pier will close soon" {
		t.Errorf("a headline with a colon: %q", got)
	}
}

// An undated story is titled by the title that tells what its articles
// share, not by its first article's opening line; a dated one by its
// earliest article.
func TestUndatedTitleIsRepresentative(t *testing.T) {
	arts := []*news.Article{{Title: "In case you missed it, our favourite bakery has been dealing with the worst issue ever"},
		{Title: "Mice overrun the Harbour Bakery's new kitchen"}, {Title: "Harbour Bakery mice infestation is getting worse"},
		{Title: "Inspectors find mice in Harbour Bakery kitchen"}}
	if got := Title(arts); got == arts[0].Title || !strings.Contains(got, "Harbour Bakery") {
		t.Errorf("Title = %q, want one naming the bakery and the mice", got)
	}
	arts[0].Published = time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)
	if got := Title(arts); got != arts[0].Title {
		t.Errorf("dated: Title = %q, want the earliest article's", got)
	}
}

// A key fact's counts read as English, every stance counted once per article.
func TestStanceCountsWording(t *testing.T) {
	c := news.Claim{Stances: []news.StanceEntry{
		{ArticleID: "a", Stance: news.Asserts}, {ArticleID: "a", Stance: news.Asserts}, {ArticleID: "b", Stance: news.Asserts},
		{ArticleID: "c", Stance: news.Debunks}, {ArticleID: "d", Stance: news.Rumour},
	}}
	want := "stated in 2 articles, called false in 1 article, reported as a rumour in 1 article"
	if got := stanceCounts(c); got != want {
		t.Errorf("stanceCounts = %q, want %q", got, want)
	}
}

// The example of fans' posts is a post's words, not a tweet's signature line.
func TestPostExample(t *testing.T) {
	fans := []news.Quote{{Text: "— Ann Lee (@annlee) May 2, 2031"}, {Text: "https://t.co/x"}, {Text: "what a night for the team"}}
	if got := postExample(fans); got != "what a night for the team" {
		t.Errorf("postExample = %q", got)
	}
	if got := postExample(fans[:2]); got != "" {
		t.Errorf("postExample of a signature and a link = %q, want none", got)
	}
}

// A quote quoted inside another one in the same article is shown by the
// outer line alone; a quoted headline is nobody's words.
func TestNestedQuoteIsOneLine(t *testing.T) {
	v := news.NewStoryView("s", "Tram line")
	v.Articles = []news.StoryArticle{{ID: "a", Source: "Ledger"}}
	text := `The mayor recalled: "At the meeting, Ada said, 'We will build it by spring,' and we all clapped." She also said: "It will be green."`
	at := func(sub string) []news.Citation {
		i := strings.Index(text, sub)
		return []news.Citation{{ArticleID: "a", Start: i, End: i + len(sub)}}
	}
	v.Quotes = []news.Quote{
		{Text: "At the meeting, Ada said, 'We will build it by spring,' and we all clapped.", Speaker: news.Speaker{Name: "Mayor Ines Okafor"},
			Carriers: []news.Carrier{{ArticleID: "a", Citations: at(`"At the meeting, Ada said, 'We will build it by spring,' and we all clapped."`)}}},
		{Text: "We will build it by spring,", Speaker: news.Speaker{Name: "Ada Moss"},
			Carriers: []news.Carrier{{ArticleID: "a", Citations: at(`'We will build it by spring,'`)}}},
		{Text: "It will be green.", Speaker: news.Speaker{Name: "Mayor Ines Okafor"},
			Carriers: []news.Carrier{{ArticleID: "a", Citations: at(`"It will be green."`)}}},
		{Text: "Mayor recalls meeting", Speaker: news.Speaker{Name: "the headline", Role: "headline"},
			Carriers: []news.Carrier{{ArticleID: "a", Citations: at(`The mayor recalled`)}}},
	}
	if err := (Sheet{}).Build(t.Context(), v, []*news.Article{{ID: "a", Text: text}}); err != nil {
		t.Fatal(err)
	}
	var quotes []string
	for _, l := range v.Sheet {
		if l.Section == "Quotes" {
			quotes = append(quotes, l.Text)
		}
	}
	if len(quotes) != 2 || strings.Contains(strings.Join(quotes, "\n"), "Ada Moss") || strings.Contains(strings.Join(quotes, "\n"), "headline") {
		t.Errorf("quote lines = %q, want the mayor's two quotes only", quotes)
	}
}

// Words one article quotes without saying whose are no line of the sheet;
// an unattributed quote several outlets carry is.
func TestSheetLeavesOutAnUnattributedQuoteOfOneArticle(t *testing.T) {
	text := "“What?” Later: “The bridge stays shut.”"
	arts := []*news.Article{{ID: "a", Source: "Ledger", Text: text}, {ID: "b", Source: "Coast", Text: text}}
	v := news.NewStoryView("s1", "T")
	for _, a := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Source: a.Source})
	}
	cite := func(id, s string) []news.Citation {
		i := strings.Index(text, s)
		return []news.Citation{{ArticleID: id, Start: i, End: i + len(s)}}
	}
	v.Quotes = []news.Quote{
		{ID: "q1", Text: "What?", Carriers: []news.Carrier{{ArticleID: "a", Citations: cite("a", "What?")}}},
		{ID: "q2", Text: "The bridge stays shut.", Carriers: []news.Carrier{{ArticleID: "a", Citations: cite("a", "The bridge stays shut.")},
			{ArticleID: "b", Citations: cite("b", "The bridge stays shut.")}}},
	}
	if err := (Sheet{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range v.Sheet {
		if l.Section == "Quotes" {
			got = append(got, l.Text)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "The bridge stays shut.") {
		t.Errorf("quote lines %q, want the one two outlets carry", got)
	}
}
