package contradiction

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/lru"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// sentence is one sentence of an article, prepared once for every
// comparison.
type sentence struct {
	a    *news.Article
	info *artInfo
	span news.Span
	toks []token
	// mentions are the sentence's mentions (and maybe some before it);
	// ents, words and period are computed on first use.
	mentions []news.Mention
	st       *story
	ents     map[string]bool
	words    map[string]bool
	period   *string
}

// entities is the set of story entities the sentence mentions.
func (s *sentence) entities() map[string]bool {
	if s.ents == nil {
		s.ents = map[string]bool{}
		for _, m := range s.mentions {
			if m.Span.Start >= s.span.Start {
				s.ents[s.st.mentionEntity(m)] = true
			}
		}
	}
	return s.ents
}

// contentWords is the sentence's set of content-word stems.
func (s *sentence) contentWords() map[string]bool {
	if s.words == nil {
		s.words = stems(s.toks)
	}
	return s.words
}

// periodOf is the years and rates the sentence names.
func (s *sentence) periodOf() string {
	if s.period == nil {
		p := period(s)
		s.period = &p
	}
	return *s.period
}

// fact is one figure, date or place stated in a sentence.
type fact struct {
	s       *sentence
	key     string  // what it is compared on within its kind: the unit, the anchor
	value   float64 // figures: the number; dates: days since 1970
	lo, hi  float64
	entity  string // places: the place; ages: whose age
	text    string // as written
	anchors []string
	// qualifier is the word after a figure's counted noun that says which
	// one it is ("$500 for the steel model"); the other sentence must name
	// it too.
	qualifier string
	updates   bool // the sentence says the value changed or may change
	// copies are the same sentence with the same figure in other articles:
	// compared once, cited with this one.
	copies []*fact
}

// prepared is a story's sentences and facts by kind and bucket.
type prepared struct {
	figures   map[string][]*fact
	inArticle map[string][]*fact // unit and article id -> the article's figures of that unit
	dates     map[string][]*fact
	places    map[string][]*fact
	mentioned map[string]map[string]bool // article id -> entities it mentions; filled on first use by mentions
	st        *story
	dayIn     map[string]map[int]bool // article id -> days its dates name
}

// articleFacts is what one article's text holds for comparison, read once
// per version of the article and kept in a Cache across rebuilds of its
// story: nothing in it depends on the story.
type articleFacts struct {
	days      map[int]bool // the days its day-precise dates name
	sentences []rawSentence
	bytes     int // an estimate of its size, for the cache
}

// rawSentence is a sentence that may hold a figure, a date or a place.
type rawSentence struct {
	span     news.Span
	toks     []token
	mentions []news.Mention // the sentence's mentions (maybe some just before it)
	figs     []figure
	dates    []news.DateMention // day-precise, not estimated
	locs     []news.Mention     // places after "in", "at", "near", "outside"
}

// read reads an article's sentences for figures, dates and places.
func read(a *news.Article) *articleFacts {
	// Tokens point into the text, so the text is held as long as the facts.
	af := &articleFacts{days: map[int]bool{}, bytes: 200 + len(a.Text)}
	mentions, dates := byStart(a)
	for _, d := range dates {
		if d.Precision == "day" {
			af.days[dayNumber(d)] = true
		}
	}
	mi, di := 0, 0
	for _, sp := range a.Sentences {
		if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End || inSocial(a, sp) {
			continue // a pasted post is someone's words, not the outlet's report
		}
		var locs []news.Mention
		m0 := mi
		for ; mi < len(mentions) && mentions[mi].Span.Start < sp.End; mi++ {
			if m := mentions[mi]; m.Span.Start >= sp.Start && m.Type == news.LOC && placePreposition(a.Text, m.Span.Start) {
				locs = append(locs, m)
			}
		}
		var inSentence []news.DateMention
		for ; di < len(dates) && dates[di].Span.Start < sp.End; di++ {
			if d := dates[di]; d.Span.Start >= sp.Start {
				inSentence = append(inSentence, d)
			}
		}
		inDate := func(off int) bool {
			for _, d := range inSentence {
				if off >= d.Span.Start && off < d.Span.End {
					return true
				}
			}
			return false
		}
		var days []news.DateMention
		for _, d := range inSentence {
			if d.Precision == "day" && !d.Estimated {
				days = append(days, d)
			}
		}
		if len(locs) == 0 && len(days) == 0 && !mayCount(sp.Text(a.Text), inDate, sp.Start) {
			continue
		}
		toks := tokenize(sp.Text(a.Text), sp.Start)
		if len(toks) == 0 || pasted(toks) {
			continue
		}
		figs := figures(toks, inDate)
		for i, f := range figs {
			if f.unit == "age" {
				figs[i].owner = ownerBefore(a, f.start, sp)
			}
		}
		if len(figs) == 0 && len(days) == 0 && len(locs) == 0 {
			continue
		}
		own := append([]news.Mention(nil), mentions[m0:mi]...)
		af.sentences = append(af.sentences, rawSentence{span: sp, toks: toks, mentions: own, figs: figs, dates: days, locs: locs})
		af.bytes += 64*len(toks) + 160*len(figs) + 120*(len(days)+len(locs)+len(own)) + 100
	}
	return af
}

// Cache keeps articles' facts across rebuilds of their stories, keyed by
// article id and content hash.
type Cache struct {
	c *lru.Cache[string, *articleFacts]
}

// NewCache returns a cache holding about maxBytes of articles' facts.
func NewCache(maxBytes int) *Cache {
	return &Cache{c: lru.New[string, *articleFacts](maxBytes)}
}

// facts returns a's facts, from the cache when it holds them.
func (c *Cache) facts(a *news.Article) *articleFacts {
	if c == nil {
		return read(a)
	}
	key := a.ID + "/" + a.ContentHash
	if af, ok := c.c.Get(key); ok {
		return af
	}
	af := read(a)
	c.c.Add(key, af, af.bytes)
	return af
}

// prepare binds each article's facts to the story: their sources, dates and
// entities, in buckets to compare.
func prepare(st *story, cache *Cache) *prepared {
	infos := st.infos()
	classes := map[string]*fact{}
	p := &prepared{figures: map[string][]*fact{}, inArticle: map[string][]*fact{}, dates: map[string][]*fact{}, places: map[string][]*fact{},
		mentioned: map[string]map[string]bool{}, dayIn: map[string]map[int]bool{}, st: st}
	for _, a := range st.arts {
		af := cache.facts(a)
		p.dayIn[a.ID] = af.days
		for i := range af.sentences {
			rs := &af.sentences[i]
			sp := rs.span
			s := &sentence{a: a, info: infos[a.ID], span: sp, toks: rs.toks, mentions: rs.mentions, st: st}
			for _, f := range rs.figs {
				x := &fact{s: s, key: f.unit, value: f.value, lo: f.lo, hi: f.hi, anchors: f.anchors, qualifier: qualifier(f),
					text: a.Text[f.start:f.end], updates: f.updating}
				if f.unit == "age" {
					if f.owner == "" {
						continue // an age of nobody named: cannot tell whose
					}
					x.entity = st.resolve(f.owner)
				}
				p.inArticle[x.key+"\x00"+a.ID] = append(p.inArticle[x.key+"\x00"+a.ID], x)
				ck := x.key + "\x00" + label("figure", x) + "\x00" + sp.Text(a.Text)
				if first := classes[ck]; first != nil {
					first.copies = append(first.copies, x)
					continue
				}
				classes[ck] = x
				p.figures[x.key] = append(p.figures[x.key], x)
			}
			for _, d := range rs.dates {
				if d.Relative && st.dates[a.ID].estimated {
					continue // "on Tuesday" read against a guessed date
				}
				x := &fact{s: s, value: float64(dayNumber(d)), updates: hasAny(s.toks, rescheduled),
					text:    d.Span.Text(a.Text) + " (" + d.Value.Format("2006-01-02") + ")",
					anchors: anchorsAround(s.toks, d.Span)}
				x.lo, x.hi = x.value, x.value
				for _, k := range x.anchors {
					p.dates[k] = append(p.dates[k], x)
				}
			}
			for _, m := range rs.locs {
				x := &fact{s: s, entity: st.mentionEntity(m), text: m.Span.Text(a.Text), anchors: anchorsAround(s.toks, m.Span)}
				for _, k := range x.anchors {
					p.places[k] = append(p.places[k], x)
				}
			}
		}
	}
	return p
}

// pasted reports whether a sentence carries a handle or a link: a post or
// its caption pasted into the article ("A photo posted by X (@x) on Jan
// 7"), not the outlet's report.
func pasted(toks []token) bool {
	for _, t := range toks {
		if t.low == "@" || t.low == "http" || t.low == "https" || t.low == "pic" && t.glued == '.' {
			return true
		}
	}
	return false
}

func inSocial(a *news.Article, sp news.Span) bool {
	for _, p := range a.Social {
		if p.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// byStart is an article's mentions and dates in text order (the stages
// that make them keep that order; a copy is sorted when they did not).
func byStart(a *news.Article) ([]news.Mention, []news.DateMention) {
	ms, ds := a.Mentions, a.Dates
	if !sort.SliceIsSorted(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start }) {
		ms = append([]news.Mention(nil), ms...)
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start })
	}
	if !sort.SliceIsSorted(ds, func(i, j int) bool { return ds[i].Span.Start < ds[j].Span.Start }) {
		ds = append([]news.DateMention(nil), ds...)
		sort.SliceStable(ds, func(i, j int) bool { return ds[i].Span.Start < ds[j].Span.Start })
	}
	return ms, ds
}

// mentions is the set of entities article a mentions.
func (p *prepared) mentions(a *news.Article) map[string]bool {
	if m, ok := p.mentioned[a.ID]; ok {
		return m
	}
	m := map[string]bool{}
	for _, x := range a.Mentions {
		m[p.st.mentionEntity(x)] = true
	}
	p.mentioned[a.ID] = m
	return m
}

func dayNumber(d news.DateMention) int { return int(d.Value.Unix() / 86400) }

// ownerBefore is the name of the person named right before an age ("Ada
// Vance, 34", "Ada Vance, aged 34"): whose age it is. Any other age has no
// owner.
func ownerBefore(a *news.Article, off int, sp news.Span) string {
	for _, m := range a.Mentions {
		if m.Type == news.PER && m.Span.Start >= sp.Start && m.Span.End <= off && off-m.Span.End <= len(", aged ") {
			if m.Name != "" {
				return m.Name
			}
			return m.Text
		}
	}
	return ""
}

// placePreposition reports whether the place mention at off follows "in",
// "at", "near" or "outside": where something happened.
func placePreposition(text string, off int) bool {
	before := strings.TrimRight(text[:max(0, min(off, len(text)))], " ")
	i := strings.LastIndexAny(before, " \n\t(\"“") + 1
	switch strings.ToLower(before[i:]) {
	case "in", "at", "near", "outside":
		return true
	}
	return false
}

// anchorsAround are the content-word stems nearest before and after span sp
// in the sentence: the event a date or a place belongs to.
func anchorsAround(toks []token, sp news.Span) []string {
	var out []string
	before, after := -1, -1
	for i, t := range toks {
		if t.end <= sp.Start {
			before = i
		}
		if t.start >= sp.End && after < 0 {
			after = i
		}
	}
	for i := before; i >= 0 && i >= before-4; i-- {
		if w := toks[i]; isContent(w) && !weekday[w.low] && !months[w.low] {
			out = append(out, stemWord(w.low))
			break
		}
	}
	for i := after; i >= 0 && i < len(toks) && i < after+4; i++ {
		if w := toks[i]; isContent(w) && !weekday[w.low] && !months[w.low] {
			out = append(out, stemWord(w.low))
			break
		}
	}
	return out
}

var weekday = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tomorrow": true,
	"morning": true, "evening": true, "night": true, "afternoon": true, "last": true, "next": true}

func isContent(t token) bool {
	return !t.num && len(t.low) > 2 && isLetterAt(t.low, 0) && !linking[t.low] && !t.upper
}

// stems is the set of content-word stems of a sentence, without the words
// of dates, which say when rather than what.
func stems(toks []token) map[string]bool {
	out := map[string]bool{}
	for _, t := range toks {
		if !t.num && len(t.low) > 2 && isLetterAt(t.low, 0) && !linking[t.low] && !months[t.low] && !weekday[t.low] {
			out[stemWord(t.low)] = true
		}
	}
	return out
}

func hasAny(toks []token, words map[string]bool) bool {
	for _, t := range toks {
		if words[t.low] {
			return true
		}
	}
	return false
}
