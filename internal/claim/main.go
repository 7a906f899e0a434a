package claim

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/dates"
	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// The main claim is the story's central proposition: the headline or lead
// sentence that the story's other independent sources repeat most, with
// datelines and the attribution taken off, so that it reads as a claim a
// person would check.

// leadSentences is how many opening sentences of an article count as its lead.
const leadSentences = 3

var (
	// datelinePrefix: "(Sept. 22, 2014, update 1:09 p.m.)", "WASHINGTON (Reuters) -",
	// "LONDON —", "UPDATE 2:", "Updated: ...:".
	datelinePrefix = regexp.MustCompile(`^\s*(?:` + words.DatelinePattern + `|(?:Claim|Rumou?r|Reports?|Watch|Video|Photos?|Exclusive|EXCLUSIVE)\s*:\s+)`)
	// trailingAttribution: ", the government said Sunday.", ", according to
	// police.", ", Reuters reported.", ", sources told CNN."
	trailingAttribution = regexp.MustCompile(`(?i),\s*(?:according to [^,]{1,80}|[^,]{1,60}?\b(?:said|says|reported|reports|told [^,]{1,40}|announced|confirmed|claimed|claims|wrote|writes|tweeted)(?:\s+(?:on\s+)?[A-Z]?\w+day|\s+(?:on\s+)?[A-Z]\w+\.? \d{1,2}|\s+in a statement|\s+on Twitter)?)\s*[.!]?\s*$`)
	// leadingAttribution: "According to X, ...", "X said (on Monday) that ...", "X reports that".
	leadingAccording = regexp.MustCompile(`(?i)^\s*according to [^,]{1,80},\s*`)
	leadingSaidThat  = regexp.MustCompile(`^[^,;:"“”]{2,80}?\b(?:said|says|reported|reports|announced|confirmed|claimed|claims|told [^,;]{1,40}?)(?:\s+on\s+\w+)?\s+that\s+`)
	// kickerLabel: a label of two or three words, the first capitalised and
	// the others in lower case, before a colon and a capitalised clause
	// ("Military history: ", "Breaking news: "); a name before a colon
	// ("Dan Olsen: …") is a speaker, not a label.
	kickerLabel   = regexp.MustCompile(`^[A-Z][a-z]+(?:\s[a-z]+){1,2}:\s+(?:[A-Z])`)
	trailingPunct = regexp.MustCompile(`[\s,;:—–-]+$`)
	notClaimLike  = regexp.MustCompile(`(?i)^(?:but|and|so|or|yet|however|still|also|then|meanwhile|photo|image|video|file|credit|click|watch|read more|related|advertisement|follow|subscribe|share|copyright|\(?ap photo|getty|specifically|namely|instead|indeed|moreover|furthermore|additionally|plus|now|here|` +
		// a pronoun or a first person: not a proposition that stands alone
		`it|its|he|she|his|her|they|their|them|we|our|i|you|your|himself|herself|itself|themselves|myself|yourself|` +
		// a sentence about the report, not about the world: "The
		// allegations were made by a golfer on the radio"
		`(?:the|these|those|such|his|her|their) (?:\w+ )?(?:allegations?|accusations?|claims?|rumou?rs?|reports?|speculation|stor(?:y|ies)) (?:were|was|are|is|have|has|had|came|come|comes|surfaced|emerged|first)\b)\b`)
	// an embedded post's credit line: "A photo posted by Ada (@ada) on Jan
	// 7, 2031 at 3:02pm PST"
	embedCredit        = regexp.MustCompile(`(?i)^an? (?:photo|video|post)\s+(?:posted|shared)\s+by\s[^(]{1,60}\(@\w+\)|\(@\w+\)\s+(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)
	claimWordSplitFunc = func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }
)

// attributionKeys must occur before trailingAttribution is worth running.
var attributionKeys = []string{"said", "says", "report", "told", "announced", "confirmed", "claim", "wrote", "writes",
	"tweeted", "according to"}

// candidate is one headline or lead sentence that may be the main claim.
type candidate struct {
	a      *news.Article
	span   news.Span // zero for a title
	title  bool
	text   string // cleaned proposition
	words  map[string]bool
	plain  map[string]bool // words not part of a name: what is said about the names
	order  int             // position in the article's lead (0: title or first sentence)
	weight float64
	// total and totalPlain are the story weights of words and plain, once
	// the candidate is chosen (coverageWords divides by them on every sentence).
	total, totalPlain float64
}

// cleanProposition takes datelines and the attribution off a headline or
// lead sentence.
func cleanProposition(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "…. ")
	s = dropUnmatchedOpening(s)
	s = strings.TrimPrefix(s, "that ")
	for range 2 {
		if !words.MayHaveDateline(s) {
			break
		}
		if loc := datelinePrefix.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			s = s[loc[1]:]
		}
	}
	if loc := kickerLabel.FindStringIndex(s); loc != nil && len(s)-loc[1] > 30 {
		s = s[loc[1]-1:] // "Military history: Rosenberg, pictured in uniform, was…": a caption's label (the clause's capital kept)
	}
	s = dropLeadingDay(s)
	if loc := discourseOpener.FindStringIndex(s); loc != nil && len(s)-loc[1] > 20 {
		s = s[loc[1]:] // "Well, turns out that one of the onlookers was…": the onlooker is the claim
	}
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "according to") {
		s = leadingAccording.ReplaceAllString(s, "")
	}
	if strings.Contains(lower, " that ") {
		if loc := leadingSaidThat.FindStringIndex(s); loc != nil && len(s)-loc[1] > 30 {
			s = s[loc[1]:]
		}
	}
	if strings.Contains(lower, ",") && hasAny(lower, attributionKeys) {
		if loc := trailingAttribution.FindStringIndex(s); loc != nil && loc[0] > 30 {
			s = s[:loc[0]]
		}
	}
	s = strings.TrimSpace(trailingPunct.ReplaceAllString(strings.TrimSpace(s), ""))
	s = strings.TrimRight(s, ".")
	s = dropUnmatchedOpening(s) // again: "\"X did Y,\" he said" is now "\"X did Y"
	if s == "" {
		return ""
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// discourseOpener is a word that opens a sentence to the reader, not a
// proposition: "Well, ", "So, ", "(It) turns out (that) ", "Sure
// enough, ".
var discourseOpener = regexp.MustCompile(`^(?:(?:Well|So|Now|OK|Okay|Sure enough|Of course|Alas|Oh),\s+)?(?:(?:[Ii]t\s+)?[Tt]urns out(?:\s+that)?\s+)?`)

// clauseOpeners open the clause a day word was read before ("[officials
// said] Friday there are…").
var clauseOpeners = map[string]bool{"there": true, "the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "its": true, "his": true, "her": true, "their": true}

// dropLeadingDay takes off a day that dates the report, not the claim:
// "Friday there are several hundred species…" is "there are several
// hundred species…"; "Monday was the hottest day" keeps its subject.
func dropLeadingDay(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	if !ok || !dates.IsDayWord(strings.ToLower(strings.TrimRight(first, ","))) {
		return s
	}
	next, _, _ := strings.Cut(rest, " ")
	if r, _ := utf8.DecodeRuneInString(next); !clauseOpeners[strings.ToLower(next)] && !unicode.IsUpper(r) {
		return s
	}
	return rest
}

// claimLike tells whether a cleaned sentence can stand as a checkable claim.
func claimLike(s string) bool {
	n := len(strings.Fields(s))
	if n < 5 || n > 60 || notClaimLike.MatchString(strings.TrimLeft(s, `"'“‘ `)) {
		return false
	}
	plain := 0
	for i, f := range strings.Fields(s) {
		f = strings.Trim(f, `"'“”‘’()[],.;:!?`)
		if i > 0 && len(f) >= 3 && f[0] >= 'a' && f[0] <= 'z' && !fold.Stop(f) {
			plain++
		}
	}
	if plain < 2 { // a label or a list of names, not a sentence
		return false
	}
	letters, upper := 0, 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			upper++
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 0 && float64(upper)/float64(letters) < 0.5 // not an all-caps banner or byline
}

// storyWords weighs content words by how few of the story's articles use
// them, so that the words every article shares count less than the specific
// ones (the story's vocabulary is shared by design).
type storyWords struct {
	idf map[string]float64
}

// newStoryWordsDF weighs the words of bags, and returns each word's
// document frequency.
func newStoryWordsDF(bags []map[string]bool) (storyWords, map[string]int) {
	df := map[string]int{}
	for _, b := range bags {
		for w := range b {
			df[w]++
		}
	}
	n := float64(len(bags))
	sw := storyWords{idf: make(map[string]float64, len(df))}
	for w, d := range df {
		sw.idf[w] = math.Log(1 + n/float64(d))
	}
	return sw, df
}

func (sw storyWords) weight(w string) float64 {
	if v, ok := sw.idf[w]; ok {
		return v
	}
	return math.Log(2)
}

// covered is the weighted share of a's words found in b.
func (sw storyWords) covered(a, b map[string]bool) float64 {
	var both, total float64
	for _, w := range slices.Sorted(maps.Keys(a)) { // in word order: the same sum on every run
		x := sw.weight(w)
		total += x
		if b[w] {
			both += x
		}
	}
	if total == 0 {
		return 0
	}
	return both / total
}

// embeddedRumour finds the proposition a sentence reports as a rumour or
// an allegation: "amid reports that X", "rumours (that) X", "claims that X".
var embeddedRumour = regexp.MustCompile(`(?i)\b(?:rumou?rs?|speculation|reports|allegations?|claims?)\s+(?:that\s+)?((?:the\s+|an?\s+)?[A-Z]?[\w'’-]+\s+(?:[\w'’-]+\s+){0,3}(?:is|are|was|were|has|have|had|will|would|may|might|could|did)\b.*)`)

// leadOf returns an article's title and opening sentences as candidates.
func leadOf(a *news.Article) []candidate {
	var out []candidate
	if t := cleanProposition(a.Title); claimLike(t) {
		out = append(out, candidate{a: a, title: true, text: t, words: contentWords(t), plain: plainWords(t)})
	}
	order := 0
	for _, s := range sentences(a) {
		if order >= leadSentences {
			break
		}
		raw := s.Text(a.Text)
		if strings.HasSuffix(strings.TrimRight(raw, `"'”’) `), "?") || inSocial(a, s) ||
			strings.HasPrefix(raw, `"`) || strings.HasPrefix(raw, "“") || transcriptLine.MatchString(raw) {
			continue // a question, a pasted post, or someone's words ("Dan Olsen: “Well, I've heard…")
		}
		t := cleanProposition(raw)
		if !claimLike(t) {
			continue
		}
		out = append(out, candidate{a: a, span: s, text: t, words: contentWords(t), plain: plainWords(t), order: order})
		// The rumour a lead reports is a claim to check in its own right:
		// "..., leading to rumours his sister has taken over".
		if loc := embeddedRumour.FindStringSubmatchIndex(raw); loc != nil {
			// not "who claims to have had contact…": an infinitive is no
			// proposition of its own
			if e := cleanProposition(raw[loc[2]:]); claimLike(e) && len(e) < len(t) && !strings.HasPrefix(e, "To ") {
				out = append(out, candidate{a: a, span: s, text: e, words: contentWords(e), plain: plainWords(e), order: order})
			}
		}
		order++
	}
	return out
}

// transcriptLine is a line of someone's words after their name and a
// colon, as transcripts and interviews print them: "Dan Olsen: “Well, I've
// heard that he's suspended.”"
var transcriptLine = regexp.MustCompile(`^[^.!?:“"]{1,60}:\s*["“]`)

// negatedVerb is a negated auxiliary or copula: "is not", "has not been",
// "won't", "didn't".
var negatedVerb = regexp.MustCompile(`(?i)\b(is|are|was|were|has|have|had|will|would|did|does|do|can|could|should)\s+not\b|\b(is|are|was|were|has|have|had|did|does|do|could|should|would)n[’']t\b|\b(won|can)[’']t\b`)

// maxFlipWords bounds the leads whose negation is taken off: a short
// denial ("X is not dead") answers a rumour; a long sentence with a
// negation usually states something else ("has not been seen in public for
// weeks").
const maxFlipWords = 16

// notFlip marks negations that do not deny a rumour: "not until", "not yet",
// "no longer", "not only".
var notFlip = regexp.MustCompile(`(?i)\bnot\s+(?:until|yet|only|just|since|for|been seen|heard|` + noWordVerbs + `)\b|n[’']t\s+(?:until|yet|only|just|since|for|` + noWordVerbs + `)\b|\bnot\s+\w+\s+(?:until|before)\b|\bno longer\b`)

// noWordVerbs after a negation say nothing either way: "did not reveal
// whether", "would not confirm", "has not commented".
const noWordVerbs = `immediately|reveal\w*|say|said|confirm\w*|comment\w*|know|disclose\w*|specify|identify|name|elaborate|respond\w*|release\w*|provide\w*|return\w*`

// notToBe is a denial in a lead: "were confirmed not to be", "was found
// not to have".
var notToBe = regexp.MustCompile(`(?i)\b(confirmed|found|shown|proven|proved|said|believed|thought|reported|determined|declared|ruled)\s+not\s+to\s+`)

// withoutNotTo turns "were confirmed not to be X" into "were confirmed to
// be X".
func withoutNotTo(s string) (string, bool) {
	loc := notToBe.FindStringSubmatchIndex(s)
	if loc == nil {
		return s, false
	}
	return s[:loc[0]] + s[loc[2]:loc[3]] + " to " + s[loc[1]:], true
}

// positive returns s without its one negation of a verb, and whether it had one.
func positive(s string) (string, bool) {
	locs := negatedVerb.FindAllStringSubmatchIndex(s, -1)
	if len(locs) != 1 {
		return s, false
	}
	l := locs[0]
	var aux string
	switch {
	case l[2] >= 0:
		aux = s[l[2]:l[3]]
	case l[4] >= 0:
		aux = s[l[4]:l[5]]
	default:
		aux = map[string]string{"won": "will", "can": "can"}[strings.ToLower(s[l[6]:l[7]])]
	}
	return s[:l[0]] + aux + s[l[1]:], true
}

// plainWords are the content words of s that are not capitalised inside
// the sentence: what it says about the names in it.
func plainWords(s string) map[string]bool {
	out := map[string]bool{}
	for i, f := range strings.Fields(s) {
		f = strings.Trim(f, `"'“”‘’()[],.;:!?`)
		if f == "" || i > 0 && f[0] >= 'A' && f[0] <= 'Z' {
			continue
		}
		for w := range contentWords(f) {
			out[w] = true
		}
	}
	return out
}

func inSocial(a *news.Article, s news.Span) bool {
	for _, p := range a.Social {
		if p.Span.Overlaps(s) {
			return true
		}
	}
	return false
}

// maxCandidateGroups bounds the work of choosing a main claim in large
// stories: candidates come from the earliest articles of this many
// independent groups; every group still votes.
const maxCandidateGroups = 40

// chooseMain picks the story's main claim among its articles' headlines and
// leads: the candidate whose words the leads of the most other independent
// sources share (weighted by how specific the words are to few articles),
// titles and first sentences slightly preferred. ok is false when no
// article has a lead that reads as a claim.
func chooseMain(v *news.StoryView, arts []*news.Article, cache *Cache) (candidate, bool) {
	cands, sw, df := leadWords(v, arts, cache)
	if len(cands) == 0 {
		return candidate{}, false
	}
	return rankLeads(cands, sw, df), true
}

// leadWords gathers the candidate leads of the story's first independent
// sources and weighs the words of every source's leads.
func leadWords(v *news.StoryView, arts []*news.Article, cache *Cache) ([]candidate, storyWords, map[string]int) {
	if cache == nil {
		return weighLeads(v, arts, cache)
	}
	key := storyKey(v, arts)
	if l, ok := cache.leads.Get(key); ok {
		return l.cands, l.sw, l.df
	}
	cands, sw, df := weighLeads(v, arts, cache)
	cache.leads.Add(key, &storyLeads{cands, sw, df}, 64*len(df)+256*len(cands))
	return cands, sw, df
}

// weighLeads is leadWords without the cache.
func weighLeads(v *news.StoryView, arts []*news.Article, cache *Cache) ([]candidate, storyWords, map[string]int) {
	groups := sourceGroups(v)
	// One lead bag per independent group: the words of its articles' titles
	// and leads; candidates come from each group's first article.
	var bags []map[string]bool
	seenGroup := map[string]int{}
	var cands []candidate
	for _, a := range arts {
		g := groups[a.ID]
		if g == "" {
			g = a.ID
		}
		lead := cache.reading(a).leads
		i, ok := seenGroup[g]
		if !ok {
			i = len(bags)
			seenGroup[g] = i
			bags = append(bags, map[string]bool{})
			if len(bags) <= maxCandidateGroups {
				cands = append(cands, lead...)
			}
		}
		for _, c := range lead {
			for w := range c.words {
				bags[i][w] = true
			}
		}
	}
	sw, df := newStoryWordsDF(bags)
	return cands, sw, df
}

// rankLeads picks the candidate whose words the leads of the most other
// independent sources share, turned into the claim to check.
func rankLeads(shared []candidate, sw storyWords, df map[string]int) candidate {
	cands := append([]candidate(nil), shared...) // the cache's slice is shared: weigh and sort a copy
	for i := range cands {
		c := &cands[i]
		// The sum over the other groups' bags of the share of c's weighted
		// words each holds: every word counts once per other bag holding
		// it (c's own group's bag holds all of them).
		// summed in word order: a sum over a map's order differs in its
		// last bits from run to run, and two leads alike must tie the same
		// way every time
		var score, total float64
		for _, w := range slices.Sorted(maps.Keys(c.words)) {
			x := sw.weight(w)
			total += x
			score += x * float64(df[w]-1)
		}
		if total > 0 {
			score /= total
		}
		prior := 1.0
		if c.title {
			prior = 1.15
		} else if c.order == 0 {
			prior = 1.1
		}
		c.weight = (score + 0.5) * prior
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].weight > cands[j].weight })
	best := cands[0]
	// A negative lead that cannot be turned round ("has not been seen in
	// public for weeks") gives way to the next lead that states something,
	// when that one is nearly as central.
	if negatedVerb.MatchString(best.text) && len(strings.Fields(best.text)) > maxFlipWords {
		for _, c := range cands[1:] {
			if c.weight < 0.85*best.weight {
				break
			}
			if !negatedVerb.MatchString(c.text) && !notToBe.MatchString(c.text) {
				best = c
				break
			}
		}
	}
	if rumour, ok := rumourOfDenial(best.text); ok {
		best.text = rumour
	} else if pos, ok := withoutNotTo(best.text); ok {
		// "were confirmed not to be the missing students": the claim to
		// check is that they were.
		best.text = pos
	} else if pos, ok := positive(best.text); ok && len(strings.Fields(best.text)) <= maxFlipWords && !notFlip.MatchString(best.text) {
		// A lead that denies ("X is not dead") answers a rumour: the claim
		// to check is the rumour itself, and the lead denies it.
		best.text = pos
	}
	best.total, best.totalPlain = best.totals(sw)
	return best
}

// mainClaim is the story's main claim. A relation between two people that at least half the independent
// sources state, one of whom the chosen lead names, stands as the main claim in its
// normalised form; otherwise the chosen headline or lead does.
func (b Builder) mainClaim(v *news.StoryView, arts []*news.Article, rel []*claimAcc) (news.Claim, bool) {
	cand, ok := chooseMain(v, arts, b.Cache)
	if len(rel) > 0 {
		r := rel[0]
		groups := sourceGroups(v)
		stated := map[string]bool{}
		for a := range statedIn(r.claim) {
			stated[groups[a]] = true
		}
		all := map[string]bool{}
		for _, g := range groups {
			all[g] = true
		}
		// The relation is the story's question when the leads speak of it,
		// not only the bodies ("the widower's late wife" is background).
		inLeads := map[string]bool{}
		for _, a := range arts {
			for _, l := range b.Cache.reading(a).leads {
				if namesIn(l.text, r.names) && leadStates(l.text, r.predicate) {
					inLeads[groups[a.ID]] = true
				}
			}
		}
		if len(stated) >= minRelationGroups && 2*len(stated) >= len(all) && len(inLeads) >= minRelationGroups &&
			(!ok || namesIn(cand.text, r.names)) {
			c := r.claim
			c.Main, c.Kind = true, "main"
			return c, true
		}
	}
	if !ok || len(arts) == 0 {
		return news.Claim{}, false
	}
	// Its stances are read by the stances stage (StanceReader).
	return news.Claim{ID: "c" + news.IDFor("main|" + v.ID)[:10], Text: cand.text, Main: true, Kind: "main",
		Stances: []news.StanceEntry{}}, true
}

// minRelationGroups is how many independent sources must state a relation
// between two people for it to be the story's main claim.
const minRelationGroups = 3

// namesIn tells whether text names one of the people (by full or last name).
func namesIn(text string, names [2]string) bool {
	t := fold.String(text)
	for _, n := range names {
		fn := fold.String(n)
		if strings.Contains(t, fn) || lastWord(fn) != "" && strings.Contains(t, lastWord(fn)) {
			return true
		}
	}
	return false
}

// leadStates tells whether a lead speaks of the relation itself (its
// trigger words), not of a partner who has died ("his late wife", "since
// his wife Ruby's death": the marriage is background to what the lead
// tells).
func leadStates(text, predicate string) bool {
	if predicate == "married" && partnerDied.MatchString(text) {
		return false
	}
	for _, r := range relations {
		if r.predicate == predicate {
			return r.trigger.MatchString(text)
		}
	}
	return false
}

// partnerDied: a lead that tells of a death or a widowhood.
var partnerDied = regexp.MustCompile(`(?i)\b(late (?:wife|husband|partner)|death|died|passed away|widow(?:er|ed)?|lost (?:his|her) (?:wife|husband))\b`)

// namesBoth tells whether text names both people (by full or last name).
func namesBoth(text string, names [2]string) bool {
	return namesIn(text, [2]string{names[0], names[0]}) && namesIn(text, [2]string{names[1], names[1]})
}

// partiesOf returns the names of the story's people and organisations that
// the claim names: what they say about it counts as a party's word.
func partiesOf(v *news.StoryView, text string) []string {
	return newPartyIndex(v).of(text)
}

// partyIndex holds the folded names of a story's people and organisations,
// computed once for the many claims of a story, indexed by their first word.
type partyIndex struct {
	names   []string
	byFirst map[string][]partyForm
}

// partyForm is one name or alias of names[entity], as folded words.
type partyForm struct {
	entity int
	words  []string
}

func newPartyIndex(v *news.StoryView) partyIndex {
	ix := partyIndex{byFirst: map[string][]partyForm{}}
	for _, e := range v.Entities {
		if e.Type != news.PER && e.Type != news.ORG {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if ws := claimWords(n); len(strings.Join(ws, " ")) > 2 {
				ix.byFirst[ws[0]] = append(ix.byFirst[ws[0]], partyForm{len(ix.names), ws})
			}
		}
		ix.names = append(ix.names, e.Name)
	}
	return ix
}

// of returns the names the text names (one of their forms' words in a
// row), in the story's order of entities.
func (ix partyIndex) of(text string) []string {
	ws := claimWords(text)
	var hit []int
	for p, w := range ws {
		for _, f := range ix.byFirst[w] {
			if len(f.words) <= len(ws)-p && slices.Equal(ws[p:p+len(f.words)], f.words) && !slices.Contains(hit, f.entity) {
				hit = append(hit, f.entity)
			}
		}
	}
	slices.Sort(hit)
	var out []string
	for _, e := range hit {
		out = append(out, ix.names[e])
	}
	return out
}

// isParty tells whether a speaker is one of the parties or speaks for one
// ("X's representative").
func isParty(by string, parties []string) bool {
	for _, p := range parties {
		if authority(by, [2]string{p, p}) {
			return true
		}
	}
	return false
}

// claimWords are the folded words of s.
func claimWords(s string) []string {
	return strings.FieldsFunc(fold.String(s), claimWordSplitFunc)
}

// dropUnmatchedOpening takes off an opening quotation mark that nothing in
// s closes: "\"the Marines were conducting a raid" was cut from a longer
// quotation.
func dropUnmatchedOpening(s string) string {
	switch {
	case strings.HasPrefix(s, "\"") && strings.Count(s, "\"") == 1:
		return strings.TrimSpace(s[1:])
	case strings.HasPrefix(s, "“") && !strings.Contains(s, "”"):
		return strings.TrimSpace(s[len("“"):])
	}
	return s
}

// A lead that reports a denial ("X denies rumours that Y", "Reports that Y
// are false") answers a rumour: the claim to check is the rumour, which the
// lead denies. Checked as it was, "X denies rumours that Y: denied" reads as
// if the denial were false. "X denies rumours of a Y" names a thing, not
// what the rumour says of it, and stays as it is.
var (
	deniesReport = regexp.MustCompile(`(?i)^([^,;:]{2,100}?)\s+(?:has\s+|have\s+|had\s+)?(?:denie[sd]|deny|dismiss(?:es|ed)?|refute[sd]?|reject(?:s|ed)?|debunk(?:s|ed)?|quash(?:es|ed)?|sho(?:t|ots)\s+down|rubbish(?:es|ed))\s+` +
		`(?:(?:the|a|an|recent|latest|new|online|media|press|news|internet|social|viral|widespread)\s+){0,3}(` + rumourNouns + `)\s+(that)\s+(.{10,})$`)
	reportFalse = regexp.MustCompile(`(?i)^(?:the\s+)?(?:(?:recent|latest|online|media|press|news|internet|viral|widespread)\s+){0,2}(?:` + rumourNouns + `)\s+that\s+(.{10,}?)\s+(?:are|is|were|was|have\s+been|has\s+been)\s+(?:(?:completely|totally|entirely|simply|all)\s+)?` +
		`(?:false|untrue|not\s+true|wrong|baseless|unfounded|fake|a\s+hoax|nonsense|rubbish|inaccurate|incorrect|fabricated|made\s+up)\b`)
	leadPronoun = regexp.MustCompile(`(?i)^(?:he|she|it|they|his|her|its|their|him|them)\b`)
)

const rumourNouns = `(?i:rumou?rs?|reports?|claims?|speculation|allegations?|suggestions?|stories|story|talk)`

// rumourOfDenial returns the rumour a lead that reports its denial answers,
// and whether it is one: "A spokesman denied rumours that the king flew the
// jet" → "The king flew the jet"; "Reports that the port will close are
// false, the mayor says" → "The port will close". A rumour that opens with
// a pronoun ("…denies reports that it will close") is left as it is: who
// "it" is cannot be told safely.
func rumourOfDenial(s string) (string, bool) {
	var rest string
	if m := reportFalse.FindStringSubmatch(s); m != nil {
		rest = m[1]
	} else if m := deniesReport.FindStringSubmatch(s); m != nil {
		rest = m[4]
	} else {
		return s, false
	}
	rest = strings.TrimRight(strings.TrimSpace(rest), ".,;:!")
	if leadPronoun.MatchString(rest) || len(strings.Fields(rest)) < 3 {
		return s, false
	}
	r, size := utf8.DecodeRuneInString(rest)
	return string(unicode.ToUpper(r)) + rest[size:], true
}
