package quote

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/dates"
	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// candidate kinds.
const (
	kName = iota + 1
	kPronoun
	kRole
)

// cand is a possible speaker in the text: a name, a pronoun or a role noun
// phrase ("a rep for the actor").
type cand struct {
	span   news.Span
	kind   int
	text   string // surface form (without possessive)
	key    string // Mention.Key when from the entity stage
	name   string // resolved full name
	role   string // canonical role for kRole
	forNP  string // "Morrone", "the 365 Days star": whom a role speaks for, as written
	poss   bool   // possessive ("Morrone's")
	person bool   // known person (PER mention) or looks like one
	weak   bool   // an organisation-like or dateline name: a speaker only when nothing better
	common bool   // a lone clause-initial capital the recogniser did not tag: never a speaker
}

// pickFirst returns the first candidate that is not weak, else the first.
func pickFirst(cs []cand) cand {
	for _, c := range cs {
		if !c.weak {
			return c
		}
	}
	return cs[0]
}

// candidates finds speaker candidates among ts[i:j].
func (x *extraction) candidates(ts []tok, i, j int) []cand {
	var out []cand
	text := x.text
	depth := 0 // inside parentheses: an aside ("(D-Mich.)", "(pictured)") names no speaker
	for k := i; k < j; k++ {
		t := ts[k]
		if t.punct {
			switch text[t.s] {
			case '(':
				depth++
			case ')':
				depth = max(0, depth-1)
			}
			continue
		}
		if depth > 0 {
			continue
		}
		w := t.text(text)
		lw := lower(w)
		// a mention from the entity stage
		if m, ok := x.mentionAt(t.s); ok {
			end := k
			for end+1 < j && ts[end+1].s < m.Span.End {
				end++
			}
			if m.Type != news.PER && x.tagged && possessedAfter(ts, i, k, text) {
				k = end // "Its URL reads", "their Facebook page": a thing of someone's, no speaker
				continue
			}
			c := cand{span: m.Span, kind: kName, text: m.Text, key: m.Key, name: m.Name, person: m.Type == news.PER}
			if c.name == "" {
				c.name = m.Text
			}
			c.name, c.poss = stripPossessive(c.name)
			if _, p := stripPossessive(ts[end].text(text)); p || plainApostrophe(text, m.Span.End) {
				c.poss = true
			}
			out = append(out, x.roleAround(ts, k, end, j, c))
			k = end
			continue
		}
		if p, ok := pronouns[lw]; ok && p {
			out = append(out, cand{span: news.Span{Start: t.s, End: t.e}, kind: kPronoun, text: w})
			continue
		}
		if determiners[lw] || lw == "reps" || lw == "fans" || lw == "sources" || lw == "insiders" || lw == "critics" || lw == "officials" {
			if c, end, ok := x.roleNP(ts, k, j); ok {
				out = append(out, c)
				k = end
				continue
			}
		}
		if isCap(w) && !capStop[w] && !pronounContraction(w) {
			end := k
			prefix := false // the run reached a name of the recogniser's
			for end+1 < j && !ts[end+1].punct && (isCap(ts[end+1].text(text)) || connector(ts[end+1].text(text)) && end+2 < j && isCap(ts[end+2].text(text))) {
				if _, p := stripPossessive(ts[end].text(text)); p {
					break
				}
				if _, ok := x.mentionAt(ts[end+1].s); ok {
					prefix = true
					break
				}
				end++
			}
			if prefix {
				// The capitalised words before a recognised name are a title
				// or a time ("Rear Admiral John Kirby", "Veterans Affairs
				// Minister Julian Fantino", "Yesterday Mike Omeri"): the
				// name is the candidate.
				k = end
				continue
			}
			// a lone sentence-initial capital that the recogniser did not tag
			// is a common word or a heading ("Comments"), no name
			common := false
			if end == k && x.tagged && (k == 0 || sentenceEnd(text, ts, k-1) || k == i) && k+1 < len(ts) && !ts[k+1].punct {
				nw := ts[k+1].text(text)
				common = !isCap(nw) && !cueVerb(lower(nw)) && !auxiliary(lower(nw))
			}
			// "The Oct. 20 Washington Post story's correction reads": a
			// month before a number is a date, no speaker
			if end == k && dates.IsMonth(strings.TrimSuffix(lw, ".")) && end+1 < j && digitsOnly(ts[end+1].text(text)) {
				continue
			}
			// "his 2005 EP The Language of My World", "her Instagram": a
			// capitalised run the recogniser left untagged after a
			// possessive is a thing of someone's, no speaker
			if x.tagged && possessedAfter(ts, i, k, text) {
				k = end
				continue
			}
			// "the FAKE story": a word in capitals the recogniser left
			// untagged, between a determiner and a lower-case word, is
			// emphasis on that word; the phrase, not the word, may speak
			if x.tagged && end == k && words.AllCaps(w) && k > i && determiners[lower(ts[k-1].text(text))] && end+1 < j && !ts[end+1].punct {
				if nw := ts[end+1].text(text); !isCap(nw) && !cueVerb(lower(nw)) && !auxiliary(lower(nw)) && !finiteVerbs[lower(nw)] {
					k = end
					continue
				}
			}
			// "the Algerian report", "Jordanian government spokesman": an
			// adjective, never a speaker; "an Algerian said" and "Mexicans
			// often say" are people
			adjective := end == k && entity.Belonging(lw) &&
				!(k > i && determiners[lower(ts[k-1].text(text))] && (end+1 >= j || ts[end+1].punct || cueVerb(lower(ts[end+1].text(text)))))
			name := text[ts[k].s:ts[end].e]
			nm, poss := stripPossessive(name)
			poss = poss || plainApostrophe(text, ts[end].e)
			c := cand{span: news.Span{Start: ts[k].s, End: ts[k].s + len(nm)}, kind: kName, text: nm, name: x.resolveName(nm, ts[k].s), poss: poss, person: true}
			common = common || adjective
			c.weak = common || isDateline(text, c) || orgLike(nm) || end+1 < j && !ts[end+1].punct && roleFollows(lower(ts[end+1].text(text)))
			c.person, c.common = !common, common
			out = append(out, x.roleAround(ts, k, end, j, c))
			k = end
			continue
		}
	}
	return out
}

// plainApostrophe reports the possessive of a name ending in s written
// with an apostrophe alone right after it ("Woods’ agent"), which the
// tokens may leave apart from the name.
func plainApostrophe(text string, end int) bool {
	if end <= 0 || end >= len(text) || text[end-1] != 's' && text[end-1] != 'S' {
		return false
	}
	rest := text[end:]
	for _, ap := range []string{"'", "’"} {
		if strings.HasPrefix(rest, ap) {
			after := rest[len(ap):]
			return after == "" || after[0] == ' ' || after[0] == ','
		}
	}
	return false
}

func connector(w string) bool {
	return w == "de" || w == "van" || w == "von" || w == "da" || w == "del" || w == "der" || w == "la" || w == "bin" || w == "al"
}

// roleAround turns a possessive name followed by a role noun ("Morrone's
// rep") into a role candidate speaking for the name.
func (x *extraction) roleAround(ts []tok, k, end, j int, c cand) cand {
	if c.poss && end+1 < j {
		if t := ts[end+1].text(x.text); t == "'" || t == "’" {
			end++ // "Woods’ agent": the apostrophe stands apart
		}
		// up to two modifiers before the role noun
		for n := end + 1; n < j && n <= end+3; n++ {
			if ts[n].punct {
				break
			}
			lw := lower(ts[n].text(x.text))
			if r, ok := roleNouns[lw]; ok {
				return cand{span: news.Span{Start: c.span.Start, End: ts[n].e}, kind: kRole, text: x.text[c.span.Start:ts[n].e],
					role: r, forNP: c.name, name: c.name}
			}
		}
	}
	return c
}

// roleNP reads a role noun phrase at ts[k]: a determiner, up to four
// modifiers, a role noun, and an optional "for X" / "close to X" / "of X".
func (x *extraction) roleNP(ts []tok, k, j int) (cand, int, bool) {
	text := x.text
	n := k
	if determiners[lower(ts[k].text(text))] {
		n++
		if n < j && !ts[n].punct && determiners[lower(ts[n].text(text))] {
			k, n = n, n+1 // "posted on Twitter that a doctor said": the phrase is "a doctor"
		}
	}
	head := -1
	for m := n; m < j && m <= n+4; m++ {
		if ts[m].punct {
			// "a Twitter-user," : stop at punctuation
			break
		}
		w := ts[m].text(text)
		if _, ok := pronouns[lower(w)]; ok {
			break
		}
		if cueVerb(lower(w)) && m > n {
			break
		}
		if m > n && (npStop[lower(w)] || determiners[lower(w)]) {
			break // "The discussion started with an article": another phrase
		}
		if _, ok := roleNouns[lower(w)]; ok {
			head = m
			// a following role noun extends the head: "campaign spokesman"
			if m+1 < j && !ts[m+1].punct {
				if _, ok2 := roleNouns[lower(ts[m+1].text(text))]; ok2 {
					continue
				}
			}
			break
		}
	}
	if head < 0 || head+1 < j && x.personAt(ts[head+1]) {
		// "his friend Noor Vale": the name after the role is the speaker
		return cand{}, k, false
	}
	lw := lower(ts[head].text(text))
	c := cand{kind: kRole, role: roleNouns[lw]}
	end := head
	// whom the role speaks for
	if end+2 < j && !ts[end+1].punct {
		p := lower(ts[end+1].text(text))
		start := end + 2
		if p == "close" && end+2 < j && lower(ts[end+2].text(text)) == "to" {
			start = end + 3
			p = "for"
		}
		if (p == "for" || p == "of" || p == "to" || p == "with") && start < j {
			e := start
			for e+1 < j && !ts[e+1].punct && e-start < 5 && !cueVerb(lower(ts[e+1].text(text))) {
				if _, ok := pronouns[lower(ts[e+1].text(text))]; ok {
					break
				}
				e++
			}
			// keep the phrase up to its last capitalised or role word
			for e > start && !isCap(ts[e].text(text)) {
				if _, ok := roleNouns[lower(ts[e].text(text))]; ok {
					break
				}
				e--
			}
			if _, role := roleNouns[lower(ts[e].text(text))]; e >= start && (role || isCap(ts[e].text(text))) {
				// not "the narrator of a": a phrase of no name or role
				c.forNP = text[ts[start].s:ts[e].e]
				end = e
			}
		}
	}
	c.span = news.Span{Start: ts[k].s, End: ts[end].e}
	c.text = text[c.span.Start:c.span.End]
	return c, end, true
}

func cueVerb(lw string) bool {
	_, ok := cueVerbs[lw]
	return ok
}

// resolveName expands a surname or first name to the latest full name seen
// before pos that contains it ("Morrone" -> "Michele Morrone").
func (x *extraction) resolveName(nm string, pos int) string {
	if strings.ContainsRune(nm, ' ') {
		x.noteName(nm, pos)
		return stripHonorific(nm)
	}
	// The latest full name before pos that has nm as one of its parts,
	// through an index of the parts (not a scan of every name seen).
	idx := x.namesByPart[fold(nm)]
	for k := len(idx) - 1; k >= 0; k-- {
		if f := x.names[idx[k]]; f.pos < pos {
			return f.name
		}
	}
	return nm
}

func stripHonorific(nm string) string {
	if i := strings.IndexByte(nm, ' '); i > 0 && honorifics[nm[:i]] {
		return nm[i+1:]
	}
	return nm
}

func (x *extraction) noteName(nm string, pos int) {
	if x.frozen {
		return
	}
	nm = stripHonorific(nm)
	if !strings.ContainsRune(nm, ' ') {
		return
	}
	if len(x.names) > 0 && x.names[len(x.names)-1].name == nm {
		return
	}
	if x.namesByPart == nil {
		x.namesByPart = map[string][]int{}
	}
	seen := map[string]bool{}
	for _, part := range strings.Fields(nm) {
		if f := fold(part); !seen[f] {
			seen[f] = true
			x.namesByPart[f] = append(x.namesByPart[f], len(x.names))
		}
	}
	x.names = append(x.names, seenName{name: nm, pos: pos})
}

type seenName struct {
	name string
	pos  int
}

// resolveFor turns what a role speaks for into an entity name: a name is
// expanded; a descriptor ("the actor", "the 365 Days star") is the
// article's most mentioned person before pos.
func (x *extraction) resolveFor(np string, pos int) string {
	if np == "" {
		return ""
	}
	w := strings.Fields(np)
	if isCap(w[0]) && !capStop[w[0]] {
		nm, _ := stripPossessive(np)
		if m, ok := x.mentionAt(pos); ok && m.Name != "" {
			return m.Name
		}
		return x.resolveName(nm, pos)
	}
	lw := lower(w[0])
	if lw == "the" && len(w) > 1 && isCap(w[len(w)-1]) {
		return np // a name of its own: "the leader of the Catholic Church"
	}
	if lw == "the" || lw == "his" || lw == "her" {
		last := lower(w[len(w)-1])
		if _, ok := roleNouns[last]; ok || len(w) > 1 {
			if p := x.mainPerson(pos); p != "" {
				return p
			}
		}
	}
	return np
}

// mainPerson is the person with the most mentions before pos.
func (x *extraction) mainPerson(pos int) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for _, m := range x.personMentions {
		if m.pos >= pos {
			break
		}
		counts[m.name]++
		if c := counts[m.name]; c > bestN || c == bestN {
			best, bestN = m.name, c
		}
	}
	return best
}

// orgLike reports a capitalised run naming a body, place or group.
func orgLike(nm string) bool {
	for _, w := range strings.Fields(nm) {
		if notPersonWords[w] {
			return true
		}
	}
	return false
}

// roleFollows reports a lower-case role noun after a capitalised word: the
// word is a modifier ("Republican pollster"), not the speaker.
func roleFollows(w string) bool {
	_, ok := roleNouns[w]
	return ok
}

// personAt tells whether the token t opens a person's name: a PER mention
// of the recogniser's, or, when the recogniser gave none for the article,
// a capitalised word that can start one.
func (x *extraction) personAt(t tok) bool {
	if t.punct {
		return false
	}
	if len(x.mentions) == 0 {
		w := t.text(x.text)
		return isCap(w) && !capStop[w]
	}
	m, ok := x.mentionAt(t.s)
	return ok && m.Type == news.PER
}

// pronounContraction tells a pronoun with a verb's contraction glued to it
// ("They've", "We're", "I'm"): no name, though capitalised.
func pronounContraction(w string) bool {
	i := strings.IndexAny(w, "'’")
	return i > 0 && isPronounWord(w[:i])
}

// possessedAfter tells whether the token before ts[k], numbers aside
// ("his 2005 EP"), is a possessive determiner, within ts[i:].
func possessedAfter(ts []tok, i, k int, text string) bool {
	m := k - 1
	for m >= i && !ts[m].punct && strings.IndexFunc(ts[m].text(text), func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		m--
	}
	if m < i || ts[m].punct {
		return false
	}
	switch lower(ts[m].text(text)) {
	case "his", "her", "their", "its", "our", "my", "your":
		return true
	}
	return false
}

// digitsOnly tells whether w is a number written in digits ("20", "1st" is not).
func digitsOnly(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
