package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/quote"
	"github.com/crosscheck-news/crosscheck/internal/segment"
	"github.com/crosscheck-news/crosscheck/internal/statement"
)

// runEvalAttributions scores the statement stage on every attribution of a
// PolNeAR split: crosscheck eval attributions DIR [--predictions-out DIR].
func runEvalAttributions(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval attributions", flag.ContinueOnError)
	out := fs.String("predictions-out", "", "write one brat .ann file of predicted attributions per text into this `dir`")
	weights := fs.String("model", "", "score the weights in this `path` instead of the embedded ones")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval attributions DIR [--predictions-out DIR] [--model PATH]\n\n"+
			"Scores attributions (direct, indirect and mixed speech) and their sources on a PolNeAR split\n"+
			"(DIR/text/*.txt, DIR/attributions/*.ann) with the metric of ../shared/data/README.md. The segment,\n"+
			"ner, entity and quote stages run first, as in production; the speed line counts the statement\n"+
			"stage only.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("want one DIR")
	}
	docs, err := eval.LoadPolNeAR(fs.Arg(0))
	if err != nil {
		return err
	}
	var stage statement.Extractor
	if *weights == "" {
		// load the embedded model before the clock starts
		if stage.Model, err = statement.DefaultModel(); err != nil {
			return err
		}
	} else {
		f, err := os.Open(*weights)
		if err != nil {
			return fmt.Errorf("open model: %w", err)
		}
		stage.Model, err = statement.LoadModel(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	tagger, err := ner.NewStage()
	if err != nil {
		return err
	}
	upstream := []news.Stage{segment.Stage{}, tagger, entity.Stage{}, quote.Extractor{}}
	var score eval.AttributionScore
	spent, err := polnearRun{upstream: upstream, stage: stage,
		predict: func(a *news.Article) []eval.Attribution { return statement.Attributions(a.Text, a.Statements) },
		gold:    (*eval.PolNeARDoc).GoldAttributions, add: score.Add, out: *out}.run(ctx, docs)
	if err != nil {
		return err
	}
	fmt.Printf("texts %d\n%s\n", len(docs), score)
	if spent > 0 && len(docs) > 0 {
		fmt.Printf("speed %.3f ms per text (%d texts in %s, one core)\n", float64(spent.Microseconds())/1e3/float64(len(docs)), len(docs), spent.Round(time.Millisecond))
	}
	return nil
}
