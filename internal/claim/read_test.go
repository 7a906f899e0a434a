package claim

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
	"github.com/crosscheck-news/crosscheck/internal/statement"
)

func TestDebunkIn(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"The photo is an obvious fake, but the company could cash in.", debunkSure},
		{"A fake news story was published this week claiming the mayor resigned.", debunkSure},
		{"Engineers disguised the device with a fake casing during field tests.", debunkNone},
		{"She joined the French satirical magazine in 2009.", debunkNone},
		{"The writer was hired this year to start a satirical website for the group.", debunkNone},
		{"The story was first published on a satirical website.", debunkSure},
		{"The rest of the market will be made up by other manufacturers.", debunkNone},
		{"The quotes were made up by a blogger.", debunkSure},
		{"Several readers have reported that this may be a hoax.", debunkHedged},
		{"Many will question if it's a fake.", debunkHedged},
		{"Is the story a hoax?", debunkHedged},
		{"The footage was shared after false reports came out about the school.", debunkSure},
		{"The senator called the article “false” on Monday.", debunkSure},
		{"Inaccurate wind forecasts are the main culprit in missed drops.", debunkNone},
		{"Or maybe the report is inaccurate.", debunkHedged},
		{"There is still a small chance the recording of the speech will prove to have been fake.", debunkHedged},
		{"Two analysts said the recording could quite easily be a hoax.", debunkHedged},
		{"It's not real, it's a Photoshop job on a still from an old video.", debunkSure},
		{"A council press officer said the story was embellished.", debunkSure},
		{"The threat is real, officials said.", debunkNone},
		{"The site later retracted its allegation against the professor.", debunkSure},
		{"The paper pulled the story off its website last night.", debunkSure},
		{"\"I cannot say and I hope that it isn't true,\" the minister said.", debunkHedged},
	} {
		if got := debunkIn(c.text, strings.ToLower(c.text)); got != c.want {
			t.Errorf("debunkIn(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

func TestNegates(t *testing.T) {
	main := candidate{words: contentWords("The mayor of Springfield was arrested for fraud")}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The mayor has not been arrested, police said.", true},
		{"The mayor has not been seen in public for a week, fuelling talk of an arrest.", false},
		{"It is not the first time the town hall has made headlines.", false},
		{"Prosecutors confirmed that he was not arrested for fraud.", true},
		{"A neighbour, whose name has not been released, said the mayor was arrested.", false},
		{"Prosecutors confirmed that he did not face any other charge.", false},
	} {
		if got := negates(c.text, main); got != c.want {
			t.Errorf("negates(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestUnnamedOfficials(t *testing.T) {
	for by, want := range map[string]bool{
		"senior western intelligence officials": true,
		"officials":                             true,
		"U.S. officials":                        false,
		"Nigerian officials":                    false,
		"the Interior Ministry":                 false,
	} {
		if got := unnamedOfficials(by); got != want {
			t.Errorf("unnamedOfficials(%q) = %v, want %v", by, got, want)
		}
	}
}

func TestVoiceOf(t *testing.T) {
	for _, c := range []struct{ by, voice, want string }{
		{"local reports", news.VoiceMedia, news.VoiceMedia}, // other media report, they do not state
		{"a police report", news.VoiceOfficial, news.VoiceNamed},
		{"the ministry's statement", news.VoiceOfficial, news.VoiceNamed},
		{"senior western intelligence officials", news.VoiceOfficial, news.VoiceAnonymous},
		{"a spokesman for the Harbour Board", news.VoiceOfficial, news.VoiceOfficial},
		{"one harbour official", news.VoiceOfficial, news.VoiceAnonymous},
	} {
		if got := voiceOf(c.by, c.voice); got != c.want {
			t.Errorf("voiceOf(%q, %q) = %q, want %q", c.by, c.voice, got, c.want)
		}
	}
}

func TestConfirmsOnRecord(t *testing.T) {
	span := func(text, sub string) news.Span {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in %q", sub, text)
		}
		return news.Span{Start: i, End: i + len(sub)}
	}
	for _, c := range []struct {
		text, source, cue, content, voice, key string
		want                                   bool
	}{
		{"The club's manager Ann Hale confirmed the player's death to reporters.", "The club's manager Ann Hale", "confirmed",
			"the player's death to reporters", news.VoiceNamed, "per:ann-hale", true},
		{"The news was confirmed by Ann Hale, the club's manager.", "Ann Hale, the club's manager", "was confirmed by",
			"The news", news.VoiceNamed, "per:ann-hale", true},
		{"Mr. Ross was confirmed dead an hour later.", "Mr. Ross", "was confirmed", "dead an hour later", news.VoiceNamed, "per:ross", false},
		{"No state agency confirmed the account when asked.", "state agency", "confirmed", "the account when asked", news.VoiceOfficial, "", false},
		{"If the report is confirmed by the ministry, it would be a first.", "the ministry", "is confirmed by", "the report", news.VoiceOfficial, "", false},
		{"Apple would only vaguely confirm that owners must charge it nightly.", "Apple", "confirm", "that owners must charge it nightly",
			news.VoiceNamed, "org:apple", false},
		{"The hoax even said that both the BBC and a spokesman for the mayor had confirmed the news.", "a spokesman for the mayor",
			"had confirmed", "the news", news.VoiceOfficial, "", false},
		{"A witness confirmed the crash.", "A witness", "confirmed", "the crash", news.VoiceNamed, "", false}, // not a named entity
	} {
		st := news.Statement{Span: news.Span{End: len(c.text)}, Source: span(c.text, c.source), Cue: span(c.text, c.cue),
			Content: span(c.text, c.content), Voice: c.voice, ByKey: c.key, By: c.source}
		if got := confirmsOnRecord(&news.Article{Text: c.text}, st, c.voice); got != c.want {
			t.Errorf("confirmsOnRecord(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestReferringConfirmation(t *testing.T) {
	for s, want := range map[string]bool{
		"the musician's untimely passing":           true,
		"the find":                                  true,
		"that the company had cut 300 jobs":         false,
		"he had resigned on Friday":                 false,
		"the details of a plan that was leaked":     false,
		"the figures in the quarterly report there": true,
	} {
		if got := referringPhrase(s); got != want {
			t.Errorf("referringPhrase(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"it is indeed genuine":            true,
		"the leaked letter was authentic": true,
		"the report was accurate":         true,
		"the bridge is real steel":        false,
		"sales were real strong":          false,
	} {
		if got := affirmWords.MatchString(s); got != want {
			t.Errorf("affirmWords(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestClaimLikeRejectsContextualLeads(t *testing.T) {
	for s, want := range map[string]bool{
		"He was 81 years old when he died":                                      false,
		"It's a penis on a really expensive car!!!":                             false,
		"\u201cI aborted my baby because it was a boy,\u201d she wrote":         false,
		"Specifically, a pumpkin spice flavoured product was announced":         false,
		"The mayor of Springfield was arrested on fraud charges on Tuesday":     true,
		"Himself to be a romantic at heart during an interview with the Ledger": false,
		// about the report, not the world
		"The allegations were made by a retired skier on a radio show in Lund": false,
		"The reports first surfaced on a fan forum on Sunday night":            false,
		"The report card showed that the school had improved its test scores":  true,
	} {
		if got := claimLike(s); got != want {
			t.Errorf("claimLike(%q) = %v, want %v", s, got, want)
		}
	}
	raw := "The leader has not been seen for a month, leading to rumours that the army has taken over the capital."
	loc := embeddedRumour.FindStringSubmatchIndex(raw)
	if loc == nil || cleanProposition(raw[loc[2]:]) != "The army has taken over the capital" {
		t.Errorf("embedded rumour of %q not found (%v)", raw, loc)
	}
}

func TestTextSourceAndNotToBe(t *testing.T) {
	for by, want := range map[string]bool{"The bogus story": true, "the fake article": true, "Fox News": false,
		"the ministry": false} {
		if got := textSource(by); got != want {
			t.Errorf("textSource(%q) = %v, want %v", by, got, want)
		}
	}
	s := "The remains found near the river were confirmed not to be the missing hikers"
	if got, ok := withoutNotTo(s); !ok || got != "The remains found near the river were confirmed to be the missing hikers" {
		t.Errorf("withoutNotTo(%q) = %q, %v", s, got, ok)
	}
}

func TestHedgedByReports(t *testing.T) {
	for _, s := range []string{
		"The government said on Sunday it was investigating reports that a journalist had been captured.",
		"Officials dismissed speculation that the plant would close.",
	} {
		if !hedgeWords.MatchString(s) {
			t.Errorf("%q: no hedge found", s)
		}
	}
}

func TestDenialSentences(t *testing.T) {
	for _, c := range []struct {
		text, by string
		denial   bool
	}{
		{"Saudi officials deny the claim.", "Saudi officials", true},
		{"The state health agency refuted that claim to reporters on Monday.", "The state health agency", true},
		{"Amazon, however, quickly shot down that rumor.", "Amazon", true},
		{"Prior to being caught on tape, the woman denied all allegations.", "the woman", true},
		{"NOT THE FIRST TIME Port officials have denied that the quay is unsafe.", "Port officials", true},
		{"A senior official was dismissed from service on Thursday.", "", false},
		{"Any attempt to deny citizens their liberty will fail.", "", false},
		{"There is no denying the fact that the firm is treading new ground.", "", false},
	} {
		f := sentenceFlags(c.text)
		if got := f&flagDenial != 0; got != c.denial {
			t.Errorf("%q: denial %v, want %v", c.text, got, c.denial)
			continue
		}
		if !c.denial {
			continue
		}
		m := denier.FindStringSubmatch(c.text)
		if m == nil || dropHeading(m[1]) != c.by {
			t.Errorf("%q: denier %q, want %q", c.text, m, c.by)
		}
	}
}

// TestExPair: "with ex X" relates X to the main person named just before;
// with someone else between, whose ex it is cannot be told.
func TestExPair(t *testing.T) {
	mk := func(text string, names ...string) (*news.Article, []person) {
		a := &news.Article{Text: text}
		for _, n := range names {
			i := strings.Index(text, n)
			a.Mentions = append(a.Mentions, news.Mention{Span: news.Span{Start: i, End: i + len(n)}, Text: n,
				Type: news.PER, Key: "per:" + strings.ToLower(n), Name: n})
		}
		return a, perMentions(a).in(news.Span{End: len(text)})
	}
	salient := []person{{key: "per:ada vance"}, {key: "per:leo marsh"}}
	text := "The singer Ada Vance had her second child with ex Omar Price in May."
	_, in := mk(text, "Ada Vance", "Omar Price")
	if s, o, ok := exPair(in, strings.Index(text, "ex Omar"), salient); !ok || s != "Ada Vance" || o != "Omar Price" {
		t.Errorf("exPair = %q %q %v", s, o, ok)
	}
	text = "Ada Vance and Leo Marsh dined out; her son Tim, whom she shares with ex Omar Price, stayed home."
	_, in = mk(text, "Ada Vance", "Leo Marsh", "Tim", "Omar Price")
	if s, o, ok := exPair(in, strings.Index(text, "ex Omar"), salient); ok {
		t.Errorf("exPair = %q %q, want nothing", s, o)
	}
}

func TestLeadOfSkipsTranscriptLines(t *testing.T) {
	a := &news.Article{ID: "a", Text: "A former league player told a radio show that the champion failed a drug test.\n\n" +
		"Karl Holm: “Well, I’ve heard that he’s suspended. It’s a credible person telling me this.”\n\n" +
		"The league said on Monday that the claims were false."}
	segment.Stage{}.Process(t.Context(), a)
	for _, c := range leadOf(a) {
		if strings.Contains(c.text, "suspended") {
			t.Errorf("lead candidate %q is a transcript line: someone's words, not a claim", c.text)
		}
	}
	if len(leadOf(a)) == 0 {
		t.Error("no lead candidate at all")
	}
}

// A denial in a sentence that names the claim's words denies the claim only
// when what it denies does: "although the province denied that the troops
// used its roads" denies another thing.
func TestDeniesClaim(t *testing.T) {
	text := "The rebels have captured the engineer Ada Vance near the dam"
	main := candidate{text: text, words: contentWords(text), plain: plainWords(text)}
	sw, _ := newStoryWordsDF([]map[string]bool{main.words, contentWords("The troops used the roads of the province")})
	main.total, main.totalPlain = main.totals(sw)
	for s, want := range map[string]bool{
		"The rebels attacked the dam where Ada Vance works, officials said, although the province denied that the troops used its roads.": false,
		"The rebels denied that they had captured the engineer Ada Vance.":                                                                true,
		"Her family denied the reports.":                     true,
		"The rebels did not capture Ada Vance, police said.": true,
	} {
		if got := deniesClaim(sw, main, s); got != want {
			t.Errorf("deniesClaim(%q) = %v, want %v", s, got, want)
		}
	}
}

// A claim's totals are the same to the last bit on every call: a sum in a
// map's order is not, and a sentence's share compared with a threshold then
// flips between rebuilds of one story.
func TestTotalsAreTheSameEveryTime(t *testing.T) {
	c := candidate{words: map[string]bool{}, plain: map[string]bool{}}
	sw := storyWords{idf: map[string]float64{}}
	for i := 0; i < 40; i++ {
		w := fmt.Sprintf("w%02d", i)
		c.words[w], c.plain[w] = true, i%2 == 0
		sw.idf[w] = 1 / float64(i+3) // weights whose sums round differently in another order
	}
	t0, p0 := c.totals(sw)
	for range 200 {
		if t1, p1 := c.totals(sw); t1 != t0 || p1 != p0 {
			t.Fatalf("totals %v %v, then %v %v", t0, p0, t1, p1)
		}
	}
}

func TestDebunkerIsTheSpeakerWhoCallsItFalse(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Commissioner Ruiz called the article “false” on Monday.", "Commissioner Ruiz"},
		{"The dairy's spokeswoman confirmed that the chocolate-flavoured cheese is fake.", "The dairy's spokeswoman"},
		{"Criticism that the chocolate-flavoured cheese is fake grew.", ""},
		{"A comparison with local news footage shows the video to be a hoax.", ""},
		{"The cheese is a hoax, a reporter wrote.", "a reporter"},
		{"The cheese is a hoax, though the dairy said it sold well.", ""}, // the dairy's words hold no verdict
		{"The chocolate-flavoured cheese is a hoax.", ""},
	} {
		a := analysed(t, c.text)
		got, voice := debunker(a, a.Sentences[0])
		if got != c.want {
			t.Errorf("debunker(%q) = %q (%s), want %q; statements %+v", c.text, got, voice, c.want, a.Statements)
		}
		if c.want == "" && voice != news.VoiceOutlet {
			t.Errorf("debunker(%q): voice %q, want the outlet's", c.text, voice)
		}
	}
}

func TestSpeakerHead(t *testing.T) {
	for by, want := range map[string]bool{"Harbour County officials": true, "a source close to the port": true,
		"officials at the ministry": true, "comparison with Russian news": false, "Criticism": false, "many": false} {
		if got := speakerHead(by); got != want {
			t.Errorf("speakerHead(%q) = %v, want %v", by, got, want)
		}
	}
}

func TestStanceSpeaker(t *testing.T) {
	for by, want := range map[string]string{
		"Harbour County officials": "Harbour County officials", "witnesses": "witnesses", "fans": "fans",
		"Iraq.":                    "Iraq",
		"A port official, who":     "A port official",
		"make matters worse there": "",
		"including veteran anchor Ada Vance who Marsh": "",
		"Its URL":          "",
		"the article":      "",
		"they":             "",
		"this fantasyland": "",
		"Ottawa police, occurred just before 10 a.m.…”":          "",
		"Ty Votaw, the executive vice president of the PGA Tour": "Ty Votaw, the executive vice president of the PGA Tour",
	} {
		if got := stanceSpeaker(news.Statement{By: by, Kind: "indirect"}); got != want {
			t.Errorf("stanceSpeaker(%q) = %q, want %q", by, got, want)
		}
	}
}

// A sentence that calls the claim false in the outlet's words, and names who
// spread it in a clause of its own, is the outlet's verdict; one whose
// speaker calls "the article" false is the speaker's.
func TestDebunkSentenceSpeaker(t *testing.T) {
	claim := "The mayor will ban cars from the old town next spring"
	main := candidate{text: claim, words: contentWords(claim), plain: plainWords(claim)}
	sw, _ := newStoryWordsDF([]map[string]bool{main.words, contentWords("The weather was mild")})
	main.total, main.totalPlain = main.totals(sw)
	for text, want := range map[string]string{
		"The urban legend spread when it was picked up by the Daily Post, which reported that the mayor will ban cars from the old town next spring.": "",
		"Commissioner Ruiz called the article “false” on Monday.":                                                                                     "Commissioner Ruiz",
	} {
		a := analysed(t, text)
		var sws [][]string
		for _, st := range a.Statements {
			sws = append(sws, strings.FieldsFunc(fold.String(st.Content.Text(text)), claimWordSplitFunc))
		}
		r := readSentence(a, a.Sentences[0], sw, main, sws)
		if r.stance != news.Debunks || r.by != want {
			t.Errorf("readSentence(%q) = %s by %q, want debunks by %q; statements %+v", text, r.stance, r.by, want, a.Statements)
		}
	}
}

func TestDropUnmatchedOpening(t *testing.T) {
	if got := cleanProposition("\"the crews were conducting a raid in the harbour in 2031,\" Ada Moss said."); got != "The crews were conducting a raid in the harbour in 2031" {
		t.Errorf("cleanProposition = %q", got)
	}
	for in, want := range map[string]string{
		"\"the crews were conducting a raid in the harbour in 2031": "the crews were conducting a raid in the harbour in 2031",
		"“The crews were late":                                      "The crews were late",
		"\"Fine\" was the word":                                     "\"Fine\" was the word",
		"“Fine” was the word":                                       "“Fine” was the word",
	} {
		if got := dropUnmatchedOpening(in); got != want {
			t.Errorf("dropUnmatchedOpening(%q) = %q, want %q", in, got, want)
		}
	}
}

// "who claims to have had contact with…" reports no rumour of its own: the
// infinitive after "claims" is no proposition.
func TestLeadOfClaimsToIsNoRumour(t *testing.T) {
	a := &news.Article{ID: "a", Text: "A patient exhibiting symptoms of flu who claims to have had contact with Ada Vance showed up at a clinic in Lund on Wednesday.\n\nBody."}
	segment.Stage{}.Process(t.Context(), a)
	for _, c := range leadOf(a) {
		if strings.HasPrefix(c.text, "To ") {
			t.Errorf("lead candidate %q: an infinitive taken for a rumour", c.text)
		}
	}
}

// "Emwazi denied the accusation" right after a sentence making another
// accusation denies that one, not the story's claim; right after a
// sentence stating the claim, it denies the claim.
func TestDenialPointsAtTheAccusationBefore(t *testing.T) {
	claim := "The masked militant has been identified as Omar Vale from Lund"
	main, sw := mainOf(claim)
	for _, c := range []struct {
		text  string
		other bool
	}{
		{"In Lund an officer accused him of trying to reach the border. Vale denied the accusation.", true},
		{"Papers claim the masked militant has been identified as Omar Vale from Lund. Vale denied the accusation.", false},
		{"In Lund an officer accused him of trying to reach the border.\n\nVale denied the accusation.", true},
		{"The masked militant was seen in Lund.\n\nVale denied the accusation.", false},
	} {
		a := &news.Article{Text: c.text}
		segment.Stage{}.Process(t.Context(), a)
		ss := sentences(a)
		var words [][]string
		for _, s := range ss {
			words = append(words, strings.FieldsFunc(fold.String(s.Text(a.Text)), claimWordSplitFunc))
		}
		if got := otherAccusation(a, ss, words, len(ss)-1, sw, main); got != c.other {
			t.Errorf("%q: otherAccusation = %v, want %v", c.text, got, c.other)
		}
	}
}

// A statement that is the whole sentence, its source phrase holding the
// claim's words, is its speaker's: "Multiple users of the app Parlo have
// reported that…" is the users' report, not the outlet's own assertion.
func TestWholeSentenceStatementIsTheSpeakers(t *testing.T) {
	claim := "The carrier will cut off users of the messaging app Parlo"
	main, sw := mainOf(claim)
	for _, c := range []struct{ text, by string }{
		{"Several users of the messaging app Parlo have reported that they were warned of it last week.",
			"Several users of the messaging app Parlo"},
		// the outlet's own clause around the report: its own words
		{"The carrier will cut off users of the Parlo app, which several users said was a plan to push them away.", ""},
	} {
		a := analysed(t, c.text)
		r := (*Cache)(nil).reading(a)
		got := readSentence(a, a.Sentences[0], sw, main, r.statementWords)
		if got.by != c.by {
			t.Errorf("%q: read by %q (%s), want %q; statements %+v", c.text, got.by, got.voice, c.by, a.Statements)
		}
	}
}

// A speaker reported not to have said the claim ("Kestrel hasn't claimed
// that …") neither states nor denies it.
func TestUnsaidStatementIsNotTheSpeakers(t *testing.T) {
	claim := "The Kestrel Band smartwatch is fully waterproof"
	main, sw := mainOf(claim)
	for _, text := range []string{"Kestrel has not claimed that the Kestrel Band smartwatch is fully waterproof.",
		"Kestrel would not say that the Kestrel Band smartwatch is fully waterproof."} {
		a := analysed(t, text)
		r := (*Cache)(nil).reading(a)
		got := readSentence(a, a.Sentences[0], sw, main, r.statementWords)
		if got.by != "" {
			t.Errorf("%q read as %s by %q; statements %+v", text, got.stance, got.by, a.Statements)
		}
	}
}

// A lead that tells of a partner's death speaks of a widowhood, not of a
// marriage to check; one that tells of a wedding does.
func TestLeadStatesNoLateMarriage(t *testing.T) {
	for _, c := range []struct {
		lead string
		want bool
	}{
		{"Ivo Marsh kept a voicemail from his late wife for 14 years until a phone upgrade deleted it.", false},
		{"Ever since his wife Lea's death in 2019, widower Ivo Marsh has treasured her voicemail greeting.", false},
		{"Ivo Marsh and Lea Vale tied the knot in a secret ceremony on the island of Brac.", true},
		{"Ivo Marsh's wife Lea Vale opened the new ferry terminal on Monday.", true},
	} {
		if got := leadStates(c.lead, "married"); got != c.want {
			t.Errorf("leadStates(%q) = %v, want %v", c.lead, got, c.want)
		}
	}
}

// A plan is no statement: "Verrin Ferries plans to close…" is the outlet's
// account of the company's plan, which the company's word would confirm.
func TestIntentionIsTheOutlets(t *testing.T) {
	claim := "Verrin will open its first office in Brackley in time for the holiday season"
	main, sw := mainOf(claim)
	text := "Verrin, the ferry line that sails everywhere, plans to open its first office at 7 W 34th Street in Brackley just in time for the holiday season."
	a := analysed(t, text)
	r := (*Cache)(nil).reading(a)
	if got := readSentence(a, a.Sentences[0], sw, main, r.statementWords); got.by != "" {
		t.Errorf("read as %s by %q; statements %+v", got.stance, got.by, a.Statements)
	}
}

// A short clause confirmed on the record in an article that states the
// claim confirms it only when it shares some of the claim's words: "one of
// the crates had missed its target" confirms another event.
func TestShortConfirmedClauseMustShareWords(t *testing.T) {
	claim := "A cache of rifles fell into the hands of the rebels"
	main, sw := mainOf(claim)
	for _, c := range []struct {
		second string
		want   bool
	}{
		{"The ministry also confirmed on Monday that one of the crates had missed its target.", false},
		{"The ministry also confirmed on Monday that the rebels had taken the rifles.", true},
	} {
		text := "A cache of rifles fell into the hands of the rebels near Brackley on Sunday. " + c.second
		a := analysed(t, text)
		entries, _ := readArticle(main, sw, a, (*Cache)(nil).reading(a))
		got := false
		for _, e := range entries {
			if e.By != "" && e.Stance == news.Asserts && strings.Contains(strings.ToLower(e.By), "ministry") {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: confirmed by the ministry = %v, want %v; entries %+v; statements %+v", c.second, got, c.want, entries, a.Statements)
		}
	}
}

// mainOf is the main claim candidate of text in a story of one claim, and
// the story's words.
func mainOf(text string) (candidate, storyWords) {
	main := candidate{text: text, words: contentWords(text), plain: plainWords(text)}
	sw, _ := newStoryWordsDF([]map[string]bool{main.words})
	main.total, main.totalPlain = main.totals(sw)
	return main, sw
}

// analysed is article "a" of text after the segment and statement stages.
func analysed(t *testing.T, text string) *news.Article {
	t.Helper()
	a := &news.Article{ID: "a", Text: text}
	if err := (segment.Stage{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	return a
}
