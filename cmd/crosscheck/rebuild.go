package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// rebuilder rebuilds the views of dirty stories beside the assigner, off
// its path: the assigner only places articles (marking their stories
// dirty), and any number of rebuilders share the stories by id (shard k of
// n takes the ids that hash to k), so that no story is rebuilt by two at
// once. Each reads a story's dirty mark before its articles and saves the
// view with it: a story that changed meanwhile stays dirty and is rebuilt
// again by the next round.
type rebuilder struct {
	store         news.Store
	builder       *story.Builder
	shard, shards int // this one takes the stories whose id hashes to shard (0-based) mod shards
	workers       int
	rebuilt       atomic.Int64
}

// mine reports whether story id is in this rebuilder's shard.
func (r *rebuilder) mine(id string) bool {
	if r.shards <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32()%uint32(r.shards)) == r.shard
}

// round rebuilds the dirty stories of the shard once, on r.workers
// goroutines, and returns how many it rebuilt.
func (r *rebuilder) round(ctx context.Context) (int, error) {
	marks, err := r.store.DirtyMarks(ctx)
	if err != nil {
		return 0, err
	}
	var ids []string
	for id := range marks {
		if r.mine(id) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	next := make(chan string)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range max(1, r.workers) {
		wg.Go(func() {
			for id := range next {
				if err := r.builder.RebuildAt(ctx, id, marks[id]); err != nil {
					select {
					case errs <- err:
					default:
					}
					continue
				}
				r.rebuilt.Add(1)
			}
		})
	}
	n := 0
feed:
	for _, id := range ids {
		select {
		case next <- id:
			n++
		case <-ctx.Done():
			break feed
		case err := <-errs:
			errs <- err
			break feed
		}
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return n, err
	default:
	}
	return n, ctx.Err()
}

// run rebuilds rounds until ctx ends, pausing every between rounds that
// found nothing to do. A failed round is logged and tried again.
func (r *rebuilder) run(ctx context.Context, every time.Duration, log *slog.Logger) {
	for {
		n, err := r.round(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			log.Error("rebuild stories", "err", err)
		}
		if n > 0 && err == nil {
			continue
		}
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

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
	sstages, err := storyStages()
	if err != nil {
		return err
	}
	// No article cache: another process saves the articles, and a cached
	// one could be an older revision.
	r := &rebuilder{store: store, builder: &story.Builder{Store: store, Stages: &pipeline.StoryPipeline{Stages: sstages}},
		shard: shard, shards: shards, workers: *workers}
	if r.workers <= 0 {
		r.workers = runtime.NumCPU()
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *once {
		n, err := r.round(ctx)
		fmt.Fprintf(os.Stderr, "rebuild: %d stories rebuilt\n", n)
		return err
	}
	r.run(ctx, *every, log)
	fmt.Fprintf(os.Stderr, "rebuild: %d stories rebuilt\n", r.rebuilt.Load())
	return nil
}
