package ner

import (
	"math"
	"strings"
)

// lexEntry is what unlabelled text taught about a lower-cased word: its
// distributional clusters at three granularities and how often it is
// capitalised when not first in a sentence, in fifths (0-4, 5 for "always").
type lexEntry struct {
	c1, c2, c3 uint16
	capRatio   uint8
}

type lexicon struct {
	words map[string]lexEntry
}

// linear is one perceptron's weights: an open-addressing table from feature
// key to weight row, L weights a row, and label transition weights.
type linear struct {
	L     int
	table []slotEntry // power-of-two open-addressing table; key 0 = empty
	w     []float32   // rows × L
	trans []float32   // (L+1) × L; row L holds start weights
}

type slotEntry struct {
	key uint32
	row int32
}

func slot(k uint32, mask int) int { return int((k*2654435761)>>7) & mask }

func newLinear(L int, keys []uint32, w []float32, trans []float32) *linear {
	n := 1
	for n < 2*len(keys)+2 {
		n <<= 1
	}
	m := &linear{L: L, table: make([]slotEntry, n), w: w, trans: trans}
	mask := n - 1
	for r, k := range keys {
		i := slot(k, mask)
		for m.table[i].key != 0 && m.table[i].key != k {
			i = (i + 1) & mask
		}
		m.table[i] = slotEntry{k, int32(r)}
	}
	return m
}

func (m *linear) row(k uint32) int {
	mask := len(m.table) - 1
	i := slot(k, mask)
	for {
		switch e := m.table[i]; e.key {
		case k:
			return int(e.row)
		case 0:
			return -1
		}
		i = (i + 1) & mask
	}
}

// emissions adds the weights of the features to em (length L).
func (m *linear) emissions(feats []uint32, em []float32) {
	L := m.L
	for _, k := range feats {
		r := m.row(k)
		if r < 0 {
			continue
		}
		row := m.w[r*L : r*L+L]
		for y, v := range row {
			em[y] += v
		}
	}
}

// labelSet is the IOB2 label inventory: "O", then B- and I- per type.
type labelSet struct {
	names []string
	types []string
	valid []bool // (L+1) × L allowed transitions; row L is the start
}

func newLabelSet(types []string) labelSet {
	ls := labelSet{names: []string{"O"}, types: types}
	for _, t := range types {
		ls.names = append(ls.names, "B-"+t, "I-"+t)
	}
	L := len(ls.names)
	ls.valid = make([]bool, (L+1)*L)
	for p := 0; p <= L; p++ {
		for c := 0; c < L; c++ {
			ok := true
			if c > 0 && c%2 == 0 { // I-X
				ok = p < L && p > 0 && (p+1)/2 == c/2
			}
			ls.valid[p*L+c] = ok
		}
	}
	return ls
}

func (ls labelSet) typeOf(y int8) string {
	if y <= 0 {
		return ""
	}
	return ls.types[(y-1)/2]
}

func isInside(y int8) bool { return y > 0 && y%2 == 0 }

// viterbi finds the best valid label sequence given n×L emission scores.
func viterbi(ls labelSet, trans []float32, em []float32, n int, out []int8, back []int8, score []float32) {
	L := len(ls.names)
	negInf := float32(math.Inf(-1))
	cur := score[:L]
	next := score[L : 2*L]
	for y := 0; y < L; y++ {
		if ls.valid[L*L+y] {
			cur[y] = trans[L*L+y] + em[y]
		} else {
			cur[y] = negInf
		}
	}
	for i := 1; i < n; i++ {
		for y := 0; y < L; y++ {
			best, arg := negInf, 0
			for p := 0; p < L; p++ {
				if !ls.valid[p*L+y] || cur[p] == negInf {
					continue
				}
				if s := cur[p] + trans[p*L+y]; s > best {
					best, arg = s, p
				}
			}
			next[y] = best + em[i*L+y]
			back[i*L+y] = int8(arg)
		}
		cur, next = next, cur
	}
	best, arg := negInf, 0
	for y := 0; y < L; y++ {
		if cur[y] > best {
			best, arg = cur[y], y
		}
	}
	out[n-1] = int8(arg)
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*L+int(out[i])]
	}
}

// iob2 converts IOB1 or IOB2 tags to label ids of ls (unknown types are O).
func (ls labelSet) iob2(tags []string) []int8 {
	out := make([]int8, len(tags))
	prevType := ""
	for i, t := range tags {
		if t == "O" || t == "" {
			prevType = ""
			continue
		}
		prefix, typ := "I", t
		if j := strings.IndexByte(t, '-'); j >= 0 {
			prefix, typ = t[:j], t[j+1:]
		}
		ti := -1
		for k, x := range ls.types {
			if x == typ {
				ti = k
			}
		}
		if ti < 0 {
			prevType = ""
			continue
		}
		if prefix == "B" || prefix == "S" || typ != prevType {
			out[i] = int8(1 + 2*ti)
		} else {
			out[i] = int8(2 + 2*ti)
		}
		prevType = typ
		if prefix == "E" || prefix == "S" {
			prevType = ""
		}
	}
	return out
}
