package quote

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// kNP is a speaker known only by a common noun phrase that names no role
// of ours: "the ministry", "the congressional report", "one".
const kNP = kRole + 1

// quantifiers open the noun phrases of unnamed members of a crowd: "one",
// "another", "a third", "one individual".
var quantifiers = map[string]bool{"one": true, "another": true, "someone": true, "somebody": true,
	"others": true, "second": true, "third": true, "fourth": true, "fifth": true, "last": true, "many": true}

// crowdNouns are the heads of a crowd member's noun phrase ("one
// individual wrote", "another person added").
var crowdNouns = map[string]bool{"individual": true, "person": true, "user": true, "users": true, "fan": true,
	"fans": true, "follower": true, "followers": true, "commenter": true, "commenters": true, "viewer": true,
	"viewers": true, "reader": true, "readers": true, "tweeter": true, "tweeters": true, "poster": true,
	"account": true, "people": true, "supporter": true, "supporters": true}

// postCues are the verbs of someone posting or speaking to a crowd, as
// opposed to a text reading ("one sign read").
var postCues = map[string]bool{"wrote": true, "writes": true, "tweeted": true, "tweets": true, "posted": true,
	"posts": true, "added": true, "adds": true, "said": true, "says": true, "remarked": true, "commented": true,
	"replied": true, "responded": true, "chimed": true, "gushed": true, "joked": true, "quipped": true,
	"asked": true, "declared": true, "exclaimed": true, "shared": true, "raved": true, "agreed": true,
	"continued": true, "noted": true, "claimed": true, "argued": true, "insisted": true, "commenting": true,
	"writing": true, "adding": true, "tweeting": true, "posting": true, "saying": true}

// npAt reads a common noun phrase in ts[s:e] (no punctuation, at most seven
// words, opening with a determiner or quantifier) as a speaker candidate for
// the cue cw. A crowd member ("one", "another", "a third", "one individual",
// "another fan") speaking with a posting verb is a role speaker "fan".
func (x *extraction) npAt(ts []tok, s, e int, cw string) (cand, bool) {
	if e <= s || e-s > 7 {
		return cand{}, false
	}
	text := x.text
	for m := s; m < e; m++ {
		if ts[m].punct {
			return cand{}, false
		}
		lw := lower(ts[m].text(text))
		if m > s && (cueVerb(lw) && !(m == e-1 && headNoun(lw)) || isPronounWord(lw) || npStop[lw] && lw != "of" || finiteVerbs[lw]) {
			return cand{}, false
		}
	}
	if last := lower(ts[e-1].text(text)); e-1 > s && (npStop[last] || last == "of" || last == "to" || determiners[last]) {
		return cand{}, false
	}
	w0 := lower(ts[s].text(text))
	if !determiners[w0] && !quantifiers[w0] {
		return cand{}, false
	}
	if e-s == 1 && !quantifiers[w0] && w0 != "one" && w0 != "another" {
		// a determiner alone is no speaker: "the" of a phrase read short,
		// "that" of a relative clause ("a note that read")
		return cand{}, false
	}
	if isPronounWord(w0) {
		return cand{}, false
	}
	c := cand{span: news.Span{Start: ts[s].s, End: ts[e-1].e}, kind: kNP}
	c.text = c.span.Text(text)
	if crowdNP(ts, s, e, text) && postCues[cw] {
		c.kind, c.role = kRole, "fan"
	}
	return c, true
}

// crowdNP reports a crowd member's noun phrase: a quantifier ("one",
// "another", "a third"), then at most two words ending in a crowd noun, or
// nothing.
func crowdNP(ts []tok, s, e int, text string) bool {
	m := s
	w := lower(ts[m].text(text))
	if w == "a" || w == "an" || w == "the" {
		m++
		if m >= e {
			return false
		}
		w = lower(ts[m].text(text))
		if w != "second" && w != "third" && w != "fourth" && w != "fifth" && w != "last" {
			return false
		}
	} else if !quantifiers[w] {
		return false
	}
	if m == e-1 {
		return true
	}
	return e-1-m <= 2 && crowdNouns[lower(ts[e-1].text(text))]
}

// npBefore reads the noun phrase that ends right before the cue at ts[k]
// (adverbs and auxiliaries aside), opening at most seven words back at a
// determiner, within ts[i:k].
func (x *extraction) npBefore(ts []tok, i, k int) (cand, bool) {
	text := x.text
	e := k
	for e-1 >= i && !ts[e-1].punct && auxiliary(lower(ts[e-1].text(text))) {
		e--
	}
	for s := e - 1; s >= i && s >= e-7; s-- {
		if ts[s].punct {
			break
		}
		w := lower(ts[s].text(text))
		if determiners[w] || quantifiers[w] {
			// "one of her ads": the phrase opens at the outer quantifier
			if s-2 >= i && lower(ts[s-1].text(text)) == "of" && (quantifiers[lower(ts[s-2].text(text))] || determiners[lower(ts[s-2].text(text))]) {
				s -= 2
			}
			if s-1 >= i && !ts[s-1].punct {
				if w := lower(ts[s-1].text(text)); w == "a" || w == "an" || w == "the" {
					s--
				}
			}
			// a role's phrase holds the place or body after it: "an
			// official at the North Korean embassy said"
			if s-2 >= i && !ts[s-1].punct && prepositions[lower(ts[s-1].text(text))] {
				for d := s - 2; d >= i && d >= s-5 && !ts[d].punct; d-- {
					if w := lower(ts[d].text(text)); determiners[w] || quantifiers[w] {
						if memberNouns[lower(ts[s-2].text(text))] {
							s = d
						}
						break
					}
				}
			}
			// the phrase ends at an auxiliary ("a reader would now ask")
			for m := s + 1; m < e; m++ {
				if finiteVerbs[lower(ts[m].text(text))] {
					e = m
					break
				}
			}
			return x.npAt(ts, s, e, lower(ts[k].text(text)))
		}
	}
	return cand{}, false
}

// npAfter reads the noun phrase right after an inverted cue at ts[k] ("said
// the ministry", "wrote one"), up to a preposition, clause word or
// punctuation.
func (x *extraction) npAfter(ts []tok, k, j int) (cand, bool) {
	text := x.text
	s := k + 1
	e := s
	for e < j && e-s < 7 && !ts[e].punct && !npStop[lower(ts[e].text(text))] {
		e++
	}
	return x.npAt(ts, s, e, lower(ts[k].text(text)))
}

// npStop words end a noun phrase read after a cue.
var npStop = map[string]bool{"in": true, "on": true, "at": true, "to": true, "during": true, "after": true,
	"before": true, "when": true, "while": true, "that": true, "who": true, "which": true, "as": true, "and": true,
	"but": true, "or": true, "then": true, "because": true, "about": true, "from": true, "with": true, "via": true, "through": true}

// headNoun reports a cue word that heads a noun phrase when it ends one
// ("a recent report", "a blog post"): a medium, or a report.
func headNoun(w string) bool { return mediumNouns[w] || w == "report" || w == "reports" }

// finiteVerbs are auxiliaries and copulas: a noun phrase does not hold
// one ("the World Health Organization is investigating").
var finiteVerbs = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true, "had": true,
	"have": true, "will": true, "would": true, "could": true, "can": true, "should": true, "must": true, "may": true,
	"might": true, "does": true, "did": true, "do": true}

// bareQuantifier reports a crowd member's phrase with no noun: "one",
// "another", "a third", "One individual".
func bareQuantifier(np string) bool {
	ws := strings.Fields(lower(np))
	if len(ws) > 0 && (ws[0] == "a" || ws[0] == "an" || ws[0] == "the") {
		ws = ws[1:]
	}
	switch len(ws) {
	case 1:
		return quantifiers[ws[0]]
	case 2:
		return quantifiers[ws[0]] && (ws[1] == "individual" || ws[1] == "person")
	}
	return false
}

// memberNouns name someone who belongs to a body named after them ("an
// official at the embassy", "a spokesman for the ministry"); documents,
// places and people at large ("a statement by", "the man at") do not.
var memberNouns = map[string]bool{"official": true, "officials": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "representative": true, "source": true, "sources": true, "aide": true, "employee": true,
	"staffer": true, "member": true, "officer": true, "lawyer": true, "diplomat": true, "executive": true}
