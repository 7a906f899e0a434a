package engine

import (
	"time"

	"github.com/crosscheck-news/crosscheck/internal/claim"
	"github.com/crosscheck-news/crosscheck/internal/clean"
	"github.com/crosscheck-news/crosscheck/internal/cluster"
	"github.com/crosscheck-news/crosscheck/internal/contradiction"
	"github.com/crosscheck-news/crosscheck/internal/dates"
	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/extract"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/lru"
	"github.com/crosscheck-news/crosscheck/internal/ner"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/pagetype"
	"github.com/crosscheck-news/crosscheck/internal/paraphrase"
	"github.com/crosscheck-news/crosscheck/internal/pipeline"
	"github.com/crosscheck-news/crosscheck/internal/quote"
	"github.com/crosscheck-news/crosscheck/internal/segment"
	"github.com/crosscheck-news/crosscheck/internal/stance"
	"github.com/crosscheck-news/crosscheck/internal/statement"
	"github.com/crosscheck-news/crosscheck/internal/status"
	"github.com/crosscheck-news/crosscheck/internal/story"
	"github.com/crosscheck-news/crosscheck/internal/timeline"
)

// The engine's stages are listed here, by name and in order, in plain Go:
// nothing registers itself, and a list is never cut out of another by index.

// maxArticleText bounds the cleaned text of one article: the longest news
// articles are a few hundred KB, and the analysis of 2 MB takes seconds.
const maxArticleText = 2 << 20

// articleBudget bounds one article's whole analysis.
const articleBudget = 60 * time.Second

// articlePipeline is the per-article pipeline with its budget, timed into t.
func articlePipeline(t *pipeline.Timings) (*pipeline.Pipeline, error) {
	stages, err := articleStages()
	if err != nil {
		return nil, err
	}
	return pipeline.New(stages...).WithTimings(t).WithBudget(articleBudget), nil
}

// articleStages is the per-article pipeline, in order.
func articleStages() ([]pipeline.Named, error) {
	tagger, err := ner.NewStage()
	if err != nil {
		return nil, err
	}
	return append(without(foundationStages(), "fingerprint"),
		pipeline.Named{Name: "segment", Stage: segment.Stage{}},
		pipeline.Named{Name: "ner", Stage: tagger},
		pipeline.Named{Name: "entities", Stage: entity.Stage{}},
		pipeline.Named{Name: "quotes", Stage: quote.Extractor{}},
		pipeline.Named{Name: "claims", Stage: claim.Extractor{}},
		pipeline.Named{Name: "statements", Stage: statement.Extractor{}},
		pipeline.Named{Name: "fingerprint", Stage: dedup.Fingerprint{}},
	), nil
}

// foundationStages is the ingest path without the analysis stages: text
// from HTML, cleaning, metadata, page type, dates and fingerprints. Benchmarks use it
// to measure the foundation apart from the models.
func foundationStages() []pipeline.Named {
	return []pipeline.Named{
		{Name: "extract", Stage: extract.Stage{}},
		{Name: "clean", Stage: clean.Cleaner{}},
		{Name: "budget", Stage: pipeline.TextBudget{Max: maxArticleText}},
		{Name: "metadata", Stage: ingest.Metadata{}},
		{Name: "pagetype", Stage: pagetype.Stage{}},
		{Name: "dates", Stage: dates.Stage{}},
		{Name: "fingerprint", Stage: dedup.Fingerprint{}},
	}
}

// without returns the stages but the one named name.
func without(stages []pipeline.Named, name string) []pipeline.Named {
	out := make([]pipeline.Named, 0, len(stages))
	for _, st := range stages {
		if st.Name != name {
			out = append(out, st)
		}
	}
	return out
}

// StoryStages is the cross-article pipeline, in order, with fresh caches.
func StoryStages() ([]pipeline.NamedStory, error) {
	model, err := stance.Default()
	if err != nil {
		return nil, err
	}
	para, err := paraphrase.Default()
	if err != nil {
		return nil, err
	}
	bodies := newBodyCache(model, 64<<20)
	// claim and article -> confident stance, or "" when unsure
	seen := lru.New[string, news.Stance](16 << 20)
	readings := claim.NewCache(64 << 20)
	modelStance := func(text string, a *news.Article) (news.Stance, bool) {
		key := text + "\x00" + a.ID + "/" + a.ContentHash
		if st, ok := seen.Get(key); ok {
			return st, st != ""
		}
		st, probs := model.ClaimStanceBody(text, bodies.get(a))
		best := 0.0
		for _, p := range probs {
			best = max(best, p)
		}
		if best < 0.6 {
			st = ""
		}
		seen.Add(key, st, len(key)+64)
		return st, st != ""
	}
	return []pipeline.NamedStory{
		{Name: "entities", Stage: entity.StoryStage{Cache: entity.NewCache(64 << 20)}},
		{Name: "copies", Stage: cluster.Copies{Cache: dedup.NewTextCache(64 << 20)}},
		{Name: "quotes", Stage: quote.Merger{Cache: quote.NewCache(32 << 20)}},
		{Name: "claims", Stage: claim.Builder{Cache: readings, Stance: modelStance}},
		{Name: "stances", Stage: claim.StanceReader{Cache: readings, Stance: modelStance}},
		{Name: "matching", Stage: claim.Matcher{Similar: paraphraser{para}, Prepared: lru.New[string, any](32 << 20),
			Probs: lru.New[[2]uint64, float64](16 << 20), Cache: readings}},
		{Name: "status", Stage: status.Stage{}},
		{Name: "contradictions", Stage: contradiction.Stage{Cache: contradiction.NewCache(64 << 20)}},
		{Name: "timeline", Stage: timeline.Stage{}},
		{Name: "sheet", Stage: story.Sheet{}},
	}, nil
}

// bodyCache keeps the stance model's analysis of recent articles, so that a
// story rebuilt after each new article does not analyse the others again:
// the most recently used ones, within a bound in bytes (an analysis holds
// about six times its text: tokens, sentences, term counts).
type bodyCache struct {
	model *stance.Model
	c     *lru.Cache[string, *stance.Body]
}

func newBodyCache(m *stance.Model, maxBytes int) *bodyCache {
	return &bodyCache{model: m, c: lru.New[string, *stance.Body](maxBytes)}
}

func (c *bodyCache) get(a *news.Article) *stance.Body {
	key := a.ID + "/" + a.ContentHash
	if b, ok := c.c.Get(key); ok {
		return b
	}
	b := c.model.Prepare(a.Text)
	c.c.Add(key, b, b.Size())
	return b
}

// paraphraser lets the claim matcher use the paraphrase model.
type paraphraser struct{ m *paraphrase.Model }

func (p paraphraser) Prepare(text string) any { return p.m.Prepare(text) }
func (p paraphraser) Prob(a, b any) float64 {
	return p.m.ProbPrepared(a.(*paraphrase.Sentence), b.(*paraphrase.Sentence))
}
func (p paraphraser) Threshold() float64 { return p.m.Threshold() }
