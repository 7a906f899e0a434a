package status

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func entry(id string, st news.Stance, by, voice string) news.StanceEntry {
	return news.StanceEntry{ArticleID: id, Stance: st, By: by, Voice: voice}
}

func TestDecide(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2031, 3, d, 0, 0, 0, 0, time.UTC) }
	in := Inputs{
		Group:     map[string]string{"a": "a", "b": "b", "c": "c", "d": "d", "e": "e", "a2": "a"},
		Published: map[string]time.Time{"a": day(1), "b": day(2), "c": day(3), "d": day(20), "e": day(21), "a2": day(1)},
		Source:    map[string]string{"a": "Ledger", "b": "Coast", "c": "Post", "d": "Wire", "e": "Herald", "a2": "Ledger Mirror"},
	}
	for _, c := range []struct {
		name    string
		stances []news.StanceEntry
		want    news.Status
		reason  string
	}{
		{"official denial alone", []news.StanceEntry{entry("a", news.Denies, "the ministry", news.VoiceOfficial),
			entry("b", news.Rumour, "", news.VoiceOutlet)}, news.Denied, "denied by the ministry (Ledger)"},
		{"one statement relayed by copies counts once", []news.StanceEntry{entry("a", news.Denies, "the ministry", news.VoiceOfficial),
			entry("a2", news.Denies, "the ministry", news.VoiceOfficial)}, news.Denied, "one statement carried by 2 outlets"},
		{"party denial against outlets asserting", []news.StanceEntry{entry("a", news.Denies, "X's spokesperson", news.VoiceParty),
			entry("b", news.Asserts, "", news.VoiceOutlet)}, news.Disputed, "asserted by 1 independent outlet"},
		{"party confirms, an outlet states it too", []news.StanceEntry{entry("a", news.Asserts, "the company", news.VoiceParty),
			entry("b", news.Asserts, "", news.VoiceOutlet)}, news.Confirmed, "confirmed by the company"},
		{"a party's own account alone", []news.StanceEntry{entry("a", news.Asserts, "Ada Vance", news.VoiceParty)},
			news.Unverified, "stated by Ada Vance (Ledger) alone"},
		{"other media contradict a confirmation", []news.StanceEntry{entry("a", news.Asserts, "the ministry", news.VoiceOfficial),
			entry("b", news.Denies, "the Coast Herald", news.VoiceMedia)}, news.Disputed, "confirmed by the ministry (Ledger); contradicted by the Coast Herald"},
		{"other media contradict outlets", []news.StanceEntry{entry("a", news.Asserts, "", news.VoiceOutlet),
			entry("b", news.Denies, "the Coast Herald", news.VoiceMedia)}, news.Disputed, "contradicted by the Coast Herald (Coast); asserted by 1 independent outlet"},
		{"an official confirms", []news.StanceEntry{entry("a", news.Asserts, "the ministry", news.VoiceOfficial)}, news.Confirmed, "confirmed by the ministry"},
		{"one speaker with and without a title", []news.StanceEntry{entry("a", news.Asserts, "Ada Vance", news.VoiceOfficial),
			entry("a", news.Asserts, "Lundish Republican Senator Ada Vance", news.VoiceOfficial)}, news.Confirmed, "confirmed by Ada Vance (Ledger); no source"},
		{"later denial supersedes", []news.StanceEntry{entry("a", news.Asserts, "the company", news.VoiceParty),
			entry("d", news.Denies, "the company", news.VoiceParty)}, news.Outdated, "later denied"},
		{"outlets debunk, nobody asserts", []news.StanceEntry{entry("a", news.Debunks, "", news.VoiceOutlet),
			entry("b", news.Debunks, "", news.VoiceOutlet), entry("c", news.Rumour, "", news.VoiceOutlet)}, news.Denied,
			"called false by 2 outlets in their own voice (Coast, Ledger)"},
		{"doubt against assertion", []news.StanceEntry{entry("a", news.Questions, "", news.VoiceOutlet),
			entry("b", news.Asserts, "", news.VoiceOutlet)}, news.Disputed, "questioned or doubted"},
		{"outlets stating the main claim as fact do not confirm it", []news.StanceEntry{entry("a", news.Asserts, "", news.VoiceOutlet),
			entry("b", news.Asserts, "", news.VoiceOutlet), entry("c", news.Asserts, "", news.VoiceOutlet)}, news.Unverified, "asserted by 3 independent outlets; nobody involved"},
		{"as fact but mostly hedged", []news.StanceEntry{entry("a", news.Asserts, "", news.VoiceOutlet),
			entry("b", news.Asserts, "", news.VoiceOutlet), entry("c", news.Rumour, "", news.VoiceOutlet),
			entry("d", news.Rumour, "model", news.VoiceModel)}, news.Unverified, "asserted by 2"},
		{"named denials against anonymous sources", []news.StanceEntry{entry("a", news.Denies, "Vale Dairy", news.VoiceNamed),
			entry("b", news.Denies, "Vale Dairy", news.VoiceNamed), entry("c", news.Asserts, "sources", news.VoiceAnonymous)},
			news.Disputed, "; reported by 1 outlet citing anonymous sources or other media"},
		{"named denials and an outlet's debunk against anonymous sources", []news.StanceEntry{entry("a", news.Denies, "Vale Dairy", news.VoiceNamed),
			entry("b", news.Debunks, "", news.VoiceOutlet), entry("c", news.Asserts, "sources", news.VoiceAnonymous)},
			news.Denied, "nobody states it as fact"},
		{"fans calling it fake settle nothing", []news.StanceEntry{entry("a", news.Debunks, "fans", news.VoiceFans),
			entry("b", news.Asserts, "", news.VoiceOutlet)}, news.Unverified, "asserted by 1 independent outlet"},
		{"anonymous sources settle nothing", []news.StanceEntry{entry("a", news.Asserts, "a source", news.VoiceAnonymous),
			entry("b", news.Asserts, "sources", news.VoiceAnonymous)}, news.Unverified, "rumoured"},
		{"the model alone settles nothing", []news.StanceEntry{entry("a", news.Asserts, "model", news.VoiceModel),
			entry("b", news.Asserts, "model", news.VoiceModel)}, news.Unverified, ""},
		{"fans", []news.StanceEntry{entry("a", news.Asserts, "fans", news.VoiceFans)}, news.Unverified, ""},
		{"one speaker written two ways", []news.StanceEntry{entry("a", news.Denies, "The Port Authority", news.VoiceOfficial),
			entry("b", news.Denies, "port authority.", news.VoiceOfficial)}, news.Denied, "denied by The Port Authority (Coast, Ledger; one statement carried by 2 outlets)"},
		{"a speaker who denies and calls it false is named once", []news.StanceEntry{entry("a", news.Denies, "Ada Vance", news.VoiceNamed),
			entry("a", news.Debunks, "Ada Vance", news.VoiceNamed), entry("b", news.Debunks, "", news.VoiceOutlet)}, news.Denied,
			"denied by Ada Vance (Ledger); called false by the outlet itself (Coast); nobody states it as fact"},
		{"a description opening a sentence reads in the middle of one", []news.StanceEntry{entry("a", news.Denies, "The ministry", news.VoiceOfficial),
			entry("b", news.Denies, "A spokesman for the port", news.VoiceOfficial)}, news.Denied, "denied by a spokesman for the port (Coast) and by the ministry (Ledger)"},
		{"a description with a capitalised modifier reads in the middle of one", []news.StanceEntry{entry("a", news.Denies, "The Vale military", news.VoiceOfficial)},
			news.Denied, "denied by the Vale military (Ledger)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, reason := Decide(news.Claim{Stances: c.stances}, in)
			if got != c.want || !strings.Contains(reason, c.reason) {
				t.Errorf("Decide = %s, %q; want %s with %q", got, reason, c.want, c.reason)
			}
		})
	}
}

// A background relation stated as fact by several outlets is confirmed;
// the same stances on the story's main claim leave it unverified.
func TestDecideBackgroundRelation(t *testing.T) {
	in := Inputs{Group: map[string]string{"a": "a", "b": "b", "c": "c"}}
	st := []news.StanceEntry{entry("a", news.Asserts, "", news.VoiceOutlet), entry("b", news.Asserts, "", news.VoiceOutlet),
		entry("c", news.Asserts, "", news.VoiceOutlet)}
	if got, reason := Decide(news.Claim{Kind: "relation", Stances: st}, in); got != news.Confirmed {
		t.Errorf("relation: %s (%s), want confirmed", got, reason)
	}
	if got, reason := Decide(news.Claim{Kind: "relation", Main: true, Stances: st}, in); got != news.Unverified {
		t.Errorf("main relation: %s (%s), want unverified", got, reason)
	}
}

// Only dates the articles give order the two sides: with an estimated date
// on one side, a confirmation and a denial stay disputed.
func TestDecideEstimatedDatesOrderNothing(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2031, 3, d, 0, 0, 0, 0, time.UTC) }
	st := []news.StanceEntry{entry("a", news.Asserts, "the ministry", news.VoiceOfficial),
		entry("b", news.Denies, "the army", news.VoiceOfficial)}
	in := Inputs{Group: map[string]string{"a": "a", "b": "b"}, Published: map[string]time.Time{"b": day(20)}}
	if got, reason := Decide(news.Claim{Stances: st}, in); got != news.Disputed {
		t.Errorf("one side undated: %s (%s), want disputed", got, reason)
	}
	v := &news.StoryView{Claims: []news.Claim{{Stances: st}}, Articles: []news.StoryArticle{
		{ID: "a", Published: day(1), PublishedEstimated: true}, {ID: "b", Published: day(20)}}}
	if err := (Stage{}).Build(t.Context(), v, nil); err != nil {
		t.Fatal(err)
	}
	if v.Claims[0].Status != news.Disputed {
		t.Errorf("estimated date: %s (%s), want disputed", v.Claims[0].Status, v.Claims[0].Reason)
	}
	v.Articles[0].PublishedEstimated = false
	if err := (Stage{}).Build(t.Context(), v, nil); err != nil {
		t.Fatal(err)
	}
	if v.Claims[0].Status != news.Outdated {
		t.Errorf("given dates: %s (%s), want outdated", v.Claims[0].Status, v.Claims[0].Reason)
	}
}
