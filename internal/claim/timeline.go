package claim

import (
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

type event struct {
	date      string
	when      time.Time
	estimated bool
	text      string
	words     map[string]bool
	first     *news.Article
	cites     []news.Citation
	seen      map[string]bool
}

// timeline gathers dated events: sentences with a day or month date in them,
// and the statements of the people involved, dated by publication. The same
// event told by several articles is one event with all their citations.
func timeline(v *news.StoryView, arts []*news.Article, claims []*claimAcc) []news.TimelineEvent {
	var events []*event
	add := func(date string, when time.Time, estimated bool, text string, a *news.Article, span news.Span) {
		w := contentWords(text)
		for _, e := range events {
			if e.date == date && overlap(e.words, w) >= 0.25 {
				if !e.seen[a.ID] {
					e.seen[a.ID] = true
					e.cites = append(e.cites, news.Cite(a.ID, span))
				}
				if earlier(a, e.first) {
					e.first, e.text = a, text
				}
				return
			}
		}
		events = append(events, &event{date: date, when: when, estimated: estimated, text: text, words: w, first: a,
			cites: []news.Citation{news.Cite(a.ID, span)}, seen: map[string]bool{a.ID: true}})
	}
	for _, a := range arts {
		for _, d := range a.Dates {
			if d.Precision != "day" && d.Precision != "month" {
				continue
			}
			s, ok := sentenceAt(a, d.Span.Start)
			if !ok {
				continue
			}
			date := d.Value.Format("2006-01-02")
			if d.Precision == "month" {
				date = d.Value.Format("2006-01")
			}
			add(date, d.Value, d.Estimated, clipText(s.Text(a.Text), 240), a, s)
		}
	}
	for _, acc := range claims {
		for _, r := range acc.stmts {
			if !authority(r.st.By, acc.names) || r.a.Published.IsZero() || r.a.PublishedEstimated ||
				r.st.Stance != news.Denies && r.st.Stance != news.Asserts {
				continue
			}
			verb := " denies that "
			if r.st.Stance == news.Asserts {
				verb = " confirms that "
			}
			text := r.st.By + verb + acc.claim.Text + " (reported by " + r.a.Source + ")"
			day := r.a.Published.Format("2006-01-02")
			add(day, r.a.Published, false, text, r.a, r.st.Span)
		}
	}
	sort.SliceStable(events, func(i, j int) bool {
		if !events[i].when.Equal(events[j].when) {
			return events[i].when.Before(events[j].when)
		}
		return events[i].date < events[j].date
	})
	out := make([]news.TimelineEvent, 0, len(events))
	for _, e := range events {
		out = append(out, news.TimelineEvent{Date: e.date, DateEstimated: e.estimated, Text: e.text,
			FirstReported: e.first.ID, Citations: e.cites})
	}
	return out
}

func earlier(a, b *news.Article) bool {
	if a.Published.IsZero() != b.Published.IsZero() {
		return !a.Published.IsZero()
	}
	return a.Published.Before(b.Published)
}

// sentenceAt returns the sentence containing byte offset at.
func sentenceAt(a *news.Article, at int) (news.Span, bool) {
	ss := sentences(a)
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > at })
	if i < len(ss) && ss[i].Start <= at {
		return ss[i], true
	}
	return news.Span{}, false
}

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

var stop = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "was": true, "is": true, "are": true, "were": true,
	"his": true, "her": true, "he": true, "she": true, "they": true, "that": true, "this": true, "it": true, "as": true,
	"by": true, "from": true, "after": true, "be": true, "has": true, "have": true, "had": true}

func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(fold.String(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if len(w) > 2 && !stop[w] {
			out[w] = true
		}
	}
	return out
}

// overlap is the share of the smaller word set found in the other.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}
