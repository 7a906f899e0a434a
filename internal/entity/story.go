package entity

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/lru"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// StoryStage resolves entities across a story's articles and fills
// v.Entities: diacritics folded, misspellings merged when the story
// supports it, people who share a surname kept apart, attributes merged by
// value with one citation per stating span.
type StoryStage struct {
	// Cache, when set, keeps each article's entities read from its
	// mentions across rebuilds of a story.
	Cache *Cache
}

var _ news.StoryStage = StoryStage{}

// Cache keeps recently read articles' local entities, by article id and
// content, within a bound in bytes; safe for concurrent use.
type Cache struct {
	c *lru.Cache[string, []local]
}

// NewCache returns a cache holding about maxBytes of local entities.
func NewCache(maxBytes int) *Cache { return &Cache{c: lru.New[string, []local](maxBytes)} }

// localsOf reads a's local entities (art left 0), in the order of their
// first mentions, through the cache when there is one. The mentions they
// hold are shared: a local changes its own copy (asPerson).
func (c *Cache) localsOf(a *news.Article) []local {
	key := a.ID + "/" + a.ContentHash
	if c != nil && a.ContentHash != "" {
		if ls, ok := c.c.Get(key); ok {
			return ls
		}
	}
	var out []local
	at := map[string]int{}
	size := 64
	for _, m := range a.Mentions {
		if m.Key == "" || !ofStory(a, m) {
			continue
		}
		i, ok := at[m.Key]
		if !ok {
			name := m.Name
			if name == "" {
				name = m.Text
			}
			i = len(out)
			at[m.Key] = i
			out = append(out, local{key: m.Key, name: name, typ: m.Type, toks: splitName(name, m.Type).toks})
			size += 160 + 2*len(name)
		}
		out[i].ments = append(out[i].ments, m)
		out[i].heads = append(out[i].heads, inTitleCaseLine(a, m.Span))
		out[i].prose = out[i].prose || !inPost(a, m)
		size += 96 + len(m.Text) + len(m.Name)
	}
	if c != nil && a.ContentHash != "" {
		c.c.Add(key, out, size)
	}
	return out
}

// local is one entity inside one article: the mentions sharing a Key.
type local struct {
	art   int
	key   string
	name  string
	typ   news.EntityType
	toks  []string
	ments []news.Mention
	heads []bool // per mention: it stands in a Title Case line (a headline)
	prose bool   // some mention lies outside pasted posts
}

// Build fills v.Entities from the articles' mentions and attributes.
func (s StoryStage) Build(ctx context.Context, v *news.StoryView, arts []*news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var locs []*local
	byArt := map[string]map[string]*local{} // article id -> key -> its local
	for ai, a := range arts {
		ls := s.Cache.localsOf(a)
		mine := byArt[a.ID]
		if mine == nil {
			mine = make(map[string]*local, len(ls))
			byArt[a.ID] = mine
		}
		for i := range ls {
			if l := mine[ls[i].key]; l != nil {
				// the same article listed twice: one local per key
				l.ments = append(slices.Clip(l.ments), ls[i].ments...)
				l.heads = append(slices.Clip(l.heads), ls[i].heads...)
				l.prose = l.prose || ls[i].prose
				continue
			}
			l := new(local)
			*l = ls[i]
			l.art = ai
			mine[l.key] = l
			locs = append(locs, l)
		}
	}
	var groups [][]*local
	var names []string // canonical names, "" for groups joined here
	byID := map[string]int{}
	merged, mergedNames := mergeSpellings(cluster(locs, arts))
	for k, g := range merged {
		if !namedInProse(g) {
			continue // only fans' posts name it
		}
		name := mergedNames[k]
		if name == "" {
			name = canonicalName(g)
		}
		id := EntityID(name, majorityType(g))
		if i, ok := byID[id]; ok {
			groups[i] = append(groups[i], g...)
			names[i] = ""
			continue
		}
		byID[id] = len(groups)
		groups = append(groups, g)
		names = append(names, name)
	}
	order := make(map[string]int, len(arts))
	for i, a := range arts {
		order[a.ID] = i
	}
	ents := make([]news.Entity, len(groups))
	for i, g := range groups {
		ents[i] = summarise(g, names[i], arts, order)
	}
	// Folded names and aliases of each entity, to give relation values the
	// related entity's canonical name.
	canon := map[string]string{}
	for _, e := range ents {
		canon[Fold(e.Name)] = e.Name
	}
	for _, e := range ents {
		for _, al := range e.Aliases {
			if _, ok := canon[Fold(al)]; !ok {
				canon[Fold(al)] = e.Name
			}
		}
	}
	for i := range ents {
		ents[i].Attributes = attributes(groups[i], arts, canon)
	}
	text := textsByID(arts)
	retypeOutlets(ents, text)
	retypePlaces(ents)
	retypePlatforms(ents, text)
	retypePublications(ents, text)
	retypeKin(ents, text)
	retypeThings(ents, groups, text)
	retypeByHead(ents)
	joinCutNames(ents, text)
	ents = joinSameIDs(ents)
	oneHolder(ents, "occupation")
	sort.SliceStable(ents, func(i, j int) bool {
		if len(ents[i].Mentions) != len(ents[j].Mentions) {
			return len(ents[i].Mentions) > len(ents[j].Mentions)
		}
		return ents[i].ID < ents[j].ID
	})
	v.Entities = ents
	return nil
}

// cluster groups the articles' local entities into story entities.
func cluster(locs []*local, arts []*news.Article) [][]*local {
	parent := make([]int, len(locs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	sizes := make([]int, len(locs))
	for i, l := range locs {
		sizes[i] = len(l.ments)
	}
	size := func(i int) int { return sizes[find(i)] }
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if sizes[ra] < sizes[rb] {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		sizes[ra] += sizes[rb]
	}
	isPer := func(l *local) bool { return l.typ == news.PER }
	// Same folded name: the same entity (persons apart from the rest).
	byName := map[string]int{}
	for i, l := range locs {
		k := strconv.FormatBool(isPer(l)) + "|" + strings.Join(l.toks, " ")
		if j, ok := byName[k]; ok {
			union(i, j)
		} else {
			byName[k] = i
		}
	}
	// A name the recogniser typed as a person elsewhere in the story is that
	// person, when the person is mentioned at least as often ("khloe
	// kardashian" tagged ORG in a lower-case post).
	for i, l := range locs {
		if isPer(l) {
			continue
		}
		if j, ok := byName["true|"+strings.Join(l.toks, " ")]; ok && size(j) >= size(i) {
			union(j, i)
		}
	}
	// A two-word name the recogniser typed otherwise is a person's full
	// name when its article goes on to call the person by its last word,
	// tagged a person at least twice, as news does ("Tiger Woods", tagged
	// ORG, then "Woods said", "Woods has"), and no full person name of the
	// story ends with that word.
	fullLast := map[string]bool{}
	type artTok struct {
		art int
		tok string
	}
	perSingle := map[artTok]*local{} // article and token -> its single-name person
	for i, l := range locs {
		if isPer(l) && len(l.toks) >= 2 && find(i) == i {
			fullLast[l.toks[len(l.toks)-1]] = true
		}
		if isPer(l) && len(l.toks) == 1 {
			perSingle[artTok{l.art, l.toks[0]}] = l
		}
	}
	for i, l := range locs {
		if isPer(l) || len(l.toks) != 2 || len(l.toks[1]) < 3 || fullLast[l.toks[1]] || len(l.ments) == 0 {
			continue
		}
		p := perSingle[artTok{l.art, l.toks[1]}]
		if p == nil || len(p.ments) < 2 || p.ments[0].Span.Start < l.ments[0].Span.End {
			continue
		}
		if j, ok := byName["true|"+l.toks[1]]; ok {
			union(j, i)
			asPerson(l)
		}
	}
	// Full person names: misspellings with the same given name, initials,
	// and names contained in longer ones.
	var full []int
	for i, l := range locs {
		if isPer(l) && len(l.toks) >= 2 && find(i) == i {
			full = append(full, i)
		}
	}
	sort.SliceStable(full, func(a, b int) bool { return size(full[a]) > size(full[b]) })
	var fullToks [][]string
	for _, i := range full {
		fullToks = append(fullToks, locs[i].toks)
	}
	fam := families(fullToks)
	// Two full names of one person share a token (at most one token of a
	// name differs, and initials keep the given name), so each name is
	// compared only with the earlier names sharing one of its tokens.
	byTok := map[string][]int{} // token -> positions in full
	for x, i := range full {
		var cands []int
		seen := map[int]bool{}
		for _, t := range locs[i].toks {
			for _, y := range byTok[t] {
				if !seen[y] {
					seen[y] = true
					cands = append(cands, y)
				}
			}
		}
		sort.Ints(cands)
		// The first name alike is this one's person. A name at least as
		// long as the others alike joins them all ("John Micheal O'Neal"
		// is both "John Micheal" and "John Michael O'Neal"); a shorter one
		// could open two persons' names, so it joins only the first.
		matched := false
		for _, y := range cands {
			j := full[y]
			if find(j) == find(i) || matched && len(locs[i].toks) < len(locs[j].toks) {
				continue
			}
			if sameFull(locs[i].toks, locs[j].toks) && !fam.addsOther(locs[i].toks, locs[j].toks) {
				union(j, i)
				matched = true
			}
		}
		for _, t := range locs[i].toks {
			if l := byTok[t]; len(l) == 0 || l[len(l)-1] != x {
				byTok[t] = append(l, x)
			}
		}
	}
	// Co-occurrence: the other entities named in the same articles.
	ctxOf := func(root int) map[int]bool {
		arts := map[int]bool{}
		for j, l := range locs {
			if find(j) == root {
				arts[l.art] = true
			}
		}
		out := map[int]bool{}
		for j, l := range locs {
			if arts[l.art] && find(j) != root {
				out[find(j)] = true
			}
		}
		return out
	}
	// Single names: a token of exactly one full name; a misspelling of one
	// when the articles share other entities. The full names are looked up
	// by token, by their tokens joined, and for misspellings by the tokens
	// of the lengths typoOf can reach.
	fullByTok := map[string][]int{}
	fullByJoined := map[string][]int{}
	typoToks := map[int][]string{} // rune length -> tokens a misspelling can be of
	typoSets := map[int][]uint64{} // and their letter sets, in the same order
	for _, j := range full {
		for _, x := range locs[j].toks {
			if _, ok := fullByTok[x]; !ok {
				if n := utf8.RuneCountInString(x); len(x) >= 2 && maxEdits(n) > 0 {
					typoToks[n] = append(typoToks[n], x)
					typoSets[n] = append(typoSets[n], letterSet(x))
				}
			}
			fullByTok[x] = append(fullByTok[x], j)
		}
		k := strings.Join(locs[j].toks, "")
		fullByJoined[k] = append(fullByJoined[k], j)
	}
	for i, l := range locs {
		if !isPer(l) || len(l.toks) != 1 || find(i) != i {
			continue
		}
		t := l.toks[0]
		roots := map[int]bool{}
		for _, j := range fullByTok[t] {
			roots[find(j)] = true
		}
		for _, j := range fullByJoined[t] {
			roots[find(j)] = true
		}
		if len(roots) == 0 && !commonWords[t] && givenNames[t] == "" {
			// (a common given name is a name in its own right, not a
			// misspelling: "Andrew" is not "Andree Lau")
			n := utf8.RuneCountInString(t)
			ts := letterSet(t)
			for m := n - maxTypoEdits; m <= n+maxTypoEdits; m++ {
				k := maxEdits(m)
				if abs(m-n) > k {
					continue // more edits than the token's allowance
				}
				for y, x := range typoToks[m] {
					if !fewLettersApart(ts, typoSets[m][y], k) {
						continue // quick: more letters of one are missing from the other than k edits make
					}
					if sameInitials(t, x) && Damerau(t, x, k) <= k {
						for _, j := range fullByTok[x] {
							roots[find(j)] = true
						}
					}
				}
			}
			if len(roots) == 1 {
				for r := range roots {
					shared := false
					mine := ctxOf(find(i))
					for c := range ctxOf(r) {
						if mine[c] {
							shared = true
						}
					}
					if !shared {
						delete(roots, r)
					}
				}
			}
		}
		if len(roots) == 1 {
			for r := range roots {
				union(r, i)
			}
		}
	}
	return gather(locs, find)
}

// asPerson makes a local entity joined to a person count as one when the
// group's type is voted: its mentions are that person's.
func asPerson(l *local) {
	l.typ = news.PER
	l.ments = slices.Clone(l.ments) // the cached mentions stay as read
	for k := range l.ments {
		l.ments[k].Type = news.PER
	}
}

// maxTypoEdits is the largest allowance of maxEdits.
const maxTypoEdits = 2

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// gather groups items by their root under find, groups in the order of
// their first item.
func gather[T any](items []T, find func(int) int) [][]T {
	idx := map[int]int{}
	var out [][]T
	for i, it := range items {
		r := find(i)
		k, ok := idx[r]
		if !ok {
			k = len(out)
			idx[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], it)
	}
	return out
}

// sameFull reports whether full names a and b name one person across
// articles: the same given name and close surnames, or an initial.
func sameFull(a, b []string) bool {
	if particleTail(a, b) || particleTail(b, a) || initialsVariant(a, b) || initialsVariant(b, a) {
		return true
	}
	if len(a) == 2 && len(b) >= 2 && len(a[1]) == 1 && a[0] == b[0] && strings.HasPrefix(b[len(b)-1], a[1]) {
		return true
	}
	if la, lb := len(a), len(b); la >= 2 && lb >= 2 && len(a[la-1]) > 1 && a[la-1] == b[lb-1] && givenAlike(a[0], b[0]) {
		// the same surname and given names of one person ("Jim Foley",
		// "James Foley"), one of them with a middle name or both with the
		// same ("James Wright Foley")
		switch {
		case la == 2 || lb == 2:
			return true
		case la == lb && slices.Equal(a[1:la-1], b[1:lb-1]):
			return true
		}
		// else the same number of names: a misspelt middle name is
		// checked below with the others
	}
	if len(a) != len(b) {
		if len(a) > len(b) {
			a, b = b, a
		}
		// a name that opens a longer one ("John Micheal", "John Micheal
		// O'Neal"), whichever of the two was seen more
		return len(a) >= 2 && containsRun(b, a) && a[0] == b[0]
	}
	diff := 0
	for k := range a {
		if a[k] == b[k] {
			continue
		}
		n := len([]rune(b[k]))
		if !sameInitials(a[k], b[k]) || Damerau(a[k], b[k], 2) > maxEdits(n) {
			return false
		}
		diff++
	}
	// a different given name is a different person unless it is a misspelling
	// and the surname agrees
	return diff == 1 || diff == 0
}

// initialsVariant tells whether a and b are one name written with more or
// fewer initials before it: "M. Venkaiah Naidu" and "Venkaiah Naidu" (an
// initial added before a given name and a surname), "A.K. Verma" and "K.
// Verma" (one of the initials dropped).
func initialsVariant(a, b []string) bool {
	if len(a) < 2 || len(a[len(a)-1]) < 2 {
		return false
	}
	if len(b) == len(a)+1 && oneLetter(b[0]) && !oneLetter(a[0]) && slices.Equal(b[1:], a) {
		return true
	}
	return len(a) == len(b) && oneLetter(a[0]) && len(b[0]) > 1 && len(b[0]) <= 3 &&
		(strings.HasPrefix(b[0], a[0]) || strings.HasSuffix(b[0], a[0])) && slices.Equal(a[1:], b[1:])
}

// particleTail tells whether short, a title aside, is a surname with its
// particle that ends long, a title aside: "Mayor de Blasio" and "Mayor Bill
// de Blasio", "van Gogh" and "Vincent van Gogh".
func particleTail(short, long []string) bool {
	short, long = withoutTitle(short), withoutTitle(long)
	if len(short) < 2 || len(long) <= len(short) || !surnameParticles[short[0]] {
		return false
	}
	return slices.Equal(long[len(long)-len(short):], short)
}

// withoutTitle is a folded name without the title or office opening it.
func withoutTitle(t []string) []string {
	if len(t) > 1 {
		if _, hon := honorifics[strings.TrimSuffix(t[0], ".")]; hon || isOffice(t[0]) {
			return t[1:]
		}
	}
	return t
}

// surnameParticles open a surname of two words or more.
var surnameParticles = map[string]bool{"de": true, "da": true, "di": true, "del": true, "della": true, "van": true,
	"von": true, "der": true, "den": true, "le": true, "la": true, "du": true, "dos": true, "das": true, "al": true,
	"el": true, "bin": true, "ibn": true, "ben": true, "abu": true}

// familyNames holds the full person names of a set by surname.
type familyNames map[string][][]string

func families(names [][]string) familyNames {
	fam := familyNames{}
	for _, t := range names {
		if len(t) >= 2 {
			fam[t[len(t)-1]] = append(fam[t[len(t)-1]], t)
		}
	}
	return fam
}

// addsOther tells whether the longer of two names adds a surname to the
// shorter when both surnames are borne by other persons of the set, whose
// names are no part of the longer: "Fidel Castro Odinga", son of Raila
// Odinga, is not "Fidel Castro", brother of Raúl Castro; "Gurmeet Ram
// Rahim Singh" is still "Gurmeet Ram Rahim", whatever other Singh the
// story names.
func (fam familyNames) addsOther(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == len(b) || len(a) == 0 || b[len(b)-1] == a[len(a)-1] {
		return false
	}
	other := func(surname string, name []string) bool {
		for _, c := range fam[surname] {
			if c[0] != name[0] && !containsRun(b, c) {
				return true
			}
		}
		return false
	}
	return other(b[len(b)-1], b) && other(a[len(a)-1], a)
}

// givenAlike reports whether two given names (folded) can name one
// person: the same, one the start of the other of 3 letters at least
// ("chris", "christian"; "dan", "daniel"), or a short form of the common
// English given names that do not begin alike ("jim", "james"; "bill",
// "william").
func givenAlike(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) >= 3 && strings.HasPrefix(b, a) {
		return true
	}
	for _, full := range shortForms[a] {
		if full == b {
			return true
		}
	}
	for _, full := range shortForms[b] {
		if full == a {
			return true
		}
	}
	return false
}

// summarise makes the story entity of a group of local entities, named
// name (its canonical name; "": not found yet).
func summarise(g []*local, name string, arts []*news.Article, order map[string]int) news.Entity {
	types := map[news.EntityType]int{}
	aliasCount := map[string]int{}
	aliasForm := map[string]string{}
	var cites []news.Citation
	artSeen := map[int]bool{}
	var artIdx []int
	names := map[string]nameOf{}
	for _, l := range g {
		if !artSeen[l.art] {
			artSeen[l.art] = true
			artIdx = append(artIdx, l.art)
		}
		for _, m := range l.ments {
			types[m.Type]++
			cites = append(cites, news.Cite(arts[l.art].ID, m.Span))
			if m.Via == "descriptor" {
				continue
			}
			n, ok := names[m.Text]
			if !ok {
				n = splitName(m.Text, m.Type)
				names[m.Text] = n
			}
			f := Fold(n.surface)
			aliasCount[f]++
			if prev, ok := aliasForm[f]; !ok || richer(n.surface, prev) {
				aliasForm[f] = n.surface
			}
		}
		for _, m := range l.ments {
			if m.Via == "descriptor" && !m.Guessed {
				f := Fold(strings.TrimPrefix(strings.TrimPrefix(m.Text, "the "), "The "))
				aliasCount[f]++
				if _, ok := aliasForm[f]; !ok {
					aliasForm[f] = m.Text
				}
			}
		}
	}
	typ, tc := news.EntityType(""), -1
	for t, c := range types {
		if c > tc || c == tc && t < typ {
			typ, tc = t, c
		}
	}
	if name == "" {
		name = canonicalName(g)
	}
	var aliases []string
	for f, c := range aliasCount {
		if f != Fold(name) && c > 0 {
			aliases = append(aliases, aliasForm[f])
		}
	}
	sort.Slice(aliases, func(i, j int) bool {
		ci, cj := aliasCount[Fold(aliases[i])], aliasCount[Fold(aliases[j])]
		if ci != cj {
			return ci > cj
		}
		return aliases[i] < aliases[j]
	})
	sort.Ints(artIdx)
	ids := make([]string, len(artIdx))
	for i, a := range artIdx {
		ids[i] = arts[a].ID
	}
	sort.SliceStable(cites, func(i, j int) bool {
		if cites[i].ArticleID != cites[j].ArticleID {
			return order[cites[i].ArticleID] < order[cites[j].ArticleID]
		}
		return cites[i].Start < cites[j].Start
	})
	if aliases == nil {
		aliases = []string{}
	}
	return news.Entity{ID: EntityID(name, typ), Name: name, Type: typ, Aliases: aliases, Articles: ids,
		Mentions: cites, Attributes: []news.Attribute{}}
}

// canonicalName is the most common full form of a group's names. Forms
// written in a Title Case line count only when no other line names the
// group: a headline's capitals are no evidence of where a name ends
// ("Luke Skywalker Guarding 'Ancient Sith Tomb'", "Banksy Mural …").
func canonicalName(g []*local) string {
	// Each article votes once per form, so a name repeated in pasted posts
	// does not outvote the outlets' own spelling.
	type artName struct {
		art  int
		name string
	}
	count := func(full, inHeads bool) map[string]int {
		forms := map[string]int{}
		seen := map[artName]bool{}
		for _, l := range g {
			if len(l.toks) >= 2 != full {
				continue
			}
			for i, m := range l.ments {
				k := artName{l.art, m.Name}
				if m.Via == "descriptor" || seen[k] || !inHeads && i < len(l.heads) && l.heads[i] {
					continue
				}
				seen[k] = true
				forms[m.Name]++
			}
		}
		return forms
	}
	// Full names before single words, whatever the line: "Hunter" in
	// prose does not outweigh "Duncan Hunter" in a headline.
	for _, full := range []bool{true, false} {
		for _, inHeads := range []bool{false, true} {
			if n := bestForm(count(full, inHeads)); n != "" {
				return n
			}
		}
	}
	return g[0].name
}

// inTitleCaseLine tells whether span sp of a's text stands in a sentence
// written in Title Case: four words or more, every one capitalised but for
// a few small words and numbers, and at least two capitalised words outside
// the names found in it ("Star Wars Plot Details Revealed, Luke Skywalker
// Guarding Ancient Tomb"), so that a sentence made of names ("Harrison Ford
// and Carrie Fisher") is not one.
func inTitleCaseLine(a *news.Article, sp news.Span) bool {
	ss := a.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > sp.Start })
	if i == len(ss) || ss[i].Start > sp.Start || ss[i].End > len(a.Text) {
		return false
	}
	s := ss[i]
	inName := func(at int) bool {
		for _, m := range a.Mentions {
			if m.Span.Start <= at && at < m.Span.End {
				return true
			}
		}
		return false
	}
	words, caps, common := 0, 0, 0
	text := a.Text[s.Start:s.End]
	for at := 0; at < len(text); {
		r, n := utf8.DecodeRuneInString(text[at:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			at += n
			continue
		}
		end := at + n
		for end < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '\'' && r2 != '’' && r2 != '-' {
				break
			}
			end += n2
		}
		switch w := text[at:end]; {
		case unicode.IsUpper(r):
			caps++
			if !inName(s.Start + at) {
				common++
			}
		case unicode.IsDigit(r) || titleSmallWords[w]:
		default:
			return false
		}
		words++
		at = end
	}
	return words >= 4 && common >= 2 && caps*10 >= words*6
}

// titleSmallWords stay in lower case in a Title Case line.
var titleSmallWords = set("a an and the of in on at to for by with from or as vs v de")

func majorityType(g []*local) news.EntityType {
	types := map[news.EntityType]int{}
	for _, l := range g {
		for _, m := range l.ments {
			types[m.Type]++
		}
	}
	typ, tc := news.EntityType(""), -1
	for t, c := range types {
		if c > tc || c == tc && t < typ {
			typ, tc = t, c
		}
	}
	return typ
}

// EntityID is the stable ID of an entity: its type and its folded
// canonical name, so the same person gets the same ID in every story.
func EntityID(name string, typ news.EntityType) string {
	return strings.ToLower(string(typ)) + "-" + slug(name)
}

// attributes merges the attribute mentions of a group: one value with
// every stating span as a citation; ages also give a birth-year range from
// the article's publication date.
func attributes(g []*local, arts []*news.Article, canon map[string]string) []news.Attribute {
	type akey struct{ name, value string }
	idx := map[akey]int{}
	var out []news.Attribute
	seen := map[akey]map[news.Citation]bool{}
	add := func(name, value string, c news.Citation) {
		k := akey{name, Fold(value)}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, news.Attribute{Name: name, Value: value})
			seen[k] = map[news.Citation]bool{}
		}
		if !seen[k][c] {
			seen[k][c] = true
			out[i].Citations = append(out[i].Citations, c)
		}
	}
	for _, l := range g {
		a := arts[l.art]
		for _, at := range a.Attributes {
			if at.Key != l.key {
				continue
			}
			value := at.Value
			if strings.HasPrefix(at.Name, "relation:") {
				if c, ok := canon[Fold(value)]; ok {
					value = c
				}
			}
			c := news.Cite(a.ID, at.Span)
			add(at.Name, value, c)
			if at.Name == "age" && !a.Published.IsZero() {
				if age, err := strconv.Atoi(at.Value); err == nil {
					y := a.Published.Year() - age
					add("birth_year", strconv.Itoa(y-1)+"-"+strconv.Itoa(y), c)
				}
			}
		}
	}
	out = spouseAsPartner(out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return len(out[i].Citations) > len(out[j].Citations)
	})
	return out
}

// spouseAsPartner folds a "spouse" relation into the "wife" or "husband"
// other sources give the same person ("spouse Ruby; wife Ruby" is one
// fact), its citations added.
func spouseAsPartner(attrs []news.Attribute) []news.Attribute {
	drop := make([]bool, len(attrs))
	for k, a := range attrs {
		if a.Name != "relation:spouse" {
			continue
		}
		for i := range attrs {
			if (attrs[i].Name == "relation:wife" || attrs[i].Name == "relation:husband") && Fold(attrs[i].Value) == Fold(a.Value) {
				for _, c := range a.Citations {
					if !slices.Contains(attrs[i].Citations, c) {
						attrs[i].Citations = append(attrs[i].Citations, c)
					}
				}
				drop[k] = true
				break
			}
		}
	}
	out := make([]news.Attribute, 0, len(attrs))
	for k, a := range attrs {
		if !drop[k] {
			out = append(out, a)
		}
	}
	return out
}

// outletCue ends the text before a name that is the recipient of a statement
// ("told People", "an interview with Decider", "according to TMZ"): such a
// name is a news outlet, whatever the recogniser said.
var outletCue = regexp.MustCompile(`(?i)\b(?:told|tells|telling|interview with|interviewed by|speaking to|speaking with|spoke to|spoke with|according to|reported by|confirmed to|statement to)\s+$`)

// textsByID maps each article's ID to its text, for the retyping rules
// that read a mention's context.
func textsByID(arts []*news.Article) map[string]string {
	text := make(map[string]string, len(arts))
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	return text
}

// retypeOutlets turns single-name "persons" that are mostly the recipients
// of statements into organisations (news outlets).
func retypeOutlets(ents []news.Entity, text map[string]string) {
	for i := range ents {
		e := &ents[i]
		if e.Type != news.PER || strings.Contains(e.Name, " ") || len(e.Mentions) == 0 {
			continue
		}
		cued := 0
		for _, c := range e.Mentions {
			t := text[c.ArticleID]
			if c.Start <= len(t) && outletCue.MatchString(t[max(0, c.Start-30):c.Start]) {
				cued++
			}
		}
		if cued*2 >= len(e.Mentions) {
			e.Type = news.ORG
			e.ID = EntityID(e.Name, news.ORG)
			e.Attributes = []news.Attribute{}
		}
	}
}

// oneHolder keeps a descriptive attribute ("the 365 Days star") with the
// entity most sources give it to, when a story gives it to several: such a
// description identifies one person, and the weaker links are usually a
// description attached to the wrong name.
func oneHolder(ents []news.Entity, name string) {
	type holder struct{ ent, n int }
	best := map[string]holder{}
	for i, e := range ents {
		for _, at := range e.Attributes {
			if at.Name != name {
				continue
			}
			k := Fold(at.Value)
			if h, ok := best[k]; !ok || len(at.Citations) > h.n {
				best[k] = holder{i, len(at.Citations)}
			}
		}
	}
	for i := range ents {
		kept := ents[i].Attributes[:0]
		for _, at := range ents[i].Attributes {
			if h := best[Fold(at.Value)]; at.Name == name && h.ent != i && h.n > len(at.Citations) {
				continue
			}
			kept = append(kept, at)
		}
		ents[i].Attributes = kept
	}
}
