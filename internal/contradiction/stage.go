package contradiction

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Stage is the story stage that fills v.Contradictions: attributes that
// differ across sources (ages read as birth dates), claims asserted by one
// source and denied by another, "has not commented" lines that a statement
// made them stale, and figures, dates and places that matched sentences of
// different sources give differently. A later figure that updates an
// earlier one is reported as explained by time. Run it after the claims
// stage: it reads v.Claims, v.Entities, v.Articles, v.Quotes and the
// articles' statements, sentences, dates and mentions.
type Stage struct {
	// Similar scores how much two sentences say the same thing, from 0 to
	// 1. Nil means the share of the shorter sentence's content words found
	// in the other; a paraphrase model may replace it.
	Similar func(a, b string) float64
}

var _ news.StoryStage = Stage{}

// Build implements news.StoryStage.
func (s Stage) Build(ctx context.Context, v *news.StoryView, arts []*news.Article) error {
	st := newStory(v, arts)
	out := attributeConflicts(v, arts)
	out = append(out, opposite(st)...)
	out = append(out, stale(st)...)
	if err := ctx.Err(); err != nil {
		return err
	}
	out = append(out, s.mismatches(st)...)
	// The stage owns these kinds: earlier stages' versions of them (the
	// claim builder made some) are replaced.
	kept := []news.Contradiction{}
	for _, c := range v.Contradictions {
		if !owned[c.Kind] {
			kept = append(kept, c)
		}
	}
	v.Contradictions = append(kept, out...)
	return nil
}

// owned are the kinds of contradiction this stage finds.
var owned = map[string]bool{"attribute": true, "opposite_claims": true, "stale": true, "figure": true, "date": true, "place": true}

// story is what the comparisons share: the articles with their
// publication dates and independent-source groups, and the entity index.
type story struct {
	v      *news.StoryView
	arts   []*news.Article
	byID   map[string]*news.Article
	dates  map[string]dated
	group  map[string]string   // article id -> independent-source group
	entity map[string]string   // folded name or alias -> entity id
	names  map[string][]string // entity id -> folded name and aliases
	// outlets counts the story's articles per source name.
	outlets map[string]int
}

func newStory(v *news.StoryView, arts []*news.Article) *story {
	st := &story{v: v, arts: arts, byID: map[string]*news.Article{}, dates: articleDates(v),
		group: map[string]string{}, entity: map[string]string{}, names: map[string][]string{}}
	for _, a := range arts {
		st.byID[a.ID] = a
		st.group[a.ID] = a.ID
	}
	st.outlets = map[string]int{}
	for _, a := range v.Articles {
		if a.Group != "" {
			st.group[a.ID] = a.Group
		}
		st.outlets[a.Source]++
	}
	for _, e := range v.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			f := fold.String(n)
			if _, ok := st.entity[f]; !ok {
				st.entity[f] = e.ID
			}
			st.names[e.ID] = append(st.names[e.ID], f)
		}
	}
	return st
}

// resolve maps a name to its entity id, or to the folded name itself.
func (st *story) resolve(name string) string {
	f := fold.String(name)
	if id, ok := st.entity[f]; ok {
		return id
	}
	return "name:" + f
}

// mentionEntity is the story entity of an article's mention, found by its
// name among the entities' names and aliases.
func (st *story) mentionEntity(m news.Mention) string {
	n := m.Name
	if n == "" {
		n = m.Text
	}
	return st.resolve(n)
}

// source names an article for an explanation: its outlet, with the
// article's id when the story has several articles of that outlet.
func (st *story) source(id string) string {
	name := st.dates[id].source
	if a := st.byID[id]; name == "" && a != nil {
		name = a.Source
	}
	short := id[:min(len(id), 8)]
	switch {
	case name == "":
		return "article " + short
	case st.outlets[name] > 1:
		return name + " [" + short + "]"
	}
	return name
}

// independent reports whether two articles are different sources: not the
// same article and not copies of each other.
func (st *story) independent(a, b string) bool {
	return a != b && st.group[a] != st.group[b]
}

// artInfo is what the comparisons of facts read of an article, computed
// once: its independent-source group and its publication day range.
type artInfo struct {
	group     int
	from, to  int // days since 1970: the publication date range (estimated dates are ranges, see articleDates)
	known     bool
	estimated bool
	published time.Time
}

// infos computes every article's artInfo.
func (st *story) infos() map[string]*artInfo {
	out := map[string]*artInfo{}
	groups := map[string]int{}
	for _, a := range st.arts {
		g, ok := groups[st.group[a.ID]]
		if !ok {
			g = len(groups)
			groups[st.group[a.ID]] = g
		}
		d := st.dates[a.ID]
		out[a.ID] = &artInfo{group: g, from: dayOf(d.from), to: dayOf(d.to), known: d.known, estimated: d.estimated,
			published: a.Published}
	}
	return out
}

func dayOf(t time.Time) int { return int(t.Unix() / 86400) }

// order tells how article a's publication stands to b's: -1 surely
// earlier, 1 surely later, 0 the same day or unknown.
func order(a, b *artInfo) int {
	if !a.known || !b.known {
		return 0
	}
	switch {
	case a.to < b.from:
		return -1
	case b.to < a.from:
		return 1
	}
	return 0
}

// sameDay reports whether both articles have exact dates on one day.
func sameDay(a, b *artInfo) bool {
	return a.known && b.known && !a.estimated && !b.estimated && a.from == b.from
}

// opposite reports claims that one independent source asserts and another
// denies or debunks. The stance model's readings are left out, and so is a
// denial in the outlet's own voice that nobody is said to make: a negated
// sentence ("she did not turn up", "it is not clear if") is too often not
// a denial of the claim at all.
func opposite(st *story) []news.Contradiction {
	var out []news.Contradiction
	for _, c := range st.v.Claims {
		var yes, no []news.StanceEntry
		for _, e := range c.Stances {
			if e.By == "model" || e.Voice == "model" {
				continue
			}
			switch e.Stance {
			case news.Asserts:
				yes = append(yes, e)
			case news.Debunks:
				no = append(no, e)
			case news.Denies:
				if by := strings.TrimSpace(e.By); by != "" && by != "fans" {
					no = append(no, e)
				}
			}
		}
		if !acrossSources(st, yes, no) {
			continue
		}
		out = append(out, news.Contradiction{Kind: "opposite_claims",
			Explanation: fmt.Sprintf("Some sources assert and others deny that %s: asserted in %s; denied in %s.",
				c.Text, st.sourceList(yes), st.sourceList(no)),
			Sides: []news.Side{{Text: "asserted: " + c.Text, Citations: citations(yes)},
				{Text: "denied: " + c.Text, Citations: citations(no)}}})
	}
	return out
}

// acrossSources reports whether some entry of yes and some of no come from
// independent sources.
func acrossSources(st *story, yes, no []news.StanceEntry) bool {
	for _, y := range yes {
		for _, n := range no {
			if st.independent(y.ArticleID, n.ArticleID) {
				return true
			}
		}
	}
	return false
}

func citations(es []news.StanceEntry) []news.Citation {
	var out []news.Citation
	seen := map[news.Citation]bool{}
	for _, e := range es {
		for _, c := range e.Citations {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// sourceList names the sources of entries, each once, in order.
func (st *story) sourceList(es []news.StanceEntry) string {
	var names []string
	seen := map[string]bool{}
	for _, e := range es {
		n := st.source(e.ArticleID)
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// staleWindow is how long after a "has not commented" line a statement may
// come and still not make the line stale: it was true when written.
const staleWindow = 7 * 24 * time.Hour

// stale flags "has not commented" lines (a negated "commented" statement)
// in an article that does not itself carry a statement by the people
// involved, when another article published before, around or without a
// known date relative to it carries one (a claim's stance by one of them or
// their representative).
func stale(st *story) []news.Contradiction {
	var out []news.Contradiction
	for _, a := range st.arts {
		for _, nc := range a.Statements {
			if nc.Predicate != "commented" || !nc.Negated {
				continue
			}
			parties := st.partyNames(nc.Subject, nc.Object)
			if !names(nc.Span.Text(a.Text), parties) {
				continue // "IS has not commented": someone else's silence
			}
			if said, _ := st.partyStatement(a, parties, func(news.StanceEntry) bool { return true }); said != nil {
				continue // the article itself reports what was said
			}
			best, claimText := st.partyStatement(nil, parties, func(e news.StanceEntry) bool {
				b := st.byID[e.ArticleID]
				if b == nil || b.ID == a.ID {
					return false
				}
				da, db := st.dates[a.ID], st.dates[b.ID]
				return !(da.known && !da.estimated && db.known && db.from.After(da.from.Add(staleWindow)))
			})
			if best == nil {
				continue
			}
			verb := "denied"
			if best.Stance == news.Asserts {
				verb = "confirmed"
			}
			sp := news.Span{Start: best.Citations[0].Start, End: best.Citations[0].End}
			out = append(out, news.Contradiction{Kind: "stale",
				Explanation: fmt.Sprintf("%s (%s) says they have not commented, but %s %s that %s in %s (%s), %s: the line is stale.",
					st.source(a.ID), st.dates[a.ID].date, best.By, verb, claimText, st.source(best.ArticleID),
					st.dates[best.ArticleID].date, st.relation(best.ArticleID, a.ID)),
				Sides: []news.Side{
					{Text: strings.TrimSpace(nc.Span.Text(a.Text)), Citations: []news.Citation{news.Cite(a.ID, nc.Span)}},
					{Text: strings.TrimSpace(sp.Text(st.byID[best.ArticleID].Text)), Citations: best.Citations[:1]},
				}})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Explanation < out[j].Explanation })
	return out
}

// partyNames are the folded names (with aliases) of the people a
// statement is about.
func (st *story) partyNames(names ...string) [][]string {
	var out [][]string
	for _, n := range names {
		if n == "" {
			continue
		}
		id := st.resolve(n)
		if ns, ok := st.names[id]; ok {
			out = append(out, ns)
		} else {
			out = append(out, []string{fold.String(n)})
		}
	}
	return out
}

// partyStatement finds, among the claims' stances, an assertion or denial
// by one of the parties or their representative that keep accepts (in
// article only, when only is not nil), preferring exactly dated and early
// articles. It returns the entry and its claim's text.
func (st *story) partyStatement(only *news.Article, parties [][]string, keep func(news.StanceEntry) bool) (*news.StanceEntry, string) {
	var best *news.StanceEntry
	var text string
	for _, c := range st.v.Claims {
		for i := range c.Stances {
			e := &c.Stances[i]
			if e.Stance != news.Asserts && e.Stance != news.Denies && e.Stance != news.Debunks || len(e.Citations) == 0 ||
				only != nil && e.ArticleID != only.ID || !speaksFor(e.By, parties) || !keep(*e) {
				continue
			}
			if best == nil || st.moreReliablyEarlier(e.ArticleID, best.ArticleID) {
				best, text = e, c.Text
			}
		}
	}
	return best, text
}

// speakFor reports whether by is one of the parties (by name, alias or last
// name) or a representative speaking for one.
func speaksFor(by string, parties [][]string) bool {
	fb := fold.String(strings.TrimSpace(by))
	if fb == "" || fb == "fans" || fb == "model" {
		return false
	}
	for _, names := range parties {
		for _, n := range names {
			forms := []string{n}
			if f := strings.Fields(n); len(f) > 1 {
				forms = append(forms, f[len(f)-1])
			}
			for _, f := range forms {
				if fb == f {
					return true
				}
				if rest, ok := strings.CutPrefix(fb, f+"'s "); ok && representative[lastField(rest)] {
					return true
				}
			}
		}
	}
	return false
}

// names reports whether a sentence names one of the parties, by name,
// alias or last name, or refers to them as a pair ("neither", "the couple").
func names(sentence string, parties [][]string) bool {
	f := fold.String(sentence)
	if pairWords.MatchString(f) {
		return true
	}
	for _, ns := range parties {
		for _, n := range ns {
			if strings.Contains(f, n) || strings.Contains(f, lastField(n)) && len(lastField(n)) > 2 {
				return true
			}
		}
	}
	return false
}

var pairWords = regexp.MustCompile(`\b(neither|nor|they|the pair|the couple|the duo|both)\b`)

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// representative are the roles that speak for a person.
var representative = map[string]bool{"rep": true, "reps": true, "representative": true, "representatives": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "publicist": true, "lawyer": true,
	"attorney": true, "manager": true, "agent": true}

// moreReliablyEarlier prefers exactly dated articles to estimated ones, and
// those to undated ones, then the earlier.
func (st *story) moreReliablyEarlier(a, b string) bool {
	rank := func(d dated) int {
		switch {
		case !d.known:
			return 2
		case d.estimated:
			return 1
		}
		return 0
	}
	da, db := st.dates[a], st.dates[b]
	if rank(da) != rank(db) {
		return rank(da) < rank(db)
	}
	return da.from.Before(db.from)
}

// relation says when article a was published relative to b.
func (st *story) relation(a, b string) string {
	da, db := st.dates[a], st.dates[b]
	switch {
	case !da.known || !db.known:
		return "one of them undated"
	case da.estimated || db.estimated:
		return "the dates being partly estimated"
	}
	switch d := da.from.Sub(db.from).Hours() / 24; {
	case d < -0.5:
		return fmt.Sprintf("%.0f day(s) before", -d)
	case d > 0.5:
		return fmt.Sprintf("%.0f day(s) later", d)
	}
	return "around the same time"
}
