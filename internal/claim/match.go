package claim

import (
	"context"
	"regexp"
	"sort"
	"strings"

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
	maxStatementsPerArticle = 30
	minStatementWords       = 6
	maxStatementWords       = 60
	candidateOverlap        = 0.25 // weighted Dice before the paraphrase model is asked
	matchOverlap            = 0.5  // weighted Dice that decides without a model
	mainOverlap             = 0.5  // coverage of the main claim that makes a statement part of it
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
}

// Build implements news.StoryStage.
func (m Matcher) Build(_ context.Context, v *news.StoryView, arts []*news.Article) error {
	groups := sourceGroups(v)
	var items []*item
	for _, a := range arts {
		n := 0
		for _, st := range a.Statements {
			if st.Kind == "" || st.Voice == news.VoiceFans || n >= maxStatementsPerArticle || inSocial(a, st.Content) {
				continue
			}
			text := strings.TrimSpace(st.Content.Text(a.Text))
			if w := len(strings.Fields(text)); w < minStatementWords || w > maxStatementWords {
				continue
			}
			n++
			it := &item{a: a, st: st, text: text, words: contentWords(text), nums: numbers(text), group: groups[a.ID]}
			if it.group == "" {
				it.group = a.ID
			}
			items = append(items, it)
		}
	}
	if len(items) < 2 {
		return nil
	}
	bags := make([]map[string]bool, len(items))
	for i, it := range items {
		bags[i] = it.words
		it.parent = i
	}
	sw := newStoryWords(bags)
	// Statements already part of the main claim are left to it.
	var mainWords map[string]bool
	if len(v.Claims) > 0 && v.Claims[0].Main {
		mainWords = contentWords(v.Claims[0].Text)
	}
	// Candidates share a specific word: an inverted index over the words
	// rarer than in half the statements.
	index := map[string][]int{}
	for i, it := range items {
		for w := range it.words {
			if sw.weight(w) > 0.7 {
				index[w] = append(index[w], i)
			}
		}
	}
	var find func(int) int
	find = func(i int) int {
		for items[i].parent != i {
			items[i].parent = items[items[i].parent].parent
			i = items[i].parent
		}
		return i
	}
	threshold := 0.0
	if m.Similar != nil {
		threshold = m.Similar.Threshold()
	}
	for i, it := range items {
		seen := map[int]bool{}
		for w := range it.words {
			for _, j := range index[w] {
				if j <= i || seen[j] {
					continue
				}
				seen[j] = true
				o := items[j]
				if o.group == it.group || find(i) == find(j) {
					continue
				}
				d := sw.dice(it.words, o.words)
				if d < candidateOverlap || !numbersAgree(it.nums, o.nums) {
					continue
				}
				same := d >= matchOverlap
				if m.Similar != nil {
					if it.prep == nil {
						it.prep = m.Similar.Prepare(it.text)
					}
					if o.prep == nil {
						o.prep = m.Similar.Prepare(o.text)
					}
					same = m.Similar.Prob(it.prep, o.prep) >= threshold
				}
				if same {
					items[find(j)].parent = find(i)
				}
			}
		}
	}
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
		rep := representative(members, sw)
		text := cleanProposition(rep.text)
		if !claimLike(text) || mainWords != nil && sw.covered(mainWords, rep.words) >= mainOverlap {
			continue
		}
		parties := partiesOf(v, text)
		c := news.Claim{ID: "c" + news.IDFor("match|" + v.ID + "|" + text)[:10], Text: text, Stances: []news.StanceEntry{}}
		sort.SliceStable(members, func(i, j int) bool { return earlier(members[i].a, members[j].a) })
		for _, it := range members {
			voice := it.st.Voice
			if voice == "" {
				voice = news.VoiceOutlet
			}
			if it.st.By != "" && isParty(it.st.By, parties) {
				voice = news.VoiceParty
			}
			st := it.st.Stance
			if st == "" {
				st = news.Asserts
			}
			c.Stances = append(c.Stances, news.StanceEntry{ArticleID: it.a.ID, Stance: st, By: it.st.By, Voice: voice,
				Text: clipText(it.st.Span.Text(it.a.Text), 300), Citations: []news.Citation{news.Cite(it.a.ID, it.st.Span)}})
		}
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

// representative is the member whose words the others share most: the
// claim's wording.
func representative(members []*item, sw storyWords) *item {
	best, bestScore := members[0], -1.0
	for _, it := range members {
		score := 0.0
		for _, o := range members {
			if o != it {
				score += sw.dice(it.words, o.words)
			}
		}
		if score > bestScore {
			best, bestScore = it, score
		}
	}
	return best
}

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
