package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/stance"
)

// runEvalStance scores the embedded stance models on FNC-1 and/or Emergent.
func runEvalStance(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval stance", flag.ContinueOnError)
	stances := fs.String("stances", "", "FNC-1 stances CSV (Headline,Body ID,Stance)")
	bodies := fs.String("bodies", "", "FNC-1 bodies CSV (Body ID,articleBody)")
	emergent := fs.String("emergent", "", "Emergent CSV (id,claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId)")
	split := fs.String("split", "all", "all: every pair in the files; dev: only the dev split carved from train")
	predOut := fs.String("predictions-out", "", "write the FNC-1 submission CSV (Headline,Body ID,Stance) here")
	fncModel := fs.String("fnc-model", "", "FNC-1 weights file instead of the embedded model")
	emModel := fs.String("emergent-model", "", "Emergent weights file instead of the embedded model")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval stance --stances FILE --bodies FILE [--split dev|all] [--predictions-out FILE]\n"+
			"       crosscheck eval stance --emergent FILE [--split dev|all]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if *split != "all" && *split != "dev" {
		return fmt.Errorf("--split must be dev or all, not %q", *split)
	}
	if (*stances == "") != (*bodies == "") || (*stances == "" && *emergent == "") {
		fs.Usage()
		return errors.New("need --stances and --bodies, or --emergent")
	}
	if *stances != "" {
		m, err := loadModel(*fncModel, stance.Default)
		if err != nil {
			return err
		}
		pairs, bods, err := stance.ReadFNC(*stances, *bodies)
		if err != nil {
			return err
		}
		if *split == "dev" {
			_, pairs = stance.SplitFNC(pairs)
		}
		pred := m.PredictPairs(pairs, bods)
		if err := ctx.Err(); err != nil {
			return err
		}
		if *predOut != "" {
			if err := writeSubmission(*predOut, pairs, pred); err != nil {
				return err
			}
		}
		gold := labelsOf(pairs)
		if len(gold) == 0 {
			return errors.New("no FNC-1 pairs to score")
		}
		if gold[0] == "" {
			fmt.Printf("FNC-1: %d unlabelled pairs predicted\n", len(pairs))
		} else {
			r, err := eval.FNC(gold, pred)
			if err != nil {
				return err
			}
			fmt.Printf("FNC-1 (%s, split %s):\n", *stances, *split)
			r.Print(os.Stdout)
		}
	}
	if *emergent != "" {
		m, err := loadModel(*emModel, stance.DefaultEmergent)
		if err != nil {
			return err
		}
		pairs, err := stance.ReadEmergent(*emergent)
		if err != nil {
			return err
		}
		if *split == "dev" {
			_, pairs = stance.SplitEmergent(pairs)
		}
		r, err := eval.Accuracy(stance.EmergentLabels, emergentLabels(pairs), m.PredictEmergent(pairs))
		if err != nil {
			return err
		}
		fmt.Printf("Emergent (%s, split %s):\n", *emergent, *split)
		r.Print(os.Stdout)
	}
	return nil
}

func loadModel(path string, def func() (*stance.Model, error)) (*stance.Model, error) {
	if path == "" {
		return def()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open model: %w", err)
	}
	defer f.Close()
	return stance.Load(f)
}

func writeSubmission(path string, pairs []stance.Pair, pred []string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create predictions: %w", err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"Headline", "Body ID", "Stance"})
	for i, p := range pairs {
		w.Write([]string{p.Headline, strconv.Itoa(p.BodyID), pred[i]})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("write predictions: %w", err)
	}
	return f.Close()
}
