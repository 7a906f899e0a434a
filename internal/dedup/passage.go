package dedup

import (
	"cmp"
	"hash/maphash"
	"slices"
	"sort"
	"unsafe"

	"github.com/crosscheck-news/crosscheck/internal/lru"
)

// Passage-matching parameters.
const (
	PassageShingle = 5 // words per passage shingle
	// MinPassageWords is the fewest matched words a shared passage needs, so
	// that shared names and stock phrases ("Khloe Kardashian and Michele
	// Morrone", "at Milan Fashion Week in") are not copies.
	MinPassageWords = 8
	// MaxGapWords is the most unmatched words between two matched runs that
	// still belong to one passage: an edited word or two, "(Massimo) is" for "are".
	MaxGapWords = 4
)

// Text is a text prepared for passage matching: its words and the hash of
// every PassageShingle-word window.
type Text struct {
	Words    []Word
	Shingles []uint64 // Shingles[i] covers Words[i : i+PassageShingle]
	// byHash lists the positions of Shingles ordered by hash, then
	// position: Shared merges two such lists instead of indexing one text
	// in a map for every pair compared.
	byHash []int32
}

// Prepare splits text into words and hashes its passage shingles.
func Prepare(text string) *Text { return PrepareWords(Words(text)) }

// PrepareWords is Prepare over words already split by Words.
func PrepareWords(ws []Word) *Text {
	t := &Text{Words: ws, Shingles: shingles(wordHashes(ws), PassageShingle)}
	t.byHash = hashOrder(t.Shingles)
	return t
}

// hashOrder returns the positions of hs ordered by hash, then position.
func hashOrder(hs []uint64) []int32 {
	order := make([]int32, len(hs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if c := cmp.Compare(hs[x], hs[y]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	return order
}

// Match is one passage shared by two texts: byte spans in each, and how many
// words of it are matched word for word.
type Match struct {
	A, B   [2]int // byte spans in the first and second text
	Words  int    // matched words
	AWords [2]int // word range [start, end) in the first text
	BWords [2]int // word range in the second text
}

type run struct{ a0, a1, b0, b1 int } // word ranges [a0,a1) and [b0,b1)

// Shared returns the passages that a and b share, in the order they appear
// in a. A passage is a chain of word-for-word runs of at least
// PassageShingle words, in the same order in both texts, with gaps of at most
// MaxGapWords, and with at least MinPassageWords matched words.
func Shared(a, b *Text) []Match {
	if len(a.Shingles) == 0 || len(b.Shingles) == 0 {
		return nil
	}
	// Every pair of positions holding the same shingle, by a merge of the
	// two texts' shingles in hash order.
	type pair struct{ i, j int }
	var pairs []pair
	ao, bo := a.byHash, b.byHash
	if ao == nil { // a Text made by hand, not by Prepare
		ao = hashOrder(a.Shingles)
	}
	if bo == nil {
		bo = hashOrder(b.Shingles)
	}
	for x, y := 0, 0; x < len(ao) && y < len(bo); {
		ha, hb := a.Shingles[ao[x]], b.Shingles[bo[y]]
		switch {
		case ha < hb:
			x++
		case ha > hb:
			y++
		default:
			y0 := y
			for ; x < len(ao) && a.Shingles[ao[x]] == ha; x++ {
				for y = y0; y < len(bo) && b.Shingles[bo[y]] == ha; y++ {
					i, j := int(ao[x]), int(bo[y])
					if a.Words[i].Norm == b.Words[j].Norm { // guard against hash collisions
						pairs = append(pairs, pair{i, j})
					}
				}
			}
		}
	}
	// Runs of consecutive shingle matches on one diagonal.
	if len(pairs) == 0 {
		return nil
	}
	sort.Slice(pairs, func(x, y int) bool {
		dx, dy := pairs[x].i-pairs[x].j, pairs[y].i-pairs[y].j
		if dx != dy {
			return dx < dy
		}
		return pairs[x].i < pairs[y].i
	})
	var runs []run
	for _, p := range pairs {
		if n := len(runs); n > 0 {
			r := &runs[n-1]
			if r.a0-r.b0 == p.i-p.j && p.i <= r.a1-PassageShingle+1 {
				r.a1, r.b1 = p.i+PassageShingle, p.j+PassageShingle
				continue
			}
		}
		runs = append(runs, run{p.i, p.i + PassageShingle, p.j, p.j + PassageShingle})
	}
	sort.Slice(runs, func(x, y int) bool {
		if runs[x].a0 != runs[y].a0 {
			return runs[x].a0 < runs[y].a0
		}
		return runs[x].b0 < runs[y].b0
	})
	// Chain runs into passages: each run joins the passage it continues in
	// both texts, else starts a new one.
	type chain struct {
		r       run
		matched int
	}
	var chains []chain
	for _, r := range runs {
		joined := false
		for c := len(chains) - 1; c >= 0; c-- {
			ch := &chains[c]
			if r.a0-ch.r.a1 > MaxGapWords {
				continue
			}
			ga, gb := r.a0-ch.r.a1, r.b0-ch.r.b1
			if gb > MaxGapWords || gb < -PassageShingle || r.b1 <= ch.r.b1 || r.a1 <= ch.r.a1 {
				continue
			}
			ov := 0
			if ga < 0 {
				ov = -ga
			}
			ch.matched += (r.a1 - r.a0) - ov
			ch.r.a1, ch.r.b1 = r.a1, r.b1
			joined = true
			break
		}
		if !joined {
			chains = append(chains, chain{r, r.a1 - r.a0})
		}
	}
	var out []Match
	for _, ch := range chains {
		if ch.matched < MinPassageWords {
			continue
		}
		r := ch.r
		out = append(out, Match{
			A:      [2]int{a.Words[r.a0].Span[0], a.Words[r.a1-1].Span[1]},
			B:      [2]int{b.Words[r.b0].Span[0], b.Words[r.b1-1].Span[1]},
			Words:  ch.matched,
			AWords: [2]int{r.a0, r.a1},
			BWords: [2]int{r.b0, r.b1},
		})
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].A[0] != out[y].A[0] {
			return out[x].A[0] < out[y].A[0]
		}
		return out[x].B[0] < out[y].B[0]
	})
	return out
}

// Winnow returns the winnowing fingerprints of t's passage shingles: the
// minimum hash of every window of w consecutive shingles, each kept once.
// Two texts sharing a passage of at least w+PassageShingle-1 words are
// guaranteed to share a fingerprint.
func Winnow(t *Text, w int) []uint64 {
	sh := t.Shingles
	if len(sh) == 0 {
		return nil
	}
	if len(sh) < w {
		w = len(sh)
	}
	var out []uint64
	last := -1
	for s := 0; s+w <= len(sh); s++ {
		m := s
		for i := s + 1; i < s+w; i++ {
			if sh[i] <= sh[m] {
				m = i
			}
		}
		if m != last {
			out = append(out, sh[m])
			last = m
		}
	}
	return out
}

// TextCache keeps prepared texts by key (an article id and content hash), so
// that a story rebuilt after each new article prepares only the new one. It
// keeps the most recently used texts within a bound in bytes. Safe for
// concurrent use.
// It also keeps the passages two texts share (Shared), by the pair of keys:
// a story rebuilt after each new article compares only the new article's
// pairs again.
type TextCache struct {
	c     *lru.Cache[string, *Text]
	pairs *lru.Cache[[2]uint64, []Match]
	seed  maphash.Seed
}

// NewTextCache returns a cache holding about maxBytes of prepared texts, and
// a quarter of that again of shared passages.
func NewTextCache(maxBytes int) *TextCache {
	return &TextCache{c: lru.New[string, *Text](maxBytes), pairs: lru.New[[2]uint64, []Match](maxBytes / 4),
		seed: maphash.MakeSeed()}
}

// Shared is Shared(a, b) for the texts prepared under keys ka and kb,
// remembered by the pair of keys (two 64-bit hashes).
func (c *TextCache) Shared(ka, kb string, a, b *Text) []Match {
	k := [2]uint64{maphash.String(c.seed, ka), maphash.String(c.seed, kb)}
	if m, ok := c.pairs.Get(k); ok {
		return m
	}
	m := Shared(a, b)
	c.pairs.Add(k, m, int(unsafe.Sizeof(Match{}))*len(m)+64)
	return m
}

// Prepare returns the prepared text for key, preparing text on a miss.
func (c *TextCache) Prepare(key, text string) *Text {
	if t, ok := c.c.Get(key); ok {
		return t
	}
	t := Prepare(text)
	c.c.Add(key, t, int(unsafe.Sizeof(Word{}))*len(t.Words)+12*len(t.Shingles)+64)
	return t
}
