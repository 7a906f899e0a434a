package quote

import (
	"slices"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// beforeAttr reads an attribution in ts[i:j], the words of the sentence
// before a quote's opening mark: "Graham said, “", "a rep for Morrone told
// POPSUGAR, “", "According to X, “", "he said that “" (partial).
func (x *extraction) beforeAttr(ts []tok, i, j int) attr {
	var a attr
	if j <= i {
		return a
	}
	text := x.text
	lastTok := ts[j-1]
	endP := ""
	if lastTok.punct {
		endP = lastTok.text(text)
	}
	colon := endP == ":"
	comma := endP == "," || endP == "—" || endP == "–"
	k := -1
	for m := j - 1; m >= i; m-- {
		if !ts[m].punct && cueVerb(lower(ts[m].text(text))) && (m == i || !isCap(ts[m].text(text)) || ts[m].text(text) == "According") {
			if lower(ts[m].text(text)) == "according" && (m+1 >= j || lower(ts[m+1].text(text)) != "to") {
				continue
			}
			if m > i && nounUse(lower(ts[m].text(text)), ts[m-1].text(text)) {
				continue // "an Instagram post", "her tweet": a medium, not a speech verb
			}
			if x.subordinate(ts, i, m) || x.inAccording(ts, i, m) {
				continue // "found dead after police responded to a call": an act, not the attribution
			}
			k = m
			break
		}
	}
	a.sent = news.Span{Start: ts[i].s, End: lastTok.e}
	if k < 0 {
		if !colon {
			return a
		}
		// "Cruz called them on it:" — the sentence's subject speaks
		cs := x.candidates(ts, i, j)
		if len(cs) == 0 {
			return a
		}
		// a heading-like common word ("Comments poured in:") introduces the
		// quote but does not speak it
		c := pickFirst(cs)
		// nor does a label the recogniser did not take for a name, alone
		// before the colon ("URL:", "Caption:", "Update:")
		if x.tagged && c.kind == kName && c.key == "" && !strings.Contains(c.text, " ") && j-i <= 2 {
			c.common = true
		}
		a.ok, a.sp, a.hasSp, a.noSp = true, c, !c.common, c.common
		return a
	}
	cw := lower(ts[k].text(text))
	a.ok = true
	a.cue = news.Span{Start: ts[k].s, End: ts[k].e}
	adjacent := (k == j-1 || k == j-2 && (comma || colon)) && !namingCue[cw]
	a.partial = !(colon || comma || adjacent) || namingCue[cw] && !colon
	// a cue far from the quote with other clauses between: no attribution
	if a.partial && j-k > 25 {
		a.ok = false
		return a
	}
	switch {
	case cw == "according":
		// the source is the phrase after "according to", up to its comma
		e := k + 2
		for e < j && !ts[e].punct {
			e++
		}
		if cs := x.candidates(ts, k+2, e); len(cs) > 0 {
			a.sp, a.hasSp = cs[0], true
		} else if e > k+2 && e < j {
			sp := news.Span{Start: ts[k+2].s, End: ts[e-1].e}
			a.sp, a.hasSp = cand{span: sp, kind: kNP, text: sp.Text(text)}, true
		} else if cs := x.candidates(ts, k+2, j); len(cs) > 0 {
			a.sp, a.hasSp = cs[0], true
		}
	case cueVerbs[cw]:
		// a participle: the clause's subject
		if cs := x.subjects(ts, i, k, x.candidates(ts, i, k), true); len(cs) > 0 {
			a.sp, a.hasSp = pickFirst(cs), true
		}
	default:
		if r := relativeBefore(ts, text, i, k); r >= 0 {
			// "a note that read": the antecedent or no one
			c, ok := x.antecedent(ts, i, r)
			a.sp, a.hasSp, a.noSp = c, ok, !ok
		} else if c, ok := x.handleBefore(ts, i, k); ok {
			a.sp, a.hasSp = c, true
		} else if c, ok := x.subjectBefore(ts, i, k); ok {
			a.sp, a.hasSp = c, true
		} else if cs := x.candidates(ts, k+1, j); len(cs) > 0 && tokIndex(ts, cs[0].span.Start) <= k+2 &&
			cw != "told" && cw != "tells" && cw != "tell" && cw != "asked" {
			// an inverted cue: the speaker follows it ("said Ann Lowe: “"),
			// not a name further into the reported clause ("said the death
			// of Godane would be a “")
			a.sp, a.hasSp = cs[0], true
		} else if w := lower(ts[i].text(text)); thingPronouns[w] && k-i <= 4 {
			// "It used to read:", "This says": a thing speaks (a page, a
			// sign, a statement), not the last person named
			a.noSp = true
		} else if (w == "the" || w == "a" || w == "an") && len(x.candidates(ts, i, k)) > 0 {
			// the subject is a common noun phrase holding names but naming
			// no one ("The commander of the AU in Somalia said"): no
			// speaker, and none taken from elsewhere
			a.noSp = true
		}
	}
	return a
}

// handleBefore is a social-media handle right before the cue at ts[k]
// ("“…,” @redletter tweeted"): the account speaks, not a name nearby.
func (x *extraction) handleBefore(ts []tok, i, k int) (cand, bool) {
	if k-2 < i || !ts[k-2].punct || x.text[ts[k-2].s] != '@' || ts[k-1].punct || ts[k-2].e != ts[k-1].s {
		return cand{}, false
	}
	sp := news.Span{Start: ts[k-2].s, End: ts[k-1].e}
	h := sp.Text(x.text)
	return cand{span: sp, kind: kName, text: h, name: h}, true
}

// thingPronouns open a clause whose subject is a thing, not a person.
var thingPronouns = map[string]bool{"it": true, "this": true, "that": true, "which": true}

// prepositions open a phrase inside a larger noun phrase ("a note from
// her son").
var prepositions = map[string]bool{"of": true, "from": true, "by": true, "for": true, "with": true, "in": true,
	"on": true, "at": true, "to": true, "about": true, "near": true, "inside": true, "outside": true}

// subordinators open a clause of their own.
var subordinators = map[string]bool{"after": true, "before": true, "when": true, "while": true, "because": true,
	"since": true, "until": true, "once": true, "unless": true, "although": true, "though": true, "whereas": true}

// subordinate tells whether the cue at ts[k] is the verb of a subordinate
// clause with an unnamed subject: a subordinator opens it, and no speaker
// candidate stands between the two ("after police responded").
func (x *extraction) subordinate(ts []tok, i, k int) bool {
	for m := k - 1; m >= i && m >= k-4; m-- {
		if ts[m].punct {
			return false
		}
		if subordinators[lower(ts[m].text(x.text))] {
			_, np := x.npBefore(ts, m+1, k) // "while another remarked"
			return !np && len(x.candidates(ts, m+1, k)) == 0
		}
	}
	return false
}

// inAccording tells whether ts[m] lies in the phrase of an "according to"
// before it, up to that phrase's first punctuation ("according to the
// unconfirmed reports,": a noun there, not a cue).
func (x *extraction) inAccording(ts []tok, i, m int) bool {
	for n := m - 1; n > i && n >= m-8; n-- {
		if ts[n].punct {
			return false
		}
		if lower(ts[n].text(x.text)) == "to" && lower(ts[n-1].text(x.text)) == "according" {
			return true
		}
	}
	return false
}

// subjectBefore finds the subject of the cue at ts[k] among ts[i:k]: the
// candidate closest before the cue, skipping an appositive ("Bill Smith, a
// pollster, said").
func (x *extraction) subjectBefore(ts []tok, i, k int) (cand, bool) {
	text := x.text
	end := k
	if end-1 >= i && ts[end-1].punct && text[ts[end-1].s] == ',' {
		// skip back over the appositive to the comma that opened it
		m := end - 2
		for m >= i && !(ts[m].punct && text[ts[m].s] == ',') {
			m--
		}
		if m >= i {
			end = m
		}
	}
	cs := x.subjects(ts, i, k, x.candidates(ts, i, end), false)
	cs = slices.DeleteFunc(cs, func(c cand) bool { return c.common && c.kind == kName && entity.Belonging(lower(c.text)) })
	np, npOK := x.npBefore(ts, i, k)
	// the object of a preposition is no subject: "Activists on two sides
	// of the Syrian conflict reported", "a disclaimer at the end saying"
	n := tokIndex(ts, np.span.Start) - 1
	npObject := npOK && n >= i && !ts[n].punct && prepositions[lower(ts[n].text(text))]
	if len(cs) == 0 {
		return np, npOK && !npObject
	}
	// the subject ends right before the cue, give or take adverbs and
	// auxiliaries ("he also said", "Trump has long argued"); otherwise the
	// cue is a later verb of the clause ("Lazar said he ... and added") and
	// the clause's first candidate is its subject.
	m := end - 1
	for m >= i && !ts[m].punct && auxiliary(lower(ts[m].text(text))) {
		m--
	}
	lastC := cs[len(cs)-1]
	if m >= i && !ts[m].punct && lastC.span.End >= ts[m].e-3 && lastC.span.Start <= ts[m].s {
		return lastC, true
	}
	// a name modifying the noun phrase before the cue: the phrase speaks
	// ("the Iraqi ministry stated", "the Obama administration said")
	if npOK && np.span.Start <= lastC.span.Start && np.span.End > lastC.span.End && m >= i && np.span.End >= ts[m].e {
		// unless the name heads the phrase, a place or a body after it
		// ("friend of the site Dave Armon of Critical Mention wrote")
		if n := tokIndex(ts, lastC.span.End); lastC.person && n < k && prepositions[lower(ts[n].text(text))] {
			return lastC, true
		}
		if !npObject {
			return np, true
		}
	}
	// a noun phrase right before the cue is its subject ("after Trump
	// spoke, the crowd chanted")
	if npOK && !npObject && np.span.Start > lastC.span.Start {
		return np, true
	}
	// the clause of the cue starts after the last comma before it ("When
	// asked whom she supported, Ms. Sherry smiled and said"), unless what
	// follows that comma is a participle's phrase, which names no subject
	// ("Mr Abdulla, speaking after returning to his family home, said")
	limit := len(text)
	for m := end - 1; m >= i; m-- {
		if ts[m].punct && text[ts[m].s] == ',' {
			if m+1 < end && participlePhrase(ts[m+1].text(text)) {
				limit = ts[m].s
				continue
			}
			var tail []cand
			for _, c := range cs {
				if c.span.Start > ts[m].s && c.span.Start < limit {
					tail = append(tail, c)
				}
			}
			if len(tail) > 0 {
				return pickFirst(tail), true
			}
			break
		}
	}
	if before := slices.DeleteFunc(slices.Clone(cs), func(c cand) bool { return c.span.Start >= limit }); len(before) > 0 {
		return pickFirst(before), true
	}
	return pickFirst(cs), true
}

// participlePhrase tells whether a clause opening with word w is a
// participle's phrase set off by commas ("speaking after…", "visiting
// her…"): a word in lower case ending in "ing".
func participlePhrase(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && w == strings.ToLower(w) && w != "according"
}

// subjects keeps the candidates of ts[i:k] that can be the subject of the
// cue at ts[k]: not a possessor ("Kobane's defenders"), not the object of
// a preposition ("the commander of the AU in Somalia", "a friend from
// Dover") unless the cue is a participle, whose subject may be one
// ("footage of Trump saying", "with Reuters saying"), and not inside a
// relative clause closed by a comma before the cue ("Ann Lowe, who lives
// in Dover, NH, told").
func (x *extraction) subjects(ts []tok, i, k int, cs []cand, participle bool) []cand {
	text := x.text
	rel := -1 // the relative pronoun of a clause closed right before the cue
	if k-1 >= i && ts[k-1].punct && text[ts[k-1].s] == ',' {
		for m := k - 2; m > i; m-- {
			if ts[m-1].punct && text[ts[m-1].s] == ',' {
				if w := lower(ts[m].text(text)); w == "who" || w == "which" || w == "whose" || w == "where" {
					rel = ts[m].s
					break
				}
			}
		}
	}
	out := cs[:0:0]
	for _, c := range cs {
		if c.kind == kName && (c.poss || strings.HasPrefix(text[c.span.End:], "'s") || strings.HasPrefix(text[c.span.End:], "’s")) {
			continue
		}
		if rel >= 0 && c.span.Start > rel {
			continue
		}
		if x.inQuote(c.span, ts[k].s) {
			continue // words of an earlier quote ("“…residents of the city,” it read")
		}
		if c.kind == kName {
			s := tokIndex(ts, c.span.Start) - 1
			if s >= i && !ts[s].punct {
				// a determiner or a possessor: "for the…", "for Cuba’s Fidel Castro"
				if w := lower(ts[s].text(text)); w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their" {
					s--
				} else if _, poss := stripPossessive(ts[s].text(text)); poss {
					s--
				}
			}
			if !participle && s >= i && !ts[s].punct && prepositions[lower(ts[s].text(text))] {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// inQuote reports whether sp lies inside one of the last quotes read (the
// ones an attribution can reach) that does not also hold the cue at
// offset cue (a quote nested in that one has its speaker inside it).
func (x *extraction) inQuote(sp news.Span, cue int) bool {
	for i := len(x.quotes) - 1; i >= 0 && i >= len(x.quotes)-8; i-- {
		for _, p := range x.quotes[i].Pieces {
			if sp.Start >= p.Start && sp.End <= p.End && (cue < p.Start || cue >= p.End) {
				return true
			}
		}
	}
	return false
}

// relativeBefore returns the index of a relative pronoun that is the
// subject of the cue at ts[k] ("a note that read", "Al-Sabah, which
// said"), adverbs and auxiliaries aside, or -1.
func relativeBefore(ts []tok, text string, i, k int) int {
	m := k - 1
	for m >= i && !ts[m].punct && auxiliary(lower(ts[m].text(text))) {
		m--
	}
	if m >= i && !ts[m].punct {
		if w := lower(ts[m].text(text)); w == "that" || w == "which" {
			return m
		}
	}
	return -1
}

// antecedent reads the speaker a relative pronoun at ts[r] stands for: the
// name or noun phrase right before it (a comma between). Anything else
// gives no speaker: the clause's earlier subject is someone else ("the mom
// found a note from her son that read").
func (x *extraction) antecedent(ts []tok, i, r int) (cand, bool) {
	e := r
	if e-1 >= i && ts[e-1].punct && x.text[ts[e-1].s] == ',' {
		e--
	}
	if e <= i {
		return cand{}, false
	}
	if cs := x.candidates(ts, i, e); len(cs) > 0 {
		c := cs[len(cs)-1]
		// the object of a preposition is inside a larger phrase: "a note
		// from her son that read" is the note's, not the son's
		s := i
		for s < e && ts[s].s < c.span.Start {
			s++
		}
		inPP := s > i && prepositions[lower(ts[s-1].text(x.text))]
		if c.span.End >= ts[e-1].e && !inPP {
			return c, true
		}
		if inPP {
			return cand{}, false
		}
	}
	if np, ok := x.npBefore(ts, i, e); ok && np.span.End >= ts[e-1].e {
		s := tokIndex(ts, np.span.Start)
		if s > i && prepositions[lower(ts[s-1].text(x.text))] {
			return cand{}, false
		}
		return np, true
	}
	return cand{}, false
}

func auxiliary(w string) bool {
	switch w {
	case "also", "later", "then", "again", "has", "had", "have", "was", "is", "were", "are", "would", "will", "once",
		"previously", "recently", "first", "further", "reportedly", "simply", "just", "only", "even", "still", "never",
		"repeatedly", "often", "frequently", "famously", "long", "always", "has since", "since", "did", "does", "do",
		"could", "might", "may", "can", "should", "must", "openly", "publicly", "privately", "flatly", "firmly",
		"quickly", "finally", "subsequently", "initially", "immediately", "already", "herself", "himself", "themselves":
		return true
	}
	return strings.HasSuffix(w, "ly") && len(w) > 4
}

// isDateline reports an all-capitals place word ("WASHINGTON") opening a text.
func isDateline(text string, c cand) bool {
	w := c.span.Text(text)
	if len(w) < 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= 'a' && w[i] <= 'z' {
			return false
		}
	}
	return true
}

// afterAttr reads an attribution in ts[i:j], the words after a quote's
// closing mark: "she said", "said Geoff Garin, a pollster", "Kim told some
// friends", "the economist Jared Bernstein wrote on his blog".
func (x *extraction) afterAttr(ts []tok, i, j int) attr {
	var a attr
	text := x.text
	for i < j && ts[i].punct && (text[ts[i].s] == ',' || ts[i].text(text) == "—") {
		i++
	}
	if i >= j {
		return a
	}
	k := -1
	for m := i; m < j && m < i+30; m++ {
		if ts[m].punct && m > i {
			c := text[ts[m].s]
			if c == '(' {
				// a parenthesis inside the attribution: "Rep. X (D-Wash.) said"
				n := m + 1
				for n < j && n < m+8 && !(ts[n].punct && text[ts[n].s] == ')') {
					n++
				}
				if n < j && n < m+8 {
					m = n
					continue
				}
			}
			if c == '.' || c == ';' || c == '!' || c == '?' || c == '(' {
				break
			}
			continue
		}
		if cueVerb(lower(ts[m].text(text))) && (m == i || !isCap(ts[m].text(text))) &&
			!(m > i && nounUse(lower(ts[m].text(text)), ts[m-1].text(text)) && !(m+1 < j && cueVerb(lower(ts[m+1].text(text))))) {
			k = m
			break
		}
	}
	if k < 0 {
		return a
	}
	// a noun that is also a cue verb heads the subject when a cue follows
	// it ("the report said", "one post read")
	if k > i && k+1 < j && !ts[k+1].punct && cueVerb(lower(ts[k+1].text(text))) {
		k++
	}
	a.sent = news.Span{Start: ts[i].s, End: ts[min(j, len(ts))-1].e}
	a.cue = news.Span{Start: ts[k].s, End: ts[k].e}
	a.after = true
	if k == i {
		// inverted: "said Geoff Garin"
		cs := x.candidates(ts, k+1, min(j, k+14))
		if len(cs) == 0 || tokIndex(ts, cs[0].span.Start) > k+1 {
			if c, ok := x.npAfter(ts, k, min(j, k+14)); ok {
				a.ok, a.sp, a.hasSp = true, c, true
				return a
			}
		}
		if len(cs) == 0 {
			return a
		}
		a.ok, a.sp, a.hasSp = true, cs[0], true
		return a
	}
	if c, ok := x.handleBefore(ts, i, k); ok {
		a.ok, a.sp, a.hasSp = true, c, true
		return a
	}
	cs := x.candidates(ts, i, k)
	// the subject must start the clause: at most two words before it
	if len(cs) == 0 || tokIndex(ts, cs[0].span.Start)-i > 2 {
		if c, ok := x.npBefore(ts, i, k); ok && tokIndex(ts, c.span.Start)-i <= 2 {
			a.ok, a.sp, a.hasSp = true, c, true
		}
		return a
	}
	c := cs[0]
	// a person named right before the cue heads a title chain before it:
	// "Richmond County District Attorney Daniel Donovan said"
	if last := cs[len(cs)-1]; len(cs) > 1 && last.kind == kName && last.person && adjacentSpans(last.span, a.cue) && capitalsBetween(x.text, ts, c.span.Start, last.span.Start) {
		c = last
	}
	// a role phrase that contains the first name wins ("a rep for Morrone")
	for _, o := range cs[1:] {
		if o.kind == kRole && o.span.Contains(c.span) {
			c = o
		}
	}
	a.ok, a.sp, a.hasSp = true, c, true
	return a
}

// colonIntro is the attribution of a block quote introduced by a sentence
// ending in a colon in the previous paragraph.
func (x *extraction) colonIntro(sent news.Span) attr {
	ts := tokenize(x.text, sent, nil)
	return x.beforeAttr(ts, 0, len(ts))
}

// applyAttr fills q's speaker, cue, told_to, medium and time from a.
func (x *extraction) applyAttr(q *news.QuoteMention, a attr, ts []tok) {
	if a.cue.Len() > 0 {
		q.CueSpan = a.cue
		q.Cue = a.cue.Text(x.text)
	}
	if a.hasSp {
		x.setSpeaker(q, a.sp)
	}
	if !a.hasSp && !a.noSp {
		// "..., adding, “": the speaker is the last clause subject named
		if pm, ok := x.pronounTarget(q.Span.Start, false); ok && x.gender[pm.name] <= 0 {
			q.Speaker, q.SpeakerSpan = pm.name, pm.span
		} else if pm, ok := x.lastPerson(q.Span.Start, q.Span.Start); ok {
			q.Speaker, q.SpeakerSpan = pm.name, pm.span
		}
	}
	x.context(q, a.sent)
	if q.ToldTo != "" && q.Speaker != "" && sameTarget(q.ToldTo, q.Speaker) {
		q.ToldTo = "" // "according to the Jerusalem Post": the source, not whom it told
	}
}

// sameTarget tells whether a told-to phrase names the speaker ("the
// Jerusalem Post", "Jerusalem Post"; "the Post").
func sameTarget(to, speaker string) bool {
	t := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(to, "the "), "The "))
	s := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(speaker, "the "), "The "))
	return t == s || strings.HasSuffix(s, " "+t) || strings.HasSuffix(t, " "+s)
}

// setSpeaker makes candidate c q's speaker.
func (x *extraction) setSpeaker(q *news.QuoteMention, c cand) {
	q.Speaker, q.SpeakerKey, q.Role, q.For = "", "", "", ""
	q.SpeakerSpan = c.span
	switch c.kind {
	case kName:
		q.Speaker = c.name
		q.SpeakerKey = c.key
	case kPronoun:
		q.Speaker, q.SpeakerKey = x.resolvePronoun(c)
		if q.Speaker == "" {
			q.Speaker = c.text
		}
	case kNP:
		q.Speaker = c.text
	case kRole:
		q.Role = c.role
		if speaksFor[c.role] || c.poss || c.forNP != "" {
			q.For = x.resolveFor(c.forNP, c.span.Start)
		}
		switch {
		case q.For != "" && q.For != c.forNP || q.For != "" && c.name != "":
			q.Speaker = q.For + "'s " + c.role
		case c.role == "fan" && bareQuantifier(c.text):
			// "said one", "another wrote": one of a crowd, not a name
			q.Speaker = "an unnamed person"
		default:
			q.Speaker = c.text
		}
	}
}

// resolvePronoun finds whom a pronoun speaker refers to: the last person
// named before it in its paragraph outside quotes, else the previous
// quote's named speaker, else the last person named.
func (x *extraction) resolvePronoun(c cand) (string, string) {
	lw := lower(c.text)
	if lw != "he" && lw != "she" {
		return "", ""
	}
	if q, ok := x.quoteJustBefore(c.span.Start, lw == "she"); ok {
		return q.Speaker, q.SpeakerKey // "“…,” wrote spokesman Ray Finch. “…,” he added."
	}
	if pm, ok := x.pronounTarget(c.span.Start, lw == "she"); ok {
		return pm.name, ""
	}
	return "", ""
}

// quoteJustBefore is the quote that ends shortly before pos in the same
// paragraph, spoken by a person the recogniser named, whose gender does not
// disagree: a pronoun's speaker then continues it.
func (x *extraction) quoteJustBefore(pos int, female bool) (news.QuoteMention, bool) {
	for i := len(x.quotes) - 1; i >= 0; i-- {
		q := x.quotes[i]
		if q.Span.End > pos || q.Parent >= 0 {
			continue // a quote inside the quote before ("Kim: “At lunch, Domenico goes, ‘…’”") is not what goes on
		}
		between := x.text[q.Span.End:pos]
		if len(between) > 400 || strings.Contains(between, "\n") && !nextParagraphQuote(between) || q.Role != "" || !strings.HasPrefix(q.SpeakerKey, "per") {
			return news.QuoteMention{}, false
		}
		if g := x.gender[q.Speaker]; g != 0 && (g > 0) != female {
			return news.QuoteMention{}, false
		}
		return q, true
	}
	return news.QuoteMention{}, false
}

// nextParagraphQuote tells whether the text between a quote and a
// pronoun is the quote's short attribution, one paragraph break, and a
// quote opening the next paragraph: "“…,” al-Hassan said.\n\n“…,” he
// added" goes on with the same speaker.
func nextParagraphQuote(between string) bool {
	i, j := strings.Index(between, "\n"), strings.LastIndex(between, "\n")
	head := strings.TrimLeft(between[:i], ",.;:!?”\"’' ") // the quote's closing marks
	if strings.TrimSpace(between[i:j]) != "" || i > 80 || strings.ContainsAny(head, "“\"") {
		return false
	}
	rest := strings.TrimLeft(between[j+1:], " \t")
	return strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "\"")
}

func isPronounWord(s string) bool { _, ok := pronouns[lower(s)]; return ok }

// context reads told_to, medium and time from the attribution sentence.
func (x *extraction) context(q *news.QuoteMention, sent news.Span) {
	if sent.Len() == 0 {
		return
	}
	text := x.text
	ts := tokenize(text, sent, nil)
	for k := 0; k < len(ts); k++ {
		if ts[k].punct {
			continue
		}
		w := ts[k].text(text)
		lw := lower(w)
		switch {
		case (lw == "told" || lw == "tells" || lw == "telling" || lw == "to" && q.ToldTo == "") && k+1 < len(ts):
			if lw == "to" && (k == 0 || !cueVerb(lower(ts[k-1].text(text))) && lower(ts[k-1].text(text)) != "speaking" && lower(ts[k-1].text(text)) != "talking") {
				continue
			}
			if e, ok := capRun(text, ts, k+1); ok {
				// "told Iraqi media", "told Iraqi newspaper al-Sabah": the
				// media noun after an adjective of place, and the name after it
				if e+1 < len(ts) && !ts[e+1].punct && mediaNouns[lower(ts[e+1].text(text))] {
					e++
					if e2, ok := capRun(text, ts, e+1); ok {
						e = e2
					} else if e+1 < len(ts) && !ts[e+1].punct && strings.HasPrefix(ts[e+1].text(text), "al-") {
						e++
					}
				}
				q.ToldTo, _ = stripPossessive(text[ts[k+1].s:ts[e].e])
			} else if lower(ts[k+1].text(text)) == "reporters" || lower(ts[k+1].text(text)) == "journalists" {
				q.ToldTo = ts[k+1].text(text)
			}
		case (lw == "in" || lw == "during" || lw == "on" || lw == "via" || lw == "through") && q.Medium == "" && k+1 < len(ts):
			if x.medium(q, ts, k+1) {
				continue
			}
			if lw == "in" && q.When == "" {
				if e, ok := dateRun(text, ts, k+1); ok {
					q.When = text[ts[k+1].s:ts[e].e]
				}
			}
		case (lw == "earlier" || lw == "last" || lw == "this") && q.When == "" && k+1 < len(ts):
			nw := lower(ts[k+1].text(text))
			if nw == "this" && k+2 < len(ts) {
				q.When = text[ts[k].s:ts[k+2].e]
			} else if nw == "year" || nw == "week" || nw == "month" || nw == "weekend" || nw == "summer" || nw == "spring" || nw == "fall" || nw == "winter" || weekdays[ts[k+1].text(text)] || months[ts[k+1].text(text)] {
				q.When = text[ts[k].s:ts[k+1].e]
			}
		case weekdays[w] && q.When == "" && k > 0 && (lower(ts[k-1].text(text)) == "on"):
			q.When = w
		}
	}
	if q.When == "" {
		for _, d := range x.a.Dates {
			if sent.Contains(d.Span) {
				q.When = d.Span.Text(text)
				break
			}
		}
	}
}

// medium reads "an Instagram post", "Twitter", "an interview with Decider"
// at ts[k:].
func (x *extraction) medium(q *news.QuoteMention, ts []tok, k int) bool {
	text := x.text
	w := ts[k].text(text)
	if platforms[w] {
		q.Medium = w
		return true
	}
	start := k
	if determiners[lower(w)] {
		start = k + 1
	}
	for m := start; m < len(ts) && m <= start+3; m++ {
		if ts[m].punct {
			return false
		}
		lw := lower(ts[m].text(text))
		if !mediumNouns[lw] {
			continue
		}
		if m+1 < len(ts) && mediumNouns[lower(ts[m+1].text(text))] {
			m++ // "press conference"
		}
		end := m
		if end+2 < len(ts) && (lower(ts[end+1].text(text)) == "with" || lower(ts[end+1].text(text)) == "on") {
			if e, ok := capRun(text, ts, end+2); ok {
				end = e
				if q.ToldTo == "" && lower(ts[m+1].text(text)) == "with" {
					q.ToldTo = text[ts[m+2].s:ts[e].e]
				}
			}
		}
		if start < len(ts) && start <= end {
			q.Medium = text[ts[start].s:ts[end].e]
		}
		// "an August 2022 interview": the time inside the medium
		if q.When == "" {
			if e, ok := dateRun(text, ts, start); ok && e < m {
				q.When = text[ts[start].s:ts[e].e]
			}
		}
		return true
	}
	return false
}

// capRun returns the end of a run of capitalised words starting at k.
func capRun(text string, ts []tok, k int) (int, bool) {
	if k >= len(ts) || ts[k].punct {
		return 0, false
	}
	w := ts[k].text(text)
	if !isCap(w) || (capStop[w] && !platforms[w]) || months[w] {
		if !(w == "the" && k+1 < len(ts) && !ts[k+1].punct && isCap(ts[k+1].text(text))) {
			return 0, false
		}
	}
	e := k
	for e+1 < len(ts) && !ts[e+1].punct && isCap(ts[e+1].text(text)) && !months[ts[e+1].text(text)] {
		e++
	}
	return e, true
}

// dateRun reads "August 2022", "June 15", "2020" at k.
func dateRun(text string, ts []tok, k int) (int, bool) {
	if k >= len(ts) {
		return 0, false
	}
	w := ts[k].text(text)
	if months[w] {
		e := k
		for e+1 < len(ts) && e-k < 3 && (isYearOrDay(ts[e+1].text(text)) || ts[e+1].text(text) == ",") {
			e++
		}
		if ts[e].punct {
			e--
		}
		return e, true
	}
	if len(w) == 4 && isYearOrDay(w) {
		return k, true
	}
	return 0, false
}

func isYearOrDay(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// nested finds quotes inside quote i's body: ‘...’ pieces with a cue
// before them inside the outer quote; quoted titles become WORK mentions.
func (x *extraction) nested(i int, body news.Span) {
	text := x.text
	for _, s := range singleSegments(text, body) {
		inner := s.body.Text(text)
		words := countWords(text, s.body)
		if titleCase(inner, words) && words <= 8 {
			x.titles = append(x.titles, news.Mention{Span: s.body, Text: inner, Type: news.WORK, Key: "work:" + fold(inner), Name: inner, Via: "title"})
			continue
		}
		if words < 3 {
			continue
		}
		q := news.QuoteMention{Span: s.body, Text: inner, Pieces: []news.Span{s.body}, Parent: i}
		ts := tokenize(text, news.Span{Start: body.Start, End: s.open}, nil)
		bi := len(ts)
		for bi > 0 && !sentenceEnd(text, ts, bi-1) {
			bi--
		}
		if a := x.beforeAttr(ts, bi, len(ts)); a.ok && a.hasSp {
			x.applyAttr(&q, a, ts)
		}
		x.quotes = append(x.quotes, q)
	}
}

// mediaNouns name the press after an adjective ("Iraqi media", "state
// television").
var mediaNouns = map[string]bool{"media": true, "newspaper": true, "television": true, "tv": true, "radio": true,
	"reporters": true, "journalists": true, "press": true, "daily": true, "channel": true, "magazine": true,
	"broadcaster": true, "outlets": true, "website": true, "network": true, "agency": true}

// namingCue verbs quote a name or a phrase, not speech: called it “a disgrace”.
var namingCue = map[string]bool{"call": true, "calls": true, "called": true, "calling": true, "describe": true,
	"described": true, "describes": true, "describing": true, "dubbed": true, "labeled": true, "labelled": true,
	"titled": true, "named": true, "branded": true}

// nounUse reports whether a word that can be a cue verb or a medium ("post",
// "tweet") is used as a noun: after a determiner, a possessive or a name.
func nounUse(w, prev string) bool {
	if strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") {
		return true // "Esquire's report": a possessive opens a noun phrase
	}
	if headNoun(w) && prev != "" && prev == lower(prev) && !auxiliary(prev) && !finiteVerbs[prev] && !cueVerb(prev) &&
		!pronouns[prev] && (!strings.HasSuffix(prev, "s") || prev == "news") {
		// ("officials report that…": a plural subject and its verb)
		// "a news report", "a recent report", "a blog post": a lower-case
		// word before a report or a medium is its modifier
		return true
	}
	switch lower(prev) {
	case "a", "an", "the", "his", "their", "its", "my", "our", "your", "these", "those":
		// "the calls ... involved", "the reports": any cue word after a
		// determiner is a noun
		return true
	case "her", "this", "that":
		// "her tweet", "that post"; "that said" is a relative clause
		return mediumNouns[w]
	}
	return mediumNouns[w] && isCap(prev)
}

// capitalsBetween tells whether every word from start up to end is
// capitalised: one title chain ("Richmond County District Attorney").
func capitalsBetween(text string, ts []tok, start, end int) bool {
	for n := tokIndex(ts, start); n < len(ts) && ts[n].s < end; n++ {
		if ts[n].punct || !isCap(ts[n].text(text)) {
			return false
		}
	}
	return true
}
