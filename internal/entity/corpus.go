package entity

import (
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// CorpusEntity is one entity across the corpus: the story entities that
// share its ID, merged, with the stories it appears in.
type CorpusEntity struct {
	news.Entity
	Stories []string `json:"stories"`
}

// Corpus merges the entities of stored story views by ID: the same person
// in two stories is one corpus entity. The canonical name is the one with
// the most mentions; aliases, articles, mentions and attribute citations
// are unions. Entities with the most mentions come first.
func Corpus(views []*news.StoryView) []CorpusEntity {
	idx := map[string]int{}
	var out []CorpusEntity
	nameVotes := map[string]map[string]int{}
	for _, v := range views {
		for _, e := range v.Entities {
			i, ok := idx[e.ID]
			if !ok {
				i = len(out)
				idx[e.ID] = i
				out = append(out, CorpusEntity{Entity: news.Entity{ID: e.ID, Name: e.Name, Type: e.Type,
					Aliases: []string{}, Articles: []string{}, Mentions: []news.Citation{}, Attributes: []news.Attribute{}}})
				nameVotes[e.ID] = map[string]int{}
			}
			c := &out[i]
			nameVotes[e.ID][e.Name] += len(e.Mentions)
			c.Stories = appendNew(c.Stories, v.ID)
			for _, a := range e.Aliases {
				c.Aliases = appendNew(c.Aliases, a)
			}
			for _, a := range e.Articles {
				c.Articles = appendNew(c.Articles, a)
			}
			c.Mentions = append(c.Mentions, e.Mentions...)
			for _, at := range e.Attributes {
				merged := false
				for k := range c.Attributes {
					if c.Attributes[k].Name == at.Name && Fold(c.Attributes[k].Value) == Fold(at.Value) {
						c.Attributes[k].Citations = append(c.Attributes[k].Citations, at.Citations...)
						merged = true
						break
					}
				}
				if !merged {
					at.Citations = append([]news.Citation(nil), at.Citations...)
					c.Attributes = append(c.Attributes, at)
				}
			}
		}
	}
	for i := range out {
		out[i].Name = bestForm(nameVotes[out[i].ID])
		var al []string
		for _, a := range out[i].Aliases {
			if Fold(a) != Fold(out[i].Name) {
				al = append(al, a)
			}
		}
		if al == nil {
			al = []string{}
		}
		out[i].Aliases = al
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Mentions) != len(out[j].Mentions) {
			return len(out[i].Mentions) > len(out[j].Mentions)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
