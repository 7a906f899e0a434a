package quote

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// SpeakerModel is the linear speaker ranker: a weight per feature; the
// candidate with the highest sum of its features' weights speaks.
type SpeakerModel struct {
	w map[string]float64
}

// score sums the weights of feats.
func (m *SpeakerModel) score(feats []string) float64 {
	s := 0.0
	for _, f := range feats {
		s += m.w[f]
	}
	return s
}

// Len is the number of features with a weight.
func (m *SpeakerModel) Len() int { return len(m.w) }

// WriteTo writes the model gzip-compressed, one "weight<TAB>feature" line per
// feature, sorted.
func (m *SpeakerModel) WriteTo(w io.Writer) (int64, error) {
	keys := make([]string, 0, len(m.w))
	for k := range m.w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, "# crosscheck quote speaker ranker v1")
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%s\n", strconv.FormatFloat(m.w[k], 'g', 5, 64), k)
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("write speaker model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("write speaker model: %w", err)
	}
	return buf.WriteTo(w)
}

// LoadSpeakerModel reads a model written by WriteTo.
func LoadSpeakerModel(r io.Reader) (*SpeakerModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read speaker model: %w", err)
	}
	m := &SpeakerModel{w: map[string]float64{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ws, f, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("read speaker model: bad line %q", line)
		}
		v, err := strconv.ParseFloat(ws, 64)
		if err != nil {
			return nil, fmt.Errorf("read speaker model: %w", err)
		}
		m.w[f] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read speaker model: %w", err)
	}
	return m, nil
}

// speakerWeights are the embedded weights, written by `crosscheck train quotes`.
//
//go:embed weights/speaker.tsv.gz
var speakerWeights []byte

var defaultSpeakerModel = sync.OnceValues(func() (*SpeakerModel, error) {
	return LoadSpeakerModel(bytes.NewReader(speakerWeights))
})

// DefaultSpeakerModel returns the embedded speaker ranker, loaded once.
func DefaultSpeakerModel() (*SpeakerModel, error) { return defaultSpeakerModel() }
