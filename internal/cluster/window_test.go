package cluster

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// memArchive is an Archive over articles kept in memory: it records what
// the clusterer archives and finds archived stories by the words of the
// query, as a full-text index would (any term; more terms found rank
// higher).
type memArchive struct {
	arts     map[string]*news.Article
	story    map[string]string // article -> story
	archived map[string]bool
	finds    int
}

func newMemArchive() *memArchive {
	return &memArchive{arts: map[string]*news.Article{}, story: map[string]string{}, archived: map[string]bool{}}
}

// add records an article placed by c, and what c archived or recalled.
func (m *memArchive) add(c *Clusterer, a *news.Article, storyID string, merged []string) {
	m.arts[a.ID] = a
	m.story[a.ID] = storyID
	for _, from := range merged {
		for id, s := range m.story {
			if s == from {
				m.story[id] = storyID
			}
		}
	}
	archived, recalled := c.TakeArchived()
	for _, id := range archived {
		m.archived[id] = true
	}
	for _, id := range recalled {
		delete(m.archived, id)
	}
	delete(m.archived, storyID)
}

func (m *memArchive) FindArchived(_ context.Context, query string, since time.Time, limit int) ([]string, error) {
	m.finds++
	q := news.ParseQuery(query)
	best := map[string]int{}
	for id, a := range m.arts {
		s := m.story[id]
		if !m.archived[s] || !since.IsZero() && !a.Published.IsZero() && a.Published.Before(since) {
			continue
		}
		text := " " + strings.Join(wordsOf(a.Title+" "+a.Text), " ") + " "
		n := 0
		for _, g := range q.All {
			for _, term := range g {
				if strings.Contains(text, " "+term+" ") {
					n++
				}
			}
		}
		if n > best[s] {
			best[s] = n
		}
	}
	var out []string
	for s, n := range best {
		if n > 0 {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if best[a] != best[b] {
			return best[b] - best[a]
		}
		return strings.Compare(a, b)
	})
	return out[:min(len(out), limit)], nil
}

func (m *memArchive) StoryArticles(_ context.Context, storyID string) ([]string, error) {
	var out []string
	for id, s := range m.story {
		if s == storyID {
			out = append(out, id)
		}
	}
	slices.Sort(out) // the tests' ids sort in ingest order
	return out, nil
}

func (m *memArchive) ArticlesByID(_ context.Context, ids []string) ([]*news.Article, error) {
	var out []*news.Article
	for _, id := range ids {
		if a := m.arts[id]; a != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

func wordsOf(s string) []string {
	var out []string
	for _, w := range dedup.Words(s) {
		out = append(out, w.Norm)
	}
	return out
}

// windowCase is FNC-1 bodies laid out in time: the first five articles of
// the largest gold story on day 0, the bodies of other stories one every
// few hours over the next 40 days, then the sixth article of the large
// story on day 40, past the 30-day window but within the time decay's reach.
type windowCase struct {
	early, rest []*news.Article
	late        *news.Article
}

func newWindowCase(t *testing.T) windowCase {
	t.Helper()
	stances := datadir.Require(t, "fnc1/train_stances.csv")
	bodies := datadir.Require(t, "fnc1/train_bodies.csv")
	docs, gold, err := eval.FNCStories(stances, bodies)
	if err != nil {
		t.Fatal(err)
	}
	size := map[string]int{}
	for _, d := range docs {
		size[gold[d.ID]]++
	}
	big := ""
	for g, n := range size {
		if n > size[big] || n == size[big] && g < big {
			big = g
		}
	}
	day0 := time.Date(2015, 3, 1, 12, 0, 0, 0, time.UTC)
	var wc windowCase
	const n = 320
	i := 0
	for _, d := range docs {
		id := fmt.Sprintf("a%04d", len(wc.early)+len(wc.rest)+1)
		switch {
		case gold[d.ID] == big && len(wc.early) < 5:
			wc.early = append(wc.early, &news.Article{ID: id, Text: d.Text, Published: day0})
		case gold[d.ID] == big && wc.late == nil && len(wc.early) == 5:
			wc.late = &news.Article{ID: "z-late", Text: d.Text, Published: day0.AddDate(0, 0, 40)}
		case gold[d.ID] != big && i < n:
			at := day0.Add(time.Duration(i) * 40 * 24 * time.Hour / time.Duration(n))
			wc.rest = append(wc.rest, &news.Article{ID: id, Text: d.Text, Published: at})
			i++
		}
	}
	return wc
}

// story is the story most of the early articles were placed in.
func (wc windowCase) story(m *memArchive) string {
	n := map[string]int{}
	best := ""
	for _, a := range wc.early {
		s := m.story[a.ID]
		n[s]++
		if n[s] > n[best] || n[s] == n[best] && s < best {
			best = s
		}
	}
	return best
}

func windowConfig() Config {
	cfg := DefaultConfig()
	cfg.Window = 30
	return cfg
}

// run adds the case's articles but the late one to c, recording in m.
func (wc windowCase) run(t *testing.T, c *Clusterer, m *memArchive) {
	t.Helper()
	for _, a := range append(slices.Clone(wc.early), wc.rest...) {
		id, merged, err := c.AddFrom(t.Context(), a, m)
		if err != nil {
			t.Fatal(err)
		}
		m.add(c, a, id, merged)
	}
}

// A story older than the window leaves memory; an article that belongs to
// it, arriving later, brings it back and joins it instead of starting a
// story.
func TestWindowArchivesAndRecalls(t *testing.T) {
	wc := newWindowCase(t)
	c, m := New(windowConfig()), newMemArchive()
	wc.run(t, c, m)
	story := wc.story(m)
	for _, a := range wc.early {
		if _, held := c.StoryOf(a.ID); held {
			t.Errorf("%s, 40 days old, still in memory", a.ID)
		}
	}
	if !m.archived[story] {
		t.Fatalf("story %s not reported archived (archived: %d stories)", story, len(m.archived))
	}
	held, _ := c.Len()
	if held >= len(wc.early)+len(wc.rest) || held == 0 {
		t.Errorf("%d articles in memory of %d", held, len(wc.early)+len(wc.rest))
	}
	if _, ok := c.byID[story]; ok {
		t.Errorf("story %s still indexed", story)
	}

	// Without the archive, the late article starts a story of its own.
	alone, _ := ReadSnapshotOf(t, c)
	if id, _ := alone.Add(wc.late); id == story {
		t.Fatalf("without the archive the late article joined %s: the test shows nothing", id)
	}
	id, _, err := c.AddFrom(t.Context(), wc.late, m)
	if err != nil {
		t.Fatal(err)
	}
	if id != story {
		t.Errorf("the late article joined %s, want the archived story %s", id, story)
	}
	in := 1
	for _, a := range wc.early {
		if m.story[a.ID] == story {
			in++
		}
	}
	if n := len(c.stories[c.byID[story]].members); n != in {
		t.Errorf("story %s back with %d articles, want %d", story, n, in)
	}
	if _, recalled := c.TakeArchived(); !slices.Contains(recalled, story) {
		t.Errorf("story %s not reported back: %v", story, recalled)
	}
}

// ReadSnapshotOf copies c through its snapshot.
func ReadSnapshotOf(t *testing.T, c *Clusterer) (*Clusterer, int) {
	t.Helper()
	var buf bytes.Buffer
	if err := c.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	n := buf.Len()
	back, err := ReadSnapshot(&buf, c.cfg)
	if err != nil {
		t.Fatal(err)
	}
	return back, n
}

// Archiving takes back exactly what the archived articles counted: the
// document frequencies and vocabulary left are those of a clusterer that
// saw only the articles kept.
func TestWindowFrequenciesExact(t *testing.T) {
	wc := newWindowCase(t)
	c, m := New(windowConfig()), newMemArchive()
	wc.run(t, c, m)
	fresh := New(DefaultConfig())
	for _, a := range c.arts {
		fresh.Restore(m.arts[a.id], "x")
	}
	if c.n != fresh.n || c.n != len(c.arts) {
		t.Fatalf("n %d, articles %d, a fresh clusterer %d", c.n, len(c.arts), fresh.n)
	}
	for name, t0 := range c.vocab {
		var want int32
		if t1, ok := fresh.vocab[name]; ok {
			want = fresh.df[t1]
		}
		if c.df[t0] != want {
			t.Fatalf("df[%q] = %d, counted afresh %d", name, c.df[t0], want)
		}
	}
	for name, t1 := range fresh.vocab {
		if _, ok := c.vocab[name]; !ok && fresh.df[t1] > 0 {
			t.Fatalf("term %q (df %d) forgotten", name, fresh.df[t1])
		}
	}
	if len(c.vocab) > len(fresh.vocab)+len(fresh.vocab)/10 {
		t.Errorf("vocabulary %d terms, %d afresh: unused terms kept", len(c.vocab), len(fresh.vocab))
	}
	// Every index points into what is left.
	for _, list := range c.index {
		for _, s := range list {
			if int(s) >= len(c.stories) {
				t.Fatalf("index holds story %d of %d", s, len(c.stories))
			}
		}
	}
	for _, a := range c.bands {
		if int(a) >= len(c.arts) {
			t.Fatalf("bands hold article %d of %d", a, len(c.arts))
		}
	}
}

// A snapshot holds the window only, and the clusterer read back from it
// decides as the one that wrote it, archive and all.
func TestWindowSnapshot(t *testing.T) {
	wc := newWindowCase(t)
	c, m := New(windowConfig()), newMemArchive()
	wc.run(t, c, m)
	c.Repair()
	back, size := ReadSnapshotOf(t, c)
	ca, cs := c.Len()
	ba, bs := back.Len()
	if ba != ca || bs != cs || ba >= len(wc.early)+len(wc.rest) {
		t.Fatalf("snapshot holds %d articles in %d stories; the clusterer %d in %d; %d were added", ba, bs, ca, cs,
			len(wc.early)+len(wc.rest))
	}
	for _, a := range wc.early {
		if _, held := back.StoryOf(a.ID); held {
			t.Errorf("archived article %s in the snapshot", a.ID)
		}
	}
	if back.Clock() != c.Clock() || back.Placed() != c.Placed() {
		t.Errorf("clock %d placed %d, want %d %d", back.Clock(), back.Placed(), c.Clock(), c.Placed())
	}
	// The same next steps, including the recall.
	trace := func(c *Clusterer, m *memArchive) []string {
		var out []string
		id, merged, err := c.AddFrom(t.Context(), wc.late, m)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(id, merged))
		for _, mv := range c.Repair() {
			out = append(out, fmt.Sprintf("%+v", mv))
		}
		return out
	}
	m2 := &memArchive{arts: m.arts, story: m.story, archived: maps(m.archived)}
	want, got := trace(c, m), trace(back, m2)
	if !slices.Equal(want, got) {
		t.Errorf("after the restart %q, without it %q", got, want)
	}
	full := New(DefaultConfig())
	for _, a := range append(slices.Clone(wc.early), wc.rest...) {
		full.Add(a)
	}
	_, fullSize := ReadSnapshotOf(t, full)
	if size >= fullSize {
		t.Errorf("snapshot with the window %d bytes, without %d", size, fullSize)
	}
	t.Logf("snapshot: %d bytes with the window (%d articles), %d without (%d)", size, ba, fullSize, len(wc.early)+len(wc.rest))
}

func maps(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Undated articles count as of the latest date seen, and nothing ages
// before the first date.
func TestWindowUndated(t *testing.T) {
	cfg := LinearConfig()
	cfg.Window = 30
	c := New(cfg)
	day0 := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	c.Add(&news.Article{ID: "u1", Text: "Ferry workers on Lake Verrin walked off the job on Monday, halting all crossings."})
	c.Add(&news.Article{ID: "d1", Text: "The Orlenz city council voted to rebuild the old tram depot as a library.", Published: day0})
	if _, held := c.StoryOf("u1"); !held {
		t.Fatal("an undated article was archived by the first date")
	}
	c.Add(&news.Article{ID: "u2", Text: "A late frost ruined most of the apricot harvest in the Tamsin valley.", Published: time.Time{}})
	c.Add(&news.Article{ID: "d2", Text: "Striking dockers in Port Calla reached an agreement over night shifts.", Published: day0.AddDate(0, 0, 31)})
	for id, want := range map[string]bool{"u1": false, "d1": false, "u2": false, "d2": true} {
		if _, held := c.StoryOf(id); held != want {
			t.Errorf("%s in memory: %v, want %v", id, held, want)
		}
	}
	// A publication date after the ingest day is taken as the ingest day.
	c.Add(&news.Article{ID: "f1", Text: "A typo dated this report of a bridge closure in Vell a year ahead.",
		Published: day0.AddDate(1, 0, 31), Ingested: day0.AddDate(0, 0, 32)})
	if want := day0.AddDate(0, 0, 32).Unix() / 86400; c.Clock() != want {
		t.Errorf("clock %d, want the ingest day %d", c.Clock(), want)
	}
}

// A story is archived only once WindowArticles articles were placed after
// its latest one, whatever the dates: a small corpus, or a few dated
// articles among undated ones, do not archive by leaps.
func TestWindowArticles(t *testing.T) {
	wc := newWindowCase(t)
	all := len(wc.early) + len(wc.rest)
	for _, keep := range []int{0, 100, all} {
		cfg := windowConfig()
		cfg.WindowArticles = keep
		c, m := New(cfg), newMemArchive()
		wc.run(t, c, m)
		held, _ := c.Len()
		switch {
		case keep == all && held != all:
			t.Errorf("WindowArticles %d: %d of %d articles held", keep, held, all)
		case keep < all && held == all:
			t.Errorf("WindowArticles %d: nothing archived", keep)
		}
		// Every story with one of the last keep articles is held.
		for _, a := range append(slices.Clone(wc.early), wc.rest...)[all-min(keep, all):] {
			if _, held := c.StoryOf(a.ID); !held && m.archived[m.story[a.ID]] {
				t.Errorf("WindowArticles %d: %s, among the last placed, archived", keep, a.ID)
				break
			}
		}
		t.Logf("WindowArticles %d: %d of %d articles held", keep, held, all)
	}
}
