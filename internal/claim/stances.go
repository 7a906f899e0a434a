package claim

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// StanceReader is the story stage that reads every article's stance toward
// the main claim the claims stage chose: the article's own statements
// first (read.go), the stance model second. A relation standing as the main
// claim already has its stances, from the relation statements. Run it after
// the claims stage.
type StanceReader struct {
	// Stance, when set, gives a model's stance of an article toward a claim
	// for articles that state nothing about it themselves.
	Stance func(claim string, a *news.Article) (news.Stance, bool)
	// Cache, when set, keeps what is read from each article across rebuilds
	// (the claims stage's cache: the leads it read are read again here).
	Cache *Cache
}

// Build implements news.StoryStage.
func (r StanceReader) Build(_ context.Context, v *news.StoryView, arts []*news.Article) error {
	if len(v.Claims) == 0 || !v.Claims[0].Main || len(v.Claims[0].Stances) > 0 || len(arts) == 0 {
		return nil
	}
	c := &v.Claims[0]
	_, sw, _ := leadWords(v, arts, r.Cache)
	main := candidate{text: c.Text, words: contentWords(c.Text), plain: plainWords(c.Text)}
	main.total, main.totalPlain = main.totals(sw)
	ix := newEntityIndex(v)
	parties := partiesOf(v, c.Text)
	refYear := 0 // the story's latest year, from its articles' dates
	for _, a := range arts {
		if !a.Published.IsZero() {
			refYear = max(refYear, a.Published.Year())
		}
	}
	for _, a := range arts {
		entries, best := readArticle(main, sw, a, r.Cache.reading(a))
		entries = slices.DeleteFunc(entries, func(e news.StanceEntry) bool {
			return (e.Stance == news.Denies || e.Stance == news.Debunks) && inBackground(a, e, refYear)
		})
		for i := range entries {
			// A party speaks as a person the claim names, or as the
			// representative of one; an organisation's word counts through
			// its spokespeople (the official voice).
			if e := &entries[i]; e.By != "" && e.Voice != news.VoiceAnonymous && e.Voice != news.VoiceMedia &&
				e.Voice != news.VoiceFans && isParty(e.By, parties) && (ix.person(e.By) || strings.Contains(e.By, "'s ")) {
				e.Voice = news.VoiceParty
			} else if e.Voice == news.VoiceParty {
				e.Voice = news.VoiceNamed
			}
		}
		if len(entries) == 0 && r.Stance != nil && best.Len() > 0 {
			if st, ok := r.Stance(c.Text, a); ok && st != news.Unrelated {
				entries = append(entries, news.StanceEntry{ArticleID: a.ID, Stance: st, By: "model", Voice: news.VoiceModel,
					Text: clipText(best.Text(a.Text), 300), Citations: []news.Citation{news.Cite(a.ID, best)}})
			}
		}
		c.Stances = append(c.Stances, entries...)
	}
	return nil
}

// inBackground reports whether a denial or debunk stands in an account of
// the past: its sentence, or the sentence before it in the same
// paragraph, dates itself in a year before the story's latest (refYear).
// "In 2009 similar rumours surfaced after the Sunday Times reported the
// retailer was looking at properties. Amazon quickly refuted the report."
// denies the rumour of 2009, not the story's.
func inBackground(a *news.Article, e news.StanceEntry, refYear int) bool {
	if refYear == 0 || len(e.Citations) == 0 {
		return false
	}
	at := e.Citations[0].Start
	ss := sentences(a)
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > at })
	if i >= len(ss) {
		return false
	}
	from := ss[i].Start
	if i > 0 && !strings.Contains(a.Text[ss[i-1].End:ss[i].Start], "\n") {
		from = ss[i-1].Start // the sentence before, in the same paragraph
	}
	for _, d := range a.Dates {
		if d.Relative || d.Span.Start < from || d.Span.End > ss[i].End {
			continue
		}
		if d.Value.Year() < refYear {
			return true
		}
	}
	return false
}
