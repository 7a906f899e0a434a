package memstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Fixture story and article ids.
const (
	FerryStory = "s-ferry"
	// MergedStory is an earlier story merged into FerryStory.
	MergedStory = "s-ferry-earlier"
	EvilStory   = "s-evil"
	LedgerID    = "a-ledger"
	CoastID     = "a-coast"
	WireID      = "a-wire"
	EvilID      = "a-evil"
)

// Synthetic fixture texts, written for these tests (a fictional strike).
const (
	ledgerText = "Ferry workers on Lake Verrin walked off the job on Monday, halting all crossings.\n\n" +
		"Union leader Mara Lind, 41, said the strike would last \"until the company listens to us\". " +
		"The operator, Verrin Lines, said it was disappointed.\n\n" +
		"Services are expected to resume on March 8, 2024."
	coastText = "All ferry crossings on Lake Verrin stopped after workers walked off the job on Monday.\n\n" +
		"Mara Lind, 42, who leads the union, told reporters the strike would last \"until the company listens\". " +
		"Verrin Lines denied that talks had collapsed.\n\n" +
		"The strike began on March 4, 2024."
	wireText = "Ferry workers on Lake Verrin walked off the job on Monday, halting all crossings. " +
		"Commuters faced long detours around the lake.\n\n" +
		"A spokesperson for Verrin Lines said talks had collapsed."
	evilText = "This page tries <script>alert('x')</script> to run code.\n\n" +
		"<a href=\"javascript:alert(2)\">click me</a> and [[not a mark]] and <img src=x onerror=alert(3)>."
)

// EvilURL is the hostile URL of the hostile fixture article.
const EvilURL = "javascript:alert(1)"

// sp returns the span of the first occurrence of phrase in text; it panics
// when phrase is absent, which is a bug in the fixture.
func sp(text, phrase string) news.Span {
	i := strings.Index(text, phrase)
	if i < 0 {
		panic(fmt.Sprintf("fixture: %q not in text", phrase))
	}
	return news.Span{Start: i, End: i + len(phrase)}
}

func day(d int) time.Time { return time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC) }

// Fixture returns a store holding a small synthetic story of three articles
// with a full view, and one hostile article whose title, source, URL and text
// carry markup and javascript: links.
func Fixture(ctx context.Context) (*Store, error) {
	s := New()
	ledger := &news.Article{ID: LedgerID, URL: "https://ledger.example/ferry", Source: "Harbor Ledger",
		Title: "Ferry workers strike on Lake Verrin", Author: "J. Doe", Published: day(4), Text: ledgerText}
	ledger.Removed = []news.Removal{{Text: "Related Posts", Reason: "site chrome", At: len(ledgerText)},
		{Text: "Photo: Lake Verrin / Agency", Reason: "photo credit", At: sp(ledgerText, "Union").Start}}
	ledger.Mentions = []news.Mention{
		{Span: sp(ledgerText, "Lake Verrin"), Text: "Lake Verrin", Type: news.LOC, Key: "lake-verrin", Name: "Lake Verrin"},
		{Span: sp(ledgerText, "Mara Lind"), Text: "Mara Lind", Type: news.PER, Key: "mara-lind", Name: "Mara Lind"},
		{Span: sp(ledgerText, "Verrin Lines"), Text: "Verrin Lines", Type: news.ORG, Key: "verrin-lines", Name: "Verrin Lines"},
	}
	ledger.Quotes = []news.QuoteMention{{Span: sp(ledgerText, "until the company listens to us"),
		Text: "until the company listens to us", Speaker: "Mara Lind", SpeakerKey: "mara-lind", Cue: "said", Parent: -1}}
	ledger.Statements = []news.Statement{{Span: sp(ledgerText, "Ferry workers on Lake Verrin walked off the job on Monday"),
		Subject: "ferry workers", Predicate: "strike", Stance: news.Asserts}}
	coast := &news.Article{ID: CoastID, URL: "https://coast.example/news/1", Source: "Coast Times",
		Title: "Lake Verrin crossings halted", Published: day(5), Text: coastText}
	wire := &news.Article{ID: WireID, URL: "https://wire.example/x", Source: "North Wire",
		Title: "Verrin ferry strike", Published: day(5).Add(time.Hour), Text: wireText}
	evil := &news.Article{ID: EvilID, URL: EvilURL, Source: "<b>Bad</b> Outlet",
		Title: "<script>alert(\"t\")</script> Evil", Published: day(6), Text: evilText}
	evil.Removed = []news.Removal{{Text: "<script>alert('removed')</script>", Reason: "site chrome", At: 0}}
	for _, a := range []*news.Article{ledger, coast, wire, evil} {
		a.Ingested = a.Published.Add(time.Hour) // fetched an hour after it appeared
		if _, err := s.SaveArticle(ctx, a); err != nil {
			return nil, err
		}
	}
	for id, story := range map[string]string{LedgerID: FerryStory, CoastID: FerryStory, WireID: FerryStory, EvilID: EvilStory} {
		if err := s.SetStory(ctx, id, story); err != nil {
			return nil, err
		}
	}
	s.merged[MergedStory] = FerryStory
	if err := s.SaveView(ctx, ferryView(ledger, coast, wire)); err != nil {
		return nil, err
	}
	return s, s.SaveView(ctx, evilView(evil))
}

func storyArticle(a *news.Article, group string) news.StoryArticle {
	return news.StoryArticle{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: a.Published, Group: group}
}

func cite(a *news.Article, phrase string) news.Citation { return news.Cite(a.ID, sp(a.Text, phrase)) }

func ferryView(ledger, coast, wire *news.Article) *news.StoryView {
	v := news.NewStoryView(FerryStory, "Ferry workers strike on Lake Verrin")
	v.Articles = []news.StoryArticle{storyArticle(ledger, "g1"), storyArticle(coast, "g2"), storyArticle(wire, "g1")}
	v.Entities = []news.Entity{
		{ID: "per-mara-lind", Name: "Mara Lind", Type: news.PER, Aliases: []string{"Lind"}, Articles: []string{LedgerID, CoastID},
			Mentions: []news.Citation{cite(ledger, "Mara Lind"), cite(coast, "Mara Lind")},
			Attributes: []news.Attribute{
				{Name: "age", Value: "41", Citations: []news.Citation{cite(ledger, "Mara Lind, 41")}},
				{Name: "age", Value: "42", Citations: []news.Citation{cite(coast, "Mara Lind, 42")}},
				{Name: "occupation", Value: "union leader", Citations: []news.Citation{cite(ledger, "Union leader"), cite(coast, "who leads the union")}},
			}},
		{ID: "org-verrin-lines", Name: "Verrin Lines", Type: news.ORG, Articles: []string{LedgerID, CoastID, WireID},
			Mentions: []news.Citation{cite(ledger, "Verrin Lines"), cite(coast, "Verrin Lines"), cite(wire, "Verrin Lines")}},
		{ID: "loc-lake-verrin", Name: "Lake Verrin", Type: news.LOC, Articles: []string{LedgerID, CoastID, WireID},
			Mentions: []news.Citation{cite(ledger, "Lake Verrin"), cite(coast, "Lake Verrin"), cite(wire, "Lake Verrin")}},
	}
	v.Quotes = []news.Quote{{ID: "q1", Text: "until the company listens to us", Speaker: news.Speaker{Name: "Mara Lind", EntityID: "per-mara-lind"},
		FirstArticleID: LedgerID, Altered: true, Carriers: []news.Carrier{
			{ArticleID: LedgerID, Text: "until the company listens to us", Citations: []news.Citation{cite(ledger, "until the company listens to us")}},
			{ArticleID: CoastID, Text: "until the company listens", ToldTo: "reporters", Diff: "drops \"to us\"",
				Citations: []news.Citation{cite(coast, "until the company listens")}},
		}}}
	v.Claims = []news.Claim{
		{ID: "c1", Text: "Ferry workers on Lake Verrin are on strike", Status: news.Confirmed, Reason: "three sources assert it",
			Stances: []news.StanceEntry{
				{ArticleID: LedgerID, Stance: news.Asserts, Citations: []news.Citation{cite(ledger, "Ferry workers on Lake Verrin walked off the job on Monday")}},
				{ArticleID: CoastID, Stance: news.Asserts, Citations: []news.Citation{cite(coast, "workers walked off the job on Monday")}},
				{ArticleID: WireID, Stance: news.Asserts, Citations: []news.Citation{cite(wire, "Ferry workers on Lake Verrin walked off the job on Monday")}},
			}},
		{ID: "c2", Text: "Talks between the union and Verrin Lines collapsed", Status: news.Disputed, Reason: "one source asserts, one denies",
			Stances: []news.StanceEntry{
				{ArticleID: WireID, Stance: news.Asserts, By: "a spokesperson for Verrin Lines", Citations: []news.Citation{cite(wire, "said talks had collapsed")}},
				{ArticleID: CoastID, Stance: news.Denies, Citations: []news.Citation{cite(coast, "Verrin Lines denied that talks had collapsed")}},
			}},
	}
	v.Contradictions = []news.Contradiction{
		{Kind: "attribute", Explanation: "sources give Mara Lind's age differently", Sides: []news.Side{
			{Text: "age 41", Citations: []news.Citation{cite(ledger, "Mara Lind, 41")}},
			{Text: "age 42", Citations: []news.Citation{cite(coast, "Mara Lind, 42")}},
		}},
		{Kind: "opposite_claims", Explanation: "whether talks collapsed", Sides: []news.Side{
			{Text: "talks collapsed", Citations: []news.Citation{cite(wire, "said talks had collapsed")}},
			{Text: "talks did not collapse", Citations: []news.Citation{cite(coast, "Verrin Lines denied that talks had collapsed")}},
		}},
	}
	v.Timeline = []news.TimelineEvent{
		{Date: "2024-03-04", Text: "Ferry workers walk off the job", FirstReported: LedgerID,
			Citations: []news.Citation{cite(ledger, "walked off the job on Monday"), cite(coast, "The strike began on March 4, 2024")}},
		{Date: "2024-03-08", Text: "Services expected to resume", FirstReported: LedgerID,
			Citations: []news.Citation{cite(ledger, "Services are expected to resume on March 8, 2024")}},
	}
	v.Copies = []news.Copy{{FromArticleID: LedgerID, ToArticleID: WireID, Via: "date", Kind: news.CopyPassage,
		Text:      "Ferry workers on Lake Verrin walked off the job on Monday, halting all crossings.",
		Citations: []news.Citation{cite(ledger, "Ferry workers on Lake Verrin walked off the job on Monday, halting all crossings."), cite(wire, "Ferry workers on Lake Verrin walked off the job on Monday, halting all crossings.")}}}
	v.Sheet = []news.SheetLine{
		{Section: "What happened", Text: "Ferry workers on Lake Verrin went on strike on March 4, 2024, halting all crossings.",
			Citations: []news.Citation{cite(ledger, "walked off the job on Monday, halting all crossings"), cite(coast, "The strike began on March 4, 2024")}},
		{Section: "People", Text: "Mara Lind leads the union; her age is given as 41 and as 42.",
			Citations: []news.Citation{cite(ledger, "Mara Lind, 41"), cite(coast, "Mara Lind, 42")}},
		{Section: "Disputed", Text: "Whether talks collapsed is disputed.",
			Citations: []news.Citation{cite(wire, "said talks had collapsed"), cite(coast, "Verrin Lines denied that talks had collapsed")}},
	}
	return v
}

func evilView(evil *news.Article) *news.StoryView {
	v := news.NewStoryView(EvilStory, evil.Title)
	v.Articles = []news.StoryArticle{storyArticle(evil, "")}
	v.Entities = []news.Entity{{Name: "<img src=x onerror=alert(4)>", Type: news.PER,
		Articles: []string{EvilID}, Mentions: []news.Citation{cite(evil, "<img src=x onerror=alert(3)>")}}}
	v.Sheet = []news.SheetLine{{Section: "<i>What</i>", Text: "<script>alert('sheet')</script> javascript:alert(5)",
		Citations: []news.Citation{cite(evil, "<script>alert('x')</script>")}}}
	return v
}

// Synthetic returns a store of n generated articles in stories of five, each
// story with a view citing every article; for load tests.
func Synthetic(ctx context.Context, n int) (*Store, error) {
	s := New()
	outlets := []string{"Alpha Post", "Beta Daily", "Gamma News", "Delta Wire", "Epsilon Times"}
	var view *news.StoryView
	var arts []*news.Article
	flush := func() error {
		if view == nil {
			return nil
		}
		e := news.Entity{ID: view.ID + "-e", Name: "Person " + view.ID, Type: news.PER}
		for i, a := range arts {
			c := news.Cite(a.ID, news.Span{Start: 0, End: 40})
			view.Sheet = append(view.Sheet, news.SheetLine{Section: "What happened", Text: a.Title, Citations: []news.Citation{c}})
			view.Timeline = append(view.Timeline, news.TimelineEvent{Date: a.Published.Format("2006-01-02"), Text: a.Title, Citations: []news.Citation{c}})
			e.Articles = append(e.Articles, a.ID)
			e.Mentions = append(e.Mentions, c)
			if i > 0 {
				view.Copies = append(view.Copies, news.Copy{FromArticleID: arts[0].ID, ToArticleID: a.ID, Text: a.Text[:40], Kind: news.CopyPassage, Citations: []news.Citation{c}})
			}
		}
		view.Entities = append(view.Entities, e)
		view.Claims = append(view.Claims, news.Claim{ID: view.ID + "-c", Text: "Story " + view.ID + " happened", Status: news.Unverified})
		return s.SaveView(ctx, view)
	}
	for i := range n {
		storyID := fmt.Sprintf("s%05d", i/5)
		if view == nil || view.ID != storyID {
			if err := flush(); err != nil {
				return nil, err
			}
			view, arts = news.NewStoryView(storyID, "Synthetic story "+storyID), nil
		}
		a := &news.Article{ID: fmt.Sprintf("a%06d", i), Source: outlets[i%len(outlets)], URL: fmt.Sprintf("https://example.org/%d", i),
			Title: fmt.Sprintf("Report %d on story %s", i, storyID), Published: day(1).Add(time.Duration(i) * time.Minute),
			Text: strings.Repeat(fmt.Sprintf("Sentence number %d of a generated article about story %s. ", i, storyID), 30)}
		if _, err := s.SaveArticle(ctx, a); err != nil {
			return nil, err
		}
		if err := s.SetStory(ctx, a.ID, storyID); err != nil {
			return nil, err
		}
		arts = append(arts, a)
		view.Articles = append(view.Articles, storyArticle(a, ""))
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return s, nil
}
