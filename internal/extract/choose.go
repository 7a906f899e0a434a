package extract

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/gobz"
)

//go:embed weights/chooser.gob.gz
var chooserWeights []byte

// DefaultChooser is the embedded chooser (trained by `crosscheck train
// extract`), loaded once.
var DefaultChooser = sync.OnceValue(func() *Forest {
	f, err := LoadForest(chooserWeights)
	if err != nil {
		panic(fmt.Sprintf("extract: embedded chooser: %v", err))
	}
	return f
})

// LoadForest reads a chooser written by Forest.Save.
func LoadForest(b []byte) (*Forest, error) {
	var f Forest
	if err := gobz.Read(bytes.NewReader(b), &f); err != nil {
		return nil, err
	}
	if f.Features != len(FeatureNames) {
		return nil, fmt.Errorf("chooser of %d features, want %d", f.Features, len(FeatureNames))
	}
	return &f, nil
}

// FeatureNames name the chooser's features, in the order Features gives them.
// "t" is go-trafilatura's text, "r" go-readability's.
var FeatureNames = []string{
	"log words t", "log words r", "log words r/t",
	"r in t", "t in r",
	"log paragraphs t", "log paragraphs r",
	"log words per paragraph t", "log words per paragraph r",
	"sentence ends t", "sentence ends r",
	"short-paragraph words t", "short-paragraph words r",
	"t under 50 words", "r under 50 words",
	"r holds t and is longer", "t holds r and is longer",
	"disjoint", "disjoint: sentence ends r-t", "disjoint: short-paragraph words r-t",
	"on page t", "in links t", "in paragraphs t", "in lists t", "in headings t", "in chrome t",
	"on page r", "in links r", "in paragraphs r", "in lists r", "in headings r", "in chrome r",
}

// features measures a page's two candidate texts for the chooser: their
// lengths, how much of each the other contains (word trigrams), their
// paragraphs, how prose-like the paragraphs are, and where on the page
// their words stood (links, paragraphs, lists, headings, page chrome).
func features(page pageGrams, t, r string) []float64 {
	mt, mr := measure(t), measure(r)
	f := make([]float64, 0, len(FeatureNames))
	f = append(f, math.Log1p(float64(mt.words)), math.Log1p(float64(mr.words)),
		math.Log(float64(mr.words+1)/float64(mt.words+1)),
		contained(mr.grams, mt.grams), contained(mt.grams, mr.grams),
		math.Log1p(float64(mt.paras)), math.Log1p(float64(mr.paras)),
		math.Log1p(mt.perPara()), math.Log1p(mr.perPara()),
		mt.endShare(), mr.endShare(),
		mt.shortShare(), mr.shortShare(),
		b2f(mt.words < 50), b2f(mr.words < 50))
	// A text that holds the other and more is usually the whole article
	// where the other found a part; when they share nothing one of them
	// is the wrong block, and prose tells which.
	ratio := f[2]
	tInR, rInT := f[4], f[3]
	disjoint := b2f(max(tInR, rInT) < 0.2)
	f = append(f, tInR*max(0, ratio), rInT*max(0, -ratio),
		disjoint, disjoint*(mr.endShare()-mt.endShare()), disjoint*(mr.shortShare()-mt.shortShare()))
	st, sr := page.shares(mt.grams), page.shares(mr.grams)
	f = append(f, st[:]...)
	return append(f, sr[:]...)
}

// measured is what Features reads from one text.
type measured struct {
	words, paras, ended, shortWords int
	grams                           map[uint64]bool
}

func (m measured) perPara() float64 {
	if m.paras == 0 {
		return 0
	}
	return float64(m.words) / float64(m.paras)
}

func (m measured) endShare() float64 {
	if m.paras == 0 {
		return 0
	}
	return float64(m.ended) / float64(m.paras)
}

func (m measured) shortShare() float64 {
	if m.words == 0 {
		return 0
	}
	return float64(m.shortWords) / float64(m.words)
}

// shortPara is the word count below which a paragraph reads as a label, a
// link or a button rather than prose.
const shortPara = 10

func measure(text string) measured {
	m := measured{grams: map[uint64]bool{}}
	var a, b uint64 // the two previous word hashes
	for _, p := range strings.Split(text, "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		n := 0
		for w := range strings.FieldsFuncSeq(p, notWord) {
			c := wordHash(w)
			if a != 0 {
				m.grams[gram(a, b, c)] = true
			}
			a, b = b, c
			n++
		}
		if n == 0 {
			continue
		}
		m.paras++
		m.words += n
		if n < shortPara {
			m.shortWords += n
		}
		if strings.ContainsAny(p[len(p)-1:], ".!?\"'”’:)") {
			m.ended++
		}
	}
	return m
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// contained is the share of a's trigrams that are in b (0 when a has none).
func contained(a, b map[uint64]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for g := range a {
		if b[g] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
