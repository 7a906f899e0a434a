package entity

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// phrase is a role phrase: an optional determiner, modifiers and a role
// noun head ("the 365 Days star", "Italian actor", "the co-founder of Good
// American"). Indices are token indices; end is exclusive.
type phrase struct {
	start, head, end int
	det              string
	e                *ent // the person it describes, once linked
	// guessed: linked by salience ("the NBA player's" after a name), not by
	// syntax (apposition, premodifier): good enough to follow a mention,
	// not to give anyone an attribute.
	guessed bool
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "'", "‘", "’", "«", "»":
		return true
	}
	return false
}

// roleHead returns the role noun a token names, without a possessive.
func roleHead(low string) (string, bool) {
	low = strings.TrimSuffix(low, "'s")
	_, ok := roles[low]
	return low, ok
}

// headExtent extends a head over "of" and a capitalised name ("founder of
// Good American") and returns the end token.
func (d *doc) headExtent(h int) int {
	end := h + 1
	if d.low(end) == "of" && end+1 < len(d.toks) && d.toks[end+1].cap {
		k := end + 1
		for k < len(d.toks) && (d.toks[k].cap || d.toks[k].low == "&") && d.toks[k].sent == d.toks[h].sent {
			k++
		}
		return k
	}
	return end
}

// phraseFrom reads a role phrase starting at the determiner token k.
func (d *doc) phraseFrom(k int) (phrase, bool) {
	sent := d.toks[k].sent
	for j := k + 1; j < len(d.toks) && j <= k+8; j++ {
		t := d.toks[j]
		if t.sent != sent {
			break
		}
		if h, ok := roleHead(t.low); ok {
			// prefer a later head of a compound ("star player")
			if _, ok2 := roleHead(d.low(j + 1)); ok2 && j+1 < len(d.toks) && h != "" {
				continue
			}
			if j+1 < len(d.toks) && d.toks[j+1].sent == sent && jobNouns[d.low(j+1)] {
				j++ // a job noun after it heads the compound: "an executive engineer"
			}
			return phrase{start: k, head: j, end: d.headExtent(j), det: d.toks[k].low}, true
		}
		if isQuoteMark(t.low) || t.low == "-" {
			continue
		}
		if !t.word {
			break
		}
		if roleStop[t.low] && !(t.cap || d.titleRun(j)) {
			break
		}
		if d.owner[j] != nil {
			break
		}
	}
	return phrase{}, false
}

// titleRun reports whether a lower-case token sits between capitalised
// words, as "the" and "with" do in "Keeping Up With the Kardashians".
func (d *doc) titleRun(j int) bool {
	return j > 0 && j+1 < len(d.toks) && d.toks[j-1].cap && d.toks[j+1].cap
}

// premodifier reads a role phrase ending just before token i (skipping
// quote marks and one comma at a sentence start), as in "Italian actor
// Michele Morrone" or "American socialite, Khloe Kardashian".
func (d *doc) premodifier(i int) (phrase, bool) {
	j := i - 1
	for j >= 0 && isQuoteMark(d.toks[j].low) {
		j--
	}
	comma := false
	if j >= 0 && d.toks[j].low == "," {
		comma = true
		j--
	}
	// abbreviated ranks between the role and the name: "ministry spokesman
	// Maj. Gen. Mohammed al-Askari" ("Kansas Sen. Jerry Moran" has none:
	// the rank is the role)
	if k := j; !comma && j >= 0 {
		for n := 0; n < 3 && k > 1 && d.toks[k].low == "."; n++ {
			if _, hon := honorifics[d.toks[k-1].low]; !hon {
				break
			}
			k -= 2
		}
		if k != j && k >= 0 {
			if _, role := roleHead(d.toks[k].low); role {
				j = k
			}
		}
	}
	if j < 0 || d.toks[j].sent != d.toks[i].sent {
		return phrase{}, false
	}
	if _, ok := roleHead(d.toks[j].low); !ok && !jobNouns[d.toks[j].low] || strings.HasSuffix(d.toks[j].low, "'s") {
		return phrase{}, false
	}
	head := j
	start := j
	seenCap := false    // a capitalised modifier lies between k and the head
	sawAdj := false     // and a pre-name adjective ("former")
	sawOpening := false // and one that opens a role phrase (openingAdj)
	for k := j - 1; k >= 0 && k >= j-6; k-- {
		t := d.toks[k]
		if t.sent != d.toks[i].sent || d.owner[k] != nil {
			break
		}
		if isQuoteMark(t.low) || t.low == "-" {
			start = k
			continue
		}
		if t.low == "." && k >= 1 && placeAbbrev[d.low(k-1)] && d.toks[k-1].cap && d.toks[k+1].cap &&
			d.toks[k-1].sent == t.sent && d.owner[k-1] == nil {
			start = k - 1 // "St. Louis attorney"
			seenCap = true
			k--
			continue
		}
		if !t.word {
			break
		}
		if !t.cap && (roleVerbs[t.low] || d.low(k-1) == "to" && !roleStop[t.low] && !toPreposition[d.low(k-2)]) {
			break // a verb whose object is the phrase: "to play Apple co-founder"
		}
		if !t.cap && k+1 < len(d.toks) && d.toks[k+1].cap && allDigits(t.low) {
			start = k // a number opening a title: "365 Days star", "24 Hours host"
			continue
		}
		if t.cap && sawOpening {
			// "tells 8 News NOW former baseball star Jose Canseco": a
			// role opens with "former", "ex", "late" or "then"; a name
			// before it is another phrase's (an addressee, a subject)
			break
		}
		if !t.cap && (seenCap || sawAdj) && !preNameAdj[t.low] {
			// "believe American journalist", "took former NBA player": a
			// lower-case word before a capitalised modifier (acronyms
			// aside: "reality TV star") is a verb or another phrase's,
			// save the few adjectives that go there, and nothing before
			// those
			break
		}
		if d.titleRun(k) && d.owner[k-1] != nil {
			break // "David Carr and Vice CEO": a name, then another phrase
		}
		if t.low == "born" {
			break // "British born actor": the actor, born British, not a "born actor"
		}
		if (!t.cap || d.afterDash(k) || k > 0 && isQuoteMark(d.low(k-1))) && participle(t.low) &&
			!(k > 0 && d.toks[k-1].cap && d.toks[k-1].sent == t.sent) {
			// (or capitalised only by opening a clause after a quote or a
			// dash: "…” Tweeted Minister Peter MacKay")
			// "beheaded journalist James Foley", "killed missing journalist":
			// a verb or participle, not part of the role ("Award winning
			// actor" keeps its compound).
			break
		}
		if roleStop[t.low] && !(t.cap && t.low != "the" && !d.sentStart(k) && !d.afterDash(k) || d.titleRun(k)) {
			if t.low == "the" || t.low == "a" || t.low == "an" || t.low == "another" {
				start = k
			}
			break
		}
		start = k
		if t.cap && !capsWord(d.text[t.s:t.e]) {
			seenCap = true
		}
		if !t.cap && preNameAdj[t.low] {
			sawAdj = true
			sawOpening = sawOpening || openingAdj[t.low]
		}
	}
	if start == head && head > 0 && verbBefore[d.low(head-1)] {
		return phrase{}, false // "the film will star Karl Holm": the head is a verb
	}
	if comma && start != 0 && d.toks[start-1].sent == d.toks[i].sent {
		return phrase{}, false
	}
	p := phrase{start: start, head: head, end: head + 1}
	if isDet(d.low(start)) || d.low(start) == "another" {
		p.det = d.low(start)
	}
	return p, true
}

// allDigits reports a token of digits only.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isDet(s string) bool { return s == "the" || s == "a" || s == "an" }

// content returns the folded words of a phrase that can match another
// description of the same person: modifiers and the head, without
// determiners, quote marks and ages.
func (d *doc) content(p phrase) []string {
	var out []string
	for k := p.start; k < p.end; k++ {
		t := d.toks[k]
		if !t.word || isDet(t.low) || roleStop[t.low] || ageToken(t.low) > 0 {
			continue
		}
		out = append(out, strings.TrimSuffix(t.low, "'s"))
	}
	return out
}

func (p phrase) span(d *doc) news.Span {
	return news.Span{Start: d.toks[p.start].s, End: d.toks[p.end-1].e}
}

// descriptors finds role phrases and links each to a person: phrases next
// to a name (premodifiers and appositives) to that name, and definite
// descriptions ("the NBA player") to the most salient compatible person.
func (d *doc) descriptors(persons []*ent) []phrase {
	var linked []phrase
	used := map[int]bool{} // phrase start tokens already taken
	// Phrases next to a name.
	for _, e := range persons {
		for _, mi := range e.ments {
			m := d.a.Mentions[mi]
			if m.Via == "descriptor" {
				continue
			}
			i := d.tokAt(m.Span.Start)
			if i >= len(d.toks) {
				continue
			}
			if p, ok := d.premodifier(i); ok && !used[p.start] {
				p.e = e
				used[p.start] = true
				linked = append(linked, p)
			}
			// "NAME, the Y" appositive after the name, unless the name is
			// an object and "the Y" goes on with a speech verb as the next
			// clause's subject ("killed Brown, the family's lawyer tells
			// CNN"); a name opening the sentence keeps it ("Rudaini, the
			// ministry's spokesman said").
			// After "according to", a phrase going on with a verb opens the
			// next clause: "According to Movie Pilot, the director is
			// losing patience"; "according to Ana Ruiz, the mayor of Vale,
			// …" is an apposition.
			j := d.tokEnd(m.Span.End)
			if d.low(j) == "," && isDet(d.low(j+1)) {
				according := i >= 2 && d.low(i-1) == "to" && d.low(i-2) == "according"
				if p, ok := d.phraseFrom(j + 1); ok && !used[p.start] && (!saidVerbs[d.low(p.end)] || d.sentStart(i)) &&
					(!according || !finiteVerbs[d.low(p.end)]) {
					p.e = e
					used[p.start] = true
					linked = append(linked, p)
				}
			}
		}
	}
	// "the Y (and the Z), NAME": appositive before the name.
	for k := range d.toks {
		if d.toks[k].low != "the" || used[k] {
			continue
		}
		p, ok := d.phraseFrom(k)
		if !ok {
			continue
		}
		group := []phrase{p}
		end := p.end
		for {
			if d.low(end) == "and" && d.low(end+1) == "the" {
				if q, ok := d.phraseFromAny(end + 1); ok {
					group = append(group, q)
					end = q.end
					continue
				}
			}
			break
		}
		if d.low(end) == "," && end+1 < len(d.toks) && d.owner[end+1] != nil && d.owner[end+1].typ == news.PER &&
			d.appositive(k, end+1) {
			for _, q := range group {
				q.e = d.owner[end+1]
				used[q.start] = true
				linked = append(linked, q)
			}
		}
	}
	for _, p := range linked {
		for _, w := range d.content(p) {
			p.e.prof[w]++
		}
	}
	// Definite descriptions.
	for k := range d.toks {
		if used[k] || (d.toks[k].low != "the") {
			continue
		}
		p, ok := d.phraseFrom(k)
		if !ok {
			continue
		}
		used[k] = true
		if d.toks[p.head].cap && !d.sentStart(p.head) {
			continue // a name, not a description: "The Hollywood Reporter"
		}
		if e := d.pickDescribed(p, persons); e != nil {
			p.e, p.guessed = e, true
			for _, w := range d.content(p) {
				e.prof[w]++
			}
			linked = append(linked, p)
			d.setOwner(p.span(d), e)
		}
	}
	for _, p := range linked {
		sp := p.span(d)
		p.e.ments = append(p.e.ments, len(d.a.Mentions))
		d.a.Mentions = append(d.a.Mentions, news.Mention{Span: sp, Text: d.text[sp.Start:sp.End], Type: news.PER,
			Key: p.e.key, Name: p.e.name, Via: "descriptor", Guessed: p.guessed})
		d.setOwner(sp, p.e)
	}
	return linked
}

// sentStart reports whether token k opens its sentence (quote marks and
// dashes before it aside).
func (d *doc) sentStart(k int) bool {
	j := k - 1
	for j >= 0 && (isQuoteMark(d.toks[j].low) || d.toks[j].low == "-" || d.toks[j].low == "(") {
		j--
	}
	return j < 0 || d.toks[j].sent != d.toks[k].sent
}

// afterDash reports whether token k opens a clause after a dash, a colon
// or a bar, where a capitalised function word is no name's: "New York
// (CNN) -- When war reporter James Foley…", "ANALYSIS | Has 'rock star'
// Pope Francis…".
func (d *doc) afterDash(k int) bool {
	if k < 1 {
		return false
	}
	switch d.toks[k-1].low {
	case "—", "–", ":", "|":
		return true
	case "-":
		return k >= 2 && d.toks[k-2].low == "-"
	}
	return false
}

// appositive reports whether "the Y, NAME" (the phrase from token p, the
// name from token n) is an apposition. It is when the name is closed off by
// punctuation ("the director, Danny Boyle, said"), or when the phrase
// opens the sentence ("The director, Boyle said"); a phrase in an opening
// clause or after a preposition, followed by a name that goes on with a
// verb, ends one clause where the name starts the next: "about the late
// Apple co-founder, Bale has dropped", "According to The Hollywood
// Reporter, Bale decided".
func (d *doc) appositive(p, n int) bool {
	e := d.owner[n]
	j := n
	for j < len(d.toks) && d.owner[j] == e {
		j++
	}
	if j < len(d.toks) && isQuoteMark(d.toks[j].low) && p > 0 && prepositions[d.low(p-1)] {
		return false // "According to The Hollywood Reporter, Bale “came to…”": a quote opens the name's clause
	}
	return d.closed(j, d.toks[n].sent) || d.sentStart(p)
}

// prepositions before a phrase make it an object, not a subject's apposition.
var prepositions = map[string]bool{"to": true, "by": true, "from": true, "with": true, "of": true, "in": true,
	"for": true, "about": true, "on": true, "at": true}

// closed reports whether token j ends a phrase of sentence sent: the end
// of the sentence, punctuation or a quote mark.
func (d *doc) closed(j, sent int) bool {
	if j >= len(d.toks) || d.toks[j].sent != sent {
		return true
	}
	switch d.toks[j].low {
	case ",", ".", ";", ":", ")", "-", "—", "–", "(", "!", "?":
		return true
	}
	return isQuoteMark(d.toks[j].low)
}

// toPreposition are the words after which "to" is a preposition, not the
// mark of a verb: "close to reality TV star X", "married to former model X".
var toPreposition = set(`close closer next according thanks due married engaged related similar compared near up on back
spoke speaking talking talked told wrote writing sent tribute nod letter message sister brother son daughter
mother father wife husband heir successor adviser advisor aide assistant deputy`)

// preNameAdj are the lower-case adjectives that go before a capitalised
// modifier of a role: "former Apple CEO", "late Apple co-founder".
var preNameAdj = set(`former late then new ex veteran famed legendary fellow current acting interim outgoing incoming
deputy senior junior chief top longtime long-time founding beloved celebrated renowned disgraced embattled retired`)

// placeAbbrev are the abbreviations that open place names: "St. Louis",
// "Ft. Worth", "Mt. Vernon".
var placeAbbrev = set(`st ft mt`)

// openingAdj are the pre-name adjectives that open a role phrase: nothing
// capitalised comes before them in it ("former Apple CEO", never "Apple
// former CEO"), unlike "Boeing chief executive" or "White House senior
// adviser".
var openingAdj = set(`former ex late then`)

// saidVerbs are the speech verbs that make the phrase before them a clause
// subject.
var saidVerbs = set(`said says say told tells tell added adds wrote writes confirmed confirms explained explains stated
states noted notes claimed claims insisted insists argued argues announced announces reported reports dismissed
dismisses denied denies replied replies warned warns revealed reveals`)

// finiteVerbs are auxiliaries and copulas that make the phrase before them
// a clause's subject.
var finiteVerbs = set(`is was are were has have had will would can could may might must shall should does did do
isn't wasn't aren't weren't hasn't haven't hadn't won't wouldn't can't couldn't doesn't didn't don't`)

// verbBefore are the words after which a role noun reads as a verb.
var verbBefore = set(`to will would can could may might must shall should do does did not never also`)

// participle reports whether a lower-case word reads as a verb form in -ed
// or -ing ("beheaded", "killing"), not a hyphenated compound.
func participle(low string) bool {
	if strings.ContainsRune(low, '-') || len(low) < 5 {
		return false
	}
	return strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "ing")
}

// phraseFromAny reads a phrase from a determiner whose head may also be a
// kinship word ("the father of her two kids").
func (d *doc) phraseFromAny(k int) (phrase, bool) {
	if p, ok := d.phraseFrom(k); ok {
		return p, true
	}
	for j := k + 1; j < len(d.toks) && j <= k+7; j++ {
		if d.toks[j].low == "," || d.toks[j].sent != d.toks[k].sent {
			return phrase{}, false
		}
		if _, ok := kinship[d.toks[j].low]; ok {
			end := j + 1
			for end < len(d.toks) && d.toks[end].low != "," && end-k < 10 && d.toks[end].sent == d.toks[k].sent {
				end++
			}
			return phrase{start: k, head: j, end: end, det: "the"}, true
		}
	}
	return phrase{}, false
}

// clauseBreak are words that open a new clause.
var clauseBreak = set(`, ; : although though but while after before because when since whereas — –`)

// pickDescribed chooses the person a definite description refers to.
func (d *doc) pickDescribed(p phrase, persons []*ent) *ent {
	at := d.toks[p.start].s
	cur := d.toks[p.start].sent
	g := ""
	subj := d.subjectOfObject(p.start)
	if r := roles[strings.TrimSuffix(d.low(p.head), "'s")]; r.gender != "" {
		g = r.gender
	} else if subj == nil {
		// a pronoun soon after, with no other person between, tells the gender
		for k := p.end; k < len(d.toks) && k < p.end+10 && d.toks[k].sent == cur; k++ {
			if d.owner[k] != nil {
				break
			}
			if pg, ok := pronounGender[d.toks[k].low]; ok && !inSpans(d.quotes, d.toks[k].s) {
				g = pg
				break
			}
		}
	}
	content := d.content(p)
	excl := d.coordinated(p)
	if subj != nil {
		// "Ella Moon, who dated the 29-year-old US swimmer": the object
		// of someone's verb is someone else, and a pronoun after it is
		// more likely the subject's
		excl[subj] = true
	}
	head, _ := roleHead(d.low(p.head))
	var best *ent
	bs := 0.0
	for _, e := range persons {
		if g != "" && e.gender != "" && e.gender != g || excl[e] {
			continue
		}
		if speaksForOthers[head] && e.prof[head] == 0 {
			// "the spokesperson said" is someone's spokesperson, not the
			// person the article is about, unless described so before
			continue
		}
		s := 0.0
		sameClause, outside := false, false
		for _, mi := range e.ments {
			m := d.a.Mentions[mi]
			if m.Span.Start >= at || m.Via == "descriptor" && m.Span.Start >= at {
				continue
			}
			ms := d.sentOf(m.Span.Start)
			dist := cur - ms
			w := 1.0 / float64(1+dist)
			if d.firstPerson(ms) == e {
				w += 1.0 / float64(1+dist)
			}
			if inSpans(d.quotes, m.Span.Start) {
				w *= 0.3
			} else {
				outside = true
			}
			s += w
			if dist == 0 && !d.breakBetween(d.tokAt(m.Span.End), p.start) {
				sameClause = true
			}
		}
		if s == 0 || !outside {
			continue // named only inside quoted words ("…got married during Same Love…"): not whom the text describes
		}
		for _, w := range content {
			if e.prof[w] > 0 && w != head {
				s += 3
			} else if e.prof[w] > 0 {
				s++
			}
		}
		if g != "" && e.gender == "" {
			s *= 0.5
		}
		if sameClause {
			s -= 2
		}
		if s > bs {
			best, bs = e, s
		}
	}
	if best != nil && bs > 0 {
		return best
	}
	if best == nil && subj == nil {
		// Nothing before: a lead sentence names the person after (not
		// when the phrase is the object of someone's verb: who comes
		// after is as likely that someone, or yet another person).
		for k := p.end; k < len(d.toks) && d.toks[k].sent <= cur+1; k++ {
			if e := d.owner[k]; e != nil && e.typ == news.PER && (g == "" || e.gender == "" || e.gender == g) && !inSpans(d.quotes, d.toks[k].s) {
				return e
			}
		}
	}
	return nil
}

// subjectOfObject returns the person whose verb has the phrase starting at
// token k as its object: "Ella Moon dated the swimmer", "Ella Moon, who
// dated the swimmer" (at most three lower-case words between), or nil.
func (d *doc) subjectOfObject(k int) *ent {
	j := k - 1
	for n := 0; n < 3 && j >= 0 && d.toks[j].word && !d.toks[j].cap && d.owner[j] == nil; n++ {
		if roleStop[d.toks[j].low] && d.toks[j].low != "who" {
			return nil // a preposition, a conjunction, an auxiliary: not a verb's object
		}
		if d.toks[j].low == "who" {
			break
		}
		j--
	}
	if j == k-1 || j < 0 {
		return nil // no verb between
	}
	if d.low(j) == "who" {
		j--
		if d.low(j) == "," {
			j--
		}
	}
	if j >= 0 && d.toks[j].sent == d.toks[k].sent {
		if e := d.owner[j]; e != nil && e.typ == news.PER {
			return e
		}
	}
	return nil
}

// speaksForOthers are roles whose holder speaks for someone else: a
// definite "the spokesperson" is a person of the story only when it was
// described so before.
var speaksForOthers = map[string]bool{"spokesperson": true, "spokesman": true, "spokeswoman": true,
	"representative": true, "rep": true, "publicist": true, "lawyer": true, "attorney": true, "aide": true,
	"official": true, "source": true, "agent": true, "manager": true, "spokespeople": true}

// coordinated returns the persons joined to a phrase by "and" or "with"
// ("Morrone, 31, and the reality TV star"): they are other people.
func (d *doc) coordinated(p phrase) map[*ent]bool {
	out := map[*ent]bool{}
	skip := func(k, step int) int {
		for k >= 0 && k < len(d.toks) && (d.toks[k].low == "," || isQuoteMark(d.toks[k].low)) {
			k += step
		}
		if _, ok := parseNumber(d.low(k)); ok {
			k += step
		}
		for k >= 0 && k < len(d.toks) && (d.toks[k].low == "," || isQuoteMark(d.toks[k].low)) {
			k += step
		}
		return k
	}
	k := skip(p.start-1, -1)
	if l := d.low(k); l == "and" || l == "&" || l == "with" {
		if j := skip(k-1, -1); j >= 0 && d.owner[j] != nil {
			out[d.owner[j]] = true
		}
	}
	k = skip(p.end, 1)
	if l := d.low(k); l == "and" || l == "&" || l == "with" {
		if j := skip(k+1, 1); j < len(d.toks) && d.owner[j] != nil {
			out[d.owner[j]] = true
		}
	}
	return out
}

func (d *doc) breakBetween(i, j int) bool {
	for k := i; k < j && k < len(d.toks); k++ {
		if clauseBreak[d.toks[k].low] {
			return true
		}
	}
	return false
}

// firstPerson returns the first person named (not described) in sentence s.
func (d *doc) firstPerson(s int) *ent {
	if s < 0 || s >= len(d.firstPer) {
		return nil
	}
	return d.firstPer[s]
}

func (d *doc) setOwner(sp news.Span, e *ent) {
	for k := d.tokAt(sp.Start); k < len(d.toks) && d.toks[k].s < sp.End; k++ {
		d.owner[k] = e
	}
}

// capsWord reports a short word in capitals ("TV", "NBA").
func capsWord(w string) bool {
	return len(w) <= 5 && strings.ToUpper(w) == w
}
