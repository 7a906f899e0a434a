package engine

import (
	"bytes"
	"context"
	"fmt"

	"github.com/crosscheck-news/crosscheck/internal/cluster"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// The clusterer's state across runs and processes: restored from the store
// at start (its snapshot, then the assignments made after it), the window's
// archived stories recorded as they change, and the snapshot saved again
// once enough was placed.

// restore puts the stored story assignments back into the clusterer: from
// the clusterer's last snapshot when the store keeps one that agrees with
// the stored assignments, replaying only the articles placed after it;
// otherwise by replaying every stored article.
func (e *Engine) restore(ctx context.Context) error {
	pairs, err := e.store.Assignments(ctx)
	if err != nil {
		return fmt.Errorf("restore stories: %w", err)
	}
	for _, p := range pairs {
		e.placed[p[0]] = true
	}
	if pairs, err = e.activePairs(ctx, pairs); err != nil {
		return fmt.Errorf("restore stories: %w", err)
	}
	if c, rest, ok := e.loadSnapshot(ctx, pairs); ok {
		e.clusterer, pairs = c, rest
		e.snapPlaced = c.Placed()
	}
	for start := 0; start < len(pairs); start += 500 {
		chunk := pairs[start:min(start+500, len(pairs))]
		ids := make([]string, len(chunk))
		story := make(map[string]string, len(chunk))
		for i, p := range chunk {
			ids[i], story[p[0]] = p[0], p[1]
		}
		arts, err := e.store.ArticlesByID(ctx, ids)
		if err != nil {
			return fmt.Errorf("restore stories: %w", err)
		}
		for _, a := range arts {
			e.clusterer.Restore(a, story[a.ID])
		}
	}
	return e.recordArchive(ctx)
}

// activePairs leaves out of pairs the articles of archived stories, which
// the clusterer does not hold: a restart reads the window only. Without a
// window, every archived story is active again (the clusterer holds all).
func (e *Engine) activePairs(ctx context.Context, pairs [][2]string) ([][2]string, error) {
	sa, ok := e.store.(news.StoryArchive)
	if !ok {
		return pairs, nil
	}
	ids, err := sa.ArchivedStories(ctx)
	if err != nil || len(ids) == 0 {
		return pairs, err
	}
	if e.archive == nil {
		return pairs, sa.SetArchived(ctx, ids, false)
	}
	archived := make(map[string]bool, len(ids))
	for _, id := range ids {
		archived[id] = true
	}
	active := pairs[:0:0]
	for _, p := range pairs {
		if !archived[p[1]] {
			active = append(active, p)
		}
	}
	return active, nil
}

// recordArchive records in the store the stories the clusterer archived
// and brought back since the last call, so that a restart reads only the
// window and the archive finds only stories out of memory. A story that
// gained an article is active in the store already (SetStories).
func (e *Engine) recordArchive(ctx context.Context) error {
	a, ok := e.clusterer.(archiver)
	if !ok || e.archive == nil {
		return nil
	}
	archived, recalled := a.TakeArchived()
	if err := e.archive.SetArchived(ctx, recalled, false); err != nil {
		return err
	}
	return e.archive.SetArchived(ctx, archived, true)
}

// The clusterer's snapshot (news.StateStore) lets a restart skip replaying
// every stored article. It is saved after a repair (the end of every
// embedded run; the distributed assigner when its queue is idle) once the
// clusterer has placed enough articles since the last one: at least
// snapshotMin, and a tenth of what it holds, so that writing it costs
// little and a restart replays at most about a tenth.
const snapshotName = "cluster"

var snapshotMin = 500 // a variable for tests

// maybeSnapshot saves the clusterer's snapshot when it has grown enough.
func (e *Engine) maybeSnapshot(ctx context.Context) error {
	c, ok := e.clusterer.(*cluster.Clusterer)
	ss, keeps := e.store.(news.StateStore)
	if !ok || !keeps {
		return nil
	}
	held, _ := c.Len()
	n := c.Placed() // grows also when the window keeps the size flat
	if n-e.snapPlaced < max(snapshotMin, held/10) {
		return nil
	}
	var buf bytes.Buffer
	if err := c.WriteSnapshot(&buf); err != nil {
		return err
	}
	if err := ss.SaveState(ctx, snapshotName, buf.Bytes()); err != nil {
		return err
	}
	e.snapPlaced = n
	return nil
}

// loadSnapshot reads the clusterer's snapshot and checks it against the
// stored assignments (in ingest order): every article it holds must be
// stored in the story it has it in. It returns the clusterer and the
// assignments it lacks, to replay; ok is false when there is no usable
// snapshot (none, another version or configuration, or one that disagrees
// with the store, which another process changed since).
func (e *Engine) loadSnapshot(ctx context.Context, pairs [][2]string) (c *cluster.Clusterer, rest [][2]string, ok bool) {
	ss, keeps := e.store.(news.StateStore)
	if !keeps {
		return nil, nil, false
	}
	data, err := ss.State(ctx, snapshotName)
	if err != nil {
		return nil, nil, false
	}
	c, err = cluster.ReadSnapshot(bytes.NewReader(data), e.cfg.clusterConfig())
	if err != nil {
		return nil, nil, false
	}
	held := 0
	for _, p := range pairs {
		id, in := c.StoryOf(p[0])
		switch {
		case !in:
			rest = append(rest, p)
		case id != p[1]:
			return nil, nil, false
		default:
			held++
		}
	}
	if n, _ := c.Len(); n != held {
		return nil, nil, false // it holds articles the store does not place
	}
	return c, rest, true
}
