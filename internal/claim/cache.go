package claim

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/lru"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Cache keeps what the claim stages read from each article (its leads, its
// sentences' words, its statements ready for matching) across rebuilds of
// a story: all of it depends on the article alone, so a story rebuilt after
// a new article arrives reads only the new one. It is safe for concurrent
// use; a nil *Cache reads every article again.
type Cache struct {
	c *lru.Cache[string, *articleReading]
	// leads keeps the last weighing of each story's leads, which the claims
	// and stances stages both need, keyed by the story's articles.
	leads *lru.Cache[string, *storyLeads]
	// props keeps what the matcher reads of a representative statement's
	// text (its proposition, whether it can be a claim, its own verdict):
	// the same text comes back on every rebuild of a story.
	props *lru.Cache[string, proposition]
}

// proposition is what the matcher reads of a statement's text; all of it
// depends on the text alone.
type proposition struct {
	text string // the statement made a proposition
	// ok: the proposition reads as a claim (a clause with a verb) about
	// what is, not a forecast
	ok  bool
	own ownVerdict
}

// proposition returns what the matcher reads of text, from the cache when
// it holds it.
func (c *Cache) proposition(text string) proposition {
	if c != nil {
		if p, ok := c.props.Get(text); ok {
			return p
		}
	}
	p := proposition{text: cleanProposition(dropToldThat(text))}
	p.ok = claimLike(p.text) && hasVerb(p.text) && clauseStart(p.text) && !forecast.MatchString(p.text)
	if p.ok {
		p.own = ownVerdictOf(p.text)
	}
	if c != nil {
		c.props.Add(text, p, len(text)+len(p.text)+64)
	}
	return p
}

// storyLeads is what leadWords computes for one set of articles.
type storyLeads struct {
	cands []candidate
	sw    storyWords
	df    map[string]int
}

// NewCache returns a cache holding about maxBytes of readings.
func NewCache(maxBytes int) *Cache {
	return &Cache{c: lru.New[string, *articleReading](maxBytes), leads: lru.New[string, *storyLeads](maxBytes / 8),
		props: lru.New[string, proposition](maxBytes / 16)}
}

// storyKey identifies a story's articles, versions included.
func storyKey(v *news.StoryView, arts []*news.Article) string {
	h := fnv.New64a()
	for _, a := range arts {
		h.Write([]byte(a.ID))
		h.Write([]byte(a.ContentHash))
		h.Write([]byte{0})
	}
	for _, a := range v.Articles {
		h.Write([]byte(a.Group))
		h.Write([]byte{0})
	}
	return v.ID + "/" + strconv.FormatUint(h.Sum64(), 16)
}

// articleReading is what the claim stages read from one article. It is
// shared between rebuilds and never modified after it is made.
type articleReading struct {
	leads []candidate
	words [][]string // folded words per sentence, for the first maxReadSentences
	flags []uint8    // sentence flags, for the same sentences
	items []item     // statements ready for matching (parent and prep unset)
	// statementWords are the folded words of each statement's content, in
	// the order of a.Statements.
	statementWords [][]string
	// folds is every sentence folded (fold.String), and all of them joined
	// by NUL bytes: which sentences name a person.
	folds    []string
	allFolds string
	// grams has a bit set for every 3-byte run of allFolds (hashed): a name
	// with a run whose bit is clear is not in the article.
	grams *[gramWords]uint64
}

// gramWords is the size of articleReading.grams in 64-bit words: 8,192
// bits, few of them shared by chance for an article of a few thousand bytes.
const gramWords = 128

// gram is the bit of a 3-byte run.
func gram(s string) uint32 {
	return (uint32(s[0])*0x9E3779B1 ^ uint32(s[1])*0x85EBCA77 ^ uint32(s[2])*0xC2B2AE3D) * 0x27D4EB2F >> 19
}

// mayHold reports whether r's sentences can hold s: false only when they
// do not.
func (r *articleReading) mayHold(s string) bool {
	if len(s) < 3 {
		return true
	}
	for i := 0; i+3 <= len(s); i++ {
		if b := gram(s[i:]); r.grams[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// reading returns a's reading, from the cache when it holds it.
func (c *Cache) reading(a *news.Article) *articleReading {
	key := a.ID + "/" + a.ContentHash
	if c != nil && a.ContentHash != "" {
		if r, ok := c.c.Get(key); ok {
			return r
		}
	}
	r := &articleReading{leads: leadOf(a), items: matchItems(a)}
	size := 256
	for _, s := range sentences(a) {
		r.folds = append(r.folds, fold.String(s.Text(a.Text)))
	}
	r.allFolds = strings.Join(r.folds, "\x00")
	off := 0
	for i, f := range r.folds {
		r.folds[i] = r.allFolds[off : off+len(f)] // held once, in the joined string
		off += len(f) + 1
	}
	r.grams = new([gramWords]uint64)
	for i := 0; i+3 <= len(r.allFolds); i++ {
		b := gram(r.allFolds[i:])
		r.grams[b/64] |= 1 << (b % 64)
	}
	size += len(r.allFolds) + 16*len(r.folds) + 8*gramWords
	for i, s := range sentences(a) {
		if i >= maxReadSentences {
			break
		}
		text := s.Text(a.Text)
		ws := strings.FieldsFunc(r.folds[i], claimWordSplitFunc)
		r.words = append(r.words, ws)
		r.flags = append(r.flags, sentenceFlags(text))
		size += 16 * len(ws)
		for _, w := range ws {
			size += len(w)
		}
	}
	for _, st := range a.Statements {
		ws := strings.FieldsFunc(fold.String(st.Content.Text(a.Text)), claimWordSplitFunc)
		r.statementWords = append(r.statementWords, ws)
		size += 24 * len(ws)
	}
	for _, it := range r.items {
		size += 2*len(it.text) + 64*len(it.words)
	}
	if c != nil && a.ContentHash != "" {
		c.c.Add(key, r, size)
	}
	return r
}
