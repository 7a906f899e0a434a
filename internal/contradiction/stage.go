package contradiction

import (
	"context"
	"fmt"
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
	// Cache, when set, keeps what each article's sentences hold across
	// rebuilds of its story, so that a new article does not make the stage
	// read the others again.
	Cache *Cache
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

// days says a number of days: "1 day", "3 days".
func days(d float64) string {
	if n := fmt.Sprintf("%.0f", d); n != "1" {
		return n + " days"
	}
	return "1 day"
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
		return days(-d) + " before"
	case d > 0.5:
		return days(d) + " later"
	}
	return "around the same time"
}
