package claim

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/statement"
)

// Reading an article's stance toward the main claim: the article's own
// statements first (the sentence that states the claim, with who says it),
// the stance model second.

var (
	// debunkWords call a claim false. They are the vocabulary of veracity
	// itself, not of any topic.
	debunkWords = regexp.MustCompile(`(?i)\b(hoax(?:es)?|fake[sd]?|faked|fabricat\w*|made[- ]up|satir\w*|spoof\w*|debunk\w*|untrue|not true|no truth|isn't true|is false|was false|are false|false (?:stor(?:y|ies)|reports?|rumou?rs?|claims?|news|information)|bogus|doctored|photoshop(?:ped| job)|retract(?:ed|ion|s)|pulled (?:a|the|its) (?:story|article|report|piece)|embellish\w*|(?:is|was|are|were) not real|(?:isn't|wasn't|aren't|weren't|it's not|that's not) real|baseless|unfounded|no evidence|urban legend|prank|inaccurate|not accurate|call(?:s|ed|ing)? (?:\w+ ){0,3}["“‘']?(?:false|wrong|incorrect))\b`)
	// denyWords: someone rejects the claim.
	denyWords = regexp.MustCompile(`(?i)\b(den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:ed|es|ing)|rebuff(?:ed)?|shot down|shoots down|categorically)\b`)
	// hedgeWords weaken a statement to a report or a possibility.
	hedgeWords = regexp.MustCompile(`(?i)\b(reportedly|allegedly|purported(?:ly)?|alleged|rumou?r(?:s|ed)?|unconfirmed|unverified|claim(?:s|ed|ing)?|apparently|appear(?:s|ed)? to|seem(?:s|ed|ingly)?|may|might|could|possibly|speculat\w*|(?:is|are|was|were)? ?said to (?:be|have|open|launch|include|cost|plan)|believed to|suggest(?:s|ed)?|if true|(?:reports?|claims?|rumou?rs?|allegations?|speculation) that|investigat\w* (?:the |these |those )?(?:reports?|claims?|rumou?rs?|allegations?)|not (?:yet )?(?:been )?(?:independently )?(?:confirmed|verified))\b`)
	// doubtWords: someone doubts the claim without calling it false.
	doubtWords = regexp.MustCompile(`(?i)\b(cast(?:s|ing)? doubts?|raised? doubts?|raising doubts?|doubt(?:s|ed|ful)|skeptic(?:al|ism|s)?|sceptic(?:al|ism|s)?|dubious|questionable|not convinced|unconvinced|conspiracy theor\w*|questioned whether|call(?:s|ed)? into question)\b`)
	// claimReference points back at a story's claim without repeating it.
	claimReference = regexp.MustCompile(`(?i)\b(the|this|that|these|those|such) (story|stories|report|reports|claim|claims|rumou?rs?|news|photos?|pictures?|images?|video|footage|post|tweet|article|account|allegations?)\b`)
)

// affirmWords vouch for what a story reports without restating it: "it is
// indeed genuine", "the report was accurate". They are the vocabulary of
// veracity itself, like debunkWords.
var affirmWords = regexp.MustCompile(`(?i)^\W*(?:it|this|that|they|these|the (?:\w+ ){0,2}(?:story|report|reports|letter|photo|picture|image|video|account|news|claim|claims|document|note|footage))(?:'s| (?:is|was|are|were))(?: indeed| in fact| actually| genuinely)? (?:true|genuine|authentic|real|accurate|correct|legitimate)\b`)

// denialOf: someone denies something said ("denied that", "deny the claim",
// "dismissed the reports", "shot down that rumor"), not "dismissed from
// service" or "to deny them liberty".
var denialOf = regexp.MustCompile(`(?i)\b(den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:ed|es|ing)|rebuff(?:ed|s)?|shot down|shoots down)\s+(?:(?:the|that|this|these|those|all|any|such|its|his|her|their|earlier|recent|latest|new|online|media|press)\s+){0,3}(?:that\b|claims?|reports?|allegations?|accusations?|charges|rumou?rs?|stor(?:y|ies)|suggestions?|speculation)`)

// denier is the subject of a denial sentence: the words before its verb.
var denier = regexp.MustCompile(`(?i)(?:^|[,;:]\s+|\bbut\s+|\bhowever,?\s+)((?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+)(?:,\s+however,)?\s+(?:has|have|had|also|quickly|swiftly|strongly|flatly|firmly|categorically|\s)*(?:den(?:y|ies|ied)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)|rebuff(?:ed|s)?|shot down|shoots down)\b`)

// notConfirmed: "police have not confirmed whether", "has yet to be
// confirmed": no word either way.
var notConfirmed = regexp.MustCompile(`(?i)\b(not|no|never|yet to|cannot|can't|could not|couldn't|unable to)\b(?: \w+){0,6} confirm(?:ed|ation)?\b`)

// Literal keys that must occur (lower-cased) before the regular
// expressions above are worth running: a cheap test first.
var (
	debunkKeys = []string{"retract", "pulled", "real", "embellish", "accurate", "incorrect", "wrong", "hoax", "fake", "fabricat", "made up", "made-up", "satir", "spoof", "debunk", "untrue", "true",
		"false", "bogus", "doctored", "photoshop", "baseless", "unfounded", "no evidence", "urban legend", "prank"}
	doubtKeys = []string{"doubt", "skeptic", "sceptic", "dubious", "questionable", "convinced", "conspiracy", "question"}
	denyKeys  = []string{"den", "dismiss", "reject", "refut", "rebuff", "shot down", "shoots down", "categorical"}
)

// nonAgents are heads of source phrases that are documents, not people:
// "a statement", "the report" speak for nobody in particular.
var nonAgents = map[string]bool{"statement": true, "report": true, "reports": true, "release": true, "document": true,
	"documents": true, "email": true, "letter": true, "post": true, "article": true, "study": true, "video": true}

// textNouns head source phrases that are the claim's own text, not anyone
// who speaks: "the bogus story claimed", "the fake article said".
var textNouns = map[string]bool{"story": true, "stories": true, "article": true, "articles": true, "piece": true,
	"headline": true, "headlines": true, "tweet": true, "tweets": true, "claim": true, "claims": true, "rumor": true,
	"rumors": true, "rumour": true, "rumours": true, "hoax": true, "site": true, "website": true}

// textSource tells whether a source phrase is headed by one of textNouns.
func textSource(by string) bool {
	f := strings.Fields(strings.ToLower(by))
	for _, w := range f {
		if textNouns[strings.Trim(w, ".,()")] {
			return true
		}
	}
	return false
}

// indefinite determiners open an unnamed source: "an official", "one
// official", "two officials", "some officials".
var indefinite = map[string]bool{"a": true, "an": true, "one": true, "two": true, "three": true, "some": true,
	"several": true, "other": true, "officials": true, "sources": true}

// voiceOf refines a statement's voice for weighing it: a document is no
// speaker, and an unnamed official ("a U.S. official") is an anonymous
// source unless the phrase names whom they speak for.
func voiceOf(by, voice string) string {
	f := strings.Fields(strings.ToLower(by))
	if len(f) == 0 {
		return voice
	}
	if nonAgents[strings.Trim(f[len(f)-1], ".,")] && voice != news.VoiceMedia {
		return news.VoiceNamed // "local reports" stay other media's: reported, not stated
	}
	if voice == news.VoiceOfficial && unnamedOfficials(by) {
		return news.VoiceAnonymous // "senior intelligence officials": whose?
	}
	if voice == news.VoiceOfficial && indefinite[f[0]] {
		// Named when the phrase says whom they speak for: "a spokesman for
		// the Pentagon", "an official at the Interior Ministry"; "one
		// American official" is not.
		named := strings.Contains(by, "'s ") || strings.Contains(by, "’s ")
		ws := strings.Fields(by)
		for i := 1; i+1 < len(ws); i++ {
			switch strings.ToLower(ws[i]) {
			case "for", "of", "at", "from", "with", "in":
				for _, w := range ws[i+1:] {
					if w[0] >= 'A' && w[0] <= 'Z' {
						named = true
					}
				}
			}
		}
		if !named {
			return news.VoiceAnonymous
		}
	}
	return voice
}

// unnamedOfficials tells whether a source phrase is plural officials
// without a name for whom they speak: "senior western intelligence
// officials", but not "U.S. officials" or "officials at the Pentagon".
func unnamedOfficials(by string) bool {
	ws := strings.Fields(by)
	last := strings.ToLower(strings.Trim(ws[len(ws)-1], ".,"))
	if last != "officials" && last != "sources" {
		return false
	}
	for _, w := range ws[1:] {
		if w[0] >= 'A' && w[0] <= 'Z' {
			return false
		}
	}
	return !(ws[0][0] >= 'A' && ws[0][0] <= 'Z') || len(ws) == 1 || indefinite[strings.ToLower(ws[0])] ||
		strings.EqualFold(ws[0], "the") || strings.EqualFold(ws[0], "senior")
}

// hasAny reports whether lower contains one of keys.
func hasAny(lower string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

// Sentence flags: what a sentence says about veracity, whatever the claim.
const (
	flagDebunk    = 1 << iota // calls something false
	flagDoubt                 // doubts something
	flagReference             // points back at "the story", "the report"
	flagNegated               // negates a verb ("did not blur")
	flagDenial                // someone denies or refutes something
)

// sentenceFlags reads a sentence's flags.
func sentenceFlags(text string) uint8 {
	var f uint8
	lower := strings.ToLower(text)
	switch debunkIn(text, lower) {
	case debunkSure:
		f |= flagDebunk
	case debunkHedged:
		f |= flagDoubt // "may be a hoax": a doubt, not a verdict
	}
	if hasAny(lower, doubtKeys) && doubtWords.MatchString(text) {
		f |= flagDoubt
	}
	if f != 0 && claimReference.MatchString(text) {
		f |= flagReference
	}
	if (strings.Contains(lower, " not") || strings.Contains(lower, "n't") || strings.Contains(lower, "n’t")) && negatedVerb.MatchString(text) {
		f |= flagNegated
	}
	if hasAny(lower, denyKeys) && denialOf.MatchString(text) && !noComment.MatchString(text) && !strings.Contains(lower, "no denying") {
		f |= flagDenial | flagReference
	}
	return f
}

// sentenceReading is what one sentence says about a claim.
type sentenceReading struct {
	stance   news.Stance
	by       string
	voice    string
	modality string
	onRecord bool // the speaker confirms it in so many words
}

// readSentence reads the stance of the sentence at s toward the claim it
// states: the statement found there by the statement stage when there is
// one, else the sentence's own words.
//
// The statement counts when its content holds the claim: a sentence
// that states the claim and, in another clause, quotes someone on something
// else is the outlet's own.
//
// statementWords are the folded words of a's statements' contents, from the
// cache.
func readSentence(a *news.Article, s news.Span, sw storyWords, main candidate, statementWords [][]string) sentenceReading {
	text := s.Text(a.Text)
	r := sentenceReading{stance: news.Asserts, voice: news.VoiceOutlet}
	bestCover := statementMatch
	said := "" // the chosen statement's words, cue and content
	for k, st := range a.Statements {
		if st.Kind == "" || st.Kind == "assertion" || st.Unsaid || !st.Span.Overlaps(s) || intentionCue(a, st) {
			continue
		}
		by := stanceSpeaker(st)
		if by == "" {
			continue // "the bogus story claimed": the outlet's own reading
		}
		cover, _ := coverageWords(sw, main, statementWords[k])
		if cover < statementMatch && wholeSentence(a.Text, s, st) {
			// "Multiple users of the app Parlo have reported that the
			// carrier cut them off": the claim's words in the source phrase
			// are still the speaker's sentence, with no clause of the
			// outlet's own around it.
			ws := append(strings.FieldsFunc(fold.String(st.Source.Text(a.Text)), claimWordSplitFunc), statementWords[k]...)
			if c, _ := coverageWords(sw, main, ws); c >= statementMatch {
				cover = statementMatch
			}
		}
		if cover < bestCover {
			continue
		}
		bestCover = cover
		said = spokenWords(a, st)
		r.by, r.voice, r.modality = by, voiceOf(by, st.Voice), st.Modality
		if r.voice == "" {
			r.voice = news.VoiceNamed
		}
		r.stance = news.Asserts
		if st.Stance != "" {
			r.stance = st.Stance
		}
		r.onRecord = r.stance == news.Asserts && !st.Hedged && st.Modality == "" && !st.Question &&
			confirmsOnRecord(a, st, r.voice)
	}
	t := strings.TrimSpace(text)
	lower := strings.ToLower(t)
	debunk := debunkIn(t, lower)
	switch {
	case (strings.Contains(lower, "comment") || strings.Contains(lower, "confirm")) &&
		(noComment.MatchString(t) || notConfirmed.MatchString(t)):
		r.stance = news.Rumour // "neither confirmed nor denied": no word either way
	case debunk == debunkSure:
		r.stance = news.Debunks
		if r.by == "" || debunkIn(said, strings.ToLower(said)) != debunkSure {
			// "Bratton called the article false", "Durex confirmed that
			// the condom is fake": the verdict points at the report, not at
			// the claim's words, so no statement held enough of the claim
			// above; the speaker whose own words call it false is the one.
			// "The urban legend spread when the press, which cited X, …":
			// the press stated the claim; the verdict is the outlet's.
			r.by, r.voice = debunker(a, s)
		}
	case debunk == debunkHedged:
		r.stance = news.Questions
	case hasAny(lower, denyKeys) && denyWords.MatchString(t):
		r.stance = news.Denies
	case strings.HasSuffix(strings.TrimRight(t, `"'”’) `), "?"):
		r.stance = news.Questions
	case r.stance == news.Asserts && negates(t, main):
		r.stance = news.Denies // the sentence says the claim's opposite
	case r.stance == news.Asserts && hedgeWords.MatchString(t):
		r.stance = news.Rumour
		if r.modality == "" {
			r.modality = strings.ToLower(hedgeWords.FindString(t))
		}
	}
	return r
}

// wholeSentence tells whether st's source (of at most eight words), cue and
// content make up the sentence s, but for at most two words around them.
func wholeSentence(text string, s news.Span, st news.Statement) bool {
	if st.Source.Len() == 0 || st.Cue.Len() == 0 || st.Content.Len() == 0 || len(strings.Fields(st.Source.Text(text))) > 8 {
		return false // a source phrase of a clause's length was misread
	}
	from := min(st.Source.Start, st.Cue.Start, st.Content.Start)
	to := max(st.Source.End, st.Cue.End, st.Content.End)
	if from < s.Start || to > s.End {
		return false
	}
	return len(strings.Fields(text[s.Start:from]))+len(strings.Fields(strings.Trim(text[to:s.End], ".!?\"'”’ "))) <= 2
}

// maxReadSentences bounds how far into an article the claim is looked for.
const maxReadSentences = 60

// mainClaimMatch is how much of the main claim's weighted words a sentence
// must hold to state it.
const mainClaimMatch = 0.5

// plainMatch is how much of what the claim says about its names (its words
// that are not names) a sentence must hold to state it.
const plainMatch = 0.34

// statementMatch is how much of the main claim a statement's content must
// hold for its speaker to stand behind the sentence's reading.
const statementMatch = 0.3

// confirmMatch is how much of the main claim a statement by an official or
// a named speaker must hold, outside the sentence that states the claim, to
// confirm it.
const confirmMatch = 0.45

// clauseConfirmMatch is how much of the claim a short confirmed clause must
// cover to confirm it in an article that states the claim.
const clauseConfirmMatch = 0.15

// denialMatch is how much of the main claim a denial statement must hold
// when it does not point back at "the reports" or "the claims".
const denialMatch = 0.25

// denialSentenceMatch is how much of the main claim a sentence that
// negates it must hold to deny it.
const denialSentenceMatch = 0.3

// debunkMatch is how much of the main claim a debunking sentence must hold
// when it does not point back at "the story" or "the report".
const debunkMatch = 0.3

// readArticle returns a's stance entries toward the main claim: the
// sentence that states it, and a sentence that debunks it.
// best is the sentence closest to the claim, whether or not it states it.
// r is what was read of a's sentences (from the cache).
func readArticle(main candidate, sw storyWords, a *news.Article, r *articleReading) (entries []news.StanceEntry, best news.Span) {
	words, flags := r.words, r.flags
	if len(r.statementWords) != len(a.Statements) {
		return nil, news.Span{} // the reading is of another version of the article
	}
	var out []news.StanceEntry
	ss := sentences(a)
	bestScore := 0.0
	var debunk, doubt, denial news.Span
	for i, s := range ss {
		if i >= maxReadSentences {
			break
		}
		if inSocial(a, s) {
			continue
		}
		sc, plain := coverageWords(sw, main, words[i])
		if len(main.plain) > 0 && plain < plainMatch {
			sc = min(sc, mainClaimMatch/2) // the names without what the claim says of them
		}
		if sc > bestScore {
			best, bestScore = s, sc
		}
		f := flags[i]
		ref := f&flagReference != 0
		if denial.Len() == 0 && f&flagDenial != 0 && (sc >= denialMatch || ref) {
			// "Saudi officials deny the claim", "the agency refuted that
			// claim"; not "Vale denied the accusation" after another one
			// (its own words holding no more than the claim's names)
			namesOnly := len(main.plain) == 0 || plain < plainMatch
			if !(ref && namesOnly && otherAccusation(a, ss, words, i, sw, main)) {
				denial = s
			}
		}
		if denial.Len() == 0 && f&flagNegated != 0 && sc >= denialSentenceMatch {
			if t := s.Text(a.Text); negates(t, main) {
				denial = s // "Saudi TV did not blur her face", besides the sentence that states the claim
			}
		}
		if debunk.Len() > 0 && doubt.Len() > 0 {
			continue
		}
		if debunk.Len() == 0 && f&flagDebunk != 0 && (sc >= debunkMatch || f&flagReference != 0) {
			debunk = s
		}
		if doubt.Len() == 0 && f&flagDoubt != 0 && (sc >= debunkMatch || f&flagReference != 0) {
			doubt = s
		}
	}
	// A denial by someone, worded differently, that points at the claim.
	for k, st := range a.Statements {
		if st.Kind == "" || st.Kind == "assertion" || st.Unsaid || inSocial(a, st.Span) || intentionCue(a, st) {
			continue
		}
		content := st.Content.Text(a.Text)
		sc, _ := coverageWords(sw, main, r.statementWords[k])
		// A confirmation by an official or a party that states the claim
		// in its own words (the speaker's standing is checked below).
		sv := voiceOf(st.By, st.Voice)
		plainAssert := st.Stance == news.Asserts && !st.Hedged && st.Modality == "" && !st.Question
		confirms := plainAssert && sc >= confirmMatch && (sv == news.VoiceOfficial || st.Voice == news.VoiceNamed)
		// Or a named speaker who confirms it in so many words, pointing at
		// the claim ("the news was confirmed by X", "X confirmed Jackson's
		// death") in an article that states it.
		// (a short clause of its own must share some of the claim's words:
		// "one of the bundles had missed its target" confirms another event)
		onRecord := plainAssert && confirmsOnRecord(a, st, sv) && !nested(a, k) &&
			(sc >= confirmMatch || bestScore >= mainClaimMatch && (referringPhrase(content) && (sc >= clauseConfirmMatch || !hasVerb(content)) ||
				affirmWords.MatchString(content)))
		sent := st.Span.Text(a.Text)
		// The statement with the few words before it: "No agency confirmed".
		wider := a.Text[max(0, min(st.Span.Start, st.Source.Start)-20):st.Span.End]
		if st.Stance == news.Debunks {
			// The statement's debunk word read in its context: "a fake
			// casing" calls nothing false; "could be a hoax" is a doubt.
			switch debunkIn(sent, strings.ToLower(sent)) {
			case debunkNone:
				st.Stance = news.Asserts
			case debunkHedged:
				st.Stance = news.Questions
			}
		}
		if (confirms || onRecord) && (negates(content, main) || opposes(content, main)) {
			// "confirmed that X was not ...", "confirmed he is alive": a denial.
			confirms, onRecord, st.Stance = false, false, news.Denies
		} else if (confirms || onRecord) && negatedVerb.MatchString(content) {
			confirms, onRecord = false, false // "confirmed he didn't testify": no plain confirmation
		}
		if onRecord && debunkIn(sent, strings.ToLower(sent)) != debunkNone {
			onRecord = false // "confirmed the story was fake": read below
		}
		confirms = confirms || onRecord
		if !confirms && st.Stance != news.Denies && st.Stance != news.Debunks {
			continue
		}
		if !confirms && sc < denialMatch && !claimReference.MatchString(content) {
			continue
		}
		if noComment.MatchString(wider) || confirms && (notConfirmed.MatchString(wider) || hedgeWords.MatchString(sent)) {
			continue // "neither confirmed nor denied", "would not confirm": no word either way
		}
		if debunk.Len() > 0 && debunk.Overlaps(st.Span) || best.Overlaps(st.Span) && bestScore >= mainClaimMatch {
			continue // read below
		}
		by := stanceSpeaker(st)
		voice := voiceOf(by, st.Voice)
		if voice == "" || by == "" {
			continue // a denial needs someone who denies
		}
		out = append(out, news.StanceEntry{ArticleID: a.ID, Stance: st.Stance, By: by, Voice: voice, OnRecord: onRecord,
			Text: clipText(sent, 300), Citations: []news.Citation{news.Cite(a.ID, st.Span)}})
	}
	// add cites the sentence at sp with its reading, under the given stance.
	add := func(sp news.Span, rd sentenceReading, stance news.Stance) {
		out = append(out, news.StanceEntry{ArticleID: a.ID, Stance: stance, By: rd.by, Voice: rd.voice,
			OnRecord: rd.onRecord && stance == news.Asserts,
			Text:     clipText(sp.Text(a.Text), 300), Citations: []news.Citation{news.Cite(a.ID, sp)}})
	}
	read := func(sp news.Span) sentenceReading { return readSentence(a, sp, sw, main, r.statementWords) }
	if bestScore >= mainClaimMatch {
		if rd := read(best); rd.stance != news.Debunks || debunk.Len() == 0 {
			add(best, rd, rd.stance)
		}
	}
	if doubt.Len() > 0 && debunk.Len() == 0 {
		add(doubt, read(doubt), news.Questions)
	}
	if debunk.Len() > 0 {
		add(debunk, read(debunk), news.Debunks)
	} else if denial.Len() > 0 && !(bestScore >= mainClaimMatch && denial.Overlaps(best)) && deniesClaim(sw, main, denial.Text(a.Text)) {
		rd := read(denial)
		if rd.by == "" {
			// No statement found there: the denial's subject speaks.
			if m := denier.FindStringSubmatch(denial.Text(a.Text)); m != nil && !pronounSubject(m[1]) {
				by := statement.TrimSource(dropHeading(m[1]))
				rd.by, rd.voice = by, voiceOf(by, statement.PhraseVoice(by))
			}
		}
		if rd.stance == news.Denies && rd.by != "" {
			add(denial, rd, news.Denies) // a denial needs someone who denies
		}
	}
	return news.OwnWordsAside(out), best
}

// accusationWords name something said against someone.
var accusationWords = regexp.MustCompile(`(?i)\b(?:accus\w*|alleg\w*|claim\w*|rumou?r\w*|charg(?:e|ed|es|ing))\b`)

// otherAccusation tells whether the sentence before sentence i (in the
// paragraph before, too) makes an accusation of its own that holds little
// of the main claim: "…an officer accused him of trying to reach Somalia.
// Emwazi denied the accusation": the denial points back at that one, not
// at the story's.
func otherAccusation(a *news.Article, ss []news.Span, words [][]string, i int, sw storyWords, main candidate) bool {
	if i == 0 || i-1 >= len(words) {
		return false
	}
	if !accusationWords.MatchString(ss[i-1].Text(a.Text)) {
		return false
	}
	sc, _ := coverageWords(sw, main, words[i-1])
	return sc < denialMatch
}

// deniesClaim tells whether a denial sentence denies the claim. When the
// claim's words stand mostly in another clause of the sentence, the denial's
// own clause (its subject with it) must hold enough of them, or what it
// denies must point back at the claim ("denied the reports"): "IS attacked
// from Turkey, officials said, although Turkey denied that the fighters used
// its territory" names the claim in its first clause and denies another
// thing.
func deniesClaim(sw storyWords, main candidate, sent string) bool {
	m := denier.FindStringIndex(sent)
	if m == nil || m[0] == 0 {
		return true // worded otherwise ("did not blur her face"), or the denial is the sentence
	}
	if object := sent[m[1]:]; claimReference.MatchString(object) || strings.TrimSpace(object) == "" {
		return true
	}
	words := func(s string) []string { return strings.FieldsFunc(fold.String(s), claimWordSplitFunc) }
	clause, _ := coverageWords(sw, main, words(sent[m[0]:]))
	before, _ := coverageWords(sw, main, words(sent[:m[0]]))
	return before <= clause || clause >= denialMatch
}

// coverageWords is the weighted share of the claim's words, and of its
// plain words, that a text's folded words hold; computed without building a
// word set, as it runs on every sentence of every article.
func coverageWords(sw storyWords, main candidate, words []string) (all, plain float64) {
	var seen [64]string
	n := 0
	var got, gotPlain, total, totalPlain float64
	for _, w := range words {
		if !main.words[w] {
			continue
		}
		dup := false
		for _, x := range seen[:n] {
			if x == w {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if n < len(seen) {
			seen[n] = w
			n++
		}
		got += sw.weight(w)
		if main.plain[w] {
			gotPlain += sw.weight(w)
		}
	}
	if main.total > 0 {
		total, totalPlain = main.total, main.totalPlain
	} else {
		total, totalPlain = main.totals(sw)
	}
	if total > 0 {
		all = got / total
	}
	if totalPlain > 0 {
		plain = gotPlain / totalPlain
	}
	return all, plain
}

// What a sentence's debunk words amount to.
const (
	debunkNone   = iota
	debunkSure   // calls something false
	debunkHedged // only wonders whether it is: "may be a hoax", "verify or debunk"
)

// reportNouns are what a debunk adjective must qualify to call a story
// false: "a fake report", "a satirical website"; "a fake casing" or "a
// satirical magazine" call nothing false.
var reportNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields("story stories news report reports video videos photo photos image images " +
		"picture pictures account accounts tweet tweets claim claims site sites website websites article articles " +
		"post posts quote quotes page pages profile letter document documents headline headlines rumor rumors " +
		"rumour rumours screenshot screenshots clip clips footage memo memos ad ads advert adverts email emails " +
		"statement announcement press release obituary memorial death deaths tale tales piece pieces") {
		reportNouns[w] = true
	}
}

// predicateNext are words after which a debunk adjective stands alone as a
// predicate: "is fake and", "exposed as fake by".
var predicateNext = map[string]bool{"and": true, "or": true, "but": true, "by": true, "that": true, "on": true,
	"in": true, "according": true, "as": true, "after": true, "from": true, "to": true, "with": true,
	"which": true, "since": true, "because": true, "though": true, "although": true, "anyway": true}

// debunkHedge turns a debunk word into a doubt.
var debunkHedge = regexp.MustCompile(`(?i)\b(may|might|could|possib\w*|chance|whether|wonder\w*|question\w*|able to|if it|if the|if this|or debunk|to debunk|suggest\w*|prove|turn out|turns out to|maybe|perhaps|hope|hopes|hoping)\b`)

// satireSource: the words before "satirical site" that make it a source.
var satireSource = regexp.MustCompile(`(?i)\b(on|by|from|at|in|of|is|was|are|were|as)\s+(?:a|an|the)?\s*(?:\w+\s+)?$`)

// modalBefore: "will be made up by", "to be made up of" are no verdict.
var modalBefore = regexp.MustCompile(`(?i)\b(will|would|to|can|could|may|might|must|should) be\s*$`)

// debunkIn reads a sentence's debunk words in their context; lower is the
// sentence in lower case.
func debunkIn(text, lower string) int {
	if !hasAny(lower, debunkKeys) {
		return debunkNone
	}
	found := debunkNone
	for _, loc := range debunkWords.FindAllStringIndex(text, -1) {
		if !debunkCounts(text, loc[0], loc[1]) {
			continue
		}
		// A hedge near the word ("may have been faked", "question if it's
		// a fake"), or a question, makes it a doubt.
		near := text[max(0, loc[0]-90):min(len(text), loc[1]+15)]
		if strings.HasSuffix(strings.TrimRight(text, `"'”’) `), "?") || debunkHedge.MatchString(near) {
			found = debunkHedged
			continue
		}
		return debunkSure
	}
	return found
}

// debunkCounts tells whether the debunk word at text[i:j] calls a report
// false, from the words around it.
func debunkCounts(text string, i, j int) bool {
	m := strings.ToLower(text[i:j])
	next := strings.Fields(text[j:])
	word := func(k int) string {
		if k >= len(next) {
			return ""
		}
		return strings.Trim(next[k], `"'“”‘’()[],.;:!?`)
	}
	switch {
	case strings.HasPrefix(m, "made"):
		return word(0) != "of" && !modalBefore.MatchString(text[:i])
	case m == "fake" || m == "prank" || m == "inaccurate" || strings.HasPrefix(m, "satir") || strings.HasPrefix(m, "spoof"):
		// An adjective: it must qualify a report, or stand as a predicate.
		// A satirical site is a hoax's origin only as a source ("published
		// on a satirical website", "is a satire site"), not as a project
		// ("hired to start a satirical website").
		if strings.HasPrefix(m, "satir") && !satireSource.MatchString(text[max(0, i-24):i]) {
			if w := word(0); reportNouns[strings.ToLower(w)] {
				return false
			}
		}
		for k := 0; k < 4; k++ {
			w := word(k)
			if k > 0 && (k >= len(next) || strings.ContainsAny(next[k-1], ",.;:!?")) {
				return true // the phrase ended: "is a fake."
			}
			switch lw := strings.ToLower(w); {
			case w == "":
				return true
			case reportNouns[lw] || predicateNext[lw] || lw == "—" || lw == "-":
				return true
			case w[0] >= 'A' && w[0] <= 'Z':
				continue // a name between: "a fake BBC News website"
			default:
				return false // "a fake casing", "a satirical magazine"
			}
		}
		return false
	}
	return true
}

// negates tells whether a negation in the sentence bears on what the main
// claim says (a word of its predicate within a few words after "not"): "X
// has not been arrested" denies "X was arrested"; "it is not the heaviest
// ever caught" or "he has not been seen in public" do not.
func negates(t string, main candidate) bool {
	for _, loc := range negatedVerb.FindAllStringIndex(t, -1) {
		if notFlip.MatchString(t[loc[0]:min(len(t), loc[1]+20)]) {
			continue
		}
		if clause := t[max(0, loc[0]-40):loc[0]]; relativeClause.MatchString(clause) {
			continue // "the resident, whose identity has not been released"
		}
		// The negated predicate: the first content word after "not",
		// past auxiliaries ("has not been arrested", "does not have Ebola").
		for _, w := range strings.FieldsFunc(fold.String(t[loc[1]:]), claimWordSplitFunc) {
			if len(w) <= 2 || fold.Stop(w) || negAux[w] {
				continue
			}
			if main.words[w] || sameStem(w, main.words) {
				return true
			}
			break
		}
	}
	return false
}

// relativeClause: a negation inside a relative clause says something of
// another thing than the claim.
var relativeClause = regexp.MustCompile(`(?i)\b(whose|who|whom|which|where)\b[^,;.]*$`)

// negAux are the words between a negation and the predicate it negates.
var negAux = map[string]bool{"been": true, "being": true, "have": true, "has": true, "had": true, "get": true,
	"got": true, "actually": true, "really": true, "ever": true, "even": true, "currently": true, "officially": true,
	"yet": true, "all": true, "one": true}

// sameStem tells whether w shares its first five letters with a word of
// set (testify, testimony), for words of at least five letters.
func sameStem(w string, set map[string]bool) bool {
	const n = 5
	if len(w) < n {
		return false
	}
	for x := range set {
		if len(x) >= n && x[:n] == w[:n] {
			return true
		}
	}
	return false
}

// confirmsOnRecord tells whether statement st is someone confirming in so
// many words, by name: an official, or a named entity heading the source,
// as the agent of "confirmed" ("the Pentagon confirmed", "was confirmed by
// his manager"), not its object ("five confirmed cases", "Mr. Ramos was
// confirmed dead"), in a sentence that is neither conditional, negated nor
// hedged ("if her death is confirmed", "no official has yet confirmed",
// "supposedly, the CDC has confirmed").
func confirmsOnRecord(a *news.Article, st news.Statement, voice string) bool {
	if voice != news.VoiceOfficial && (voice != news.VoiceNamed || st.ByKey == "") {
		return false
	}
	cue := strings.ToLower(st.Cue.Text(a.Text))
	at := strings.Index(cue, "confirm")
	if at < 0 {
		return false
	}
	from := min(st.Span.Start, st.Source.Start)
	sent := a.Text[max(0, from-20):st.Span.End]
	if confirmDoubt.MatchString(sent) || notConfirmed.MatchString(sent) || hedgeWords.MatchString(sent) ||
		vagueConfirm.MatchString(sent) || reportedSpeech.MatchString(a.Text[max(0, st.Source.Start-40):st.Source.Start]) {
		return false
	}
	before := strings.Fields(strings.ToLower(a.Text[max(st.Span.Start, st.Cue.Start-12):st.Cue.Start] + cue[:at]))
	passive := len(before) > 0 && beAux[before[len(before)-1]]
	return !passive || st.Source.Start > st.Cue.Start // "confirmed by X": the agent follows
}

// beAux before "confirmed" makes it passive.
var beAux = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"being": true}

// reportedSpeech before a confirmation makes it someone's account of one:
// "they even said both the BBC and a representative had confirmed it".
var reportedSpeech = regexp.MustCompile(`(?i)\b(say|says|said|saying|claim\w*|told|tells|report\w*|alleg\w*)\b`)

// vagueConfirm: "would only vaguely confirm", "partly confirmed".
var vagueConfirm = regexp.MustCompile(`(?i)\b(only|vaguely|partly|partially|part of|one part)\b`)

// confirmDoubt: a confirmation that is conditional or hedged.
var confirmDoubt = regexp.MustCompile(`(?i)\b(if|unless|whether|once|until|supposedly|no|none|never)\b`)

// referringPhrase tells whether a confirmation's content is a short noun
// phrase that refers to an event rather than a clause that states one:
// "confirmed the musician's death", "confirmed the news" (in an article
// that states the claim, it is the claim that is confirmed).
func referringPhrase(content string) bool {
	f := strings.Fields(content)
	if len(f) == 0 || len(f) > 8 {
		return false
	}
	switch strings.ToLower(f[0]) {
	case "that", "it", "he", "she", "they", "there", "to", "in", "on", "at", "by", "with", "as", "is", "was":
		return false
	}
	for _, w := range f {
		if strings.EqualFold(strings.Trim(w, ".,"), "that") {
			return false
		}
	}
	return true
}

// opposites are general pairs of words of which a statement holding one
// says the opposite of a claim holding the other ("confirmed he is alive"
// against "X is dead").
var opposites = map[string][]string{
	"alive": {"dead", "died", "dies", "death", "killed"},
	"real":  {"fake", "hoax"}, "genuine": {"fake", "hoax"}, "authentic": {"fake", "hoax"},
}

// opposes tells whether content holds the opposite of one of the main
// claim's words.
func opposes(content string, main candidate) bool {
	for w := range contentWords(content) {
		for _, o := range opposites[w] {
			if main.words[o] {
				return true
			}
		}
	}
	return false
}

// totals are the weights of the claim's words and of its plain words, the
// denominators of coverageWords.
func (c candidate) totals(sw storyWords) (total, plain float64) {
	// in word order: sums over a map's order differ in their last bits
	// from run to run, and a sentence's share compared with a threshold
	// would flip with them
	for _, w := range slices.Sorted(maps.Keys(c.words)) {
		total += sw.weight(w)
	}
	for _, w := range slices.Sorted(maps.Keys(c.plain)) {
		plain += sw.weight(w)
	}
	return total, plain
}

// nested tells whether statement k of a is reported inside another's
// content ("they even said a representative had confirmed it"): the
// confirmation is then someone's account of one, not one on the record.
func nested(a *news.Article, k int) bool {
	cue := a.Statements[k].Cue
	for j, o := range a.Statements {
		if j != k && o.Kind != "assertion" && o.Content.Len() > 0 && o.Content.Start <= cue.Start && cue.End <= o.Content.End {
			return true
		}
	}
	return false
}

// pronounSubject tells whether a denial's subject is only a pronoun or a
// bare article ("he", "they", "the"): who it is is elsewhere.
func pronounSubject(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "this", "that", "who", "which":
		return true
	}
	return false
}

// dropHeading takes a run-in heading in capitals off the front of a phrase:
// "NOT KIM'S FIRST ABSENCE North Korean officials" is "North Korean officials".
func dropHeading(s string) string {
	f := strings.Fields(s)
	i := 0
	for i < len(f)-1 && len(f[i]) > 1 && strings.ToUpper(f[i]) == f[i] && strings.ToLower(f[i]) != f[i] {
		i++
	}
	if i < 2 { // one capitalised word may be an acronym: "NASA officials"
		return strings.TrimSpace(s)
	}
	return strings.Join(f[i:], " ")
}

// debunker is the speaker of a statement in the sentence at s whose own
// words (its cue and content) hold the word that calls the report false,
// with the speaker's voice; the outlet's voice when there is none.
func debunker(a *news.Article, s news.Span) (by, voice string) {
	for _, st := range a.Statements {
		if st.Stance != news.Debunks || !st.Span.Overlaps(s) || st.Content.Start < s.Start || st.Content.End > s.End {
			continue
		}
		if said := spokenWords(a, st); debunkIn(said, strings.ToLower(said)) != debunkSure {
			continue
		}
		by = statement.TrimSource(stanceSpeaker(st))
		if by == "" || pronounSubject(by) || st.ByKey == "" && !speakerHead(by) &&
			st.Voice != news.VoiceOfficial && st.Voice != news.VoiceExpert {
			continue // "Criticism", "many", "the premier debunker of internet myths": nobody to name
		}
		v := voiceOf(by, st.Voice)
		if v == "" {
			v = news.VoiceNamed
		}
		return by, v
	}
	return "", news.VoiceOutlet
}

// speakerHead tells whether the head of a source phrase that names no
// entity says who speaks: "Navarro County officials", "an NBC source",
// "officials at the ministry"; not "comparison with Russian news". The head
// is the word before the first preposition, else the last word.
func speakerHead(by string) bool {
	f := strings.Fields(by)
	for i, w := range f {
		if i > 0 && headEnders[strings.ToLower(w)] {
			f = f[:i]
			break
		}
	}
	return len(f) > 0 && statement.PhraseVoice(f[len(f)-1]) != news.VoiceNamed
}

// headEnders are the prepositions that end a noun phrase's head.
var headEnders = map[string]bool{"of": true, "for": true, "with": true, "at": true, "in": true, "from": true, "on": true,
	"to": true, "by": true, "close": true}

// stanceSpeaker is a statement's speaker as a stance entry names it, or ""
// when its source phrase names nobody who speaks: a text ("the article",
// "Its URL"), a phrase cut from the clause around it ("make matters worse
// there", "including legendary anchor X who Y"), or a phrase holding quote
// marks ("Ottawa police, occurred just before 10 a.m.…”").
func stanceSpeaker(st news.Statement) string {
	by := strings.TrimRight(strings.TrimSpace(st.By), ".,;:”’\"' ")
	if by == "" || strings.ContainsAny(by, "“”\"…") || textSource(by) || nonSpeakerHead(by) {
		return ""
	}
	f := strings.Fields(by)
	if first := f[0]; first == strings.ToLower(first) && (strings.HasSuffix(first, "ing") || strings.HasSuffix(first, "ly") ||
		clauseWords[first]) || pronounSubject(by) {
		return "" // "including legendary anchor…", "make matters worse there", "they"
	}
	if last := strings.ToLower(f[len(f)-1]); len(f) > 1 && (last == "who" || last == "which" || last == "that") {
		by = strings.Join(f[:len(f)-1], " ") // "A Kurdish official, who"
		by = strings.TrimRight(by, ", ")
	}
	return by
}

// intentionCue tells whether a statement's cue reports an intention or a
// wish, not words: "Amazon plans to open its first store" is the outlet's
// account of the company's plan, not a statement by the company that could
// confirm it.
func intentionCue(a *news.Article, st news.Statement) bool {
	if st.Cue.Len() == 0 || st.Cue.End > len(a.Text) {
		return false
	}
	f := strings.Fields(strings.ToLower(st.Cue.Text(a.Text)))
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "plan", "plans", "planned", "planning", "intend", "intends", "intended", "aim", "aims", "aimed", "want",
		"wants", "wanted", "hope", "hopes", "hoped", "seek", "seeks", "sought", "prepare", "prepares", "prepared":
		return true
	}
	return false
}

// clauseWords open no noun phrase: a source phrase in lower case that starts
// with one was cut from the clause around it.
var clauseWords = map[string]bool{"make": true, "makes": true, "made": true, "to": true, "of": true, "in": true,
	"with": true, "for": true, "on": true, "at": true, "by": true, "from": true, "as": true, "and": true, "or": true,
	"but": true, "than": true, "then": true, "so": true, "there": true, "here": true, "who": true, "which": true,
	"whom": true, "what": true, "when": true, "where": true, "is": true, "was": true, "are": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "if": true, "after": true, "before": true, "while": true, "into": true, "about": true}

// nonSpeakerHead tells whether a source phrase is headed by a word for a
// text or an address, which cannot speak: "Its URL", "the link".
func nonSpeakerHead(by string) bool {
	f := strings.Fields(strings.ToLower(by))
	switch strings.Trim(f[len(f)-1], ".,()") {
	case "url", "link", "headline", "caption", "title", "legend", "page", "reply", "comment", "thread",
		// events and times, which cannot speak either: "A press
		// conference about the lawsuit is set for…", "this year"
		"conference", "meeting", "hearing", "ceremony", "event", "case", "furor", "furore", "detail", "assumption",
		"year", "week", "month", "day", "morning", "afternoon", "evening", "night", "past":
		return true
	}
	return false
}

// spokenWords is a statement's cue and content: "called the article
// “false”" holds its verdict across the two.
func spokenWords(a *news.Article, st news.Statement) string {
	words := st.Content
	if st.Cue.Len() > 0 && st.Cue.Start < words.Start {
		words.Start = st.Cue.Start
	}
	return words.Text(a.Text)
}
