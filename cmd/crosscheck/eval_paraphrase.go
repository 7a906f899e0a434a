package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/crosscheck-news/crosscheck/internal/paraphrase"
)

// runEvalParaphrase scores the embedded paraphrase model on an MRPC-format
// file.
func runEvalParaphrase(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval paraphrase", flag.ContinueOnError)
	model := fs.String("model", "", "weights file instead of the embedded model")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval paraphrase [--model FILE] FILE\n\n"+
			"Scores the paraphrase model on an MRPC-format TSV (Quality, #1 ID, #2 ID, #1 String, #2 String):\n"+
			"accuracy, and precision, recall and F1 of the paraphrase class.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("need one MRPC file")
	}
	m, err := paraphrase.Default()
	if *model != "" {
		m, err = paraphrase.LoadFile(*model)
	}
	if err != nil {
		return err
	}
	pairs, err := paraphrase.ReadMRPC(fs.Arg(0))
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	printParaphraseScores(os.Stdout, scoreParaphrase(m, pairs))
	return nil
}

func scoreParaphrase(m *paraphrase.Model, pairs []paraphrase.Pair) paraphrase.Scores {
	gold := make([]bool, len(pairs))
	pred := make([]bool, len(pairs))
	for i, p := range pairs {
		gold[i] = p.Same
		pred[i] = m.Same(p.A, p.B)
	}
	return paraphrase.Score(gold, pred)
}

func printParaphraseScores(w io.Writer, s paraphrase.Scores) {
	fmt.Fprintf(w, "pairs %d\naccuracy %.4f\nprecision %.4f\nrecall %.4f\nF1 %.4f\n", s.N, s.Accuracy, s.Precision, s.Recall, s.F1)
}
