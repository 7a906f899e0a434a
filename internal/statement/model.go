package statement

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Model holds the two linear models of the stage: the cue tagger (a weight
// per hashed token feature; a token whose score is above zero is part of a
// cue) and the content ranker (a weight per hashed candidate feature; the
// candidate reading of a cue with the highest score wins).
type Model struct {
	vocab   map[uint64]float32 // hashed lower-cased words seen in cues: only these are scored
	cue     map[uint64]float32
	content map[uint64]float32
	// threshold is the score above which a token is part of a cue.
	threshold float32

	vocabT, cueT, contentT *table // the maps, frozen for scoring
}

func newModel() *Model {
	return &Model{vocab: map[uint64]float32{}, cue: map[uint64]float32{}, content: map[uint64]float32{}}
}

// table is a frozen weight map: open addressing on the feature hash itself
// (features are already hashes), each slot holding a 32-bit fingerprint of
// the hash beside its weight, so that a lookup costs one cache line. A Go
// map of the same weights takes three times as long here.
type table struct {
	slots []slot
	mask  uint64
}

type slot struct {
	fp uint32 // the hash's high half, never 0; 0 marks an empty slot
	w  float32
}

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

func newTable(m map[uint64]float32) *table {
	n := 16
	for n < len(m)+len(m)/2 {
		n *= 2
	}
	t := &table{slots: make([]slot, n), mask: uint64(n - 1)}
	for k, v := range m {
		i := k & t.mask
		for t.slots[i].fp != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{fingerprint(k), v}
	}
	return t
}

func (t *table) get(k uint64) (float32, bool) {
	fp := fingerprint(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.slots[i].fp {
		case fp:
			return t.slots[i].w, true
		case 0:
			return 0, false
		}
	}
}

func (t *table) score(fs []uint64) float32 {
	var s float32
	for _, f := range fs {
		v, _ := t.get(f)
		s += v
	}
	return s
}

// freeze builds the lookup tables from the weight maps.
func (m *Model) freeze() *Model {
	m.vocabT, m.cueT, m.contentT = newTable(m.vocab), newTable(m.cue), newTable(m.content)
	return m
}

// Len is the number of features with a weight.
func (m *Model) Len() int { return len(m.vocab) + len(m.cue) + len(m.content) }

// WriteTo writes the model gzip-compressed, one "part<TAB>hash<TAB>weight"
// line per feature, sorted.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, "# crosscheck statement model v1: v = cue words, c = cue tagger, k = content ranker, t = cue threshold")
	fmt.Fprintf(bw, "t\t0\t%s\n", strconv.FormatFloat(float64(m.threshold), 'g', 4, 32))
	for _, part := range []struct {
		name string
		w    map[uint64]float32
	}{{"v", m.vocab}, {"c", m.cue}, {"k", m.content}} {
		keys := make([]uint64, 0, len(part.w))
		for k := range part.w {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(bw, "%s\t%x\t%s\n", part.name, k, strconv.FormatFloat(float64(part.w[k]), 'g', 4, 32))
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("write statement model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("write statement model: %w", err)
	}
	return buf.WriteTo(w)
}

// LoadModel reads a model written by WriteTo.
func LoadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read statement model: %w", err)
	}
	m := newModel()
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("read statement model: bad line %q", line)
		}
		k, err1 := strconv.ParseUint(f[1], 16, 64)
		v, err2 := strconv.ParseFloat(f[2], 32)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("read statement model: bad line %q", line)
		}
		switch f[0] {
		case "t":
			m.threshold = float32(v)
		case "v":
			m.vocab[k] = float32(v)
		case "c":
			m.cue[k] = float32(v)
		case "k":
			m.content[k] = float32(v)
		default:
			return nil, fmt.Errorf("read statement model: bad part %q", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read statement model: %w", err)
	}
	return m.freeze(), nil
}

// weights are the embedded weights, written by `crosscheck train attributions`.
//
//go:embed weights/statement.tsv.gz
var weights []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return LoadModel(bytes.NewReader(weights))
})

// DefaultModel returns the embedded model, loaded once.
func DefaultModel() (*Model, error) { return defaultModel() }
