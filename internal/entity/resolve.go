package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// ent is one entity inside an article: a cluster of mentions.
type ent struct {
	key    string
	typ    news.EntityType
	full   []string       // folded tokens of the full name
	forms  map[string]int // surface forms of the full name, counted
	name   string
	count  int
	first  int // offset of the first mention
	gender string
	gspan  news.Span // evidence for gender
	gscore [2]int    // male, female votes
	gw     int       // weight of the evidence in gspan
	prof   map[string]int
	ments  []int // indices into a.Mentions
}

// nameOf is a mention's name as tokens: words of its text without a
// leading honorific or article and without a trailing possessive.
type nameOf struct {
	toks    []string // folded
	surface string   // the words as written, joined by single spaces
	hon     string   // folded honorific, if any
}

func splitName(text string, typ news.EntityType) nameOf {
	var n nameOf
	ws := tokenize(text)
	var words []tok
	for _, w := range ws {
		if w.word {
			words = append(words, w)
		} else if w.low == "&" {
			words = append(words, tok{s: w.s, e: w.e, low: "&", word: true})
		}
	}
	for len(words) > 1 {
		h := strings.TrimSuffix(words[0].low, ".")
		if _, ok := honorifics[h]; ok && typ == news.PER {
			n.hon = h
			words = words[1:]
			continue
		}
		if h == "the" && typ != news.PER && typ != news.WORK {
			words = words[1:]
			continue
		}
		if _, ok := genderedNouns[h]; ok && typ == news.PER && len(words) > 2 {
			// "Widower Stan Beaton cried": a description written before a
			// full name, not part of it
			words = words[1:]
			continue
		}
		break
	}
	var sb []string
	for i, w := range words {
		low, s := w.low, text[w.s:w.e]
		if i == len(words)-1 {
			low, s = stripPossessive(low, s)
		}
		if low == "" {
			continue
		}
		if oneLetter(low) && i+1 < len(words) && strings.TrimSpace(text[w.e:words[i+1].s]) == "." {
			s += "." // an initial keeps its full stop: "U.S. Department of Defense", "A.K. Verma"
		}
		sb = append(sb, s)
		if typ == news.PER {
			// the Arabic article is not part of the name a person is
			// called by: "al-Munajjid", "Al Munajjid" and "Munajjid" are
			// one (but "Al" opening a name is a given name)
			if (low == "al" || low == "el") && i > 0 && i < len(words)-1 {
				continue
			}
			if a, rest, ok := strings.Cut(low, "-"); ok && arabicArticle[a] && rest != "" {
				low = rest
			}
		}
		n.toks = append(n.toks, low)
	}
	n.toks = joinInitials(n.toks)
	n.surface = joinSurface(sb)
	return n
}

// joinInitials writes a run of one-letter tokens as one token, as the name
// is written without its full stops: "A.K. Verma", "A K Verma" and "AK
// Verma" are all "ak verma"; "U.S." is "us".
func joinInitials(toks []string) []string {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if oneLetter(t) {
			for i+1 < len(toks) && oneLetter(toks[i+1]) {
				t += toks[i+1]
				i++
			}
		}
		out = append(out, t)
	}
	return out
}

// joinSurface joins a name's words with spaces, but initials with their
// full stops run together: "U.S. Department", "A.K. Verma".
func joinSurface(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && !(initialWithStop(ws[i-1]) && initialWithStop(w)) {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// initialWithStop: one letter and a full stop.
func initialWithStop(w string) bool {
	l, ok := strings.CutSuffix(w, ".")
	return ok && oneLetter(strings.ToLower(l))
}

// oneLetter tells whether a folded token is a single letter.
func oneLetter(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && unicode.IsLetter(r)
}

// arabicArticle is the article of Arabic names ("al-", "el-" and its
// assimilated forms) as the recogniser's tokens show it.
var arabicArticle = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true,
	"az": true, "an": true, "at": true, "ath": true, "adh": true}

func stripPossessive(low, s string) (string, string) {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(low, "'s"), strings.TrimSuffix(s, suf)
		}
	}
	return low, s
}

// resolve groups the recogniser's mentions into entities and gives each
// mention a Key and a full Name.
func (d *doc) resolve() []*ent {
	d.personNames()
	d.kinNames()
	ms := d.a.Mentions
	names := make([]nameOf, len(ms))
	order := make([]int, 0, len(ms))
	for i := range ms {
		names[i] = splitName(ms[i].Span.Text(d.text), ms[i].Type)
		if len(names[i].toks) > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(x, y int) bool { return ms[order[x]].Span.Start < ms[order[y]].Span.Start })

	var ents []*ent
	byKey := map[string]*ent{}
	add := func(e *ent, i int) {
		e.ments = append(e.ments, i)
		e.count++
		if ms[i].Span.Start < e.first {
			e.first = ms[i].Span.Start
		}
	}
	newEnt := func(typ news.EntityType, toks []string) *ent {
		k := strings.ToLower(string(typ)) + ":" + strings.Join(toks, " ")
		if e := byKey[k]; e != nil {
			return e
		}
		e := &ent{key: k, typ: typ, full: toks, forms: map[string]int{}, first: len(d.text), prof: map[string]int{}}
		byKey[k] = e
		ents = append(ents, e)
		return e
	}

	// Full person names first: every multi-word PER name is a candidate entity.
	perFull := map[string]*ent{}
	for _, i := range order {
		n := names[i]
		if ms[i].Type != news.PER || len(n.toks) < 2 {
			continue
		}
		e := newEnt(news.PER, n.toks)
		perFull[e.key] = e
		e.forms[n.surface]++
	}
	// Merge full names into others: initials ("Khloe K"), contained names
	// ("Kim Kardashian" in "Kim Kardashian West") and misspellings.
	target := map[*ent]*ent{}
	var fullToks [][]string
	for _, e := range ents {
		fullToks = append(fullToks, e.full)
	}
	fam := families(fullToks)
	runOn := runOnNames(ents)
	for _, a := range ents {
		var best *ent
		for _, b := range ents {
			if a == b || target[b] != nil || runOn[b] {
				continue
			}
			if fullVariant(a, b) && best == nil && !fam.addsOther(a.full, b.full) {
				best = b
			}
		}
		if best != nil {
			target[a] = best
		}
	}
	root := func(e *ent) *ent {
		for target[e] != nil {
			e = target[e]
		}
		return e
	}

	assign := make([]*ent, len(ms))
	for _, i := range order {
		if ms[i].Type == news.PER && len(names[i].toks) >= 2 {
			assign[i] = root(byKey[strings.ToLower(string(news.PER))+":"+strings.Join(names[i].toks, " ")])
		}
	}
	// Counts of each single token, to tell typos (rare) from names.
	single := map[string]int{}
	for _, i := range order {
		if len(names[i].toks) == 1 {
			single[names[i].toks[0]]++
		}
	}
	var persons []*ent
	for _, e := range ents {
		if target[e] == nil {
			persons = append(persons, e)
		}
	}
	// Mentions in text order let pickRecent look back from a mention
	// instead of over all of them.
	sorted := sort.SliceIsSorted(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start })
	// Persons by the tokens of their full names and by their joined-up
	// names ("KimKardashian"), in the order of persons.
	byTok := map[string][]int{}
	for k, e := range persons {
		seen := map[string]bool{}
		for _, t := range e.full {
			seen[t] = true
		}
		if len(e.full) >= 2 {
			seen[strings.Join(e.full, "")] = true
		}
		for t := range seen {
			byTok[t] = append(byTok[t], k)
		}
	}
	// Single-word names: a token of exactly one full name, else the one
	// mentioned last before, else a close misspelling of one.
	bare := map[string][]*ent{} // token -> the persons single mentions of it went to, in text order
	for _, i := range order {
		if assign[i] != nil || len(names[i].toks) != 1 {
			continue
		}
		t := names[i].toks[0]
		typ := ms[i].Type
		if typ == news.WORK || typ == news.EVENT {
			continue
		}
		var cands []*ent
		for _, k := range byTok[t] { // persons whose full name holds t, or is t joined up
			cands = append(cands, persons[k])
		}
		if len(cands) == 0 && single[t] <= 2 && !commonWords[t] {
			for _, e := range persons {
				if !typoOf(t, e.full) {
					continue // cheap first: counting mentions runs over them all
				}
				if n := lastMentions(e, assign); single[t] < n && (typ == news.PER || single[t] == 1 && n >= 3) {
					cands = append(cands, e)
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		if len(cands) > 1 {
			// the one the article already calls by this bare name: after
			// "Ward's mother, Ann Ward, thanked…", "Ward, 40" is still the
			// Ward the article had been calling "Ward"
			if c := calledBy(cands, bare[t]); c != nil {
				cands = []*ent{c}
			}
		}
		assign[i] = pickRecent(cands, assign, ms, i, sorted)
		bare[t] = append(bare[t], assign[i])
	}
	// Everything else groups by its folded name and type.
	for _, i := range order {
		if assign[i] != nil {
			continue
		}
		typ := ms[i].Type
		if typ == "" {
			typ = news.MISC
		}
		assign[i] = newEnt(typ, names[i].toks)
		assign[i].forms[names[i].surface]++
	}
	var out []*ent
	seen := map[*ent]bool{}
	for _, i := range order {
		e := assign[i]
		add(e, i)
		if names[i].hon != "" {
			if g := honorifics[names[i].hon]; g != "" {
				e.vote(g, 5, ms[i].Span)
			}
		}
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for _, e := range out {
		e.name = bestForm(e.forms)
		if n := d.proseName(e, names); n != "" {
			e.name = n
		}
		for _, i := range e.ments {
			ms[i].Key = e.key
			ms[i].Name = e.name
			if ms[i].Type != e.typ && e.typ == news.PER {
				ms[i].Type = news.PER
			}
		}
	}
	return out
}

// runOnNames are the names that hold two other names of the article with
// no word in common ("Nigeria Boko Haram Abubakar Shekau Archiv", a photo
// credit read as one name): two things run together, not one person
// whose shorter names they are.
func runOnNames(ents []*ent) map[*ent]bool {
	out := map[*ent]bool{}
	for _, b := range ents {
		if len(b.full) < 4 {
			continue
		}
		var parts []*ent
		for _, a := range ents {
			if a != b && len(a.full) >= 2 && len(a.full) < len(b.full) && containsRun(b.full, a.full) {
				parts = append(parts, a)
			}
		}
	pairs:
		for x, a := range parts {
			for _, c := range parts[x+1:] {
				if !slices.ContainsFunc(a.full, func(t string) bool { return slices.Contains(c.full, t) }) {
					out[b] = true
					break pairs
				}
			}
		}
	}
	return out
}

// fullVariant reports whether full name a is another writing of b: an
// initial for b's surname, a part of b, or a misspelling of b's surname
// with the same given name, when b is at least as frequent.
func fullVariant(a, b *ent) bool {
	fa, fb := a.full, b.full
	ca, cb := sum(a.forms), sum(b.forms)
	if len(fa) == 2 && len(fb) >= 2 && len(fa[1]) == 1 && fa[0] == fb[0] && strings.HasPrefix(fb[len(fb)-1], fa[1]) {
		return true
	}
	if len(fa) < len(fb) && (containsRun(fb, fa) || particleTail(fa, fb)) {
		return true
	}
	if len(fa) == len(fb) && cb >= ca && ca <= 2 && (cb > ca || a.first > b.first) {
		diff := 0
		for k := range fa {
			if fa[k] == fb[k] {
				continue
			}
			if !sameInitials(fa[k], fb[k]) || Damerau(fa[k], fb[k], 2) > maxEdits(len([]rune(fb[k]))) {
				return false
			}
			diff++
		}
		return diff == 1 && fa[0] == fb[0]
	}
	return false
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func containsTok(ts []string, t string) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// containsRun reports whether short appears as a contiguous run in long.
func containsRun(long, short []string) bool {
	for i := 0; i+len(short) <= len(long); i++ {
		ok := true
		for j := range short {
			if long[i+j] != short[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// typoOf reports whether token t is a close misspelling of a token of name.
func typoOf(t string, name []string) bool {
	for _, x := range name {
		if len(x) < 2 {
			continue
		}
		k := maxEdits(utf8.RuneCountInString(x))
		if k > 0 && sameInitials(t, x) && Damerau(t, x, k) <= k {
			return true
		}
	}
	return false
}

func lastMentions(e *ent, assign []*ent) int {
	n := sum(e.forms)
	for _, a := range assign {
		if a == e {
			n++
		}
	}
	return n
}

// calledBy returns the one candidate that earlier bare mentions of a
// name went to, or nil when none or several did.
func calledBy(cands, earlier []*ent) *ent {
	var found *ent
	for _, e := range earlier {
		if !slices.Contains(cands, e) {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// pickRecent chooses among candidate entities the one mentioned last
// before offset at, else the one mentioned first after it.
func pickRecent(cands []*ent, assign []*ent, ms []news.Mention, cur int, sorted bool) *ent {
	if len(cands) == 1 {
		return cands[0]
	}
	at := ms[cur].Span.Start
	var best *ent
	bestAt := -1
	if sorted {
		// The nearest earlier mention of a candidate, looking back from cur.
		for i := cur - 1; i >= 0 && best == nil; i-- {
			if ms[i].Span.Start >= at {
				continue
			}
			for _, c := range cands {
				if assign[i] == c {
					best = c
					break
				}
			}
		}
	} else {
		for i, e := range assign {
			if e == nil || ms[i].Span.Start >= at {
				continue
			}
			for _, c := range cands {
				if c == e && ms[i].Span.Start > bestAt {
					best, bestAt = c, ms[i].Span.Start
				}
			}
		}
	}
	if best != nil {
		return best
	}
	best = cands[0]
	for _, c := range cands[1:] {
		if sum(c.forms) > sum(best.forms) {
			best = c
		}
	}
	return best
}

// bestForm is the most common surface form, preferring one with
// diacritics or upper case on ties (the careful spelling).
// proseName is the name entity e goes by outside Title Case lines, when the
// form chosen for it is written only in such lines: a headline's capitals
// are no evidence of where a name ends ("Tova Renick Warning Engineers Of
// Cracks" beside "the engineer Tova Renick said"). It is "" when the chosen
// form stands in prose too, or nothing does.
func (d *doc) proseName(e *ent, names []nameOf) string {
	var full, single map[string]int
	for _, i := range e.ments {
		m := d.a.Mentions[i]
		if m.Via != "ner" && m.Via != "" || len(names[i].toks) == 0 || inTitleCaseLine(d.a, m.Span) {
			continue
		}
		if names[i].surface == e.name {
			return ""
		}
		if full == nil {
			full, single = map[string]int{}, map[string]int{}
		}
		if len(names[i].toks) >= 2 {
			full[names[i].surface]++
		} else {
			single[names[i].surface]++
		}
	}
	if n := bestForm(full); n != "" {
		return n
	}
	// A single word says less than a headline's full name ("Hunter" beside
	// "Duncan Hunter"), unless the headline's other words are common words
	// the article writes in lower case elsewhere ("Banksy Mural …", "Claims
	// McDonald's …"): those the recogniser took in from the headline.
	n := bestForm(single)
	if n == "" {
		return ""
	}
	t := splitName(n, e.typ).toks[0]
	if !slices.Contains(e.full, t) {
		return ""
	}
	lower := map[string]bool{}
	for _, k := range d.toks {
		if k.word && !k.cap {
			lower[k.low] = true
		}
	}
	for _, w := range e.full {
		if w != t && !lower[w] {
			return ""
		}
	}
	return n
}

func bestForm(forms map[string]int) string {
	best, bc := "", -1
	for f, c := range forms {
		if c > bc || c == bc && (richer(f, best) || !richer(best, f) && f < best) {
			best, bc = f, c
		}
	}
	return best
}

func richer(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return strings.ToLower(a) != a && strings.ToLower(b) == b
}

func (e *ent) vote(g string, w int, at news.Span) {
	switch g {
	case male:
		e.gscore[0] += w
	case female:
		e.gscore[1] += w
	default:
		return
	}
	if w > e.gw {
		e.gspan, e.gw = at, w
	}
}

// kinNames makes persons of the names a kinship word or an age apposition
// introduces: "daughter, True" and "True, 5," name a person whatever type
// the recogniser gave, and a capitalised word right after a kinship word
// that the recogniser missed becomes a mention with Via "kinship".
func (d *doc) kinNames() {
	at := map[int]int{} // token index -> mention index
	for i, m := range d.a.Mentions {
		at[d.tokAt(m.Span.Start)] = i
	}
	for k, t := range d.toks {
		w := strings.TrimSuffix(t.low, "'s")
		kin, isKin := kinship[w]
		j := k + 1
		if d.low(j) == "," {
			j++
		}
		if isKin && kin.rel != "child" && j < len(d.toks) && d.toks[j].cap && d.toks[j].word {
			if mi, ok := at[j]; ok {
				if d.a.Mentions[mi].Type != news.PER && d.a.Mentions[mi].Type != news.WORK {
					d.a.Mentions[mi].Type = news.PER
				}
				continue
			}
			if commonWords[d.toks[j].low] && !d.toks[j].cap || honorifics[d.toks[j].low] != "" {
				continue
			}
			e := j + 1
			if e < len(d.toks) && d.toks[e].cap && d.toks[e].word && d.toks[e].s == d.toks[j].e+1 {
				e++
			}
			if isTitle(d.toks[e-1].low) {
				continue // "a daughter, Interior Minister Ivo Brandt told": a title before the next clause's name
			}
			sp := news.Span{Start: d.toks[j].s, End: d.toks[e-1].e}
			d.a.Mentions = append(d.a.Mentions, news.Mention{Span: sp, Text: d.text[sp.Start:sp.End], Type: news.PER, Via: "kinship"})
			continue
		}
		// "True, 5," after a name: an age apposition
		if mi, ok := at[k]; ok && d.a.Mentions[mi].Type != news.PER && d.a.Mentions[mi].Type != news.WORK {
			e := d.tokEnd(d.a.Mentions[mi].Span.End)
			if n, isNum := parseNumber(d.low(e + 1)); d.low(e) == "," && isNum && n > 0 && n < 120 && d.low(e+2) == "," {
				d.a.Mentions[mi].Type = news.PER
			}
		}
	}
}

// firmWords end or hold the names of organisations named after people
// ("John Lewis Partners", "Morgan Stanley & Co"): such a name stays as the
// recogniser typed it.
var firmWords = set(`inc inc. ltd ltd. llc plc co co. corp corp. corporation company group partners associates
foundation institute university college school hospital centre center bank airlines motors & and trust fund
brothers bros bros. sons`)

// personNames makes persons of names the recogniser typed otherwise when
// the name itself says it is one: a common given name followed by a
// capitalised word ("Michael Phelps" tagged ORG, "Sergeant-At-Arms Kevin
// Vickers"), unless a word of a firm is in it; then a single word that ends
// a person's name given earlier in the article ("al-Baghdadi" after "Abu
// Bakr al-Baghdadi", "Vickers" after "Kevin Vickers"), unless it follows
// "the" or is written in capitals. A "person" whose name ends with a
// newspaper's word is an organisation ("Western Australian Herald"); one
// whose name ends with a word of a landmark after a preposition of place is
// a place, and so are its other mentions; one inside the name of an
// institution ("Edward" in "King Edward Memorial Hospital") is none.
func (d *doc) personNames() {
	ms := d.a.Mentions
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return ms[order[x]].Span.Start < ms[order[y]].Span.Start })
	surnames := map[string]bool{}
	places := map[string]bool{} // names made places
	for _, i := range order {
		m := &ms[i]
		f := strings.Fields(m.Span.Text(d.text))
		if len(f) == 0 || m.Type == news.WORK {
			continue
		}
		// not a MISC name: "Aaron Sorkin-penned" is an adjective
		if j := givenFirst(f); m.Type != news.PER && m.Type != news.MISC && len(f) >= 2 && len(f) <= 4 && j >= 0 {
			m.Type = news.PER
			if j > 0 {
				// "Sergeant-At-Arms Kevin Vickers": the name starts at the
				// given name
				t := m.Span.Text(d.text)
				off := strings.Index(t[len(f[0]):], f[j]) + len(f[0])
				m.Span.Start += off
				m.Text = d.text[m.Span.Start:m.Span.End]
				f = f[j:]
			}
		}
		_, last := stripPossessive("", f[len(f)-1])
		if m.Type == news.PER && len(f) >= 2 && paperName(f[1:len(f)-1], last) && givenNames[Fold(f[0])] == "" {
			m.Type = news.ORG // "the Western Australian Herald reports", "Fox News Latino": a newspaper, a channel
			continue
		}
		if m.Type == news.PER && len(f) >= 2 && landmarkNouns[strings.ToLower(last)] && givenNames[Fold(f[0])] == "" {
			// "a gunman dead on Parliament Hill": a place after a
			// preposition of place, whatever the tag
			if k := d.tokAt(m.Span.Start); k > 0 && placePreps[d.toks[k-1].low] {
				m.Type = news.LOC
				places[Fold(m.Span.Text(d.text))] = true
				continue
			}
		}
		switch {
		case m.Type == news.PER && len(f) >= 2:
			surnames[last] = true
		case m.Type != news.PER && len(f) == 1 && surnames[last] && strings.ToUpper(last) != last:
			if k := d.tokAt(m.Span.Start); k == 0 || d.toks[k-1].low != "the" {
				m.Type = news.PER
			}
		}
	}
	// a "person" named inside the name of a place or an institution ("at
	// Perth's King Edward Memorial Hospital") is none
	kept := ms[:0]
	for _, m := range ms {
		if m.Type == news.PER && d.insideInstitution(m) {
			continue
		}
		kept = append(kept, m)
	}
	ms = kept
	d.a.Mentions = ms
	// the place's other mentions too ("Parliament Hill security officers")
	for i := range ms {
		if ms[i].Type == news.PER && places[Fold(ms[i].Span.Text(d.text))] {
			ms[i].Type = news.LOC
		}
	}
}

// insideInstitution tells whether the name m stands inside the name of an
// institution or a place: after a capitalised word or "the", and followed
// by up to two more capitalised words and then a word of a place or an
// institution ("Edward" in "Perth's King Edward Memorial Hospital").
func (d *doc) insideInstitution(m news.Mention) bool {
	k := d.tokEnd(m.Span.End - 1)
	if k >= len(d.toks) || d.toks[k].e != m.Span.End {
		return false
	}
	// and the name is not where a Title Case headline starts ("Ada Vance
	// Hospital Visit Delights Children"): a capitalised word of the
	// institution's name, or "the", comes before it
	b := d.tokAt(m.Span.Start) - 1
	if b < 0 || d.toks[b].sent != d.toks[k].sent || !(d.toks[b].word && d.toks[b].cap || d.toks[b].low == "the") {
		return false
	}
	for n := k + 1; n < len(d.toks) && n <= k+3; n++ {
		t := d.toks[n]
		if !t.word || !t.cap || t.s != d.toks[n-1].e+1 {
			return false
		}
		if landmarkNouns[t.low] || institutionWords[t.low] {
			return true
		}
	}
	return false
}

// givenFirst finds the common given name that opens the words f of a name,
// or opens them after one other word (a title the recogniser took in),
// followed by a capitalised word: its index, or -1, as when a word of a
// firm or a place is in the name.
func givenFirst(f []string) int {
	for _, w := range f {
		if lw := strings.ToLower(w); firmWords[lw] || landmarkNouns[lw] || placeTails[lw] {
			return -1 // "Madison Square Garden", "Ali Salem Air Base"
		}
	}
	for j := 0; j < 2 && j+1 < len(f); j++ {
		w, next := f[j], f[j+1]
		if givenNames[Fold(w)] != "" && strings.ToUpper(w) != w && unicode.IsUpper([]rune(next)[0]) {
			return j
		}
	}
	return -1
}
