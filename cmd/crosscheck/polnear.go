package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// polnearRun runs the upstream stages and then the measured stage over each
// PolNeAR text, scores it with predict and gold into add, and writes the
// predictions as brat files into out when set. It returns the time the
// measured stage took.
type polnearRun struct {
	upstream []news.Stage
	stage    news.Stage
	predict  func(a *news.Article) []eval.Attribution
	gold     func(d *eval.PolNeARDoc) []eval.Attribution
	add      func(gold, pred []eval.Attribution)
	out      string
}

func (r polnearRun) run(ctx context.Context, docs []eval.PolNeARDoc) (time.Duration, error) {
	if r.out != "" {
		if err := os.MkdirAll(r.out, 0o755); err != nil {
			return 0, fmt.Errorf("make predictions dir: %w", err)
		}
	}
	var spent time.Duration
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		d := &docs[i]
		a := &news.Article{ID: d.Name, Text: d.Text}
		for _, st := range r.upstream {
			if err := st.Process(ctx, a); err != nil {
				return 0, fmt.Errorf("%s: %w", d.Name, err)
			}
		}
		start := time.Now()
		if err := r.stage.Process(ctx, a); err != nil {
			return 0, fmt.Errorf("%s: %w", d.Name, err)
		}
		spent += time.Since(start)
		pred := r.predict(a)
		r.add(r.gold(d), pred)
		if r.out != "" {
			if err := writeBratFile(filepath.Join(r.out, d.Name+".ann"), d.Text, pred); err != nil {
				return 0, err
			}
		}
	}
	return spent, nil
}

// writeBratFile writes predicted attributions of text as a brat .ann file.
func writeBratFile(path, text string, pred []eval.Attribution) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create predictions: %w", err)
	}
	err = eval.WriteBrat(f, []rune(text), pred)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write predictions: %w", err)
	}
	return nil
}

// writeWeights writes a model's compressed weights to path, creating its
// directory, and reports the size.
func writeWeights(path string, m io.WriterTo) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, fmt.Errorf("create weights: %w", err)
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}
