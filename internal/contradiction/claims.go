package contradiction

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// opposite reports claims that one independent source asserts and another
// denies or debunks. The stance model's readings are left out, and so is a
// denial in the outlet's own voice that nobody is said to make: a negated
// sentence ("she did not turn up", "it is not clear if") is too often not
// a denial of the claim at all.
func opposite(st *story) []news.Contradiction {
	var out []news.Contradiction
	for _, c := range st.v.Claims {
		var yes, no []news.StanceEntry
		for _, e := range news.OwnWordsAside(c.Stances) {
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
		explanation := fmt.Sprintf("Some sources assert and others deny that %s: asserted in %s; denied in %s.",
			words.InClause(c.Text), st.sourceList(yes), st.sourceList(no))
		if q := strings.TrimSpace(c.Text); strings.HasSuffix(q, "?") {
			// a question asked, not a clause: sources answer it both ways
			explanation = fmt.Sprintf("Sources answer “%s” both ways: yes in %s; no in %s.", q, st.sourceList(yes), st.sourceList(no))
		}
		out = append(out, news.Contradiction{Kind: "opposite_claims",
			Explanation: explanation,
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
	return words.Some(names, 4, "outlet")
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
// articles. Only claims about the parties count (their text names one of
// them): what a party said on something else is not a comment on this.
// It returns the entry and its claim's text.
func (st *story) partyStatement(only *news.Article, parties [][]string, keep func(news.StanceEntry) bool) (*news.StanceEntry, string) {
	var best *news.StanceEntry
	var text string
	for _, c := range st.v.Claims {
		if c.Kind == "statement" || !namesParty(c.Text, parties) {
			continue // only what was said on the claims about the parties themselves
		}
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
	return pairWords.MatchString(fold.String(sentence)) || namesParty(sentence, parties)
}

// namesParty reports whether a text names one of the parties (by name,
// alias or last name).
func namesParty(text string, parties [][]string) bool {
	f := fold.String(text)
	for _, ns := range parties {
		for _, n := range ns {
			if strings.Contains(f, n) || len(lastField(n)) > 2 && strings.Contains(f, lastField(n)) {
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
