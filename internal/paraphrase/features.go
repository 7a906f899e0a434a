package paraphrase

import (
	"math"
	"slices"

	"github.com/crosscheck-news/crosscheck/internal/nn"
)

// nFeatures is len(featureNames), a constant so that scoring needs no heap.
const nFeatures = 52

// featureNames names the pair features, in order. Every feature is
// symmetric in the two sentences: a directed score (how much of a is in b)
// is given as the smaller and the larger of its two directions.
var featureNames = []string{
	"word1_min", "word1_max", "word2_min", "word2_max", "word3_min", "word3_max", "word4_min", "word4_max",
	"stem1_min", "stem1_max", "stem2_min", "stem2_max",
	"char3_min", "char3_max", "char4_min", "char4_max", "char5_min", "char5_max",
	"content_min", "content_max", "content_idf_min", "content_idf_max", "tfidf_cosine",
	"lcs_min", "lcs_max", "common_run", "edit_distance",
	"len_min", "len_diff", "len_log_ratio",
	"nums_any", "nums_same", "nums_unmatched", "nums_matched_min",
	"names_min", "names_max", "names_unmatched",
	"negation_mismatch",
	"align_min", "align_max", "unaligned_max", "unaligned_idf_max", "mean_vector_cosine",
	"bleu_min", "bleu_max", "content2_min", "content2_max", "unmatched_run", "unmatched_run_rel", "order_discordant",
	"skip2_min", "skip2_max",
}

// overlap returns |a∩b| for sorted sets.
func overlap(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// eachShared calls fn(i, j) for every a[i] and b[j] with the same hash;
// a and b are sorted by hash, without repeats.
func eachShared[T interface{ hash() uint64 }](a, b []T, fn func(i, j int)) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch ha, hb := a[i].hash(), b[j].hash(); {
		case ha < hb:
			i++
		case ha > hb:
			j++
		default:
			fn(i, j)
			i++
			j++
		}
	}
}

// coverage returns the smaller and larger of |a∩b|/|a| and |a∩b|/|b|; an
// empty side counts as fully covered when both are empty.
func coverage(a, b []uint64) (lo, hi float64) {
	if len(a) == 0 || len(b) == 0 {
		if len(a) == len(b) {
			return 1, 1
		}
		return 0, 0
	}
	n := float64(overlap(a, b))
	pa, pb := n/float64(len(a)), n/float64(len(b))
	return min(pa, pb), max(pa, pb)
}

// maxAlign bounds the content words per sentence that alignment scores;
// later ones count as unaligned.
const maxAlign = 128

// alignment is how much of each sentence's content is found in the other:
// a content word scores 1 when its stem is on the other side, else its best
// vector cosine with the other side's words (at least 0). For each side it
// returns the IDF-weighted mean score, and the count and IDF mass of words
// scoring under 0.5 (unaligned). The cosines are computed once for both
// directions, and only for pairs where a word lacks an exact match.
func alignment(a, b *Sentence) (sa, sb, ua, ub, uia, uib float64) {
	var ba, bb [maxAlign]float32
	na, nb := min(len(a.cont), maxAlign), min(len(b.cont), maxAlign)
	eachShared(a.cont[:na], b.cont[:nb], func(i, j int) { ba[i], bb[j] = 1, 1 })
	for i, t := range a.cont[:na] {
		if t.vec == nil {
			continue
		}
		for j, u := range b.cont[:nb] {
			if u.vec == nil || ba[i] == 1 && bb[j] == 1 {
				continue
			}
			d := nn.Dot(t.vec, u.vec)
			if ba[i] < 1 {
				ba[i] = max(ba[i], d)
			}
			if bb[j] < 1 {
				bb[j] = max(bb[j], d)
			}
		}
	}
	sa, ua, uia = alignScore(a.cont, ba[:na])
	sb, ub, uib = alignScore(b.cont, bb[:nb])
	return
}

func alignScore(ts []term, best []float32) (score, unaligned, unalignedIDF float64) {
	if len(ts) == 0 {
		return 1, 0, 0
	}
	var sum, wsum float64
	for i, t := range ts {
		w := float64(t.idf)
		wsum += w
		var s float32
		if i < len(best) {
			s = best[i]
		}
		sum += w * float64(s)
		if s < 0.5 {
			unaligned++
			unalignedIDF += w
		}
	}
	return sum / wsum, unaligned, unalignedIDF
}

// contentOverlap returns the number of content stems on both sides, the
// IDF mass of those stems in a and in b (a stem's words may differ in IDF:
// "vote", "votes"), and the dot product of the two IDF vectors.
func contentOverlap(a, b *Sentence) (shared int, idfA, idfB, dotIDF float64) {
	eachShared(a.cont, b.cont, func(i, j int) {
		shared++
		idfA += float64(a.cont[i].idf)
		idfB += float64(b.cont[j].idf)
		dotIDF += float64(a.cont[i].idf * b.cont[j].idf)
	})
	return shared, idfA, idfB, dotIDF
}

func idfMass(ts []term) float64 {
	var s float64
	for _, t := range ts {
		s += float64(t.idf)
	}
	return s
}

// sequences returns the longest common subsequence, the longest common run
// and the edit distance of the word sequences a and b.
func sequences(a, b []uint64, buf []cell) (lcs, run, edit int) {
	m := len(b) + 1
	if cap(buf) < 2*m {
		buf = make([]cell, 2*m)
	}
	cur, prev := buf[:m], buf[m:2*m]
	for j := range prev {
		prev[j] = cell{0, 0, int32(j)}
	}
	var best int32
	for i, w := range a {
		cur[0] = cell{0, 0, int32(i + 1)}
		for j := 1; j < m; j++ {
			d, u, l := prev[j-1], prev[j], cur[j-1]
			if w == b[j-1] {
				cur[j] = cell{d.lcs + 1, d.run + 1, d.edit}
				best = max(best, d.run+1)
			} else {
				cur[j] = cell{max(u.lcs, l.lcs), 0, 1 + min(d.edit, u.edit, l.edit)}
			}
		}
		cur, prev = prev, cur
	}
	return int(prev[m-1].lcs), int(best), int(prev[m-1].edit)
}

// cell is one cell of the three dynamic programmes of sequences.
type cell struct{ lcs, run, edit int32 }

// features writes the pair features of a and b into dst (len(featureNames)).
func features(a, b *Sentence, dst []float64) {
	k := 0
	put := func(v ...float64) {
		for _, x := range v {
			dst[k] = x
			k++
		}
	}
	for n := range a.grams {
		put(coverage(a.grams[n], b.grams[n]))
	}
	for n := range a.stems {
		put(coverage(a.stems[n], b.stems[n]))
	}
	for n := range a.chars {
		put(coverage(a.chars[n], b.chars[n]))
	}

	shared, idfA, idfB, dotIDF := contentOverlap(a, b)
	ca, cb := 1.0, 1.0
	if len(a.cont) > 0 {
		ca = float64(shared) / float64(len(a.cont))
	}
	if len(b.cont) > 0 {
		cb = float64(shared) / float64(len(b.cont))
	}
	ia, ib := 1.0, 1.0
	if m := idfMass(a.cont); m > 0 {
		ia = idfA / m
	}
	if m := idfMass(b.cont); m > 0 {
		ib = idfB / m
	}
	cos := 0.0
	if a.norm > 0 && b.norm > 0 {
		cos = dotIDF / (a.norm * b.norm)
	}
	put(min(ca, cb), max(ca, cb), min(ia, ib), max(ia, ib), cos)

	var buf [2 * 80]cell
	lcs, run, edit := sequences(a.seq, b.seq, buf[:])
	la, lb := float64(max(a.n, 1)), float64(max(b.n, 1))
	put(min(float64(lcs)/la, float64(lcs)/lb), max(float64(lcs)/la, float64(lcs)/lb),
		float64(run)/min(la, lb), float64(edit)/max(la, lb))
	put(math.Log(min(la, lb)), math.Abs(la-lb), math.Abs(math.Log(la)-math.Log(lb)))

	nAny, nSame, nUnmatched, nMin := 0.0, 0.0, 0.0, 1.0
	if len(a.nums)+len(b.nums) > 0 {
		nAny = 1
		o := overlap(a.nums, b.nums)
		if o == len(a.nums) && o == len(b.nums) {
			nSame = 1
		}
		nUnmatched = float64(len(a.nums) + len(b.nums) - 2*o)
		nMin, _ = coverage(a.nums, b.nums)
	}
	put(nAny, nSame, nUnmatched, nMin)

	lo, hi := coverage(a.names, b.names)
	o := overlap(a.names, b.names)
	put(lo, hi, float64(len(a.names)+len(b.names)-2*o))

	neg := 0.0
	if (a.neg > 0) != (b.neg > 0) {
		neg = 1
	}
	put(neg)

	sa, sb, ua, ub, uia, uib := alignment(a, b)
	mc := 0.0
	if a.mean != nil && b.mean != nil {
		mc = float64(nn.Dot(a.mean, b.mean))
	}
	put(min(sa, sb), max(sa, sb), max(ua, ub), max(uia, uib), mc)

	ba, bb := bleu(a, b), bleu(b, a)
	put(min(ba, bb), max(ba, bb))
	put(coverage(a.cbi, b.cbi))
	ra, rb := unmatchedRun(a.seq, b.grams[0]), unmatchedRun(b.seq, a.grams[0])
	put(float64(max(ra, rb)), max(float64(ra)/la, float64(rb)/lb))
	put(discordant(a, b))
	put(coverage(a.skip, b.skip))
}

// bleu is the geometric mean of a's word 1- to 4-gram precisions against
// b, add-one smoothed.
func bleu(a, b *Sentence) float64 {
	s := 0.0
	for n := range a.grams {
		s += math.Log(float64(overlap(a.grams[n], b.grams[n])+1) / float64(len(a.grams[n])+1))
	}
	return math.Exp(s / float64(len(a.grams)))
}

// unmatchedRun is the longest run of words of seq that are not in the set.
func unmatchedRun(seq, set []uint64) int {
	run, best := 0, 0
	for _, w := range seq {
		if _, found := slices.BinarySearch(set, w); found {
			run = 0
			continue
		}
		run++
		best = max(best, run)
	}
	return best
}

// discordant is the share of pairs of shared words (each word's first
// place; the first 64 shared words of a) that the two sentences put in
// opposite orders.
func discordant(a, b *Sentence) float64 {
	type match struct{ pa, pb int32 }
	var ms [64]match
	n := 0
	eachShared(a.first, b.first, func(i, j int) {
		m := match{a.first[i].pos, b.first[j].pos}
		// Insert in order of place in a, keeping the first 64.
		k := n
		for k > 0 && ms[k-1].pa > m.pa {
			if k < len(ms) {
				ms[k] = ms[k-1]
			}
			k--
		}
		if k < len(ms) {
			ms[k] = m
			n = min(n+1, len(ms))
		}
	})
	if n < 2 {
		return 0
	}
	d := 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			if ms[i].pb > ms[j].pb {
				d++
			}
		}
	}
	return float64(d) / float64(n*(n-1)/2)
}
