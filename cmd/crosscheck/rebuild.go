package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
)

// parseShard reads "K/N" (1-based K) as a 0-based shard of n.
func parseShard(s string) (shard, n int, err error) {
	k, total, ok := strings.Cut(s, "/")
	a, err1 := strconv.Atoi(k)
	b, err2 := strconv.Atoi(total)
	if !ok || err1 != nil || err2 != nil || b < 1 || a < 1 || a > b {
		return 0, 0, fmt.Errorf("--shard %q: want K/N with 1 <= K <= N, such as 1/2", s)
	}
	return a - 1, b, nil
}

func runRebuild(ctx context.Context, args []string) error {
	fs := newFlags("rebuild", "rebuild --db postgres://... [--shard K/N] [--every 1s] [--once]")
	db := dbFlag(fs)
	shardArg := fs.String("shard", "1/1", "take the stories whose id hashes to K of N (run N rebuilders, K = 1..N)")
	every := fs.Duration("every", time.Second, "look for dirty stories this often when there were none")
	once := fs.Bool("once", false, "rebuild the dirty stories once and exit")
	workers := fs.Int("workers", 0, "stories rebuilt at once (default: one per core)")
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	shard, shards, err := parseShard(*shardArg)
	if err != nil {
		return badUsage(err)
	}
	if *every <= 0 {
		return badUsage(errors.New("--every must be positive"))
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	r, err := engine.NewRebuilder(store, shard, shards, *workers)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *once {
		n, err := r.Round(ctx)
		fmt.Fprintf(os.Stderr, "rebuild: %d stories rebuilt\n", n)
		return err
	}
	r.Run(ctx, *every, log)
	fmt.Fprintf(os.Stderr, "rebuild: %d stories rebuilt\n", r.Rebuilt())
	return nil
}
