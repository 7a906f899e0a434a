package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlite"
)

// runEvalVeracity ingests a veracity folder's articles into a temporary store
// and scores the stories (BCubed) and the status of each story's main claim.
func runEvalVeracity(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval veracity", flag.ContinueOnError)
	keep := fs.String("db", "", "ingest into this SQLite file and keep it (default: a temporary store, removed after)")
	table := fs.Bool("table", true, "print the per-story table")
	workers := fs.Int("workers", 0, "analysis goroutines (default: one per core)")
	rowsOut := fs.String("rows-out", "", "write the per-story rows as JSON lines to this file (with the predicted story ids)")
	window := storyWindowFlag(fs)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), `usage: crosscheck eval veracity [--db FILE] [--table=false] [DIR]

DIR holds articles.jsonl and gold.json as in ../shared/data/veracity (the
default). Prints the stories' BCubed precision, recall and F1 over the gold
articles, and the share of labelled stories whose main claim has the right
status (true: confirmed; false: denied or disputed; unknown: unverified or
disputed), with a table of every gold story.

flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	ecfg, err := window.config()
	if err != nil {
		return badUsage(err)
	}
	dir := fs.Arg(0)
	if dir == "" {
		d, ok := datadir.Path("veracity")
		if !ok {
			return errors.New("no veracity folder: give DIR or set CROSSCHECK_DATA")
		}
		dir = d
	}
	gold, err := eval.LoadVeracityGold(filepath.Join(dir, "gold.json"))
	if err != nil {
		return err
	}
	input := filepath.Join(dir, "articles.jsonl")
	if _, err := os.Stat(input); err != nil {
		return fmt.Errorf("veracity articles: %w", err)
	}
	dbPath := *keep
	if dbPath == "" {
		tmp, err := os.MkdirTemp("", "crosscheck-veracity-")
		if err != nil {
			return fmt.Errorf("temporary store: %w", err)
		}
		defer os.RemoveAll(tmp)
		dbPath = filepath.Join(tmp, "eval.db")
	}
	res, err := scoreVeracity(ctx, gold, input, dbPath, *workers, ecfg)
	if err != nil {
		return err
	}
	rows, share, sum, elapsed := res.rows, res.share, res.sum, res.elapsed
	p, r, f := res.p, res.r, res.f
	stories := res.stories
	if *table {
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "gold\ttruth\tarticles\theld\tstatus\tright\tmain claim\tgold claim")
		for _, row := range rows {
			mark := "no"
			if row.Right {
				mark = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\n", row.Gold, row.Truth, row.Articles, row.Held,
				orDash(row.Status), mark, clip(row.Claim, 70), clip(row.GoldClaim, 60))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if *rowsOut != "" {
		if err := writeJSONLines(*rowsOut, rows); err != nil {
			return err
		}
	}
	byTruth := map[string][2]int{}
	for _, row := range rows {
		c := byTruth[row.Truth]
		c[1]++
		if row.Right {
			c[0]++
		}
		byTruth[row.Truth] = c
	}
	fmt.Printf("articles %d (%s)  predicted stories %d  (ingest %.1fs)\n", len(gold.Articles), sum, len(stories), elapsed.Seconds())
	fmt.Printf("BCubed precision %.4f  recall %.4f  F1 %.4f\n", p, r, f)
	for _, t := range []string{"true", "false", "unknown"} {
		c := byTruth[t]
		fmt.Printf("status right for %s: %d/%d\n", t, c[0], c[1])
	}
	fmt.Printf("main claim status right %.4f (%d stories)\n", share, len(rows))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeJSONLines writes each row as one JSON line.
func writeJSONLines[T any](path string, rows []T) error {
	fh, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write rows: %w", err)
	}
	enc := json.NewEncoder(fh)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			fh.Close()
			return fmt.Errorf("write rows: %w", err)
		}
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("write rows: %w", err)
	}
	return nil
}

// veracityResult is one veracity evaluation.
type veracityResult struct {
	rows    []eval.VeracityRow
	share   float64 // main claims with the right status
	p, r, f float64 // BCubed over the gold articles
	stories map[string]eval.PredictedStory
	sum     engine.Summary
	elapsed time.Duration
}

// scoreVeracity ingests input into a SQLite store at dbPath with the whole
// pipeline and scores it against gold.
func scoreVeracity(ctx context.Context, gold *eval.VeracityGold, input, dbPath string, workers int, ecfg engine.Config) (veracityResult, error) {
	store, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return veracityResult{}, err
	}
	defer store.Close()
	if workers > 0 {
		ecfg.Workers = workers
	}
	e, err := engine.New(ctx, store, ecfg)
	if err != nil {
		return veracityResult{}, err
	}
	stored := map[string]string{} // input id -> stored article id
	e.Saved = func(d news.Document, id string) { stored[d.ID] = id }
	start := time.Now()
	sum, err := e.Run(ctx, engine.Paths(&ingest.Reader{}, []string{input}), func(err error) {
		fmt.Fprintf(os.Stderr, "crosscheck eval veracity: %v\n", err)
	}, nil)
	if err != nil {
		return veracityResult{}, err
	}
	elapsed := time.Since(start)
	assign, err := store.Assignments(ctx)
	if err != nil {
		return veracityResult{}, err
	}
	storyOf := map[string]string{}
	for _, p := range assign {
		storyOf[p[0]] = p[1]
	}
	pred := map[string]string{}
	for id := range gold.Articles {
		if s, ok := storyOf[stored[id]]; ok {
			pred[id] = s
		}
	}
	stories := map[string]eval.PredictedStory{}
	for _, s := range pred {
		if _, ok := stories[s]; ok {
			continue
		}
		v, err := store.View(ctx, s)
		if err != nil {
			if errors.Is(err, news.ErrNotFound) {
				stories[s] = eval.PredictedStory{}
				continue
			}
			return veracityResult{}, err
		}
		var ps eval.PredictedStory
		if len(v.Claims) > 0 {
			ps = eval.PredictedStory{Claim: v.Claims[0].Text, Status: string(v.Claims[0].Status), Reason: v.Claims[0].Reason}
		}
		stories[s] = ps
	}
	p, r, f := eval.BCubed(gold.Articles, pred)
	rows, share := eval.ScoreVeracity(gold, pred, stories)
	return veracityResult{rows: rows, share: share, p: p, r: r, f: f, stories: stories, sum: sum, elapsed: elapsed}, nil
}
