package claim

import (
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// opposite reports claims that some sources assert and others deny.
func opposite(claims []*claimAcc, arts []*news.Article) []news.Contradiction {
	var out []news.Contradiction
	for _, acc := range claims {
		var yes, no news.Side
		for _, s := range acc.claim.Stances {
			if s.By == "model" {
				continue
			}
			switch s.Stance {
			case news.Asserts:
				yes.Citations = append(yes.Citations, s.Citations...)
			case news.Denies:
				no.Citations = append(no.Citations, s.Citations...)
			}
		}
		if len(yes.Citations) == 0 || len(no.Citations) == 0 {
			continue
		}
		yes.Text = "asserted: " + acc.claim.Text
		no.Text = "denied: " + acc.claim.Text
		out = append(out, news.Contradiction{Kind: "opposite_claims",
			Explanation: fmt.Sprintf("Some sources assert and others deny that %s.", acc.claim.Text),
			Sides:       []news.Side{yes, no}})
	}
	return out
}

// stale flags "has not commented" lines published around or after a
// statement by the people involved or their representatives.
func stale(noComments []stmtRef, claims []*claimAcc, ix entityIndex, arts []*news.Article) []news.Contradiction {
	var out []news.Contradiction
	for _, nc := range noComments {
		id1, _ := ix.resolve(nc.st.Subject)
		id2, _ := ix.resolve(nc.st.Object)
		if carriesStatement(nc.a, claims, id1, id2) {
			continue // the article itself reports what was said
		}
		var best *stmtRef
		var bestClaim *claimAcc
		for _, acc := range claims {
			if !(acc.ids[0] == id1 && acc.ids[1] == id2 || acc.ids[0] == id2 && acc.ids[1] == id1) {
				continue
			}
			for i := range acc.stmts {
				r := &acc.stmts[i]
				if r.a.ID == nc.a.ID || !authority(r.st.By, acc.names) || r.st.Stance != news.Denies && r.st.Stance != news.Asserts {
					continue
				}
				if !nc.a.Published.IsZero() && !nc.a.PublishedEstimated && !r.a.Published.IsZero() &&
					r.a.Published.After(nc.a.Published.AddDate(0, 0, 7)) {
					continue // said long after: the line was true when written
				}
				if best == nil || moreReliablyEarlier(r.a, best.a) {
					best, bestClaim = r, acc
				}
			}
		}
		if best == nil {
			continue
		}
		verb := "denied"
		if best.st.Stance == news.Asserts {
			verb = "confirmed"
		}
		when := func(a *news.Article) string {
			if a.Published.IsZero() {
				return "undated"
			}
			s := a.Published.Format("2006-01-02")
			if a.PublishedEstimated {
				s += ", estimated"
			}
			return s
		}
		rel := "around the same time"
		if nc.a.PublishedEstimated || best.a.PublishedEstimated {
			rel = "the dates being partly estimated"
		} else if !nc.a.Published.IsZero() && !best.a.Published.IsZero() {
			switch d := best.a.Published.Sub(nc.a.Published).Hours() / 24; {
			case d < -0.5:
				rel = fmt.Sprintf("%.0f day(s) before", -d)
			case d > 0.5:
				rel = fmt.Sprintf("%.0f day(s) later", d)
			}
		}
		out = append(out, news.Contradiction{Kind: "stale",
			Explanation: fmt.Sprintf("%s (%s) says they have not commented, but %s %s that %s in %s (%s), %s: the line is stale.",
				nc.a.Source, when(nc.a), best.st.By, verb, bestClaim.claim.Text, best.a.Source, when(best.a), rel),
			Sides: []news.Side{
				{Text: strings.TrimSpace(nc.st.Span.Text(nc.a.Text)), Citations: []news.Citation{news.Cite(nc.a.ID, nc.st.Span)}},
				{Text: strings.TrimSpace(best.st.Span.Text(best.a.Text)), Citations: []news.Citation{news.Cite(best.a.ID, best.st.Span)}},
			}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Explanation < out[j].Explanation })
	return out
}

// carriesStatement reports whether article a itself carries a statement by
// the people involved (or their representatives) on a claim about them.
func carriesStatement(a *news.Article, claims []*claimAcc, id1, id2 string) bool {
	for _, acc := range claims {
		if !(acc.ids[0] == id1 && acc.ids[1] == id2 || acc.ids[0] == id2 && acc.ids[1] == id1) {
			continue
		}
		for _, r := range acc.stmts {
			if r.a.ID == a.ID && authority(r.st.By, acc.names) {
				return true
			}
		}
	}
	return false
}

// moreReliablyEarlier prefers articles with a known date to estimated ones,
// and those to undated ones, then the earlier.
func moreReliablyEarlier(a, b *news.Article) bool {
	rank := func(x *news.Article) int {
		switch {
		case x.Published.IsZero():
			return 2
		case x.PublishedEstimated:
			return 1
		}
		return 0
	}
	if rank(a) != rank(b) {
		return rank(a) < rank(b)
	}
	return a.Published.Before(b.Published)
}
