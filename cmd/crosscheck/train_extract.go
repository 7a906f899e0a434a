package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/extract"
)

// chooserPage is one dev page as the chooser's training sees it: its
// features and the benchmark's precision and recall of each candidate's
// scored text (cleaned, title prepended).
type chooserPage struct {
	id       string
	features []float64
	t, r     [2]float64 // trafilatura's and readability's P, R
}

// runTrainExtract trains the extraction chooser (go-trafilatura's text or
// go-readability's) on the extraction-dev pages and writes the weights that
// internal/extract embeds.
func runTrainExtract(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("train extract", flag.ContinueOnError)
	data := fs.String("data", "", "shared data directory (default: $CROSSCHECK_DATA or ../shared/data)")
	out := fs.String("out", "internal/extract/weights/chooser.gob.gz", "where to write the weights")
	folds := fs.Int("folds", 5, "cross-validation folds")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages extracted in parallel")
	o := extract.DefaultBoost
	fs.IntVar(&o.Rounds, "rounds", o.Rounds, "trees")
	fs.IntVar(&o.Depth, "depth", o.Depth, "tree depth")
	fs.IntVar(&o.MinLeaf, "min-leaf", o.MinLeaf, "pages in a leaf at least")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck train extract [--data DIR] [--out FILE]\n\n"+
			"Extracts every extraction-dev page with go-trafilatura and go-readability, scores both\n"+
			"texts as `eval extract` does (cleaned, title prepended), trains the chooser to predict how\n"+
			"much better readability's text scores, prints its cross-validated score, then trains on\n"+
			"all pages and writes the weights.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	dir, err := sharedData(*data, "pass --data DIR or set CROSSCHECK_DATA")
	if err != nil {
		return err
	}
	pages, err := chooserPages(ctx, filepath.Join(dir, "extraction-dev"), *workers, 1)
	if err != nil {
		return err
	}
	gains := chooserGains(pages)
	cv := make([]bool, len(pages))
	for k := range *folds {
		var xs [][]float64
		var ys []float64
		for i, p := range pages {
			if i%*folds != k {
				xs = append(xs, p.features)
				ys = append(ys, gains[i])
			}
		}
		f := extract.TrainForest(xs, ys, o)
		for i, p := range pages {
			if i%*folds == k {
				cv[i] = f.Readability(p.features)
			}
		}
	}
	f := extract.TrainForest(featuresOf(pages), gains, o)
	var buf bytes.Buffer
	if err := f.Save(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes, %d trees)\n", *out, buf.Len(), len(f.Trees))
	all := make([]bool, len(pages))
	for i, p := range pages {
		all[i] = f.Readability(p.features)
	}
	fmt.Printf("extraction-dev, %d pages, cleaned and titled as eval extract --mode full scores them:\n", len(pages))
	fmt.Printf("text\tprecision\trecall\tf1\treadability_pages\n")
	show := func(name string, pick func(i int) bool) {
		s, n := chooserScore(pages, pick)
		fmt.Printf("%s\t%.4f\t%.4f\t%.4f\t%d\n", name, s.Precision, s.Recall, s.F1, n)
	}
	show("trafilatura", func(int) bool { return false })
	show("readability", func(int) bool { return true })
	show(fmt.Sprintf("chooser, %d-fold cv", *folds), func(i int) bool { return cv[i] })
	show("chooser, in-sample", func(i int) bool { return all[i] })
	show("oracle", func(i int) bool { return gains[i] > 0 })
	return nil
}

// chooserPages extracts and scores the pages of a benchmark directory, in
// id order; every > 1 keeps one page in every (a sample for tests).
func chooserPages(ctx context.Context, dir string, workers, every int) ([]chooserPage, error) {
	gold, err := readGold(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if every > 1 {
		kept := ids[:0]
		for i := 0; i < len(ids); i += every {
			kept = append(kept, ids[i])
		}
		ids = kept
	}
	pages := make([]chooserPage, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	var mu sync.Mutex
	var firstErr error
	eachPage(ctx, workers, ids, func(id string) {
		p, err := chooserPageOf(ctx, filepath.Join(dir, "html", id+".html.gz"), gold[id])
		mu.Lock()
		defer mu.Unlock()
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: %w", id, err)
		}
		p.id = id
		pages[index[id]] = p
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pages, firstErr
}

func chooserPageOf(ctx context.Context, path string, g goldPage) (chooserPage, error) {
	raw, err := readMaybeGzip(path)
	if err != nil {
		return chooserPage{}, err
	}
	pair, err := extract.Candidates(ctx, bytes.NewReader(raw), g.URL)
	if err != nil {
		// No candidate: both score as an empty text.
		c := eval.MatchShingles(g.ArticleBody, "")
		s := [2]float64{c.Precision(), c.Recall()}
		return chooserPage{features: make([]float64, len(extract.FeatureNames)), t: s, r: s}, nil
	}
	p := chooserPage{features: pair.Features}
	for i, text := range []string{pair.Trafilatura, pair.Readability} {
		scored, err := scoredText(ctx, text, pair.Title, true, true, nil)
		if err != nil {
			return chooserPage{}, err
		}
		c := eval.MatchShingles(g.ArticleBody, scored)
		s := [2]float64{c.Precision(), c.Recall()}
		if i == 0 {
			p.t = s
		} else {
			p.r = s
		}
	}
	return p, nil
}

// chooserGains is, per page, how much taking readability's text moves the
// benchmark's F1: the differences in precision and recall weighted by the
// F1's derivatives with respect to mean precision and mean recall, taken
// where trafilatura's texts alone put them.
func chooserGains(pages []chooserPage) []float64 {
	var p, r float64
	for _, pg := range pages {
		p += pg.t[0]
		r += pg.t[1]
	}
	p /= float64(len(pages))
	r /= float64(len(pages))
	// F1 = 2PR/(P+R): dF/dP = 2R²/(P+R)², dF/dR = 2P²/(P+R)²; normalised.
	wp, wr := r*r/(p*p+r*r), p*p/(p*p+r*r)
	gains := make([]float64, len(pages))
	for i, pg := range pages {
		gains[i] = wp*(pg.r[0]-pg.t[0]) + wr*(pg.r[1]-pg.t[1])
	}
	return gains
}

func featuresOf(pages []chooserPage) [][]float64 {
	xs := make([][]float64, len(pages))
	for i, p := range pages {
		xs[i] = p.features
	}
	return xs
}

// chooserScore is the benchmark score of the pages' texts when pick(i) takes
// readability's text for page i, and how many pages it took it for.
func chooserScore(pages []chooserPage, pick func(i int) bool) (eval.ExtractionScore, int) {
	s := eval.ExtractionScore{Pages: len(pages)}
	n := 0
	for i, pg := range pages {
		pr := pg.t
		if pick(i) {
			pr = pg.r
			n++
		}
		s.Precision += pr[0]
		s.Recall += pr[1]
	}
	if len(pages) > 0 {
		s.Precision /= float64(len(pages))
		s.Recall /= float64(len(pages))
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s, n
}
