package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/paraphrase"
)

// runTrainParaphrase trains the paraphrase model on MRPC train.tsv, with IDF
// and word vectors from the unlabelled news text of the shared data, writes
// the weights that internal/paraphrase embeds and scores them on val.tsv.
func runTrainParaphrase(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("train paraphrase", flag.ContinueOnError)
	data := fs.String("data", "", "shared data directory (default: $CROSSCHECK_DATA or ../shared/data)")
	out := fs.String("out", "internal/paraphrase/weights/paraphrase.gob.gz", "where to write the weights")
	def := paraphrase.DefaultTrainOptions()
	hidden := fs.Int("hidden", def.Hidden, "hidden units")
	epochs := fs.Int("epochs", def.Epochs, "network training epochs")
	dropout := fs.Float64("dropout", def.Dropout, "dropout on the hidden layer")
	dim := fs.Int("dim", def.Dim, "word vector dimensions (-1: no vectors)")
	maxWords := fs.Int("max-words", def.MaxWords, "words in the lexicon (IDF and vectors)")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck train paraphrase [--data DIR] [--out FILE]\n\n"+
			"Learns IDF and word vectors from the unlabelled news text of the shared data (FNC-1 bodies,\n"+
			"PolNeAR train texts, extraction-dev gold bodies) and the MRPC train sentences, trains the\n"+
			"pair classifier on mrpc/train.tsv with a threshold from 5-fold cross-validation, writes the\n"+
			"weights and prints the scores of the written weights on mrpc/val.tsv.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	dir, err := sharedData(*data, "pass --data DIR or set CROSSCHECK_DATA")
	if err != nil {
		return err
	}
	pairs, err := paraphrase.ReadMRPC(filepath.Join(dir, "mrpc", "train.tsv"))
	if err != nil {
		return err
	}
	logf := func(format string, a ...any) { fmt.Fprintf(os.Stderr, format+"\n", a...) }
	t0 := time.Now()
	corpus, err := unlabelledText(dir)
	if err != nil {
		return err
	}
	logf("unlabelled text: %d sentences (%.1fs)", len(corpus), time.Since(t0).Seconds())
	opts := paraphrase.TrainOptions{Hidden: *hidden, Epochs: *epochs, Dropout: *dropout, Dim: *dim,
		MaxWords: *maxWords, Logf: logf}
	t0 = time.Now()
	m, cv, err := paraphrase.Train(ctx, pairs, corpus, opts)
	if err != nil {
		return err
	}
	logf("trained on %d pairs in %s", len(pairs), time.Since(t0).Round(time.Second))
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	logf("wrote %s (%d bytes)", *out, buf.Len())
	fmt.Printf("train, %d-fold cross-validation (%d pairs):\n", def.Folds, cv.N)
	printParaphraseScores(os.Stdout, cv)
	// Score the weights as written (quantised), as they will be embedded.
	if m, err = paraphrase.LoadBytes(buf.Bytes()); err != nil {
		return err
	}
	val, err := paraphrase.ReadMRPC(filepath.Join(dir, "mrpc", "val.tsv"))
	if err != nil {
		return err
	}
	fmt.Printf("\nval (%d pairs, threshold %.3f):\n", len(val), m.Threshold())
	printParaphraseScores(os.Stdout, scoreParaphrase(m, val))
	return nil
}
