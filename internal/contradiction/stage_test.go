package contradiction

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestAgesExplainedByTime(t *testing.T) {
	v := news.NewStoryView("s", "t")
	v.Articles = []news.StoryArticle{
		{ID: "a", Source: "A", Published: time.Date(2022, 9, 27, 0, 0, 0, 0, time.UTC)},
		{ID: "b", Source: "B", Published: time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "c", Source: "C", Published: time.Date(2022, 9, 28, 0, 0, 0, 0, time.UTC)},
	}
	cite := func(id string) []news.Citation { return []news.Citation{{ArticleID: id, Start: 0, End: 1}} }
	v.Entities = []news.Entity{
		{ID: "t", Name: "Tia", Type: news.PER, Attributes: []news.Attribute{{Name: "age", Value: "4", Citations: cite("a")}, {Name: "age", Value: "5", Citations: cite("b")}}},
		{ID: "u", Name: "Uma", Type: news.PER, Attributes: []news.Attribute{{Name: "age", Value: "30", Citations: cite("a")}, {Name: "age", Value: "33", Citations: cite("c")}}},
	}
	got := attributeConflicts(v, nil)
	if len(got) != 2 || !got[0].ExplainedByTime || got[1].ExplainedByTime {
		t.Fatalf("conflicts = %+v", got)
	}
}

func TestOppositeAndStale(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2031, 3, d, 9, 0, 0, 0, time.UTC) }
	hello := &news.Article{ID: "h", Source: "Hello", Published: day(12), Text: "Neither Ada Vance nor Leo Marsh has commented."}
	hello.Statements = []news.Statement{{Span: news.Span{Start: 0, End: len(hello.Text)}, Subject: "Ada Vance", Predicate: "commented", Object: "Leo Marsh", Negated: true}}
	courier := &news.Article{ID: "c", Source: "Courier", Published: day(11), Text: "A rep for Leo Marsh said they are not dating."}
	copyOf := &news.Article{ID: "k", Source: "Copy", Published: day(11), Text: "Ada Vance and Leo Marsh are dating."}
	blog := &news.Article{ID: "b", Source: "Blog", Published: day(10), Text: "Ada Vance and Leo Marsh are dating."}
	arts := []*news.Article{hello, courier, copyOf, blog}
	v := news.NewStoryView("s", "t")
	for _, a := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Source: a.Source, Published: a.Published})
	}
	v.Articles[2].Group, v.Articles[1].Group = "g", "g" // the copy and the courier are one source
	v.Entities = []news.Entity{{ID: "e1", Name: "Ada Vance", Type: news.PER}, {ID: "e2", Name: "Leo Marsh", Type: news.PER, Aliases: []string{"Marsh"}}}
	whole := func(a *news.Article) []news.Citation {
		return []news.Citation{news.Cite(a.ID, news.Span{End: len(a.Text)})}
	}
	v.Claims = []news.Claim{{Text: "Ada Vance and Leo Marsh are dating", Stances: []news.StanceEntry{
		{ArticleID: "c", Stance: news.Denies, By: "Leo Marsh's representative", Citations: whole(courier)},
		{ArticleID: "k", Stance: news.Asserts, Citations: whole(copyOf)},
		{ArticleID: "h", Stance: news.Asserts, By: "model", Citations: whole(hello)},
	}}}
	v.Contradictions = []news.Contradiction{{Kind: "stale", Explanation: "an older stage's"}}
	if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	kinds := func() string {
		var k []string
		for _, c := range v.Contradictions {
			k = append(k, c.Kind)
		}
		return strings.Join(k, ",")
	}
	// The copy's assertion and the courier's denial are one source; the
	// model's reading never counts.
	if got := kinds(); got != "stale" || !strings.Contains(v.Contradictions[0].Explanation, "Courier") ||
		v.Contradictions[0].Sides[0].Citations[0].ArticleID != "h" {
		t.Fatalf("contradictions = %+v", v.Contradictions)
	}
	v.Claims[0].Stances = append(v.Claims[0].Stances, news.StanceEntry{ArticleID: "b", Stance: news.Asserts, Citations: whole(blog)})
	v.Contradictions = nil
	if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if got := kinds(); got != "opposite_claims,stale" {
		t.Fatalf("kinds = %s: %+v", got, v.Contradictions)
	}
	// A statement made more than a week after the line leaves it standing.
	courier.Published, v.Articles[1].Published = day(25), day(25)
	v.Contradictions = nil
	if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if got := kinds(); got != "opposite_claims" {
		t.Fatalf("kinds = %s", got)
	}
}

// An explanation names each source of a value once, and at most three.
func TestValueListNamesSourcesOnce(t *testing.T) {
	dates := map[string]dated{}
	var cites []news.Citation
	for i, src := range []string{"A", "A", "B", "C", "D", "E"} {
		id := string(rune('a' + i))
		if i == 1 {
			id = "a" // a second passage of article a
		}
		dates[id] = dated{source: src, date: "undated"}
		cites = append(cites, news.Citation{ArticleID: id, Start: i, End: i + 1})
	}
	got := valueList([]news.Attribute{{Name: "age", Value: "24", Citations: cites},
		{Name: "age", Value: "25", Citations: cites[:1]}}, dates)
	want := "24 in A, undated; B, undated; C, undated; and 2 other sources vs 25 in A, undated"
	if got != want {
		t.Errorf("valueList = %q, want %q", got, want)
	}
}

// An article that states a claim to knock it down is no source asserting
// it: its own words are left out of the asserting side; what it reports
// from someone else stays.
func TestDebunkingArticleIsNoAssertingSource(t *testing.T) {
	a := &news.Article{ID: "a", Source: "Ledger", Text: "Vale College has banned the word fresher. It has not; the story is false."}
	b := &news.Article{ID: "b", Source: "Coast", Text: "Vale College has banned the word fresher, a blog said."}
	c := &news.Article{ID: "c", Source: "Wire", Text: "Vale College has banned the word fresher."}
	arts := []*news.Article{a, b, c}
	v := news.NewStoryView("s", "t")
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source})
	}
	cite := func(x *news.Article) []news.Citation { return []news.Citation{news.Cite(x.ID, news.Span{End: 10})} }
	v.Claims = []news.Claim{{Text: "Vale College has banned the word fresher", Stances: []news.StanceEntry{
		{ArticleID: "a", Stance: news.Asserts, Voice: news.VoiceOutlet, Citations: cite(a)},
		{ArticleID: "a", Stance: news.Debunks, Voice: news.VoiceOutlet, Citations: cite(a)},
	}}}
	if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Contradictions) != 0 {
		t.Errorf("one debunking article contradicts itself: %+v", v.Contradictions)
	}
	v.Claims[0].Stances = append(v.Claims[0].Stances,
		news.StanceEntry{ArticleID: "b", Stance: news.Asserts, By: "a blog", Voice: news.VoiceMedia, Citations: cite(b)},
		news.StanceEntry{ArticleID: "c", Stance: news.Asserts, Voice: news.VoiceOutlet, Citations: cite(c)})
	v.Contradictions = nil
	if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Contradictions) != 1 || !strings.Contains(v.Contradictions[0].Explanation, "asserted in Coast, Wire; denied in Ledger") {
		t.Errorf("contradictions = %+v, want Coast and Wire against Ledger", v.Contradictions)
	}
}

// A claim worded as a question is quoted, not put after "that".
func TestQuestionClaimIsQuoted(t *testing.T) {
	a := &news.Article{ID: "a", Source: "Ledger", Text: "Is the mayor's sister running the port? She is not."}
	c := &news.Article{ID: "c", Source: "Wire", Text: "The mayor's sister is running the port."}
	arts := []*news.Article{a, c}
	v := news.NewStoryView("s", "t")
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source})
	}
	cite := func(x *news.Article) []news.Citation { return []news.Citation{news.Cite(x.ID, news.Span{End: 10})} }
	v.Claims = []news.Claim{{Text: "Is the mayor's sister running the port?", Stances: []news.StanceEntry{
		{ArticleID: "a", Stance: news.Denies, By: "the port office", Voice: news.VoiceOfficial, Citations: cite(a)},
		{ArticleID: "c", Stance: news.Asserts, Voice: news.VoiceOutlet, Citations: cite(c)},
	}}}
	if err := (Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Contradictions) != 1 || !strings.HasPrefix(v.Contradictions[0].Explanation, "Sources answer “Is the mayor's sister running the port?” both ways: yes in ") {
		t.Errorf("contradictions = %+v", v.Contradictions)
	}
}
