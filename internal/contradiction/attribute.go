package contradiction

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// singleValued attributes conflict when sources give different values.
var singleValued = map[string]bool{"hometown": true, "birthplace": true, "nationality": true, "origin": true}

// estimateSlack is how much later than its estimate an article with an
// estimated date may have been published: the estimate is the latest date the
// text mentions, a lower bound.
const estimateSlack = 2 * 365 * 24 * time.Hour

type dated struct {
	from, to  time.Time // publication date range
	known     bool
	estimated bool
	source    string
	date      string
}

func articleDates(v *news.StoryView) map[string]dated {
	out := map[string]dated{}
	for _, a := range v.Articles {
		d := dated{source: a.Source, known: !a.Published.IsZero(), estimated: a.PublishedEstimated}
		d.from, d.to = a.Published, a.Published
		if d.estimated {
			d.to = a.Published.Add(estimateSlack)
		}
		d.date = "undated"
		if d.known {
			d.date = a.Published.Format("2006-01-02")
			if d.estimated {
				d.date = "on or after " + d.date + " (estimated)"
			}
		}
		out[a.ID] = d
	}
	return out
}

// attributeConflicts compares each entity's attribute values across sources.
// Ages become birth-date intervals using each article's publication date, so
// "True, 4" in 2022 and "True, 5" in 2023 agree.
func attributeConflicts(v *news.StoryView, arts []*news.Article) []news.Contradiction {
	dates := articleDates(v)
	var out []news.Contradiction
	for _, e := range v.Entities {
		byName := map[string][]news.Attribute{}
		var names []string
		for _, at := range e.Attributes {
			if _, ok := byName[at.Name]; !ok {
				names = append(names, at.Name)
			}
			byName[at.Name] = append(byName[at.Name], at)
		}
		for _, n := range names {
			vals := byName[n]
			if len(vals) < 2 {
				continue
			}
			switch {
			case n == "age":
				if c, ok := ageConflict(e.Name, vals, dates, arts); ok {
					out = append(out, c)
				}
			case singleValued[n]:
				if togetherIn(arts, vals) || !corroborated(vals) {
					// One article names both: one place inside the other
					// ("Prescott, Arizona"), or a double nationality. Or no
					// value is given twice: with one source a value, a
					// misread word is likelier than a disagreement.
					continue
				}
				c := news.Contradiction{Kind: "attribute",
					Explanation: fmt.Sprintf("Sources give %s's %s differently: %s.", e.Name, n, valueList(vals, dates))}
				for _, at := range vals {
					c.Sides = append(c.Sides, news.Side{Text: n + ": " + at.Value, Citations: at.Citations})
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// togetherIn reports whether some article's text names two of the values.
func togetherIn(arts []*news.Article, vals []news.Attribute) bool {
	for _, a := range arts {
		n := 0
		seen := map[string]bool{}
		for _, at := range vals {
			if !seen[at.Value] && strings.Contains(a.Text, at.Value) {
				seen[at.Value] = true
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// corroborated reports whether some value is given by two sources.
func corroborated(vals []news.Attribute) bool {
	by := map[string]map[string]bool{}
	for _, at := range vals {
		if by[at.Value] == nil {
			by[at.Value] = map[string]bool{}
		}
		for _, c := range at.Citations {
			by[at.Value][c.ArticleID] = true
		}
		if len(by[at.Value]) >= 2 {
			return true
		}
	}
	return false
}

// maxAgeSpread is the widest spread of ages taken as sources disagreeing
// about one person: wider ones are ages of other people (a child, a
// victim) that the entity stage gave the wrong person.
const maxAgeSpread = 5

type birth struct{ lo, hi time.Time } // birth date in (lo, hi]

// ageConflict checks whether the ages fit one birth date.
func ageConflict(name string, vals []news.Attribute, dates map[string]dated, arts []*news.Article) (news.Contradiction, bool) {
	c := news.Contradiction{Kind: "attribute"}
	all := birth{lo: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), hi: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}
	undated := false
	lo, hi := 1000, -1
	dated := map[int]bool{} // ages placed in time
	for _, at := range vals {
		age, err := strconv.Atoi(strings.TrimSpace(at.Value))
		if err != nil {
			continue
		}
		lo, hi = min(lo, age), max(hi, age)
		c.Sides = append(c.Sides, news.Side{Text: "age " + at.Value, Citations: at.Citations})
		for _, ci := range at.Citations {
			d := dates[ci.ArticleID]
			if !d.known {
				undated = true
				continue
			}
			dated[age] = true
			b := birth{lo: d.from.AddDate(-age-1, 0, 0), hi: d.to.AddDate(-age, 0, 0)}
			if b.lo.After(all.lo) {
				all.lo = b.lo
			}
			if b.hi.Before(all.hi) {
				all.hi = b.hi
			}
		}
	}
	if len(c.Sides) < 2 || hi-lo > maxAgeSpread {
		return c, false
	}
	list := valueList(vals, dates)
	if len(dated) < 2 && hi-lo <= 1 {
		c.ExplainedByTime = true
		c.Explanation = fmt.Sprintf("%s's age differs by a year between sources (%s); the sources are not all dated, so a birthday between them may explain it.", name, list)
		return c, true
	}
	if len(dated) >= 2 && all.lo.Before(all.hi) {
		c.ExplainedByTime = true
		c.Explanation = fmt.Sprintf("%s's age differs between sources (%s), but every value fits one birth date between %s and %s: the difference is explained by the articles' dates.",
			name, list, all.lo.Format("2006-01-02"), all.hi.Format("2006-01-02"))
		if undated {
			c.Explanation += " Undated sources were left out of the comparison."
		}
		return c, true
	}
	c.Explanation = fmt.Sprintf("%s's age differs between sources (%s), and no single birth date fits all of them given the articles' dates.", name, list)
	if len(dated) < 2 {
		c.Explanation = fmt.Sprintf("%s's age differs between sources (%s) by more than time between undated articles is likely to explain.", name, list)
	}
	return c, true
}

// maxListed is how many sources of one value an explanation names.
const maxListed = 3

func valueList(vals []news.Attribute, dates map[string]dated) string {
	var parts []string
	for _, at := range vals {
		var where []string
		seen := map[string]bool{}
		for _, c := range at.Citations {
			d := dates[c.ArticleID]
			if w := d.source + ", " + d.date; !seen[w] {
				seen[w] = true
				where = append(where, w)
			}
		}
		if len(where) > maxListed {
			rest := len(where) - maxListed
			more := fmt.Sprintf("and %d other source", rest)
			if rest > 1 {
				more += "s"
			}
			where = append(where[:maxListed], more)
		}
		parts = append(parts, fmt.Sprintf("%s in %s", at.Value, strings.Join(where, "; ")))
	}
	return strings.Join(parts, " vs ")
}
