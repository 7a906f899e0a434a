package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/cluster"
	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
)

// runEvalCluster clusters the FNC-1 bodies incrementally in file order and
// prints BCubed precision, recall and F1 against the gold stories.
func runEvalCluster(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval cluster", flag.ContinueOnError)
	stances := fs.String("stances", "", "FNC-1 stances CSV (default: fnc1/train_stances.csv in the shared data)")
	bodies := fs.String("bodies", "", "FNC-1 bodies CSV (default: fnc1/train_bodies.csv in the shared data)")
	predOut := fs.String("predictions-out", "", "write body_id<TAB>story_id lines to this file")
	learned := true
	for _, a := range args {
		if a == "--learned=false" || a == "-learned=false" {
			learned = false
		}
	}
	cfg := cluster.DefaultConfig()
	if !learned {
		cfg = cluster.LinearConfig()
	}
	fs.Bool("learned", true, "score pairs with the embedded learned model (false: the hand-weighted score)")
	fs.Float64Var(&cfg.Threshold, "threshold", cfg.Threshold, "least score (probability with the learned model) to join a story")
	fs.Float64Var(&cfg.MergeThreshold, "merge-threshold", cfg.MergeThreshold, "least score with a second story to merge it")
	fs.Float64Var(&cfg.EntityWeight, "entity-weight", cfg.EntityWeight, "share of the score from shared entities")
	fs.Float64Var(&cfg.PassageBonus, "passage-bonus", cfg.PassageBonus, "score added per shared passage fingerprint")
	fs.IntVar(&cfg.LeadWords, "lead-words", cfg.LeadWords, "content words at the start that count as the lead")
	fs.Float64Var(&cfg.LeadBoost, "lead-boost", cfg.LeadBoost, "added to the term frequency of lead terms")
	fs.Float64Var(&cfg.MemberWeight, "member-weight", cfg.MemberWeight, "weight of the nearest-article cosine")
	fs.IntVar(&cfg.SplitMin, "split-min", cfg.SplitMin, "repair: least articles of a group split off")
	fs.Float64Var(&cfg.SplitProb, "split-prob", cfg.SplitProb, "repair: average-link level over the article-pair model's probability (0: cosines)")
	fs.Float64Var(&cfg.LinkProb, "link-prob", cfg.LinkProb, "repair: merge stories whose story-pair probability (mean article-pair probability without a story-pair model) reaches this (0: off)")
	fs.Float64Var(&cfg.LinkCentroid, "link-centroid", cfg.LinkCentroid, "repair: least cosine of two stories' centroids for a merge")
	fs.Float64Var(&cfg.LinkLead, "link-lead", cfg.LinkLead, "repair: least cosine of two stories' lead centroids for a merge")
	fs.Float64Var(&cfg.SplitLink, "split-link", cfg.SplitLink, "repair: average-link level over full and lead cosines (0: single link)")
	repair := fs.Bool("repair", true, "run the repair pass at the end")
	upstream := fs.Bool("stages", true, "run the segment, ner and entities stages first, as ingest does")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval cluster [--stances FILE] [--bodies FILE] [--predictions-out FILE] [tuning flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if *stances == "" {
		*stances, _ = datadir.Path("fnc1/train_stances.csv")
	}
	if *bodies == "" {
		*bodies, _ = datadir.Path("fnc1/train_bodies.csv")
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	docs, gold, err := eval.FNCStories(*stances, *bodies)
	if err != nil {
		return err
	}
	arts := make([]*news.Article, len(docs))
	stageStart := time.Now()
	var stages []news.Stage
	if *upstream {
		tagger, err := ner.NewStage()
		if err != nil {
			return err
		}
		stages = []news.Stage{segment.Stage{}, tagger, entity.Stage{}}
	}
	for i, d := range docs {
		arts[i] = &news.Article{ID: d.ID, Text: d.Text}
		for _, s := range stages {
			if err := s.Process(ctx, arts[i]); err != nil {
				return err
			}
		}
	}
	stageTime := time.Since(stageStart)
	start := time.Now()
	c := cluster.New(cfg)
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		c.Add(a)
	}
	splits := 0
	if *repair {
		splits = len(c.Repair())
	}
	elapsed := time.Since(start)
	pred := map[string]string{}
	for _, d := range docs {
		pred[d.ID], _ = c.StoryOf(d.ID)
	}
	p, r, f := eval.BCubed(gold, pred)
	_, nStories := c.Len()
	goldStories := map[string]bool{}
	for _, g := range gold {
		goldStories[g] = true
	}
	fmt.Printf("bodies %d  gold stories %d  predicted stories %d  moved by repair %d  (stages %.2fs, clustering %.2fs)\n",
		len(docs), len(goldStories), nStories, splits, stageTime.Seconds(), elapsed.Seconds())
	fmt.Printf("BCubed precision %.4f  recall %.4f  F1 %.4f\n", p, r, f)
	if *predOut != "" {
		fh, err := os.Create(*predOut)
		if err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
		w := bufio.NewWriter(fh)
		for _, d := range docs {
			fmt.Fprintf(w, "%s\t%s\n", d.ID, pred[d.ID])
		}
		if err := w.Flush(); err != nil {
			fh.Close()
			return fmt.Errorf("write predictions: %w", err)
		}
		if err := fh.Close(); err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
	}
	return nil
}
