package engine

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// Rebuilder rebuilds the views of dirty stories beside the assigner, off
// its path: the assigner only places articles (marking their stories
// dirty), and any number of rebuilders share the stories by id (shard k of
// n takes the ids that hash to k), so that no story is rebuilt by two at
// once. Each reads a story's dirty mark before its articles and saves the
// view with it: a story that changed meanwhile stays dirty and is rebuilt
// again by the next round.
type Rebuilder struct {
	store         news.Store
	builder       *story.Builder
	shard, shards int // this one takes the stories whose id hashes to shard (0-based) mod shards
	workers       int
	rebuilt       atomic.Int64
}

// NewRebuilder is the rebuilder of shard (0-based) of shards over store,
// rebuilding workers stories at once (0 or less: one per core); it has its own
// story stages and no cache of articles: another process saves the
// articles, and a cached one could be an older revision.
func NewRebuilder(store news.Store, shard, shards, workers int) (*Rebuilder, error) {
	if shards < 1 || shard < 0 || shard >= shards {
		return nil, fmt.Errorf("rebuilder: shard %d of %d", shard, shards)
	}
	sstages, err := StoryStages()
	if err != nil {
		return nil, err
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	return &Rebuilder{store: store, builder: &story.Builder{Store: store, Stages: &pipeline.StoryPipeline{Stages: sstages}},
		shard: shard, shards: shards, workers: workers}, nil
}

// Rebuilt is how many stories the rebuilder has rebuilt so far.
func (r *Rebuilder) Rebuilt() int { return int(r.rebuilt.Load()) }

// mine reports whether story id is in this rebuilder's shard.
func (r *Rebuilder) mine(id string) bool {
	if r.shards <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32()%uint32(r.shards)) == r.shard
}

// Round rebuilds the dirty stories of the shard once, on the rebuilder's
// workers, and returns how many it rebuilt.
func (r *Rebuilder) Round(ctx context.Context) (int, error) {
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

// Run rebuilds rounds until ctx ends, pausing every between rounds that
// found nothing to do. A failed round is logged and tried again.
func (r *Rebuilder) Run(ctx context.Context, every time.Duration, log *slog.Logger) {
	for {
		n, err := r.Round(ctx)
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
