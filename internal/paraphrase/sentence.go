package paraphrase

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Sentence is a sentence analysed once, to be compared with many others by
// ProbPrepared. Sets are sorted hashes, so that comparing two sentences is a
// few merges and no allocation.
type Sentence struct {
	n     int         // word tokens
	grams [4][]uint64 // lowercase word 1- to 4-grams
	stems [2][]uint64 // stemmed word 1- and 2-grams
	cbi   []uint64    // bigrams of the content stems in order
	skip  []uint64    // content stem pairs two to four apart, in order
	chars [3][]uint64 // character 3- to 5-grams of the lowercase words
	seq   []uint64    // lowercase words in order
	first []place     // each distinct lowercase word and its first place, by hash
	cont  []term      // distinct stemmed content words, by hash
	norm  float64     // L2 norm of the IDF weights of cont
	mean  []float32   // IDF-weighted mean of the content word vectors, unit length
	nums  []uint64    // numbers as written, without thousands separators
	names []uint64    // stems of capitalised words after the first
	neg   int         // negation words
}

// place is a word's hash and its first position in the sentence.
type place struct {
	h   uint64
	pos int32
}

func (p place) hash() uint64 { return p.h }

// term is a content word: its stem's hash, IDF and unit vector (nil when the
// word has no vector).
type term struct {
	h   uint64
	idf float32
	vec []float32
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines the hash of an n-gram with the hash of its next word.
func mix(h, w uint64) uint64 { return (h^w)*fnvPrime + 0x9e3779b97f4a7c15 }

func (t term) hash() uint64 { return t.h }

// sortedSet sorts and deduplicates s in place.
func sortedSet(s []uint64) []uint64 {
	slices.Sort(s)
	return slices.Compact(s)
}

// ngrams returns the set of n-grams of the word hashes seq.
func ngrams(seq []uint64, n int) []uint64 {
	if len(seq) < n {
		return nil
	}
	out := make([]uint64, 0, len(seq)-n+1)
	for i := 0; i+n <= len(seq); i++ {
		h := seq[i]
		for _, w := range seq[i+1 : i+n] {
			h = mix(h, w)
		}
		out = append(out, h)
	}
	return sortedSet(out)
}

// prepare analyses s against the lexicon.
func (l *lexicon) prepare(s string) *Sentence {
	fields := words.Fields(s)
	x := &Sentence{n: len(fields), seq: make([]uint64, len(fields))}
	lower := make([]string, len(fields))
	stems := make([]uint64, len(fields))
	for i, f := range fields {
		lower[i] = fold.String(f)
		x.seq[i] = hash(lower[i])
		stems[i] = hash(words.Stem(lower[i]))
		if words.IsNegation(lower[i]) {
			x.neg++
		}
		if i > 0 && capitalised(f) && !words.IsStopword(lower[i]) {
			x.names = append(x.names, stems[i])
		}
	}
	x.names = sortedSet(x.names)
	x.first = make([]place, len(x.seq))
	for i, h := range x.seq {
		x.first[i] = place{h, int32(i)}
	}
	slices.SortStableFunc(x.first, func(p, q place) int { return cmp.Compare(p.h, q.h) })
	x.first = slices.CompactFunc(x.first, func(p, q place) bool { return p.h == q.h })
	for n := range x.grams {
		x.grams[n] = ngrams(x.seq, n+1)
	}
	for n := range x.stems {
		x.stems[n] = ngrams(stems, n+1)
	}
	joined := strings.Join(lower, " ")
	for k := range x.chars {
		n := k + 3
		if len(joined) < n {
			continue
		}
		g := make([]uint64, 0, len(joined)-n+1)
		for i := 0; i+n <= len(joined); i++ {
			g = append(g, hash(joined[i:i+n]))
		}
		x.chars[k] = sortedSet(g)
	}
	x.nums = numbers(s)

	var cseq []uint64
	for i, w := range lower {
		if !words.IsStopword(w) {
			cseq = append(cseq, stems[i])
		}
	}
	x.cbi = ngrams(cseq, 2)
	for i := range cseq {
		for j := i + 2; j < len(cseq) && j <= i+4; j++ {
			x.skip = append(x.skip, mix(cseq[i], cseq[j]))
		}
	}
	x.skip = sortedSet(x.skip)

	var mean []float64
	if l.dim > 0 {
		mean = make([]float64, l.dim)
	}
	for i, w := range lower {
		if words.IsStopword(w) {
			continue
		}
		t := term{h: stems[i], idf: l.unseen}
		if j, ok := l.index[w]; ok {
			t.idf = l.idf[j]
			if l.dim > 0 {
				t.vec = l.vecs[int(j)*l.dim : (int(j)+1)*l.dim]
				for d, v := range t.vec {
					mean[d] += float64(t.idf * v)
				}
			}
		}
		x.cont = append(x.cont, t)
	}
	slices.SortFunc(x.cont, func(a, b term) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	x.cont = slices.CompactFunc(x.cont, func(a, b term) bool { return a.h == b.h })
	for _, t := range x.cont {
		x.norm += float64(t.idf * t.idf)
	}
	x.norm = math.Sqrt(x.norm)
	x.mean = unit(mean)
	return x
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// unit returns v scaled to unit length as float32, or nil when v is zero.
func unit(v []float64) []float32 {
	var n float64
	for _, x := range v {
		n += x * x
	}
	if n == 0 {
		return nil
	}
	n = math.Sqrt(n)
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(x / n)
	}
	return out
}

// numbers returns the hashes of the numbers in s: runs of digits with inner
// points and commas, commas dropped ("2,500" = "2500").
func numbers(s string) []uint64 {
	var out []uint64
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b = append(b, c)
			continue
		case (c == '.' || c == ',') && len(b) > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			if c == '.' {
				b = append(b, c)
			}
			continue
		}
		if len(b) > 0 {
			out = append(out, hash(string(b)))
			b = b[:0]
		}
	}
	if len(b) > 0 {
		out = append(out, hash(string(b)))
	}
	return sortedSet(out)
}
