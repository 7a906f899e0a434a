// Package timeline builds a story's dated timeline: the events its articles
// date to a day or a month, and the words of the people involved and of
// officials on its claims, dated by the article that reports them. The same
// event told by several articles is one event with all their citations,
// first reported by the earliest.
package timeline

import (
	"context"
	"sort"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Stage is the story stage that fills v.Timeline. Run it after the claims
// and status stages.
type Stage struct{}

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

// sameEvent is how much of the smaller word set two texts of one date must
// share to be one event.
const sameEvent = 0.25

// Build implements news.StoryStage.
func (Stage) Build(_ context.Context, v *news.StoryView, arts []*news.Article) error {
	byID := make(map[string]*news.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	var events []*event
	add := func(date string, when time.Time, estimated bool, text string, a *news.Article, span news.Span) {
		w := fold.Words(text)
		for _, e := range events {
			if e.date == date && fold.Overlap(e.words, w) >= sameEvent {
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
			add(date, d.Value, d.Estimated, fold.Clip(s.Text(a.Text), 240), a, s)
		}
	}
	// What the people involved and officials said on a claim, dated by the
	// article that reports it.
	for _, c := range v.Claims {
		for _, e := range c.Stances {
			a := byID[e.ArticleID]
			if a == nil || e.By == "" || e.Voice != news.VoiceParty && e.Voice != news.VoiceOfficial ||
				a.Published.IsZero() || a.PublishedEstimated || len(e.Citations) == 0 ||
				e.Stance != news.Denies && e.Stance != news.Asserts {
				continue
			}
			verb := " denies that "
			if e.Stance == news.Asserts {
				verb = " confirms that "
			}
			text := e.By + verb + c.Text + " (reported by " + a.Source + ")"
			span := news.Span{Start: e.Citations[0].Start, End: e.Citations[0].End}
			add(a.Published.Format("2006-01-02"), a.Published, false, text, a, span)
		}
	}
	sort.SliceStable(events, func(i, j int) bool {
		if !events[i].when.Equal(events[j].when) {
			return events[i].when.Before(events[j].when)
		}
		return events[i].date < events[j].date
	})
	v.Timeline = make([]news.TimelineEvent, 0, len(events))
	for _, e := range events {
		v.Timeline = append(v.Timeline, news.TimelineEvent{Date: e.date, DateEstimated: e.estimated, Text: e.text,
			FirstReported: e.first.ID, Citations: e.cites})
	}
	return nil
}

// earlier tells whether a was published before b (a known date first).
func earlier(a, b *news.Article) bool {
	if a.Published.IsZero() != b.Published.IsZero() {
		return !a.Published.IsZero()
	}
	return a.Published.Before(b.Published)
}

// sentenceAt returns the sentence (or, without sentences, the paragraph)
// holding byte offset at.
func sentenceAt(a *news.Article, at int) (news.Span, bool) {
	ss := a.Sentences
	if len(ss) == 0 {
		ss = a.Paragraphs
	}
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > at })
	if i < len(ss) && ss[i].Start <= at {
		return ss[i], true
	}
	return news.Span{}, false
}
