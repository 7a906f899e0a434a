// Package engine owns the ingest flow of both deployment modes: analyse
// documents, save the articles, place them in stories, rebuild the stories'
// views. The embedded mode runs it in one process (Engine); the distributed
// mode splits it into a Worker (analyse, save), one Assigner (place) and
// Rebuilders (views) that talk through the queue. The store and the queue
// are its only seams.
package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/cluster"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/story"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// Engine is the embedded mode's whole ingest path: per-article stages on
// every core, the store, story assignment in input order and story views.
type Engine struct {
	store     news.Store
	pipe      *pipeline.Pipeline
	clusterer placer
	builder   *story.Builder
	workers   int
	timings   *pipeline.Timings
	// placed holds the ids of articles that have a story, so that an article
	// an interrupted run saved but did not place is placed by the next (and
	// the assigner skips what it placed already when it comes again).
	placed map[string]bool
	// Saved, when set before Run, is told the stored article id of every
	// document saved (new, updated or unchanged); evaluations use it to map
	// their inputs' own ids to stored articles.
	Saved func(doc news.Document, articleID string)
	// snapPlaced is how many articles the clusterer had placed (cluster's
	// Placed) at its last snapshot (restored or saved).
	snapPlaced int
	// cfg is what the command set; archive is the store as the clusterer's
	// archive of stories out of its window, nil when it keeps every story.
	cfg     Config
	archive news.StoryArchive
}

// Config is what the commands that place articles set (--story-window,
// --workers).
type Config struct {
	// StoryWindow is how many days a story stays in the clusterer's memory
	// after its latest article (by the articles' dates); older ones are
	// archived and come back when an article matches them (docs/stories.md).
	// 0 keeps every story in memory.
	StoryWindow int
	// StoryWindowArticles is how many articles must be placed after a
	// story's latest one before it may be archived, whatever the dates.
	StoryWindowArticles int
	// Workers is how many articles are analysed, and stories rebuilt at
	// the end of a run, at once; 0 is one per core.
	Workers int
}

// DefaultConfig is the configuration of every command by default.
func DefaultConfig() Config {
	return Config{StoryWindow: 30, StoryWindowArticles: 10_000}
}

// Validate reports a configuration no engine can run with.
func (cfg Config) Validate() error {
	if cfg.StoryWindow < 0 || cfg.StoryWindowArticles < 0 {
		return fmt.Errorf("story window: %d days, %d articles", cfg.StoryWindow, cfg.StoryWindowArticles)
	}
	if cfg.Workers < 0 {
		return fmt.Errorf("workers: %d", cfg.Workers)
	}
	return nil
}

// clusterConfig is the clusterer's configuration under cfg.
func (cfg Config) clusterConfig() cluster.Config {
	c := cluster.DefaultConfig()
	c.Window, c.WindowArticles = cfg.StoryWindow, cfg.StoryWindowArticles
	return c
}

// placer places saved articles into stories incrementally (the clusterer).
type placer interface {
	// Restore replays a stored assignment so a new run continues the last.
	Restore(a *news.Article, storyID string)
	// AddFrom returns the article's story and the stories merged into it;
	// stories out of the window come back from arch (nil: none).
	AddFrom(ctx context.Context, a *news.Article, arch cluster.Archive) (storyID string, merged []string, err error)
}

// archiver is a placer that archives stories (cluster's TakeArchived).
type archiver interface {
	TakeArchived() (archived, recalled []string)
}

// repairer is a placer that can split stories that drifted.
type repairer interface {
	Repair() []cluster.Move
}

// Summary counts what an ingest run did.
type Summary struct {
	Read, New, Unchanged, Updated, Failed int
	Stories                               int // stories created or changed
	NotArticles                           int // saved pages that are not articles, kept out of stories
	Resumed                               int // of them, left unfinished by an interrupted run
}

func (s Summary) String() string {
	out := fmt.Sprintf("read %d, new %d, unchanged %d, updated %d, failed %d; %s updated",
		s.Read, s.New, s.Unchanged, s.Updated, s.Failed, words.Count(s.Stories, "story"))
	if s.Resumed > 0 {
		out += fmt.Sprintf(" (%d left unfinished by an interrupted run)", s.Resumed)
	}
	if s.NotArticles > 0 {
		out += fmt.Sprintf("; %s not news articles, kept out of stories", words.Count(s.NotArticles, "page"))
	}
	return out
}

// New wires the default stages over store and restores the story
// assignments it holds, taking the store's writer lock (SQLite): the
// embedded mode's engine, and the distributed assigner's state.
func New(ctx context.Context, store news.Store, cfg Config) (*Engine, error) {
	return newEngine(ctx, store, cfg, true)
}

// newEngine is New; without analyse, the engine only places and rebuilds
// (the distributed assigner), and has no per-article stages to run.
func newEngine(ctx context.Context, store news.Store, cfg Config, analyse bool) (*Engine, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	// One writer of stories per store: a second ingest into the same SQLite
	// file would group stories on its own and never merge with the first.
	if l, ok := store.(interface{ LockWriter() error }); ok {
		if err := l.LockWriter(); err != nil {
			return nil, err
		}
	}
	e := &Engine{store: store, workers: cfg.Workers, timings: &pipeline.Timings{}, placed: map[string]bool{}, cfg: cfg}
	if e.workers == 0 {
		e.workers = runtime.NumCPU()
	}
	if sa, ok := store.(news.StoryArchive); ok && cfg.StoryWindow > 0 {
		e.archive = sa
	} else {
		e.cfg.StoryWindow = 0 // a store that cannot archive keeps every story in memory
	}
	if analyse {
		var err error
		if e.pipe, err = articlePipeline(e.timings); err != nil {
			return nil, err
		}
	}
	sstages, err := StoryStages()
	if err != nil {
		return nil, err
	}
	e.builder = &story.Builder{Store: store, Stages: &pipeline.StoryPipeline{Stages: sstages}, Cache: story.NewCache(256 << 20)}
	e.clusterer = cluster.New(e.cfg.clusterConfig())
	if err := e.restore(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// add places one article with the store as the clusterer's archive.
func (e *Engine) add(ctx context.Context, a *news.Article) (storyID string, merged []string, err error) {
	var arch cluster.Archive
	if e.archive != nil {
		arch = archiveOf{e.store, e.archive}
	}
	return e.clusterer.AddFrom(ctx, a, arch)
}

// archiveOf is a store as the clusterer's archive.
type archiveOf struct {
	news.Store
	news.StoryArchive
}

// toArticle starts an article from a document.
func toArticle(d news.Document) *news.Article {
	a := &news.Article{URL: d.URL, Source: d.Source, Title: d.Title, Author: d.Author, Path: d.Path,
		Published: d.Published, Raw: d.Text, HTML: d.HTML}
	a.InputID = d.ID
	return a
}

// Builder is the engine's story builder (its stages and its cache of
// analysed articles), for what a command builds beside a run (changes
// since a time).
func (e *Engine) Builder() *story.Builder { return e.builder }

type job struct {
	doc  news.Document
	art  *news.Article
	err  error
	done chan struct{} // closed when the stages have run
}

// Source streams documents to emit and bad inputs to fail, in input order
// (follow.Source has the same shape).
type Source func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error

// Paths is the source reading files, directories and "-" through r.
func Paths(r *ingest.Reader, ps []string) Source {
	return func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		return r.Read(ctx, ps, emit, fail)
	}
}

// Run reads documents from src, analyses each document on the configured
// workers, and saves results in input order, so the same input gives the
// same stories; then it repairs the stories and rebuilds what is dirty. Each
// failure is reported to fail; progress (if not nil) is called after every
// batch saved. Run calls are not concurrent.
func (e *Engine) Run(ctx context.Context, src Source, fail func(error), progress func(Summary)) (Summary, error) {
	var (
		sum       Summary
		readFails atomic.Int64
	)
	in := make(chan *job, 4*e.workers)
	order := make(chan *job, 8*e.workers)
	for range max(e.workers, 1) {
		go func() {
			for j := range in {
				j.art = toArticle(j.doc)
				j.err = e.pipe.Process(ctx, j.art)
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(in)
		readErr <- src(ctx, func(d news.Document) error {
			j := &job{doc: d, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case in <- j:
			case <-ctx.Done():
				// Already in order, never analysed: done, with the reason,
				// so that the saving loop does not wait for it forever.
				j.err = ctx.Err()
				close(j.done)
				return ctx.Err()
			}
			return nil
		}, func(f ingest.Failure) { readFails.Add(1); fail(f) })
	}()
	touched := map[string]bool{}
	var saveErr error
	// Stories that stopped changing are rebuilt while the run goes on, so
	// a long ingest shows them before it ends.
	early := e.rebuildQuiet(ctx)
	// Results are saved in input order, in batches of what is ready: one
	// transaction per batch instead of per article.
	for j := range order {
		<-j.done
		batch := []*job{j}
	gather:
		for len(batch) < saveBatch {
			select {
			case next, ok := <-order:
				if !ok {
					break gather
				}
				<-next.done
				batch = append(batch, next)
			default:
				break gather
			}
		}
		sum.Read += len(batch)
		if saveErr == nil {
			saveErr = e.save(ctx, batch, &sum, touched, fail)
		}
		if progress != nil {
			progress(sum)
		}
	}
	sum.Failed += int(readFails.Load())
	if err := <-readErr; err != nil && saveErr == nil {
		saveErr = err
	}
	if err := early(); err != nil && saveErr == nil {
		saveErr = err
	}
	if saveErr != nil {
		return sum, saveErr
	}
	// Stories an interrupted run changed but did not rebuild (the store
	// marks them dirty with every membership change): finish them now.
	dirty, err := e.store.DirtyStories(ctx)
	if err != nil {
		return sum, err
	}
	for _, id := range dirty {
		if !touched[id] {
			touched[id] = true
			sum.Resumed++
		}
	}
	if len(touched) > 0 {
		if err := e.repair(ctx, touched); err != nil {
			return sum, err
		}
		// What is dirty now: the stories changed since they were last
		// rebuilt (during the run or before), and those the repair moved.
		still, err := e.store.DirtyStories(ctx)
		if err != nil {
			return sum, err
		}
		if err := e.RebuildAll(ctx, still); err != nil {
			return sum, err
		}
		if err := e.maybeSnapshot(ctx); err != nil {
			return sum, err
		}
		sum.Stories = len(touched)
	}
	return sum, nil
}

// quietEvery is how often the rebuilder of a running ingest looks for
// stories that stopped changing: a dirty story whose mark is the same as a
// look ago is rebuilt (its view saved only if it is still unchanged), if it
// has at least doubled since it was last rebuilt so: a story that keeps
// growing by bursts is rebuilt a few times, not after every burst, and the
// work done early is at most about that of one more rebuild at the end.
var quietEvery = 2 * time.Second

// rebuildQuiet rebuilds, on one goroutine beside the analysis, the dirty
// stories that stopped changing, until the returned stop is called; stop
// waits for it and returns its first error. The end of the run rebuilds
// whatever is still dirty then, on every core.
func (e *Engine) rebuildQuiet(ctx context.Context) (stop func() error) {
	done, finished := make(chan struct{}), make(chan error, 1)
	go func() {
		var prev map[string]int64
		built := map[string]int{} // story -> articles at its last early rebuild
		t := time.NewTicker(quietEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				finished <- nil
				return
			case <-ctx.Done():
				finished <- nil
				return
			case <-t.C:
			}
			marks, err := e.store.DirtyMarks(ctx)
			if err != nil {
				finished <- err
				return
			}
			var quiet []string
			for id, m := range marks {
				if prev[id] == m {
					quiet = append(quiet, id)
				}
			}
			sort.Strings(quiet)
			for _, id := range quiet {
				select {
				case <-done:
					finished <- nil
					return
				default:
				}
				ids, err := e.store.StoryArticles(ctx, id)
				if err != nil {
					finished <- err
					return
				}
				if n, ok := built[id]; ok && len(ids) < 2*n {
					continue
				}
				if err := e.builder.RebuildAt(ctx, id, marks[id]); err != nil {
					finished <- err
					return
				}
				built[id] = len(ids)
			}
			prev = marks
		}
	}()
	return func() error {
		close(done)
		return <-finished
	}
}

// repairAndRebuild repairs the stories (adding those the repair moves
// articles between to touched) and rebuilds every touched story, in id
// order; it returns how many it rebuilt.
func (e *Engine) repairAndRebuild(ctx context.Context, touched map[string]bool) (int, error) {
	if err := e.repair(ctx, touched); err != nil {
		return 0, err
	}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if err := e.RebuildAll(ctx, ids); err != nil {
		return 0, err
	}
	return len(ids), e.maybeSnapshot(ctx)
}

// repair splits the stories that drifted (the clusterer's Repair) and
// stores the moves, adding the stories they touch to touched. Both modes
// run it: the embedded one at the end of every run, the distributed
// assigner whenever its queue falls idle.
func (e *Engine) repair(ctx context.Context, touched map[string]bool) error {
	r, ok := e.clusterer.(repairer)
	if !ok {
		return nil
	}
	var pairs [][2]string
	for _, m := range r.Repair() {
		pairs = append(pairs, [2]string{m.ArticleID, m.To})
		touched[m.From], touched[m.To] = true, true
	}
	return e.store.SetStories(ctx, pairs)
}

// RebuildAll rebuilds the views of the given stories on the configured
// workers: stories share no articles, and the stages' caches and the
// stores are safe for concurrent use. It returns the first error.
func (e *Engine) RebuildAll(ctx context.Context, ids []string) error {
	next := make(chan string)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range max(e.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range next {
				if err := e.builder.Rebuild(ctx, id); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
feed:
	for _, id := range ids {
		select {
		case next <- id:
		case err := <-errs:
			errs <- err
			break feed
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return ctx.Err()
	}
}

// saveBatch bounds the articles saved in one transaction.
const saveBatch = 64

// save stores a batch of analysed articles in input order and places the
// new and updated ones in stories, and any an interrupted run saved
// without placing.
func (e *Engine) save(ctx context.Context, batch []*job, sum *Summary, touched map[string]bool, fail func(error)) error {
	arts := make([]*news.Article, 0, len(batch))
	docs := make([]news.Document, 0, len(batch))
	for _, j := range batch {
		if j.err != nil && ctx.Err() != nil && errors.Is(j.err, ctx.Err()) {
			continue // interrupted, not failed: the run reports it once
		}
		if j.err != nil {
			sum.Failed++
			fail(ingest.Failure{Path: j.doc.Path, Line: j.doc.Line, Err: j.err})
			continue
		}
		arts = append(arts, j.art)
		docs = append(docs, j.doc)
	}
	results, err := e.store.SaveArticles(ctx, arts)
	if err != nil {
		return err
	}
	if e.Saved != nil {
		for i, a := range arts {
			e.Saved(docs[i], a.ID)
		}
	}
	placing := e.placing(touched)
	for i, res := range results {
		switch res {
		case news.Unchanged:
			sum.Unchanged++
			if e.placed[arts[i].ID] {
				continue
			}
			// Saved by a run that was interrupted before placing it.
		case news.New:
			sum.New++
		case news.Updated:
			sum.Updated++
		}
		placed, err := placing.add(ctx, arts[i])
		if err != nil {
			return err
		}
		if !placed {
			sum.NotArticles++
		}
	}
	return placing.commit(ctx)
}

// moveStory moves every article of story from into story to, which the
// store records so that the old story's address leads to the new one.
func (e *Engine) moveStory(ctx context.Context, from, to string) error {
	return e.store.MergeStory(ctx, from, to)
}
