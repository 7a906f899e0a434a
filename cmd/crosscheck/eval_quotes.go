package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/quote"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

// runEvalQuotes scores quote extraction and attribution on a PolNeAR split:
// crosscheck eval quotes DIR [--predictions-out DIR].
func runEvalQuotes(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	out := fs.String("predictions-out", "", "write one brat .ann file of predicted quotes per text into this `dir`")
	alone := fs.Bool("alone", false, "run the quote stage alone, without the segment, ner and entity stages before it")
	rules := fs.Bool("rules", false, "keep the rules' speakers (no speaker ranker)")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval quotes DIR [--predictions-out DIR] [--alone] [--rules]\n\n"+
			"Scores direct quotes and their speakers on a PolNeAR split (DIR/text/*.txt, DIR/attributions/*.ann)\n"+
			"with the metric of ../shared/data/README.md. The segment, ner and entity stages run first, as in\n"+
			"production; the speed line counts the quote stage only.")
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
	var upstream []news.Stage
	if !*alone {
		tagger, err := ner.NewStage()
		if err != nil {
			return err
		}
		upstream = []news.Stage{segment.Stage{}, tagger, entity.Stage{}}
	}
	var score eval.QuoteScore
	spent, err := polnearRun{upstream: upstream, stage: quote.Extractor{RulesOnly: *rules},
		predict: func(a *news.Article) []eval.Attribution { return quote.Attributions(a.Text, a.Quotes) },
		gold:    (*eval.PolNeARDoc).GoldQuotes, add: score.Add, out: *out}.run(ctx, docs)
	if err != nil {
		return err
	}
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	fmt.Printf("texts %d\n%s\n", len(docs), score)
	if spent > 0 {
		fmt.Printf("speed %.1f MB/s (%d bytes in %s, one core)\n", float64(bytes)/1e6/spent.Seconds(), bytes, spent.Round(time.Millisecond))
	}
	return nil
}
