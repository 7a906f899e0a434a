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
)

// runTrainQuotes trains the quote speaker ranker on a PolNeAR split:
// crosscheck train quotes --train DIR [--out PATH].
func runTrainQuotes(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("train quotes", flag.ContinueOnError)
	train := fs.String("train", "", "PolNeAR train `dir` (text/*.txt, attributions/*.ann)")
	out := fs.String("out", "internal/quote/weights/speaker.tsv.gz", "write the compressed weights to this `path`")
	epochs := fs.Int("epochs", 0, "perceptron epochs (0: the default)")
	l2 := fs.Float64("l2", 0, "L2 penalty of the logistic ranker (0: the default)")
	perceptron := fs.Bool("perceptron", false, "train an averaged perceptron instead of the logistic ranker")
	folds := fs.Int("folds", 0, "cross-validation folds over the train documents (0: 5; 1: none)")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck train quotes --train DIR [--out PATH] [--epochs N] [--folds K]\n\n"+
			"Runs the segment, ner and entity stages and the quote rules on every train text, lists the speaker\n"+
			"candidates of each quote that matches a gold direct quote, reports the cross-validated speaker\n"+
			"accuracy of the rules and of the ranker over the train documents, then trains on all of them and\n"+
			"writes the weights that internal/quote embeds.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if *train == "" || fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("need --train DIR")
	}
	docs, err := eval.LoadPolNeAR(*train)
	if err != nil {
		return err
	}
	tagger, err := ner.NewStage()
	if err != nil {
		return err
	}
	start := time.Now()
	var sd []quote.SpeakerDoc
	for i := range docs {
		d := &docs[i]
		a := &news.Article{ID: d.Name, Text: d.Text}
		for _, st := range []news.Stage{segment.Stage{}, tagger, entity.Stage{}} {
			if err := st.Process(ctx, a); err != nil {
				return fmt.Errorf("%s: %w", d.Name, err)
			}
		}
		sd = append(sd, quote.SpeakerDoc{Article: a, Gold: d.GoldQuotes()})
	}
	logf := func(format string, a ...any) { fmt.Fprintf(os.Stderr, format+"\n", a...) }
	logf("prepared %d texts in %s", len(sd), time.Since(start).Round(time.Millisecond))
	m, rep, err := quote.TrainSpeakerModel(ctx, sd, quote.SpeakerTrainOptions{Epochs: *epochs, Folds: *folds, L2: *l2, Perceptron: *perceptron, Logf: logf})
	if err != nil {
		return fmt.Errorf("train speakers: %w", err)
	}
	if rep.Matched > 0 {
		fmt.Printf("cross-validated on train: %s\n", rep)
	}
	n, err := writeWeights(*out, m)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d features, %d bytes\n", *out, m.Len(), n)
	return nil
}
