package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// attr is an attribution found around a quote.
type attr struct {
	ok      bool
	sp      cand
	hasSp   bool
	cue     news.Span
	partial bool      // the quote sits inside reported speech ("said that “...”")
	sent    news.Span // the attribution's sentence, for told_to, medium and time
	after   bool
	noSp    bool // the attribution names no speaker: take none from elsewhere
}

// open quote state carried across segments and paragraphs.
type last struct {
	idx      int // index in x.quotes, -1 when none
	para     int
	unclosed bool
	after    bool // its attribution followed it
	end      int  // byte offset after its last closing mark
}

func (x *extraction) run() {
	text := x.text
	paras := paragraphs(x.a)
	prev := last{idx: -1}
	prevColon := false // the previous paragraph ended with a colon or "the following."
	var prevColonSent news.Span
	for pi, p := range paras {
		ts := tokenize(text, p, x.toks)
		x.toks = ts
		segs := segments(text, p)
		x.scanNames(ts, segs)
		prevEnd := p.Start // end of the previous quote in this paragraph
		for si, s := range segs {
			if s.body.Len() == 0 {
				prevEnd = s.markEnd
				continue
			}
			oi := tokIndex(ts, s.open)
			ai := tokIndex(ts, s.markEnd)
			// continuation of a quote left open by the previous paragraph
			if si == 0 && oi == 0 && prev.idx >= 0 && prev.unclosed && prev.para == pi-1 {
				x.addPiece(prev.idx, s.body)
				prev.para, prev.unclosed, prev.end = pi, !s.closed, s.markEnd
				prevEnd = s.markEnd
				continue
			}
			bi := oi
			for bi > 0 && !sentenceEnd(text, ts, bi-1) && ts[bi-1].e <= s.open && ts[bi-1].s >= prevEnd {
				bi--
			}
			nextOpen := p.End
			if si+1 < len(segs) {
				nextOpen = segs[si+1].open
			}
			aj := ai
			for aj < len(ts) && ts[aj].s < nextOpen && aj-ai < 40 {
				if sentenceEnd(text, ts, aj) {
					aj++
					break
				}
				aj++
			}
			before := x.beforeAttr(ts, bi, oi)
			var after attr
			if s.closed {
				after = x.afterAttr(ts, ai, aj)
			}
			words := countWords(text, s.body)
			initial := bi == oi
			intro := before.ok && !before.partial
			body := s.body.Text(text)
			var use attr
			kind := ""
			// Mid-sentence, a Title Case phrase is a title even with the
			// comma American style puts inside the marks ("his movie, “The
			// Next 365 Days,” is…").
			inPhrase := !initial && words >= 2 && words <= 8 && objectOfPhrase(text, s.body.Start)
			midTitle := !initial && words >= 2 && words <= 8 &&
				(titleCase(body, words) || titleCase(strings.TrimSuffix(strings.TrimRight(body, " "), ","), words) ||
					// the period American style puts inside the marks, at
					// the end of a phrase: "in “The Social Network.”"
					titleCase(strings.TrimSuffix(strings.TrimRight(body, " "), "."), words) && inPhrase)
			// A long Title Case phrase right after a work's noun ("his 2005
			// book, “Juiced: Wild Times, Rampant 'Roids, Smash Hits & How
			// Baseball Got Big,” amplified…") is its title too.
			workTitle := !initial && workBefore(text, s.body.Start) &&
				titleCaseUpTo(strings.TrimRight(strings.TrimRight(body, " "), ",."), words, 20)
			switch {
			case workTitle || midTitle && inPhrase:
				kind = "title" // "who also penned the Facebook drama “The Social Network,” has said"
			case !initial && words == 1 && isCap(strings.TrimSpace(body)) && !endsSentence(strings.TrimSpace(body)):
				kind = "" // one capitalised word inside a sentence is a name or a term: think “Bendgate”
			case midTitle && words <= 4 && before.cue.End == 0:
				kind = "title" // a name shown after a colon, no one's words: "the insignia on its door: “Vale-2 Roofing”."
			case intro:
				kind, use = "direct", before
			case !initial && x.label(ts, oi, ai, body):
				kind = "" // a label, not speech: the “Culkin is dead” hoax
			case midTitle:
				kind = "title"
			case after.ok && (initial || endsWithAny(text, ts, bi, oi, ",:—")):
				kind, use = "direct", after
			case initial:
				if titleCase(body, words) && !strings.ContainsAny(body, "!?") {
					kind = "title" // "“Harbour v Tide: Dawn of Ships” opens in March"
				} else if words >= 4 || endsSentence(body) && words >= 2 {
					kind = "direct"
				}
			default:
				switch {
				case titleCase(body, words) && words <= 8:
					kind = "title"
				case words < 3:
				case before.ok:
					kind, use = "partial", before
				case after.ok:
					kind, use = "partial", after
				}
			}
			switch kind {
			case "title":
				name := strings.TrimRight(body, ",. ")
				sp := news.Span{Start: s.body.Start, End: s.body.Start + len(name)}
				x.titles = append(x.titles, news.Mention{Span: sp, Text: name, Type: news.WORK, Key: "work:" + fold(name), Name: name, Via: "title"})
				prevEnd = s.markEnd
				continue
			case "":
				prevEnd = s.markEnd
				continue
			}
			// A quote opening a sentence that names its own speaker after
			// more words ("“B” to drive up the price, she said") is
			// another statement, not the previous quote going on.
			if kind == "direct" && !use.ok && s.closed && !endsSentence(strings.TrimSpace(body)) {
				use = x.laterAttr(ts, ai, aj)
			}
			// an interrupted quote: “A,” she said. “B.” or “A,” she said, “B.”
			// continues the previous one
			contiguous := !use.ok || !use.after && bi < oi && ts[bi].s >= prev.end && ts[bi].s-prev.end < 4
			if kind == "direct" && contiguous && prev.idx >= 0 && prev.para == pi && prev.after && !prev.unclosed && s.open-prev.end < 200 && x.quotes[prev.idx].Parent < 0 {
				x.addPiece(prev.idx, s.body)
				prev.end, prev.unclosed = s.markEnd, !s.closed
				prevEnd = s.markEnd
				continue
			}
			q := news.QuoteMention{Span: s.body, Text: body, Pieces: []news.Span{s.body}, Parent: -1}
			if !use.ok {
				// no attribution of its own: a colon-introduced block, or the
				// previous quote's speaker, or the last person named.
				pa := x.prevSentAttr(ts, bi)
				switch {
				case initial && oi == 0 && prevColon:
					use = x.colonIntro(prevColonSent)
				case pa.ok:
					use = pa
				case prev.idx >= 0 && x.parasBetween(paras, prev.para, pi) <= 1:
					pq := x.quotes[prev.idx]
					q.Speaker, q.SpeakerKey, q.SpeakerSpan, q.Role, q.For = pq.Speaker, pq.SpeakerKey, pq.SpeakerSpan, pq.Role, pq.For
				default:
					if pm, ok := x.lastSubject(s.open, p.Start); ok {
						q.Speaker, q.SpeakerSpan = pm.name, pm.span
					}
					x.unattributed = append(x.unattributed, len(x.quotes))
				}
			}
			if use.ok {
				x.applyAttr(&q, use, ts)
			}
			if use.noSp {
				// the attribution names no speaker: the ranker takes none either
				x.noSpeaker = append(x.noSpeaker, len(x.quotes))
			}
			if use.ok && use.hasSp && lower(q.Cue) == "according" {
				x.sourced = append(x.sourced, len(x.quotes)) // the ranker keeps it
			}
			if kind == "partial" {
				q.Partial = true
			}
			x.quotes = append(x.quotes, q)
			idx := len(x.quotes) - 1
			x.nested(idx, s.body)
			prev = last{idx: idx, para: pi, unclosed: !s.closed, after: use.after, end: s.markEnd}
			prevEnd = s.markEnd
		}
		prevColon = introducesBlock(p.Text(text))
		if prevColon && len(ts) > 0 {
			k := len(ts) - 1
			for k > 0 && !sentenceEnd(text, ts, k-1) {
				k--
			}
			prevColonSent = news.Span{Start: ts[k].s, End: p.End}
		}
	}
	x.signed()
	x.social()
}

// signatureRE reads a line that signs the quote above it with a full name:
// "--Mike Ditka", "— Ann Lowe, mayor of Vale" (one capitalised word may be a
// bulleted item: "- Delivery"). Its groups are the dash and the name.
var signatureRE = regexp.MustCompile(`^[ \t]*(--|—|–|-)[ \t]*(\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){1,3})[ \t]*(?:,[^\n]{0,60})?[ \t]*(?:\n|$)`)

// signed gives a quote that has no cue of its own and ends its paragraph
// the speaker that the next line signs: “…”\n\n--Mike Ditka. Pasted posts'
// signature lines ("— Ann (@ann) May 2, 2015") are the social stage's.
func (x *extraction) signed() {
	text := x.text
	for i := range x.quotes {
		q := &x.quotes[i]
		if q.Cue != "" || q.Parent >= 0 {
			continue
		}
		rest := strings.TrimLeft(text[q.Span.End:], ",.;:!?”\"’' \t")
		if !strings.HasPrefix(rest, "\n") {
			continue
		}
		rest = strings.TrimLeft(rest, "\n\r \t")
		m := signatureRE.FindStringSubmatchIndex(rest)
		if m == nil {
			if sp, ok := x.creditLine(len(text) - len(rest)); ok {
				// "“…”\nBill Bratton, New York City police commissioner"
				q.Speaker, q.SpeakerKey, q.Role, q.For, q.SpeakerSpan = sp.Text(text), "", "", "", sp
				x.sourced = append(x.sourced, i) // the ranker keeps it
				if mt, ok := x.mentionAt(sp.Start); ok {
					q.SpeakerKey = mt.Key
					if mt.Name != "" {
						q.Speaker = mt.Name
					}
				}
			}
			continue
		}
		off := len(text) - len(rest)
		sp := news.Span{Start: off + m[4], End: off + m[5]}
		q.Speaker, q.SpeakerKey, q.Role, q.For, q.SpeakerSpan = sp.Text(text), "", "", "", sp
		// the signature's dash attributes the quote as a cue would ("--"
		// by its first mark)
		_, n := utf8.DecodeRuneInString(rest[m[2]:])
		q.CueSpan = news.Span{Start: off + m[2], End: off + m[2] + n}
		q.Cue = q.CueSpan.Text(text)
		if mt, ok := x.mentionAt(sp.Start); ok && mt.Type == news.PER {
			q.SpeakerKey = mt.Key
			if mt.Name != "" {
				q.Speaker = mt.Name
			}
		}
	}
}

// creditLine reads the line at off as the credit a pull quote has under it
// when it is a person the recogniser named, with at most a title before
// and a comma and a title after, on a short line that is no sentence:
// "Brooklyn District Attorney Kenneth Thompson", "Bill Bratton, New York
// City police commissioner". It returns the name's span.
func (x *extraction) creditLine(off int) (news.Span, bool) {
	text := x.text
	line, _, _ := strings.Cut(text[off:], "\n")
	line = strings.TrimRight(line, " \t\r")
	if line == "" || strings.ContainsAny(line[len(line)-1:], ".!?:;\"”’)") || len(strings.Fields(line)) > 10 {
		return news.Span{}, false
	}
	// the first mention on the line (x.mentions is in text order)
	k := sort.Search(len(x.mentions), func(k int) bool { return x.mentions[k].Span.Start >= off })
	for _, m := range x.mentions[k:] {
		if m.Span.Start >= off+len(line) {
			break
		}
		if m.Span.End > off+len(line) {
			continue
		}
		if m.Type != news.PER {
			return news.Span{}, false
		}
		for _, w := range strings.Fields(text[off:m.Span.Start]) {
			if !isCap(w) {
				return news.Span{}, false // "Asked about it Ann Lowe": not a title
			}
		}
		if after := strings.TrimSpace(text[m.Span.End : off+len(line)]); after != "" && !strings.HasPrefix(after, ",") {
			return news.Span{}, false
		}
		return m.Span, true
	}
	return news.Span{}, false
}

func endsWithAny(text string, ts []tok, i, j int, set string) bool {
	if j <= i || j > len(ts) {
		return false
	}
	t := ts[j-1]
	return t.punct && strings.Contains(set, text[t.s:t.e])
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ”’\"')")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ",")
}

// tokIndex returns the index of the first token starting at or after pos.
func tokIndex(ts []tok, pos int) int {
	lo, hi := 0, len(ts)
	for lo < hi {
		h := (lo + hi) / 2
		if ts[h].s < pos {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

func countWords(text string, s news.Span) int {
	n := 0
	in := false
	for _, r := range s.Text(text) {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || r == '\'' || r == '’'
	}
	return n
}

// objectOfPhrase tells whether the quotation mark before body start closes
// a noun phrase ("the Facebook drama “…”"): neither a colon or a comma nor a
// reporting verb stands right before the mark.
func objectOfPhrase(text string, start int) bool {
	before := strings.TrimRight(text[max(0, start-60):start], "“\"'‘ ")
	if before == "" || strings.ContainsAny(before[len(before)-1:], ":,") {
		return false
	}
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	last := lower(f[len(f)-1])
	return !cueVerb(last) || writingVerbs[last]
}

// writingVerbs make a work, not speech, of a Title Case phrase quoted right
// after them with no colon or comma: "for writing “The Social Network,”".
var writingVerbs = map[string]bool{"writing": true, "wrote": true, "penned": true, "penning": true, "directed": true,
	"directing": true, "starred": true, "starring": true, "produced": true, "producing": true, "titled": true, "called": true}

var smallWords = map[string]bool{"of": true, "the": true, "a": true, "an": true, "and": true, "in": true, "on": true,
	"to": true, "for": true, "at": true, "by": true, "with": true, "from": true, "or": true, "&": true, "is": true, "de": true,
	"v.": true, "vs.": true, "v": true, "vs": true}

// titleCase reports whether a short quoted string looks like a title: its
// words are capitalised (small words aside) and it does not end a sentence.
func titleCase(s string, words int) bool { return titleCaseUpTo(s, words, 10) }

// camelCase tells a brand written with a small first letter and a capital
// second ("iPhone", "eBay"), which stands in a Title Case title as it is.
func camelCase(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r) && unicode.IsUpper(r2)
}

// titleCaseUpTo is titleCase for titles of up to most words.
func titleCaseUpTo(s string, words, most int) bool {
	if words == 0 || words > most {
		return false
	}
	t := strings.TrimRight(s, " ")
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") {
		return false
	}
	caps := 0
	for i, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || camelCase(w):
			caps++
		case smallWords[w] && i > 0:
		case !unicode.IsLetter(r):
		default:
			return false
		}
	}
	if caps == 0 {
		return false
	}
	// a one-word capitalised exclamation ("Wow!") is speech
	return !(words == 1 && strings.ContainsAny(t, "!?"))
}

// addPiece appends a piece to quote i.
func (x *extraction) addPiece(i int, piece news.Span) {
	q := &x.quotes[i]
	q.Pieces = append(q.Pieces, piece)
	q.Span.End = piece.End
	q.Text = joinPieces(x.text, q.Pieces)
}

// scanNames records the persons named in the paragraph outside quotes.
func (x *extraction) scanNames(ts []tok, segs []segment) {
	text := x.text
	if headline(text, ts) || !prose(text, ts) {
		return
	}
	si := 0
	for k := 0; k < len(ts); k++ {
		t := ts[k]
		for si < len(segs) && segs[si].markEnd <= t.s {
			si++
		}
		if si < len(segs) && t.s >= segs[si].open && t.s < segs[si].markEnd {
			continue
		}
		if t.punct {
			continue
		}
		if m, ok := x.mentionAt(t.s); ok {
			// "pulled a Dewey Crowe on him": a name after an indefinite
			// article is used as a common noun, naming no one present
			// (unless an apposition says who: "quoted a Sabine Rollinger,
			// an employee of…")
			if m.Type == news.PER && !afterMediaNoun(text, m.Span.Start) && !tagged(text, m.Span.Start) && !(k > 0 && words.IsIndefinite(ts[k-1].text(text)) && !strings.HasPrefix(text[m.Span.End:], ",")) {
				nm := m.Name
				if nm == "" {
					nm = m.Text
				}
				nm, _ = stripPossessive(nm)
				x.noteName(nm, t.s)
				end := k
				for end+1 < len(ts) && ts[end+1].s < m.Span.End {
					end++
				}
				pm := personMention{name: nm, pos: t.s, span: m.Span}
				// "The actor's representatives": the one named is not who
				// acts; the last person named is his representative.
				if _, poss := stripPossessive(ts[end].text(text)); poss {
					if c := x.roleAround(ts, k, end, len(ts), cand{span: m.Span, kind: kName, name: nm, poss: true}); c.kind == kRole {
						pm = personMention{name: nm + "'s " + c.role, pos: t.s, span: c.span}
					}
				}
				x.addPerson(ts, k, pm)
			}
			for k+1 < len(ts) && ts[k+1].s < m.Span.End {
				k++
			}
			continue
		}
		if len(x.mentions) > 0 || x.tagged {
			continue // the recogniser ran: its persons are the persons
		}
		w := t.text(text)
		if !isCap(w) || capStop[w] {
			continue
		}
		end := k
		for end+1 < len(ts) && !ts[end+1].punct && isCap(ts[end+1].text(text)) {
			if _, p := stripPossessive(ts[end].text(text)); p {
				break
			}
			end++
		}
		nm, _ := stripPossessive(text[t.s:ts[end].e])
		span := news.Span{Start: t.s, End: t.s + len(nm)}
		parts := strings.Fields(nm)
		if notPersonWords[parts[len(parts)-1]] || notPersonWords[parts[0]] {
			k = end
			continue
		}
		if len(parts) >= 2 && len(parts) <= 4 {
			x.noteName(nm, t.s)
			x.addPerson(ts, k, personMention{name: stripHonorific(nm), pos: t.s, span: span})
		} else if len(parts) == 1 {
			if full := x.resolveName(nm, t.s); full != nm {
				x.addPerson(ts, k, personMention{name: full, pos: t.s, span: span})
			} else if k > 0 && end+1 < len(ts) && !ts[end+1].punct && !isCap(ts[end+1].text(text)) && !smallWords[ts[end+1].text(text)] {
				// a lone capitalised word inside a sentence, followed by a
				// verb-like word: a first name or surname used alone
				x.addPerson(ts, k, personMention{name: nm, pos: t.s, span: span})
			}
		}
		k = end
	}
}

// introducesBlock tells whether a paragraph ends by introducing the block
// quote after it: a colon, or "the following." ("A statement by the White
// House later announced the following.").
func introducesBlock(para string) bool {
	t := strings.TrimSpace(para)
	low := strings.ToLower(t)
	return strings.HasSuffix(t, ":") || strings.HasSuffix(low, " the following.") || strings.HasSuffix(low, " as follows.")
}

// listItem tells whether the name ending before ts[n] goes on a list: a
// comma and another capitalised name, or "and"/"or".
func listItem(text string, ts []tok, n int) bool {
	if n >= len(ts) {
		return false
	}
	w := lower(ts[n].text(text))
	if w == "and" || w == "or" {
		return true
	}
	if !ts[n].punct || text[ts[n].s] != ',' || n+1 >= len(ts) {
		return false
	}
	next := ts[n+1].text(text)
	return lower(next) == "and" || lower(next) == "or" || isCap(next) && !capStop[next]
}

// acronym tells an office or a body written in capitals ("MP", "CEO").
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// tagged tells whether the name at start is a hashtag or a handle
// ("#Bendgate", "@redletter"): a topic or an account, not a person named.
func tagged(text string, start int) bool {
	return start > 0 && (text[start-1] == '#' || text[start-1] == '@')
}

// afterMediaNoun tells whether the word right before start (a comma
// aside) names an outlet or a firm: "the Italian newspaper L’Unione Sarda"
// is no person, whatever the recogniser said.
func afterMediaNoun(text string, start int) bool {
	f := strings.Fields(text[max(0, start-30):start])
	return len(f) > 0 && words.IsMediaNoun(strings.TrimSuffix(strings.ToLower(f[len(f)-1]), ","))
}

// pronounTarget is the person a he/she at pos refers to: the last clause
// subject named shortly before whose gender does not disagree, else the
// last person named whose gender does not disagree. A person's gender comes
// from an honorific, the pronouns after the name and, until they tell,
// a common given name ("Jason" is no "she"). A nearer person of unknown
// gender goes before a farther one of known gender: "Chairman Darrell
// Issa … told CBS News that … “…,” he said" is Issa's, though "Rep. Jason
// Chaffetz" was named before him.
func (x *extraction) pronounTarget(pos int, female bool) (personMention, bool) {
	m, ok := x.pronounName(pos, female)
	if ok && (x.gendered(m.span.End, pos, female) || x.reportedByRole(m.span.Start)) {
		return personMention{}, false
	}
	return m, ok
}

// connectives open a sentence before its subject ("However, a…").
var connectives = map[string]bool{"however": true, "but": true, "and": true, "yet": true, "still": true,
	"meanwhile": true, "separately": true, "later": true, "also": true}

// reportedByRole tells whether the name at start stands in what a role
// noun's speaker reported ("However, a South Korean official claimed that
// the two previous presidents, Kim Il-Sung and Kim Jong-Il, …"): the one
// speaking next with a pronoun is that speaker, not the name.
func (x *extraction) reportedByRole(start int) bool {
	from := strings.LastIndexAny(x.text[:start], ".!?\n") + 1
	f := strings.Fields(x.text[from:start])
	if len(f) > 0 && connectives[lower(strings.TrimSuffix(f[0], ","))] {
		f = f[1:]
	}
	if len(f) < 3 {
		return false
	}
	switch lower(f[0]) {
	case "the", "a", "an", "one":
		return roleSpeaks(f)
	}
	return false
}

// roleSpeaks tells whether the words f, a determiner first, go on with a
// role noun and a speech verb within three words ("A South Korean official
// claimed…", "The source said…").
func roleSpeaks(f []string) bool {
	for k, w := range f[1:min(len(f)-1, 4)] {
		if _, role := roleNouns[lower(strings.Trim(w, ",;:"))]; role {
			if _, cue := cueVerbs[lower(f[k+2])]; cue {
				return true
			}
		}
	}
	return false
}

// gendered tells whether a sentence between from and pos opens with a
// common noun of the pronoun's gender ("The Salvadorean nun told her social
// worker… “…,” she admitted") or with a role noun and a speech verb ("A
// South Korean official claimed that…"): the pronoun goes back to that
// phrase, not to a name before it.
func (x *extraction) gendered(from, pos int, female bool) bool {
	want := "male"
	if female {
		want = "female"
	}
	seg := x.text[from:pos]
	for i := 0; i < len(seg); {
		j := strings.IndexAny(seg[i:], ".!?\n")
		if j < 0 {
			break
		}
		i += j + 1
		f := strings.Fields(seg[i:min(len(seg), i+60)])
		if len(f) < 2 || f[0] != "The" && f[0] != "A" && f[0] != "An" {
			continue
		}
		// "A South Korean official claimed that … Kim Il-Sung … “…,” he
		// added": a speaker of either gender
		if roleSpeaks(f) {
			return true
		}
		for _, w := range f[1:min(len(f), 4)] {
			if entity.NounGender(strings.Trim(w, ",;:")) == want {
				return true
			}
		}
	}
	return false
}

// pronounName is pronounTarget's pick among the names before pos: the last
// named as a clause's subject, else the last named; but a subject two
// paragraphs and more before the last name is too far back to win over it
// ("Dan Kell … said.\n\n“…,” he admitted.\n\n…\n\nThis is Ivo Marsh hearing
// the message.\n\nHe said afterwards: “…”" is Ivo Marsh's).
func (x *extraction) pronounName(pos int, female bool) (personMention, bool) {
	var near personMention
	haveNear := false
	for i := len(x.personMentions) - 1; i >= 0; i-- {
		m := x.personMentions[i]
		if m.pos >= pos {
			continue
		}
		if pos-m.pos > 1500 {
			break
		}
		g := x.gender[m.name]
		ok := g == 0 || (g > 0) == female
		if !ok || possessive(x.text, m.span.End) {
			continue // "a clip of Obama's speech, then the prisoner's words, he says": not Obama
		}
		if m.subj {
			if haveNear && paragraphBreaks(x.text[m.span.End:near.pos]) >= 2 {
				break // a subject two paragraphs and more before a nearer name does not win over it
			}
			return m, true
		}
		if !haveNear {
			near, haveNear = m, true
		}
	}
	return near, haveNear
}

// paragraphBreaks counts the runs of line breaks in s.
func paragraphBreaks(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\n') {
			n++
		}
	}
	return n
}

// lastSubject is the last person named before pos as a clause's subject
// (not a possessor: "Obama's remarks"), not before limit-2000: who a quote
// that follows with no attribution of its own is likely from. A person
// named in a phrase ("airstrikes ordered by President Obama") is not.
func (x *extraction) lastSubject(pos, limit int) (personMention, bool) {
	return x.lastPersonWhere(pos, limit, func(m personMention) bool { return m.subj && !possessive(x.text, m.span.End) })
}

// possessive tells whether a name ending at end is followed by 's, or by
// an apostrophe alone after an s ("Woods’ agent", plainApostrophe).
func possessive(text string, end int) bool {
	rest := text[end:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || plainApostrophe(text, end)
}

// parasBetween counts the paragraphs between paragraphs i and j that are
// the article's own: posts pasted in between (a signed post, or its body
// repeated without the signature) do not part a speaker from the quote
// that goes on after them.
func (x *extraction) parasBetween(paras []news.Span, i, j int) int {
	n := 0
	for k := i + 1; k < j; k++ {
		if !x.pasted(paras[k]) {
			n++
		}
	}
	return n
}

// pasted tells whether paragraph p is a pasted social post: it overlaps
// one, or it is one's body alone.
func (x *extraction) pasted(p news.Span) bool {
	t := strings.TrimSpace(p.Text(x.text))
	for _, sp := range x.a.Social {
		if sp.Span.Overlaps(p) || t != "" && t == strings.TrimSpace(sp.Body.Text(x.text)) {
			return true
		}
	}
	return false
}

// lastPerson is the last person named before pos, not before limit-2000.
func (x *extraction) lastPerson(pos, limit int) (personMention, bool) {
	return x.lastPersonWhere(pos, limit, func(personMention) bool { return true })
}

// lastPersonWhere is the last person named before pos, not before
// limit-2000, for whom ok holds.
func (x *extraction) lastPersonWhere(pos, limit int, ok func(personMention) bool) (personMention, bool) {
	for i := len(x.personMentions) - 1; i >= 0; i-- {
		m := x.personMentions[i]
		if m.pos >= pos {
			continue
		}
		if m.pos < limit-2000 {
			break
		}
		if ok(m) {
			return m, true
		}
	}
	return personMention{}, false
}

// headline reports a title-case line ("Kim Kardashian Tried to Help
// Khloé"), whose capitals are no evidence of names.
func headline(text string, ts []tok) bool {
	words, caps := 0, 0
	for _, t := range ts {
		if t.punct {
			continue
		}
		words++
		w := t.text(text)
		if isCap(w) {
			caps++
		} else if !smallWords[w] && !unicode.IsDigit(rune(w[0])) {
			return false
		}
	}
	return words >= 4 && caps*10 >= words*6
}

// addPerson records a person mention at ts[k], noting whether it opens a
// clause (a likely subject) and voting on its gender from the next pronoun
// of its sentence and from honorifics.
func (x *extraction) addPerson(ts []tok, k int, m personMention) {
	text := x.text
	// titles before the name open the clause with it ("Professor Peter
	// Neumann, director of…, said"), and so do capitalised modifiers
	// ("Hamilton Mayor Bob Bratina told", "Iraqi MP Hassan al-Sunaid
	// described"), not any capitalised word ("Born David Roy Fitch, she
	// writes")
	j := k
	for j > 0 && k-j < 3 && !ts[j-1].punct && (honorifics[ts[j-1].text(text)] || entity.IsTitle(ts[j-1].text(text)) || acronym(ts[j-1].text(text))) {
		j--
	}
	for t := j; j < k && j > 0 && t-j < 2 && !ts[j-1].punct && isCap(ts[j-1].text(text)) && !capStop[ts[j-1].text(text)]; {
		j--
	}
	m.subj = j == 0 || ts[j-1].punct && (text[ts[j-1].s] == ',' || sentenceEnd(text, ts, j-1))
	if m.subj && j > 0 && text[ts[j-1].s] == ',' && listItem(text, ts, tokIndex(ts, m.span.End)) {
		// one of a list ("including Senator John McCain, Ambassador Joseph
		// Westphal, and CIA director John Brennan") is no clause subject
		m.subj = false
	}
	// a name modifying a role noun is not the subject: "Parliament Hill
	// security officers rushed…", "Obama administration officials said"
	for n := tokIndex(ts, m.span.End); m.subj && n < len(ts) && n <= tokIndex(ts, m.span.End)+1; n++ {
		w := ts[n].text(text)
		if ts[n].punct || isCap(w) {
			break
		}
		if _, ok := roleNouns[lower(w)]; ok {
			m.subj = false
		}
	}
	// a name right before a verb of saying is its subject, whatever comes
	// before it: "…in an air strike, (Pentagon spokesman Col. Steve) Warren
	// said the U.S. has not…"
	if n := tokIndex(ts, m.span.End); !m.subj && n < len(ts) && !ts[n].punct && cueVerb(lower(ts[n].text(text))) &&
		!(j > 0 && prepositions[lower(ts[j-1].text(text))]) {
		m.subj = true // not "Ada Moss, a spokesman for Archbishop Ivo Brandt says": Brandt is the object of "for"
	}
	// an apposition after the name ("Noor Vale, a writer who…") is the
	// name again, not a subject of its own, and tells its gender no more
	appos := false
	if n := len(x.personMentions); n > 0 {
		p := x.personMentions[n-1]
		appos = p.name == m.name && p.span.End <= m.span.Start && strings.TrimSpace(text[p.span.End:m.span.Start]) == ","
	}
	if appos {
		m.subj = false
		x.personMentions = append(x.personMentions, m)
		return
	}
	if x.gender == nil {
		x.gender = map[string]int{}
	}
	// a title in the name or just before it: "Mr.", "Queen", "Pope"
	title := ts[k].text(text)
	if k > 0 && entity.TitleGender(title) == "" && !ts[k-1].punct {
		title = ts[k-1].text(text)
	}
	switch entity.TitleGender(title) {
	case "male":
		x.gender[m.name] -= 2
	case "female":
		x.gender[m.name] += 2
	}
	if _, seen := x.gender[m.name]; !seen {
		// a common given name tells the gender until pronouns say more
		first, _, _ := strings.Cut(m.name, " ")
		switch entity.GivenGender(first) {
		case "male":
			x.gender[m.name] = -1
		case "female":
			x.gender[m.name] = 1
		}
	}
	rel := false
	for n := k + 1; n < len(ts) && n <= k+15; n++ {
		if ts[n].punct {
			if sentenceEnd(text, ts, n) {
				break
			}
			continue
		}
		switch lower(ts[n].text(text)) {
		case "who", "whom", "that", "which":
			// "Noor Vale, a writer who had been held with him": an object
			// pronoun of the relative clause is someone else
			rel = true
			continue
		case "him":
			if rel {
				continue
			}
			x.gender[m.name]--
		case "he", "his", "himself":
			x.gender[m.name]--
		case "she", "her", "hers", "herself":
			x.gender[m.name]++
		default:
			continue
		}
		break
	}
	x.personMentions = append(x.personMentions, m)
}

// prose reports a line that ends like a sentence: captions, credits and
// headlines do not, and their capitals are no evidence of names.
func prose(text string, ts []tok) bool {
	if len(ts) == 0 {
		return false
	}
	w := ts[len(ts)-1].text(text)
	return w == "." || w == "!" || w == "?" || w == ":" || w == "”" || w == "\"" || w == "'" || w == ")" || w == "’"
}

// label tells whether the quotation whose opening mark is ts[oi] and whose
// closing mark ends before ts[ai] sits between a determiner and a lower-case
// word that is no speech verb, and does not end a sentence itself: it is
// that noun's label (the “no comment” answer), not speech.
func (x *extraction) label(ts []tok, oi, ai int, body string) bool {
	if oi == 0 || ai >= len(ts) || endsSentence(strings.TrimRight(body, " ,")) {
		return false
	}
	if !determiners[lower(ts[oi-1].text(x.text))] || ts[ai].punct {
		return false
	}
	next := ts[ai].text(x.text)
	_, cue := cueVerbs[lower(next)]
	return !isCap(next) && !cue
}

// prevSentAttr reads a short attribution ending the sentence before ts[bi]
// in the same paragraph: “Iowa State University's Dianne Bystrom agreed.
// "..."”, the cue among its last words.
func (x *extraction) prevSentAttr(ts []tok, bi int) attr {
	if bi < 2 || !sentenceEnd(x.text, ts, bi-1) {
		return attr{}
	}
	ps := bi - 1
	for ps > 0 && !sentenceEnd(x.text, ts, ps-1) {
		ps--
	}
	if bi-ps > 25 {
		return attr{}
	}
	a := x.beforeAttr(ts, ps, bi)
	if !a.ok || !a.hasSp || tokIndex(ts, a.cue.Start) < bi-3 {
		return attr{}
	}
	a.partial = false
	return a
}

// workBefore tells whether a work's noun stands right before the quotation
// mark at start, a comma aside: "his book, “…”", "the film “…”".
func workBefore(text string, start int) bool {
	before := strings.TrimRight(text[max(0, start-40):start], "“\"'‘ ,")
	f := strings.Fields(before)
	return len(f) > 0 && workNouns[lower(f[len(f)-1])]
}

// workNouns name works whose titles are quoted.
var workNouns = map[string]bool{"book": true, "memoir": true, "novel": true, "film": true, "movie": true, "album": true,
	"song": true, "single": true, "series": true, "documentary": true, "play": true, "musical": true, "episode": true,
	"poem": true, "essay": true, "autobiography": true, "biography": true, "titled": true, "entitled": true}

// laterAttr finds an attribution set off by a comma later in the sentence
// after a closing mark (tokens ai to aj): "“…” to drive up the price, she
// said"; not one that introduces the next quote ("…, X said: “…”").
func (x *extraction) laterAttr(ts []tok, ai, aj int) attr {
	for c := ai; c < aj; c++ {
		if ts[c].punct && x.text[ts[c].s] == ',' {
			if a := x.afterAttr(ts, c+1, aj); a.ok && !introduces(x.text, a.cue.End) {
				return a
			}
		}
	}
	return attr{}
}

// introduces reports whether a colon or an opening quotation mark follows
// offset i (over spaces): the attribution ending there introduces what
// comes next.
func introduces(text string, i int) bool {
	rest := strings.TrimLeft(text[i:], " ")
	for _, m := range []string{":", "“", "\"", "‘"} {
		if strings.HasPrefix(rest, m) {
			return true
		}
	}
	return false
}
