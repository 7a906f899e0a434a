package claim

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Builder is the story stage that puts the main claim and the relations
// between people in v.Claims, each with every source's stance, from the
// articles' statements and the story's entities, quotes and copy groups
// (run it after those stages; the matching, status, contradictions and
// timeline stages follow).
type Builder struct {
	// Stance, when set, gives a model's stance of an article toward a claim
	// for articles that state nothing about it themselves.
	Stance func(claim string, a *news.Article) (news.Stance, bool)
	// Cache, when set, keeps what is read from each article across rebuilds.
	Cache *Cache
}

// entityIndex maps folded names and aliases to the story's entities.
type entityIndex struct {
	byName map[string]*news.Entity
}

func newEntityIndex(v *news.StoryView) entityIndex {
	ix := entityIndex{byName: map[string]*news.Entity{}}
	for i := range v.Entities {
		e := &v.Entities[i]
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := ix.byName[fold.String(n)]; !ok {
				ix.byName[fold.String(n)] = e
			}
		}
	}
	return ix
}

// resolve returns the entity id and canonical name for a name.
func (ix entityIndex) resolve(name string) (string, string) {
	if e, ok := ix.byName[fold.String(name)]; ok {
		return e.ID, e.Name
	}
	return "name:" + fold.String(name), name
}

// person reports whether name is one of the story's people: a relation
// between people never holds a name the story does not know as a person.
func (ix entityIndex) person(name string) bool {
	e, ok := ix.byName[fold.String(name)]
	return ok && e.Type == news.PER
}

// stmtRef is a statement with its article.
type stmtRef struct {
	st news.Statement
	a  *news.Article
}

type claimAcc struct {
	claim      news.Claim
	predicate  string
	names      [2]string
	ids        [2]string
	stmts      []stmtRef
	stanceSeen map[string]bool
}

// Build implements news.StoryStage.
func (b Builder) Build(_ context.Context, v *news.StoryView, arts []*news.Article) error {
	ix := newEntityIndex(v)
	byKey := map[string]*claimAcc{}
	var order []string
	for _, a := range arts {
		for _, st := range a.Statements {
			if st.Predicate == "commented" || st.Predicate == "" {
				continue // "has not commented" lines are the contradiction stage's; attributions the matcher's
			}
			id1, n1 := ix.resolve(st.Subject)
			id2, n2 := ix.resolve(st.Object)
			if id1 == id2 || !ix.person(st.Subject) || !ix.person(st.Object) {
				continue // relations are between people; an outlet is not one
			}
			if id2 < id1 {
				id1, id2, n1, n2 = id2, id1, n2, n1
			}
			key := st.Predicate + "|" + id1 + "|" + id2
			acc := byKey[key]
			if acc == nil {
				acc = &claimAcc{predicate: st.Predicate, names: [2]string{n1, n2}, ids: [2]string{id1, id2},
					stanceSeen: map[string]bool{}}
				acc.claim = news.Claim{ID: "c" + news.IDFor(key)[:10], Text: claimText(st.Predicate, n1, n2), Kind: "relation",
					Stances: []news.StanceEntry{}}
				byKey[key] = acc
				order = append(order, key)
			}
			acc.stmts = append(acc.stmts, stmtRef{st, a})
		}
	}
	// Quotes carried by several outlets: a statement inside one carrier's
	// variant holds for every carrier of the same quote.
	propagateThroughQuotes(v, arts, byKey)
	claims := make([]*claimAcc, 0, len(order))
	nf := newNameFinder(arts, b.Cache)
	for _, k := range order {
		acc := byKey[k]
		for _, r := range acc.stmts {
			entry := news.StanceEntry{ArticleID: r.a.ID, Stance: r.st.Stance, By: r.st.By, Voice: relationVoice(r.st.By, acc.names),
				Text: clipText(r.st.Span.Text(r.a.Text), 300), Citations: []news.Citation{news.Cite(r.a.ID, r.st.Span)}}
			sig := entry.ArticleID + "|" + string(entry.Stance) + "|" + entry.By + fmt.Sprint(r.st.Span)
			if !acc.stanceSeen[sig] {
				acc.stanceSeen[sig] = true
				acc.claim.Stances = append(acc.claim.Stances, entry)
			}
		}
		acc.claim.Stances = news.OwnWordsAside(acc.claim.Stances)
		if b.Stance != nil && len(articlesOf(acc.claim)) >= 2 {
			b.modelStances(acc, arts, nf)
		}
		claims = append(claims, acc)
	}
	// The relation most sources take a stance on first.
	sort.SliceStable(claims, func(i, j int) bool {
		return len(articlesOf(claims[i].claim)) > len(articlesOf(claims[j].claim))
	})
	main, hasMain := b.mainClaim(v, arts, claims)
	if hasMain {
		v.Claims = append(v.Claims, main)
	}
	// Relations between people are listed only in a story about them: its
	// main claim is a relation, or names both people. Elsewhere "met",
	// "married" or "split" are passing words of a story about something
	// else, and word rules misread them.
	mainIsRelation := hasMain && len(claims) > 0 && claims[0].claim.ID == main.ID
	groups := sourceGroups(v)
	for _, c := range claims {
		if hasMain && c.claim.ID == main.ID {
			continue
		}
		// as a claim matched across outlets, a relation beside the main
		// claim needs two independent sources or a party's or an
		// official's word: one article's "X and Y have met" is a passing
		// word, not a finding
		if independentSources(c.claim, groups) < 2 && !onRecordVoice(c.claim) {
			continue
		}
		if mainIsRelation || hasMain && namesBoth(main.Text, c.names) {
			v.Claims = append(v.Claims, c.claim)
		}
	}
	return nil
}

func claimText(pred, a, b string) string {
	switch pred {
	case "dating":
		return a + " and " + b + " are dating"
	case "married":
		return a + " and " + b + " are married or engaged"
	case "met":
		return a + " and " + b + " have met"
	case "split":
		return a + " and " + b + " have split"
	}
	return a + " " + pred + " " + b
}

// independentSources counts the independent-source groups of c's stances
// (the model's readings aside).
func independentSources(c news.Claim, groups map[string]string) int {
	seen := map[string]bool{}
	for _, s := range c.Stances {
		if s.Voice == news.VoiceModel {
			continue
		}
		g := groups[s.ArticleID]
		if g == "" {
			g = s.ArticleID
		}
		seen[g] = true
	}
	return len(seen)
}

// onRecordVoice tells whether a party or an official takes a stance on c.
func onRecordVoice(c news.Claim) bool {
	for _, s := range c.Stances {
		if s.Voice == news.VoiceParty || s.Voice == news.VoiceOfficial {
			return true
		}
	}
	return false
}

func articlesOf(c news.Claim) map[string]bool {
	out := map[string]bool{}
	for _, s := range c.Stances {
		out[s.ArticleID] = true
	}
	return out
}

// sourceGroups maps each article to its independent-source group: articles
// in one near-duplicate group count once.
func sourceGroups(v *news.StoryView) map[string]string {
	g := map[string]string{}
	for _, a := range v.Articles {
		if a.Group != "" {
			g[a.ID] = a.Group
		} else {
			g[a.ID] = a.ID
		}
	}
	return g
}

// propagateThroughQuotes adds, for each merged quote whose words state a
// claim in one carrier, the same statement to every other carrier.
func propagateThroughQuotes(v *news.StoryView, arts []*news.Article, byKey map[string]*claimAcc) {
	byID := map[string]*news.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, q := range v.Quotes {
		if len(q.Carriers) < 2 {
			continue
		}
		for _, acc := range byKey {
			var src *stmtRef
			for i := range acc.stmts {
				r := &acc.stmts[i]
				for _, c := range q.Carriers {
					if c.ArticleID == r.a.ID && citesOverlap(c.Citations, r.st.Span) {
						src = r
					}
				}
			}
			if src == nil {
				continue
			}
			for _, c := range q.Carriers {
				a := byID[c.ArticleID]
				if a == nil || a == src.a || len(c.Citations) == 0 {
					continue
				}
				st := src.st
				st.Span = news.Span{Start: c.Citations[0].Start, End: c.Citations[len(c.Citations)-1].End}
				acc.stmts = append(acc.stmts, stmtRef{st, a})
			}
		}
	}
}

func citesOverlap(cs []news.Citation, s news.Span) bool {
	for _, c := range cs {
		if (news.Span{Start: c.Start, End: c.End}).Overlaps(s) {
			return true
		}
	}
	return false
}

// authority tells whether a statement's speaker can settle a claim about
// the two people: one of them, or their representative.
func authority(by string, names [2]string) bool {
	if by == "" || by == "fans" {
		return false
	}
	fb := fold.String(by)
	for _, n := range names {
		fn := fold.String(n)
		if fb == fn || strings.HasPrefix(fb, fn+"'s ") && isAuthorityRole(by) {
			return true
		}
		if last := lastWord(fn); last != "" && (fb == last || strings.HasPrefix(fb, last+"'s ") && isAuthorityRole(by)) {
			return true
		}
	}
	return false
}

// relationVoice is who stands behind a relation statement: a party (one of
// the two people or their representative), the outlet, fans, or someone else.
func relationVoice(by string, names [2]string) string {
	switch {
	case by == "":
		return news.VoiceOutlet
	case by == "fans":
		return news.VoiceFans
	case authority(by, names):
		return news.VoiceParty
	}
	return news.VoiceNamed
}

func isAuthorityRole(by string) bool {
	i := strings.LastIndex(by, " ")
	return authorityRole[strings.ToLower(by[i+1:])]
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return ""
	}
	return f[len(f)-1]
}

// modelStances asks the stance model about articles that state nothing on
// the claim themselves; their stances are shown but settle nothing. Only an
// article with a sentence naming one of the two people can show one, so the
// model reads only those.
func (b Builder) modelStances(acc *claimAcc, arts []*news.Article, nf *nameFinder) {
	stated := articlesOf(acc.claim)
	keys := nameKeys(acc.names)
	for i, a := range arts {
		if stated[a.ID] || !nf.in(keys[0], i) && !nf.in(keys[1], i) {
			continue
		}
		span, ok := bestSentence(a, keys, nf.reading(i))
		if !ok {
			continue
		}
		st, ok := b.Stance(acc.claim.Text, a)
		// A model's "agree" is agreement with a headline, not a confirmation:
		// only its denials, questions and rumours are shown.
		if !ok || st == news.Unrelated || st == news.Asserts {
			continue
		}
		acc.claim.Stances = append(acc.claim.Stances, news.StanceEntry{ArticleID: a.ID, Stance: st, By: "model", Voice: news.VoiceModel,
			Citations: []news.Citation{news.Cite(a.ID, span)}})
	}
}

// nameKey is how a sentence is found to name a person: it holds the
// name's last word when it has several, else the whole folded name.
type nameKey string

func nameKeys(names [2]string) [2]nameKey {
	var ks [2]nameKey
	for i, n := range names {
		// "w != "" && contains(w) || contains(full)" is contains(w), w
		// being part of full
		full := fold.String(n)
		ks[i] = nameKey(full)
		if w := lastWord(full); w != "" {
			ks[i] = nameKey(w)
		}
	}
	return ks
}

// in reports whether folded text names the person.
func (k nameKey) in(t string) bool { return strings.Contains(t, string(k)) }

// nameFinder tells which articles of a story name a person anywhere, once
// per name for all of a story's relations, and holds each article's reading.
type nameFinder struct {
	arts     []*news.Article
	cache    *Cache
	readings []*articleReading
	named    map[nameKey][]bool
}

func newNameFinder(arts []*news.Article, c *Cache) *nameFinder {
	return &nameFinder{arts: arts, cache: c, readings: make([]*articleReading, len(arts)), named: map[nameKey][]bool{}}
}

func (nf *nameFinder) reading(i int) *articleReading {
	if nf.readings[i] == nil {
		nf.readings[i] = nf.cache.reading(nf.arts[i])
	}
	return nf.readings[i]
}

// in reports whether some sentence of arts[i] names the person.
func (nf *nameFinder) in(k nameKey, i int) bool {
	named, ok := nf.named[k]
	if !ok {
		named = make([]bool, len(nf.arts))
		for j := range nf.arts {
			// sentences are joined by NUL: a name holding one (none does)
			// could match across two, so it is looked for sentence by sentence
			r := nf.reading(j)
			named[j] = strings.Contains(string(k), "\x00") || r.mayHold(string(k)) && k.in(r.allFolds)
		}
		nf.named[k] = named
	}
	return named[i]
}

// bestSentence is the first sentence naming both people, else one of them;
// r holds the article's folded sentences.
func bestSentence(a *news.Article, keys [2]nameKey, r *articleReading) (news.Span, bool) {
	var one news.Span
	found := false
	for i, s := range sentences(a) {
		n := 0
		for _, k := range keys {
			if k.in(r.folds[i]) {
				n++
			}
		}
		if n == 2 {
			return s, true
		}
		if n == 1 && !found {
			one, found = s, true
		}
	}
	return one, found
}

// statedIn is the set of articles whose own statements take a stance.
func statedIn(c news.Claim) map[string]bool {
	out := map[string]bool{}
	for _, s := range c.Stances {
		if s.By != "model" {
			out[s.ArticleID] = true
		}
	}
	return out
}
