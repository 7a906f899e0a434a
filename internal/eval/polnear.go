package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CharSpan is a half-open range of Unicode characters (code points), as brat
// standoff files count them.
type CharSpan struct{ Start, End int }

// Len is the span's length in characters.
func (s CharSpan) Len() int { return s.End - s.Start }

// overlap is the number of characters s and o share.
func (s CharSpan) overlap(o CharSpan) int {
	return max(0, min(s.End, o.End)-max(s.Start, o.Start))
}

// Attribution is one brat attribution: its Source, Cue and Content pieces.
type Attribution struct {
	Source, Cue, Content []CharSpan
}

// Extent is the range from the first piece's start to the last piece's end.
func Extent(ps []CharSpan) CharSpan {
	if len(ps) == 0 {
		return CharSpan{}
	}
	e := CharSpan{Start: ps[0].Start, End: ps[0].End}
	for _, p := range ps[1:] {
		e.Start = min(e.Start, p.Start)
		e.End = max(e.End, p.End)
	}
	return e
}

// PolNeARDoc is one PolNeAR text with its gold attributions.
type PolNeARDoc struct {
	Name  string
	Text  string
	Gold  []Attribution // every attribution of the gold annotator
	runes []rune
}

// LoadPolNeAR reads DIR/text/*.txt and DIR/attributions/NAME_ANNOTATOR.ann;
// when a text has several annotators' files, the first in name order is gold.
func LoadPolNeAR(dir string) ([]PolNeARDoc, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list texts: %w", err)
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("no texts in %s", filepath.Join(dir, "text"))
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("list annotations: %w", err)
	}
	sort.Strings(anns)
	goldFile := map[string]string{}
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		if _, ok := goldFile[base[:i]]; !ok {
			goldFile[base[:i]] = a
		}
	}
	sort.Strings(texts)
	var docs []PolNeARDoc
	for _, t := range texts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		b, err := os.ReadFile(t)
		if err != nil {
			return nil, fmt.Errorf("read text: %w", err)
		}
		d := PolNeARDoc{Name: name, Text: string(b)}
		if a, ok := goldFile[name]; ok {
			f, err := os.Open(a)
			if err != nil {
				return nil, fmt.Errorf("open annotations: %w", err)
			}
			d.Gold, err = ParseBrat(f)
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", a, err)
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// ParseBrat reads the attributions of a brat standoff file: text-bound
// annotations (T) and the Attribution events (E) linking them. Lines that
// are neither (notes, continuation lines) are ignored.
func ParseBrat(r io.Reader) ([]Attribution, error) {
	spans := map[string][]CharSpan{}
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		f := strings.SplitN(line, "\t", 3)
		if len(f) < 2 || len(f[0]) < 2 {
			continue
		}
		switch f[0][0] {
		case 'T':
			lab, locs, ok := strings.Cut(f[1], " ")
			if !ok || lab == "" {
				continue
			}
			var ps []CharSpan
			for _, loc := range strings.Split(locs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(loc), " ")
				if !ok {
					ps = nil
					break
				}
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e < s {
					ps = nil
					break
				}
				ps = append(ps, CharSpan{s, e})
			}
			if ps != nil {
				spans[f[0]] = ps
			}
		case 'E':
			events = append(events, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read brat: %w", err)
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch role {
			case "Source":
				a.Source = spans[id]
			case "Cue":
				a.Cue = spans[id]
			case "Content":
				a.Content = spans[id]
			}
		}
		if len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// openMarks and closeMarks are the quotation marks of the gold rule; the
// typewriter pair ” counts through its first and last character.
const (
	openMarks  = "\"“„«‘'`"
	closeMarks = "\"”»’'"
)

// IsDirectQuote applies the metric's gold rule to an attribution's Content
// in text (as runes): trimmed of spaces and a trailing .,;: it starts with
// an opening and ends with a closing quotation mark.
func IsDirectQuote(runes []rune, content []CharSpan) bool {
	var b strings.Builder
	for i, p := range content {
		if p.End > len(runes) {
			return false
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(runes[p.Start:p.End]))
	}
	s := strings.TrimSpace(b.String())
	s = strings.TrimRight(s, ".,;:")
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return utf8.RuneCountInString(s) >= 2 && strings.ContainsRune(openMarks, first) && strings.ContainsRune(closeMarks, last)
}

// GoldQuotes returns the document's gold direct quotes.
func (d *PolNeARDoc) GoldQuotes() []Attribution {
	if d.runes == nil {
		d.runes = []rune(d.Text)
	}
	var out []Attribution
	for _, a := range d.Gold {
		if IsDirectQuote(d.runes, a.Content) {
			out = append(out, a)
		}
	}
	return out
}

// QuoteScore is the quote metric over a set of documents.
type QuoteScore struct {
	Gold, Predicted, Matched, SpeakerRight int
}

// Add scores one document's predictions against its gold direct quotes:
// a prediction matches a gold quote when their overlap covers at least half
// of the longer content extent, one to one (largest overlaps first); the
// speaker is right when the predicted Source overlaps the gold Source.
func (s *QuoteScore) Add(gold, pred []Attribution) {
	s.Gold += len(gold)
	s.Predicted += len(pred)
	for _, m := range MatchQuotes(gold, pred) {
		s.Matched++
		if SourceRight(gold[m[0]], pred[m[1]]) {
			s.SpeakerRight++
		}
	}
}

// MatchQuotes pairs predicted with gold quotes as the metric does: their
// overlap covers at least half of the longer content extent, one to one,
// largest overlaps first. Each pair is {gold index, predicted index}.
func MatchQuotes(gold, pred []Attribution) [][2]int {
	type pair struct{ g, p, ov int }
	var pairs []pair
	for gi, g := range gold {
		ge := Extent(g.Content)
		for pi, p := range pred {
			pe := Extent(p.Content)
			ov := ge.overlap(pe)
			if ov > 0 && 2*ov >= max(ge.Len(), pe.Len()) {
				pairs = append(pairs, pair{gi, pi, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	var out [][2]int
	for _, pr := range pairs {
		if usedG[pr.g] || usedP[pr.p] {
			continue
		}
		usedG[pr.g], usedP[pr.p] = true, true
		out = append(out, [2]int{pr.g, pr.p})
	}
	return out
}

// SourceRight reports whether the predicted Source overlaps the gold Source.
func SourceRight(gold, pred Attribution) bool { return spansOverlap(gold.Source, pred.Source) }

func spansOverlap(a, b []CharSpan) bool {
	for _, x := range a {
		for _, y := range b {
			if x.overlap(y) > 0 {
				return true
			}
		}
	}
	return false
}

// Ratio is a/b, or 0 when b is 0.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 is the harmonic mean of p and r, or 0 when both are 0.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Precision is matched / predicted.
func (s QuoteScore) Precision() float64 { return Ratio(s.Matched, s.Predicted) }

// Recall is matched / gold.
func (s QuoteScore) Recall() float64 { return Ratio(s.Matched, s.Gold) }

// F1 is the harmonic mean of quote precision and recall.
func (s QuoteScore) F1() float64 { return F1(s.Precision(), s.Recall()) }

// SpeakerAccuracy is the share of matched quotes with the speaker right.
func (s QuoteScore) SpeakerAccuracy() float64 { return Ratio(s.SpeakerRight, s.Matched) }

// EndToEndF1 counts a quote as right only when matched with its speaker right.
func (s QuoteScore) EndToEndF1() float64 {
	return F1(Ratio(s.SpeakerRight, s.Predicted), Ratio(s.SpeakerRight, s.Gold))
}

// String formats the score as the eval command prints it.
func (s QuoteScore) String() string {
	return fmt.Sprintf("gold %d  predicted %d  matched %d\nquote precision %.4f  recall %.4f  F1 %.4f\nspeaker accuracy on matched %.4f (%d/%d)\nend-to-end F1 %.4f",
		s.Gold, s.Predicted, s.Matched, s.Precision(), s.Recall(), s.F1(), s.SpeakerAccuracy(), s.SpeakerRight, s.Matched, s.EndToEndF1())
}

// CharOffsets converts byte offsets of text to character offsets: the
// returned function maps a byte offset to the number of runes before it.
func CharOffsets(text string) func(int) int {
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, w := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < w; k++ {
			idx[i+k] = n
		}
		i += w
		n++
	}
	idx[len(text)] = n
	return func(b int) int {
		if b < 0 {
			return 0
		}
		if b > len(text) {
			b = len(text)
		}
		return int(idx[b])
	}
}

// WriteBrat writes predicted attributions as brat standoff: Source, Cue and
// Content text-bound annotations and an Attribution event linking them.
func WriteBrat(w io.Writer, runes []rune, attrs []Attribution) error {
	bw := bufio.NewWriter(w)
	t := 0
	frag := func(ps []CharSpan) (string, string) {
		var loc, txt []string
		for _, p := range ps {
			loc = append(loc, fmt.Sprintf("%d %d", p.Start, p.End))
			s := string(runes[max(0, p.Start):min(len(runes), p.End)])
			txt = append(txt, strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s))
		}
		return strings.Join(loc, ";"), strings.Join(txt, " ")
	}
	for i, a := range attrs {
		args := []string{}
		for _, part := range []struct {
			label string
			ps    []CharSpan
		}{{"Source", a.Source}, {"Cue", a.Cue}, {"Content", a.Content}} {
			if len(part.ps) == 0 {
				continue
			}
			t++
			loc, txt := frag(part.ps)
			fmt.Fprintf(bw, "T%d\t%s %s\t%s\n", t, part.label, loc, txt)
			args = append(args, fmt.Sprintf("%s:T%d", part.label, t))
		}
		// the event's trigger: the cue when there is one, else the content
		trig := a.Cue
		if len(trig) == 0 {
			trig = a.Content
		}
		t++
		loc, txt := frag(trig[:1])
		fmt.Fprintf(bw, "T%d\tAttribution %s\t%s\n", t, loc, txt)
		fmt.Fprintf(bw, "E%d\tAttribution:T%d %s\n", i+1, t, strings.Join(args, " "))
	}
	return bw.Flush()
}

// GoldAttributions returns every gold attribution of the document that has
// a Content span: direct, indirect and mixed speech alike.
func (d *PolNeARDoc) GoldAttributions() []Attribution { return d.Gold }

// AttributionScore is the attribution metric over a set of documents: the
// quote metric (same matching, same source rule) applied to every gold
// attribution instead of direct quotes only.
type AttributionScore struct{ QuoteScore }

// String formats the score as the eval command prints it.
func (s AttributionScore) String() string {
	return fmt.Sprintf("gold %d  predicted %d  matched %d\nattribution precision %.4f  recall %.4f  F1 %.4f\nsource accuracy on matched %.4f (%d/%d)\nend-to-end F1 %.4f",
		s.Gold, s.Predicted, s.Matched, s.Precision(), s.Recall(), s.F1(), s.SpeakerAccuracy(), s.SpeakerRight, s.Matched, s.EndToEndF1())
}
