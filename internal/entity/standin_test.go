package entity

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// capNER is a crude stand-in for the recogniser, for tests only: runs of
// capitalised words become mentions; runs of two or three words whose first
// word is a known given name are PER, single capitalised words not at a
// sentence start are PER, the rest ORG.
func capNER(a *news.Article) {
	toks := tokenize(a.Text)
	sents := splitSentences(a.Text)
	a.Sentences = sents
	starts := map[int]bool{}
	for _, s := range sents {
		starts[s.Start] = true
	}
	skip := set(`the a an but and or so he she it they we i in on at as while after before when if this that his her their its who what why is are was`)
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word || !t.cap || skip[t.low] && (starts[t.s] || i == 0 || !toks[i-1].word) {
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].word && toks[j].cap && j-i < 3 && (j == i || !strings.Contains(a.Text[toks[j-1].e:toks[j].s], "\n")) && (j == i || !skip[toks[j].low]) {
			j++
			if strings.HasSuffix(toks[j-1].low, "'s") {
				break
			}
		}
		sp := news.Span{Start: toks[i].s, End: toks[j-1].e}
		typ := news.ORG
		n := j - i
		upper := strings.ToUpper(a.Text[sp.Start:sp.End]) == a.Text[sp.Start:sp.End]
		switch {
		case upper && n == 1:
			typ = news.ORG
		case n >= 2 && givenNames[toks[i].low] != "" || n >= 2 && strings.HasPrefix(toks[i].low, "mich"):
			typ = news.PER
		case n == 1 && !starts[t.s] && !nationalities[t.low]:
			typ = news.PER
		case n == 1 && nationalities[t.low]:
			typ = news.MISC
		}
		a.Mentions = append(a.Mentions, news.Mention{Span: sp, Text: a.Text[sp.Start:sp.End], Type: typ, Via: "ner"})
		i = j
	}
}
