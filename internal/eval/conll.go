package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// CoNLLSentence is one sentence of a CoNLL-format file: its raw token lines,
// the tokens (first column) and the tags (last column).
type CoNLLSentence struct {
	Lines  []string
	Tokens []string
	Tags   []string
}

// CoNLLDoc is one document of a CoNLL file; -DOCSTART- lines delimit
// documents and are not kept as sentences.
type CoNLLDoc struct {
	Sentences []CoNLLSentence
}

// ReadCoNLL reads a CoNLL-2003 style file (space or tab separated columns,
// blank lines between sentences, -DOCSTART- between documents). A file
// without -DOCSTART- lines is one document.
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	var docs []CoNLLDoc
	var doc CoNLLDoc
	var sent CoNLLSentence
	flushSent := func() {
		if len(sent.Tokens) > 0 {
			doc.Sentences = append(doc.Sentences, sent)
		}
		sent = CoNLLSentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
		}
		doc = CoNLLDoc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flushSent()
			continue
		}
		f := strings.Fields(line)
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want token and tag, got %q", n, line)
		}
		sent.Lines = append(sent.Lines, line)
		sent.Tokens = append(sent.Tokens, f[0])
		sent.Tags = append(sent.Tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

// Chunk is one entity: its type and the half-open token range it covers.
type Chunk struct {
	Type       string
	Start, End int
}

func splitTag(t string) (prefix, typ string) {
	if t == "O" || t == "" {
		return "O", ""
	}
	if i := strings.IndexAny(t, "-_"); i >= 0 {
		return t[:i], t[i+1:]
	}
	return t, ""
}

// Chunks returns the entities of a tag sequence with the rules of
// conlleval, so that IOB1 (CoNLL-2003), IOB2 (BIO) and IOBES tags all work.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	prevTag, prevType := "O", ""
	start := -1
	for i := 0; i <= len(tags); i++ {
		tag, typ := "O", ""
		if i < len(tags) {
			tag, typ = splitTag(tags[i])
		}
		if start >= 0 && endOfChunk(prevTag, tag, prevType, typ) {
			out = append(out, Chunk{Type: prevType, Start: start, End: i})
			start = -1
		}
		if startOfChunk(prevTag, tag, prevType, typ) {
			start = i
		}
		prevTag, prevType = tag, typ
	}
	return out
}

func endOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case prevTag == "E", prevTag == "S":
		return true
	case prevTag == "B" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	case prevTag == "I" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	case prevTag != "O" && prevType != typ:
		return true
	}
	return false
}

func startOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case tag == "B", tag == "S":
		return true
	case (prevTag == "E" || prevTag == "S" || prevTag == "O") && (tag == "E" || tag == "I"):
		return true
	case tag != "O" && prevType != typ:
		return true
	}
	return false
}

// Counts are the entity counts behind precision and recall.
type Counts struct {
	Correct int // predicted entities with exactly the gold span and type
	Guessed int // predicted entities
	Gold    int // gold entities
}

// Precision is Correct/Guessed, 0 when nothing was guessed.
func (c Counts) Precision() float64 {
	if c.Guessed == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Guessed)
}

// Recall is Correct/Gold, 0 when there is no gold entity.
func (c Counts) Recall() float64 {
	if c.Gold == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Gold)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// NERScore is an entity-level score as conlleval computes it.
type NERScore struct {
	Tokens, CorrectTags int
	Overall             Counts
	ByType              map[string]Counts
}

// Accuracy is the token-level tag accuracy (comparing tags as written).
func (s NERScore) Accuracy() float64 {
	if s.Tokens == 0 {
		return 0
	}
	return float64(s.CorrectTags) / float64(s.Tokens)
}

// Types returns the entity types seen in gold or predictions, sorted.
func (s NERScore) Types() []string {
	out := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Add scores one sentence's gold and predicted tags, which must be of the
// same length.
func (s *NERScore) Add(gold, pred []string) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("gold has %d tags, prediction %d", len(gold), len(pred))
	}
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	s.Tokens += len(gold)
	for i := range gold {
		if gold[i] == pred[i] {
			s.CorrectTags++
		}
	}
	g, p := Chunks(gold), Chunks(pred)
	gs := make(map[Chunk]bool, len(g))
	for _, c := range g {
		gs[c] = true
		tc := s.ByType[c.Type]
		tc.Gold++
		s.ByType[c.Type] = tc
		s.Overall.Gold++
	}
	for _, c := range p {
		tc := s.ByType[c.Type]
		tc.Guessed++
		if gs[c] {
			tc.Correct++
			s.Overall.Correct++
		}
		s.ByType[c.Type] = tc
		s.Overall.Guessed++
	}
	return nil
}

// Report writes the score in the layout of conlleval.
func (s NERScore) Report(w io.Writer) {
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		s.Tokens, s.Overall.Gold, s.Overall.Guessed, s.Overall.Correct)
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		100*s.Accuracy(), 100*s.Overall.Precision(), 100*s.Overall.Recall(), 100*s.Overall.F1())
	for _, t := range s.Types() {
		c := s.ByType[t]
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			t, 100*c.Precision(), 100*c.Recall(), 100*c.F1(), c.Guessed)
	}
}

// IsIOB1 reports whether tags use IOB1, where I- also starts a chunk (as in
// the CoNLL-2003 files): some chunk starts with an I- tag.
func IsIOB1(tags []string) bool {
	for _, c := range Chunks(tags) {
		if strings.HasPrefix(tags[c.Start], "I") {
			return true
		}
	}
	return false
}

// ToIOB1 rewrites tags in IOB1: chunks start with I- unless they follow a
// chunk of the same type, which starts with B-.
func ToIOB1(tags []string) []string {
	out := make([]string, len(tags))
	for i := range out {
		out[i] = "O"
	}
	prevEnd, prevType := -1, ""
	for _, c := range Chunks(tags) {
		for i := c.Start; i < c.End; i++ {
			out[i] = "I-" + c.Type
		}
		if c.Start == prevEnd && c.Type == prevType {
			out[c.Start] = "B-" + c.Type
		}
		prevEnd, prevType = c.End, c.Type
	}
	return out
}
