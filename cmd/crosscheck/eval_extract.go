package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/clean"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/extract"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// runEvalExtract scores main-text extraction on a benchmark directory laid
// out as html/ID.html.gz plus ground-truth.json.
func runEvalExtract(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval extract", flag.ContinueOnError)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval extract [flags] DIR\n\n"+
			"Scores main-text extraction on DIR (html/ID.html.gz and ground-truth.json) with the\n"+
			"extraction benchmark's metric: per-page 4-word shingle precision and recall, averaged.\n\nflags:")
		fs.PrintDefaults()
	}
	mode := fs.String("mode", "full", "full (extract + clean), extract (no cleaning) or trafilatura (go-trafilatura alone)")
	title := fs.Bool("title", true, "prepend the page title to the text (full and extract modes)")
	out := fs.String("predictions-out", "", "write predictions as {\"ID\": {\"articleBody\": ...}} to `FILE`")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages extracted in parallel")
	var keep reasonList
	fs.Var(&keep, "keep", "full mode: keep the lines cleaning would remove for this `REASON` (as crosscheck article --removed names it; repeat for several), to measure a rule")
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errFailed
	}
	switch *mode {
	case "full", "extract", "trafilatura":
	default:
		return fmt.Errorf("unknown mode %q", *mode)
	}
	keepReasons := map[string]bool{}
	for _, r := range keep {
		keepReasons[r] = true
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

	start := time.Now()
	pred := make(map[string]string, len(ids))
	var mu sync.Mutex
	var failed int
	eachPage(ctx, *workers, ids, func(id string) {
		text, err := predictPage(ctx, filepath.Join(dir, "html", id+".html.gz"), gold[id].URL, *mode, *title, keepReasons)
		mu.Lock()
		if err != nil {
			failed++
		}
		pred[id] = text
		mu.Unlock()
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	elapsed := time.Since(start)

	bodies := make(map[string]string, len(gold))
	for id, g := range gold {
		bodies[id] = g.ArticleBody
	}
	s := eval.ScoreExtraction(bodies, pred)
	fmt.Printf("mode\t%s\npages\t%d\nprecision\t%.4f\nrecall\t%.4f\nf1\t%.4f\n", *mode, s.Pages, s.Precision, s.Recall, s.F1)
	fmt.Printf("no_text\t%d\nseconds\t%.1f\npages_per_second\t%.1f\n", failed, elapsed.Seconds(), float64(len(ids))/elapsed.Seconds())
	if *out != "" {
		return writePredictions(*out, pred)
	}
	return nil
}

// reasonList is a repeatable flag of cleaning removal reasons.
type reasonList []string

func (l *reasonList) String() string { return strings.Join(*l, "; ") }

func (l *reasonList) Set(s string) error {
	if !clean.Reason(s) {
		return fmt.Errorf("unknown removal reason %q (one of: %s)", s, strings.Join(clean.Reasons, "; "))
	}
	*l = append(*l, s)
	return nil
}

// eachPage runs f on every id on workers goroutines, stopping early when
// ctx ends; f guards what it shares.
func eachPage(ctx context.Context, workers int, ids []string, f func(id string)) {
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Go(func() {
			for id := range jobs {
				f(id)
			}
		})
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			break
		}
		jobs <- id
	}
	close(jobs)
	wg.Wait()
}

// goldPage is one entry of ground-truth.json.
type goldPage struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

func readGold(path string) (map[string]goldPage, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var gold map[string]goldPage
	if err := json.Unmarshal(b, &gold); err != nil {
		return nil, fmt.Errorf("parse ground truth: %w", err)
	}
	return gold, nil
}

// predictPage extracts one page's body in the given mode.
func predictPage(ctx context.Context, path, url, mode string, title bool, keep map[string]bool) (string, error) {
	raw, err := readMaybeGzip(path)
	if err != nil {
		return "", err
	}
	if mode == "trafilatura" {
		return extract.Trafilatura(ctx, bytes.NewReader(raw), url)
	}
	res, err := extract.HTML(ctx, bytes.NewReader(raw), url)
	if err != nil {
		return "", err
	}
	return scoredText(ctx, res.Text, res.Title, mode == "full", title, keep)
}

// scoredText is the text the benchmark scores for an extracted text: cleaned
// when clean is set (keeping the lines of the reasons in keep), with the
// title prepended when title is set and the text does not show its headline.
func scoredText(ctx context.Context, text, pageTitle string, cleaned, title bool, keep map[string]bool) (string, error) {
	if cleaned {
		a := &news.Article{Raw: text, Title: pageTitle}
		if err := (clean.Cleaner{Keep: keep}).Process(ctx, a); err != nil {
			return "", err
		}
		text = a.Text
	}
	if title && pageTitle != "" && !extract.HeadlineShown(pageTitle, text) {
		text = pageTitle + "\n\n" + text
	}
	return text, nil
}

func readMaybeGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return io.ReadAll(r)
}

func writePredictions(path string, pred map[string]string) error {
	out := make(map[string]map[string]string, len(pred))
	for id, t := range pred {
		out[id] = map[string]string{"articleBody": t}
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("write predictions: %w", err)
	}
	return nil
}
