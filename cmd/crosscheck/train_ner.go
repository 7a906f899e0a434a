package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

func runTrainNER(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck train ner --train FILE [--dev FILE] [--out PATH] [--epochs N] [--corpus DIR]")
		fmt.Fprintln(fs.Output(), "\nTrains the named-entity recogniser on CoNLL-2003 style data and writes the compressed model.")
		fs.PrintDefaults()
	}
	train := fs.String("train", "", "CoNLL training file (IOB1 or IOB2)")
	dev := fs.String("dev", "", "CoNLL development file, scored after each epoch of the final pass")
	out := fs.String("out", "internal/ner/model/ner.gob.gz", "where to write the model")
	epochs := fs.Int("epochs", 12, "perceptron epochs per pass")
	folds := fs.Int("folds", 4, "jackknife folds for the document-level second pass (0: one pass)")
	minCount := fs.Int("min-count", 2, "drop features seen fewer times in training")
	seeds := fs.Int("seeds", 4, "perceptrons per pass, each shuffled differently, whose weights are averaged")
	gazFolds := fs.Int("gaz-folds", 10, "folds for the gazetteer of training names (0: no gazetteer)")
	corpus := fs.String("corpus", "", "shared data directory with unlabelled text for word clusters (default: found; \"none\" to skip)")
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if *train == "" {
		fs.Usage()
		return errors.New("--train is required")
	}
	docs, err := readCoNLLFile(*train)
	if err != nil {
		return err
	}
	var trainDocs []ner.Doc
	var unlabelled [][]string
	for _, d := range docs {
		var nd ner.Doc
		for _, s := range d.Sentences {
			nd = append(nd, ner.Sentence{Words: s.Tokens, Tags: s.Tags})
			unlabelled = append(unlabelled, s.Tokens)
		}
		trainDocs = append(trainDocs, nd)
	}
	cfg := ner.TrainConfig{Types: []string{"PER", "ORG", "LOC", "MISC"}, Epochs: *epochs, Folds: *folds,
		MinCount: *minCount, GazFolds: *gazFolds, Seeds: *seeds, Log: os.Stderr}
	if *corpus != "none" {
		dir, err := sharedData(*corpus, "for word clusters, pass --corpus DIR or --corpus none")
		if err != nil {
			return err
		}
		t0 := time.Now()
		more, err := unlabelledText(dir)
		if err != nil {
			return err
		}
		unlabelled = append(unlabelled, more...)
		fmt.Fprintf(os.Stderr, "unlabelled text: %d sentences (%.1fs)\n", len(unlabelled), time.Since(t0).Seconds())
		lex, err := ner.BuildLexicon(ctx, unlabelled, ner.LexiconConfig{Log: os.Stderr})
		if err != nil {
			return err
		}
		cfg.Lexicon = lex
	}
	if *dev != "" {
		devDocs, err := readCoNLLFile(*dev)
		if err != nil {
			return err
		}
		cfg.Dev = func(m *ner.Model) float64 {
			s, err := scoreNER(m, devDocs, nil)
			if err != nil {
				return 0
			}
			return s.Overall.F1()
		}
	}
	t0 := time.Now()
	m, err := ner.Train(ctx, trainDocs, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trained in %s\n", time.Since(t0).Round(time.Second))
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", *out, st.Size())
	return nil
}

func readCoNLLFile(path string) ([]eval.CoNLLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := eval.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// unlabelledText tokenises the non-test news text of the shared data: FNC-1
// bodies, PolNeAR training texts and the extraction set's gold bodies.
func unlabelledText(dir string) ([][]string, error) {
	var texts []string
	if f, err := os.Open(filepath.Join(dir, "fnc1", "train_bodies.csv")); err == nil {
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read fnc1 bodies: %w", err)
		}
		for _, r := range rows[1:] {
			if len(r) > 1 {
				texts = append(texts, r[1])
			}
		}
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "polnear", "train", "text", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(b))
	}
	if f, err := os.Open(filepath.Join(dir, "extraction-dev", "ground-truth.json")); err == nil {
		var gt map[string]struct {
			ArticleBody string `json:"articleBody"`
		}
		err := json.NewDecoder(f).Decode(&gt)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read extraction ground truth: %w", err)
		}
		// In id order, so that what is learnt from the text is reproducible.
		for _, id := range slices.Sorted(maps.Keys(gt)) {
			texts = append(texts, gt[id].ArticleBody)
		}
	}
	var out [][]string
	for _, t := range texts {
		for _, p := range segment.Paragraphs(t) {
			for _, s := range segment.Sentences(t, p) {
				toks := segment.Tokens(t, s)
				words := make([]string, len(toks))
				for i, k := range toks {
					words[i] = k.Text(t)
				}
				out = append(out, words)
			}
		}
	}
	return out, nil
}
