// Package status decides each claim's standing across a story's sources
// (confirmed, denied, disputed, unverified, outdated) and says why, naming
// who counts: parties involved and officials outweigh outlets, anonymous
// sources and fans; copies of one report count once; a later word from the
// same side supersedes an earlier one.
package status

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Stage is the story stage that sets Status and Reason on every claim of
// the view from its stance entries. Run it after the claims stage.
type Stage struct{}

// Build implements news.StoryStage.
func (Stage) Build(_ context.Context, v *news.StoryView, _ []*news.Article) error {
	in := Inputs{Group: map[string]string{}, Published: map[string]time.Time{}, Source: map[string]string{}}
	for _, a := range v.Articles {
		in.Group[a.ID] = a.ID
		if a.Group != "" {
			in.Group[a.ID] = a.Group
		}
		if !a.PublishedEstimated {
			// An estimated date orders nothing: only dates the articles
			// give can make one side's word later than the other's.
			in.Published[a.ID] = a.Published
		}
		in.Source[a.ID] = a.Source
	}
	for i := range v.Claims {
		v.Claims[i].Status, v.Claims[i].Reason = Decide(v.Claims[i], in)
	}
	return nil
}

// Inputs is what Decide needs of the story's articles.
type Inputs struct {
	Group     map[string]string    // article id -> independent-source group
	Published map[string]time.Time // article id -> publication date, when the article gives it
	Source    map[string]string    // article id -> outlet name
}

// ownVoice is who speaks when an outlet states something in its own voice.
const ownVoice = "the outlet itself"

// side gathers the stance entries on one side of a claim.
type side struct {
	speakers map[string]map[string]bool // speaker -> outlets that carry them
	keys     map[string]string          // speaker's key (folded, no leading "the") -> the speaker named first
	groups   map[string]bool            // independent sources
	latest   time.Time
	official bool // an official is on this side
}

func newSide() *side {
	return &side{speakers: map[string]map[string]bool{}, keys: map[string]string{}, groups: map[string]bool{}}
}

func (s *side) add(e news.StanceEntry, in Inputs) {
	by := strings.TrimRight(e.By, ".,;: ")
	if by == "" {
		by = ownVoice
	}
	// one speaker however the outlets write it: "the Department of
	// Homeland Security", "Department of Homeland Security"
	k := strings.ToLower(by)
	k = strings.TrimPrefix(k, "the ")
	if first, ok := s.keys[k]; ok {
		by = first
	} else {
		s.keys[k] = by
	}
	if s.speakers[by] == nil {
		s.speakers[by] = map[string]bool{}
	}
	src := in.Source[e.ArticleID]
	if src == "" {
		src = "article " + e.ArticleID
	}
	s.speakers[by][src] = true
	g := in.Group[e.ArticleID]
	if g == "" {
		g = e.ArticleID
	}
	s.groups[g] = true
	if e.Voice == news.VoiceOfficial {
		s.official = true
	}
	if t := in.Published[e.ArticleID]; t.After(s.latest) {
		s.latest = t
	}
}

func (s *side) empty() bool { return len(s.groups) == 0 }

// besides returns s for describing next to o: the speakers o already names
// from the same outlets are left out ("denied by Durex (…); called false
// by Durex (…)" says it once); only for describe, which reads speakers
// and groups.
func (s *side) besides(o *side) *side {
	out := &side{speakers: map[string]map[string]bool{}, keys: s.keys, groups: s.groups}
	for by, outlets := range s.speakers {
		if first, ok := o.keys[strings.TrimPrefix(strings.ToLower(by), "the ")]; ok && subset(outlets, o.speakers[first]) {
			continue
		}
		out.speakers[by] = outlets
	}
	if len(out.speakers) == 0 {
		out.groups = map[string]bool{}
	}
	return out
}

// subset reports whether every key of a is in b.
func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// authority tells whether a voice can settle a claim: a party involved or an
// official.
func authority(voice string) bool { return voice == news.VoiceParty || voice == news.VoiceOfficial }

// weak voices report without standing behind the claim themselves.
func weak(voice string) bool {
	return voice == news.VoiceAnonymous || voice == news.VoiceFans || voice == news.VoiceMedia
}

// supersedeAfter is how much later one side's latest word must come to make
// the other side's outdated.
const supersedeAfter = 7 * 24 * time.Hour

// confirmGroups is how many independent outlets must state a background
// relation in their own voice, without hedging and with nobody against it,
// for it to count as confirmed when no party or official has spoken; confirmRatio is how many
// times more outlets must state it than report it only as a claim or
// rumour (the stance model's "discuss" readings count there). Both were
// chosen on the veracity dev stories (docs/claims.md).
const (
	confirmGroups = 2
	confirmRatio  = 3
)

// Decide returns a claim's status and the reason, from its stance entries.
// Entries read by the stance model (Voice "model") never settle a claim:
// they can only make it disputed when they disagree with stated ones.
func Decide(c news.Claim, in Inputs) (news.Status, string) {
	authDeny, authAssert := newSide(), newSide()
	deny, debunk, assert, ownAssert, rumour := newSide(), newSide(), newSide(), newSide(), newSide()
	weakAssert := newSide() // asserted by anonymous sources, other media or fans
	weakDeny := newSide()   // denied by anonymous sources or other media
	modelDeny, modelAssert, modelHedge := newSide(), newSide(), newSide()
	doubt := newSide() // questions and doubts in a source's own words
	for _, e := range c.Stances {
		voice := e.Voice
		if voice == "" { // entries from before voices: infer from By
			switch e.By {
			case "":
				voice = news.VoiceOutlet
			case "model":
				voice = news.VoiceModel
			default:
				voice = news.VoiceNamed
			}
		}
		switch {
		case voice == news.VoiceModel:
			switch e.Stance {
			case news.Denies, news.Debunks:
				modelDeny.add(e, in)
			case news.Asserts:
				modelAssert.add(e, in)
			default:
				modelHedge.add(e, in)
			}
		case e.Stance == news.Denies && authority(voice):
			authDeny.add(e, in)
		case e.Stance == news.Asserts && (authority(voice) || e.OnRecord && voice == news.VoiceNamed):
			authAssert.add(e, in)
		case e.Stance == news.Denies && !weak(voice) && voice != news.VoiceOutlet:
			deny.add(e, in)
		case e.Stance == news.Debunks && voice != news.VoiceFans || e.Stance == news.Denies && voice == news.VoiceOutlet:
			debunk.add(e, in)
		case e.Stance == news.Denies && voice != news.VoiceFans:
			weakDeny.add(e, in)
			rumour.add(e, in)
		case e.Stance == news.Asserts && voice == news.VoiceOutlet:
			ownAssert.add(e, in)
			assert.add(e, in)
		case e.Stance == news.Asserts && !weak(voice):
			assert.add(e, in)
		case e.Stance == news.Asserts && voice != news.VoiceFans:
			weakAssert.add(e, in)
			rumour.add(e, in)
		case e.Stance == news.Questions && voice != news.VoiceFans:
			doubt.add(e, in)
		default:
			rumour.add(e, in)
		}
	}
	against := len(authDeny.groups) + len(deny.groups) + len(debunk.groups)
	supporting := len(authAssert.groups) + len(assert.groups)
	switch {
	case !authDeny.empty() && !authAssert.empty():
		dated := !authDeny.latest.IsZero() && !authAssert.latest.IsZero()
		if dated && authDeny.latest.After(authAssert.latest.Add(supersedeAfter)) {
			return news.Outdated, describe("confirmed", authAssert) + "; later " + describe("denied", authDeny)
		}
		if dated && authAssert.latest.After(authDeny.latest.Add(supersedeAfter)) {
			return news.Outdated, describe("denied", authDeny) + "; later " + describe("confirmed", authAssert)
		}
		return news.Disputed, describe("denied", authDeny) + "; " + describe("confirmed", authAssert)
	case !authDeny.empty():
		if !assert.empty() { // the outlets' own assertions are among them
			return news.Disputed, describe("denied", authDeny) + "; " + countSide("asserted", assert)
		}
		return news.Denied, describe("denied", authDeny) + "; no source confirms"
	case !authAssert.empty() && against == 0 && !weakDeny.empty() && corroborated(authAssert, assert):
		// Other media or anonymous sources reporting the opposite do not
		// deny a confirmed claim, but they stop it being settled.
		return news.Disputed, describe("confirmed", authAssert) + "; " + describe("contradicted", weakDeny)
	case !authAssert.empty() && against == 0 && corroborated(authAssert, assert):
		return news.Confirmed, describe("confirmed", authAssert) + "; no source denies"
	case against > 0 && supporting > 0:
		return news.Disputed, strings.Join(nonEmpty(describe("confirmed", authAssert), describe("denied", deny),
			describe("called false", debunk.besides(deny))), "; ") + "; " + countSide("asserted", assert)
	case against > 0:
		denials := strings.Join(nonEmpty(describe("denied", deny), describe("called false", debunk.besides(deny))), "; ")
		if debunk.empty() && !weakAssert.empty() {
			// Speakers' denials against reports citing anonymous sources
			// or other media, and no outlet that calls it false: the two
			// stand against each other, and neither settles it.
			return news.Disputed, denials + weakNote(weakAssert)
		}
		if len(debunk.groups)+len(deny.groups) >= 2 {
			return news.Denied, denials + "; nobody states it as fact"
		}
		if rumour.empty() && modelHedge.empty() && modelAssert.empty() {
			return news.Disputed, denials + "; no other source reports it"
		}
		return news.Disputed, denials + fmt.Sprintf("; reported as a rumour or question by %s",
			words.Count(max(len(rumour.groups), len(modelHedge.groups)+len(modelAssert.groups)), "outlet"))
	case !weakDeny.empty() && !assert.empty():
		// Other media or anonymous sources report the opposite of what
		// outlets state: the sources disagree.
		return news.Disputed, describe("contradicted", weakDeny) + "; " + countSide("asserted", assert)
	case !authAssert.empty() && corroborated(authAssert, assert):
		return news.Confirmed, describe("confirmed", authAssert)
	case !doubt.empty() && (!assert.empty() || !weakAssert.empty()):
		return news.Disputed, describe("questioned or doubted", doubt) + "; " + countSide("asserted", assert) +
			weakNote(weakAssert)
	case !modelDeny.empty() && (!assert.empty() || !modelAssert.empty()):
		return news.Disputed, fmt.Sprintf("read by the stance model: %s disagree, %s agree; no statement by anyone involved was found",
			words.Count(len(modelDeny.groups), "outlet"), words.Count(len(modelAssert.groups)+len(assert.groups), "outlet"))
	case !c.Main && c.Kind == "relation" && len(ownAssert.groups) >= confirmGroups &&
		len(assert.groups) >= confirmRatio*(len(rumour.groups)+len(modelHedge.groups)):
		// Outlets stating a background fact in their own voice (two people
		// met, split) confirm it when nobody doubts it. The story's main
		// claim is the question itself: outlets repeating it confirm
		// nothing (on the veracity dev stories, main claims stated so by
		// several outlets were as often never verified as true), and a
		// secondary statement copied between outlets stays unverified.
		return news.Confirmed, fmt.Sprintf("stated as fact by %s in their own voice; %s report it only as a claim or rumour; nobody denies or doubts it",
			words.Count(len(ownAssert.groups), "independent outlet"), words.Count(len(rumour.groups)+len(modelHedge.groups), "outlet"))
	case !authAssert.empty():
		return news.Unverified, describe("stated", authAssert) + " alone; no other source states it"
	case !assert.empty():
		return news.Unverified, countSide("asserted", assert) + "; nobody involved has confirmed"
	}
	if rumour.empty() {
		return news.Unverified, "no source takes a stance on it"
	}
	return news.Unverified, fmt.Sprintf("rumoured or questioned in %s; nobody involved has confirmed or denied it",
		words.Count(len(rumour.groups), "outlet"))
}

// weakNote is "; reported by 2 outlets citing anonymous sources or other media", or "".
func weakNote(s *side) string {
	if s.empty() {
		return ""
	}
	return "; reported by " + words.Count(len(s.groups), "outlet") + " citing anonymous sources or other media"
}

// corroborated tells whether a confirmation by parties or officials stands:
// an official's word does; a party's own account ("the boy says he attracts
// metal") needs an outlet or another named source to state it too, since
// the party may be where the claim comes from.
func corroborated(auth, assert *side) bool {
	if auth.official {
		return true
	}
	for g := range assert.groups {
		if !auth.groups[g] {
			return true
		}
	}
	return false
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// countSide is "asserted by 3 independent outlets" or "nobody asserts it".
func countSide(verb string, s *side) string {
	if s.empty() {
		return "nobody states it as fact"
	}
	return verb + " by " + words.Count(len(s.groups), "independent outlet")
}

// describe is "denied by X's representative (TODAY, POPSUGAR; one statement
// carried by 2 outlets) and by an insider (POPSUGAR)", or "" for an empty side.
// inSentence writes a speaker phrase for the middle of a sentence: an
// article opening a description is lower case ("The ministry" → "the
// ministry", "A spokesman for the army" → "a spokesman…"); before a
// capitalised word it may open a name ("The Hollywood Reporter") and stays.
func inSentence(k string) string {
	for _, art := range []string{"The ", "A ", "An "} {
		rest, ok := strings.CutPrefix(k, art)
		if !ok || rest == "" {
			continue
		}
		// "The ministry", and "The Nigerian military": a description,
		// its head in lower case ("The Port Authority" may be a name)
		f := strings.Fields(rest)
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(r) || len(f) > 1 && lowerWord(f[len(f)-1]) {
			return strings.ToLower(art) + rest
		}
	}
	return k
}

// sameNamed joins speakers written with and without their title: "South
// Carolina Republican Senator Lindsey Graham" is "Lindsey Graham", whose
// name of two capitalised words or more ends the longer phrase.
func sameNamed(speakers map[string]map[string]bool) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(speakers))
	for k, outlets := range speakers {
		name := k
		for o := range speakers {
			if o != k && len(o) < len(name) && strings.HasSuffix(k, " "+o) && personName(o) {
				name = o
			}
		}
		if out[name] == nil {
			out[name] = map[string]bool{}
		}
		for x := range outlets {
			out[name][x] = true
		}
	}
	return out
}

// personName tells whether k is two words or more, each capitalised.
func personName(k string) bool {
	f := strings.Fields(k)
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		if lowerWord(w) {
			return false
		}
	}
	return true
}

// lowerWord tells whether w opens with a lower-case letter.
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func describe(verb string, s *side) string {
	if s.empty() {
		return ""
	}
	speakers := sameNamed(s.speakers)
	who := make([]string, 0, len(speakers))
	for k := range speakers {
		who = append(who, k)
	}
	sort.Strings(who)
	const maxNamed = 4
	parts := make([]string, 0, len(who))
	for i, k := range who {
		if i == maxNamed {
			parts = append(parts, fmt.Sprintf("%d more", len(who)-maxNamed))
			break
		}
		outlets := make([]string, 0, len(speakers[k]))
		for o := range speakers[k] {
			outlets = append(outlets, o)
		}
		sort.Strings(outlets)
		note := ""
		if len(outlets) > 1 {
			note = "; one statement carried by " + words.Count(len(outlets), "outlet")
		}
		if k == ownVoice && len(outlets) > 1 {
			// each outlet in its own words: not one statement
			k, note = words.Count(len(outlets), "outlet")+" in their own voice", ""
		}
		if len(outlets) > 3 {
			outlets = append(outlets[:3], "…")
		}
		parts = append(parts, fmt.Sprintf("%s (%s%s)", inSentence(k), strings.Join(outlets, ", "), note))
	}
	return verb + " by " + strings.Join(parts, " and by ")
}
