package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// inPost tells whether mention m of a lies inside a pasted social post.
// Fans' posts are quoted, not reported: a name in one may join an entity
// the story names elsewhere ("Michele Morone" for Michele Morrone) but never
// makes one of its own.
func inPost(a *news.Article, m news.Mention) bool {
	for _, p := range a.Social {
		if p.Span.Start <= m.Span.Start && m.Span.Start < p.Span.End {
			return true
		}
	}
	return false
}

// ofStory tells whether mention m of a can name something of the story:
// not a hashtag or a handle, and not a word stretched for effect
// ("livinggg"), which no name is.
func ofStory(a *news.Article, m news.Mention) bool {
	if m.Span.Start > 0 && m.Span.Start <= len(a.Text) {
		if c := a.Text[m.Span.Start-1]; c == '#' || c == '@' {
			return false
		}
	}
	return !stretched(m.Text)
}

func namedInProse(g []*local) bool {
	for _, l := range g {
		if l.prose {
			return true
		}
	}
	return false
}

// stretched tells whether s holds a lower-case letter three times in a row
// ("yasss", "kokoooo"): a word drawn out for effect, never a name.
func stretched(s string) bool {
	run, last := 0, rune(0)
	for _, r := range s {
		if r == last && unicode.IsLower(r) {
			run++
			if run >= 3 {
				return true
			}
		} else {
			run, last = 1, r
		}
	}
	return false
}

// nameKey is a name's folded tokens without a leading article, so that
// "The Kardashians" and "Kardashians" are one name.
func nameKey(name string) string {
	toks := strings.Fields(Fold(name))
	if len(toks) > 1 && toks[0] == "the" {
		toks = toks[1:]
	}
	return strings.Join(toks, " ")
}

// acronym returns the letters of a name written as initials ("D & G",
// "D&G", "U.S.") in lower case, or "" when the name is not one.
func acronym(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '&' || r == '.' || r == ' ':
		default:
			return ""
		}
	}
	if b.Len() < 2 || b.Len() > 5 {
		return ""
	}
	return b.String()
}

// initials are the first letters of a name's words, "and", "of" and "&"
// left out ("Dolce & Gabbana" → "dg").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "&", "and", "of", "the", "for":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// mergeSpellings joins story groups that spell one thing differently: the
// same name but for a leading "The", initials of a longer name of the same
// story ("D & G" for "Dolce & Gabbana", when exactly one name has them), and
// one name typed as a person in some articles and as something else in
// others, which goes to the type most of its mentions have. Persons with
// full names are only joined by the person rules of cluster. names holds
// each returned group's canonical name, or "" for a joined group (its
// name is to be found again).
func mergeSpellings(groups [][]*local) (out [][]*local, outNames []string) {
	parent := make([]int, len(groups))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[rb] = ra
		}
	}
	names := make([]string, len(groups))
	types := make([]news.EntityType, len(groups))
	byKey := map[string][]int{}
	for i, g := range groups {
		names[i], types[i] = canonicalName(g), majorityType(g)
		k := nameKey(names[i])
		byKey[k] = append(byKey[k], i)
	}
	fullPerson := func(i int) bool {
		return types[i] == news.PER && len(strings.Fields(names[i])) >= 2
	}
	for _, list := range byKey {
		for _, j := range list[1:] {
			if fullPerson(list[0]) != fullPerson(j) {
				continue // a person's full name and a title ("The Smiths") stay apart
			}
			union(list[0], j)
		}
	}
	byInitials := map[string][]int{}
	for i := range groups {
		if types[i] != news.PER && len(strings.Fields(names[i])) >= 2 && acronym(names[i]) == "" {
			if in := initials(names[i]); len(in) >= 2 {
				byInitials[in] = append(byInitials[in], i)
			}
		}
	}
	for i := range groups {
		if ac := acronym(names[i]); ac != "" && types[i] != news.PER {
			if list := byInitials[ac]; len(list) == 1 {
				union(list[0], i)
			}
		}
	}
	joinLongMisspellings(names, types, union)
	idx := make([]int, len(groups))
	for i := range idx {
		idx[i] = i
	}
	for _, is := range gather(idx, find) {
		var g []*local
		for _, i := range is {
			g = append(g, groups[i]...)
		}
		out = append(out, g)
		if len(is) == 1 {
			outNames = append(outNames, names[is[0]])
		} else {
			outNames = append(outNames, "")
		}
	}
	return out, outNames
}

// minLongName is the length in runes from which a one-word name that is not
// a person's may be a misspelling of another: shorter ones are too often
// two real names an edit apart ("Colombia", "Columbia"; "Iran", "Iraq").
const minLongName = 10

// joinLongMisspellings joins one-word names of one type other than a
// person's, of minLongName runes or more, that are within the edit
// allowance of each other ("Massachussetts", "Masschussetts" and
// "Massachusetts"). Names are compared only with those of the lengths the
// allowance reaches.
func joinLongMisspellings(names []string, types []news.EntityType, union func(a, b int)) {
	byLen := map[int][]int{}
	folded := make([]string, len(names))
	for i, n := range names {
		if types[i] == news.PER || strings.ContainsAny(n, " -") {
			continue
		}
		folded[i] = Fold(n)
		if l := utf8.RuneCountInString(folded[i]); l >= minLongName {
			byLen[l] = append(byLen[l], i)
		}
	}
	for l, is := range byLen {
		for m := l; m <= l+maxTypoEdits; m++ {
			for _, i := range is {
				k := maxEdits(min(l, m))
				if m-l > k {
					continue
				}
				for _, j := range byLen[m] {
					if (m == l && j <= i) || types[i] != types[j] || folded[i] == folded[j] {
						continue
					}
					if sameInitials(folded[i], folded[j]) && Damerau(folded[i], folded[j], k) <= k {
						union(i, j)
					}
				}
			}
		}
	}
}

// placeAttributes name the places an attribute's value is.
var placeAttributes = map[string]bool{"hometown": true, "residence": true, "birthplace": true}

// retypePlaces makes an entity a place when the story names it as where
// someone lives or comes from ("hometown: Reggio Calabria") and the
// recogniser took it for a person: the syntax that gave the attribute is
// surer than the tag.
func retypePlaces(ents []news.Entity) {
	places := map[string]bool{}
	for _, e := range ents {
		for _, at := range e.Attributes {
			if placeAttributes[at.Name] {
				places[Fold(at.Value)] = true
			}
		}
	}
	for i := range ents {
		if e := &ents[i]; e.Type == news.PER && places[Fold(e.Name)] {
			e.Type, e.ID = news.LOC, EntityID(e.Name, news.LOC)
			e.Attributes = []news.Attribute{}
		}
	}
}

// retypePlatforms makes a "place" an organisation when the story only ever
// puts it after "on" and never after a preposition of place ("posted on
// Twitter", "streaming on Netflix" but never "in Netflix", "from
// Netflix"): that is how a service or a platform is named, not a place. Two
// mentions at least, so that one "on Crete" stays a place. A one-word
// "person" is a platform the same way when at least two thirds of its
// mentions, three at least, are "on X", "to X" or "X" before what a platform
// holds ("Twitter user", "Twitter feed", "took to Twitter"): a person is not
// posted on, nor has users.
func retypePlatforms(ents []news.Entity, text map[string]string) {
	for i := range ents {
		e := &ents[i]
		per := e.Type == news.PER && !strings.Contains(e.Name, " ")
		if e.Type != news.LOC && !per || len(e.Mentions) < 2 || per && len(e.Mentions) < 3 {
			continue
		}
		on, place, held := 0, 0, 0
		for _, m := range e.Mentions {
			t := text[m.ArticleID]
			if m.Start > len(t) || m.End > len(t) {
				continue
			}
			if after := strings.Fields(strings.ToLower(t[m.End:min(len(t), m.End+16)])); len(after) > 0 && platformHolds[strings.Trim(after[0], ",.;:")] {
				held++
				continue
			}
			before := strings.Fields(strings.ToLower(t[max(0, m.Start-12):m.Start]))
			if len(before) == 0 {
				continue
			}
			switch before[len(before)-1] {
			case "on":
				on++
			case "to":
				if per {
					on++
				}
			case "in", "at", "from", "near", "across", "into", "around":
				place++
			}
		}
		switch {
		case !per && on >= 2 && place == 0,
			per && 3*(on+held) >= 2*len(e.Mentions) && held >= 1:
			e.Type, e.ID = news.ORG, EntityID(e.Name, news.ORG)
			if per {
				e.Attributes = []news.Attribute{}
			}
		}
	}
}

// platformHolds are what a platform has: "Twitter user", "Facebook page".
var platformHolds = map[string]bool{"user": true, "users": true, "account": true, "accounts": true, "feed": true,
	"post": true, "posts": true, "page": true, "profile": true, "followers": true, "handle": true, "sleuth": true,
	"sleuths": true, "thread": true, "timeline": true, "hashtag": true}

// retypePublications makes a "person" an organisation when a third of its
// mentions at least, two at least, are a publication's: followed by a word
// for its staff or its issues ("Vanity Fair editor Graydon Carter", "Rolling
// Stone writer"), or after "the" ("the Rolling Stone gig"), which no
// person's name takes; one of them at least followed by such a word.
func retypePublications(ents []news.Entity, text map[string]string) {
	for i := range ents {
		e := &ents[i]
		if e.Type != news.PER || len(e.Mentions) < 2 {
			continue
		}
		staff, the := 0, 0
		for _, m := range e.Mentions {
			t := text[m.ArticleID]
			if m.Start > len(t) || m.End > len(t) {
				continue
			}
			after := strings.Fields(strings.ToLower(t[m.End:min(len(t), m.End+32)]))
			reach := 1
			if len(after) > 0 && (after[0] == "'s" || after[0] == "’s") {
				after, reach = after[1:], 2 // "Vanity Fair's legendary editor": one word may stand between
			} else if strings.HasSuffix(t[:m.End], "'s") || strings.HasSuffix(t[:m.End], "’s") {
				reach = 2
			}
			if slices.ContainsFunc(after[:min(reach, len(after))], func(w string) bool { return publicationStaff[strings.Trim(w, ",.;:")] }) {
				staff++
				continue
			}
			if strings.HasSuffix(t[max(0, m.Start-4):m.Start], "the ") {
				the++
			}
		}
		if staff >= 1 && 3*(staff+the) >= len(e.Mentions) && staff+the >= 2 {
			e.Type, e.ID = news.ORG, EntityID(e.Name, news.ORG)
			e.Attributes = []news.Attribute{}
		}
	}
}

// publicationStaff are what follows a publication's name: its staff and
// its issues.
var publicationStaff = map[string]bool{"editor": true, "editors": true, "editor-in-chief": true, "reporter": true,
	"reporters": true, "writer": true, "writers": true, "columnist": true, "columnists": true, "magazine": true,
	"staffers": true, "readers": true, "subscribers": true, "publisher": true, "cover": true, "issue": true}

// kin are words naming a relative: a name right after one ("her son,
// Jordan", "baby boy Tatum") is a person's, whatever the tagger said.
var kin = map[string]bool{"son": true, "daughter": true, "boy": true, "girl": true, "baby": true, "wife": true,
	"husband": true, "mother": true, "father": true, "brother": true, "sister": true, "mom": true, "dad": true,
	"grandson": true, "granddaughter": true, "nephew": true, "niece": true, "cousin": true, "uncle": true,
	"aunt": true, "fiancé": true, "fiancée": true, "fiance": true, "fiancee": true, "stepson": true, "stepdaughter": true}

// retypeKin makes a place, an organisation or a miscellaneous name a person
// when the story puts it right after a word for a relative at least once
// and never after a preposition of place ("her son, Jordan" and never "in
// Jordan").
func retypeKin(ents []news.Entity, text map[string]string) {
	for i := range ents {
		e := &ents[i]
		if e.Type == news.PER || strings.Contains(e.Name, " ") {
			continue
		}
		kinship, place := 0, 0
		for _, m := range e.Mentions {
			t := text[m.ArticleID]
			if m.Start > len(t) {
				continue
			}
			before := strings.Fields(strings.ToLower(strings.TrimRight(t[max(0, m.Start-24):m.Start], " ,")))
			if len(before) == 0 {
				continue
			}
			last := strings.TrimRight(before[len(before)-1], ",")
			switch {
			case kin[last]:
				kinship++
			case last == "in" || last == "at" || last == "from" || last == "to" || last == "near" || last == "into":
				place++
			}
		}
		if kinship > 0 && place == 0 {
			e.Type, e.ID = news.PER, EntityID(e.Name, news.PER)
		}
	}
}

// joinSameIDs merges entities that a retyping left with one ID ("Twitter"
// retyped ORG next to the "Twitter" tagged ORG elsewhere): mentions,
// articles, aliases and attributes go to the first.
func joinSameIDs(ents []news.Entity) []news.Entity {
	at := map[string]int{}
	out := ents[:0]
	for _, e := range ents {
		i, ok := at[e.ID]
		if !ok {
			at[e.ID] = len(out)
			out = append(out, e)
			continue
		}
		d := &out[i]
		d.Mentions = append(d.Mentions, e.Mentions...)
		d.Attributes = append(d.Attributes, e.Attributes...)
		for _, a := range e.Articles {
			if !slices.Contains(d.Articles, a) {
				d.Articles = append(d.Articles, a)
			}
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if a != d.Name && !slices.Contains(d.Aliases, a) {
				d.Aliases = append(d.Aliases, a)
			}
		}
	}
	return out
}

// joinCutNames gives an entity whose every mention, with the capitalised
// word right before it, is the name of another entity of the story to that
// entity: the recogniser cut "Severino Marche" out of "San Severino Marche",
// and its guess at the shorter name's type went with it. The shorter name's
// attributes, read for the wrong name, are dropped. A title before a name
// ("Mayor Jim Watson", "Queen Elizabeth") cuts nothing off.
func joinCutNames(ents []news.Entity, text map[string]string) {
	byName := map[string]int{}
	for i, e := range ents {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := byName[Fold(n)]; !ok {
				byName[Fold(n)] = i
			}
		}
	}
	for i := range ents {
		e := &ents[i]
		votes, matched := map[int]int{}, 0
		for _, m := range e.Mentions {
			t := text[m.ArticleID]
			if m.End > len(t) {
				break
			}
			w := capWordBefore(t, m.Start)
			j, ok := byName[Fold(w+" "+t[m.Start:m.End])]
			if w == "" || !ok || j == i {
				break // every mention must extend to another name
			}
			votes[j]++
			matched++
		}
		best := -1
		for j, n := range votes {
			if best < 0 || n > votes[best] || n == votes[best] && j < best {
				best = j
			}
		}
		if best < 0 || matched < len(e.Mentions) {
			continue // a mention that extends to no other name
		}
		to := ents[best]
		e.ID, e.Name, e.Type, e.Aliases, e.Attributes = to.ID, to.Name, to.Type, nil, nil
	}
}

// capWordBefore is the capitalised word right before byte i of t, one
// space between, that is neither a title nor an office; "" when there is
// none.
func capWordBefore(t string, i int) string {
	if i < 2 || t[i-1] != ' ' {
		return ""
	}
	f := strings.Fields(t[max(0, i-30) : i-1])
	if len(f) == 0 {
		return ""
	}
	w := f[len(f)-1]
	if low := strings.ToLower(w); !startsUpper(w) || strings.ContainsAny(w, ".,;:!?\"“”()") || isTitle(low) || isOffice(low) {
		return ""
	}
	return w
}

// thingPrepositions put a place or a thing after them ("in iCloud Drive",
// "inside Parliament Hill"), seldom a person ("at", "near" and "toward"
// do: "shots fired at Michael Brown").
var thingPrepositions = set("in inside outside")

// locatives stand before a place, and now and then before a person ("a swipe
// at Jones"): only most of a name's mentions after them make it a place.
var locatives = set("on at toward towards near across around onto into throughout within")

// speechNext after a name make it someone who speaks, never a place.
var speechNext = set("said says told tells added adds wrote writes tweeted explained insisted claimed claims")

// placeNouns before "of" name a place after it ("the cities of Al
// Raqqah"); media nouns (words.IsMediaNoun) right before a name, or before
// it and a comma, name an outlet or a firm.
var placeNouns = set("city cities town towns village villages province provinces region state country capital district")

// headedBy are words that may follow a noun phrase the name ends: after
// "the X" they show that X heads the phrase ("the Sugarhill Gang was", "the
// Chosun Ilbo said") rather than modifying a noun ("the Steve Jobs biopic").
var headedBy = set(`is was are were has have had said says say reported reports and or but in on at of to for with from
by that which who will would could can did does as after before since when while`)

// isTitle reports a word that puts a person's name after it: an
// honorific, a role or a kinship word.
func isTitle(low string) bool {
	_, honorific := honorifics[low]
	_, kin := kinship[low]
	_, role := roleHead(low)
	return honorific || kin || role
}

// retypeThings makes a "person" something else when the story speaks of it
// as of a thing and never as of a person. Evidence of a thing: an article
// before the name that heads its phrase ("the Sugarhill Gang,", "a Bugatti
// Veyron.", "the Dera Sacha Sauda has"), or a preposition of place before
// it ("in iCloud Drive", "at Parliament Hill"), not followed by a
// possessive ("in Obama's speech"). Evidence of a person: an honorific, a
// role or a kinship word right before the name ("journalist James Foley",
// "Mr. Foley", "her son Jordan"). Two pieces of evidence of a thing at
// least, more than twice those of a person. Only mentions that are the
// name itself count (a pronoun, "the officer" or a first name resolved to
// the entity tell nothing of the name). The new type is the one the tagger
// gave most often to the entity's other mentions; without any, LOC when
// the evidence is mostly prepositions of place, else MISC.
func retypeThings(ents []news.Entity, groups [][]*local, text map[string]string) {
	for i := range ents {
		e := &ents[i]
		if e.Type != news.PER {
			continue
		}
		det, place, org, ref, person := 0, 0, 0, 0, 0
		exact, located, spoke := 0, 0, 0 // mentions of the name itself; after a locative; before a speech verb
		name := Fold(e.Name)
		for _, m := range e.Mentions {
			t := text[m.ArticleID]
			if m.Start > len(t) || m.End > len(t) {
				continue
			}
			if first, _, _ := strings.Cut(strings.ToLower(t[m.Start:m.End]), " "); isTitle(strings.TrimSuffix(first, ".")) {
				person++ // "Officer Wilson", "Mayor de Blasio"
				continue
			}
			prev, prev2 := wordsBefore(t, m.Start)
			possessive := possessiveAfter(t, m.End)
			locative := (locatives[prev] || thingPrepositions[prev]) && !possessive
			if mf := Fold(t[m.Start:m.End]); mf != name {
				// "the officer", or "an Oscar" taken for Oscar Isaac: the
				// evidence is for the name itself; a word of it ("near
				// Parliament") counts only towards a place
				if m.End-m.Start > 2 && startsUpper(t[m.Start:m.End]) && slices.Contains(strings.Fields(name), mf) {
					exact++
					if locative {
						located++
					}
				}
				continue
			}
			exact++
			if prev == "" {
				continue
			}
			after := t[m.End:min(len(t), m.End+24)]
			next := ""
			if f := strings.Fields(strings.ToLower(after)); len(f) > 0 && strings.HasPrefix(after, " ") {
				next = strings.Trim(f[0], ",.;:!?\"”’')")
			}
			headed := after == "" || strings.ContainsAny(after[:1], ",.;:!?)") || headedBy[next]
			if locative {
				located++
			}
			if speechNext[next] {
				spoke++
			}
			switch {
			case isTitle(prev):
				person++
			case (prev == "the" || prev == "a" || prev == "an") && headed && !possessive:
				det++
			case thingPrepositions[prev] && !possessive, prev == "of" && placeNouns[prev2]:
				place++
			case words.IsMediaNoun(strings.TrimSuffix(prev, ",")), orgNounsBefore[prev]:
				org++ // not "the leader of the group, Abu Bakr": the leader's apposition
			case !possessive && (words.IsMediaNoun(next) || firmNext[next]):
				org++ // "Al Jazeera television", "Time Warner shareholders"
			case !possessive && !objectPrepositions[prev] && thingReferred(t[m.End:]):
				ref++ // "Time Warner, which owns HBO", "Al Qaeda and its affiliates": a thing, of no kind told
			}
		}
		// A name that often follows "on", "at", "toward"… (a quarter of
		// its mentions, four at least), never with a title or a speech
		// verb: a place ("on Parliament Hill", "near Parliament"), though
		// one of those may stand before a person ("a swipe at Jones").
		locatedMost := person == 0 && spoke == 0 && located >= 4 && 4*located >= exact
		if !locatedMost && (det+place+org+ref < 2 || det+place+org+ref <= 2*person) {
			continue
		}
		typ := news.MISC
		switch {
		case org > det && org > place:
			typ = news.ORG
		case place > det || locatedMost:
			typ = news.LOC
		}
		if i < len(groups) && 2*org <= det+place+org+ref {
			votes := map[news.EntityType]int{}
			for _, l := range groups[i] {
				for _, m := range l.ments {
					if m.Type != news.PER {
						votes[m.Type]++
					}
				}
			}
			best := 0
			for _, t := range []news.EntityType{news.ORG, news.LOC, news.MISC, news.WORK, news.EVENT} {
				if votes[t] > best {
					typ, best = t, votes[t]
				}
			}
		}
		e.Type, e.ID = typ, EntityID(e.Name, typ)
		e.Attributes = []news.Attribute{}
	}
}

// orgNounsBefore name a firm or a group when they stand right before a
// name, with no comma between ("magazine publisher Condé Nast", "militant
// group Al Shabab"), as the media nouns do.
var orgNounsBefore = set("publisher publishers group band giant maker retailer bank label studio conglomerate " +
	"organisation organization militia")

// firmNext are nouns that, right after a name, make it a firm's: a person
// has no shareholders, subsidiary or headquarters.
var firmNext = set("ceo shareholders shareholder stock shares analyst analysts employees subsidiary subsidiaries television tv " +
	"affiliate affiliates headquarters earnings reporter reporters correspondent")

// objectPrepositions before a name make it the object of a phrase, whose
// "which" or "its" after it may be the phrase's ("a speech by Rita Vale,
// which…").
var objectPrepositions = set("by of from with about to for in on at after before against like than")

// thingReferred tells whether the text after a name refers back to it as
// to a thing: a relative "which" right after it (", which", " — which"),
// or "its" among the next five words with no punctuation between
// ("Condé Nast commenced its move", "Al Qaeda and its affiliates").
func thingReferred(after string) bool {
	rest := strings.TrimLeft(after, " ")
	for _, p := range []string{",", "—", "–", "-"} {
		if strings.HasPrefix(rest, p) {
			return strings.HasPrefix(strings.TrimLeft(rest[len(p):], " "), "which ")
		}
	}
	if strings.HasPrefix(rest, "which ") {
		return true
	}
	for i, w := range strings.Fields(rest[:min(len(rest), 48)]) {
		if i >= 5 || strings.ContainsAny(w, ",.;:!?\"“”()—–") && w != "its" {
			return false
		}
		if w == "its" {
			return i > 0
		}
	}
	return false
}

// Words that end names of things, not people. Some stand in more than one
// list: thoroughfareWords, newspaperWords and institutionHeadWords are
// those parts, written once.
const (
	thoroughfareWords    = "mall boulevard avenue airport plaza square bridge stadium arena harbour harbor canyon valley"
	newspaperWords       = "gazette tribune courier journal"
	institutionHeadWords = "hospital university institute foundation museum"
)

// placeHeads and orgHeads end names of places and organisations and are
// seldom surnames (unlike Hill, Street, Park, Fox or Church, which are).
var (
	placeHeads = set(thoroughfareWords + " blvd ave refuge county province district")
	orgHeads   = set(institutionHeadWords + " " + newspaperWords + " records studios pictures airlines airways magazine " +
		"realty expeditions holdings inc corp corporation ltd llc plc entertainment productions brigade battalion ministry " +
		"agency commission committee association federation union league bros mart supermarket restaurant cafe café " +
		"bakery pharmacy")
	// groupHeads end names of peoples, faiths and parties' members, which
	// are plurals no surname is.
	groupHeads = set("muslims christians jews catholics protestants sunnis shiites shias hindus buddhists sikhs " +
		"kurds arabs democrats republicans conservatives liberals socialists communists nationalists")
	// notNameStart are words no person's name opens with: auxiliaries and
	// question words glued to a name ("Does Alfred…").
	notNameStart = set("does did do is was are were has have had would could should why how what when where") // not "will", "can": Will Smith
)

// landmarkNouns end the names of places, surnames among them ("Parliament
// Hill", "Tahrir Square"; "Jonah Hill"): a place's only where the text
// says so (after a preposition of place); placePreps are those
// prepositions; placeTails end other names of places and buildings.
var (
	landmarkNouns = set(thoroughfareWords + " hill hills street park palace station river lake mountain mountains island " +
		"islands beach road lane tower castle cathedral mosque temple bay memorial cemetery")
	placePreps = set(`on at in near outside inside into onto across toward towards`)
	placeTails = set(`garden gardens base house hall field fields port city county town village district province
state center centre building terminal camp prison jail court`)
)

// paperWords end the names of newspapers ("Western Australian Herald",
// "Washington Post"); a given name first keeps a person ("Emily Post").
var paperWords = set(newspaperWords + " herald times post telegraph chronicle examiner inquirer dispatch bulletin " +
	"observer guardian mail")

// mediaWords stand inside the names of newspapers and channels, first word
// aside ("Fox News Latino", "Prescott Daily Courier"), and no person's.
var mediaWords = set("news daily")

// paperName tells whether a name whose words after the first are mid and
// last is a newspaper's or a channel's: it ends in a newspaper's word
// ("Western Australian Herald", "Courier Mail"), or a media word stands
// after its first ("Fox News Latino").
func paperName(mid []string, last string) bool {
	if paperWords[strings.ToLower(last)] || mediaWords[strings.ToLower(last)] {
		return true
	}
	for _, w := range mid {
		if mediaWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// institutionWords end the names of institutions and buildings.
var institutionWords = set(institutionHeadWords + " school college centre center library hall church prison memorial " +
	"academy clinic")

// retypeByHead makes a "person" whose name ends in a place's or an
// organisation's head noun a place or an organisation ("Westgate Mall",
// "Sony Studios", "Sugar Hill Records"), and one whose name opens with an
// auxiliary or a question word or holds "v." between two words ("Does
// Alfred", "Batman V Superman") a miscellaneous name, unless the story gives
// it an age or a relative (the attributes a person has).
func retypeByHead(ents []news.Entity) {
	for i := range ents {
		e := &ents[i]
		ws := strings.Fields(e.Name)
		if e.Type != news.PER || len(ws) < 2 || personAttributes(e.Attributes) {
			continue
		}
		last := strings.ToLower(strings.Trim(ws[len(ws)-1], ".,"))
		typ := news.EntityType("")
		switch {
		case notNameStart[strings.ToLower(ws[0])] || versus(ws):
			typ = news.MISC // "Does Alfred", "Batman V Superman": no person's name
		case placeHeads[last]:
			typ = news.LOC
		case orgHeads[last]:
			typ = news.ORG
		case groupHeads[last]:
			typ = news.MISC // "Sunni Muslims": a people, not a person
		case buildingHeads[last] && placeWordBefore(ws):
			typ = news.LOC // "City Hall", "Madison Square Garden" (not "Monty Hall")
		default:
			continue
		}
		e.Type, e.ID = typ, EntityID(e.Name, typ)
		e.Attributes = []news.Attribute{}
	}
}

// buildingHeads end names of buildings and grounds, and are surnames too
// ("Hall", "Garden"): a building's only when a word of a place comes
// before them in the name.
var buildingHeads = set("hall garden gardens base station palace house tower memorial court")

// placeWordBefore tells whether a word of a place stands before the last
// word of the name ws ("City Hall", "Madison Square Garden", "Air Base").
func placeWordBefore(ws []string) bool {
	for _, w := range ws[:len(ws)-1] {
		lw := strings.ToLower(w)
		if placeNouns[lw] || placeHeads[lw] || landmarkNouns[lw] || lw == "air" || lw == "naval" || lw == "army" {
			return true
		}
	}
	return false
}

// versus reports a name with "v" or "vs" between two words: a match or a
// title ("Batman V Superman"), no person.
func versus(ws []string) bool {
	for _, w := range ws[1 : len(ws)-1] {
		switch strings.ToLower(strings.TrimSuffix(w, ".")) {
		case "v", "vs":
			return true
		}
	}
	return false
}

// personAttributes reports an age or a relative among attrs.
func personAttributes(attrs []news.Attribute) bool {
	for _, at := range attrs {
		if at.Name == "age" || strings.HasPrefix(at.Name, "relation:") {
			return true
		}
	}
	return false
}

// wordsBefore are the two lower-case words just before byte i of t, the
// nearer first, without trailing periods and commas; none when no space
// stands right before i.
func wordsBefore(t string, i int) (prev, prev2 string) {
	f := strings.Fields(strings.ToLower(t[max(0, i-24):i]))
	if len(f) == 0 || !strings.HasSuffix(t[:i], " ") {
		return "", ""
	}
	prev = strings.TrimSuffix(f[len(f)-1], ".")
	if len(f) > 1 {
		prev2 = strings.Trim(f[len(f)-2], ",.")
	}
	return prev, prev2
}

// possessiveAfter tells whether a possessive follows byte i of t: "'s",
// "’s", or an apostrophe alone after a plural.
func possessiveAfter(t string, i int) bool {
	after := t[i:min(len(t), i+len("’s"))]
	return strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") || strings.HasPrefix(after, "' ") || strings.HasPrefix(after, "’ ")
}
