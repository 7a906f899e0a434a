package entity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestOfStory(t *testing.T) {
	text := "The mayor met Ana Ruiz. Pasted post: I love Ana Ruiz soooo much #TeamRuiz @AnaRuiz"
	a := &news.Article{Text: text}
	post := strings.Index(text, "I love")
	a.Social = []news.SocialPost{{Span: news.Span{Start: post, End: len(text)}}}
	at := func(s string, from int) news.Mention {
		i := from + strings.Index(text[from:], s)
		return news.Mention{Span: news.Span{Start: i, End: i + len(s)}, Text: s}
	}
	if inPost(a, at("Ana Ruiz", 0)) || !inPost(a, at("Ana Ruiz", post)) {
		t.Error("inPost")
	}
	b := &news.Article{Text: "Fans wrote #TeamRuiz and @AnaRuiz, and Livinggg."}
	for _, s := range []string{"TeamRuiz", "AnaRuiz", "Livinggg"} {
		if ofStory(b, news.Mention{Span: news.Span{Start: strings.Index(b.Text, s), End: strings.Index(b.Text, s) + len(s)}, Text: s}) {
			t.Errorf("%q is not a name of the story", s)
		}
	}
	if stretched("III") || stretched("Tennessee") || !stretched("yasss") {
		t.Error("stretched")
	}
}

func group(name string, typ news.EntityType, n int) []*local {
	l := &local{name: name, typ: typ, toks: splitName(name, typ).toks}
	for i := 0; i < n; i++ {
		l.ments = append(l.ments, news.Mention{Text: name, Name: name, Type: typ})
	}
	return []*local{l}
}

func TestMergeSpellings(t *testing.T) {
	groups := [][]*local{
		group("Procter & Gamble", news.ORG, 3),
		group("P & G", news.ORG, 1),
		group("The Simpsons", news.WORK, 2),
		group("Simpsons", news.MISC, 1),
		group("Port Authority", news.ORG, 1),
		group("Pat Adams", news.PER, 2), // initials "pa" but a person: never an acronym's expansion
	}
	out, outNames := mergeSpellings(groups)
	names := func(g []*local) string {
		var s []string
		for _, l := range g {
			s = append(s, l.name)
		}
		return strings.Join(s, "+")
	}
	got := map[string]bool{}
	for _, g := range out {
		got[names(g)] = true
	}
	for _, want := range []string{"Procter & Gamble+P & G", "The Simpsons+Simpsons", "Port Authority", "Pat Adams"} {
		if !got[want] {
			t.Errorf("groups = %v, want %q", got, want)
		}
	}
	// a group left alone keeps the canonical name found for it; a joined
	// one has its name found again
	for i, g := range out {
		joined := strings.Contains(names(g), "+")
		if joined && outNames[i] != "" || !joined && outNames[i] != canonicalName(g) {
			t.Errorf("group %s named %q", names(g), outNames[i])
		}
	}
}

// Long one-word names an edit or two apart are one thing misspelt; short
// ones, persons and names of different types stay apart.
func TestMergeLongMisspellings(t *testing.T) {
	groups := [][]*local{
		group("Saskatchewan", news.LOC, 4),
		group("Saskatchewen", news.LOC, 1),     // one edit
		group("Saskachewann", news.LOC, 1),     // two edits, 12 runes
		group("Saskatchewanian", news.MISC, 1), // three edits away
		group("Colombia", news.LOC, 2),
		group("Columbia", news.LOC, 2), // 8 runes: two real places
		group("Vandermolen", news.PER, 2),
		group("Vandermoolen", news.PER, 1), // persons: cluster's rules
		group("Westerbrook", news.ORG, 1),
		group("Westerbrock", news.LOC, 1), // another type
	}
	out, _ := mergeSpellings(groups)
	var got []string
	for _, g := range out {
		var s []string
		for _, l := range g {
			s = append(s, l.name)
		}
		got = append(got, strings.Join(s, "+"))
	}
	want := []string{"Saskatchewan+Saskatchewen+Saskachewann", "Saskatchewanian", "Colombia", "Columbia",
		"Vandermolen", "Vandermoolen", "Westerbrook", "Westerbrock"}
	if !slices.Equal(got, want) {
		t.Errorf("groups = %q, want %q", got, want)
	}
}

func TestRetypePlaces(t *testing.T) {
	ents := []news.Entity{
		{ID: "per-ana-ruiz", Name: "Ana Ruiz", Type: news.PER, Attributes: []news.Attribute{{Name: "hometown", Value: "Villa Rosa"}}},
		{ID: "per-villa-rosa", Name: "Villa Rosa", Type: news.PER},
	}
	retypePlaces(ents)
	if ents[1].Type != news.LOC || ents[1].ID != "loc-villa-rosa" || ents[0].Type != news.PER {
		t.Errorf("entities = %+v", ents)
	}
}

func TestRetypePlatforms(t *testing.T) {
	text := "She posted it on Streamly. Fans on Streamly loved it. He flew to Lisbon and then on Lisbon's trams."
	a := &news.Article{ID: "a", Text: text}
	cite := citer(text)
	ents := []news.Entity{
		{ID: "loc-streamly", Name: "Streamly", Type: news.LOC, Mentions: []news.Citation{cite("Streamly", 0), cite("Streamly", 1)}},
		{ID: "loc-lisbon", Name: "Lisbon", Type: news.LOC, Mentions: []news.Citation{cite("Lisbon", 0), cite("Lisbon", 1)}},
	}
	retypePlatforms(ents, textsByID([]*news.Article{a}))
	if ents[0].Type != news.ORG || ents[0].ID != "org-streamly" || ents[1].Type != news.LOC {
		t.Errorf("entities = %+v", ents)
	}
}

// A one-word "person" whose mentions are mostly "on X", "to X" or "X user"
// is a platform; a "person" followed by "editor" or taken with "the" is a
// publication; a person spoken to, or with an editor's title before the
// name, stays a person.
func TestRetypePersonsByContext(t *testing.T) {
	for _, c := range []struct {
		text, thing, person string
		retype              func([]news.Entity, map[string]string)
	}{
		{"A Chirper user saw it. It went viral on Chirper. Her Chirper feed filled up. Chirper went wild. " +
			"Moss said it. They spoke to Moss. Moss left.", "Chirper", "Moss", retypePlatforms},
		{"Harbour Weekly editor Ada Moss left. She wrote for Harbour Weekly. Harbour Weekly's legendary editor retired. " +
			"Editor Karl Holm spoke. Karl Holm said so. Karl Holm left.", "Harbour Weekly", "Karl Holm", retypePublications},
	} {
		a := &news.Article{ID: "a", Text: c.text}
		ents := []news.Entity{mentioned(c.text, c.thing), mentioned(c.text, c.person)}
		ents[0].Attributes = []news.Attribute{{Name: "gender", Value: "female"}}
		c.retype(ents, textsByID([]*news.Article{a}))
		if ents[0].Type != news.ORG || ents[0].ID != EntityID(c.thing, news.ORG) || len(ents[0].Attributes) != 0 || ents[1].Type != news.PER {
			t.Errorf("entities = %+v", ents)
		}
	}
}

// mentioned is a person entity named name, with every occurrence of it in
// article "a"'s text as a mention.
func mentioned(text, name string) news.Entity {
	e := news.Entity{ID: EntityID(name, news.PER), Name: name, Type: news.PER}
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			return e
		}
		e.Mentions = append(e.Mentions, news.Citation{ArticleID: "a", Start: i + k, End: i + k + len(name)})
		i += k + len(name)
	}
}

func TestJoinSameIDs(t *testing.T) {
	ents := joinSameIDs([]news.Entity{
		{ID: "org-x", Name: "X", Articles: []string{"a"}, Mentions: []news.Citation{{ArticleID: "a"}}},
		{ID: "loc-y", Name: "Y"},
		{ID: "org-x", Name: "X", Aliases: []string{"X Corp"}, Articles: []string{"a", "b"}, Mentions: []news.Citation{{ArticleID: "b"}}},
	})
	if len(ents) != 2 || len(ents[0].Mentions) != 2 || len(ents[0].Articles) != 2 || len(ents[0].Aliases) != 1 {
		t.Errorf("entities = %+v", ents)
	}
}

// The single-name pass looks for misspellings only among tokens within
// maxTypoEdits runes of the name's length.
func TestMaxTypoEditsBoundsMaxEdits(t *testing.T) {
	for n := range 200 {
		if maxEdits(n) > maxTypoEdits {
			t.Fatalf("maxEdits(%d) = %d > maxTypoEdits %d", n, maxEdits(n), maxTypoEdits)
		}
	}
}

// A name right after a word for a relative is a person's, unless the story
// also puts it after a preposition of place.
func TestRetypeKin(t *testing.T) {
	text := "The senator thanked her son, Jordan, and her baby girl Aria. Farmers in Jordan and Aria's nursery school cheered; aid reached Jordan."
	a := &news.Article{ID: "a", Text: text}
	cite := citer(text)
	ents := []news.Entity{
		{ID: "loc-aria", Name: "Aria", Type: news.LOC, Mentions: []news.Citation{cite("Aria", 0), cite("Aria", 1)}},
		{ID: "loc-jordan", Name: "Jordan", Type: news.LOC, Mentions: []news.Citation{cite("Jordan", 0), cite("Jordan", 1), cite("Jordan", 2)}},
		{ID: "org-senate", Name: "Senate", Type: news.ORG, Mentions: []news.Citation{cite("senator", 0)}},
	}
	retypeKin(ents, textsByID([]*news.Article{a}))
	if ents[0].Type != news.PER || ents[0].ID != "per-aria" {
		t.Errorf("Aria, after \"baby girl\": %+v", ents[0])
	}
	if ents[1].Type != news.LOC {
		t.Errorf("Jordan, also \"in Jordan\": %+v", ents[1])
	}
	if ents[2].Type != news.ORG {
		t.Errorf("Senate: %+v", ents[2])
	}
}

// citer cites the nth occurrence of a phrase in text, as article "a".
func citer(text string) func(s string, nth int) news.Citation {
	return func(s string, nth int) news.Citation {
		i := -1
		for k := 0; k <= nth; k++ {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return news.Citation{ArticleID: "a", Start: i, End: i + len(s)}
	}
}

func TestRetypeThings(t *testing.T) {
	text := "Fans of the Velvet Orchard, who formed in 1981, queued outside Harrow Fields. The Velvet Orchard said the tour " +
		"was over. Tickets sold in Harrow Fields. Singer Mara Quint told reporters that Mara Quint would rest; " +
		"the Mara Quint tribute album sold well, and in Mara Quint's words, the Velvet Orchard was done. " +
		"The Lantern Daily, a newspaper, was first with it. Officer Dale Pike said Dale Pike shot at Tom Reyes. " +
		"Shots fired at Tom Reyes were recorded; Reyes was near Tom Reyes's car. Two visits in Harrow Fields followed. " +
		"Guards ran toward Ember Hill. Shots rang out on Ember Hill. Staff fled Ember Hill. MPs met on Ember Hill near Ember Hill. " +
		"Critics took aim at Rita Vale. Jokes at Rita Vale spread, more at Rita Vale, on Rita Vale. Rita Vale said nothing."
	a := &news.Article{ID: "a", Text: text}
	cite := citer(text)
	per := func(name string, n int, cites ...news.Citation) (news.Entity, []*local) {
		return news.Entity{ID: EntityID(name, news.PER), Name: name, Type: news.PER, Mentions: cites}, group(name, news.PER, n)
	}
	var ents []news.Entity
	var groups [][]*local
	add := func(e news.Entity, g []*local) {
		ents = append(ents, e)
		groups = append(groups, g)
	}
	// a band: "the Velvet Orchard," / "The Velvet Orchard said" / "the Velvet Orchard was"; the tagger said ORG once
	e, g := per("Velvet Orchard", 3, cite("Velvet Orchard", 0), cite("Velvet Orchard", 1), cite("Velvet Orchard", 2))
	g = append(g, group("Velvet Orchard", news.ORG, 1)...)
	add(e, g)
	// a place: "outside Harrow Fields", "in Harrow Fields" twice; no other tag: LOC
	add(per("Harrow Fields", 3, cite("Harrow Fields", 0), cite("Harrow Fields", 1), cite("Harrow Fields", 2)))
	// a person: a role before, and "the Mara Quint tribute" (a modifier), "in Mara Quint's words" (a possessive)
	add(per("Mara Quint", 4, cite("Mara Quint", 0), cite("Mara Quint", 1), cite("Mara Quint", 2), cite("Mara Quint", 3)))
	// one piece of evidence is not enough: "The Lantern Daily, a newspaper"
	add(per("Lantern Daily", 1, cite("Lantern Daily", 0)))
	// a person named with a title, and one shot "at" and "near"
	add(per("Dale Pike", 2, cite("Officer Dale Pike", 0), cite("Dale Pike", 1)))
	add(per("Tom Reyes", 3, cite("Tom Reyes", 0), cite("Tom Reyes", 1), cite("Tom Reyes", 2)))
	// a landmark: most of its mentions after "toward", "on": LOC
	add(per("Ember Hill", 5, cite("Ember Hill", 0), cite("Ember Hill", 1), cite("Ember Hill", 2), cite("Ember Hill", 3), cite("Ember Hill", 4)))
	// a person most often after "at" and "on", who speaks: PER
	add(per("Rita Vale", 5, cite("Rita Vale", 0), cite("Rita Vale", 1), cite("Rita Vale", 2), cite("Rita Vale", 3), cite("Rita Vale", 4)))
	retypeThings(ents, groups, textsByID([]*news.Article{a}))
	want := map[string]news.EntityType{"Velvet Orchard": news.ORG, "Harrow Fields": news.LOC, "Mara Quint": news.PER,
		"Lantern Daily": news.PER, "Dale Pike": news.PER, "Tom Reyes": news.PER, "Ember Hill": news.LOC, "Rita Vale": news.PER}
	for _, e := range ents {
		if e.Type != want[e.Name] || e.ID != EntityID(e.Name, want[e.Name]) {
			t.Errorf("%s: %s (%s), want %s", e.Name, e.Type, e.ID, want[e.Name])
		}
	}
}

func TestSameFullGivenNames(t *testing.T) {
	toks := func(s string) []string { return strings.Fields(s) }
	tests := []struct {
		a, b string
		want bool
	}{
		{"jim foley", "james foley", true},
		{"chris bale", "christian bale", true},
		{"bill okafor", "william okafor", true},
		{"dan reyes", "daniel reyes", true},
		{"james foley", "james wright foley", true},
		{"james wright foley", "james foley", true},
		{"jim foley", "james wright foley", true},
		{"john foley", "james foley", false},
		{"diane foley", "james foley", false},
		{"james wright foley", "james walter foley", false},
		{"jo park", "john park", false},     // too short to be a start
		{"chris bale", "chris hale", false}, // a short surname must agree, as before
		{"michele morrone", "michele marrone", true},
		{"mike adams", "michael adamson", false},
		// a misspelt middle name, and a name that opens a longer one in
		// either order
		{"peter jonathon haskell", "peter jonathan haskell", true},
		{"peter jonathon haskell", "peter jonathan haskett", false},
		{"peter jonathon", "peter jonathon haskell", true},
		{"peter jonathon haskell", "peter jonathon", true},
		{"jonathon haskell", "peter jonathon haskell", false},
		// initials added or dropped before a name
		{"m venkaiah naidu", "venkaiah naidu", true},
		{"venkaiah naidu", "m venkaiah naidu", true},
		{"k verma", "ak verma", true},
		{"m naidu", "venkaiah naidu", false},
		{"ak verma", "rk verma", false},
	}
	for _, tc := range tests {
		if got := sameFull(toks(tc.a), toks(tc.b)); got != tc.want {
			t.Errorf("sameFull(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// Initials are one token however they are written.
func TestJoinInitials(t *testing.T) {
	for _, c := range []struct {
		name string
		typ  news.EntityType
	}{{"A.K. Verma", news.PER}, {"A K Verma", news.PER}, {"AK Verma", news.ORG}, {"A. K. Verma", news.PER}} {
		if got := strings.Join(splitName(c.name, c.typ).toks, " "); got != "ak verma" {
			t.Errorf("splitName(%q) = %q, want %q", c.name, got, "ak verma")
		}
	}
	for name, want := range map[string]string{"U.S. Department of Defense": "U.S. Department of Defense",
		"A. K. Verma": "A.K. Verma", "AK Verma": "AK Verma", "A K Verma": "A K Verma"} {
		if got := splitName(name, news.ORG).surface; got != want {
			t.Errorf("splitName(%q).surface = %q, want %q", name, got, want)
		}
	}
	if got := strings.Join(splitName("D & G", news.ORG).toks, " "); got != "d & g" {
		t.Errorf("splitName(D & G) = %q", got)
	}
}

func TestRetypeByHead(t *testing.T) {
	ents := []news.Entity{
		{Name: "Harbourside Mall", Type: news.PER},
		{Name: "Orbis Studios", Type: news.PER},
		{Name: "Jonah Hill", Type: news.PER},                                                              // Hill is a surname too
		{Name: "Ada Boulevard", Type: news.PER, Attributes: []news.Attribute{{Name: "age", Value: "40"}}}, // a person's attribute
		{Name: "Studios", Type: news.PER},                                                                 // one word
		{Name: "Does Alfred", Type: news.PER},
		{Name: "Harbour V Tide", Type: news.PER},
		{Name: "Orbis Bros", Type: news.PER},
		{Name: "Will Ruiz", Type: news.PER}, // a given name, not the auxiliary
		{Name: "Shia Muslims", Type: news.PER},
		{Name: "Ann Adams", Type: news.PER}, // a plural-looking surname
		{Name: "City Hall", Type: news.PER},
		{Name: "Lund Square Garden", Type: news.PER},
		{Name: "Monty Hall", Type: news.PER}, // Hall is a surname too
		{Name: "Harbour Liquor Mart", Type: news.PER},
	}
	retypeByHead(ents)
	want := []news.EntityType{news.LOC, news.ORG, news.PER, news.PER, news.PER, news.MISC, news.MISC, news.ORG, news.PER, news.MISC, news.PER,
		news.LOC, news.LOC, news.PER, news.ORG}
	for i, e := range ents {
		if e.Type != want[i] {
			t.Errorf("%s: %s, want %s", e.Name, e.Type, want[i])
		}
	}
	if ents[0].ID != "loc-harbourside-mall" {
		t.Errorf("id %q", ents[0].ID)
	}
}

// Places named after "the cities of" and outlets named after "media
// outlet" or "the newspaper," are not persons.
func TestRetypeThingsByNouns(t *testing.T) {
	text := "Strikes hit the cities of Tal Sarim and Kobani. Aid reached the towns of Tal Sarim. Then planes bombed in Tal Sarim. " +
		"A minister told media outlet Vernado News that it was over. The daily newspaper, Vernado News, said so, " +
		"and news site Vernado News had it first. Dale Pike, a reporter, said the town of Kobani was calm."
	a := &news.Article{ID: "a", Text: text}
	cite := citer(text)
	per := func(name string, cites ...news.Citation) news.Entity {
		return news.Entity{ID: EntityID(name, news.PER), Name: name, Type: news.PER, Mentions: cites}
	}
	ents := []news.Entity{
		per("Tal Sarim", cite("Tal Sarim", 0), cite("Tal Sarim", 1), cite("Tal Sarim", 2)),
		per("Vernado News", cite("Vernado News", 0), cite("Vernado News", 1), cite("Vernado News", 2)),
		per("Dale Pike", cite("Dale Pike", 0)),
	}
	retypeThings(ents, nil, textsByID([]*news.Article{a}))
	want := map[string]news.EntityType{"Tal Sarim": news.LOC, "Vernado News": news.ORG, "Dale Pike": news.PER}
	for _, e := range ents {
		if e.Type != want[e.Name] {
			t.Errorf("%s: %s, want %s", e.Name, e.Type, want[e.Name])
		}
	}
}

func TestJoinCutNames(t *testing.T) {
	// the tagger cut "Porto Velha Norte" to a person "Velha Norte" twice; "Norte"
	// alone once after a word that makes no known name; "Vila Reyes" is a
	// person whose mentions do not all extend to another name
	text := "She was taken to a clinic in Porto Velha Norte. Doctors at the hospital of Porto Velha Norte said she was well. " +
		"Porto Velha Norte is a small town. Vila Reyes said so; later, Dr Vila Reyes, and Reyes, and Tom Reyes spoke. " +
		"Mayor Ana Lind spoke, and Mayor Ana Lind left."
	cite := citer(text)
	ents := []news.Entity{
		{ID: EntityID("Porto Velha Norte", news.LOC), Name: "Porto Velha Norte", Type: news.LOC, Mentions: []news.Citation{cite("Porto Velha Norte", 2)}},
		{ID: EntityID("Velha Norte", news.PER), Name: "Velha Norte", Type: news.PER, Mentions: []news.Citation{cite("Velha Norte", 0), cite("Velha Norte", 1)},
			Attributes: []news.Attribute{{Name: "age"}}},
		{ID: EntityID("Tom Reyes", news.PER), Name: "Tom Reyes", Type: news.PER, Mentions: []news.Citation{cite("Tom Reyes", 0)}},
		{ID: EntityID("Vila Reyes", news.PER), Name: "Vila Reyes", Type: news.PER, Mentions: []news.Citation{cite("Vila Reyes", 0), cite("Vila Reyes", 1)}},
		{ID: EntityID("Reyes", news.PER), Name: "Reyes", Type: news.PER, Mentions: []news.Citation{cite("Reyes", 2), cite("Reyes", 3)}},
		{ID: EntityID("Mayor Ana Lind", news.PER), Name: "Mayor Ana Lind", Type: news.PER, Mentions: []news.Citation{cite("Mayor Ana Lind", 0)}},
		{ID: EntityID("Ana Lind", news.PER), Name: "Ana Lind", Type: news.PER, Mentions: []news.Citation{cite("Ana Lind", 1)}},
	}
	// a mention with only spaces before it in its article
	ents = append(ents, news.Entity{ID: EntityID("Ora Lind", news.PER), Name: "Ora Lind", Type: news.PER,
		Mentions: []news.Citation{{ArticleID: "b", Start: 3, End: 11}}})
	joinCutNames(ents, map[string]string{"a": text, "b": "   Ora Lind said so."})
	ents = joinSameIDs(ents)
	var got []string
	for _, e := range ents {
		got = append(got, fmt.Sprintf("%s %s %d %d", e.Name, e.Type, len(e.Mentions), len(e.Attributes)))
	}
	want := []string{"Porto Velha Norte LOC 3 0", "Tom Reyes PER 1 0", "Vila Reyes PER 2 0", "Reyes PER 2 0", "Mayor Ana Lind PER 1 0", "Ana Lind PER 1 0", "Ora Lind PER 1 0"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A name the story refers back to as to a thing ("which", "its"), that has
// shareholders or reporters, or that a firm's noun stands right before,
// is no person; a leader named in apposition to "the group," is one.
func TestRetypeThingsReferredAsThings(t *testing.T) {
	text := "Reports say Corvel Marsh, which owns two channels, will merge. Corvel Marsh shareholders cheered. " +
		"Ansar Vell and its affiliates struck. Later Ansar Vell — which denies it — spoke. " +
		"Brokers quoted a Tiber Hollin analyst. Film publisher Tiber Hollin agreed. " +
		"Critics of the group, Omar Brisk, fled. The leader of the group, Omar Brisk, spoke, and Omar Brisk and his aides left. " +
		"A speech by Lena Okoro, which lasted an hour, moved the hall. Lena Okoro said its end was near."
	a := &news.Article{ID: "a", Text: text}
	cite := citer(text)
	per := func(name string, cites ...news.Citation) news.Entity {
		return news.Entity{ID: EntityID(name, news.PER), Name: name, Type: news.PER, Mentions: cites}
	}
	ents := []news.Entity{
		per("Corvel Marsh", cite("Corvel Marsh", 0), cite("Corvel Marsh", 1)),
		per("Ansar Vell", cite("Ansar Vell", 0), cite("Ansar Vell", 1)),
		per("Tiber Hollin", cite("Tiber Hollin", 0), cite("Tiber Hollin", 1)),
		per("Omar Brisk", cite("Omar Brisk", 0), cite("Omar Brisk", 1), cite("Omar Brisk", 2)),
		per("Lena Okoro", cite("Lena Okoro", 0), cite("Lena Okoro", 1)),
	}
	retypeThings(ents, nil, textsByID([]*news.Article{a}))
	want := map[string]news.EntityType{"Corvel Marsh": news.ORG, "Ansar Vell": news.MISC, "Tiber Hollin": news.ORG,
		"Omar Brisk": news.PER, "Lena Okoro": news.PER}
	for _, e := range ents {
		if e.Type != want[e.Name] {
			t.Errorf("%s: %s, want %s", e.Name, e.Type, want[e.Name])
		}
	}
}

// "spouse Ruby" and "wife Ruby" are one fact: the spouse's citations join
// the wife's; a spouse no one calls wife or husband stays.
func TestSpouseAsPartner(t *testing.T) {
	c := func(n int) news.Citation { return news.Citation{ArticleID: "a", Start: n, End: n + 1} }
	got := spouseAsPartner([]news.Attribute{
		{Name: "relation:spouse", Value: "Ruby", Citations: []news.Citation{c(1)}},
		{Name: "age", Value: "68", Citations: []news.Citation{c(2)}},
		{Name: "relation:wife", Value: "Ruby", Citations: []news.Citation{c(3), c(1)}},
		{Name: "relation:spouse", Value: "Dale", Citations: []news.Citation{c(4)}},
		{Name: "relation:husband", Value: "Ruby", Citations: nil},
	})
	if len(got) != 4 || got[0].Name != "age" || got[1].Name != "relation:wife" || len(got[1].Citations) != 2 ||
		got[2].Value != "Dale" || got[3].Name != "relation:husband" {
		t.Errorf("spouseAsPartner = %+v", got)
	}
}

// An occupation opening with a role capitalised by its place in the
// sentence reads in lower case; a name or a capitalised office keeps its
// capital.
func TestLowerRole(t *testing.T) {
	for in, want := range map[string]string{"Actor": "actor", "Reporter": "reporter", "Kansas Senator": "Kansas Senator",
		"Ministry spokesman": "Ministry spokesman", "CEO of Apple": "CEO of Apple", "news producer": "news producer", "YouTuber": "YouTuber"} {
		if got := lowerRole(in); got != want {
			t.Errorf("lowerRole(%q) = %q, want %q", in, got, want)
		}
	}
}

// An everyday job names a person's job right before the name, but "the
// doctor" alone is no description of someone named.
func TestJobNounsOnlyBeforeAName(t *testing.T) {
	a := article(t, "Nurse aide Lia Zheng arrived at the ward. Then the doctor on duty invited her in.", "Lia Zheng/PER")
	run(t, a)
	for _, m := range a.Mentions {
		if m.Via == "descriptor" && strings.Contains(m.Text, "doctor") {
			t.Errorf("the doctor taken for a named person: %+v", m)
		}
	}
}
