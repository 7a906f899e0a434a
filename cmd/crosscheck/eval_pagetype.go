package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck-news/crosscheck/internal/clean"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/extract"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pagetype"
)

// pageTypeMinGold is the labelling rule of the page-type benchmark: a page
// whose gold text has fewer words is not an article (docs/extraction.md).
const pageTypeMinGold = 50

// runEvalPageType scores the page-type decision on the extraction
// benchmark's pages, labelled by the length of their gold text.
func runEvalPageType(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval pagetype", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval pagetype [flags] DIR\n\n"+
			"Scores the article / non-article decision on DIR (html/ID.html.gz and ground-truth.json):\n"+
			"a page whose gold text has fewer than --min-gold words is not an article. Pages are split\n"+
			"in two halves by id (first hex digit 0-7: tune, 8-f: test). The default, --split cv, is\n"+
			"two-fold cross-validation: thresholds tuned on each half decide the pages of the other.\n"+
			"The other splits use the built-in thresholds (tuned on all the dev pages).\n\nflags:")
		fs.PrintDefaults()
	}
	minGold := fs.Int("min-gold", pageTypeMinGold, "gold words below which a page is not an article")
	split := fs.String("split", "cv", "pages scored: cv (all, cross-validated), test, tune or all (built-in thresholds)")
	tune := fs.Bool("tune", false, "with test, tune or all: search the thresholds on the scored pages and use them (in-sample)")
	list := fs.String("list", "", "write one line per scored page (id, gold words, label, decision, reason) to `FILE`")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages analysed in parallel")
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errFailed
	}
	switch *split {
	case "cv", "test", "tune", "all":
	default:
		return fmt.Errorf("unknown split %q", *split)
	}
	dir := fs.Arg(0)
	gold, err := readGold(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	feats, err := measurePages(ctx, dir, ids, gold, *workers)
	if err != nil {
		return err
	}
	labels := make(map[string]bool, len(ids))
	for _, id := range ids {
		labels[id] = eval.ArticleLabel(gold[id].ArticleBody, *minGold)
	}
	half := func(name string) (fs []pagetype.Features, ls []bool, in []string) {
		for _, id := range ids {
			if name == "all" || name == "cv" || (tuneHalf(id) == (name == "tune")) {
				fs, ls, in = append(fs, feats[id]), append(ls, labels[id]), append(in, id)
			}
		}
		return fs, ls, in
	}
	pf, pl, pids := half(*split)
	// paramsFor gives the thresholds each scored page is decided with:
	// the other half's tuned ones in cross-validation, else Default or,
	// with --tune, those tuned on the scored pages themselves.
	paramsFor := func(string) pagetype.Params { return pagetype.Default }
	switch {
	case *split == "cv":
		tuned := map[bool]pagetype.Params{}
		for _, h := range []string{"tune", "test"} {
			tf, tl, _ := half(h)
			p, f1 := pagetype.Tune(tf, tl)
			tuned[h == "tune"] = p
			fmt.Printf("tuned_on_%s\t%+v\tnon_article_f1 %.4f\n", h, p, f1)
		}
		paramsFor = func(id string) pagetype.Params { return tuned[!tuneHalf(id)] }
	case *tune:
		p, f1 := pagetype.Tune(pf, pl)
		fmt.Printf("tuned\t%+v\tnon_article_f1 %.4f (in-sample)\n", p, f1)
		paramsFor = func(string) pagetype.Params { return p }
	}
	pred := make([]bool, len(pf))
	var out *bufio.Writer
	if *list != "" {
		f, err := os.Create(*list)
		if err != nil {
			return fmt.Errorf("write list: %w", err)
		}
		defer f.Close()
		out = bufio.NewWriter(f)
		defer out.Flush()
	}
	for i, f := range pf {
		t, why := paramsFor(pids[i]).Classify(f)
		pred[i] = t.IsArticle()
		if out != nil {
			fmt.Fprintf(out, "%s\t%d\t%v\t%s\t%s\n", pids[i], eval.Words(gold[pids[i]].ArticleBody), pl[i], t, why)
		}
	}
	s := eval.ScorePageType(pl, pred)
	fmt.Printf("split\t%s\nmin_gold_words\t%d\npages\t%d\naccuracy\t%.4f\n", *split, *minGold, s.Pages, s.Accuracy)
	for _, c := range []eval.ClassScore{s.NonArticle, s.Article} {
		fmt.Printf("%s\tgold %d\tprecision %.4f\trecall %.4f\tf1 %.4f\n", c.Label, c.Support, c.Precision, c.Recall, c.F1)
	}
	return nil
}

// tuneHalf tells whether a page id (a SHA-256 in hex) is in the tune half.
func tuneHalf(id string) bool { return id != "" && id[0] < '8' }

// measurePages runs extraction, cleaning and metadata on every page and
// measures its page-type features, on a pool of workers.
func measurePages(ctx context.Context, dir string, ids []string, gold map[string]goldPage, workers int) (map[string]pagetype.Features, error) {
	out := make(map[string]pagetype.Features, len(ids))
	var mu sync.Mutex
	eachPage(ctx, workers, ids, func(id string) {
		var f pagetype.Features // a page with no text at all stays zero: not an article
		// As ingest does: the page's canonical address, unless the
		// benchmark gives a real one (its ids are not).
		url := gold[id].URL
		if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
			url = ""
		}
		if a, err := benchmarkPage(ctx, dir, id, url); err == nil {
			f = pagetype.Measure(a)
		}
		mu.Lock()
		out[id] = f
		mu.Unlock()
	})
	return out, ctx.Err()
}

// pageStages are what ingest runs on a page before the analysis: the
// article's text, title, date and source.
var pageStages = []news.Stage{extract.Stage{}, clean.Cleaner{}, ingest.Metadata{}}

// benchmarkPage reads page id of an extraction benchmark folder (html/ID.html.gz)
// and runs pageStages on it, as ingest would.
func benchmarkPage(ctx context.Context, dir, id, url string) (*news.Article, error) {
	raw, err := readMaybeGzip(filepath.Join(dir, "html", id+".html.gz"))
	if err != nil {
		return nil, err
	}
	a := &news.Article{URL: url, HTML: string(raw)}
	for _, st := range pageStages {
		if err := st.Process(ctx, a); err != nil {
			return nil, err
		}
	}
	return a, nil
}
