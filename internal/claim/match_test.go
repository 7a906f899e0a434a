package claim

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/status"
)

// said adds to a an attribution statement for the sentence holding content,
// spoken by by with the given voice and stance.
func said(a *news.Article, content, by, voice string, st news.Stance) {
	i := strings.Index(a.Text, content)
	c := news.Span{Start: i, End: i + len(content)}
	sent := c
	for _, s := range a.Sentences {
		if s.Contains(c) {
			sent = s
		}
	}
	a.Statements = append(a.Statements, news.Statement{Span: sent, Content: c, Kind: "indirect", By: by, Voice: voice, Stance: st})
}

func TestMatcherJoinsOneStatementAcrossOutlets(t *testing.T) {
	a := article("a", "Ledger", 2, []string{
		"Ferry crews on Lake Verrin stopped work on Monday.",
		"The port authority said the new timetable started in April after the repairs."}, nil)
	b := article("b", "Coast", 3, []string{
		"Crews walked off the Lake Verrin ferries.",
		"According to the port authority, the new timetable started in April after the repairs are done."}, nil)
	c := article("c", "Post", 3, []string{
		"The mayor said the city budget had no room for higher ferry wages this year."}, nil)
	said(a, "the new timetable started in April after the repairs", "the port authority", news.VoiceOfficial, news.Asserts)
	said(b, "the new timetable started in April after the repairs are done", "the port authority", news.VoiceOfficial, news.Asserts)
	said(c, "the city budget had no room for higher ferry wages this year", "The mayor", news.VoiceOfficial, news.Asserts)
	arts := []*news.Article{a, b, c}
	v := news.NewStoryView("s", "t")
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source, Published: x.Published})
	}
	if err := (Matcher{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if err := (status.Stage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Claims) != 1 {
		t.Fatalf("claims = %+v, want the timetable only (the budget is said by one outlet)", v.Claims)
	}
	c0 := v.Claims[0]
	if !strings.Contains(c0.Text, "timetable started in April") || len(c0.Stances) != 2 || c0.Status != news.Confirmed {
		t.Errorf("claim = %+v", c0)
	}
	for _, s := range c0.Stances {
		if s.By != "the port authority" || s.Voice != news.VoiceOfficial {
			t.Errorf("stance %+v", s)
		}
	}
}

func TestMatcherKeepsDifferentFiguresApart(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Police said 12 people were injured in the blast near the station."}, nil)
	b := article("b", "Coast", 2, []string{"Police said 30 people were injured in the blast near the station."}, nil)
	said(a, "12 people were injured in the blast near the station", "Police", news.VoiceOfficial, news.Asserts)
	said(b, "30 people were injured in the blast near the station", "Police", news.VoiceOfficial, news.Asserts)
	arts := []*news.Article{a, b}
	v := news.NewStoryView("s", "t")
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source})
	}
	if err := (Matcher{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Claims) != 0 {
		t.Errorf("claims = %+v, want none: 12 and 30 are not one claim", v.Claims)
	}
}

func TestHasVerb(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"The girls' release is still being negotiated", true},
		{"Drones being used against farms in the north of the valley", false}, // a participle where the verb should be
		{"The Harbour Board saying the pier had been closed", false},
		{"Ferries carrying tourists were stopped on Monday", true},
		{"The skipper spent a month ashore after being arrested for speeding in May", true},
		{"The ferry made a stop this morning stating that the crew was ill", true}, // "made" is the verb
		{"The threat of the crew being deported to the mainland", false},
		{"The woman identified as Lina Ross by the harbour police", false}, // a participle before "as" names
		{"The harbour police identified the woman as Lina Ross", true},
		{"Nearly 300 girls were kidnapped from a boarding school", true},
		{"Apple plans to open a shop in London", true},
		{"The militants attacked the convoy near the border", true},
		{"The release of detained extremists in exchange for the girls", false},
		{"His candidacy for elections on Feb. 14", false},
		{"A state of emergency in the northern states", false},
		{"An Instagram story with Khloe where the duo can be seen as they posed backstage", false},
		{"Anonymous sources in a hospital in Mosul", false},
		{"U.S. officials familiar with the reports", false},
		{"Harbour officials close to the talks", false},
		{"Injuries because the impact was in a wooded spot", false}, // the verb is the subordinate clause's
		{"The ministry of health if the reports were true", false},
		{"The bridge was closed because the river had risen", true},
		{"The second fire by neighbours - but have yet to find the owner", false}, // the verb is the second clause's
		{"Reports as linked, and are asking the public for help", false},
		{"The mayor resigned - and the council did too", true},
		{"The bridge was closed, and the ferry stopped", true},
		{"The new bridge - built by Ostra - will open in May", true}, // an aside between dashes
		{"The two guards – a driver and another man", false},
		{"The ferry belongs to the city but the crew are paid by Ostra", true},
	} {
		if got := hasVerb(c.s); got != c.want {
			t.Errorf("hasVerb(%q) = %v", c.s, got)
		}
	}
}

func TestClaimKinds(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"The port authority said the new timetable started in April after the repairs."}, nil)
	b := article("b", "Coast", 3, []string{"According to the port authority, the new timetable started in April after the repairs are done."}, nil)
	said(a, "the new timetable started in April after the repairs", "the port authority", news.VoiceOfficial, news.Asserts)
	said(b, "the new timetable started in April after the repairs are done", "the port authority", news.VoiceOfficial, news.Asserts)
	v := news.NewStoryView("s", "t")
	for _, x := range []*news.Article{a, b} {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source})
	}
	if err := (Matcher{}).Build(t.Context(), v, []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	for _, c := range v.Claims {
		if c.Kind != "statement" {
			t.Errorf("matched claim %q has kind %q", c.Text, c.Kind)
		}
	}
}

// Of two statements, each shares with the other as much as the other
// shares with it: a tie, and the first one is the claim's wording on every
// rebuild, whichever comes first.
func TestRepresentativeTieGoesToTheFirst(t *testing.T) {
	var items []*item
	for i := range 40 {
		bag := map[string]bool{}
		for j := range 30 {
			bag[fmt.Sprintf("w%d", (i*7+j*j)%97)] = true
		}
		items = append(items, &item{text: fmt.Sprint(i), words: bag})
	}
	weights, _, _ := wordIDs(items)
	for i := 1; i < len(items); i++ {
		for _, pair := range [][2]*item{{items[0], items[i]}, {items[i], items[0]}} {
			if got := representative(pair[:], weights); got != pair[0] {
				t.Fatalf("items 0 and %d: representative %q, want the first member %q", i, got.text, pair[0].text)
			}
		}
	}
	// Of three, the one sharing most with the other two wins, wherever it stands.
	mid := &item{words: map[string]bool{"a": true, "b": true, "c": true, "d": true}}
	left := &item{words: map[string]bool{"a": true, "b": true, "x": true, "y": true}}
	right := &item{words: map[string]bool{"c": true, "d": true, "z": true, "q": true}}
	weights, _, _ = wordIDs([]*item{mid, left, right})
	if got := representative([]*item{left, right, mid}, weights); got != mid {
		t.Errorf("representative of three: %v, want the one sharing with both", got.words)
	}
}

// A claim's parties are the entities it names by a name or alias, words in
// a row, whatever other words stand around them.
func TestPartiesOf(t *testing.T) {
	v := news.NewStoryView("s", "t")
	v.Entities = []news.Entity{
		{Name: "Ada Vance", Type: news.PER, Aliases: []string{"Vance"}},
		{Name: "Leo Marsh", Type: news.PER, Aliases: []string{"Marsh", "Leonard Marsh"}},
		{Name: "Harbour Authority", Type: news.ORG},
		{Name: "Vance", Type: news.LOC},
		{Name: "Al", Type: news.PER},
		{Name: "Zoë Ng", Type: news.PER},
	}
	ix := newPartyIndex(v)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Leonard Marsh met Ada Vance.", []string{"Ada Vance", "Leo Marsh"}},
		{"Vance said the harbour authority would close.", []string{"Ada Vance", "Harbour Authority"}},
		{"The Harbour closed; the authority said so.", nil},
		{"Marshes and Vancesville flooded.", nil},
		{"Al said zoe ng and MARSH agreed.", []string{"Leo Marsh", "Zoë Ng"}},
		{"", nil},
	} {
		if got := ix.of(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("of(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// The end of a quote in single marks, opened in a sentence before, is the
// speaker's words, not a statement to match into claims.
func TestQuoteTailIsNoClaim(t *testing.T) {
	tail := "The river is cleaner now than it ever was in my youth.’"
	a := article("a", "Ledger", 2, []string{"He added: ‘We worked for years.", tail}, nil)
	b := article("b", "Coast", 3, []string{"‘We worked hard.", tail}, nil)
	for _, x := range []*news.Article{a, b} {
		said(x, tail, "", news.VoiceOutlet, news.Asserts)
		x.Statements[0].Kind = "assertion"
	}
	items := matchItems(a)
	if len(items) != 0 {
		t.Errorf("items = %+v, want none", items)
	}
	// a possessive apostrophe is no closing mark
	c := article("c", "Post", 3, []string{"The new bridge opened on the site of the old Millers’ yard on Monday."}, nil)
	said(c, "The new bridge opened on the site of the old Millers’ yard on Monday.", "", news.VoiceOutlet, news.Asserts)
	c.Statements[0].Kind = "assertion"
	if len(matchItems(c)) != 1 {
		t.Errorf("a possessive apostrophe dropped the statement")
	}
}

// The outlet's account of asking for comment is no claim; a sentence that
// only mentions a comment is.
func TestCommentRequestIsNoClaim(t *testing.T) {
	for text, want := range map[string]int{
		"The Ledger has reached out to Verrin Ferries for comment on the closure.":        0,
		"There was no immediate comment from the harbour authority in Brackley.":          0,
		"Verrin Ferries declined to comment on the closure of the Brackley office.":       0,
		"The mayor's comment on the ferry closure drew 300 complaints on Monday evening.": 1,
	} {
		a := article("a", "Ledger", 2, []string{text}, nil)
		said(a, text, "", news.VoiceOutlet, news.Asserts)
		a.Statements[0].Kind = "assertion"
		if got := len(matchItems(a)); got != want {
			t.Errorf("%q: %d items, want %d", text, got, want)
		}
	}
}

// What a source is reported not to have said ("the coastguard had not
// confirmed that …") is nobody's claim to match.
func TestUnsaidStatementIsNoClaim(t *testing.T) {
	sent := "The coastguard had not confirmed that the trawler Mira Vale sank off Brackley Point on Friday."
	a := article("a", "Ledger", 2, []string{sent}, nil)
	said(a, "the trawler Mira Vale sank off Brackley Point on Friday", "The coastguard", news.VoiceOfficial, news.Asserts)
	a.Statements[0].Kind = "indirect"
	if len(matchItems(a)) != 1 {
		t.Fatalf("the said statement is no item")
	}
	a.Statements[0].Unsaid = true
	if items := matchItems(a); len(items) != 0 {
		t.Errorf("items = %+v, want none", items)
	}
}

// A claim whose own words hold the verdict ("a fake account", "a hoax",
// "no sign") is stated, not called false, by the outlets that tell it.
func TestMatchedClaimHoldingItsVerdictIsStated(t *testing.T) {
	a := article("a", "Ledger", 2, []string{
		"Ferry crews on Lake Verrin stopped work on Monday.",
		"The same website pulled a hoax about the Lake Verrin ferry captain last month."}, nil)
	b := article("b", "Coast", 3, []string{
		"Crews walked off the Lake Verrin ferries.",
		"The same website pulled a hoax about the Lake Verrin ferry captain last month, readers noted."}, nil)
	said(a, "The same website pulled a hoax about the Lake Verrin ferry captain last month", "", news.VoiceOutlet, news.Debunks)
	said(b, "The same website pulled a hoax about the Lake Verrin ferry captain last month", "readers", news.VoiceNamed, news.Debunks)
	a.Statements[0].Kind = "assertion"
	v := matched(t, a, b)
	if len(v.Claims) != 1 {
		t.Fatalf("claims = %+v, want the hoax line", v.Claims)
	}
	for _, s := range v.Claims[0].Stances {
		if s.Stance != news.Asserts {
			t.Errorf("stance %+v, want asserts: the claim is the hoax's telling", s)
		}
	}
}

func TestCalledFalse(t *testing.T) {
	for s, want := range map[string]bool{
		"The image uploaded to the fake Banksy social media posts is pixelated.": false,
		"The photo is a fake.":                        true,
		"Officials called the claim an outright lie.": true,
		"The town lies near the border.":              false,
	} {
		if got := calledFalse(s); got != want {
			t.Errorf("calledFalse(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDropToldThat(t *testing.T) {
	for in, want := range map[string]string{
		"the Associated Press on Monday that the ferry will run":                       "the ferry will run",
		"At some point shortly after that call, someone from the port phoned the firm": "At some point shortly after that call, someone from the port phoned the firm",
	} {
		if got := dropToldThat(in); got != want {
			t.Errorf("dropToldThat(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAppeal(t *testing.T) {
	for s, want := range map[string]bool{
		"Anyone with information is asked to contact the harbour helpline on 0300 999": true,
		"Witnesses are urged to call the police on 101":                                true,
		"The harbour master asked the crews to return to work on Monday":               false,
	} {
		if got := appeal.MatchString(s); got != want {
			t.Errorf("appeal(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestEmbedCredit(t *testing.T) {
	for s, want := range map[string]bool{
		"A photo posted by Ada Moss (@adamoss) on Jan 7, 2031 at 3:02pm PST": true,
		"A video shared by the harbour police shows the ferry sinking":       false,
	} {
		if got := embedCredit.MatchString(s); got != want {
			t.Errorf("embedCredit(%q) = %v, want %v", s, got, want)
		}
	}
}

// A denial in the cue denies the claim even when the claim's own words hold a
// negation of something else: "Officials have denied that the ferry is unsafe
// and an engineer said there was no sign of damage".
func TestDenialInTheCueStays(t *testing.T) {
	lines := func(pre string) []string {
		return []string{"Ferry crews on Lake Verrin stopped work on Monday.",
			pre + " denied that the Lake Verrin ferry is unsafe and an engineer said this week there was no sign of damage to its hull."}
	}
	a := article("a", "Ledger", 2, lines("Port officials have"), nil)
	b := article("b", "Coast", 3, lines("Port officials"), nil)
	for _, x := range []*news.Article{a, b} {
		said(x, "the Lake Verrin ferry is unsafe and an engineer said this week there was no sign of damage to its hull", "Port officials", news.VoiceOfficial, news.Denies)
		i := strings.Index(x.Text, "denied")
		x.Statements[0].Cue = news.Span{Start: i, End: i + len("denied")}
	}
	v := matched(t, a, b)
	if len(v.Claims) != 1 {
		t.Fatalf("claims = %+v", v.Claims)
	}
	for _, s := range v.Claims[0].Stances {
		if s.Stance != news.Denies {
			t.Errorf("stance %+v, want denies", s)
		}
	}
}

// A denial of the positive agrees with a claim that is itself negated: "Ada
// Moss denied any part of the video had been staged" states "None of the
// videos were staged".
func TestDenialOfThePositiveAgrees(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Ada Moss films pranks on Lake Verrin.",
		"Ada Moss insists none of the Lake Verrin videos were staged or scripted by her crew."}, nil)
	b := article("b", "Coast", 3, []string{"Ada Moss films pranks on Lake Verrin.",
		"When pressed, Ada Moss denied any of the Lake Verrin videos were staged or scripted by her crew."}, nil)
	said(a, "none of the Lake Verrin videos were staged or scripted by her crew", "Ada Moss", news.VoiceNamed, news.Asserts)
	said(b, "any of the Lake Verrin videos were staged or scripted by her crew", "Ada Moss", news.VoiceNamed, news.Denies)
	i := strings.Index(b.Text, "denied")
	b.Statements[0].Cue = news.Span{Start: i, End: i + len("denied")}
	v := matched(t, a, b)
	if len(v.Claims) != 1 {
		t.Fatalf("claims = %+v", v.Claims)
	}
	if !strings.HasPrefix(v.Claims[0].Text, "None") {
		t.Skipf("representative %q: the case needs the negated wording first", v.Claims[0].Text)
	}
	for _, s := range v.Claims[0].Stances {
		if s.Stance != news.Asserts {
			t.Errorf("stance %+v, want asserts", s)
		}
	}
}

// matched runs the matcher over arts as one story.
func matched(t *testing.T, arts ...*news.Article) *news.StoryView {
	t.Helper()
	v := news.NewStoryView("s", "t")
	for _, x := range arts {
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source, Published: x.Published})
	}
	if err := (Matcher{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	return v
}

// One text copied into two copy groups stands for both in the pairs: a
// rewording in the first copy's group is still joined through the copy of
// the other group, as when every copy was paired.
func TestMatcherCopiesAcrossGroupsPairLikeEachCopy(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"The port authority said the new timetable started in April after the repairs."}, nil)
	b := article("b", "Coast", 3, []string{"The port authority said the new timetable started in April after the repairs."}, nil)
	c := article("c", "Post", 3, []string{"According to the port authority, the new timetable started in April after the repairs are done."}, nil)
	said(a, "the new timetable started in April after the repairs", "the port authority", news.VoiceOfficial, news.Asserts)
	said(b, "the new timetable started in April after the repairs", "the port authority", news.VoiceOfficial, news.Asserts)
	said(c, "the new timetable started in April after the repairs are done", "the port authority", news.VoiceOfficial, news.Asserts)
	arts := []*news.Article{a, b, c}
	v := news.NewStoryView("s", "t")
	for _, x := range arts {
		g := "g1" // a and c are one copy group, b another
		if x.ID == "b" {
			g = "g2"
		}
		v.Articles = append(v.Articles, news.StoryArticle{ID: x.ID, Source: x.Source, Published: x.Published, Group: g})
	}
	if err := (Matcher{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Claims) != 1 || len(v.Claims[0].Stances) != 3 {
		t.Fatalf("claims = %+v, want one held by all three articles", v.Claims)
	}
}

// An outlet that states a matched claim and reports its denial is no
// source asserting it: the claim's stances keep the denial and what others
// assert.
func TestMatchedClaimDeniedInTheSameArticle(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Ferry crews on Lake Verrin stopped work on Monday.",
		"The new timetable started in April after the repairs."}, nil)
	b := article("b", "Coast", 3, []string{"Crews walked off the Lake Verrin ferries.",
		"The new timetable started in April after the repairs.",
		"The port authority denied that the new timetable started in April after the repairs."}, nil)
	said(a, "The new timetable started in April after the repairs", "", news.VoiceOutlet, news.Asserts)
	said(b, "The new timetable started in April after the repairs", "", news.VoiceOutlet, news.Asserts)
	said(b, "the new timetable started in April after the repairs", "The port authority", news.VoiceOfficial, news.Denies)
	for _, x := range []*news.Article{a, b} {
		for i := range x.Statements {
			if x.Statements[i].By == "" {
				x.Statements[i].Kind = "assertion"
			}
		}
	}
	v := matched(t, a, b)
	if len(v.Claims) != 1 {
		t.Fatalf("claims = %+v", v.Claims)
	}
	var got []string
	for _, s := range v.Claims[0].Stances {
		got = append(got, s.ArticleID+":"+string(s.Stance))
	}
	if !slices.Equal(got, []string{"a:asserts", "b:denies"}) {
		t.Errorf("stances %v, want a's assertion and b's denial only", got)
	}
}

// A matched claim weighs its speakers as the main claim does: "a harbour
// official", whom nobody names, is an anonymous source and confirms nothing.
func TestMatchedClaimUnnamedOfficialConfirmsNothing(t *testing.T) {
	a := article("a", "Ledger", 2, []string{"Ferry crews on Lake Verrin stopped work on Monday.",
		"A harbour official said the new timetable started in April after the repairs."}, nil)
	b := article("b", "Coast", 3, []string{"Crews walked off the Lake Verrin ferries.",
		"According to a harbour official, the new timetable started in April after the repairs are done."}, nil)
	said(a, "the new timetable started in April after the repairs", "A harbour official", news.VoiceOfficial, news.Asserts)
	said(b, "the new timetable started in April after the repairs are done", "a harbour official", news.VoiceOfficial, news.Asserts)
	v := matched(t, a, b)
	if err := (status.Stage{}).Build(t.Context(), v, []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if len(v.Claims) != 1 || v.Claims[0].Status == news.Confirmed {
		t.Fatalf("claims = %+v, want one claim, not confirmed", v.Claims)
	}
	for _, s := range v.Claims[0].Stances {
		if s.Voice != news.VoiceAnonymous {
			t.Errorf("stance %+v, want an anonymous voice", s)
		}
	}
}
