// Package statement finds what an article states and who stands behind it.
//
// The stage reads every attribution in the text (direct, indirect and mixed
// speech: "X said (that) ...", "according to X, ...", "X denied ...") with
// its Source, Cue and Content spans, and the outlet's own factual
// assertions. Cues are found by a trained token tagger; a trained ranker
// picks each cue's reading among candidate content and source spans; direct
// quotes come from the quote stage, whose speaker ranker is better at them.
// Both models were trained on PolNeAR (`crosscheck train attributions`).
package statement

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Extractor is the per-article statement stage. It reads a.Text,
// a.Paragraphs, a.Sentences, a.Mentions, a.Quotes and a.Dates, and appends
// one news.Statement per attribution and per factual assertion to
// a.Statements, after any already there. Model is the trained model, or the
// embedded one when nil.
type Extractor struct {
	Model *Model
}

var _ news.Stage = Extractor{}

// Process implements news.Stage.
func (e Extractor) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m := e.Model
	if m == nil {
		var err error
		if m, err = DefaultModel(); err != nil {
			return err
		}
	}
	a.Statements = append(a.Statements, m.Statements(a)...)
	return nil
}

// Statements returns a's attributions and assertions in text order,
// without modifying a.
func (m *Model) Statements(a *news.Article) []news.Statement {
	if len(a.Text) == 0 {
		return nil
	}
	d := prepare(a.Text, a.Paragraphs, a.Sentences)
	var out []news.Statement
	quotes := topQuotes(a)
	usedQ := make([]bool, len(quotes))
	var buf []uint64
	for _, c := range m.cues(d, &buf) {
		if c.b-c.a >= 2 && nounCueHead[lower(d.toks[c.a].w)] {
			c.a++ // "local reports revealed that": the reports are who reveals, "revealed" the cue
		}
		cue := d.span(c.a, c.b)
		if notCues[strings.ToLower(cue.Text(a.Text))] {
			continue // "has", "made", "known as": the tagger's word is no report
		}
		// a cue the quote stage already read: take its quote
		if qi := quoteWithCue(quotes, cue); qi >= 0 {
			if !usedQ[qi] {
				usedQ[qi] = true
				out = append(out, fromQuote(a.Text, quotes[qi]))
			}
			continue
		}
		if insideQuote(quotes, cue) || d.plea(c) {
			continue
		}
		content, source, ok := m.read(d, c, &buf)
		if !ok {
			continue
		}
		st := news.Statement{Content: d.extentOf(content), Cue: cue, Source: d.span(source.a, source.b)}
		trimContentHead(a.Text, &st)
		if !d.fixSource(&st) {
			continue // "was on Thursday dismissed": a time is no source
		}
		if passiveTopic(a.Text, st) {
			continue // "Judd Nelson was reported dead by a fake website": Nelson is what is reported on
		}
		st.Span = d.sentencesOf(st.Content, cue)
		st.Kind = speechKind(a.Text, st.Content)
		out = append(out, st)
	}
	for qi, q := range quotes {
		if !usedQ[qi] && (q.CueSpan.Len() > 0 || q.SpeakerSpan.Len() > 0) {
			out = append(out, fromQuote(a.Text, q))
		}
	}
	out = append(out, nominalReports(d)...)
	// a progressive cue goes first: the tagger's reading of the same words
	// ("are" + "saying that…", or "plans" inside "is reporting that X plans")
	// gives way to it
	out = append(progressiveReports(d), out...)
	out = dropOverlapping(out)
	var words []string
	for i := range out {
		describe(a, d, &out[i], &words)
	}
	for i := range out {
		out[i].Unsaid = out[i].Kind != "direct" && out[i].Kind != "mixed" && negatedCue(a.Text, out[i])
	}
	out = append(out, assertions(a, d, out)...)
	slices.SortStableFunc(out, func(x, y news.Statement) int { return x.Span.Start - y.Span.Start })
	return out
}

// plea tells whether the cue c is a plea in court ("pleaded guilty to",
// "pleads not guilty"): an act, not words reported.
func (d *doc) plea(c rng) bool {
	last := lower(d.toks[c.b-1].w)
	if last != "plead" && last != "pleads" && last != "pleaded" && last != "pled" && last != "pleading" {
		return false
	}
	for k := c.b; k < len(d.toks) && k < c.b+2; k++ {
		switch lower(d.toks[k].w) {
		case "guilty", "innocent", "no":
			return true
		case "not":
			continue
		}
		return false
	}
	return false
}

// cues runs the tagger over every token and returns the runs of cue tokens.
func (m *Model) cues(d *doc, buf *[]uint64) []rng {
	var out []rng
	for _, s := range d.sents {
		start := -1
		for i := s.t0; i <= s.t1; i++ {
			on := false
			if i < s.t1 {
				if rate, ok := m.vocabT.get(hlower(fnvOffset, d.toks[i].w)); ok {
					*buf = append(d.cueFeatures(s, i, (*buf)[:0]), rateFeature(rate))
					on = m.cueT.score(*buf) > m.threshold
				}
			}
			switch {
			case on && start < 0:
				start = i
			case !on && start >= 0:
				out = append(out, rng{start, i})
				start = -1
			}
		}
	}
	return out
}

// read picks the best reading of the cue c: the content and source pair
// with the highest sum of content, source and joint scores.
func (m *Model) read(d *doc, c rng, buf *[]uint64) ([]rng, rng, bool) {
	si := d.sentOf(c.a)
	r := d.candidates(si, c.a, c.b)
	if len(r.cands) == 0 {
		return nil, rng{}, false
	}
	ctx := d.contextFeatures(si, c.a, c.b, nil)
	cs := make([]float32, len(r.contents))
	for k, cc := range r.contents {
		*buf = d.contentFeatures(cc, ctx, (*buf)[:0])
		cs[k] = m.contentT.score(*buf)
	}
	ss := make([]float32, len(r.sources))
	for k, sc := range r.sources {
		*buf = d.sourceFeatures(sc, ctx, (*buf)[:0])
		ss[k] = m.contentT.score(*buf)
	}
	best, bs := 0, float32(0)
	for k, cd := range r.cands {
		*buf = r.jointFeatures(cd, ctx, (*buf)[:0])
		if s := cs[cd.c] + ss[cd.s] + m.contentT.score(*buf); k == 0 || s > bs {
			best, bs = k, s
		}
	}
	return r.content(r.cands[best]), r.source(r.cands[best]), true
}

// sentencesOf is the extent of the sentences that hold content and cue.
func (d *doc) sentencesOf(content, cue news.Span) news.Span {
	sp := content
	if cue.Len() > 0 {
		sp.Start, sp.End = min(sp.Start, cue.Start), max(sp.End, cue.End)
	}
	out := sp
	for _, s := range d.sents {
		if s.span.End > sp.Start && s.span.Start < sp.End {
			out.Start, out.End = min(out.Start, s.span.Start), max(out.End, s.span.End)
		}
	}
	return out
}

// topQuotes are the quotes standing as speech: top-level, not partial
// quotes inside reported speech, not social posts.
func topQuotes(a *news.Article) []news.QuoteMention {
	var out []news.QuoteMention
	for _, q := range a.Quotes {
		if q.Parent < 0 && !q.Partial && !q.Social && q.Span.Len() > 0 && q.Span.End <= len(a.Text) {
			out = append(out, q)
		}
	}
	return out
}

func quoteWithCue(qs []news.QuoteMention, cue news.Span) int {
	for i, q := range qs {
		if q.CueSpan.Len() > 0 && q.CueSpan.Start < cue.End && cue.Start < q.CueSpan.End {
			return i
		}
	}
	return -1
}

func insideQuote(qs []news.QuoteMention, sp news.Span) bool {
	for _, q := range qs {
		for _, p := range pieces(q) {
			if p.Start <= sp.Start && sp.End <= p.End {
				return true
			}
		}
	}
	return false
}

func pieces(q news.QuoteMention) []news.Span {
	if len(q.Pieces) > 0 {
		return q.Pieces
	}
	return []news.Span{q.Span}
}

// fromQuote turns a direct quote into a statement: its content runs from
// the first piece's opening mark to the last piece's closing mark.
func fromQuote(text string, q news.QuoteMention) news.Statement {
	ps := pieces(q)
	content := news.Span{Start: withMark(text, ps[0].Start, -1), End: withMark(text, ps[len(ps)-1].End, +1)}
	st := news.Statement{Content: content, Cue: q.CueSpan, Source: q.SpeakerSpan, Kind: "direct"}
	if q.SpeakerSpan.Len() > 0 {
		st.By = TrimSource(q.Speaker)
		st.ByKey = q.SpeakerKey
	}
	sp := content
	for _, x := range []news.Span{q.CueSpan, q.SpeakerSpan} {
		if x.Len() > 0 {
			sp.Start, sp.End = min(sp.Start, x.Start), max(sp.End, x.End)
		}
	}
	st.Span = sp
	return st
}

// withMark widens the boundary i over an adjacent quotation mark (dir -1:
// before i; +1: after i).
func withMark(text string, i, dir int) int {
	for _, m := range []string{"“", "”", "\"", "«", "»", "„", "‘", "’", "'"} {
		if dir < 0 && strings.HasSuffix(text[:i], m) {
			return i - len(m)
		}
		if dir > 0 && strings.HasPrefix(text[i:], m) {
			return i + len(m)
		}
	}
	return i
}

// speechKind tells direct, mixed and indirect speech apart by the content's
// quotation marks.
func speechKind(text string, content news.Span) string {
	s := strings.TrimRight(strings.TrimSpace(content.Text(text)), ".,;:")
	s = strings.TrimSpace(s)
	open := strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "«")
	cls := strings.HasSuffix(s, "”") || strings.HasSuffix(s, "\"") || strings.HasSuffix(s, "»")
	if open && cls && utf8.RuneCountInString(s) >= 2 {
		_, a := utf8.DecodeRuneInString(s)
		_, b := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsAny(s[a:len(s)-b], "“”\"") {
			return "direct"
		}
	}
	if strings.ContainsAny(s, "“”\"«»") {
		return "mixed"
	}
	if closesSingleQuote(s) {
		// the end of a quote in single marks opened sentences before:
		// "…despite being a woman,’ he said"
		return "direct"
	}
	return "indirect"
}

// closesSingleQuote reports whether s ends with a single quotation mark
// closing a quote: right after the quote's own punctuation ("…a woman,’"),
// where an apostrophe never stands.
func closesSingleQuote(s string) bool {
	for _, m := range []string{"’", "'"} {
		if rest, ok := strings.CutSuffix(s, m); ok {
			r, _ := utf8.DecodeLastRuneInString(rest)
			return strings.ContainsRune(".,!?…", r)
		}
	}
	return false
}

// dropOverlapping keeps the first of statements whose contents match under
// the metric's rule (overlap at least half of the longer).
func dropOverlapping(sts []news.Statement) []news.Statement {
	out := sts[:0]
	for _, s := range sts {
		dup := false
		for _, o := range out {
			if ok, _ := contentMatch(s.Content, o.Content); ok {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// passiveTopic tells whether a statement's source is the subject of a
// passive cue ("X was reported dead", "Y, Ember, has been named locally as",
// "Z is said to have fled"): what is reported on, not who reports.
func passiveTopic(text string, st news.Statement) bool {
	if st.Source.Len() == 0 || st.Source.End > st.Cue.Start {
		return false
	}
	between := strings.ToLower(strings.Trim(text[st.Source.End:st.Cue.End], " ,"))
	f := strings.Fields(between)
	if len(f) < 2 || len(f) > 5 || strings.ContainsAny(between, ",;") || f[0] == "who" || f[0] == "which" {
		return false // "X, who was arrested, said" speaks
	}
	last := f[len(f)-1]
	if last == "by" || !(strings.HasSuffix(last, "ed") || irregularParticiples[last]) {
		return false
	}
	for _, w := range f[:len(f)-1] {
		if beForms[w] || w == "been" || w == "being" {
			return true
		}
	}
	return false
}

// irregularParticiples end a passive as "-ed" does: "has been found dead".
var irregularParticiples = map[string]bool{"said": true, "told": true, "thought": true, "known": true, "found": true,
	"seen": true, "shown": true, "heard": true, "understood": true, "written": true, "spoken": true}

// nounCueHead are nouns of report the cue tagger, reading them as verbs,
// puts at the head of a longer cue ("reports revealed", "claims
// surfaced"): the report is the source, the verb after it the cue.
var nounCueHead = map[string]bool{"report": true, "reports": true, "claims": true, "rumours": true, "rumors": true}

// notCues are words the cue tagger takes for a report that are, alone, none:
// auxiliaries and light verbs ("He has some issues", "made the criticism",
// "known as the Golden Week", "went on to win"). Chosen from the false cues on
// the PolNeAR dev texts, keeping only words whose reports there were wrong at
// least twice as often as right.
var notCues = map[string]bool{"has": true, "had": true, "known": true, "went": true, "made": true, "endorsement": true,
	"seemed": true}
