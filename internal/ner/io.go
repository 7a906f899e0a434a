package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/crosscheck-news/crosscheck/internal/gobz"
)

// fileModel is the on-disk form of a Model: gob, gzip-compressed.
type fileModel struct {
	Types      []string
	Words      []string
	C1, C2, C3 []uint16
	Cap        []uint8
	Passes     []fileLinear
	// The gazetteer: hashes of names seen as entities in training and their
	// type bit sets.
	GazNames  []uint64
	GazTypes  []uint8
	GazMaxLen int
	// Hashes of the words of longer names and those names' types.
	GazWords     []uint64
	GazWordTypes []uint8
}

type fileLinear struct {
	Keys  []uint32
	W     []int16 // len(Keys) × L, quantised by Scale
	Scale float32
	Trans []float32
}

// Save writes m compressed to w. Feature rows whose weights are all near
// zero are dropped and weights are quantised to 16 bits.
func (m *Model) Save(w io.Writer) error {
	f := fileModel{Types: m.labels.types}
	if m.lex != nil {
		for word := range m.lex.words {
			f.Words = append(f.Words, word)
		}
		sort.Strings(f.Words)
		for _, word := range f.Words {
			e := m.lex.words[word]
			f.C1 = append(f.C1, e.c1)
			f.C2 = append(f.C2, e.c2)
			f.C3 = append(f.C3, e.c3)
			f.Cap = append(f.Cap, e.capRatio)
		}
	}
	if m.gaz != nil {
		for h := range m.gaz.names {
			f.GazNames = append(f.GazNames, h)
		}
		slices.Sort(f.GazNames)
		for _, h := range f.GazNames {
			f.GazTypes = append(f.GazTypes, m.gaz.names[h])
		}
		f.GazMaxLen = m.gaz.maxLen
		for h := range m.gaz.words {
			f.GazWords = append(f.GazWords, h)
		}
		slices.Sort(f.GazWords)
		for _, h := range f.GazWords {
			f.GazWordTypes = append(f.GazWordTypes, m.gaz.words[h])
		}
	}
	for _, lin := range []*linear{m.pass1, m.pass2} {
		if lin != nil {
			f.Passes = append(f.Passes, lin.file())
		}
	}
	if err := gobz.Write(w, &f); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

func (lin *linear) file() fileLinear {
	L := lin.L
	var maxAbs float32
	for _, v := range lin.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	type kr struct {
		k uint32
		r int
	}
	var rows []kr
	for _, e := range lin.table {
		if e.key != 0 {
			rows = append(rows, kr{e.key, int(e.row)})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].k < rows[j].k })
	f := fileLinear{Scale: scale, Trans: lin.trans}
	q := make([]int16, L)
	for _, x := range rows {
		nonzero := false
		for y := 0; y < L; y++ {
			q[y] = int16(math.Round(float64(lin.w[x.r*L+y] / scale)))
			nonzero = nonzero || q[y] != 0
		}
		if nonzero {
			f.Keys = append(f.Keys, x.k)
			f.W = append(f.W, q...)
		}
	}
	return f
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	var f fileModel
	if err := gobz.Read(r, &f); err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	if len(f.Passes) == 0 {
		return nil, fmt.Errorf("load model: no weights")
	}
	m := &Model{labels: newLabelSet(f.Types)}
	L := len(m.labels.names)
	if len(f.Words) > 0 {
		m.lex = &lexicon{words: make(map[string]lexEntry, len(f.Words))}
		for i, w := range f.Words {
			m.lex.words[w] = lexEntry{c1: f.C1[i], c2: f.C2[i], c3: f.C3[i], capRatio: f.Cap[i]}
		}
	}
	if len(f.GazNames) > 0 {
		if len(f.GazTypes) != len(f.GazNames) || len(f.GazWordTypes) != len(f.GazWords) {
			return nil, fmt.Errorf("load model: gazetteer types do not match names")
		}
		m.gaz = &gazetteer{names: make(map[uint64]uint8, len(f.GazNames)),
			words: make(map[uint64]uint8, len(f.GazWords)), maxLen: f.GazMaxLen}
		for i, h := range f.GazNames {
			m.gaz.names[h] = f.GazTypes[i]
		}
		for i, h := range f.GazWords {
			m.gaz.words[h] = f.GazWordTypes[i]
		}
	}
	var lins []*linear
	for _, p := range f.Passes {
		if len(p.W) != len(p.Keys)*L || len(p.Trans) != (L+1)*L {
			return nil, fmt.Errorf("load model: weights do not match %d labels", L)
		}
		w := make([]float32, len(p.W))
		for i, v := range p.W {
			w[i] = float32(v) * p.Scale
		}
		lins = append(lins, newLinear(L, p.Keys, w, p.Trans))
	}
	m.pass1 = lins[0]
	if len(lins) > 1 {
		m.pass2 = lins[1]
	}
	return m, nil
}

//go:embed model/ner.gob.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
	})
	return defaultModel, defaultErr
}
