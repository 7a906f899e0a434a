package statement

import (
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// describe fills a statement's speaker, voice, modality, flags and stance
// from its source, cue and content.
func describe(a *news.Article, d *doc, st *news.Statement, buf *[]string) {
	text := a.Text
	if st.Source.Len() > 0 && st.Cue.Start > st.Source.End {
		// "the Brown family found": the words left between the source
		// and the cue are the source's head, which the name modifies
		if gap := text[st.Source.End:st.Cue.Start]; headGap(gap) {
			st.Source.End = st.Source.End + len(strings.TrimRight(gap, " "))
		}
	}
	if st.Source.Len() > 0 && st.By == "" {
		who := d.antecedent(st.Source)
		st.By = TrimSource(strings.Join(strings.Fields(who.Text(text)), " "))
		// A name stands for the source when it is the source's head ("the
		// senator Jane Doe"), not a modifier ("Nigerian officials").
		// A source read too long that ends in the subject pronoun of the
		// clause after it ("Amazon announced Thursday it [plans]") is the
		// name in it.
		endsInPronoun := subjectPronouns[strings.ToLower(lastWord(st.By))] && strings.Contains(st.By, " ")
		m, ok := d.mentionIn(a.Mentions, who)
		head := false
		if p, pok := d.personOf(who, m); ok && pok {
			m, head = p, true // "Sgt Gill Cherry of Cumbria Police": the person, not the force
		}
		if ok && (head || m.Span.End >= who.End-1 || endsInPronoun) &&
			!(m.Type == news.LOC && afterPreposition(text[who.Start:max(who.Start, m.Span.Start)])) &&
			!peopleOf(text[who.Start:max(who.Start, m.Span.Start)]) {
			st.By, st.ByKey = m.Name, m.Key
			if st.By == "" {
				st.By = m.Text
			}
		}
	}
	st.Voice = voice(a, d, st)
	cue := strings.ToLower(st.Cue.Text(text))
	*buf = d.lowerWords(st.Content, (*buf)[:0])
	words := *buf
	st.Modality = modality(cue, words)
	st.Hedged = st.Modality != "" || hedgeCues[lastWord(cue)]
	content := strings.TrimSpace(st.Content.Text(text))
	st.Question = strings.HasSuffix(strings.TrimRight(content, "”\"’' "), "?") || questionCues[lastWord(cue)]
	st.Negated = negated(words)
	st.Stance = stance(cue, words, st)
}

// headGap tells whether the text between a source and its cue is one or two
// lower-case words, the head noun the source phrase was cut before (" family
// ", " lawyers "); not an adverb, an auxiliary or anything with punctuation.
func headGap(gap string) bool {
	f := strings.Fields(gap)
	if len(f) == 0 || len(f) > 2 || !strings.HasPrefix(gap, " ") {
		return false
	}
	for _, w := range f {
		for _, r := range w {
			if r < 'a' || r > 'z' {
				return false
			}
		}
		if strings.HasSuffix(w, "ly") && !lyNouns[w] || finite[w] || gapAdverbs[w] {
			return false
		}
	}
	return true
}

// gapAdverbs stand between a subject and its verb and are no head noun.
var gapAdverbs = map[string]bool{"not": true, "also": true, "then": true, "and": true, "who": true, "that": true,
	"now": true, "later": true, "earlier": true, "today": true, "tonight": true, "yesterday": true, "again": true,
	"still": true, "first": true, "just": true, "already": true, "even": true, "too": true, "once": true, "soon": true,
	"never": true, "ever": true, "always": true, "often": true, "last": true, "here": true, "there": true,
	"himself": true, "herself": true, "itself": true, "themselves": true, "which": true, "however": true, "thus": true}

// lyNouns end like adverbs.
var lyNouns = map[string]bool{"family": true, "ally": true, "assembly": true, "rally": true, "supply": true}

// afterPreposition tells whether the words before a name in a source
// phrase end in a preposition that makes the name a modifier, not the head:
// "Senior officials in Iraq" are the officials, not Iraq. Only a place's
// name is taken so: "a statement from the Palace" and "a spokesman for the
// ministry" speak for the body they name.
func afterPreposition(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	for len(f) > 0 && (f[len(f)-1] == "the" || f[len(f)-1] == "a") {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "in", "of", "at", "from", "for", "with", "near":
		return true
	}
	return false
}

// peopleOf tells whether the words before a name in a source phrase make
// it the name of what a group of people use, live in or belong to:
// "Multiple users of anonymous web browser Tor", "residents of Harbour
// Town", "members of the Vale Party" are those people, not Tor, the town or
// the party. "A spokesman for the ministry" and "officials of the Interior
// Ministry" speak for the body they name.
func peopleOf(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	for i := len(f) - 1; i > 0; i-- {
		if f[i] == "of" || f[i] == "from" {
			return groupHeads[f[i-1]] || voiceWords[f[i-1]] == news.VoiceFans
		}
	}
	return false
}

// groupHeads are people named by what they use, where they live or what
// they belong to.
var groupHeads = map[string]bool{"customers": true, "residents": true, "citizens": true, "people": true,
	"passengers": true, "witnesses": true, "employees": true, "workers": true, "members": true, "subscribers": true,
	"owners": true, "victims": true, "survivors": true, "parents": true, "students": true, "visitors": true}

// leadingTimeWords date a clause; a source phrase read from the start of
// the clause may begin with one.
var leadingTimeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "yesterday": true, "today": true, "tonight": true,
	"later": true, "earlier": true, "then": true, "now": true, "meanwhile": true, "on": true}

// finite words end a source phrase read too long; single are source
// phrases that name no one.
var (
	finite = map[string]bool{"had": true, "has": true, "have": true, "was": true, "were": true, "is": true, "are": true,
		"will": true, "would": true, "could": true, "can": true}
	single = map[string]bool{"that": true, "which": true, "this": true, "it": true, "there": true}
)

// capsWord reports an all-capitals word ("ABSENCE", "KIM'S").
func capsWord(w string) bool { return len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w }

// subjectPronouns open a clause of their own.
var subjectPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true, "i": true}

// leadingJoins open a clause before its subject: "[although] Turkey".
var leadingJoins = map[string]bool{"but": true, "and": true, "yet": true, "although": true, "though": true,
	"while": true, "whereas": true, "because": true, "since": true, "if": true, "when": true, "so": true,
	"however": true, "still": true}

// TrimSource is a statement's source phrase without the words around it
// that are not the source: time words and joins before it ("[although]
// Turkey", "[On Monday] officials"), a heading glued to it, what follows a
// verb inside it, floating words off its end ("X and Y both" is "X and
// Y"). It returns "" for a lone relative pronoun.
func TrimSource(by string) string {
	// a dateline glued to it: "WASHINGTON -- Homeland Security Secretary…"
	for _, dash := range []string{" -- ", " — ", " – ", "—", " - "} {
		if i := strings.Index(by, dash); i > 0 {
			if w, _, _ := strings.Cut(by[:i], " "); capsWord(strings.TrimRight(w, ",")) {
				by = strings.TrimSpace(by[i+len(dash):])
			}
			break
		}
	}
	// and time words, conjunctions and a glued all-caps heading off its
	// start: "[On] Monday some news sites", "[But] a Pentagon official",
	// "[NOT KIM'S FIRST ABSENCE] North Korean officials"
	for {
		w, rest, ok := strings.Cut(by, " ")
		lw := strings.ToLower(strings.TrimSuffix(w, ","))
		if !ok || !leadingTimeWords[lw] && !leadingJoins[lw] {
			break
		}
		by = rest
	}
	if ws := strings.Fields(by); len(ws) > 2 && capsWord(ws[0]) && capsWord(ws[1]) {
		n := 0
		for n < len(ws) && capsWord(ws[n]) {
			n++
		}
		if n < len(ws) {
			by = strings.Join(ws[n:], " ") // a heading of two capitals words or more
		}
	}
	// and what follows a verb inside it: "Vanity Fair [reached out to the
	// actor's reps]", "Defense officials [had waited several days]"
	ws := strings.Fields(by)
	for i := 1; i < len(ws); i++ {
		lw := strings.ToLower(ws[i])
		prev := ws[i-1]
		if finite[lw] || finiteVerbs[lw] && !nounToo[lw] || strings.HasSuffix(lw, "ed") && len(lw) > 4 && i+1 < len(ws) &&
			(strings.IndexFunc(prev, unicode.IsUpper) >= 0 || strings.HasSuffix(prev, "s")) && ws[i+1] == strings.ToLower(ws[i+1]) {
			by = strings.Join(ws[:i], " ")
			break
		}
		// an adverb before the verb: "Homeland Security [definitively
		// debunked the theory]"; not "the recently retired general"
		if i >= 2 && strings.HasSuffix(prev, "ly") && len(prev) > 4 && strings.HasSuffix(lw, "ed") && len(lw) > 4 &&
			i+1 < len(ws) && objectOpeners[ws[i+1]] && !leadingJoins[strings.ToLower(ws[i-2])] {
			by = strings.Join(ws[:i-1], " ")
			break
		}
	}
	if single[strings.ToLower(by)] {
		return "" // "that", "which": no one the text names
	}
	for {
		i := strings.LastIndexByte(by, ' ')
		if i < 0 {
			return by
		}
		switch strings.ToLower(by[i+1:]) {
		case "both", "all", "each", "also", "themselves", "himself", "herself", "too", "alone":
			by = by[:i]
		default:
			return by
		}
	}
}

// antecedent is what a relative pronoun source stands for: "the senator"
// in "the senator, who said ..."; any other source stands for itself.
func (d *doc) antecedent(src news.Span) news.Span {
	k := d.firstTokenAt(src.Start)
	if k < 1 || k >= len(d.toks) || d.toks[k].e != src.End || !d.is(k, "who", "which", "that") || !d.is(k-1, ",") {
		return src
	}
	s := d.sents[d.sentOf(k)]
	if np := d.npBefore(s, k-1); !np.empty() {
		return d.span(np.a, np.b)
	}
	return src
}

// mentionIn returns the longest named mention of ms overlapping sp,
// looking only at those that start near it (ms sorted once by position).
func (d *doc) mentionIn(ms []news.Mention, sp news.Span) (news.Mention, bool) {
	if d.named == nil {
		d.named = make([]news.Mention, 0, len(ms))
		for _, m := range ms {
			// a description the entity stage only guessed the person of
			// ("the interior minister" taken for the man the article is
			// about) names no one
			if m.Key != "" && !m.Guessed {
				d.named = append(d.named, m)
			}
		}
		sort.SliceStable(d.named, func(i, j int) bool { return d.named[i].Span.Start < d.named[j].Span.Start })
	}
	const maxName = 256 // no name is longer: a mention overlapping sp starts at most this far before it
	var best news.Mention
	ok := false
	from := sort.Search(len(d.named), func(i int) bool { return d.named[i].Span.Start >= sp.Start-maxName })
	for _, m := range d.named[from:] {
		if m.Span.Start >= sp.End {
			break
		}
		if sp.Start < m.Span.End && (!ok || m.Span.Len() > best.Span.Len()) {
			best, ok = m, true
		}
	}
	return best, ok
}

// personOf returns the person named in source phrase sp right before "of",
// "at" or "from" and the mention m: "Sgt Gill Cherry of Cumbria Police",
// "Natalie Cullen of CBS 8 News Now" are the person's words.
func (d *doc) personOf(sp news.Span, m news.Mention) (news.Mention, bool) {
	if m.Type == news.PER {
		return news.Mention{}, false
	}
	for _, p := range d.named {
		if p.Span.Start >= m.Span.Start {
			break
		}
		if p.Type != news.PER || p.Span.Start < sp.Start || p.Span.End > m.Span.Start {
			continue
		}
		switch strings.TrimSpace(d.text[p.Span.End:m.Span.Start]) {
		case "of", "at", "from", "of the", "at the", "from the":
			return p, true
		}
	}
	return news.Mention{}, false
}

// lowerWords appends the lower-cased words of sp to out.
func (d *doc) lowerWords(sp news.Span, out []string) []string {
	for i := d.firstTokenAt(sp.Start); i < len(d.toks) && d.toks[i].s < sp.End; i++ {
		out = append(out, lower(d.toks[i].w))
	}
	return out
}

// firstTokenAt is the index of the first token ending after pos.
func (d *doc) firstTokenAt(pos int) int {
	return sort.Search(len(d.toks), func(k int) bool { return d.toks[k].e > pos })
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ":,")
}

// Voice cues: general words that say who a source is, never topics.
var voiceWords = func() map[string]string {
	m := map[string]string{}
	for v, ws := range map[string]string{
		news.VoiceAnonymous: "source sources insider insiders anonymity anonymous anonymously familiar unnamed unidentified " +
			"aide aides confidant confidants friend friends pal",
		news.VoiceExpert: "analyst analysts researcher researchers scientist scientists professor expert experts " +
			"economist economists study studies survey poll polls research scholar historian strategist " +
			"strategists doctor doctors data",
		news.VoiceFans: "fans fan user users followers commenters netizens viewers supporters critics readers",
		news.VoiceMedia: "newspaper magazine times post journal news tribune herald guardian telegraph reuters " +
			"ap cnn bbc nbc cbs abc fox msnbc npr bloomberg politico axios breitbart report reports reporter " +
			"reporters outlet network broadcaster tabloid daily gazette afp wire",
		news.VoiceOfficial: "spokesperson spokesman spokeswoman spokespeople rep reps representative " +
			"representatives publicist official officials police ministry " +
			"minister department government president senator sen. governor gov. mayor secretary agency office " +
			"administration prosecutor prosecutors court judge committee council commission chief director " +
			"congressman congresswoman rep. authorities army military pentagon embassy parliament lawmakers " +
			"lawmaker chairman chairwoman ceo company statement campaign party commissioner sheriff attorney " +
			"regulator regulators bureau fbi cia un nato eu cabinet leader leaders",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = v
		}
	}
	return m
}()

// voiceOrder breaks ties when a source phrase holds cues of several voices:
// "a source in the ministry" is anonymous, "the state news agency" is media.
var voiceOrder = []string{news.VoiceAnonymous, news.VoiceExpert, news.VoiceMedia, news.VoiceOfficial, news.VoiceFans}

// PhraseVoice is the voice of a source phrase read on its own ("Saudi
// officials": official; "a source close to the family": anonymous; "the
// Times": media), or news.VoiceNamed when no word says.
func PhraseVoice(phrase string) string {
	words := strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool {
		return r == ' ' || r == ',' || r == '\'' || r == '’' || r == '(' || r == ')'
	})
	return voiceOfWords(words, phrase, "")
}

// voice decides who stands behind a statement from its source phrase.
func voice(a *news.Article, d *doc, st *news.Statement) string {
	if st.Kind == "assertion" {
		return news.VoiceOutlet
	}
	if st.Source.Len() == 0 {
		return news.VoiceAnonymous
	}
	who := d.antecedent(st.Source)
	var words []string
	first := d.firstTokenAt(who.Start)
	for i := first; i < len(d.toks) && d.toks[i].s < who.End; i++ {
		words = append(words, lower(d.toks[i].w))
	}
	if len(words) > 0 && words[0] == "the" && bareOfficial(words) && d.officialBefore(first) {
		return news.VoiceOfficial // "the official" who was named before
	}
	return voiceOfWords(words, who.Text(a.Text), a.Source)
}

// voiceOfWords decides a voice from a source phrase's lower-cased words,
// the phrase itself and the outlet's name (naming it is other media).
func voiceOfWords(words []string, src, outlet string) string {
	found := map[string]bool{}
	reports := false // "reports" alone: other media; "a police report" is the police's
	for _, w := range words {
		if w == "report" || w == "reports" {
			reports = true
			continue
		}
		if v, ok := voiceWords[w]; ok {
			found[v] = true
		}
	}
	if reports && len(found) == 0 {
		found[news.VoiceMedia] = true
	}
	if bareOfficial(words) {
		return news.VoiceAnonymous // "the official", "a senior official": nobody says whose
	}
	if strings.Contains(src, "people close") || strings.Contains(src, "person close") ||
		strings.Contains(src, "to be named") || strings.Contains(src, "to be identified") || strings.Contains(src, "authorized to speak") ||
		strings.Contains(src, "authorised to speak") {
		found[news.VoiceAnonymous] = true
	}
	if outlet != "" && strings.Contains(strings.ToLower(src), strings.ToLower(outlet)) {
		found[news.VoiceMedia] = true
	}
	for _, v := range voiceOrder {
		if found[v] {
			return v
		}
	}
	return news.VoiceNamed
}

// officialWords name someone speaking for a body.
var officialWords = map[string]bool{"official": true, "officials": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "minister": true, "secretary": true, "director": true}

// officialBefore tells whether the sentences before token k (four at most)
// name an official of a body the text names: "Jordanian government
// spokesman", "a Health Ministry official", whom a later "the official"
// means.
func (d *doc) officialBefore(k int) bool {
	if k <= 0 || k >= len(d.toks) {
		return false
	}
	si := d.sentOf(k)
	from := d.sents[max(si-4, 0)].t0
	for i := k - 1; i > from; i-- {
		if !officialWords[lower(d.toks[i].w)] {
			continue
		}
		// a capitalised word among the three before it, not opening its
		// sentence: "Jordanian government official"
		for j := i - 1; j >= max(i-3, from) && !d.toks[j].punct; j-- {
			if d.toks[j].cap && j != d.sents[d.sentOf(j)].t0 {
				return true
			}
		}
	}
	return false
}

// bareOfficialWords may stand beside "official" in a source phrase that
// names no body: "the official", "two senior officials".
var bareOfficialWords = map[string]bool{"a": true, "an": true, "the": true, "one": true, "two": true, "three": true,
	"some": true, "several": true, "other": true, "another": true, "senior": true, "top": true, "high-ranking": true}

// bareOfficial reports a source phrase that is an official of no body the
// phrase names: an anonymous source.
func bareOfficial(words []string) bool {
	off := false
	for _, w := range words {
		switch {
		case w == "official" || w == "officials":
			off = true
		case !bareOfficialWords[w]:
			return false
		}
	}
	return off
}

// hedges weaken a statement; the first found is its modality.
var hedges = map[string]bool{"reportedly": true, "allegedly": true, "may": true, "might": true, "could": true,
	"rumoured": true, "rumored": true, "rumour": true, "rumor": true, "rumours": true, "rumors": true,
	"possibly": true, "perhaps": true, "apparently": true, "likely": true, "unlikely": true, "unconfirmed": true,
	"supposedly": true, "purportedly": true, "speculation": true, "speculated": true, "alleged": true,
	"seemingly": true, "probably": true, "maybe": true}

// hedgeCues are cues that report without vouching.
var hedgeCues = map[string]bool{"claimed": true, "claims": true, "claim": true, "alleged": true,
	"alleges": true, "speculated": true, "suggested": true, "suggests": true, "rumoured": true, "rumored": true,
	"believes": true, "believe": true, "believed": true, "thinks": true, "think": true, "suspects": true}

var questionCues = map[string]bool{"asked": true, "asks": true, "wondered": true, "wonders": true,
	"questioned": true, "questions": true, "doubted": true, "doubts": true, "asking": true}

var denyCues = map[string]bool{"denied": true, "denies": true, "deny": true, "denying": true,
	"dismissed": true, "dismisses": true, "rejected": true, "rejects": true, "refuted": true, "refutes": true,
	"disputed": true, "disputes": true, "rebuffed": true, "contradicted": true, "contested": true}

var debunkWords = map[string]bool{"false": true, "hoax": true, "fake": true, "fabricated": true,
	"baseless": true, "bogus": true, "debunked": true, "myth": true, "misinformation": true,
	"disinformation": true, "unfounded": true, "untrue": true, "lie": true, "lies": true, "falsehood": true}

// lieBefore are the words before "lie" or "lies" as a noun: "a lie",
// "outright lies".
var lieBefore = map[string]bool{"a": true, "the": true, "these": true, "those": true, "such": true, "outright": true,
	"complete": true, "total": true, "big": true, "blatant": true, "his": true, "her": true, "their": true, "its": true,
	"all": true, "of": true, "told": true, "tell": true, "telling": true, "spreading": true, "spread": true}

var negators = map[string]bool{"not": true, "n't": true, "n’t": true, "never": true, "no": true,
	"nobody": true, "nothing": true, "neither": true, "nor": true, "none": true}

func modality(cue string, words []string) string {
	for _, w := range strings.Fields(cue) {
		if hedges[w] {
			return w
		}
	}
	for _, w := range words {
		if hedges[w] {
			return w
		}
	}
	return hedgePhrase(words)
}

// beForms are the forms of "to be" before a hedging participle.
var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true}

// hedgeParticiples hedge what follows "is … to" ("is believed to have");
// weakParticiples only before "to be" or "to have" ("was reported to be",
// not "was reported to police").
var (
	hedgeParticiples = map[string]bool{"believed": true, "thought": true, "rumoured": true, "rumored": true,
		"alleged": true, "suspected": true, "feared": true}
	weakParticiples = map[string]bool{"said": true, "reported": true, "understood": true, "claimed": true}
)

// hedgePhrase returns the words that hedge a statement without a hedge of
// one word: "is believed to", "are thought to", "was said to be", "appears
// to", "seemed to"; "" when there are none.
func hedgePhrase(words []string) string {
	for i := 1; i+1 < len(words); i++ {
		w := words[i]
		if words[i+1] != "to" {
			continue
		}
		switch w {
		case "appears", "appear", "appeared", "seems", "seem", "seemed":
			return w + " to"
		}
		if !beForms[words[i-1]] {
			continue
		}
		next := ""
		if i+2 < len(words) {
			next = words[i+2]
		}
		if hedgeParticiples[w] || weakParticiples[w] && (next == "be" || next == "have") {
			return w + " to"
		}
	}
	return ""
}

func negated(words []string) bool {
	for _, w := range words {
		if negators[w] {
			return true
		}
	}
	return false
}

// stance reads the speaker's position toward what the content states.
func stance(cue string, words []string, st *news.Statement) news.Stance {
	if denyCues[lastWord(cue)] || denyCues[firstWord(cue)] {
		return news.Denies
	}
	for i, w := range words {
		if w == "true" && i > 0 && (negators[words[i-1]] || i > 1 && negators[words[i-2]]) {
			return news.Denies // "it was not true"
		}
	}
	for i, w := range words {
		if debunkWords[w] && (w != "lie" && w != "lies" || i > 0 && lieBefore[words[i-1]]) {
			return news.Debunks // not "the town that lies near the border"
		}
	}
	if st.Question {
		return news.Questions
	}
	if st.Hedged {
		return news.Rumour
	}
	return news.Asserts
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// assertions are the outlet's own factual sentences: outside every
// attribution, not questions, of reasonable length, naming an actor, a
// number or a date, and with a finite verb.
func assertions(a *news.Article, d *doc, attrs []news.Statement) []news.Statement {
	var out []news.Statement
	var words []string
	mi, di := 0, 0
	for _, s := range d.sents {
		sp := s.span
		n := s.t1 - s.t0
		for mi < len(a.Mentions) && a.Mentions[mi].Span.End <= sp.Start {
			mi++
		}
		for di < len(a.Dates) && a.Dates[di].Span.End <= sp.Start {
			di++
		}
		if n < 6 || n > 70 || d.toks[s.t0].inQ || isOpenMark(d.toks[s.t0].w) || strings.HasSuffix(sp.Text(a.Text), "?") {
			continue
		}
		covered := false
		for _, st := range attrs {
			if st.Span.Start < sp.End && sp.Start < st.Span.End {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		named := mi < len(a.Mentions) && a.Mentions[mi].Span.Start < sp.End
		dated := di < len(a.Dates) && a.Dates[di].Span.Start < sp.End
		number, verb := false, false
		for i := s.t0; i < s.t1; i++ {
			w := d.toks[i].w
			if w[0] >= '0' && w[0] <= '9' {
				number = true
			}
			lw := lower(w)
			if finiteVerbs[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ed") && !d.toks[i].cap {
				verb = true
			}
		}
		if !verb || !(named || dated || number) {
			continue
		}
		st := news.Statement{Span: sp, Content: sp, Kind: "assertion", Voice: news.VoiceOutlet}
		words = d.lowerWords(sp, words[:0])
		st.Modality = modality("", words)
		st.Hedged = st.Modality != ""
		st.Negated = negated(words)
		st.Stance = stance("", words, &st)
		out = append(out, st)
	}
	return out
}

// nounToo are finite verbs of finiteVerbs that a source phrase may hold as
// a noun or an adjective ("the left wing", "a shot caller").
var nounToo = map[string]bool{"set": true, "hit": true, "cut": true, "put": true, "left": true, "shot": true,
	"led": true, "won": true, "lost": true}

// finiteVerbs are common finite verbs that do not end in -ed.
var finiteVerbs = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true,
	"have": true, "had": true, "will": true, "won": true, "lost": true, "took": true, "made": true,
	"began": true, "left": true, "met": true, "told": true, "said": true, "says": true, "held": true,
	"rose": true, "fell": true, "grew": true, "sold": true, "bought": true, "paid": true, "led": true,
	"ran": true, "became": true, "came": true, "went": true, "gave": true, "set": true, "hit": true,
	"cut": true, "put": true, "shot": true, "struck": true, "broke": true, "found": true, "got": true,
	"sent": true, "spent": true, "built": true, "chose": true, "wrote": true, "voted": true, "won't": true}

// objectOpeners open the object of a verb inside a source phrase.
var objectOpeners = map[string]bool{"the": true, "a": true, "an": true, "that": true, "this": true, "these": true,
	"those": true, "his": true, "her": true, "its": true, "their": true, "any": true, "all": true, "reports": true, "claims": true}
