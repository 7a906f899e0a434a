package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/stance"
)

// runTrainStance trains the FNC-1 and Emergent stance models on their train
// splits (the dev splits are held out by body and by claim) and writes the
// compressed weights that internal/stance embeds.
func runTrainStance(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("train stance", flag.ContinueOnError)
	stances := fs.String("stances", "", "FNC-1 train_stances.csv")
	bodies := fs.String("bodies", "", "FNC-1 train_bodies.csv")
	emergent := fs.String("emergent", "", "Emergent emergent-train.csv")
	out := fs.String("out", "internal/stance/weights", "directory for fnc.gob.gz and emergent.gob.gz")
	epochs := fs.Int("epochs", 0, "training epochs (0: the model's default)")
	hidden := fs.Int("hidden", 0, "hidden units (0: the model's default)")
	storySplit := fs.Bool("story-split", false, "experiment: split FNC-1 by story (bodies and headlines joined by related pairs) instead of by body, so dev headlines and topics are unseen; the weights are not for embedding")
	weights := fs.String("class-weights", "", "FNC-1 loss weights for agree,disagree,discuss,unrelated (default 3,10,2,1)")
	bodyWords := fs.Int("body-words", 0, "body vocabulary size (0: 1500)")
	headWords := fs.Bool("headline-words", false, "add the headline's own words to the FNC-1 features (better on the body dev split, worse on unseen stories)")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck train stance --stances FILE --bodies FILE --emergent FILE [--out DIR]\n\n"+
			"Trains on the train splits: FNC-1 pairs whose body is not a dev body (dev: FNV-1a of\n"+
			"\"fnc1-body:ID\" mod 5 == 0) and Emergent pairs whose claim is not a dev claim (dev: FNV-1a of\n"+
			"\"emergent-claim:ID\" mod 5 == 0), then prints dev scores of the written weights.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if (*stances == "") != (*bodies == "") || (*stances == "" && *emergent == "") {
		fs.Usage()
		return errors.New("need --stances and --bodies, or --emergent")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", *out, err)
	}
	logf := func(format string, a ...any) { fmt.Fprintf(os.Stderr, format+"\n", a...) }
	opts := stance.TrainOptions{Epochs: *epochs, Hidden: *hidden, HeadlineWords: *headWords, BodyWords: *bodyWords, Logf: logf}
	fncOpts := opts
	if *weights != "" {
		for _, f := range strings.Split(*weights, ",") {
			w, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				return fmt.Errorf("--class-weights: %w", err)
			}
			fncOpts.ClassWeight = append(fncOpts.ClassWeight, w)
		}
		if len(fncOpts.ClassWeight) != len(stance.FNCLabels) {
			return fmt.Errorf("--class-weights: need %d weights", len(stance.FNCLabels))
		}
	}
	if *stances != "" {
		pairs, bods, err := stance.ReadFNC(*stances, *bodies)
		if err != nil {
			return err
		}
		train, dev := stance.SplitFNC(pairs)
		if *storySplit {
			train, dev = stance.SplitFNCByStory(pairs)
		}
		start := time.Now()
		m, err := stance.TrainFNC(ctx, train, bods, fncOpts)
		if err != nil {
			return fmt.Errorf("train fnc: %w", err)
		}
		logf("fnc: trained on %d pairs in %s", len(train), time.Since(start).Round(time.Second))
		m, err = saveModel(m, filepath.Join(*out, "fnc.gob.gz"))
		if err != nil {
			return err
		}
		r, err := eval.FNC(labelsOf(dev), m.PredictPairs(dev, bods))
		if err != nil {
			return err
		}
		fmt.Printf("FNC-1 dev split (%d pairs):\n", len(dev))
		r.Print(os.Stdout)
	}
	if *emergent != "" {
		pairs, err := stance.ReadEmergent(*emergent)
		if err != nil {
			return err
		}
		train, dev := stance.SplitEmergent(pairs)
		start := time.Now()
		m, err := stance.TrainEmergent(ctx, train, opts)
		if err != nil {
			return fmt.Errorf("train emergent: %w", err)
		}
		logf("emergent: trained on %d pairs in %s", len(train), time.Since(start).Round(time.Second))
		m, err = saveModel(m, filepath.Join(*out, "emergent.gob.gz"))
		if err != nil {
			return err
		}
		r, err := eval.Accuracy(stance.EmergentLabels, emergentLabels(dev), m.PredictEmergent(dev))
		if err != nil {
			return err
		}
		fmt.Printf("\nEmergent dev split (%d pairs):\n", len(dev))
		r.Print(os.Stdout)
	}
	return nil
}

// saveModel writes m to path and returns the model read back, so the scores
// printed are those of the quantised weights that get embedded.
func saveModel(m *stance.Model, path string) (*stance.Model, error) {
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return nil, fmt.Errorf("write weights: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", path, buf.Len())
	return stance.LoadBytes(buf.Bytes())
}

func labelsOf(pairs []stance.Pair) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p.Stance
	}
	return out
}

func emergentLabels(pairs []stance.EmergentPair) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p.Stance
	}
	return out
}
