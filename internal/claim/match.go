package claim

import (
	"context"
	"hash/maphash"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/lru"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Matcher is the story stage that turns the articles' statements into
// claims: statements of independent outlets that say the same thing, in
// whatever words, become one claim with each source's stance. It runs after
// the claims stage (the main claim and relations come first) and before the
// status stage. Only claims carried by two independent sources or more, or
// stated by a party or an official and carried by another outlet, are kept.
type Matcher struct {
	// Similar, when set, scores whether two statements say the same thing
	// (a paraphrase model); without it, weighted word overlap decides.
	Similar Similarity
	// MaxClaims bounds the claims added (0: DefaultMaxClaims).
	MaxClaims int
	// Prepared, when set, keeps the model's analysis of statements across
	// rebuilds of a story (keyed by their text).
	Prepared *lru.Cache[string, any]
	// Probs, when set, keeps the model's probability of each pair compared.
	// Keyed by the hashes of the two texts, the smaller first.
	Probs *lru.Cache[[2]uint64, float64]
	// Cache, when set, keeps each article's statements ready for matching.
	Cache *Cache
}

// Similarity scores sentence pairs.
type Similarity interface {
	// Prepare analyses one text once, for comparing it with many others.
	Prepare(text string) any
	// Prob is the probability that two prepared texts say the same thing.
	Prob(a, b any) float64
	// Threshold is the probability from which two texts say the same thing.
	Threshold() float64
}

// DefaultMaxClaims is how many matched claims a story lists at most.
const DefaultMaxClaims = 12

// Matching limits: statements per article, words per statement, and how
// much word overlap two statements need to be compared at all.
const (
	maxStatementsPerArticle = 15
	minStatementWords       = 6
	maxStatementWords       = 60
	candidateOverlap        = 0.25 // weighted Dice before the paraphrase model is asked
	matchOverlap            = 0.5  // weighted Dice that decides without a model
	mainOverlap             = 0.35 // coverage of the main claim that makes a statement a retelling of it
	minSharedWords          = 2    // specific words two statements share to be compared
)

// numberPattern finds figures in a statement.
var numberPattern = regexp.MustCompile(`\d[\d,.]*`)

// item is one statement being matched.
type item struct {
	a      *news.Article
	st     news.Statement
	text   string
	words  map[string]bool
	nums   map[string]bool
	group  string
	prep   any
	parent int
	hash   uint64 // of text, for the cache of pairs

	// set for one build: the word ids (sorted), their weight, the group as an id
	ids   []int32
	total float64
	gid   int32
}

// pairable tells whether an item holds the specific words (found in at
// most maxDF items) that a pair needs in common: two copies of it would be
// paired.
func pairable(it *item, df []int, maxDF int) bool {
	n := 0
	for _, id := range it.ids {
		if df[id] <= maxDF {
			n++
		}
	}
	return n >= minSharedWords
}

// wordIDs gives each item its words as sorted ids, and its total weight: a
// word's weight is how few statements use it. Overlaps are then merges of
// two short lists, not map lookups. It returns the weights and document
// frequencies by id, and the same weights by word.
func wordIDs(items []*item) ([]float64, []int, storyWords) {
	vocab := map[string]int32{}
	var df []int
	for _, it := range items {
		it.ids = it.ids[:0]
		for w := range it.words {
			id, ok := vocab[w]
			if !ok {
				id = int32(len(df))
				vocab[w] = id
				df = append(df, 0)
			}
			df[id]++
			it.ids = append(it.ids, id)
		}
		slices.Sort(it.ids)
	}
	n := float64(len(items))
	weights := make([]float64, len(df))
	sw := storyWords{idf: make(map[string]float64, len(vocab))}
	for w, id := range vocab {
		weights[id] = math.Log(1 + n/float64(df[id]))
		sw.idf[w] = weights[id]
	}
	for _, it := range items {
		it.total = 0
		for _, id := range it.ids {
			it.total += weights[id]
		}
	}
	return weights, df, sw
}

// Build implements news.StoryStage.
func (m Matcher) Build(_ context.Context, v *news.StoryView, arts []*news.Article) error {
	groups := sourceGroups(v)
	var items []*item
	for _, a := range arts {
		for _, it := range m.Cache.reading(a).items {
			it.a, it.group = a, groups[a.ID]
			if it.group == "" {
				it.group = a.ID
			}
			items = append(items, &it)
		}
	}
	if len(items) < 2 {
		return nil
	}
	for i, it := range items {
		it.parent = i
	}
	weights, df, sw := wordIDs(items)
	gid := map[string]int32{}
	for _, it := range items {
		if _, ok := gid[it.group]; !ok {
			gid[it.group] = int32(len(gid))
		}
		it.gid = gid[it.group]
	}
	// Statements already part of the main claim are left to it.
	var mainWords map[string]bool
	var mainPrep any
	if len(v.Claims) > 0 && v.Claims[0].Main {
		mainWords = contentWords(v.Claims[0].Text)
		if m.Similar != nil {
			mainPrep = m.Similar.Prepare(v.Claims[0].Text)
		}
	}
	threshold := 0.0
	if m.Similar != nil {
		threshold = m.Similar.Threshold()
	}
	// Items with the same text (a wire story's sentence in each of its
	// copies) are one item for the pairs, as long as the model takes the
	// text for a paraphrase of itself: the copies in different groups would
	// be paired and joined, and each pair one of them makes with another
	// item, the first of them makes the same. The first stands for all;
	// cg is its copy group, or -1 when its copies span several, since two
	// items are paired unless they are of one group.
	dup := make([]bool, len(items))
	cg := make([]int32, len(items))
	first := make(map[string]int, len(items))
	copies := map[int][]int{} // the first of a text -> its later copies
	for i, it := range items {
		cg[i] = it.gid
		f, ok := first[it.text]
		if !ok {
			first[it.text] = i
			continue
		}
		if cg[f] != it.gid {
			cg[f] = -1
		}
		dup[i], it.parent = true, f
		copies[f] = append(copies[f], i)
	}
	maxDF := max(4, len(items)/20)
	for f, later := range copies {
		if cg[f] >= 0 || pairable(items[f], df, maxDF) && (m.Similar == nil || m.prob(items[f], items[f]) >= threshold) {
			continue
		}
		// a text too short or too common to be paired with anything, or
		// (never with the trained model) no paraphrase of itself: the
		// copies of each group stand alone, as before
		byGroup := map[int32]int{}
		for _, i := range append([]int{f}, later...) {
			g, ok := byGroup[items[i].gid]
			if !ok {
				byGroup[items[i].gid] = i
				dup[i], items[i].parent, cg[i] = false, i, items[i].gid
				continue
			}
			items[i].parent = g
		}
	}
	// Candidates share at least two specific words: an inverted index over
	// the words found in few statements (very common words would make
	// every pair a candidate).
	index := make([][]int32, len(weights))
	common := make([]float64, len(items)) // weight of each item's words left out of the index
	for i, it := range items {
		if dup[i] {
			continue
		}
		for _, id := range it.ids {
			if df[id] <= maxDF {
				index[id] = append(index[id], int32(i))
			} else {
				common[i] += weights[id]
			}
		}
	}
	find := func(i int) int {
		for items[i].parent != i {
			items[i].parent = items[items[i].parent].parent
			i = items[i].parent
		}
		return i
	}
	// Items are visited in order, so each word's postings before the
	// cursor are earlier items: the pairs (i, j > i) are what follows i.
	cursor := make([]int32, len(index))
	shared := make([]int, len(items))
	sharedW := make([]float64, len(items)) // weight of the indexed words shared
	var touched []int
	for i, it := range items {
		if dup[i] {
			continue
		}
		touched = touched[:0]
		for _, id := range it.ids {
			if df[id] > maxDF {
				continue
			}
			cursor[id]++ // past i itself
			w := weights[id]
			for _, j := range index[id][cursor[id]:] {
				if shared[j] == 0 {
					touched = append(touched, int(j))
				}
				shared[j]++
				sharedW[j] += w
			}
		}
		for _, j := range touched {
			n, w := shared[j], sharedW[j]
			shared[j], sharedW[j] = 0, 0
			o := items[j]
			if n < minSharedWords || cg[i] >= 0 && cg[i] == cg[j] {
				continue
			}
			// The words not indexed add at most the lighter item's share of
			// them: a bound on the overlap, so that most pairs need no merge.
			total := it.total + o.total
			if 2*(w+min(common[i], common[j])) < candidateOverlap*total*(1-1e-9) || find(i) == find(j) {
				continue
			}
			d := weightedDice(it.ids, o.ids, weights, total)
			if d < candidateOverlap || !numbersAgree(it.nums, o.nums) {
				continue
			}
			same := d >= matchOverlap
			if m.Similar != nil {
				same = m.prob(it, o) >= threshold
			}
			if same {
				items[find(j)].parent = find(i)
			}
		}
	}
	partyIx := newPartyIndex(v)
	clusters := map[int][]*item{}
	var roots []int
	for i := range items {
		r := find(i)
		if _, ok := clusters[r]; !ok {
			roots = append(roots, r)
		}
		clusters[r] = append(clusters[r], items[i])
	}
	type scored struct {
		claim  news.Claim
		groups int
	}
	var out []scored
	for _, r := range roots {
		members := clusters[r]
		gs := map[string]bool{}
		for _, it := range members {
			gs[it.group] = true
		}
		if len(gs) < 2 {
			continue
		}
		rep := representative(members, weights)
		// A forecast is no claim: what will happen cannot be confirmed yet,
		// no line rather than a wrong status.
		prop := m.Cache.proposition(rep.text)
		text := prop.text
		if !prop.ok || mainWords != nil && sw.covered(mainWords, rep.words) >= mainOverlap {
			continue
		}
		if mainPrep != nil && m.Similar.Prob(mainPrep, m.prepare(rep.text)) >= threshold {
			continue // the main claim again, in other words
		}
		parties := partyIx.of(text)
		c := news.Claim{ID: "c" + news.IDFor("match|" + v.ID + "|" + text)[:10], Text: text, Kind: "statement", Stances: []news.StanceEntry{}}
		own := prop.own
		sort.SliceStable(members, func(i, j int) bool { return earlier(members[i].a, members[j].a) })
		for _, it := range members {
			voice, by := it.st.Voice, it.st.By
			if by != "" && it.st.Kind != "assertion" {
				if by = stanceSpeaker(it.st); by == "" {
					voice = news.VoiceOutlet // a source phrase that names nobody: the outlet's words
				}
			}
			if voice == "" {
				voice = news.VoiceOutlet
			}
			if by != "" {
				voice = voiceOf(by, voice) // "a Kurdish official" is an anonymous source, "the report" no one's in particular
			}
			if by != "" && isParty(by, parties) {
				voice = news.VoiceParty
			}
			st := memberStance(it.a, it.st, own)
			c.Stances = append(c.Stances, news.StanceEntry{ArticleID: it.a.ID, Stance: st, By: by, Voice: voice,
				Text: clipText(it.st.Span.Text(it.a.Text), 300), Citations: []news.Citation{news.Cite(it.a.ID, it.st.Span)}})
		}
		c.Stances = news.OwnWordsAside(c.Stances)
		out = append(out, scored{c, len(gs)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].groups > out[j].groups })
	limit := m.MaxClaims
	if limit == 0 {
		limit = DefaultMaxClaims
	}
	for i, s := range out {
		if i == limit {
			break
		}
		v.Claims = append(v.Claims, s.claim)
	}
	return nil
}

// matchItems returns the statements of a that can be matched into claims.
func matchItems(a *news.Article) []item {
	var out []item
	for _, st := range a.Statements {
		// Direct and mixed quotes are the quotes section's: a claim is a
		// proposition, matched however it is worded.
		if st.Kind == "" || st.Kind == "direct" || st.Kind == "mixed" || st.Unsaid || st.Voice == news.VoiceFans ||
			len(out) >= maxStatementsPerArticle || inSocial(a, st.Content) {
			continue
		}
		if st.Kind != "assertion" && intentionCue(a, st) {
			// "Amazon plans to open…": the outlet's account of a plan
			st.Kind, st.By, st.ByKey, st.Voice, st.Content = "assertion", "", "", news.VoiceOutlet, st.Span
		}
		text := strings.TrimSpace(st.Content.Text(a.Text))
		if st.Kind != "assertion" && st.By != "" && stanceSpeaker(st) == "" {
			// a source phrase that names nobody ("A press conference about
			// the lawsuit is set for…"): the sentence is the outlet's own
			text = strings.TrimSpace(st.Span.Text(a.Text))
		}
		if strings.ContainsAny(text, "\"“”") || openingSingleQuote.MatchString(text) || closingSingleQuote.MatchString(text) {
			continue
		}
		if w := len(strings.Fields(text)); w < minStatementWords || w > maxStatementWords || strings.Contains(text, "(@") && embedCredit.MatchString(text) ||
			mayAppeal(text) && appeal.MatchString(text) || strings.Contains(text, "omment") && commentRequest.MatchString(text) {
			continue
		}
		out = append(out, item{st: st, text: text, words: contentWords(text), nums: numbers(text),
			hash: maphash.String(textSeed, text)})
	}
	return out
}

// prob is the model's probability that two statements say the same thing,
// through the cache of pairs when there is one.
func (m Matcher) prob(x, y *item) float64 {
	var key [2]uint64
	if m.Probs != nil {
		key = [2]uint64{min(x.hash, y.hash), max(x.hash, y.hash)}
		if p, ok := m.Probs.Get(key); ok {
			return p
		}
	}
	if x.prep == nil {
		x.prep = m.prepare(x.text)
	}
	if y.prep == nil {
		y.prep = m.prepare(y.text)
	}
	p := m.Similar.Prob(x.prep, y.prep)
	if m.Probs != nil {
		m.Probs.Add(key, p, 48)
	}
	return p
}

// textSeed seeds the hashes of statements' texts (in-process caches only).
var textSeed = maphash.MakeSeed()

// prepare analyses a statement for the model, through the cache when there is one.
func (m Matcher) prepare(text string) any {
	if m.Prepared == nil {
		return m.Similar.Prepare(text)
	}
	if p, ok := m.Prepared.Get(text); ok {
		return p
	}
	p := m.Similar.Prepare(text)
	m.Prepared.Add(text, p, preparedSize+len(text))
	return p
}

// preparedSize is about what one prepared statement holds besides its text.
const preparedSize = 1024

// weightedDice is twice the weight of the ids two sorted lists share over
// the weight of both.
func weightedDice(a, b []int32, w []float64, total float64) float64 {
	if total == 0 {
		return 0
	}
	both := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			both += 2 * w[a[i]]
			i++
			j++
		}
	}
	return both / total
}

// representative is the member whose words the others share most: the
// claim's wording. Scores within scoreTie of each other are equal, and the
// first member wins, so that a story rebuilt from the same articles reads
// the same. The members' ids and totals are wordIDs'.
func representative(members []*item, weights []float64) *item {
	scores := make([]float64, len(members))
	for i, it := range members {
		for j := i + 1; j < len(members); j++ {
			o := members[j]
			d := weightedDice(it.ids, o.ids, weights, it.total+o.total)
			scores[i] += d
			scores[j] += d
		}
	}
	best, bestScore := members[0], -1.0
	for i, it := range members {
		if scores[i] > bestScore+scoreTie {
			best, bestScore = it, scores[i]
		}
	}
	return best
}

// scoreTie is how close two sums of word weights are to be the same sum.
const scoreTie = 1e-9

// numbers returns the figures of a text, without separators.
func numbers(s string) map[string]bool {
	out := map[string]bool{}
	for _, n := range numberPattern.FindAllString(s, -1) {
		n = strings.TrimRight(strings.ReplaceAll(n, ",", ""), ".")
		if n != "" {
			out[n] = true
		}
	}
	return out
}

// numbersAgree tells whether two statements' figures can be the same
// claim: when both state figures, they share one. Different figures for the
// same thing are a contradiction for the contradictions stage, not one claim.
func numbersAgree(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for n := range a {
		if b[n] {
			return true
		}
	}
	return false
}

// toldThat is the rest of an attribution left at the start of a content:
// "the Associated Press that ...", "reporters on Monday that ...".
var toldThat = regexp.MustCompile(`^(?:[\w.'’&-]+\s+){1,6}?that\s+`)

// dropToldThat takes toldThat off the start of s, unless its "that" is a
// determiner after a preposition: "At some point shortly after that call,
// someone…" keeps its words.
func dropToldThat(s string) string {
	loc := toldThat.FindStringIndex(s)
	if loc == nil {
		return s
	}
	words := strings.Fields(s[:loc[1]])
	if len(words) >= 2 && prepositionBeforeThat[strings.ToLower(words[len(words)-2])] {
		return s
	}
	return s[loc[1]:]
}

// prepositionBeforeThat make the "that" after them a determiner.
var prepositionBeforeThat = map[string]bool{"after": true, "before": true, "since": true, "at": true, "of": true,
	"in": true, "on": true, "for": true, "with": true, "like": true, "by": true, "from": true, "to": true, "about": true,
	"during": true, "until": true, "into": true, "over": true, "under": true, "all": true}

// nonClauseStart words open a phrase, not a clause: "of the efforts to",
// "to have the blessing", "holding a hostage".
var nonClauseStart = map[string]bool{"of": true, "to": true, "for": true, "with": true, "from": true, "in": true,
	"on": true, "at": true, "by": true, "about": true, "as": true, "into": true, "over": true, "after": true,
	"before": true, "during": true, "while": true, "against": true, "that": true, "which": true, "who": true,
	"whether": true, "if": true, "how": true, "what": true, "why": true, "when": true, "where": true,
	// connectives and subordinators: what follows leans on another clause
	"since": true, "because": true, "although": true, "though": true, "unless": true, "until": true,
	"once": true, "and": true, "but": true, "or": true, "so": true, "also": true, "yet": true,
	// verb particles: the content of a phrasal verb cut after its verb ("ruled [out future talks]")
	"out": true, "off": true, "up": true, "down": true, "away": true, "back": true,
	// courtesies and commands to the reader: no statement of fact ("Thank you for contacting us, have a great day")
	"thank": true, "thanks": true, "please": true, "sorry": true, "hello": true, "hi": true, "dear": true,
	"welcome": true, "congratulations": true, "click": true, "subscribe": true}

// clauseStart tells whether a text opens like a clause with a subject a
// reader can identify: not a preposition, a gerund, a bare verb ("was
// announced by"), or a pronoun whose referent is in another sentence ("he
// would not release").
func clauseStart(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	if f[0] == "'" || f[0] == "‘" {
		return false // a stray quotation mark: the text was cut inside a quotation
	}
	w := strings.ToLower(strings.Trim(f[0], `"'“”‘’()[],.;:!?`))
	// a noun phrase then a subject pronoun: the phrase was the object of a
	// verb left out ("[told] local media they heard a blast")
	for i := 1; i <= 2 && i < len(f); i++ {
		if p := strings.ToLower(f[i]); (p == "they" || p == "he" || p == "she" || p == "we" || p == "i") &&
			!strings.HasSuffix(f[i-1], ",") && !timeStart[w] && !verbBefore(f[i-1]) {
			return false
		}
	}
	if w == "there" && len(f) > 1 && existentialBe[strings.ToLower(f[1])] {
		return true // "There are several hundred species…"
	}
	return !nonClauseStart[w] && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") && !auxiliaries[w] && !pronouns[w] &&
		!objectPronouns[w] && !pastForms[w] && w != "this" && w != "these" && w != "those" && w != "there"
}

// postModifiers follow a plural noun to describe it ("U.S. officials
// familiar with the reports", "sources close to the family"), never a verb.
var postModifiers = map[string]bool{"familiar": true, "close": true, "involved": true, "responsible": true,
	"aware": true, "briefed": true, "based": true, "linked": true, "loyal": true}

// existentialBe follow "there" when it opens a clause ("there are", "there
// has been"), not when it is a place a cut text went to ("[went] there to").
var existentialBe = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true}

// verbBefore reports a verb before a subject pronoun ("Rosenberg said she
// had…"): the pronoun opens the verb's object clause.
func verbBefore(w string) bool {
	w = strings.ToLower(w)
	return pastForms[w] || strings.HasSuffix(w, "ed") || w == "says" || w == "say" || w == "thinks" ||
		w == "believes" || w == "claims" || w == "insists" || w == "argues" || w == "fears" || w == "hopes"
}

// timeStart words may open a clause before its subject ("Yesterday they
// said").
var timeStart = map[string]bool{"yesterday": true, "today": true, "now": true, "then": true, "later": true,
	"earlier": true, "tonight": true, "recently": true, "instead": true}

// objectPronouns and pastForms open no clause: the text was cut after the
// verb or the subject ("[told] him it was a bite", "[residents] thought a
// quake caused").
var (
	objectPronouns = map[string]bool{"him": true, "her": true, "them": true, "me": true, "us": true}
	pastForms      = map[string]bool{"thought": true, "said": true, "told": true, "found": true, "made": true,
		"took": true, "saw": true, "felt": true, "heard": true, "knew": true, "gave": true, "got": true, "went": true,
		"came": true, "became": true, "kept": true, "held": true, "brought": true, "sent": true, "spent": true,
		"built": true, "met": true, "ran": true, "began": true, "wrote": true, "spoke": true, "believed": true}
)

// forecast marks a claim about what will or may happen.
var forecast = regexp.MustCompile(`(?i)\b(will|would|could|may|might|shall|going to|plans? to|planning to|set to|expected to|likely to|about to)\b`)

// auxiliaries and copulas: a claim holds a finite verb.
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "may": true, "might": true, "should": true,
	"must": true, "did": true, "does": true, "do": true, "be": true, "been": true}

// gerundOpeners put a gerund phrase inside a clause ("spent a month in
// rehab after being arrested").
var gerundOpeners = map[string]bool{"after": true, "before": true, "since": true, "for": true, "without": true,
	"despite": true, "while": true, "by": true, "of": true, "about": true, "from": true, "on": true}

// sayingWords are participles of saying.
var sayingWords = map[string]bool{"saying": true, "claiming": true, "reporting": true, "suggesting": true, "adding": true,
	"noting": true, "insisting": true, "arguing": true, "warning": true, "announcing": true, "stating": true}

// hasVerb tells whether a text looks like a clause: an auxiliary or modal;
// a word in -ed after a word that does not open a phrase (not "of detained
// extremists", "the abducted"); or a word in -s after a name or pronoun
// ("Apple plans", "he says"). A bare noun phrase ("the release of the
// girls", "his candidacy for elections") is no claim.
func hasVerb(s string) bool {
	// The main clause's verb comes before any relative clause: "an
	// Instagram story where the duo posed" has none.
	if loc := relativeWord.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	// and outside an aside between dashes ("The film - starring X - is
	// due"), before a dash left alone or a "but"/"and" going on without a
	// subject: "The first attack by witnesses - but have yet to trace" and
	// "Incidents as linked, and are appealing" have none
	s = dashAside.ReplaceAllString(s, " ")
	if loc := secondClause.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	prev := ""
	fields := strings.Fields(s)
	for i, f := range fields {
		w := strings.Trim(f, `"'“”‘’()[],.;:!?`)
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		if i > 0 && auxiliaries[lw] {
			return true
		}
		if i > 0 && sayingWords[lw] && prev != "" && prev[0] >= 'A' && prev[0] <= 'Z' {
			// a participle of saying where the verb should be: "The Defense
			// Ministry saying the aide had been killed" is a phrase, and the
			// verbs after it are what was said
			return false
		}
		if (lw == "being" || lw == "having") && !gerundOpeners[strings.ToLower(prev)] {
			prev = "" // "Scorpions being used against…": a participle, no verb ("after being arrested" keeps its -ed)
			continue
		}
		if i > 0 && prev != "" && w[0] >= 'a' && w[0] <= 'z' && len(w) > 3 {
			opens := phraseOpener[strings.ToLower(prev)] || prev[0] >= '0' && prev[0] <= '9'
			switch {
			case strings.HasSuffix(w, "ed") && !opens && !(i+1 < len(fields) && strings.ToLower(fields[i+1]) == "as"):
				// not "The woman identified as Saja…", "a group known as…":
				// a participle before "as" names, it tells nothing done
				return true
			case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !opens &&
				(prev[0] >= 'A' && prev[0] <= 'Z' || pronouns[strings.ToLower(prev)]) &&
				(i+1 == len(fields) || !phraseOpener[strings.ToLower(fields[i+1])] || strings.ToLower(fields[i+1]) == "to") &&
				(i+1 == len(fields) || !postModifiers[strings.ToLower(fields[i+1])]):
				// "Apple plans to", not "Anonymous sources in a hospital"
				return true
			}
		}
		prev = w
	}
	return false
}

// openingSingleQuote is a single quotation mark that opens a quote (an
// apostrophe stands inside a word).
var openingSingleQuote = regexp.MustCompile(`(?:^|[\s:(])['‘]\w`)

// closingSingleQuote is a single quotation mark that closes a quote: right
// after the quote's punctuation, where an apostrophe never stands. A
// sentence holding one is the end of a quote opened before it ("…despite
// being a woman.’").
var closingSingleQuote = regexp.MustCompile(`[.,!?…]['’](?:\s|$)`)

// relativeWord opens a relative or subordinate clause ("Injuries because
// the impact was…" has no main verb).
var relativeWord = regexp.MustCompile(`\b(where|who|whom|whose|which|when|while|whereby|because|if|although|though|unless|whether)\b`)

// dashAside is an aside between two dashes; secondClause a dash, or a
// "but" or "and" followed by a verb without its subject.
var (
	dashAside    = regexp.MustCompile(`\s[-–—]+\s[^-–—]*\s[-–—]+\s`)
	secondClause = regexp.MustCompile(`\s[-–—]+\s|\b(?:but|and)\s+(?:have|has|had|are|is|was|were|will|would|can|could|did|do|does)\b`)
)

// phraseOpener words open a noun or prepositional phrase.
var phraseOpener = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "in": true, "on": true,
	"to": true, "with": true, "by": true, "from": true, "and": true, "or": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "your": true, "my": true, "this": true, "that": true, "these": true, "those": true,
	"some": true, "many": true, "more": true, "than": true, "all": true, "newly": true, "recently": true, "as": true,
	"at": true}

// pronouns that can be a clause's subject.
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"who": true, "which": true, "that": true}

// noOrNever is a negation by a determiner or an adverb: "there were no
// indications", "he never met her".
var noOrNever = regexp.MustCompile(`(?i)\b(no|never|none|nobody|nothing)\b`)

// calledFalse tells whether a sentence the statement stage read as a debunk
// calls something false when its debunk words are read in context: "the
// fake Banksy posts are low-resolution" calls nothing false.
func calledFalse(sent string) bool {
	return debunkIn(sent, strings.ToLower(sent)) != debunkNone || otherVerdict.MatchString(sent)
}

// otherVerdict are verdicts debunkIn does not read: "a lie", "a myth".
var otherVerdict = regexp.MustCompile(`(?i)\b(a|the|these|those|such|outright|complete|total|big|blatant)\s+lies?\b|\bmyths?\b|\b(mis|dis)information\b|\bfalsehoods?\b`)

// appeal is a call for information, no claim: "Anyone with information is
// asked to contact the helpline on 0300…".
var appeal = regexp.MustCompile(`(?i)\banyone (?:with|who has) (?:any )?information\b|\b(?:is|are) (?:being )?(?:asked|urged|encouraged) to (?:contact|call|ring|phone|email)\b`)

// commentRequest is the outlet's account of asking for comment, no claim:
// "Mic has reached out to Lego for comment", "There was no immediate comment
// from Washington", "X could not be reached for comment".
var commentRequest = regexp.MustCompile(`(?i)\b(?:for (?:a |further |immediate )?comments?|(?:no|without) (?:immediate |further )?comments?|requests? for comments?|declined to comment|not (?:immediately )?commenting|no comments?)\b`)

// mayAppeal is appeal's cheap test first.
func mayAppeal(s string) bool {
	return strings.Contains(s, "nformation") || strings.Contains(s, "sked to") || strings.Contains(s, "rged to") ||
		strings.Contains(s, "ncouraged to")
}

// ownVerdict is the verdict a key fact's own words hold: "MSNBC.website
// pulled a death hoax" (debunk), "there were no indications he was ill"
// (deny).
type ownVerdict struct{ debunk, deny bool }

func ownVerdictOf(text string) ownVerdict {
	low := strings.ToLower(text)
	return ownVerdict{debunk: debunkIn(text, low) == debunkSure,
		deny: hasAny(low, denyKeys) && denyWords.MatchString(text) || negatesAnything(text)}
}

// negatesAnything tells whether s negates a verb or holds "no", "never"…
func negatesAnything(s string) bool { return negatedVerb.MatchString(s) || noOrNever.MatchString(s) }

// memberStance is a matched statement's stance toward the key fact whose
// own verdict is own. A member saying what the key fact's words say states
// it, it does not call it false; a verdict in the cue ("officials have
// denied that …") is the speaker's on the key fact, whatever its words hold,
// unless it denies the positive of a key fact that is itself negated ("Lin
// denied any part had been staged" states "None of the videos were
// staged").
func memberStance(a *news.Article, st news.Statement, own ownVerdict) news.Stance {
	switch st.Stance {
	case "":
		return news.Asserts
	case news.Debunks, news.Denies:
	default:
		return st.Stance
	}
	cue := st.Cue.Text(a.Text)
	cueDenies := cue != "" && (denyWords.MatchString(cue) || debunkIn(cue, strings.ToLower(cue)) != debunkNone)
	switch {
	case cueDenies && st.Stance == news.Denies && own.deny && !negatesAnything(st.Content.Text(a.Text)):
		return news.Asserts
	case cueDenies:
		return st.Stance
	case st.Stance == news.Debunks && (own.debunk || !calledFalse(st.Span.Text(a.Text))),
		st.Stance == news.Denies && own.deny:
		return news.Asserts
	}
	return st.Stance
}
