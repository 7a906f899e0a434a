package quote_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/quote"
)

// Floors on PolNeAR dev, a little under the measured scores (docs/quotes.md).
const (
	floorF1         = 0.86
	floorSpeakerAcc = 0.85
	floorEndToEnd   = 0.74
)

func TestPolNeARDevFloor(t *testing.T) {
	dir := datadir.Require(t, "polnear/dev")
	docs, err := eval.LoadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	var s eval.QuoteScore
	for i := range docs {
		a := &news.Article{Text: docs[i].Text}
		if err := (quote.Extractor{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		s.Add(docs[i].GoldQuotes(), quote.Attributions(a.Text, a.Quotes))
	}
	t.Logf("\n%s", s)
	if s.F1() < floorF1 || s.SpeakerAccuracy() < floorSpeakerAcc || s.EndToEndF1() < floorEndToEnd {
		t.Errorf("below floor: F1 %.4f (>= %.2f), speaker %.4f (>= %.2f), end-to-end %.4f (>= %.2f)",
			s.F1(), floorF1, s.SpeakerAccuracy(), floorSpeakerAcc, s.EndToEndF1(), floorEndToEnd)
	}
}

// BenchmarkExtract measures quote extraction and attribution over the
// PolNeAR train texts (bytes per second per core).
func BenchmarkExtract(b *testing.B) {
	dir := datadir.Require(b, "polnear/train/text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var texts []string
	size := 0
	for _, f := range files[:min(200, len(files))] {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			a := &news.Article{Text: t}
			if err := (quote.Extractor{}).Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
}
