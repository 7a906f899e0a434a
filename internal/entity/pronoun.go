package entity

import (
	"slices"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// quoted returns the spans of text inside quotation marks: curly pairs,
// straight double quotes paired within a line, and a straight one closed
// by a curly one.
func quoted(text string) []news.Span {
	var out []news.Span
	open := -1
	straight := -1
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n':
			straight = -1
		case text[i] == '"':
			if straight < 0 {
				straight = i + 1
			} else {
				out = append(out, news.Span{Start: straight, End: i})
				straight = -1
			}
		case i+2 < len(text) && text[i] == 0xe2 && text[i+1] == 0x80:
			switch text[i+2] {
			case 0x9c: // “
				open = i + 3
			case 0x9d: // ”
				if open >= 0 {
					out = append(out, news.Span{Start: open, End: i})
					open = -1
				} else if straight >= 0 {
					// a straight quote closed by a curly one ("It's fun,”
					// he said): the pair, not the words up to the next "
					out = append(out, news.Span{Start: straight, End: i})
					straight = -1
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

func inSpans(spans []news.Span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}

// pmention is a person mention as the pronoun resolver sees it.
type pmention struct {
	span    news.Span
	key     string
	sent    int
	subject bool // first person mentioned in its sentence
	quoted  bool
}

// Resolver resolves third-person pronouns of one article to the persons
// the entity stage found in it. Build it once per article with NewResolver
// when resolving many pronouns.
type Resolver struct {
	sents  []news.Span
	ments  []pmention
	gender map[string]string
	counts map[string]int
}

// NewResolver prepares pronoun resolution for a, whose Mentions and
// Attributes the entity Stage has filled.
func NewResolver(a *news.Article) *Resolver {
	sents := a.Sentences
	if len(sents) == 0 {
		sents = splitSentences(a.Text)
	}
	r := &Resolver{sents: sents, gender: map[string]string{}, counts: map[string]int{}}
	for _, at := range a.Attributes {
		if at.Name == "gender" {
			r.gender[at.Key] = at.Value
		}
	}
	q := quoted(a.Text)
	for _, m := range a.Mentions {
		if m.Type != news.PER || m.Key == "" || m.Via == "pronoun" {
			continue
		}
		r.ments = append(r.ments, pmention{span: m.Span, key: m.Key, quoted: inSpans(q, m.Span.Start)})
	}
	r.index()
	r.chain(a.Text, q)
	return r
}

// chain links each sentence's subject pronoun to the person it resolves to,
// in text order, so that the pronouns after it go back to that person: in
// "In the video, he blames Dale Pike for it. He then thanks his brother",
// the subject is he, not Dale Pike, and so is the owner of "his". A
// subject pronoun is the first he or she of a sentence outside quotes,
// among its first words and before any person the sentence names.
func (r *Resolver) chain(text string, quotes []news.Span) {
	for si, s := range r.sents {
		if s.End > len(text) {
			break
		}
		at, g := subjectPronoun(text, s)
		if at < 0 || inSpans(quotes, at) {
			continue
		}
		i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].span.Start >= at })
		if i > 0 && r.ments[i-1].sent == si {
			continue // "Dale Pike said he…": the name is the subject
		}
		key, ok := r.best(at, g, nil)
		if !ok {
			continue
		}
		for j := i; j < len(r.ments) && r.ments[j].sent == si; j++ {
			r.ments[j].subject = false
		}
		r.ments = slices.Insert(r.ments, i, pmention{span: news.Span{Start: at, End: at + 2}, key: key, sent: si, subject: true})
	}
}

// subjectPronoun finds the first he or she among the first ten words of
// sentence s: its offset and gender, or -1.
func subjectPronoun(text string, s news.Span) (int, string) {
	seg := text[s.Start:s.End]
	for i, n := 0, 0; i < len(seg) && n < 10; {
		j := i
		for j < len(seg) && (seg[j] >= 'a' && seg[j] <= 'z' || seg[j] >= 'A' && seg[j] <= 'Z' || seg[j] == '\'' || seg[j] >= 0x80) {
			j++
		}
		if j == i {
			i++
			continue
		}
		switch seg[i:j] {
		case "he", "He":
			return s.Start + i, male
		case "she", "She":
			return s.Start + i, female
		}
		n++
		i = j
	}
	return -1, ""
}

func (r *Resolver) index() {
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].span.Start < r.ments[j].span.Start })
	last := -1
	for i := range r.ments {
		m := &r.ments[i]
		m.sent = r.sentOf(m.span.Start)
		if m.sent != last && !m.quoted {
			m.subject = true
			last = m.sent
		}
		r.counts[m.key]++
	}
}

func (r *Resolver) sentOf(off int) int {
	i := sort.Search(len(r.sents), func(i int) bool { return r.sents[i].End > off })
	if i >= len(r.sents) {
		return len(r.sents) - 1
	}
	return i
}

// ResolvePronoun returns the Key of the person that the third-person
// pronoun at byte offset at most likely refers to: the most recent salient
// person of compatible gender in the last few sentences. ok is false for
// other pronouns or when no person fits.
func ResolvePronoun(a *news.Article, at int, pronoun string) (key string, ok bool) {
	return NewResolver(a).Resolve(at, pronoun)
}

// Resolve is ResolvePronoun on the resolver's article.
func (r *Resolver) Resolve(at int, pronoun string) (string, bool) {
	g, known := pronounGender[Fold(pronoun)]
	if !known {
		return "", false
	}
	return r.best(at, g, nil)
}

// Gender returns the gender the text gives the person with key: "male",
// "female" or "".
func (r *Resolver) Gender(key string) string { return r.gender[key] }

// best scores the persons mentioned before at: recency by sentence, a bonus
// for being a sentence's first person (its likely subject), a penalty for
// being mentioned only inside quotes, and gender agreement.
func (r *Resolver) best(at int, g string, skip map[string]bool) (string, bool) {
	cur := r.sentOf(at)
	score := map[string]float64{}
	end := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].span.Start >= at })
	for i := end - 1; i >= 0; i-- {
		m := r.ments[i]
		dist := cur - m.sent
		if dist > 4 {
			break
		}
		if skip[m.key] {
			continue
		}
		mg := r.gender[m.key]
		if g != "" && mg != "" && mg != g {
			continue
		}
		s := 1.0 / float64(1+dist)
		if m.subject {
			s += 0.6 / float64(1+dist)
		}
		if dist == 0 {
			// in the same sentence, the nearest before wins
			s += 0.3 * float64(m.span.End) / float64(at+1)
		}
		if m.quoted {
			s *= 0.3
		}
		if g != "" && mg == "" {
			s *= 0.5
		}
		if s > score[m.key] {
			score[m.key] = s
		}
	}
	best, bs := "", 0.0
	for k, s := range score {
		s += 0.02 * float64(min(r.counts[k], 20))
		if s > bs || s == bs && k < best {
			best, bs = k, s
		}
	}
	return best, best != ""
}
