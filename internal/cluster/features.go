package cluster

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// features is what the clusterer keeps of one article.
type features struct {
	order    []string    // the terms, sorted
	weights  []float64   // their sublinear term frequencies, L2-normalised
	entities []string    // entity keys, sorted, unique
	lead     []string    // terms among the first LeadWords content words, sorted
	numbers  []string    // numbers of two or more digits, sorted, unique
	bigrams  [][2]string // adjacent content-word stems among the lead words
	leadEnts []string    // entity keys mentioned within the lead, sorted, unique
	passages []uint64    // winnowed passage fingerprints
	sig      []uint64    // MinHash signature
	date     int64       // publication day (Unix days), 0 when unknown
}

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours yourself yourselves said says say
according told one two three new also like get got may might must us reported report reports news just would
year years time first last since still even many much well back way make made people going know think according
s t don didn doesn isn wasn weren won can't ll ve re d m says told tell tells`) {
		m[w] = true
	}
	return m
}()

// stem is a light plural stemmer: it keeps story terms such as "meteorite"
// and "meteorites" together without a dictionary.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// extract computes an article's features, leaving out the words inside
// the skipped spans (its site's template, template.go) and, when
// skipTitle, its title; all words are kept when fewer than templateKeep
// would be left.
func extract(a *news.Article, cfg Config, skip [][2]int, skipTitle bool) *features {
	winnowWindow := cfg.WinnowWindow
	text := a.Text
	textWords := dedup.Words(text)
	if len(skip) > 0 {
		kept := make([]Word, 0, len(textWords))
		for _, w := range textWords {
			if !inSpans(skip, w.Span[0], w.Span[1]) {
				kept = append(kept, w)
			}
		}
		if len(kept) >= templateKeep {
			textWords = kept
		} else {
			skip = nil
		}
	}
	ws := textWords
	if a.Title != "" && !skipTitle && !strings.Contains(text[:min(len(text), len(a.Title)+64)], a.Title) {
		ws = append(dedup.Words(a.Title), textWords...)
	}
	tf := map[string]float64{}
	lead := map[string]bool{}
	nc := 0
	var nums []string
	var bigrams [][2]string
	prev, leadEnd := "", 0
	for _, w := range ws {
		if len(w.Norm) >= 2 && isDigits(w.Norm) {
			nums = append(nums, w.Norm)
		}
		if len(w.Norm) < 3 || stopwords[w.Norm] || isDigits(w.Norm) && len(w.Norm) != 4 {
			continue
		}
		t := stem(w.Norm)
		tf[t]++
		if nc < cfg.LeadWords {
			lead[t] = true
			if prev != "" {
				bigrams = append(bigrams, [2]string{prev, t})
			}
			prev = t
			leadEnd = w.Span[1]
		}
		nc++
	}
	keys := make([]string, 0, len(tf))
	for t := range tf {
		keys = append(keys, t)
	}
	sort.Strings(keys) // a fixed order keeps sums and term ids deterministic
	var norm float64
	weights := make([]float64, len(keys))
	for i, t := range keys {
		v := 1 + math.Log(tf[t])
		if lead[t] {
			v += cfg.LeadBoost
		}
		weights[i] = v
		norm += v * v
	}
	norm = math.Sqrt(norm)
	for i := range weights {
		weights[i] /= norm
	}
	f := &features{order: keys, weights: weights, numbers: uniqStrings(nums), bigrams: bigrams}
	for t := range lead {
		f.lead = append(f.lead, t)
	}
	sort.Strings(f.lead)
	if len(a.Mentions) > 0 {
		ms := a.Mentions
		if len(skip) > 0 {
			ms = make([]news.Mention, 0, len(a.Mentions))
			for _, m := range a.Mentions {
				if !inSpans(skip, m.Span.Start, m.Span.End) {
					ms = append(ms, m)
				}
			}
		}
		f.entities = mentionKeys(ms)
		if len(ws) > len(textWords) {
			leadEnd = len(text) // title prepended: lead offsets are not text offsets
			for i, w := range textWords {
				if i >= cfg.LeadWords {
					leadEnd = w.Span[1]
					break
				}
			}
		}
		var lm []news.Mention
		for _, m := range a.Mentions {
			if m.Span.Start < leadEnd && !inSpans(skip, m.Span.Start, m.Span.End) {
				lm = append(lm, m)
			}
		}
		f.leadEnts = mentionKeys(lm)
	} else {
		f.entities = capitalised(text, textWords)
	}
	pt := dedup.PrepareWords(textWords)
	var kept []uint64
	for _, h := range dedup.Winnow(pt, winnowWindow) {
		if h%uint64(cfg.PassageSample) == 0 {
			kept = append(kept, h)
		}
	}
	f.passages = uniq(kept)
	f.sig = a.Fingerprint
	if len(f.sig) != dedup.NumHashes {
		f.sig = dedup.MinHashWords(textWords)
	}
	if !a.Published.IsZero() {
		f.date = a.Published.Unix() / 86400
	}
	return f
}

func mentionKeys(ms []news.Mention) []string {
	var out []string
	for _, m := range ms {
		name := m.Name
		if name == "" {
			name = m.Text
		}
		var parts []string
		for _, w := range dedup.Words(name) {
			parts = append(parts, w.Norm)
		}
		if len(parts) > 0 {
			out = append(out, strings.Join(parts, " "))
		}
	}
	return uniqStrings(out)
}

// capitalised finds name-like word sequences when no entity mentions are
// available: runs of capitalised words that do not open a sentence, plus
// capitalised words that open one when they recur elsewhere capitalised.
func capitalised(text string, ws []Word) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(text[w.Span[0]:])
		capital := unicode.IsUpper(r)
		opener := sentenceStart(text, w.Span[0])
		if !capital || stopwords[w.Norm] || len(w.Norm) < 2 {
			flush()
			continue
		}
		if i > 0 && len(cur) > 0 && ws[i-1].Span[1]+2 < w.Span[0] {
			flush() // punctuation or more than one space between
		}
		if opener && len(cur) == 0 {
			continue
		}
		cur = append(cur, w.Norm)
	}
	flush()
	return uniqStrings(out)
}

// Word is dedup.Word, named here for brevity.
type Word = dedup.Word

func sentenceStart(text string, at int) bool {
	for i := at - 1; i >= 0; i-- {
		c := text[i]
		switch c {
		case ' ', '\t', '"', '\'', '(', '[':
			continue
		case '.', '!', '?', '\n', ':':
			return true
		}
		if c >= 0x80 { // curly quotes and other punctuation: look further back
			r, _ := utf8.DecodeLastRuneInString(text[:i+1])
			if unicode.IsPunct(r) || unicode.IsSpace(r) {
				i -= utf8.RuneLen(r) - 1
				continue
			}
		}
		return false
	}
	return true
}

func uniqStrings(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func uniq(s []uint64) []uint64 {
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
