package contradiction

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Thresholds of sentence similarity (Stage.Similar) above which two
// sentences of different sources are taken to tell the same thing. A date
// or a place needs more than a figure, whose counted noun and anchor words
// already match.
const (
	figureSimilar = 0.3
	figureClose   = 0.5
	dateSimilar   = 0.5
	placeSimilar  = 0.5
)

// overlap is the default similarity of two sentences, leaving out the
// words of the two facts compared (the counted noun and anchors, which
// match by construction): shared content words over the geometric mean of
// the two sets' sizes, and nothing under two shared words.
func overlap(a, b map[string]bool, leave []string) float64 {
	n, na, nb := 0, 0, 0
	for w := range a {
		if slices.Contains(leave, w) {
			continue
		}
		na++
		if b[w] {
			n++
		}
	}
	for w := range b {
		if !slices.Contains(leave, w) {
			nb++
		}
	}
	if n < 2 {
		return 0
	}
	return float64(n) / math.Sqrt(float64(na*nb))
}

// similar scores how much the sentences of facts x and y say the same.
func (s Stage) similar(a, b *sentence, x, y *fact) float64 {
	if s.Similar != nil {
		return s.Similar(a.span.Text(a.a.Text), b.span.Text(b.a.Text))
	}
	var leave [6]string
	l := append(append(append(leave[:0], x.key, y.key), x.anchors...), y.anchors...)
	return overlap(a.contentWords(), b.contentWords(), l)
}

// mismatches compares the facts of independent sources bucket by bucket.
func (s Stage) mismatches(st *story) []news.Contradiction {
	p := prepare(st, s.Cache)
	var out []news.Contradiction
	out = append(out, s.compare(st, p.figures, "figure", func(x, y *fact) bool { return s.sameFigure(st, p, x, y) })...)
	out = append(out, s.compare(st, p.dates, "date", func(x, y *fact) bool { return s.sameEvent(p, x, y) })...)
	out = append(out, s.compare(st, p.places, "place", func(x, y *fact) bool { return s.samePlace(st, p, x, y) })...)
	return out
}

// compare finds disagreeing pairs of facts inside each bucket; pairs that
// share a fact make one contradiction ("150", "140" and "138 women"),
// explained by time when every pair is. A pair already inside one
// unexplained contradiction is not compared again, which keeps a large
// story with many copies of one figure from costing every pair.
func (s Stage) compare(st *story, buckets map[string][]*fact, kind string, same func(x, y *fact) bool) []news.Contradiction {
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	index := map[*fact]int{}
	var facts []*fact
	var parent []int
	var explained []bool
	var linked []bool
	idx := func(f *fact) int {
		if i, ok := index[f]; ok {
			return i
		}
		index[f] = len(facts)
		facts = append(facts, f)
		parent = append(parent, len(parent))
		explained = append(explained, true)
		linked = append(linked, false)
		return len(facts) - 1
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	keyOf := map[int]string{}
	seen := map[[2]*fact]bool{} // dates and places sit in a bucket per anchor
	for _, k := range keys {
		fs := buckets[k]
		for _, f := range fs {
			idx(f)
		}
		for i, x := range fs {
			for _, y := range fs[i+1:] {
				if x.s.info.group == y.s.info.group || !disagree(kind, x, y) {
					continue
				}
				rx, ry := find(index[x]), find(index[y])
				if rx == ry && !explained[rx] {
					continue // nothing this pair could add
				}
				if kind != "figure" {
					if seen[[2]*fact{x, y}] {
						continue
					}
					seen[[2]*fact{x, y}] = true
				}
				byTime := explainedByTime(kind, x, y)
				if rx == ry && byTime || !same(x, y) {
					continue
				}
				parent[ry] = rx
				explained[rx] = explained[rx] && explained[ry] && byTime
				linked[index[x]], linked[index[y]] = true, true
				if _, ok := keyOf[rx]; !ok {
					keyOf[rx] = k
				}
			}
		}
	}
	members := map[int][]*fact{}
	var roots []int
	for i, f := range facts {
		if !linked[i] {
			continue
		}
		r := find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], f)
	}
	var out []news.Contradiction
	for _, r := range roots {
		key := keyOf[r]
		if key == "" {
			for i := range facts {
				if find(i) == r && keyOf[i] != "" {
					key = keyOf[i]
				}
			}
		}
		if kind == "place" && !corroboratedPlace(members[r]) {
			continue
		}
		out = append(out, describe(st, kind, key, members[r], explained[r]))
	}
	return out
}

// corroboratedPlace reports whether independent sources give one of the
// places twice. Without a gazetteer, "in New York" and "in Manhattan" look
// like two places; one outlet against another is too weak a ground.
func corroboratedPlace(fs []*fact) bool {
	groups := map[string]map[int]bool{}
	for _, f := range fs {
		if groups[f.entity] == nil {
			groups[f.entity] = map[int]bool{}
		}
		groups[f.entity][f.s.info.group] = true
		if len(groups[f.entity]) >= 2 {
			return true
		}
	}
	return false
}

// disagree reports whether two facts give values that cannot both hold.
func disagree(kind string, x, y *fact) bool {
	if kind == "place" {
		return x.entity != y.entity
	}
	if !(x.hi < y.lo || y.hi < x.lo) {
		return false
	}
	// "$800 million" and "$800": a scale left out or a conversion, more
	// likely than two figures a thousand times apart.
	r := math.Max(x.value, y.value) / math.Max(math.Min(x.value, y.value), 1e-9)
	if r < 900 {
		return true
	}
	for _, f := range []float64{1e3, 1e6, 1e9} {
		if math.Abs(r/f-1) < 0.02 {
			return false
		}
	}
	return true
}

// sameFigure decides whether two figures of one unit count the same thing:
// the people or places they name (when both name some) overlap, the word
// each hangs from (its first anchor: "killed 15", "15 were arrested") does
// not differ, and the sentences are similar: somewhat when the anchors are
// the same word, clearly when one is a word of change ("rose to 15").
// Neither article may also give the other's value for the same thing.
func (s Stage) sameFigure(st *story, p *prepared, x, y *fact) bool {
	if x.key == "age" && x.entity != y.entity || disjoint(x.s.entities(), y.s.entities()) {
		return false
	}
	need := figureSimilar
	switch ax, ay := primary(x), primary(y); {
	case ax == "" || ay == "":
		return false // a figure hanging from nothing: cannot tell what happened to them
	case ax == ay:
	case !neutral[ax] && !neutral[ay]:
		return false // "killed 15" and "arrested 12"
	default:
		need = figureClose
	}
	if x.qualifier != "" && !y.s.contentWords()[x.qualifier] || y.qualifier != "" && !x.s.contentWords()[y.qualifier] {
		return false // "$500 for the steel model" and "$350" for the cheapest
	}
	if x.s.periodOf() != y.s.periodOf() || agreesElsewhere(p.inArticle[x.key+"\x00"+x.s.a.ID], y) || agreesElsewhere(p.inArticle[y.key+"\x00"+y.s.a.ID], x) {
		return false
	}
	return s.similar(x.s, y.s, x, y) >= need
}

func qualifier(f figure) string {
	if f.qualified {
		return f.anchors[1]
	}
	return ""
}

// primary is the word a figure hangs from.
func primary(f *fact) string {
	if len(f.anchors) == 0 {
		return ""
	}
	return f.anchors[0]
}

// period is the years, rates, days and hours a sentence names ("in 2013",
// "a year", "per day", "on Friday", "at 5 p.m."): counts of different
// periods, rates or moments do not conflict.
func period(s *sentence) string {
	var b strings.Builder
	for i, t := range s.toks {
		switch {
		case t.num && len(t.low) == 4 && t.low >= "1900" && t.low <= "2100":
			b.WriteString(t.low + " ")
		case (t.low == "a" || t.low == "per" || t.low == "each" || t.low == "every") && i+1 < len(s.toks) && timeUnits[stemWord(s.toks[i+1].low)]:
			b.WriteString("per-" + stemWord(s.toks[i+1].low) + " ")
		case t.low == "annually" || t.low == "daily" || t.low == "monthly" || t.low == "weekly" || t.low == "each":
			b.WriteString(t.low + " ")
		case (t.low == "this" || t.low == "last" || t.low == "next") && i+1 < len(s.toks) && timeUnits[s.toks[i+1].low]:
			b.WriteString(t.low + "-" + s.toks[i+1].low + " ")
		case weekday[t.low] && t.low != "last" && t.low != "next":
			b.WriteString(t.low + " ") // "on Friday": another day
		case clock[t.low] && t.low != "a" && t.low != "p",
			(t.low == "a" || t.low == "p") && t.glued == '.' && i+2 < len(s.toks) && s.toks[i+2].low == "m":
			// "at 5 p.m. EDT", "17:00 GMT": another moment
			for k := max(0, i-3); k < i; k++ {
				if s.toks[k].num {
					b.WriteString(s.toks[k].low + ":")
				}
			}
			b.WriteString(t.low + " ")
		}
	}
	return b.String()
}

// neutral anchors say nothing of what is counted: "rose to 15", "a total
// of 15".
var neutral = map[string]bool{"rose": true, "risen": true, "rise": true, "climb": true, "reach": true,
	"increas": true, "jump": true, "grew": true, "grown": true, "toll": true, "tally": true, "total": true,
	"number": true, "figure": true, "count": true, "stood": true, "stand": true, "now": true, "revis": true,
	"updat": true, "mount": true, "surg": true, "soar": true, "swell": true, "put": true}

// agreesElsewhere reports whether an article's figures fs of one unit also
// give y's value for the same anchor: then the article's other figure is
// another count, not a conflict.
func agreesElsewhere(fs []*fact, y *fact) bool {
	for _, f := range fs {
		if !(f.hi < y.lo || y.hi < f.lo) && (primary(f) == primary(y) || neutral[primary(f)] || neutral[primary(y)]) {
			return true
		}
	}
	return false
}

// sameEvent decides whether two dates are of the same event: similar
// sentences sharing an entity, and neither article naming the other's day.
func (s Stage) sameEvent(p *prepared, x, y *fact) bool {
	if p.dayIn[x.s.a.ID][int(y.value)] || p.dayIn[y.s.a.ID][int(x.value)] || !shares(x.s.entities(), y.s.entities()) {
		return false
	}
	return s.similar(x.s, y.s, x, y) >= dateSimilar
}

// samePlace decides whether two places are given for the same act:
// similar sentences sharing a person or thing besides the places, each
// article naming only its own place, and no article of the story naming
// both (one may lie inside the other, or they are two events).
func (s Stage) samePlace(st *story, p *prepared, x, y *fact) bool {
	if p.mentions(x.s.a)[y.entity] || p.mentions(y.s.a)[x.entity] ||
		!sharesBesides(x.s.entities(), y.s.entities(), x.entity, y.entity) ||
		nested(x.text, y.text) || s.similar(x.s, y.s, x, y) < placeSimilar {
		return false
	}
	for _, a := range st.arts {
		if m := p.mentions(a); m[x.entity] && m[y.entity] {
			return false
		}
	}
	return true
}

// sharesBesides reports whether two entity sets share one that is neither
// of the places compared.
func sharesBesides(a, b map[string]bool, x, y string) bool {
	for k := range a {
		if b[k] && k != x && k != y {
			return true
		}
	}
	return false
}

// nested reports whether one place name holds a word of the other
// ("Englewood" and "Englewood Hospital"): one may lie inside the other.
func nested(a, b string) bool {
	wa, wb := stems(tokenize(a, 0)), stems(tokenize(b, 0))
	return shares(wa, wb)
}

func disjoint(a, b map[string]bool) bool { return len(a) > 0 && len(b) > 0 && !shares(a, b) }

func shares(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// explainedByTime tells whether the later of two disagreeing facts may
// update the earlier one: a figure that the later article says changed
// ("rose to", "now", "at least", "so far"), a count that grew between two days, a
// length of time, an age a birthday apart, a date the later article says
// moved. Facts whose articles cannot be ordered are explained only when
// one of them speaks of a change.
func explainedByTime(kind string, x, y *fact) bool {
	if kind == "place" {
		return false
	}
	o := order(x.s.info, y.s.info)
	if o == 0 && sameDay(x.s.info, y.s.info) && !x.s.info.published.Equal(y.s.info.published) {
		o = -1
		if y.s.info.published.Before(x.s.info.published) {
			o = 1
		}
		if later := map[int]*fact{-1: y, 1: x}[o]; !later.updates {
			return false // the same day, and nothing says it changed
		}
	}
	if o == 0 {
		return !sameDay(x.s.info, y.s.info) && (x.updates || y.updates)
	}
	earlier, later := x, y
	if o > 0 {
		earlier, later = y, x
	}
	switch {
	case later.updates:
		return true
	case kind == "figure" && x.key == "age":
		return math.Abs(later.value-earlier.value) <= 1+later.s.a.Published.Sub(earlier.s.a.Published).Hours()/24/365
	case kind == "figure" && (timeUnits[x.key] || later.value > earlier.value && counted(x.key)):
		return true
	}
	return false
}

// counted reports whether a unit counts things or people, which grow as an
// event unfolds (the dead, the arrested, the displaced), unlike an amount
// of money or a percentage.
func counted(unit string) bool {
	return unit != "percent" && unit != "age" && !strings.HasPrefix(unit, "money:")
}

// label is a fact's value as a short text.
func label(kind string, f *fact) string {
	switch kind {
	case "place":
		return f.text
	case "date":
		return strconv.Itoa(int(f.value))
	}
	return strconv.FormatFloat(f.value, 'g', -1, 64)
}

// describe writes one contradiction from the edges of two values: a side
// per value citing every article that gives it, and an explanation naming
// the sources with their dates.
func describe(st *story, kind, key string, facts []*fact, explained bool) news.Contradiction {
	type side struct {
		text  string
		value float64
		arts  []string
		cites []news.Citation
		seen  map[string]bool
	}
	var sides []*side
	byValue := map[string]*side{}
	add := func(f *fact) {
		l := label(kind, f)
		sd := byValue[l]
		if sd == nil {
			sd = &side{text: strings.TrimSpace(f.text), value: f.value, seen: map[string]bool{}}
			byValue[l] = sd
			sides = append(sides, sd)
		}
		c := news.Cite(f.s.a.ID, f.s.span)
		if !sd.seen[f.s.a.ID] {
			sd.seen[f.s.a.ID] = true
			sd.arts = append(sd.arts, f.s.a.ID)
		}
		if !sd.seen[fmt.Sprint(c)] {
			sd.seen[fmt.Sprint(c)] = true
			sd.cites = append(sd.cites, c)
		}
	}
	for _, f := range facts {
		add(f)
		for _, c := range f.copies {
			add(c)
		}
	}
	// Latest first: the figure that stands when time explains the rest.
	latest := func(sd *side) string {
		best := ""
		for _, id := range sd.arts {
			if d := st.dates[id]; d.known && d.from.Format("2006-01-02") > best {
				best = d.from.Format("2006-01-02")
			}
		}
		return best
	}
	sort.SliceStable(sides, func(i, j int) bool { return latest(sides[i]) > latest(sides[j]) })
	var says []string
	c := news.Contradiction{Kind: kind, ExplainedByTime: explained}
	for _, sd := range sides {
		var who []string
		for _, id := range sd.arts {
			who = append(who, st.source(id)+" ("+st.dates[id].date+")")
		}
		verb := "says"
		if len(who) > 1 {
			verb = "say"
		}
		says = append(says, fmt.Sprintf("%s %s %s", strings.Join(who, ", "), verb, sd.text))
		c.Sides = append(c.Sides, news.Side{Text: sd.text, Citations: sd.cites})
	}
	subject := map[string]string{"figure": "figures for " + key, "date": "dates for one event", "place": "places for one event"}[kind]
	switch {
	case strings.HasPrefix(key, "money:"):
		subject = "amounts (" + strings.TrimPrefix(key, "money:") + ")"
	case key == "percent":
		subject = "percentages"
	}
	c.Explanation = fmt.Sprintf("Sources give different %s: %s.", subject, strings.Join(says, "; "))
	if explained {
		c.Explanation += " The later report updates the earlier one: the difference is explained by time."
	}
	return c
}
