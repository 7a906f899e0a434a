package claim

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Builder is the story stage that fills v.Claims, v.Contradictions and
// v.Timeline from the articles' statements, attributes, dates and the
// story's entities, quotes and copy groups (run it after those stages).
type Builder struct {
	// Stance, when set, gives a model's stance of an article toward a claim
	// for articles that state nothing about it themselves.
	Stance func(claim string, a *news.Article) (news.Stance, bool)
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

// person reports whether name is a person, or unknown to the story.
func (ix entityIndex) person(name string) bool {
	e, ok := ix.byName[fold.String(name)]
	return !ok || e.Type == news.PER
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
	groups := sourceGroups(v)
	byKey := map[string]*claimAcc{}
	var order []string
	var noComments []stmtRef
	for _, a := range arts {
		for _, st := range a.Statements {
			if st.Predicate == "commented" {
				noComments = append(noComments, stmtRef{st, a})
				continue
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
				acc.claim = news.Claim{ID: "c" + news.IDFor(key)[:10], Text: claimText(st.Predicate, n1, n2),
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
	for _, k := range order {
		acc := byKey[k]
		for _, r := range acc.stmts {
			entry := news.StanceEntry{ArticleID: r.a.ID, Stance: r.st.Stance, By: r.st.By,
				Citations: []news.Citation{news.Cite(r.a.ID, r.st.Span)}}
			sig := entry.ArticleID + "|" + string(entry.Stance) + "|" + entry.By + fmt.Sprint(r.st.Span)
			if !acc.stanceSeen[sig] {
				acc.stanceSeen[sig] = true
				acc.claim.Stances = append(acc.claim.Stances, entry)
			}
		}
		if b.Stance != nil && len(articlesOf(acc.claim)) >= 2 {
			b.modelStances(acc, arts)
		}
		acc.claim.Status, acc.claim.Reason = status(acc, groups, arts)
		claims = append(claims, acc)
	}
	// The main claim first: the one most sources take a stance on.
	sort.SliceStable(claims, func(i, j int) bool {
		return len(articlesOf(claims[i].claim)) > len(articlesOf(claims[j].claim))
	})
	if b.Stance != nil && v.Title != "" && len(arts) >= 2 && (len(claims) == 0 || len(statedIn(claims[0].claim)) < 2) {
		// No relation the articles themselves state: the story's headline is
		// its claim, read against every article by the stance model (a story
		// of one article has no one to read it against).
		v.Claims = append(v.Claims, b.headlineClaim(v, arts))
	}
	for _, c := range claims {
		v.Claims = append(v.Claims, c.claim)
	}
	v.Contradictions = append(v.Contradictions, opposite(claims, arts)...)
	v.Contradictions = append(v.Contradictions, stale(noComments, claims, ix, arts)...)
	v.Timeline = timeline(v, arts, claims)
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

// status decides a claim's status from its stances, counting statements by
// the same speaker as one and copies as one source.
func status(acc *claimAcc, groups map[string]string, arts []*news.Article) (news.Status, string) {
	type side struct {
		speakers map[string]map[string]bool // speaker -> outlets
		outlets  map[string]bool            // independent sources
		latest   time.Time
	}
	newSide := func() *side { return &side{speakers: map[string]map[string]bool{}, outlets: map[string]bool{}} }
	authDeny, authAssert, ownAssert, rumour := newSide(), newSide(), newSide(), newSide()
	for _, r := range acc.stmts {
		var s *side
		switch {
		case r.st.Stance == news.Denies && authority(r.st.By, acc.names):
			s = authDeny
		case r.st.Stance == news.Asserts && authority(r.st.By, acc.names):
			s = authAssert
		case r.st.Stance == news.Asserts && r.st.By == "":
			s = ownAssert
		case r.st.Stance == news.Denies:
			s = authDeny
			if r.st.By == "" {
				s = newSide() // an outlet's unattributed denial settles nothing
			}
		default:
			s = rumour
		}
		if s.speakers[r.st.By] == nil {
			s.speakers[r.st.By] = map[string]bool{}
		}
		s.speakers[r.st.By][r.a.Source] = true
		s.outlets[groups[r.a.ID]] = true
		if r.a.Published.After(s.latest) {
			s.latest = r.a.Published
		}
	}
	// describe: "denied by X's representative (TODAY, POPSUGAR: one
	// statement) and by an insider (POPSUGAR)".
	describe := func(verb string, s *side) string {
		who := make([]string, 0, len(s.speakers))
		for k := range s.speakers {
			who = append(who, k)
		}
		sort.Strings(who)
		parts := make([]string, 0, len(who))
		for _, k := range who {
			outlets := make([]string, 0, len(s.speakers[k]))
			for o := range s.speakers[k] {
				outlets = append(outlets, o)
			}
			sort.Strings(outlets)
			name := k
			if name == "" {
				name = "the outlet itself"
			}
			note := ""
			if len(outlets) > 1 {
				note = "; one statement carried by " + plural(len(outlets), "outlet")
			}
			parts = append(parts, fmt.Sprintf("%s (%s%s)", name, strings.Join(outlets, ", "), note))
		}
		return verb + " by " + strings.Join(parts, " and by ")
	}
	switch {
	case len(authDeny.speakers) > 0 && len(authAssert.speakers) > 0:
		if authDeny.latest.After(authAssert.latest.AddDate(0, 0, 7)) {
			return news.Outdated, describe("confirmed", authAssert) + "; later " + describe("denied", authDeny)
		}
		if authAssert.latest.After(authDeny.latest.AddDate(0, 0, 7)) {
			return news.Outdated, describe("denied", authDeny) + "; later " + describe("confirmed", authAssert)
		}
		return news.Disputed, describe("denied", authDeny) + "; " + describe("confirmed", authAssert)
	case len(authDeny.speakers) > 0:
		extra := "; no source confirms"
		if len(ownAssert.outlets) > 0 {
			extra = fmt.Sprintf("; asserted without attribution by %s", plural(len(ownAssert.outlets), "outlet"))
			return news.Disputed, describe("denied", authDeny) + extra
		}
		return news.Denied, describe("denied", authDeny) + extra
	case len(authAssert.speakers) > 0:
		return news.Confirmed, describe("confirmed", authAssert) + "; no source denies"
	case len(ownAssert.outlets) >= 2:
		return news.Unverified, fmt.Sprintf("asserted by %s without a named source; nobody involved has confirmed",
			plural(len(ownAssert.outlets), "independent outlet"))
	}
	return news.Unverified, fmt.Sprintf("rumoured or questioned in %s; nobody involved has confirmed or denied it",
		plural(len(rumour.outlets)+len(ownAssert.outlets), "outlet"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// modelStances asks the stance model about articles that state nothing on
// the claim themselves; their stances are shown but settle nothing.
func (b Builder) modelStances(acc *claimAcc, arts []*news.Article) {
	stated := articlesOf(acc.claim)
	for _, a := range arts {
		if stated[a.ID] {
			continue
		}
		st, ok := b.Stance(acc.claim.Text, a)
		// A model's "agree" is agreement with a headline, not a confirmation:
		// only its denials, questions and rumours are shown.
		if !ok || st == news.Unrelated || st == news.Asserts {
			continue
		}
		span, ok := bestSentence(a, acc.names)
		if !ok {
			continue
		}
		acc.claim.Stances = append(acc.claim.Stances, news.StanceEntry{ArticleID: a.ID, Stance: st, By: "model",
			Citations: []news.Citation{news.Cite(a.ID, span)}})
	}
}

// bestSentence is the first sentence naming both people, else one of them.
func bestSentence(a *news.Article, names [2]string) (news.Span, bool) {
	var one news.Span
	found := false
	for _, s := range sentences(a) {
		t := fold.String(s.Text(a.Text))
		n := 0
		for _, name := range names {
			if w := lastWord(fold.String(name)); w != "" && strings.Contains(t, w) || strings.Contains(t, fold.String(name)) {
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

// headlineClaim is the story's headline as a claim, with the stance model's
// reading of each article (FNC-1 style: headline against body). The model
// settles nothing: the status is unverified, or disputed when articles
// disagree, and the reason counts the stances.
func (b Builder) headlineClaim(v *news.StoryView, arts []*news.Article) news.Claim {
	c := news.Claim{ID: "c" + news.IDFor("headline|" + v.ID)[:10], Text: v.Title, Stances: []news.StanceEntry{}}
	counts := map[news.Stance]int{}
	for _, a := range arts {
		st, ok := b.Stance(v.Title, a)
		if !ok || st == news.Unrelated {
			continue
		}
		span, ok := headlineSentence(a, v.Title)
		if !ok {
			continue
		}
		counts[st]++
		c.Stances = append(c.Stances, news.StanceEntry{ArticleID: a.ID, Stance: st, By: "model",
			Citations: []news.Citation{news.Cite(a.ID, span)}})
	}
	c.Status = news.Unverified
	if counts[news.Denies] > 0 && counts[news.Asserts] > 0 {
		c.Status = news.Disputed
	}
	c.Reason = fmt.Sprintf("read by the stance model: %d article(s) agree, %d disagree, %d discuss it as a question or rumour; no statement by anyone involved was found",
		counts[news.Asserts], counts[news.Denies], counts[news.Questions]+counts[news.Rumour])
	return c
}

// headlineSentence is the sentence of a's opening (where news states its
// claim) sharing the most words with the headline.
func headlineSentence(a *news.Article, headline string) (news.Span, bool) {
	hw := contentWords(headline)
	var best news.Span
	bestScore := -1.0
	ss := sentences(a)
	for _, s := range ss[:min(len(ss), 12)] {
		sc := overlap(hw, contentWords(s.Text(a.Text)))
		if sc > bestScore {
			best, bestScore = s, sc
		}
	}
	return best, bestScore >= 0 && best.Len() > 0
}
