package entity

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/dates"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// ageToken reads "31-year-old", "four-year-old" or "thirty-one-year-old"
// and returns the age, or 0.
func ageToken(low string) int {
	for _, suf := range []string{"-year-old", "-years-old", "-year-olds"} {
		if n, ok := strings.CutSuffix(low, suf); ok {
			if v, ok := parseNumber(n); ok && v > 0 && v < 120 {
				return v
			}
		}
	}
	return 0
}

func (d *doc) emit(e *ent, name, value string, sp news.Span) {
	if e == nil || value == "" {
		return
	}
	if name == "occupation" {
		value = lowerRole(value)
	}
	for _, a := range d.attrs {
		if a.Key == e.key && a.Name == name && a.Value == value && a.Span == sp {
			return
		}
	}
	d.attrs = append(d.attrs, news.AttrMention{Key: e.key, Name: name, Value: value, Span: sp})
}

// subjects returns the persons a predicate at token i is about: the
// nearest person named, described or referred to by a pronoun before it in
// the sentence, with any persons coordinated with it ("Khloé and Morrone").
func (d *doc) subjects(i int) ([]*ent, int) {
	if i <= 0 || i > len(d.toks) {
		return nil, -1
	}
	sent := d.toks[min(i, len(d.toks)-1)].sent
	for k := i - 1; k >= 0 && k >= i-20 && d.toks[k].sent == sent; k-- {
		if e := d.owner[k]; e != nil && e.typ == news.PER {
			out := []*ent{e}
			start := k
			for start > 0 && d.owner[start-1] == e {
				start--
			}
			// coordinated persons before: "X and Y", "X, Y and Z"
			for c := start - 1; c > 0 && (d.toks[c].low == "and" || d.toks[c].low == "&" || d.toks[c].low == ","); {
				o := d.owner[c-1]
				if o == nil || o.typ != news.PER {
					break
				}
				out = append(out, o)
				c--
				for c > 0 && d.owner[c-1] == o {
					c--
				}
				start = c
				c--
			}
			return out, start
		}
		if _, ok := pronounGender[d.toks[k].low]; ok && (d.toks[k].low == "he" || d.toks[k].low == "she" || strings.Contains(d.toks[k].low, "'")) {
			if key, ok := d.res.Resolve(d.toks[k].s, d.toks[k].low); ok {
				if e := d.byKey[key]; e != nil {
					return []*ent{e}, k
				}
			}
			return nil, -1
		}
	}
	return nil, -1
}

// spanFrom is the stating span from token a to the end of token b.
func (d *doc) spanFrom(a, b int) news.Span {
	if a < 0 || a > b {
		a = b
	}
	return news.Span{Start: d.toks[a].s, End: d.toks[b].e}
}

func (d *doc) emitSubjects(i int, name, value string, endTok int) {
	es, st := d.subjects(i)
	for _, e := range es {
		d.emit(e, name, value, d.spanFrom(st, endTok))
	}
}

// emitLinked is emitSubjects for a description that must be linked to its
// subject by the syntax: only linking words stand between the two ("X, who
// is now 31 years old", "X is a 31-year-old", "X, aged 31"), not "X is the
// mother of a 1-year-old girl", whose age is the girl's.
func (d *doc) emitLinked(i int, name, value string, endTok int) {
	d.emitLinkedBy(i, name, value, endTok, nil)
}

// emitLinkedBy is emitLinked with more linking words allowed.
func (d *doc) emitLinkedBy(i int, name, value string, endTok int, more map[string]bool) {
	es, st := d.subjects(i)
	if len(es) == 0 {
		return
	}
	k := st
	if d.owner[k] == nil {
		k++ // past a pronoun subject ("he", "he's")
	}
	for k < i && d.owner[k] != nil {
		k++ // past the subject's name
	}
	for ; k < i; k++ {
		if o := d.owner[k]; o != nil && slices.Contains(es, o) {
			continue // "X and Y are married"
		}
		if !linkWords[d.low(k)] && !more[d.low(k)] && !(more != nil && isQuoteMark(d.low(k))) {
			return
		}
	}
	for _, e := range es {
		d.emit(e, name, value, d.spanFrom(st, endTok))
	}
}

// linkWords may stand between a person and a description of them.
var linkWords = map[string]bool{",": true, "(": true, "who": true, "is": true, "was": true, "'s": true, "’s": true,
	"be": true, "been": true, "now": true, "just": true, "only": true, "about": true, "nearly": true, "almost": true,
	"then": true, "still": true, "currently": true, "reportedly": true, "turned": true, "turns": true, "a": true,
	"an": true, "and": true, "aged": true, "she": true, "he": true, "believed": true, "thought": true, "said": true,
	"understood": true, "to": true}

// personAfter returns the person named at token i, skipping one comma.
func (d *doc) personAfter(i int) (*ent, int) {
	if d.low(i) == "," {
		i++
	}
	if i < len(d.toks) && d.owner[i] != nil && d.owner[i].typ == news.PER {
		e := d.owner[i]
		j := i
		for j+1 < len(d.toks) && d.owner[j+1] == e {
			j++
		}
		return e, j
	}
	return nil, -1
}

// attributes reads ages, places, ties, status, occupations and
// nationalities stated about persons.
func (d *doc) attributes(linked []phrase) {
	d.ages()
	d.places()
	d.relations()
	d.status()
	d.roleAttrs(linked)
	d.predicates()
}

func (d *doc) ages() {
	for k, t := range d.toks {
		if age := ageToken(t.low); age > 0 {
			v := strconv.Itoa(age)
			switch {
			case d.owner[k] != nil:
				// inside a description: "the 38-year-old media personality"
				st := k
				for st > 0 && d.owner[st-1] == d.owner[k] {
					st--
				}
				d.emit(d.owner[k], "age", v, d.spanFrom(st, k))
			default:
				// "a four-year-old daughter, True"
				if _, ok := kinship[d.low(k+1)]; ok {
					if e, j := d.personAfter(k + 2); e != nil {
						d.emit(e, "age", v, d.spanFrom(k, j))
						continue
					}
				}
				if e := d.ownerAt(k + 1); e != nil && e.typ == news.PER && d.toks[k+1].cap {
					// "named locally as 24-year-old Li Zhenghua": the age
					// stands right before the name
					j := k + 1
					for j+1 < len(d.toks) && d.owner[j+1] == e {
						j++
					}
					d.emit(e, "age", v, d.spanFrom(k, j))
					continue
				}
				if _, ok := roles[d.low(k+1)]; ok || isDet(d.low(k-1)) {
					d.emitLinked(k, "age", v, k)
				}
			}
			continue
		}
		n, ok := parseNumber(t.low)
		if !ok || n <= 0 || n >= 120 {
			continue
		}
		// "Morrone, 31," and "Morrone (31)"
		if (d.low(k-1) == "," && isAgeEnd(d.low(k+1)) || d.low(k-1) == "(" && d.low(k+1) == ")") && k >= 2 {
			if e := d.owner[k-2]; e != nil && e.typ == news.PER {
				st := k - 2
				for st > 0 && d.owner[st-1] == e {
					st--
				}
				d.emit(e, "age", strconv.Itoa(n), d.spanFrom(st, k+1))
			}
			continue
		}
		// "who is now 31 years old", "aged 31"
		if (d.low(k+1) == "years" || d.low(k+1) == "year") && d.low(k+2) == "old" {
			if d.whenClause(k) {
				continue // "began her career when she was 20 years old": an age back then
			}
			d.emitLinked(k, "age", strconv.Itoa(n), k+2)
		} else if d.low(k-1) == "aged" {
			d.emitLinked(k-1, "age", strconv.Itoa(n), k)
		}
	}
}

// whenClause reports whether token k stands in a clause opened by "when"
// (no comma or sentence end between): what it says held at another time.
func (d *doc) whenClause(k int) bool {
	for j := k - 1; j >= 0 && j >= k-6 && d.toks[j].sent == d.toks[k].sent; j-- {
		switch d.toks[j].low {
		case "when":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return false
}

func isAgeEnd(s string) bool { return s == "," || s == ")" || s == "." || s == ";" || s == "and" }

// place cues: the folded words, the attribute they give.
var placeCues = []struct {
	words []string
	attr  string
}{
	{[]string{"hailing", "from"}, "hometown"}, {[]string{"hails", "from"}, "hometown"},
	{[]string{"native", "of"}, "hometown"}, {[]string{"originally", "from"}, "hometown"},
	{[]string{"grew", "up", "in"}, "hometown"}, {[]string{"born", "and", "raised", "in"}, "hometown"},
	{[]string{"raised", "in"}, "hometown"}, {[]string{"hometown", "of"}, "hometown"},
	{[]string{"born", "in"}, "birthplace"},
	{[]string{"resides", "in"}, "residence"}, {[]string{"reside", "in"}, "residence"},
	{[]string{"lives", "in"}, "residence"}, {[]string{"living", "in"}, "residence"},
	{[]string{"based", "in"}, "residence"}, {[]string{"resident", "of"}, "residence"},
}

func (d *doc) matchWords(k int, ws []string) bool {
	for j, w := range ws {
		if d.low(k+j) != w {
			return false
		}
	}
	return true
}

func (d *doc) places() {
	for k := range d.toks {
		for _, c := range placeCues {
			if !d.matchWords(k, c.words) {
				continue
			}
			v := k + len(c.words)
			if v >= len(d.toks) {
				continue
			}
			if c.attr == "birthplace" {
				if y, err := strconv.Atoi(d.low(v)); err == nil && y > 1800 && y < 2100 {
					d.emitSubjects(k, "birth_year", strconv.Itoa(y), v)
					continue
				}
			}
			end := v
			for end < len(d.toks) && d.toks[end].cap && d.toks[end].word && end-v < 4 {
				end++
			}
			if end == v {
				continue
			}
			d.emitSubjects(k, c.attr, d.text[d.toks[v].s:d.toks[end-1].e], end-1)
		}
	}
}

func (d *doc) relations() {
	for k, t := range d.toks {
		w := strings.TrimSuffix(t.low, "'s")
		rel, ok := kinship[w]
		kinStart := k
		if d.low(k-1) == "former" || d.low(k-1) == "ex" && k > 0 && d.toks[k-1].e == t.s-1 {
			if ok && (w == "boyfriend" || w == "girlfriend" || w == "husband" || w == "wife") {
				rel.rel = "ex-" + rel.rel
				kinStart = k - 1
			}
		}
		if w == "beau" {
			rel, ok = kinship["boyfriend"], true
			if d.low(k-1) == "former" {
				rel.rel = "ex-boyfriend"
			}
		}
		if w == "baby" && (d.low(k+1) == "boy" || d.low(k+1) == "girl") {
			rel, ok = kinship[map[string]string{"boy": "son", "girl": "daughter"}[d.low(k+1)]], true
			k++
		}
		if !ok {
			continue
		}
		// "father of two"
		if n, isNum := parseNumber(d.low(k + 2)); d.low(k+1) == "of" && isNum && (rel.rel == "father" || rel.rel == "mother") {
			d.emitSubjects(kinStart, "children", strconv.Itoa(n), k+2)
			continue
		}
		related, rend := d.personAfter(k + 1)
		if related != nil && d.toks[rend].sent != t.sent {
			related = nil // a name in the next sentence or caption ("a young son\n\nRace: …")
		}
		if related != nil && isTitle(strings.ToLower(related.name)) {
			related = nil // "her TWIN SISTER" tagged a person: a kinship word or a title, no one's name
		}
		if related == nil {
			// "X, the daughter of Y"
			if d.low(k-1) == "the" && d.low(k-2) == "," && d.low(k+1) == "of" && k >= 3 {
				if x := d.owner[k-3]; x != nil && x.typ == news.PER {
					if y, yend := d.personAfter(k + 2); y != nil && y != x {
						d.emit(y, "relation:"+rel.rel, x.name, d.spanFrom(k-3, yend))
					}
				}
			}
			continue
		}
		if d.owner[k] != nil && d.owner[k] != related && d.owner[k].typ == news.PER {
			// the kin word is part of another person's description
			continue
		}
		if d.low(k+1) == "," && possessive(d.low(rend)) {
			// "according to his brother, Wednesday's showdown was…": a
			// possessed name set off by a comma opens a noun phrase of its
			// own ("her sister Kim's children" are still her sister's)
			continue
		}
		if d.low(k+1) == "," && (finiteVerbs[d.low(rend+1)] || saidVerbs[d.low(rend+1)]) && (d.afterPreposition(kinStart) || words.IsIndefinite(d.low(kinStart-1))) {
			// "whom his father had with another wife, Kim Yo-jong is his
			// only sister", "travelling with two sons and a daughter,
			// Interior Minister Nouhad Mashnuq told": the name opens the
			// next clause
			continue
		}
		if t.cap && d.low(k+1) != "," && !possessive(d.low(kinStart-1)) {
			// a title written before the name, not a tie: "Father O'Neal"
			// (a priest), "Sister Mary", "Mother Teresa"; a tie is
			// possessed ("Kim's Sister Khloé" in a headline) or set off
			continue
		}
		// the possessor: "her", "his", "Khloé's", else the clause subject
		var owner *ent
		from := kinStart
		for j := kinStart - 1; j >= 0 && j >= kinStart-6 && d.toks[j].sent == t.sent; j-- {
			lj := d.toks[j].low
			if lj == "her" || lj == "his" {
				if key, ok := d.res.Resolve(d.toks[j].s, lj); ok {
					owner, from = d.byKey[key], j
				}
				break
			}
			if strings.HasSuffix(lj, "'s") && d.owner[j] != nil && d.owner[j].typ == news.PER {
				owner, from = d.owner[j], j
				for from > 0 && d.owner[from-1] == owner {
					from--
				}
				break
			}
			if (lj == "'" || lj == "’") && j > 0 && d.toks[j-1].e == d.toks[j].s && strings.HasSuffix(d.toks[j-1].low, "s") {
				// a possessive apostrophe after s: "Jess' mother", "NBC
				// News' partner"
				if o := d.owner[j-1]; o != nil && o.typ == news.PER {
					owner, from = o, j-1
					for from > 0 && d.owner[from-1] == owner {
						from--
					}
				} else {
					from = -1
				}
				break
			}
			if possessive(lj) {
				// the kin of something or someone unnamed: "NBC News'
				// partner ITV News", "the boy's mother"
				from = -1
				break
			}
			if lj == "their" || lj == "our" || lj == "my" || lj == "your" || lj == "the" || lj == "of" {
				from = -1
				break
			}
			if !(d.toks[j].word && !d.toks[j].cap || lj == "," || lj == "-") || d.owner[j] != nil {
				break
			}
		}
		if owner == nil && from >= 0 && d.kinList(kinStart) {
			// "their daughter Tanya and grandson Kolya": a list of someone's
			// relatives, not Tanya's grandson ("Obama and wife Michelle"
			// is Obama's wife)
			from = -1
		}
		if owner == nil && from >= 0 {
			es, st := d.subjects(kinStart)
			if len(es) > 0 {
				owner, from = es[0], st
			}
		}
		if owner == nil || owner == related || from < 0 {
			continue
		}
		d.emit(owner, "relation:"+rel.rel, related.name, d.spanFrom(min(from, kinStart), rend))
	}
}

// kinList tells whether the kinship word at token k continues a list of
// relatives: after "and" or a comma, the nearest person before it (within
// six tokens: "daughter Sam in June 2007 and son Charlie") was named after
// a kinship word of its own ("their daughter Tanya and grandson").
func (d *doc) kinList(k int) bool {
	joined := false
	for j := k - 1; j >= 1 && j >= k-7; j-- {
		if o := d.owner[j]; o != nil {
			i := j
			for i > 0 && d.owner[i-1] == o {
				i--
			}
			if !joined || i < 1 {
				return false
			}
			_, kin := kinship[strings.TrimSuffix(d.toks[i-1].low, "'s")]
			return kin
		}
		switch d.toks[j].low {
		case "and", ",":
			joined = true
		case ".", ";", ":":
			return false
		}
	}
	return false
}

// personWord reports whether token k names or designates a person other
// than the one described: part of another person's mention, a role ("the
// actor's manager") or a word for someone ("the man's attorney").
func (d *doc) personWord(k int, described *ent) bool {
	if o := d.owner[k]; o != nil && o != described {
		return o.typ == news.PER
	}
	base := strings.TrimSuffix(strings.TrimSuffix(d.toks[k].low, "'s"), "’s")
	if _, role := roleHead(base); role {
		return true
	}
	return personNouns[base]
}

// personNouns are words for someone that are no role.
var personNouns = set(`man woman boy girl child kid teen teenager baby family victim suspect client patient person
husband wife son daughter mother father brother sister friend neighbour neighbor`)

// afterPreposition reports whether the kin phrase ending before token k
// (over at most a determiner and an adjective) is a preposition's object:
// "with another wife", "to his late father".
func (d *doc) afterPreposition(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if prepositions[d.low(j)] {
			return true
		}
		if !d.toks[j].word || d.toks[j].cap {
			return false
		}
	}
	return false
}

// possessive reports whether the folded token w marks whose the next
// word is: "his", "her", "Kim's".
func possessive(w string) bool {
	switch w {
	case "his", "her", "their", "my", "our", "your", "its":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'")
}

func (d *doc) status() {
	for k, t := range d.toks {
		v := ""
		switch t.low {
		case "single":
			if isDet(d.low(k-1)) || d.low(k-1) == "every" || d.low(k-1) == "one" {
				continue
			}
			v = "single"
		case "engaged", "divorced", "widowed":
			if d.low(k+1) == "in" || d.low(k+1) == "with" {
				continue
			}
			v = t.low
		case "married":
			// "married off" (the girls were married off, he married them
			// off) marries someone else: no status for the subject.
			if d.low(k+1) == "off" || d.low(k+2) == "off" || d.low(k+3) == "off" && d.low(k+1) != "," {
				continue
			}
			v = "married"
		default:
			continue
		}
		neg := false
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if l := d.low(j); l == "not" || strings.HasSuffix(l, "n't") || l == "never" || l == "longer" {
				neg = true
			}
		}
		if neg {
			continue
		}
		if v == "married" && d.low(k+1) == "to" {
			if r, rend := d.personAfter(k + 2); r != nil {
				es, st := d.subjects(k)
				for _, e := range es {
					if e != r {
						d.emit(e, "relation:spouse", r.name, d.spanFrom(st, rend))
					}
				}
				continue
			}
		}
		d.emitLinkedBy(k, "status", v, k, statusLinks) // not "Ada said the government is heavily engaged"
	}
}

// statusLinks may stand between a person and their marital status besides
// linkWords and quote marks: "X and Y are happily married", "X has recently
// got engaged", "he's “absolutely single”".
var statusLinks = map[string]bool{"are": true, "were": true, "got": true, "get": true, "gets": true, "getting": true,
	"has": true, "have": true, "had": true, "recently": true, "happily": true, "newly": true, "officially": true,
	"secretly": true, "quietly": true, "also": true, "both": true, "already": true, "back": true, "legally": true,
	"absolutely": true, "totally": true, "completely": true, "very": true, "’s": true, "'s": true}

// roleAttrs turns the role phrases linked to persons into occupation and
// nationality attributes.
func (d *doc) roleAttrs(linked []phrase) {
	for _, p := range linked {
		if p.guessed {
			continue // a descriptor gives an attribute only where the syntax links it to the name
		}
		d.phraseAttrs(p.e, p, p.span(d))
	}
}

// phraseBreaks are verbs a descriptor read too far back may hold ("the AP
// quoted government spokeswoman X"); the descriptor starts after them.
var phraseBreaks = map[string]bool{"quoted": true, "quotes": true, "told": true, "tells": true, "said": true,
	"says": true, "cited": true, "cites": true, "asked": true, "asks": true, "named": true, "identified": true,
	"claims": true, "claimed": true, "writes": true, "wrote": true, "argues": true, "argued": true, "notes": true,
	"noted": true, "adds": true, "added": true, "explains": true, "explained": true, "according": true,
	"admits": true, "admitted": true}

// quotedTitle tells whether a quote mark closes between token k and the
// head h: k opens a quoted title before the head (his “The Beach” star).
func (d *doc) quotedTitle(k, h int) bool {
	for m := k + 1; m < h; m++ {
		if isQuoteMark(d.toks[m].low) {
			return true
		}
	}
	return false
}

func (d *doc) phraseAttrs(e *ent, p phrase, sp news.Span) {
	head, _ := roleHead(d.low(p.head))
	var mods []string
	for k := p.start; k < p.end; k++ {
		t := d.toks[k]
		if nationalities[t.low] && k < p.head && !(k > p.start && d.toks[k-1].cap && !isDet(d.toks[k-1].low)) &&
			!(d.toks[k+1].cap && k+1 < p.head) {
			d.emit(e, "nationality", strings.ToUpper(t.low[:1])+t.low[1:], sp)
			continue
		}
		if t.low == "." && len(mods) > 0 && k > p.start && placeAbbrev[d.low(k-1)] {
			mods[len(mods)-1] += "." // "St. Louis attorney"
			continue
		}
		if k == p.start && p.det != "" && !(t.cap && k > 0 && isQuoteMark(d.toks[k-1].low) && d.quotedTitle(k, p.head)) || isQuoteMark(t.low) || ageToken(t.low) > 0 || !t.word {
			// (a capitalised article after a quote mark opens a title: his “The Beach” star)
			continue
		}
		if k < p.head && (t.low == "new" && !(t.cap && d.toks[k+1].cap) || t.low == "former" || t.low == "famous" || t.low == "popular") {
			// "the new director" (but "the New York state director")
			continue
		}
		if k < p.head && (phraseBreaks[t.low] || !t.cap && saidVerbs[t.low] || dates.IsDayWord(t.low)) {
			mods = mods[:0] // the phrase starts after it: "[the AP quoted] government spokeswoman", "[Sunday] Ineter scientist"
			continue
		}
		if k < p.head && possessive(t.low) && d.personWord(k, e) {
			// "the man's attorney", "the actor's manager": a person owns the
			// role, which is what follows ("the company's spokesman" stays
			// a company spokesman)
			mods = mods[:0]
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(d.text[t.s:t.e], "'s"), "’s")
		if k < p.head && timePrefixed(w) {
			// "then-RCMP spokesman": the prefix is a time, like "former";
			// "former-ish PGA golfer": the whole word is
			if w = w[strings.IndexByte(w, '-')+1:]; !startsUpper(w) {
				continue
			}
		}
		mods = append(mods, w)
	}
	if r, ok := roles[head]; !(ok && r.occupation || jobNouns[head]) || len(mods) == 0 {
		return
	}
	value := strings.Join(mods, " ")
	// "the Good American founder" -> "founder of Good American"; the
	// organisation is the capitalised words before the head ("the late
	// Apple co-founder" -> "late co-founder of Apple").
	if (head == "founder" || head == "co-founder" || head == "cofounder" || head == "ceo") && len(mods) > 1 && p.end == p.head+1 {
		org := len(mods) - 1
		for org > 0 && startsUpper(mods[org-1]) {
			org--
		}
		if org < len(mods)-1 {
			value = strings.Join(append(append([]string{}, mods[:org]...), mods[len(mods)-1]), " ") + " of " +
				strings.Join(mods[org:len(mods)-1], " ")
		}
	}
	d.emit(e, "occupation", value, sp)
}

// timePrefixed tells whether a modifier opens with "then-" or "former-".
func timePrefixed(w string) bool {
	pre, _, ok := strings.Cut(strings.ToLower(w), "-")
	return ok && (pre == "then" || pre == "former")
}

// predicates reads "X is a 31-year-old actor" and "he is also a singer".
func (d *doc) predicates() {
	for k, t := range d.toks {
		if t.low != "a" && t.low != "an" {
			continue
		}
		prev := d.low(k - 1)
		if prev == "also" || prev == "now" || prev == "still" {
			prev = d.low(k - 2)
		}
		if prev != "is" && prev != "was" && prev != "became" && prev != "remains" && !strings.HasSuffix(prev, "'s") {
			continue
		}
		p, ok := d.phraseFrom(k)
		if !ok || d.owner[p.head] != nil {
			continue
		}
		es, st := d.subjects(k)
		if len(es) > 0 && d.owner[st] == nil && d.quoted(st) {
			continue // “He really is a phenomenal actor,” Sorkin said: the speaker's "he" is someone else
		}
		for _, e := range es[:min(1, len(es))] {
			d.phraseAttrs(e, p, d.spanFrom(st, p.end-1))
		}
	}
}

// quoted tells whether token k stands inside a quotation opened earlier in
// its sentence.
func (d *doc) quoted(k int) bool {
	open := false
	for j := k - 1; j >= 0 && d.toks[j].sent == d.toks[k].sent; j-- {
		switch d.toks[j].low {
		case "“":
			return true
		case "”":
			return false
		case "\"":
			open = !open
		}
	}
	return open
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lowerRole writes a role that opens an occupation in lower case, as a
// sentence's first word or a title before a name capitalised it ("Actor"
// in "Actor Tom Hanks said", "Reporter"): "actor", "reporter"; a name or a
// place opening it keeps its capital ("Kansas Senator").
func lowerRole(v string) string {
	first, rest, _ := strings.Cut(v, " ")
	low := strings.ToLower(first)
	if _, ok := roleHead(low); !ok && !jobNouns[low] || words.AllCaps(first) {
		return v
	}
	r, n := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) || strings.IndexFunc(first[n:], unicode.IsUpper) >= 0 {
		return v // "YouTuber" as it is written
	}
	out := string(unicode.ToLower(r)) + first[n:]
	if rest != "" {
		out += " " + rest
	}
	return out
}

// ownerAt is the entity token k belongs to, nil past the text's end.
func (d *doc) ownerAt(k int) *ent {
	if k < 0 || k >= len(d.owner) {
		return nil
	}
	return d.owner[k]
}
