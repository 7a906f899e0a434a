package dedup

import (
	"context"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Signature sizes: NumHashes MinHash values, split into Bands bands of
// NumHashes/Bands rows for LSH. With 16 bands of 4 rows two documents become
// candidates with probability 1-(1-J^4)^16: 0.52 at Jaccard 0.5, 0.93 at 0.7.
const (
	NumHashes    = 64
	Bands        = 16
	rows         = NumHashes / Bands
	DocShingle   = 3   // words per document shingle
	NearDupJacc  = 0.6 // estimated Jaccard from which two articles are near-duplicates
	minDocShingl = 8   // fewer shingles than this: too short to fingerprint
)

// mix is the SplitMix64 finaliser, a fast 64-bit hash mixer.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// HashWord hashes a normalised word (FNV-1a, then mixed).
func HashWord(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return mix(h)
}

// shingles returns the hashes of every k-word window of words.
func shingles(hs []uint64, k int) []uint64 {
	if len(hs) < k {
		return nil
	}
	out := make([]uint64, 0, len(hs)-k+1)
	for i := 0; i+k <= len(hs); i++ {
		h := uint64(k)
		for _, w := range hs[i : i+k] {
			h = mix(h*31 ^ w)
		}
		out = append(out, h)
	}
	return out
}

func wordHashes(ws []Word) []uint64 {
	hs := make([]uint64, len(ws))
	for i, w := range ws {
		hs[i] = HashWord(w.Norm)
	}
	return hs
}

// MinHash returns the NumHashes-value MinHash signature of text's
// DocShingle-word shingles, or nil when the text is too short.
func MinHash(text string) []uint64 { return MinHashWords(Words(text)) }

// MinHashWords is MinHash over words already split by Words.
func MinHashWords(ws []Word) []uint64 {
	sh := shingles(wordHashes(ws), DocShingle)
	if len(sh) < minDocShingl {
		return nil
	}
	sig := make([]uint64, NumHashes)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, s := range sh {
		for i := range sig {
			if v := mix(s ^ seeds[i]); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	for i := range s {
		s[i] = mix(uint64(i)*0x2545f4914f6cdd1d + 1)
	}
	return s
}()

// Similarity estimates the Jaccard similarity of the shingle sets behind two
// signatures; 0 when either is missing.
func Similarity(a, b []uint64) float64 {
	if len(a) != NumHashes || len(b) != NumHashes {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / NumHashes
}

// Fingerprint is the per-article stage that fills a.Fingerprint with the
// MinHash signature of the article's text.
type Fingerprint struct{}

var _ news.Stage = Fingerprint{}

// Process fills a.Fingerprint.
func (Fingerprint) Process(ctx context.Context, a *news.Article) error {
	a.Fingerprint = MinHash(a.Text)
	return nil
}

// LSH is a banded index of MinHash signatures. Lookups cost one map probe per
// band plus the size of the matching buckets, which MaxBucket caps so that a
// boilerplate-heavy bucket cannot make lookups grow with the corpus.
type LSH struct {
	MaxBucket int // keep at most this many (most recent) ids per bucket; 0 means 32
	buckets   map[uint64][]string
}

// NewLSH returns an empty index.
func NewLSH() *LSH { return &LSH{buckets: map[uint64][]string{}} }

// BandKey is the LSH key of band b (0 <= b < Bands) of a full signature.
func BandKey(sig []uint64, b int) uint64 { return bandKey(sig, b) }

func bandKey(sig []uint64, b int) uint64 {
	h := uint64(b + 1)
	for _, v := range sig[b*rows : (b+1)*rows] {
		h = mix(h ^ v)
	}
	return h
}

// Add indexes sig under id.
func (l *LSH) Add(id string, sig []uint64) {
	if len(sig) != NumHashes {
		return
	}
	max := l.MaxBucket
	if max <= 0 {
		max = 32
	}
	for b := 0; b < Bands; b++ {
		k := bandKey(sig, b)
		ids := append(l.buckets[k], id)
		if len(ids) > max {
			ids = ids[len(ids)-max:]
		}
		l.buckets[k] = ids
	}
}

// Candidates returns the ids sharing at least one band with sig, sorted.
func (l *LSH) Candidates(sig []uint64) []string {
	if len(sig) != NumHashes {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for b := 0; b < Bands; b++ {
		for _, id := range l.buckets[bandKey(sig, b)] {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Strings(out)
	return out
}
