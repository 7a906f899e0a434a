package statement

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TrainDoc is one training text with its gold attributions (brat character
// offsets, as eval.LoadPolNeAR reads them).
type TrainDoc struct {
	Text string
	Gold []eval.Attribution
}

// TrainOptions tune TrainModel; zero values take the defaults.
type TrainOptions struct {
	Epochs     int                  // perceptron epochs (default 4)
	Logf       func(string, ...any) // progress, or nil
	Seed       uint64               // shuffling seed (default 1)
	Prune      float64              // drop weights smaller than this (default 0.01)
	RankEpochs int                  // content ranker epochs (default 4)
	Threshold  float64              // the cue tagger's decision threshold (default 0)
	MinCueRate float64              // score only words in cues at least this share of their uses (default 0.05)
	MinCount   int                  // drop features seen fewer times in training (default 4)
}

// Report is what TrainModel measured on held-out documents: the cue
// tagger's token precision and recall, and how often the content ranker's
// pick matches the gold content (and source) when given the gold cue.
type Report struct {
	CueTP, CueFP, CueFN    int
	Readings, ContentRight int
	SourceRight, Reachable int
}

func (r Report) String() string {
	p := eval.Ratio(r.CueTP, r.CueTP+r.CueFP)
	rc := eval.Ratio(r.CueTP, r.CueTP+r.CueFN)
	return fmt.Sprintf("cue tokens P %.4f R %.4f F1 %.4f; gold cues %d, content reachable %.4f, content right %.4f, content and source right %.4f",
		p, rc, eval.F1(p, rc), r.Readings, eval.Ratio(r.Reachable, r.Readings), eval.Ratio(r.ContentRight, r.Readings), eval.Ratio(r.SourceRight, r.Readings))
}

// tokenExample is one token for the cue tagger.
type tokenExample struct {
	feats []uint64
	word  uint64 // hash of the lower-cased word
	cue   bool
}

// readingExample is one gold cue's candidate readings, with the best one.
type readingExample struct {
	feats  [][]uint64
	gold   int    // index of the best candidate, -1 when none matches
	match  []bool // candidate content matches the gold content
	source []bool // candidate source overlaps the gold source
}

// quality ranks candidate k: content and source right, content right, wrong.
func (ex readingExample) quality(k int) int {
	q := 0
	if ex.match[k] {
		q += 2
	}
	if ex.source[k] {
		q++
	}
	return q
}

// byteSpans converts brat character spans to byte spans of text.
func byteSpans(offs []int, ps []eval.CharSpan) []news.Span {
	var out []news.Span
	for _, p := range ps {
		if p.Start < 0 || p.End >= len(offs) || p.Start >= p.End {
			continue
		}
		out = append(out, news.Span{Start: offs[p.Start], End: offs[p.End]})
	}
	return out
}

// charToByte maps each character offset of text to its byte offset.
func charToByte(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

func extent(ps []news.Span) news.Span {
	if len(ps) == 0 {
		return news.Span{}
	}
	e := ps[0]
	for _, p := range ps[1:] {
		e.Start = min(e.Start, p.Start)
		e.End = max(e.End, p.End)
	}
	return e
}

// contentMatch reports the metric's match rule for two extents.
func contentMatch(a, b news.Span) (bool, float64) {
	ov := min(a.End, b.End) - max(a.Start, b.Start)
	l := max(a.Len(), b.Len())
	if ov <= 0 || l == 0 {
		return false, 0
	}
	return 2*ov >= l, float64(ov) / float64(l)
}

func spansOverlap(a news.Span, bs []news.Span) bool {
	for _, b := range bs {
		if a.Start < b.End && b.Start < a.End && a.Len() > 0 {
			return true
		}
	}
	return false
}

// examples turns a document into tagger and ranker examples.
func examples(td TrainDoc) ([]tokenExample, []readingExample) {
	d := prepare(td.Text, nil, nil)
	offs := charToByte(td.Text)
	var cueSpans []news.Span
	for _, g := range td.Gold {
		cueSpans = append(cueSpans, byteSpans(offs, g.Cue)...)
	}
	var toks []tokenExample
	for _, s := range d.sents {
		for i := s.t0; i < s.t1; i++ {
			t := d.toks[i]
			toks = append(toks, tokenExample{feats: d.cueFeatures(s, i, nil), word: hlower(fnvOffset, t.w),
				cue: spansOverlap(news.Span{Start: t.s, End: t.e}, cueSpans)})
		}
	}
	var reads []readingExample
	for _, g := range td.Gold {
		cues := byteSpans(offs, g.Cue)
		content := extent(byteSpans(offs, g.Content))
		if len(cues) == 0 || content.Len() == 0 {
			continue
		}
		ci, cj := d.tokensIn(cues[0])
		if ci >= cj {
			continue
		}
		reads = append(reads, d.readingExample(ci, cj, content, byteSpans(offs, g.Source)))
	}
	return toks, reads
}

// tokensIn returns the token range overlapping sp, within one sentence.
func (d *doc) tokensIn(sp news.Span) (int, int) {
	ci := -1
	for i, t := range d.toks {
		if t.e > sp.Start && t.s < sp.End {
			ci = i
			break
		}
	}
	if ci < 0 {
		return 0, 0
	}
	s := d.sents[d.sentOf(ci)]
	cj := ci + 1
	for cj < s.t1 && d.toks[cj].s < sp.End {
		cj++
	}
	return ci, cj
}

func (d *doc) readingExample(ci, cj int, content news.Span, source []news.Span) readingExample {
	si := d.sentOf(ci)
	ctx := d.contextFeatures(si, ci, cj, nil)
	r := d.candidates(si, ci, cj)
	ex := readingExample{gold: -1}
	best := -1.0
	for k, c := range r.cands {
		ex.feats = append(ex.feats, d.candFeatures(r, c, ctx, nil))
		ok, ov := contentMatch(d.extentOf(r.content(c)), content)
		sr := r.source(c)
		src := spansOverlap(d.span(sr.a, sr.b), source) || len(source) == 0 && sr.empty()
		ex.match = append(ex.match, ok)
		ex.source = append(ex.source, ok && src)
		if !ok {
			continue
		}
		sc := 2 + ov
		if src {
			sc += 1
		}
		if sc > best {
			best, ex.gold = sc, k
		}
	}
	return ex
}

// extentOf is the byte extent of token ranges.
func (d *doc) extentOf(ps []rng) news.Span {
	return news.Span{Start: d.toks[ps[0].a].s, End: d.toks[ps[len(ps)-1].b-1].e}
}

// avg is an averaged perceptron's weights.
type avg struct {
	w, u map[uint64]float64
	c    float64
}

func newAvg() *avg { return &avg{w: map[uint64]float64{}, u: map[uint64]float64{}, c: 1} }

func (a *avg) score(fs []uint64) float64 {
	s := 0.0
	for _, f := range fs {
		s += a.w[f]
	}
	return s
}

func (a *avg) update(fs []uint64, delta float64) {
	for _, f := range fs {
		a.w[f] += delta
		a.u[f] += a.c * delta
	}
}

func (a *avg) final(minAbs float64) map[uint64]float32 {
	out := map[uint64]float32{}
	for f, w := range a.w {
		v := w - a.u[f]/a.c
		if v > minAbs || v < -minAbs {
			out[f] = float32(v)
		}
	}
	return out
}

// TrainModel trains the cue tagger and the content ranker on train and
// reports their quality on held (which may be empty).
func TrainModel(ctx context.Context, train, held []TrainDoc, opts TrainOptions) (*Model, Report, error) {
	if opts.Epochs == 0 {
		opts.Epochs = 4
	}
	if opts.Prune == 0 {
		opts.Prune = 0.01
	}
	if opts.MinCueRate == 0 {
		opts.MinCueRate = 0.05
	}
	if opts.MinCount == 0 {
		opts.MinCount = 10
	}
	if opts.RankEpochs == 0 {
		opts.RankEpochs = 4
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	var toks []tokenExample
	var reads []readingExample
	for _, td := range train {
		if err := ctx.Err(); err != nil {
			return nil, Report{}, err
		}
		t, r := examples(td)
		toks = append(toks, t...)
		reads = append(reads, r...)
	}
	// the tagger scores only words seen in a cue at least twice and in at
	// least MinCueRate of their uses: "said", "according", not "the"
	seen, all := map[uint64]int{}, map[uint64]int{}
	for _, ex := range toks {
		all[ex.word]++
		if ex.cue {
			seen[ex.word]++
		}
	}
	vocab := map[uint64]float32{}
	for w, n := range seen {
		if n >= 2 && float64(n) >= opts.MinCueRate*float64(all[w]) {
			vocab[w] = float32(n) / float32(all[w])
		}
	}
	kept := toks[:0]
	for _, ex := range toks {
		if rate, ok := vocab[ex.word]; ok {
			ex.feats = append(ex.feats, rateFeature(rate))
			kept = append(kept, ex)
		}
	}
	toks = kept
	// features seen fewer than MinCount times are dropped: a small model
	// that generalises
	count := map[uint64]int{}
	for _, ex := range toks {
		for _, f := range ex.feats {
			count[f]++
		}
	}
	for _, ex := range reads {
		for _, fs := range ex.feats {
			for _, f := range fs {
				count[f]++
			}
		}
	}
	keep := func(fs []uint64) []uint64 {
		out := fs[:0]
		for _, f := range fs {
			if count[f] >= opts.MinCount {
				out = append(out, f)
			}
		}
		return out
	}
	for i := range toks {
		toks[i].feats = keep(toks[i].feats)
	}
	for _, ex := range reads {
		for k := range ex.feats {
			ex.feats[k] = keep(ex.feats[k])
		}
	}
	logf("%d cue words, %d tokens, %d readings", len(vocab), len(toks), len(reads))
	rng := rand.New(rand.NewPCG(opts.Seed, 2))
	cue, content := newAvg(), newAvg()
	for ep := 0; ep < max(opts.Epochs, opts.RankEpochs); ep++ {
		if err := ctx.Err(); err != nil {
			return nil, Report{}, err
		}
		errs := 0
		if ep >= opts.Epochs {
			toks = nil
		}
		for _, i := range rng.Perm(len(toks)) {
			ex := toks[i]
			pred := cue.score(ex.feats) > 0
			if pred != ex.cue {
				errs++
				if ex.cue {
					cue.update(ex.feats, 1)
				} else {
					cue.update(ex.feats, -1)
				}
			}
			cue.c++
		}
		rerrs := 0
		for _, i := range rng.Perm(len(reads)) {
			ex := reads[i]
			if ex.gold < 0 || ep >= opts.RankEpochs {
				continue
			}
			best, bs := 0, 0.0
			for k, fs := range ex.feats {
				if s := content.score(fs); k == 0 || s > bs {
					best, bs = k, s
				}
			}
			if ex.quality(best) < ex.quality(ex.gold) {
				rerrs++
				content.update(ex.feats[ex.gold], 1)
				content.update(ex.feats[best], -1)
			}
			content.c++
		}
		logf("epoch %d: cue errors %d, reading errors %d", ep+1, errs, rerrs)
	}
	m := &Model{vocab: vocab, cue: cue.final(opts.Prune), content: content.final(opts.Prune), threshold: float32(opts.Threshold)}
	m.freeze()
	var rep Report
	for _, td := range held {
		t, r := examples(td)
		for _, ex := range t {
			rate, known := m.vocabT.get(ex.word)
			pred := known && m.cueT.score(append(ex.feats, rateFeature(rate))) > m.threshold
			switch {
			case pred && ex.cue:
				rep.CueTP++
			case pred:
				rep.CueFP++
			case ex.cue:
				rep.CueFN++
			}
		}
		for _, ex := range r {
			rep.Readings++
			if ex.gold >= 0 {
				rep.Reachable++
			}
			best, bs := 0, float32(0)
			for k, fs := range ex.feats {
				if s := m.contentT.score(fs); k == 0 || s > bs {
					best, bs = k, s
				}
			}
			if len(ex.match) > 0 && ex.match[best] {
				rep.ContentRight++
				if ex.source[best] {
					rep.SourceRight++
				}
			}
		}
	}
	return m, rep, nil
}
