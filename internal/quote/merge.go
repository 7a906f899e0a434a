package quote

import (
	"context"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/lru"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Merger is the story stage that fills v.Quotes: the same words carried by
// several articles (in full, trimmed, with bracketed insertions, spelling
// changes or light rewording) become one news.Quote with a carrier per
// article. Articles come ordered by publication date, so the first carrier
// is the first to publish; speakers are linked to v.Entities by name.
type Merger struct {
	// Cache, when set, keeps each article's quotes ready for merging
	// across rebuilds of a story.
	Cache *Cache
}

var _ news.StoryStage = Merger{}

// Cache keeps the words of recently merged articles' quotes, by article
// id and content, within a bound in bytes; safe for concurrent use.
type Cache struct {
	c *lru.Cache[string, []prepared]
	// diffs keeps how a carrier's wording differs from the first
	// carrier's (diffWords), by the hashes of the two texts.
	diffs *lru.Cache[[2]uint64, string]
	seed  maphash.Seed
}

// NewCache returns a cache holding about maxBytes of prepared quotes, and
// an eighth of that again of wording differences.
func NewCache(maxBytes int) *Cache {
	return &Cache{c: lru.New[string, []prepared](maxBytes), diffs: lru.New[[2]uint64, string](maxBytes / 8),
		seed: maphash.MakeSeed()}
}

// diff is diffWords(a, b), from the cache when it holds it.
func (c *Cache) diff(a, b string) string {
	if c == nil {
		return diffWords(a, b)
	}
	k := [2]uint64{maphash.String(c.seed, a), maphash.String(c.seed, b)}
	if d, ok := c.diffs.Get(k); ok {
		return d
	}
	d := diffWords(a, b)
	c.diffs.Add(k, d, len(d)+48)
	return d
}

// prepared is one quote's words, as merging compares them.
type prepared struct {
	words  []string
	set    map[string]bool
	joined string // " w1 w2 ... wn "
	tell   int    // how many telling words (indexWords)
}

// quotesOf prepares the quotes of a, one per a.Quotes (no words for a quote
// without any), through the cache when there is one.
func (c *Cache) quotesOf(a *news.Article) []prepared {
	key := a.ID + "/" + a.ContentHash
	if c != nil && a.ContentHash != "" {
		if p, ok := c.c.Get(key); ok && len(p) == len(a.Quotes) {
			return p
		}
	}
	out := make([]prepared, len(a.Quotes))
	size := 64
	for i, q := range a.Quotes {
		w := normWords(q.Text)
		if len(w) == 0 {
			continue
		}
		p := prepared{words: w, set: wordSet(w), joined: " " + strings.Join(w, " ") + " "}
		p.tell = len(indexWords(&variant{set: p.set}))
		out[i] = p
		size += 3*len(p.joined) + 48*len(w) + 64
	}
	if c != nil && a.ContentHash != "" {
		c.c.Add(key, out, size)
	}
	return out
}

// variant is one article's quote while merging.
type variant struct {
	art    *news.Article
	q      news.QuoteMention
	words  []string
	set    map[string]bool
	joined string // " w1 w2 ... wn "
	tell   int    // how many telling words (indexWords)
}

// Build merges the quotes of articles into v.Quotes, replacing them.
func (m Merger) Build(ctx context.Context, v *news.StoryView, articles []*news.Article) error {
	var groups [][]*variant
	// byWord indexes each group by the words of its first variant: a quote
	// can only match a group it shares a word with, so the merge does not
	// compare every quote with every group.
	byWord := map[string][]int{}
	var indexed []*variant // the variant each group is indexed by
	var sc counter
	for _, a := range articles {
		if err := ctx.Err(); err != nil {
			return err
		}
		preps := m.Cache.quotesOf(a)
		for qi, q := range a.Quotes {
			p := preps[qi]
			if len(p.words) == 0 {
				continue
			}
			vr := &variant{art: a, q: q, words: p.words, set: p.set, joined: p.joined, tell: p.tell}
			placed := false
			cands, shared := candidates(byWord, vr, len(groups), &sc)
			for k, gi := range cands {
				g := groups[gi]
				if g[0] == indexed[gi] && shared != nil && !canShare(g[0], vr, shared[k]) {
					continue // too few telling words in common to be the same quote
				}
				if !sameQuote(g[0], vr) || nestedPair(g, vr) {
					continue
				}
				// a quote repeated inside one article stays one carrier: the
				// attributed or fuller variant
				if k := indexOfArticle(g, a); k < 0 {
					groups[gi] = append(g, vr)
				} else if better(vr, g[k]) {
					g[k] = vr
				}
				placed = true
				break
			}
			if !placed {
				keys := indexWords(vr)
				if len(keys) == 0 {
					keys = []string{""} // no telling word: always a candidate
				}
				for _, word := range keys {
					byWord[word] = append(byWord[word], len(groups))
				}
				groups = append(groups, []*variant{vr})
				indexed = append(indexed, vr)
			}
		}
	}
	ents := newEntityIndex(v)
	v.Quotes = v.Quotes[:0]
	if v.Quotes == nil {
		v.Quotes = []news.Quote{}
	}
	for _, g := range groups {
		v.Quotes = append(v.Quotes, buildQuote(v, g, ents, m.Cache))
	}
	return nil
}

// indexWords are a variant's words of four letters or more: two variants of
// one quote always share one (they share 80% of the shorter's words, or all
// of them), unless neither has any.
func indexWords(vr *variant) []string {
	var out []string
	for w := range vr.set {
		if len(w) >= 4 && !commonWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// commonWords are too frequent to tell quotes apart: indexing them would
// make every quote a candidate for every other.
var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`that this with have they from what were been their there would about
		which when will your them then than just like more some into only also very know think want
		because could should really said says going being after before other these those where while
		over much even back still well make made dont cant didnt thats its time people year years`) {
		m[w] = true
	}
	return m
}()

// candidates lists, in group order, the groups sharing a telling word with
// vr, and those without telling words; shared counts the telling words
// each shares with vr (nil when vr has none: every group is listed).
func candidates(byWord map[string][]int, vr *variant, groups int, sc *counter) (out, shared []int) {
	keys := indexWords(vr)
	if len(keys) == 0 { // only short words: any group may hold them
		out := make([]int, groups)
		for i := range out {
			out[i] = i
		}
		return out, nil
	}
	sc.query++
	for len(sc.stamp) < groups {
		sc.stamp, sc.count = append(sc.stamp, 0), append(sc.count, 0)
	}
	for _, w := range append(keys, "") {
		for _, gi := range byWord[w] {
			if sc.stamp[gi] != sc.query {
				sc.stamp[gi], sc.count[gi] = sc.query, 0
				out = append(out, gi)
			}
			if w != "" {
				sc.count[gi]++
			}
		}
	}
	sort.Ints(out)
	shared = make([]int, len(out))
	for k, gi := range out {
		shared[k] = sc.count[gi]
	}
	return out, shared
}

// counter counts the telling words each group shares with one quote, for
// candidates: a group's count is valid when its stamp is the query's.
type counter struct {
	query        int
	stamp, count []int
}

// canShare reports whether two variants sharing n telling words (of four
// letters or more, not common) can be one quote for sameQuote: the shorter
// one's words are all in the longer one, or all but a fifth, so all its
// telling words but at most a fifth of its words are shared. It is false
// only where sameQuote is false.
func canShare(a, b *variant, n int) bool {
	bound := func(x *variant) bool { return 5*n >= 5*x.tell-len(x.set) }
	return bound(a) || bound(b)
}

// indexOfArticle returns the index of a's variant in g, or -1.
func indexOfArticle(g []*variant, a *news.Article) int {
	for i, vr := range g {
		if vr.art == a {
			return i
		}
	}
	return -1
}

// better prefers a variant with its own cue, then the longer one.
func better(a, b *variant) bool {
	if (a.q.Cue != "") != (b.q.Cue != "") {
		return a.q.Cue != ""
	}
	return len(a.words) > len(b.words)
}

func wordSet(w []string) map[string]bool {
	m := make(map[string]bool, len(w))
	for _, x := range w {
		m[x] = true
	}
	return m
}

// sameQuote reports whether two variants carry the same words: one holds
// the other (a trimmed carrier), or most of the shorter one's words appear
// in the longer one (light rewording). Short quotes must match exactly.
func sameQuote(a, b *variant) bool {
	short, long := a, b
	if len(short.words) > len(long.words) {
		short, long = long, short
	}
	if len(short.words) < 3 {
		return short.joined == long.joined
	}
	if strings.Contains(long.joined, short.joined) {
		return true
	}
	in := 0
	for w := range short.set {
		if long.set[w] {
			in++
		}
	}
	return len(short.set) >= 4 && float64(in) >= 0.8*float64(len(short.set))
}

// buildQuote makes one news.Quote of a group of variants, first carrier first.
func buildQuote(v *news.StoryView, g []*variant, ents *entityIndex, cache *Cache) news.Quote {
	first := g[0]
	q := news.Quote{Text: first.q.Text, FirstArticleID: first.art.ID, Carriers: []news.Carrier{}}
	h := fnv.New64a()
	h.Write([]byte(v.ID + "\x00" + strings.Join(first.words, " ")))
	q.ID = fmt.Sprintf("q%012x", h.Sum64()&0xffffffffffff)
	type vote struct {
		n, w int
		v    *variant
	}
	speakers := map[string]*vote{}
	var order []string
	for _, vr := range g {
		c := news.Carrier{ArticleID: vr.art.ID, Text: vr.q.Text, ToldTo: vr.q.ToldTo, Medium: vr.q.Medium}
		for _, p := range vr.q.Pieces {
			c.Citations = append(c.Citations, news.Cite(vr.art.ID, p))
		}
		if len(c.Citations) == 0 {
			c.Citations = append(c.Citations, news.Cite(vr.art.ID, vr.q.Span))
		}
		if vr != first {
			c.Diff = cache.diff(first.q.Text, vr.q.Text)
			if c.Diff != "" {
				q.Altered = true
			}
		}
		q.Carriers = append(q.Carriers, c)
		if vr.q.Social {
			q.Social = true
		}
		if k := speakerKey(vr.q); k != "" {
			vt := speakers[k]
			if vt == nil {
				vt = &vote{w: -1}
				speakers[k] = vt
				order = append(order, k)
			}
			vt.n++
			if w := speakerWeight(vr.q, vr.art.Text); w > vt.w {
				vt.w, vt.v = w, vr
			}
		}
	}
	// each speaker's votes with those of the speakers it can be (a surname,
	// a role speaking for the person), then the best carrier's weight; the
	// first named wins a tie
	bestSpeaker, bestN := "", 0
	var bestV *variant
	for _, k := range order {
		n := 0
		for _, k2 := range order {
			if k2 == k || compatibleSpeakers(k, k2) {
				n += speakers[k2].n
			}
		}
		if n = 2*n + speakers[k].w; n > bestN {
			bestSpeaker, bestN, bestV = k, n, speakers[k].v
		}
	}
	if bestV != nil {
		q.Speaker = news.Speaker{Name: bestV.q.Speaker, Role: bestV.q.Role}
		if bestV.q.Role == "" {
			q.Speaker.EntityID = ents.find(bestV.q.Speaker)
			if n := ents.names[q.Speaker.EntityID]; n != "" && q.Speaker.Role == "" {
				q.Speaker.Name = n // the story's canonical spelling
			}
		}
	}
	// the same words given to different people
	for k := range speakers {
		if k != bestSpeaker && !compatibleSpeakers(k, bestSpeaker) {
			q.SpeakerConflict = true
		}
	}
	return q
}

// speakerKey identifies a quote's speaker for voting: a named speaker by its
// folded name; a role by role and whom it speaks for; pronouns left
// unresolved do not vote.
func speakerKey(q news.QuoteMention) string {
	if q.Speaker == "" || isPronounWord(q.Speaker) {
		return ""
	}
	if q.Role != "" {
		return "role:" + q.Role + ":" + fold(q.For)
	}
	return "name:" + fold(q.Speaker)
}

// speakerWeight ranks what a carrier says of the speaker: a name the
// outlet wrote (2) before a role or a description it wrote ("a spokesman",
// "the masked man": 1), and both before a name read from its pronoun (0),
// the likeliest of the three to be wrong (text is the carrying article's).
func speakerWeight(q news.QuoteMention, text string) int {
	if f := strings.Fields(q.Speaker); len(f) == 1 && quantifiers[lower(f[0])] {
		return 0 // "Another stated:": some member of a crowd
	}
	if q.Role != "" && !q.Social || described(q.Speaker) {
		return 1
	}
	if sp := q.SpeakerSpan; sp.End > sp.Start && sp.End <= len(text) && isPronounWord(text[sp.Start:sp.End]) {
		return 0
	}
	return 2
}

// described tells whether a speaker is a description, not a name: a
// determiner first and a lower-case head ("the masked man", "The
// 68-year-old", not "the Iraqi Defense Ministry").
func described(speaker string) bool {
	f := strings.Fields(speaker)
	if len(f) == 0 {
		return true
	}
	if determiners[lower(f[0])] {
		return len(f) > 1 && !isCap(f[len(f)-1])
	}
	return !isCap(f[0])
}

// compatibleSpeakers reports whether two speaker keys can be the same
// speaker: a surname and a full name (or a one-letter misspelling), two
// roles speaking for the same person, or a role and the person it speaks for.
func compatibleSpeakers(a, b string) bool {
	ra, rb := strings.HasPrefix(a, "role:"), strings.HasPrefix(b, "role:")
	forOf := func(k string) string {
		p := strings.SplitN(k, ":", 3)
		if len(p) < 3 {
			return ""
		}
		return p[2]
	}
	switch {
	case ra && rb:
		fa, fb := forOf(a), forOf(b)
		return fa == fb || fa == "" || fb == ""
	case ra:
		return forOf(a) != "" && sameName(forOf(a), strings.TrimPrefix(b, "name:"))
	case rb:
		return forOf(b) != "" && sameName(forOf(b), strings.TrimPrefix(a, "name:"))
	}
	na, nb := strings.TrimPrefix(a, "name:"), strings.TrimPrefix(b, "name:")
	if describedKey(na) || describedKey(nb) {
		return false // "the masked man" is not every man
	}
	return sameName(na, nb)
}

// describedKey tells whether a folded speaker name opens with a
// determiner: a description, which pools with no other speaker.
func describedKey(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	return determiners[first]
}

// sameName compares folded names by their last word, allowing one edit.
func sameName(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return true
	}
	return editsAtMostOne(fa[len(fa)-1], fb[len(fb)-1])
}

// editsAtMostOne reports whether a and b differ by at most one edit.
func editsAtMostOne(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i, j, edits := 0, 0, 0
	for i < len(ra) && j < len(rb) {
		if ra[i] == rb[j] {
			i++
			j++
			continue
		}
		edits++
		if edits > 1 {
			return false
		}
		if len(ra) == len(rb) {
			j++
		}
		i++
	}
	return edits+(len(ra)-i) <= 1
}

// entityIndex finds the story entity a speaker's name refers to.
type entityIndex struct {
	names map[string]string // entity id -> canonical name
	exact map[string]string // folded name or alias -> entity id (first entity wins)
	per   []foldedName      // person entities, in order
}

type foldedName struct {
	id, name string
	last     string
}

func newEntityIndex(v *news.StoryView) *entityIndex {
	ix := &entityIndex{exact: map[string]string{}, names: map[string]string{}}
	// an entity's own full name goes before another's alias: "Fidel Castro"
	// is not "Fidel Castro Odinga" because an article joined the two (a
	// single word is left to the order of the entities: "Obama" alone is
	// less likely an entity of its own than Barack Obama's)
	for _, e := range v.Entities {
		if f := fold(e.Name); ix.exact[f] == "" && strings.Contains(f, " ") {
			ix.exact[f] = e.ID
		}
	}
	for _, e := range v.Entities {
		ix.names[e.ID] = e.Name
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if f := fold(n); ix.exact[f] == "" {
				ix.exact[f] = e.ID
			}
		}
		if e.Type == news.PER || e.Type == "" {
			fn := fold(e.Name)
			f := strings.Fields(fn)
			last := ""
			if len(f) > 1 {
				last = f[len(f)-1]
			}
			ix.per = append(ix.per, foldedName{id: e.ID, name: fn, last: last})
		}
	}
	return ix
}

// find returns the entity whose name or alias matches name, else the one
// person whose name ends with it (a surname alone), else "".
func (ix *entityIndex) find(name string) string {
	if name == "" {
		return ""
	}
	fn := fold(name)
	if id := ix.exact[fn]; id != "" {
		return id
	}
	multi := strings.Contains(fn, " ")
	id := ""
	for _, p := range ix.per {
		if p.last != "" && p.last == fn || multi && strings.HasSuffix(p.name, fn) {
			if id != "" && id != p.id {
				return ""
			}
			id = p.id
		}
	}
	return id
}

// diffWords describes how b differs from a, word by word after folding
// case only: "trimmed", "added [Dolce and Gabbana]", "changed Khloe → Khloé".
// It returns "" when the words are the same.
func diffWords(a, b string) string {
	wa, wb := strings.Fields(a), strings.Fields(b)
	ka, kb := make([]string, len(wa)), make([]string, len(wb))
	for i, w := range wa {
		ka[i] = diffKey(w)
	}
	for i, w := range wb {
		kb[i] = diffKey(w)
	}
	// longest common subsequence table
	n, m := len(ka), len(kb)
	if n*m > 250000 {
		if strings.Join(ka, " ") == strings.Join(kb, " ") {
			return ""
		}
		return "reworded"
	}
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	var parts []string
	var del, ins []string
	lead := true
	flush := func(trailing bool) {
		switch {
		case len(del) > 0 && len(ins) > 0:
			parts = append(parts, fmt.Sprintf("changed %q → %q", strings.Join(del, " "), strings.Join(ins, " ")))
		case len(del) > 0 && (lead || trailing):
			parts = append(parts, fmt.Sprintf("trimmed %q", strings.Join(del, " ")))
		case len(del) > 0:
			parts = append(parts, fmt.Sprintf("dropped %q", strings.Join(del, " ")))
		case len(ins) > 0:
			parts = append(parts, fmt.Sprintf("added %q", strings.Join(ins, " ")))
		}
		del, ins = nil, nil
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ka[i] == kb[j]:
			flush(false)
			lead = false
			i++
			j++
		case j < m && (i == n || dp[i][j+1] >= dp[i+1][j]):
			ins = append(ins, wb[j])
			j++
		default:
			del = append(del, wa[i])
			i++
		}
	}
	flush(true)
	return strings.Join(parts, "; ")
}

// diffKey is a word as compared by diffWords: lower case, outer punctuation
// dropped, curly apostrophes straightened.
func diffKey(w string) string {
	return strings.ReplaceAll(strings.ToLower(strings.Trim(w, ".,;:!?“”\"'‘’…()")), "’", "'")
}

// nestedPair reports whether vr and a variant of g from the same article are
// a quote and a quote nested inside it: they have different speakers (Kim
// quoting Domenico) and stay apart.
func nestedPair(g []*variant, vr *variant) bool {
	k := indexOfArticle(g, vr.art)
	if k < 0 {
		return false
	}
	o := g[k].q
	if o.Parent < 0 && vr.q.Parent < 0 {
		return false
	}
	return o.Span.Contains(vr.q.Span) || vr.q.Span.Contains(o.Span)
}
