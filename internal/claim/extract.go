package claim

import (
	"context"
	"regexp"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Extractor is the per-article stage that fills a.Statements: relations
// between people (dating, married, met, split) with polarity, hedging and
// who states them, and "has not commented" statements. It runs after the
// entity and quote stages and uses their mentions and quotes.
type Extractor struct{}

// person is one resolved person of an article.
type person struct {
	key, name string
	count     int
	first     int
	at        []int // offsets of its mentions (in a sentence)
}

// Process implements news.Stage.
func (Extractor) Process(_ context.Context, a *news.Article) error {
	a.Statements = a.Statements[:0]
	people := persons(a)
	pair := salientPair(people)
	pers := perMentions(a)
	counts := make(map[string]int, len(people)) // mentions in the whole article, by person
	for _, p := range people {
		counts[p.key] = p.count
	}
	for _, s := range sentences(a) {
		text := s.Text(a.Text)
		if strings.TrimSpace(text) == "" {
			continue
		}
		lower := strings.ToLower(text)
		commentWords := hasAny(lower, noCommentKeys)
		if !commentWords && !relationWords(lower) {
			continue // nothing here for this stage: a cheap test before the per-sentence work
		}
		inSentence := pers.in(s)
		for i := range inSentence {
			inSentence[i].count = counts[inSentence[i].key]
		}
		by, social := speakerOf(a, pers, s, text)
		quoted := by != "" && by != "fans" && insideQuote(a, s)
		if commentWords && noComment.MatchString(text) {
			subj, obj, ok := subjects(inSentence, pair, text, false)
			if ok {
				a.Statements = append(a.Statements, news.Statement{Span: s, Subject: subj, Predicate: "commented",
					Object: obj, Negated: true, By: by})
			}
			continue
		}
		seen := map[string]bool{}
		for _, rel := range relations {
			if !hasAny(lower, rel.keys) {
				continue // a cheap test first: none of the trigger's words
			}
			for _, loc := range rel.trigger.FindAllStringIndex(text, -1) {
				if nameWord(text, loc[0]) {
					continue // "the Met Press Office", "in Split": a name, not the word
				}
				if unnamedPartner(text, loc[0], loc[1]) {
					continue // "a divorce from his wife": the partner is not one of the names
				}
				if rel.predicate == "met" && (passiveMet.MatchString(text[max(0, loc[0]-24):loc[0]]) ||
					metThing.MatchString(text[loc[1]:min(len(text), loc[1]+40)])) {
					continue // "if its demands were not met", "would meet his fate": no meeting
				}
				if pastTie.MatchString(text[max(0, loc[0]-10):loc[0]]) {
					// "her ex-boyfriend Tristan", "his former wife": not a
					// claim that they are together, but a statement, as a
					// given, that the two split.
					near := nearest(inSentence, s.Start+loc[0])
					if partnerWord.MatchString(text[loc[0]:loc[1]]) && len(near) >= 2 && !seen["split"] {
						st := news.Statement{Span: s, Subject: near[0].name, Predicate: "split", Object: near[1].name, By: by, Stance: news.Asserts}
						if social || by == "fans" {
							st.Stance, st.Hedged = news.Rumour, true
						}
						seen["split"] = true
						a.Statements = append(a.Statements, st)
					}
					continue
				}
				if weakTrigger[strings.ToLower(text[loc[0]:loc[1]])] && !quoted && !romanceContext.MatchString(text) {
					continue // a relationship with no sign of romance
				}
				near := nearest(inSentence, s.Start+loc[0])
				subj, obj, ok := subjects(near, pair, text, quoted)
				if exTie.MatchString(text[loc[0]:loc[1]]) {
					// "with ex Tristan": the ex is the person named right
					// after; the other is the article's main person.
					subj, obj, ok = exPair(inSentence, s.Start+loc[0], pair)
				}
				if !ok || seen[rel.predicate] {
					continue
				}
				st := news.Statement{Span: s, Subject: subj, Predicate: rel.predicate, Object: obj, By: by}
				st.Stance, st.Negated, st.Hedged = stanceOf(clauseAround(text, loc[0], loc[1]), social, by)
				if len(near) < 2 && st.Stance == news.Asserts && !quoted {
					// A pair inferred from "they" or "their" is too weak a
					// ground for an assertion; denials and rumours keep it.
					continue
				}
				seen[rel.predicate] = true // the first trigger speaks for the sentence
				a.Statements = append(a.Statements, st)
			}
		}
	}
	return nil
}

// passiveMet ends the text before a "met" that is passive: people meet
// each other, demands and targets "are met".
var passiveMet = regexp.MustCompile(`(?i)\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:not\s+|never\s+|yet\s+|fully\s+|all\s+)?$`)

// metThing starts the text after "meet" or "met" whose object is a thing
// one meets as a condition or an end ("meet the group's demands", "meet
// his fate"), not a person.
var metThing = regexp.MustCompile(`^\s+(?:(?:the|a|an|his|her|their|its|our|all|any|[\pL\pN'’-]+['’]s?)\s+){1,2}` +
	`(?:fate|end|demands?|deadline|target|targets|goals?|requirements?|criteria|standards?|expectations?|needs|costs?|obligations?)\b`)

// pronounPartner is a partner named by whose partner it is ("his wife",
// "her ex-husband"), with the partner's name when one follows.
var pronounPartner = regexp.MustCompile(`\b(?:[Hh]is|[Hh]er)\s+(?:(?:ex-|former |late |estranged |then-)\s*)?(?:wife|husband|fianc[eé]e?|spouse|partner|boyfriend|girlfriend)\b(?:,?\s+([A-Z][\w'’-]+))?`)

// unnamedPartner tells whether the relation word at text[i:j] is, or runs
// into, a partner named only by a pronoun ("led to a divorce from his
// wife", "his wife said"): the partner is not one of the people the
// sentence names, so the word says nothing of the two of them.
func unnamedPartner(text string, i, j int) bool {
	from, to := max(0, i-12), min(len(text), j+25)
	for _, m := range pronounPartner.FindAllStringSubmatchIndex(text[from:to], -1) {
		s, e := from+m[0], from+m[1]
		if e >= i && s <= j+15 && m[2] < 0 {
			return true
		}
	}
	return false
}

// exTie is a trigger naming someone's ex rather than a split.
var exTie = regexp.MustCompile(`(?i)\bex\b`)

// exPair returns the ex named first after offset at and the person whose
// ex it is: the one the sentence names last before at, when that is one of
// the article's two main people ("Khloe had a child with ex Tristan"); when
// someone else stands between ("her son Tatum, whom she shares with ex
// Tristan"), whose ex it is cannot be told and nothing is returned.
func exPair(in []person, at int, salient []person) (string, string, bool) {
	var ex *person
	best := -1
	for i := range in {
		for _, o := range in[i].at {
			if o >= at && (best < 0 || o < best) {
				best, ex = o, &in[i]
			}
		}
	}
	if ex == nil || best-at > 16 {
		return "", "", false
	}
	var other *person
	last := -1
	for i := range in {
		for _, o := range in[i].at {
			if o < at && o > last && in[i].key != ex.key {
				last, other = o, &in[i]
			}
		}
	}
	if other == nil {
		return "", "", false
	}
	for _, p := range salient {
		if p.key == other.key {
			return other.name, ex.name, true
		}
	}
	return "", "", false
}

// roleKeys must occur (lower-cased) for roleSpeaker to match.
var roleKeys = []string{"rep", "spokes", "publicist", "source", "insider", "friend", "pal", "lawyer", "attorney",
	"manager", "agent"}

// roleSpeakerIndex is roleSpeaker's submatch index, after a cheap test.
func roleSpeakerIndex(text string) []int {
	if !hasAny(strings.ToLower(text), roleKeys) {
		return nil
	}
	return roleSpeaker.FindStringSubmatchIndex(text)
}

// clauseBoundary starts a new clause inside a sentence.
var clauseBoundary = regexp.MustCompile(`[,;:—–]\s|\s(?:after|when|while|as|but|since|because|before|although|though|and then)\s`)

// clauseAround returns the clause of text holding [start, end): a hedge or
// negation in another clause ("sparked rumours after they were pictured
// together") does not bear on the relation this one states.
func clauseAround(text string, start, end int) string {
	from, to := 0, len(text)
	for _, b := range clauseBoundary.FindAllStringIndex(text, -1) {
		if b[1] <= start {
			from = b[0]
		} else if b[0] >= end && to == len(text) {
			to = b[0]
		}
	}
	return text[from:to]
}

// stanceOf classifies a sentence's stance toward the relation it states.
func stanceOf(text string, social bool, by string) (news.Stance, bool, bool) {
	t := strings.TrimSpace(text)
	question := strings.HasSuffix(strings.TrimRight(t, `"'”’) `), "?")
	switch {
	case social || by == "fans":
		return news.Rumour, false, true
	case openQuestion.MatchString(t):
		return news.Questions, false, true
	case question:
		return news.Questions, false, true
	case negation.MatchString(t) && !firstMeeting.MatchString(t):
		return news.Denies, true, false
	case hedges.MatchString(t):
		return news.Rumour, false, true
	}
	return news.Asserts, false, false
}

// nearest orders people by their distance to offset at.
func nearest(ps []person, at int) []person {
	out := append([]person(nil), ps...)
	dist := func(p person) int {
		best := -1
		for _, o := range append(p.at, p.first) {
			d := o - at
			if d < 0 {
				d = -d
			}
			if best < 0 || d < best {
				best = d
			}
		}
		return best
	}
	sort.SliceStable(out, func(i, j int) bool { return dist(out[i]) < dist(out[j]) })
	if len(out) > 2 {
		out = out[:2]
	}
	sort.Slice(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out
}

// subjects picks the two people a sentence is about: the two named nearest
// the trigger, else the article's salient pair when the sentence names one
// of them and points at the other ("with him", "the pair"), or names neither
// and speaks of them as a pair, or is a quoted statement by someone involved
// ("No relationship to speak of," said a rep).
func subjects(in []person, pair []person, text string, quoted bool) (string, string, bool) {
	if len(in) >= 2 {
		return in[0].name, in[1].name, true
	}
	if len(pair) < 2 {
		return "", "", false
	}
	switch len(in) {
	case 1:
		if in[0].key != pair[0].key && in[0].key != pair[1].key {
			return "", "", false
		}
		if !pairWords.MatchString(text) && !otherPerson.MatchString(text) {
			return "", "", false
		}
	case 0:
		if !quoted && !pairWords.MatchString(text) {
			return "", "", false
		}
	}
	return pair[0].name, pair[1].name, true
}

// insideQuote reports whether sentence s lies in a quote of the article.
func insideQuote(a *news.Article, s news.Span) bool {
	for _, q := range a.Quotes {
		for _, p := range append([]news.Span{q.Span}, q.Pieces...) {
			if p.Overlaps(s) && (p.Contains(s) || s.Len() < 2*p.Len()) {
				return true
			}
		}
	}
	return false
}

// speakerOf tells who makes the sentence's statement: the speaker of a quote
// containing it, a reporting role or person opening it, fans, or "" for the
// outlet's own voice.
func speakerOf(a *news.Article, pers mentionIndex, s news.Span, text string) (string, bool) {
	for _, p := range a.Social {
		if p.Span.Overlaps(s) {
			return "fans", true
		}
	}
	for _, q := range a.Quotes {
		if q.Span.Start <= s.Start+2 && s.End-2 <= q.Span.End || q.Span.Contains(s) || s.Contains(q.Span) && q.Span.Len()*2 > s.Len() {
			if q.Social {
				return "fans", true
			}
			return quoteSpeaker(q), false
		}
	}
	if m := roleSpeakerIndex(text); m != nil && m[0] < len(text)/2+1 {
		role := roleName(strings.ToLower(text[m[4]:m[5]]))
		forWhom := ""
		for _, p := range pers.in(news.Span{Start: s.Start + m[6], End: s.Start + m[7]}) {
			forWhom = p.name
			break
		}
		return roleLabel(role, forWhom), false
	}
	for _, m := range a.Mentions {
		if m.Type != news.PER || m.Span.Start < s.Start || m.Span.Start > s.Start+3 || m.Span.End > s.End {
			continue
		}
		if cueAfterName.MatchString(a.Text[m.Span.End:min(s.End, m.Span.End+40)]) {
			return nameOf(m), false
		}
	}
	if fanWords.MatchString(firstWords(text, 6)) {
		return "fans", false
	}
	return "", false
}

func quoteSpeaker(q news.QuoteMention) string {
	if q.Role != "" {
		return roleLabel(q.Role, q.For)
	}
	return q.Speaker
}

// roleLabel names a role speaker: "Michele Morrone's representative".
func roleLabel(role, forWhom string) string {
	if forWhom == "" {
		if strings.ContainsRune("aeiou", rune(role[0])) {
			return "an " + role
		}
		return "a " + role
	}
	return forWhom + "'s " + role
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func nameOf(m news.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Text
}

func keyOf(m news.Mention) string {
	if m.Key != "" {
		return m.Key
	}
	return strings.ToLower(nameOf(m))
}

// persons counts the article's people by mention key.
func persons(a *news.Article) []person {
	idx := map[string]int{}
	var out []person
	for _, m := range a.Mentions {
		if m.Type != news.PER {
			continue
		}
		k := keyOf(m)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, person{key: k, name: nameOf(m), first: m.Span.Start})
		}
		out[i].count++
		if len(nameOf(m)) > len(out[i].name) {
			out[i].name = nameOf(m)
		}
	}
	return out
}

// salientPair is the two most mentioned people, in order of first mention.
func salientPair(ps []person) []person {
	if len(ps) < 2 {
		return nil
	}
	s := append([]person(nil), ps...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].count > s[j].count })
	s = s[:2]
	if s[1].count < 2 {
		return nil
	}
	sort.Slice(s, func(i, j int) bool { return s[i].first < s[j].first })
	return s
}

// relationWords tells whether a lower-cased sentence holds a word of any
// relation trigger.
func relationWords(lower string) bool {
	for _, rel := range relations {
		if hasAny(lower, rel.keys) {
			return true
		}
	}
	return false
}

// noCommentKeys: one of them occurs wherever noComment matches.
var noCommentKeys = []string{"comment", "spoken", "speak", "respond", "address", "confirm"}

// mentionIndex is an article's person mentions sorted by position, for
// finding those inside a span without a scan of them all.
type mentionIndex []news.Mention

func perMentions(a *news.Article) mentionIndex {
	var out mentionIndex
	for _, m := range a.Mentions {
		if m.Type == news.PER {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// in returns the persons mentioned inside s, in order of first mention.
func (ix mentionIndex) in(s news.Span) []person {
	var out []person
	seen := map[string]int{}
	from := sort.Search(len(ix), func(i int) bool { return ix[i].Span.Start >= s.Start })
	for _, m := range ix[from:] {
		if m.Span.Start >= s.End {
			break
		}
		if !s.Contains(m.Span) {
			continue
		}
		k := keyOf(m)
		if i, ok := seen[k]; ok {
			out[i].at = append(out[i].at, m.Span.Start)
			continue
		}
		seen[k] = len(out)
		out = append(out, person{key: k, name: nameOf(m), first: m.Span.Start, at: []int{m.Span.Start}})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out
}

// sentences returns the article's sentences, or its paragraphs when the
// segmenter has not run.
func sentences(a *news.Article) []news.Span {
	if len(a.Sentences) > 0 {
		return a.Sentences
	}
	return a.Paragraphs
}

// nameWord reports a trigger word capitalised inside its sentence: part of
// a name ("#SO15 Met Press Office", "the port of Split"), not the word.
func nameWord(text string, at int) bool {
	if at+1 >= len(text) || text[at] < 'A' || text[at] > 'Z' || text[at+1] < 'a' || text[at+1] > 'z' {
		return false // lower case, or shouted in capitals ("WHAT KHLOE IS DATING")
	}
	before := strings.TrimRight(text[:at], " \t\"'“‘(")
	if before == "" {
		return false // the sentence opens with it
	}
	switch before[len(before)-1] {
	case '.', '!', '?', ':', '\n':
		return false
	}
	return true
}
