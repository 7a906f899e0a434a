package extract

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// feature returns the named feature of f.
func feature(t *testing.T, f []float64, name string) float64 {
	t.Helper()
	for i, n := range FeatureNames {
		if n == name {
			return f[i]
		}
	}
	t.Fatalf("no feature %q", name)
	return 0
}

func TestFeatures(t *testing.T) {
	part := "The harbour reopened on Monday after eleven months of repairs."
	whole := part + "\n\nFishing boats were the first to sail out on the morning tide.\n\nMenu\n\nHome"
	f := features(pageGrams{}, part, whole)
	if len(f) != len(FeatureNames) {
		t.Fatalf("%d features, %d names", len(f), len(FeatureNames))
	}
	for _, c := range []struct {
		name string
		want float64
	}{
		{"t in r", 1},                         // readability's text holds trafilatura's
		{"log paragraphs t", math.Log1p(1)},   // one paragraph
		{"log paragraphs r", math.Log1p(4)},   // blank-line and line breaks both split
		{"sentence ends r", 0.5},              // "Menu" and "Home" end without a stop
		{"short-paragraph words r", 2.0 / 24}, // "Menu", "Home": 2 of 24 words
		{"t under 50 words", 1},               // 10 words
		{"disjoint", 0},                       // they share trigrams
		{"on page t", 0},                      // the page index is empty
	} {
		if got := feature(t, f, c.name); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
	}
	if got := feature(t, f, "r in t"); got <= 0 || got >= 1 {
		t.Errorf("r in t = %v, want a part", got)
	}
}

func TestIndexPage(t *testing.T) {
	doc := parseFile(t, "chooser.html")
	g := indexPage(doc)
	body := measure("The council said the repairs cost four million pounds")
	related := measure("Council votes on new parking charges near the beach")
	sb := g.shares(body.grams)
	sr := g.shares(related.grams)
	// shares: on page, in links, in paragraphs, in lists, in headings, in chrome
	if sb[0] != 1 || sb[2] != 1 || sb[1] != 0 || sb[5] != 0 {
		t.Errorf("article sentence shares %v, want on page and in paragraphs only", sb)
	}
	if sr[0] != 1 || sr[1] != 1 || sr[3] != 1 || sr[5] != 1 || sr[2] != 0 {
		t.Errorf("related link shares %v, want in links, lists and chrome", sr)
	}
	if s := g.shares(measure("words that are nowhere on this page at all").grams); s[0] != 0 {
		t.Errorf("absent text found on page: %v", s)
	}
}

func TestCandidates(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "chooser.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Candidates(t.Context(), bytes.NewReader(b), "https://example.com/harbour")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"trafilatura": p.Trafilatura, "readability": p.Readability} {
		if !strings.Contains(text, "first to sail out") {
			t.Errorf("%s text lacks the article:\n%s", name, text)
		}
	}
	if len(p.Features) != len(FeatureNames) || p.Title == "" {
		t.Errorf("features %d, title %q", len(p.Features), p.Title)
	}
	res, err := HTML(t.Context(), bytes.NewReader(b), "https://example.com/harbour")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"trafilatura": p.Trafilatura, "readability": p.Readability}[res.Extractor]; res.Text != want {
		t.Errorf("HTML gave %s's text %q, not the candidate %q", res.Extractor, res.Text, want)
	}
}

func TestTrainForest(t *testing.T) {
	// Readability is better exactly when feature 3 is above 0.5, by a gain
	// that grows with feature 0; the other features are noise.
	var xs [][]float64
	var ys []float64
	for i := range 400 {
		x := make([]float64, len(FeatureNames))
		for j := range x {
			x[j] = float64((i*(j+7)*7919)%1000) / 1000
		}
		g := -0.2 * (1 + x[0])
		if x[3] > 0.5 {
			g = -g
		}
		xs, ys = append(xs, x), append(ys, g)
	}
	f := TrainForest(xs, ys, DefaultBoost)
	wrong := 0
	for i, x := range xs {
		if f.Readability(x) != (ys[i] > 0) {
			wrong++
		}
	}
	if wrong > 8 {
		t.Errorf("%d of %d training pages decided wrong", wrong, len(xs))
	}
	var buf bytes.Buffer
	if err := f.Save(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := LoadForest(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range xs[:20] {
		if f.Gain(x) != g.Gain(x) {
			t.Fatal("loaded forest differs from the saved one")
		}
	}
	if _, err := LoadForest([]byte("not gzip")); err == nil {
		t.Error("garbage loaded")
	}
}

func TestDefaultChooser(t *testing.T) {
	if f := DefaultChooser(); f.Features != len(FeatureNames) || len(f.Trees) == 0 {
		t.Errorf("embedded chooser: %d features, %d trees", f.Features, len(f.Trees))
	}
}

func parseFile(t *testing.T, name string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := parse(t.Context(), bytes.NewReader(b), "")
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
