package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/statement"
)

// runTrainAttributions trains the statement stage's cue tagger and content
// ranker on PolNeAR: crosscheck train attributions [--data DIR] [--out PATH].
func runTrainAttributions(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("train attributions", flag.ContinueOnError)
	data := fs.String("data", "../shared/data/polnear/train", "PolNeAR train `dir` (text/*.txt, attributions/*.ann)")
	held := fs.String("dev", "", "PolNeAR `dir` to report the tagger and ranker on (optional)")
	out := fs.String("out", "internal/statement/weights/statement.tsv.gz", "write the compressed weights to this `path`")
	epochs := fs.Int("epochs", 0, "perceptron epochs (0: the default)")
	minCount := fs.Int("min-count", 0, "drop features seen fewer times in training (0: the default)")
	cueRate := fs.Float64("cue-rate", 0, "score only words that are cues in at least this share of their uses (0: the default)")
	seed := fs.Uint64("seed", 0, "shuffling seed (0: the default)")
	threshold := fs.Float64("threshold", 0, "cue tagger decision threshold: lower finds more cues")
	prune := fs.Float64("prune", 0, "drop weights smaller than this in absolute value (0: the default)")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck train attributions [--data DIR] [--dev DIR] [--out PATH] [--epochs N] [--prune W] [--min-count N] [--cue-rate R] [--threshold T] [--seed N]\n\n"+
			"Trains the cue tagger and the content ranker of internal/statement on every attribution of a\n"+
			"PolNeAR split and writes the weights that the package embeds. Score the result with\n"+
			"crosscheck eval attributions.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments %v", fs.Args())
	}
	load := func(dir string) ([]statement.TrainDoc, error) {
		if dir == "" {
			return nil, nil
		}
		docs, err := eval.LoadPolNeAR(dir)
		if err != nil {
			return nil, err
		}
		out := make([]statement.TrainDoc, len(docs))
		for i, d := range docs {
			out[i] = statement.TrainDoc{Text: d.Text, Gold: d.GoldAttributions()}
		}
		return out, nil
	}
	train, err := load(*data)
	if err != nil {
		return err
	}
	dev, err := load(*held)
	if err != nil {
		return err
	}
	start := time.Now()
	logf := func(format string, a ...any) { fmt.Fprintf(os.Stderr, format+"\n", a...) }
	m, rep, err := statement.TrainModel(ctx, train, dev, statement.TrainOptions{Epochs: *epochs, Prune: *prune, Seed: *seed, Threshold: *threshold, MinCueRate: *cueRate, MinCount: *minCount, Logf: logf})
	if err != nil {
		return fmt.Errorf("train attributions: %w", err)
	}
	logf("trained on %d texts in %s", len(train), time.Since(start).Round(time.Millisecond))
	if len(dev) > 0 {
		fmt.Printf("held out: %s\n", rep)
	}
	n, err := writeWeights(*out, m)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d features, %d bytes\n", *out, m.Len(), n)
	return nil
}
