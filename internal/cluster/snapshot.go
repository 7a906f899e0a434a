package cluster

import (
	"bufio"
	"cmp"
	"compress/flate"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
)

// A snapshot is the clusterer's whole state, so that a restart resumes in
// the time it takes to read it instead of replaying every stored article
// (which decodes each one and prepares it again). The state is independent
// of the order of maps, so a restored clusterer decides exactly as the one
// that wrote the snapshot would have.

// snapshotVersion changes whenever the state or the way articles are
// prepared changes: an older snapshot is then refused (ErrStaleSnapshot)
// and the clusterer is rebuilt by replay.
const snapshotVersion = 4

// ErrStaleSnapshot is returned by ReadSnapshot for a snapshot written by
// another version or under another configuration.
var ErrStaleSnapshot = errors.New("cluster snapshot: written by another version or configuration")

// TW is a weighted term as stored in a snapshot.
type TW struct {
	T int32
	W float32
}

type snapStory struct {
	ID           string
	Into         int32
	Members      []int32
	Centroid, CW []TW
	Ents, Nums   map[int32]int
	LeadC, LeadW []TW
	Bigrams      []uint64
	First, Last  int64
	Checked      int
	Dirty        bool
	Active       int64
	Seq          int
}

type snapArticle struct {
	ID       string
	Story    int32
	Vec      []TW
	Ents     []int32
	Nums     []int32
	Lead     []TW
	Sig      []uint64
	Bigrams  []uint64
	LeadEnts []int32
	Terms    []int32
}

// snapshot is the state but its stories and articles, which follow it in
// chunks of snapChunk: gob encodes each value whole in memory before
// writing it, and one value holding everything would double the memory a
// large clusterer takes while it is written.
type snapshot struct {
	Version int
	Config  [32]byte // configFingerprint
	Terms   []string // by term id
	DF      []int32
	N       int
	Stories int // how many follow
	Arts    int
	Index   [][]int32
	ArtPost [][]int32
	PassIdx map[uint64]int32
	Bands   map[uint64]int32
	Dirty   []int32
	Clock   int64
	Swept   int64
	Placed  int
	Tmpl    map[uint64]uint8 // the site-template memory (template.go)
}

const snapChunk = 2000

// configFingerprint identifies what the state depends on and what its
// decisions use: every setting (the model's thresholds are copied into
// them), not the model's weights.
func configFingerprint(cfg Config) [32]byte {
	cfg.Model = nil
	return sha256.Sum256(fmt.Appendf(nil, "%d %+v", snapshotVersion, cfg))
}

func toTW(v []tw) []TW {
	if v == nil {
		return nil
	}
	out := make([]TW, len(v))
	for i, x := range v {
		out[i] = TW{x.t, x.w}
	}
	return out
}

func fromTW(v []TW) []tw {
	if v == nil {
		return nil
	}
	out := make([]tw, len(v))
	for i, x := range v {
		out[i] = tw{x.T, x.W}
	}
	return out
}

// WriteSnapshot writes the clusterer's state to w (compressed).
func (c *Clusterer) WriteSnapshot(w io.Writer) error {
	s := snapshot{Version: snapshotVersion, Config: configFingerprint(c.cfg), DF: c.df, N: c.n,
		Stories: len(c.stories), Arts: len(c.arts),
		Index: c.index, ArtPost: c.artPost, PassIdx: c.passIdx, Bands: c.bands, Dirty: c.dirty,
		Clock: c.clock, Swept: c.swept, Placed: c.placed, Tmpl: c.tmpl}
	s.Terms = make([]string, len(c.vocab))
	for t, id := range c.vocab {
		s.Terms[id] = t
	}
	zw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	enc := gob.NewEncoder(bw)
	if err := enc.Encode(&s); err != nil {
		return fmt.Errorf("cluster snapshot: %w", err)
	}
	for start := 0; start < len(c.stories); start += snapChunk {
		chunk := make([]snapStory, 0, snapChunk)
		for _, st := range c.stories[start:min(start+snapChunk, len(c.stories))] {
			chunk = append(chunk, snapStory{ID: st.id, Into: st.into, Members: st.members, Centroid: toTW(st.centroid), CW: toTW(st.cw),
				Ents: st.ents, Nums: st.nums, LeadC: toTW(st.leadC), LeadW: toTW(st.leadW), Bigrams: st.bigrams,
				First: st.first, Last: st.last, Checked: st.checked, Dirty: st.dirty, Active: st.active, Seq: st.seq})
		}
		if err := enc.Encode(chunk); err != nil {
			return fmt.Errorf("cluster snapshot: %w", err)
		}
	}
	for start := 0; start < len(c.arts); start += snapChunk {
		chunk := make([]snapArticle, 0, snapChunk)
		for _, a := range c.arts[start:min(start+snapChunk, len(c.arts))] {
			chunk = append(chunk, snapArticle{ID: a.id, Story: a.story, Vec: toTW(a.vec), Ents: a.ents, Nums: a.nums, Lead: toTW(a.lead),
				Sig: a.sig, Bigrams: a.bigrams, LeadEnts: a.leadEnts, Terms: a.terms})
		}
		if err := enc.Encode(chunk); err != nil {
			return fmt.Errorf("cluster snapshot: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cluster snapshot: %w", err)
	}
	return zw.Close()
}

// ReadSnapshot returns the clusterer a snapshot holds, configured with cfg;
// ErrStaleSnapshot when the snapshot was written by another version or
// under another configuration.
func ReadSnapshot(r io.Reader, cfg Config) (*Clusterer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var s snapshot
	dec := gob.NewDecoder(bufio.NewReaderSize(flate.NewReader(r), 1<<16))
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("cluster snapshot: %w", err)
	}
	if s.Version != snapshotVersion || s.Config != configFingerprint(cfg) {
		return nil, ErrStaleSnapshot
	}
	if len(s.DF) != len(s.Terms) {
		return nil, errors.New("cluster snapshot: inconsistent term tables")
	}
	c := New(cfg)
	c.df, c.n, c.index, c.artPost, c.dirty = s.DF, s.N, s.Index, s.ArtPost, s.Dirty
	c.clock, c.swept, c.placed = s.Clock, s.Swept, s.Placed
	if s.PassIdx != nil {
		c.passIdx = s.PassIdx
	}
	if s.Bands != nil {
		c.bands = s.Bands
	}
	if s.Tmpl != nil {
		c.tmpl = s.Tmpl
	}
	c.vocab = make(map[string]int32, len(s.Terms))
	for id, t := range s.Terms {
		c.vocab[t] = int32(id)
	}
	c.logDf = make([]float64, len(c.df))
	for i, d := range c.df {
		c.logDf[i] = math.Log(float64(d + 1))
	}
	c.logN = math.Log(float64(c.n + 1 + cfg.IDFPrior))
	stories, arts := make([]snapStory, 0, s.Stories), make([]snapArticle, 0, s.Arts)
	for len(stories) < s.Stories {
		var chunk []snapStory
		if err := dec.Decode(&chunk); err != nil || len(chunk) == 0 {
			return nil, fmt.Errorf("cluster snapshot: stories: %v", cmp.Or(err, errors.New("empty chunk")))
		}
		stories = append(stories, chunk...)
	}
	for len(arts) < s.Arts {
		var chunk []snapArticle
		if err := dec.Decode(&chunk); err != nil || len(chunk) == 0 {
			return nil, fmt.Errorf("cluster snapshot: articles: %v", cmp.Or(err, errors.New("empty chunk")))
		}
		arts = append(arts, chunk...)
	}
	if len(stories) != s.Stories || len(arts) != s.Arts {
		return nil, errors.New("cluster snapshot: more stories or articles than announced")
	}
	for _, st := range stories {
		i := c.addStory(st.ID)
		x := c.stories[i]
		x.into, x.members, x.centroid, x.cw = st.Into, st.Members, fromTW(st.Centroid), fromTW(st.CW)
		x.leadC, x.leadW, x.bigrams, x.first, x.last, x.checked, x.dirty = fromTW(st.LeadC), fromTW(st.LeadW), st.Bigrams, st.First, st.Last, st.Checked, st.Dirty
		x.active, x.seq = st.Active, st.Seq
		if st.Ents != nil {
			x.ents = st.Ents
		}
		if st.Nums != nil {
			x.nums = st.Nums
		}
	}
	c.arts = make([]article, len(arts))
	for i, a := range arts {
		if a.Story < 0 || int(a.Story) >= len(c.stories) {
			return nil, fmt.Errorf("cluster snapshot: article %s in story %d of %d", a.ID, a.Story, len(c.stories))
		}
		c.arts[i] = article{id: a.ID, story: a.Story, vec: fromTW(a.Vec), ents: a.Ents, nums: a.Nums, lead: fromTW(a.Lead),
			sig: a.Sig, bigrams: a.Bigrams, leadEnts: a.LeadEnts, terms: a.Terms}
		c.artIdx[a.ID] = int32(i)
	}
	return c, nil
}
