// Package entity resolves the named-entity mentions the recogniser finds:
// inside an article (short forms to full names, descriptions and fan
// spellings to the person, pronouns, attributes such as age and hometown)
// and across a story's articles (one entity per real thing, with its
// aliases, citations and per-source attributes).
package entity

import (
	"context"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Stage is the per-article entity stage. It runs after the recogniser,
// which fills a.Mentions (Via "ner") and a.Sentences. It gives every
// mention a Key and a full Name, adds mentions found by alias (Via
// "alias"), by description (Via "descriptor") and after kinship words the
// recogniser missed (Via "kinship", "her daughter, True"), and sets
// a.Attributes.
// Running it again on its own output gives the same result.
type Stage struct{}

var _ news.Stage = Stage{}

// Process resolves the entities of a.
func (Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	kept := a.Mentions[:0:0]
	for _, m := range a.Mentions {
		if m.Via == "alias" || m.Via == "descriptor" || m.Via == "pronoun" || m.Via == "kinship" {
			continue
		}
		m.Key, m.Name = "", ""
		kept = append(kept, m)
	}
	a.Mentions = kept
	a.Attributes = nil
	if len(a.Mentions) == 0 {
		return nil
	}
	d := newDoc(a)
	ents := d.resolve()
	d.aliases(ents)
	d.byKey = map[string]*ent{}
	var persons []*ent
	for _, e := range ents {
		d.byKey[e.key] = e
		if e.typ == news.PER {
			persons = append(persons, e)
		}
	}
	d.quotes = quoted(d.text)
	d.owner = make([]*ent, len(d.toks))
	for _, e := range persons {
		for _, mi := range e.ments {
			d.setOwner(a.Mentions[mi].Span, e)
		}
	}
	d.firstPer = make([]*ent, len(d.sents))
	for i, t := range d.toks {
		if e := d.owner[i]; e != nil && d.firstPer[t.sent] == nil && !inSpans(d.quotes, t.s) {
			d.firstPer[t.sent] = e
		}
	}
	d.genders(persons)
	linked := d.descriptors(persons)
	for _, e := range persons {
		if e.gender != "" {
			d.emit(e, "gender", e.gender, e.gspan)
		}
	}
	a.Attributes = d.attrs
	d.res = NewResolver(a)
	d.attributes(linked)
	a.Attributes = outsidePosts(d.attrs, a.Social)
	sort.SliceStable(a.Mentions, func(i, j int) bool { return a.Mentions[i].Span.Start < a.Mentions[j].Span.Start })
	return nil
}

// outsidePosts drops attributes stated inside embedded social posts: a fan's
// tweet is not a source for someone's age or occupation.
func outsidePosts(attrs []news.AttrMention, posts []news.SocialPost) []news.AttrMention {
	if len(posts) == 0 {
		return attrs
	}
	kept := attrs[:0]
	for _, at := range attrs {
		inPost := false
		for _, p := range posts {
			if p.Span.Overlaps(at.Span) {
				inPost = true
				break
			}
		}
		if !inPost {
			kept = append(kept, at)
		}
	}
	return kept
}
