package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ner"
)

func runEvalNER(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval ner [--model PATH] [--predictions-out FILE] FILE")
		fmt.Fprintln(fs.Output(), "\nTags a CoNLL-2003 file with the recogniser and prints entity-level precision,")
		fmt.Fprintln(fs.Output(), "recall and F1, overall and per type, as conlleval computes them.")
		fs.PrintDefaults()
	}
	predOut := fs.String("predictions-out", "", "write each token line with the predicted tag appended")
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	// Flags may come before or after the file.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		fs.Usage()
		return errors.New("want one CoNLL file")
	}
	m, err := loadNER(*modelPath)
	if err != nil {
		return err
	}
	docs, err := readCoNLLFile(files[0])
	if err != nil {
		return err
	}
	var pw io.Writer
	if *predOut != "" {
		f, err := os.Create(*predOut)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		pw = bw
	}
	t0 := time.Now()
	s, err := scoreNER(m, docs, pw)
	if err != nil {
		return err
	}
	el := time.Since(t0)
	s.Report(os.Stdout)
	fmt.Printf("tagged %d tokens in %s (%.0f tokens/s)\n", s.Tokens, el.Round(time.Millisecond), float64(s.Tokens)/el.Seconds())
	return ctx.Err()
}

func loadNER(path string) (*ner.Model, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.Load(f)
}

// scoreNER tags every document of docs and scores the tags; with pw set it
// also writes the predictions file.
func scoreNER(m *ner.Model, docs []eval.CoNLLDoc, pw io.Writer) (eval.NERScore, error) {
	var s eval.NERScore
	iob1 := false // write predictions in the gold file's scheme
	for _, d := range docs {
		for _, snt := range d.Sentences {
			iob1 = iob1 || eval.IsIOB1(snt.Tags)
		}
	}
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, snt := range d.Sentences {
			words[i] = snt.Tokens
		}
		pred := m.TagDoc(words)
		if pw != nil {
			fmt.Fprintln(pw, "-DOCSTART- -X- O O O")
			fmt.Fprintln(pw)
		}
		for i, snt := range d.Sentences {
			if iob1 {
				pred[i] = eval.ToIOB1(pred[i])
			}
			if err := s.Add(snt.Tags, pred[i]); err != nil {
				return s, err
			}
			if pw != nil {
				for j, line := range snt.Lines {
					fmt.Fprintf(pw, "%s %s\n", line, pred[i][j])
				}
				fmt.Fprintln(pw)
			}
		}
	}
	return s, nil
}
