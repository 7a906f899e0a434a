package claim

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/contradiction"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/status"
	"github.com/crosscheck-news/crosscheck/internal/timeline"
)

// article builds an article whose sentences are its lines and whose person
// mentions are the given names wherever they occur.
func article(id, source string, day int, lines []string, people map[string]string) *news.Article {
	a := &news.Article{ID: id, Source: source, Text: strings.Join(lines, " ")}
	if day > 0 {
		a.Published = time.Date(2031, 3, day, 0, 0, 0, 0, time.UTC)
	}
	off := 0
	for _, l := range lines {
		a.Sentences = append(a.Sentences, news.Span{Start: off, End: off + len(l)})
		off += len(l) + 1
	}
	for surface, full := range people {
		for i := 0; ; {
			j := strings.Index(a.Text[i:], surface)
			if j < 0 {
				break
			}
			s := news.Span{Start: i + j, End: i + j + len(surface)}
			a.Mentions = append(a.Mentions, news.Mention{Span: s, Text: surface, Type: news.PER, Key: full, Name: full})
			i = s.End
		}
	}
	return a
}

var people = map[string]string{"Ada Vance": "Ada Vance", "Vance": "Ada Vance", "Leo Marsh": "Leo Marsh", "Marsh": "Leo Marsh"}

func statements(t *testing.T, a *news.Article) []news.Statement {
	t.Helper()
	if err := (Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	return a.Statements
}

func TestStanceOfSentences(t *testing.T) {
	for _, tc := range []struct {
		line string
		pred string
		want news.Stance
	}{
		{"Are Ada Vance and Leo Marsh dating?", "dating", news.Questions},
		{"A representative for Leo Marsh told the Courier that Marsh is not dating Ada Vance.", "dating", news.Denies},
		{"Rumours of a romance between Ada Vance and Leo Marsh swept the internet.", "dating", news.Rumour},
		{"Ada Vance and Leo Marsh are dating, the Courier can reveal.", "dating", news.Asserts},
		{"It is not confirmed if Ada Vance is dating Leo Marsh or not.", "dating", news.Questions},
		{"Ada Vance and Leo Marsh met in Lisbon.", "met", news.Asserts},
	} {
		a := article("a", "X", 1, []string{"Ada Vance spoke.", "Leo Marsh spoke.", tc.line}, people)
		var got []news.Statement
		for _, s := range statements(t, a) {
			if s.Span == a.Sentences[2] {
				got = append(got, s)
			}
		}
		if len(got) != 1 || got[0].Predicate != tc.pred || got[0].Stance != tc.want {
			t.Errorf("%q: got %+v, want %s %s", tc.line, got, tc.pred, tc.want)
		}
	}
}

func TestRoleSpeakerAndPairReference(t *testing.T) {
	a := article("a", "X", 1, []string{
		"Ada Vance was seen with Leo Marsh.",
		"A spokesperson for Leo Marsh said they are not dating.",
		"Ada Vance left alone, and Marsh went home."}, people)
	sts := statements(t, a)
	if len(sts) != 1 || sts[0].By != "Leo Marsh's spokesperson" || sts[0].Stance != news.Denies {
		t.Fatalf("statements = %+v", sts)
	}
}

func TestNoCommentIsNotADenial(t *testing.T) {
	a := article("a", "X", 1, []string{"Ada Vance and Leo Marsh were photographed.",
		"Neither Ada Vance nor Leo Marsh have commented on their relationship."}, people)
	sts := statements(t, a)
	if len(sts) != 1 || sts[0].Predicate != "commented" || !sts[0].Negated {
		t.Fatalf("statements = %+v", sts)
	}
}

func TestClaimStatusStaleAndTimeline(t *testing.T) {
	hello := article("h", "Hello", 10, []string{"Ada Vance and Leo Marsh were pictured together.",
		"Neither Ada Vance nor Leo Marsh has commented on the romance."}, people)
	courier := article("c", "Courier", 11, []string{"A rep for Leo Marsh told the Courier that Marsh is not dating Ada Vance.",
		"Ada Vance posted on March 8, 2031 a photo."}, people)
	courier.Dates = []news.DateMention{{Span: news.Span{Start: strings.Index(courier.Text, "March 8"), End: strings.Index(courier.Text, "March 8") + 13},
		Value: time.Date(2031, 3, 8, 0, 0, 0, 0, time.UTC), Precision: "day"}}
	blog := article("b", "Blog", 0, []string{"Fans think Ada Vance and Leo Marsh are a couple."}, people)
	arts := []*news.Article{hello, courier, blog}
	for _, a := range arts {
		statements(t, a)
	}
	v := news.NewStoryView("s", "t")
	for _, a := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Source: a.Source, Published: a.Published})
	}
	v.Entities = []news.Entity{{ID: "e1", Name: "Ada Vance", Type: news.PER}, {ID: "e2", Name: "Leo Marsh", Type: news.PER, Aliases: []string{"Marsh"}}}
	if err := (Builder{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if err := (StanceReader{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if err := (status.Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if err := (contradiction.Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if err := (timeline.Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	var dating *news.Claim
	for i, c := range v.Claims {
		if c.Text == "Ada Vance and Leo Marsh are dating" {
			dating = &v.Claims[i]
		}
	}
	if dating == nil || dating.Status != news.Denied || !strings.Contains(dating.Reason, "Leo Marsh's representative") {
		t.Fatalf("claims = %+v", v.Claims)
	}
	if !v.Claims[0].Main {
		t.Errorf("first claim is not the main claim: %+v", v.Claims[0])
	}
	var staleFound bool
	for _, c := range v.Contradictions {
		if c.Kind == "stale" && len(c.Sides) == 2 && c.Sides[0].Citations[0].ArticleID == "h" {
			staleFound = true
		}
	}
	if !staleFound {
		t.Errorf("no stale contradiction: %+v", v.Contradictions)
	}
	var dates []string
	for _, e := range v.Timeline {
		dates = append(dates, e.Date)
	}
	if strings.Join(dates, ",") != "2031-03-08,2031-03-11" {
		t.Errorf("timeline dates = %v", dates)
	}
}

func FuzzExtractor(f *testing.F) {
	f.Add("Ada Vance and Leo Marsh are dating. A rep for Leo Marsh said they are not.", 3, 9)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		art := &news.Article{Text: text}
		n := len(text)
		if n == 0 {
			return
		}
		a, b = abs(a)%n, abs(b)%n
		art.Sentences = []news.Span{{Start: 0, End: min(a, b)}, {Start: min(a, b), End: n}}
		art.Mentions = []news.Mention{{Span: news.Span{Start: min(a, b) / 2, End: max(a, b)}, Type: news.PER, Key: "x", Name: "X"},
			{Span: news.Span{Start: 0, End: min(a, b)}, Type: news.PER, Key: "y", Name: "Y"}}
		art.Quotes = []news.QuoteMention{{Span: news.Span{Start: a / 2, End: max(a, b)}, Speaker: "Z", Parent: -1}}
		if err := (Extractor{}).Process(t.Context(), art); err != nil {
			t.Fatal(err)
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestBusinessRelationshipIsNotRomance(t *testing.T) {
	a := article("a", "X", 1, []string{"Ada Vance spoke.", "Leo Marsh spoke.",
		"Ada Vance praised her working relationship with Leo Marsh at the studio."}, people)
	for _, s := range statements(t, a) {
		if s.Predicate == "dating" {
			t.Errorf("dating claim from a business relationship: %+v", s)
		}
	}
}

func TestHeadlineClaimWhenNothingIsStated(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Ferries stop as crews strike.", "The union wants higher pay."}, nil)
	b := article("b", "Coast", 3, []string{"Crews deny any strike is planned."}, nil)
	v := news.NewStoryView("s", "Ferry crews strike")
	for _, x := range []*news.Article{a, b} {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source, Published: x.Published})
	}
	model := func(claim string, x *news.Article) (news.Stance, bool) {
		if strings.Contains(x.Text, "deny") {
			return news.Denies, true
		}
		return news.Asserts, true
	}
	if err := (Builder{Stance: model}).Build(t.Context(), v, []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if len(v.Claims) != 1 || len(v.Claims[0].Stances) != 0 {
		t.Fatalf("the claims stage reads no stances of a lead claim: %+v", v.Claims)
	}
	if err := (StanceReader{Stance: model}).Build(t.Context(), v, []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := (status.Stage{}).Build(t.Context(), v, []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	// The lead most sources share is the main claim; the article that
	// states it asserts it, the other is read by the model.
	if len(v.Claims) != 1 || v.Claims[0].Text != "Ferries stop as crews strike" || v.Claims[0].Kind != "main" || v.Claims[0].Status != news.Disputed ||
		len(v.Claims[0].Stances) != 2 || v.Claims[0].Stances[0].By != "" || v.Claims[0].Stances[1].By != "model" {
		t.Fatalf("claims = %+v", v.Claims)
	}
	if c := v.Claims[0].Stances[1].Citations[0]; c.ArticleID != "b" || c.End > len(b.Text) {
		t.Errorf("citation %+v", c)
	}
}

func TestCleanProposition(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"(Sept. 22, 2014, update 1:09 p.m.) A high-ranking official resigned on Monday, the ministry said.", "A high-ranking official resigned on Monday"},
		{"WASHINGTON (Reuters) - The Senate passed the spending bill late on Friday.", "The Senate passed the spending bill late on Friday"},
		{"Rome| An Italian expert found a first century document in a library.", "An Italian expert found a first century document in a library"},
		{"Phoenix, AZ — A Phoenix boy is behind bars tonight after a fire at his school.", "A Phoenix boy is behind bars tonight after a fire at his school"},
		{"According to police, the bridge will stay closed until the end of the month.", "The bridge will stay closed until the end of the month"},
		{"Claim: The mayor sold the city's water rights to a private company.", "The mayor sold the city's water rights to a private company"},
		{"Friday there are several hundred boats moored in the harbour.", "There are several hundred boats moored in the harbour"},
		{"Monday, the council closed the harbour to visitors.", "The council closed the harbour to visitors"},
		{"Monday was the hottest day in the harbour town's records.", "Monday was the hottest day in the harbour town's records"},
		{"Well, turns out that one of the onlookers at the harbour was the actor Ivo Brandt.", "One of the onlookers at the harbour was the actor Ivo Brandt"},
		{"It turns out the ferry was never late.", "The ferry was never late"},
		{"Naval history: Lina Ross, pictured in uniform, was formerly a member of the coast guard.", "Lina Ross, pictured in uniform, was formerly a member of the coast guard"},
		{"Ada Moss: The ferry was never late and the crew was paid on time.", "Ada Moss: The ferry was never late and the crew was paid on time"},
		{"Wells in the harbour town ran dry on Monday.", "Wells in the harbour town ran dry on Monday"},
	} {
		if got := cleanProposition(c.in); got != c.want {
			t.Errorf("cleanProposition(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"The senator is not dead", "The senator is dead", true},
		{"The factory won't reopen next year", "The factory will reopen next year", true},
		{"The bill passed the house", "The bill passed the house", false},
	} {
		if got, ok := positive(c.in); got != c.want || ok != c.ok {
			t.Errorf("positive(%q) = %q, %v", c.in, got, ok)
		}
	}
	if claimLike("Citigroup Jim Suva on Apple Watch") || !claimLike("The Senate passed the spending bill on Friday") {
		t.Error("claimLike: a label passed or a sentence failed")
	}
}

// TestRelationKeysCoverTriggers checks the cheap test before each trigger:
// every sentence a trigger matches holds one of its keys.
func TestRelationKeysCoverTriggers(t *testing.T) {
	for _, s := range []string{
		"They tied the knot in June.", "The pair are engaged.", "Her fiancé spoke.", "They went on a date.",
		"The two are seeing each other.", "Fans are shipping them.", "They were photographed together.",
		"They posed side by side.", "He cozied up to her.", "They took a photo together.", "She met him in May.",
		"They parted ways.", "Her ex-husband spoke.", "She lives with ex Tristan Thompson.", "After their break-up, she left.",
		"The couple divorced.",
	} {
		lower := strings.ToLower(s)
		for _, rel := range relations {
			if rel.trigger.MatchString(s) && !hasAny(lower, rel.keys) {
				t.Errorf("%s matches %q but no key does", rel.predicate, s)
			}
		}
	}
}

func TestClauseStart(t *testing.T) {
	for s, want := range map[string]bool{
		"The council approved the budget":                        true,
		"Since reached out to the ministry":                      false,
		"Because the bridge was closed early":                    false,
		"And the mayor resigned on Friday":                       false,
		"Officials said the bridge was safe":                     true,
		"out future talks and said the girls had left":           false, // "ruled [out ...]": a phrasal verb cut
		"Him it was a small insect bite":                         false, // "[told] him it was…"
		"Local media they heard a blast":                         false, // "[told] local media they heard…"
		"Later they closed the bridge":                           true,
		"Ruiz said she had met the fishermen":                    true,
		"Thought a quake caused the loud bang":                   false, // "[residents] thought…"
		"' about the name, the minister said":                    false,
		"There are several hundred boats in the harbour":         true,
		"Thank you for contacting the harbour, have a great day": false, // a courtesy, no statement
		"Please call the harbour office before noon":             false,
		"There to meet the mayor and his aides":                  false,
	} {
		if got := clauseStart(s); got != want {
			t.Errorf("clauseStart(%q) = %v, want %v", s, got, want)
		}
	}
}

// The stance model reads, for a relation, only the articles with a sentence
// naming one of the two people: no other article can show a model stance,
// and in a story of thousands of articles reading every one for every
// relation was most of a rebuild.
func TestRelationModelReadsArticlesNamingThePeople(t *testing.T) {
	hello := article("h", "Hello", 10, []string{"Ada Vance and Leo Marsh were pictured together.",
		"Ada Vance is dating Leo Marsh, an insider said."}, people)
	courier := article("c", "Courier", 11, []string{"A rep for Leo Marsh told the Courier that Marsh is not dating Ada Vance."}, people)
	gossip := article("g", "Gossip", 12, []string{"The actor was seen downtown.", "Is Marsh off the market?"}, people)
	ferry := article("f", "Ledger", 12, []string{"Ferries stop as crews strike."}, nil)
	arts := []*news.Article{hello, courier, gossip, ferry}
	v := news.NewStoryView("s", "t")
	for _, a := range arts {
		statements(t, a)
		v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Source: a.Source, Published: a.Published})
	}
	v.Entities = []news.Entity{{ID: "e1", Name: "Ada Vance", Type: news.PER}, {ID: "e2", Name: "Leo Marsh", Type: news.PER, Aliases: []string{"Marsh"}}}
	asked := map[string]bool{}
	model := func(claim string, a *news.Article) (news.Stance, bool) {
		asked[a.ID] = true
		return news.Questions, true
	}
	if err := (Builder{Stance: model}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if asked["f"] || !asked["g"] {
		t.Errorf("model asked about %v, want the gossip article and not the ferry one", asked)
	}
	var got *news.StanceEntry
	for _, c := range v.Claims {
		for i, s := range c.Stances {
			if s.ArticleID == "g" {
				got = &c.Stances[i]
			}
		}
	}
	if got == nil || got.By != "model" || got.Citations[0].Start != strings.Index(gossip.Text, "Is Marsh") {
		t.Errorf("gossip stance %+v, want the model's, citing the sentence naming Marsh", got)
	}
}

// The 3-byte-run filter of an article's reading never rules out a string
// the article holds, and rules out most it does not.
func TestReadingMayHold(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Ferries stop as crews strike at Tromsø.", "The union wants higher pay, Ada Vance said."}, people)
	r := (*Cache)(nil).reading(a)
	for _, s := range r.folds {
		for i := range len(s) {
			for j := i; j <= len(s) && j-i <= 12; j++ {
				if !r.mayHold(s[i:j]) {
					t.Fatalf("mayHold(%q) = false, but %q holds it", s[i:j], s)
				}
			}
		}
	}
	ruled := 0
	absent := []string{"marsh", "kardashian", "morrone", "bridge", "harbour", "police", "minister", "leo", "zebra", "qatar"}
	for _, s := range absent {
		if !r.mayHold(s) {
			ruled++
		}
	}
	if ruled < len(absent)-1 {
		t.Errorf("only %d of %d absent names ruled out", ruled, len(absent))
	}
}

func TestNameWordIsNoTrigger(t *testing.T) {
	for _, c := range []struct {
		text string
		at   string
		want bool
	}{
		{"A statement from the Met Press Office named the man.", "Met", true},
		{"They flew to Split on Friday.", "Split", true},
		{"Met at a gala, they left together.", "Met", false},
		{"The two met at a gala.", "met", false},
		{"OMG KHLOE IS DATING MICHELE", "DATING", false},
		{"It was over. Split up for good, they moved on.", "Split", false},
	} {
		if got := nameWord(c.text, strings.Index(c.text, c.at)); got != c.want {
			t.Errorf("nameWord(%q, %q) = %v, want %v", c.text, c.at, got, c.want)
		}
	}
}

// A relation beside the main claim that one article states in passing is
// no key fact; stated by two independent outlets it is.
func TestPassingRelationIsNoKeyFact(t *testing.T) {
	build := func(arts ...*news.Article) []string {
		v := news.NewStoryView("s", "t")
		for _, a := range arts {
			statements(t, a)
			v.Articles = append(v.Articles, news.StoryArticle{ID: a.ID, Source: a.Source, Published: a.Published})
		}
		v.Entities = []news.Entity{{ID: "e1", Name: "Ada Vance", Type: news.PER}, {ID: "e2", Name: "Leo Marsh", Type: news.PER}}
		if err := (Builder{}).Build(t.Context(), v, arts); err != nil {
			t.Fatal(err)
		}
		var rel []string
		for _, c := range v.Claims {
			if c.Kind == "relation" {
				rel = append(rel, c.Text)
			}
		}
		return rel
	}
	lead := "Ada Vance and Leo Marsh each gave money to the harbour charity on Friday."
	a := article("a", "Ledger", 10, []string{lead, "Ada Vance met Leo Marsh in 2029."}, people)
	b := article("b", "Coast", 11, []string{lead}, people)
	if rel := build(a, b); len(rel) != 0 {
		t.Errorf("relations %q from one article's passing words", rel)
	}
	a = article("a", "Ledger", 10, []string{lead, "Ada Vance met Leo Marsh in 2029."}, people)
	b = article("b", "Coast", 11, []string{lead, "Ada Vance first met Leo Marsh in 2029."}, people)
	if rel := build(a, b); len(rel) != 1 {
		t.Errorf("relations %q, want the meeting two outlets state", rel)
	}
}

// A partner named only by a pronoun ("his wife") is not one of the people
// the sentence names: the word ties neither of them to the other.
func TestUnnamedPartnerTiesNoOne(t *testing.T) {
	a := article("a", "Ledger", 2, []string{
		"“They will not remember the races,” Ada Vance said, referring to the scandal Leo Marsh endured in 2009 which led to a divorce from his wife."}, people)
	for _, st := range statements(t, a) {
		t.Errorf("statement %s %s %s from %q", st.Subject, st.Predicate, st.Object, st.Span.Text(a.Text))
	}
	// a partner named after the pronoun is one of them
	b := article("b", "Ledger", 2, []string{"Leo Marsh split from his wife, Ada Vance, in May after ten years."}, people)
	split := false
	for _, st := range statements(t, b) {
		split = split || st.Predicate == "split"
	}
	if !split {
		t.Errorf("statements = %+v, want the split of Leo Marsh and Ada Vance", b.Statements)
	}
}

// "Met" in the passive is fulfilled, not a meeting: demands are met,
// people meet each other.
func TestPassiveMetIsNoMeeting(t *testing.T) {
	a := article("a", "Ledger", 2, []string{
		"Ada Vance, held by the rebels, pleaded with Leo Marsh to act, as they would kill her if their demands were not met."}, people)
	for _, st := range statements(t, a) {
		t.Errorf("statement %s %s %s from %q", st.Subject, st.Predicate, st.Object, st.Span.Text(a.Text))
	}
	c := article("c", "Ledger", 2, []string{
		"Ada Vance said Leo Marsh would meet his fate in three days if the council did not meet the group's demands."}, people)
	for _, st := range statements(t, c) {
		t.Errorf("statement %s %s %s from %q", st.Subject, st.Predicate, st.Object, st.Span.Text(c.Text))
	}
	b := article("b", "Ledger", 2, []string{"Ada Vance and Leo Marsh were not seen together, and they never met."}, people)
	met := false
	for _, st := range statements(t, b) {
		met = met || st.Predicate == "met"
	}
	if !met {
		t.Errorf("statements = %+v, want that they never met", b.Statements)
	}
}

// An article that states the main claim to knock it down is no source
// asserting it: its stances hold the debunk, not its own statement of the
// claim, and the status counts it on one side only.
func TestDebunkingArticleDoesNotAssert(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Ferries stop as crews strike.", "The union wants higher pay."}, nil)
	b := article("b", "Coast", 3, []string{"Ferries stop as crews strike.", "The report is a hoax."}, nil)
	c := article("c", "Wire", 4, []string{"Ferries stop as crews strike.", "The report is false, the union said."}, nil)
	arts := []*news.Article{a, b, c}
	v := news.NewStoryView("s", "Ferries stop as crews strike")
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source, Published: x.Published})
	}
	for _, st := range []news.StoryStage{Builder{}, StanceReader{}, status.Stage{}} {
		if err := st.Build(t.Context(), v, arts); err != nil {
			t.Fatal(err)
		}
	}
	if len(v.Claims) == 0 || v.Claims[0].Text != "Ferries stop as crews strike" {
		t.Fatalf("claims = %+v", v.Claims)
	}
	m := v.Claims[0]
	byArticle := map[string][]news.Stance{}
	for _, e := range m.Stances {
		byArticle[e.ArticleID] = append(byArticle[e.ArticleID], e.Stance)
	}
	if got := byArticle["a"]; len(got) != 1 || got[0] != news.Asserts {
		t.Errorf("stances of a = %v, want it to assert", got)
	}
	for _, id := range []string{"b", "c"} {
		if got := byArticle[id]; len(got) != 1 || got[0] != news.Debunks {
			t.Errorf("stances of %s = %v, want one debunk", id, got)
		}
	}
	if m.Status != news.Disputed || !strings.Contains(m.Reason, "asserted by 1 independent outlet") {
		t.Errorf("status %s: %s", m.Status, m.Reason)
	}
}

// A relation an outlet states and then reports denied is not asserted by
// that outlet.
func TestRelationDeniedInTheSameArticle(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Ada Vance and Leo Marsh are dating.",
		"A representative for Leo Marsh told the Ledger that Marsh is not dating Ada Vance."}, people)
	b := article("b", "Coast", 3, []string{"Ada Vance and Leo Marsh are dating, the Coast can reveal."}, people)
	arts := []*news.Article{a, b}
	for _, x := range arts {
		statements(t, x)
	}
	v := news.NewStoryView("s", "t")
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source, Published: x.Published})
	}
	v.Entities = []news.Entity{{ID: "e1", Name: "Ada Vance", Type: news.PER, Aliases: []string{"Vance"}},
		{ID: "e2", Name: "Leo Marsh", Type: news.PER, Aliases: []string{"Marsh"}}}
	if err := (Builder{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range v.Claims {
		if c.Text == "Ada Vance and Leo Marsh are dating" {
			for _, s := range c.Stances {
				got = append(got, s.ArticleID+":"+string(s.Stance))
			}
		}
	}
	if strings.Join(got, " ") != "a:denies b:asserts" {
		t.Errorf("stances of the dating claim: %v, want a:denies b:asserts", got)
	}
}

func TestRumourOfDenial(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"A palace spokesman has denied rumours that King Tomas, a trained pilot, is flying bombing raids himself",
			"King Tomas, a trained pilot, is flying bombing raids himself"},
		{"Reports that Vale Telecom will cut off users of the Onion browser are false, the company says in a blog post",
			"Vale Telecom will cut off users of the Onion browser"},
		{"Vale Dairy denies rumors of a ‘ginger beer’ flavoured cheese", ""}, // a thing, not what is said of it
		{"Harbour Police Dismiss Online Reports That The Bridge Will Close", "The Bridge Will Close"},
		// who "it" or "he" is cannot be told safely
		{"Vale Telecom denies reports that it will cut off users of the Onion browser", ""},
		{"The minister dismissed suggestions that he would resign over the ferry contract", ""},
		// a relative clause is no lead reporting a denial
		{"Police, who denied reports that the suspect was armed, said the man had been arrested on Tuesday", ""},
		{"The mayor denied taking money from the ferry company", ""},
		{"Reports say the ferry company will close the harbour next year", ""},
	} {
		got, ok := rumourOfDenial(c.in)
		if c.want == "" && (ok || got != c.in) || c.want != "" && (!ok || got != c.want) {
			t.Errorf("rumourOfDenial(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}
