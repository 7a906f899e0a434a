package stance

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// Body.Size is what caches bound their bytes with: it must be close to the
// memory bodies really hold (it once counted six bytes per byte of text, a
// tenth of the truth, and a "64 MB" cache held 600 MB).
func TestBodySizeNearTheTruth(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// Texts of varied words: a vocabulary of made-up words drawn unevenly,
	// as words are in news, in sentences of 12 to 30 words.
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("%c%c%s%d", 'a'+i%23, 'a'+i/23%19, strings.Repeat("e", i%5), i%7)
	}
	seed := uint32(7)
	next := func() int { seed = seed*1664525 + 1013904223; return int(seed >> 8) }
	var texts []string
	for range 300 {
		var b strings.Builder
		for range 40 {
			n := 12 + next()%19
			for k := range n {
				r := next() % len(vocab)
				if k%2 == 0 {
					r %= 200 // frequent words
				}
				b.WriteString(vocab[r] + " ")
			}
			b.WriteString("said 42. ")
		}
		texts = append(texts, b.String())
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	bodies := make([]*Body, len(texts))
	est := 0
	for i, s := range texts {
		bodies[i] = m.Prepare(s)
		est += bodies[i].Size()
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(bodies)
	real := int(after.HeapAlloc) - int(before.HeapAlloc)
	if ratio := float64(est) / float64(real); ratio < 0.6 || ratio > 1.6 {
		t.Errorf("bodies estimated at %d KB, hold %d KB (ratio %.2f)", est>>10, real>>10, ratio)
	} else {
		t.Logf("estimated %d KB, held %d KB (ratio %.2f)", est>>10, real>>10, ratio)
	}
}
