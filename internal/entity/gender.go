package entity

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// genders infers each person's gender from the text: honorifics (counted
// in resolve), given names, kinship and gendered role nouns right before a
// mention, and third-person pronouns in sentences that name only that
// person.
func (d *doc) genders(persons []*ent) {
	for _, e := range persons {
		if len(e.full) > 0 {
			if g := givenNames[e.full[0]]; g != "" && (len(e.full) >= 2 || e.count > 0) {
				e.vote(g, 2, d.a.Mentions[e.ments[0]].Span)
			}
		}
		for _, mi := range e.ments {
			m := d.a.Mentions[mi]
			i := d.tokAt(m.Span.Start)
			j := i - 1
			if d.low(j) == "," {
				j--
			}
			if j < 0 {
				continue
			}
			w := strings.TrimSuffix(d.toks[j].low, "'s")
			sp := news.Span{Start: d.toks[j].s, End: m.Span.End}
			if k, ok := kinship[w]; ok && k.gender != "" {
				if w == "baby" || w == "child" {
					continue
				}
				e.vote(k.gender, 3, sp)
			} else if w == "boy" || w == "girl" {
				e.vote(map[string]string{"boy": male, "girl": female}[w], 3, sp)
			} else if r, ok := roles[w]; ok && r.gender != "" {
				e.vote(r.gender, 2, sp)
			}
		}
	}
	// Pronouns: in a sentence that names one person before the pronoun, or
	// that opens right after a sentence naming one person, the pronoun
	// votes for that person. A second pass settles sentences naming several
	// persons when all but one are known to be of the other gender.
	type pron struct {
		g    string
		sp   news.Span
		cand []*ent
	}
	var prons []pron
	var before []*ent // persons named so far in the current sentence
	var prevSent []*ent
	cur := -1
	for i, t := range d.toks {
		if t.sent != cur {
			if cur >= 0 && t.sent == cur+1 {
				prevSent = before
			} else {
				prevSent = nil
			}
			before, cur = nil, t.sent
		}
		if e := d.owner[i]; e != nil && e.typ == news.PER && !inSpans(d.quotes, t.s) {
			if !containsEnt(before, e) {
				before = append(before, e)
			}
			continue
		}
		g, ok := pronounGender[t.low]
		if !ok || inSpans(d.quotes, t.s) {
			continue
		}
		if d.inSocial(t.s) {
			continue
		}
		cand := before
		if len(cand) == 0 {
			cand = prevSent
		} else if t.low == "her" || t.low == "him" {
			// an object pronoun rarely refers to its own clause's subject
			continue
		}
		if len(cand) > 0 {
			prons = append(prons, pron{g, news.Span{Start: t.s, End: t.e}, append([]*ent(nil), cand...)})
		}
	}
	for _, p := range prons {
		if len(p.cand) == 1 {
			p.cand[0].vote(p.g, 1, p.sp)
		}
	}
	provisional := map[*ent]string{}
	for _, e := range persons {
		provisional[e] = e.leaning()
	}
	for _, p := range prons {
		if len(p.cand) < 2 {
			continue
		}
		var fit []*ent
		for _, e := range p.cand {
			if g := provisional[e]; g == "" || g == p.g {
				fit = append(fit, e)
			}
		}
		if len(fit) == 1 {
			fit[0].vote(p.g, 1, p.sp)
		}
	}
	for _, e := range persons {
		e.gender = e.leaning()
	}
}

func containsEnt(es []*ent, e *ent) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// leaning is the gender the votes so far favour, or "".
func (e *ent) leaning() string {
	switch m, f := e.gscore[0], e.gscore[1]; {
	case m > f:
		return male
	case f > m:
		return female
	}
	return ""
}

// inSocial reports whether offset off lies in an embedded social post.
func (d *doc) inSocial(off int) bool {
	for _, p := range d.a.Social {
		if p.Span.Start <= off && off < p.Span.End {
			return true
		}
	}
	return false
}
