package statement_test

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/segment"
	"github.com/crosscheck-news/crosscheck/internal/statement"
)

// run applies the statement stage after sentence splitting only.
func run(t *testing.T, text string) []news.Statement {
	t.Helper()
	a := &news.Article{Text: text}
	if err := (segment.Stage{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	return a.Statements
}

// find returns the attribution whose content contains want.
func find(text string, sts []news.Statement, want string) (news.Statement, bool) {
	for _, s := range sts {
		if s.Kind != "assertion" && strings.Contains(s.Content.Text(text), want) {
			return s, true
		}
	}
	return news.Statement{}, false
}

func TestAttributions(t *testing.T) {
	tests := []struct {
		name, text, content, source, kind string
		by                                string // when set, the speaker as By reads it
		voice                             string
		stance                            news.Stance
	}{
		{name: "indirect politics",
			text:    "The finance minister said on Tuesday that the government would cut fuel taxes next year.",
			content: "the government would cut fuel taxes", source: "finance minister", kind: "indirect",
			voice: news.VoiceOfficial, stance: news.Asserts},
		{name: "according to business",
			text:    "According to analysts at the bank, the merger could save both companies $2 billion a year.",
			content: "the merger could save", source: "analysts", kind: "indirect",
			voice: news.VoiceExpert, stance: news.Rumour},
		{name: "denial",
			text:    "The company denied that it had misled investors about the safety of the drug.",
			content: "misled investors", source: "company", kind: "indirect",
			voice: news.VoiceOfficial, stance: news.Denies},
		{name: "content first science",
			text:    "The new vaccine cut hospital admissions by half in the trial, researchers at the university said.",
			content: "The new vaccine cut hospital admissions", source: "researchers", kind: "indirect",
			voice: news.VoiceExpert, stance: news.Asserts},
		{name: "anonymous",
			text:    "The talks have stalled over the border question, a source familiar with the negotiations told reporters.",
			content: "The talks have stalled", source: "a source", kind: "indirect",
			voice: news.VoiceAnonymous, stance: news.Asserts},
		{name: "relative pronoun",
			text:    "The plan was backed by the governor of Ohio, who said it would create 5,000 jobs by 2030.",
			content: "it would create 5,000 jobs", source: "who", kind: "indirect", by: "the governor of Ohio",
			voice: news.VoiceOfficial, stance: news.Asserts},
		{name: "news agency is media",
			text:    "The railway will reopen on Monday, the state news agency said in a bulletin.",
			content: "The railway will reopen", source: "news agency", kind: "indirect",
			voice: news.VoiceMedia, stance: news.Asserts},
		{name: "a police report is the police's",
			text:    "A police report released on Friday said the driver had not been wearing a seatbelt.",
			content: "the driver had not been wearing a seatbelt", source: "police", kind: "indirect",
			voice: news.VoiceOfficial, stance: news.Asserts},
		{name: "reports are the source, not the cue",
			text:    "While local reports revealed Wednesday that the governor will close the harbour, the mayor said nothing.",
			content: "the governor will close the harbour", source: "local reports", kind: "indirect",
			by: "local reports", voice: news.VoiceMedia, stance: news.Asserts},
		{name: "a user is one of the public",
			text:    "One Twitter user said the harbour video would soon be exposed as staged.",
			content: "the harbour video would soon be exposed", source: "user", kind: "indirect",
			voice: news.VoiceFans, stance: news.Asserts},
		{name: "a noun of report",
			text:    "Reporter Dana Kell of Channel 9 got confirmation from the fire department that the warehouse on Elm Road had burned down overnight.",
			content: "the warehouse on Elm Road had burned down overnight", source: "the fire department", kind: "indirect",
			voice: news.VoiceOfficial, stance: news.Asserts},
		{name: "a progressive cue",
			text:    "The state news agency is reporting that Verrin Ferries plans to close its harbour office next year.",
			content: "Verrin Ferries plans to close its harbour office", source: "news agency", kind: "indirect",
			voice: news.VoiceMedia, stance: news.Asserts},
		{name: "a progressive cue after a plural subject",
			text:    "Police are saying the two incidents in Brackley are linked and the man is still at large.",
			content: "the two incidents in Brackley are linked", source: "Police", kind: "indirect",
			voice: news.VoiceOfficial, stance: news.Asserts},
		{name: "debunk",
			text:    "The ministry said the report that troops had crossed the border was false.",
			content: "troops had crossed the border", source: "ministry", kind: "indirect",
			voice: news.VoiceOfficial, stance: news.Debunks},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sts := run(t, tt.text)
			s, ok := find(tt.text, sts, tt.content)
			if !ok {
				t.Fatalf("no attribution with content %q in %+v", tt.content, sts)
			}
			if got := s.Source.Text(tt.text); !strings.Contains(got, tt.source) {
				t.Errorf("source = %q, want it to contain %q", got, tt.source)
			}
			if s.Kind != tt.kind || s.Voice != tt.voice || s.Stance != tt.stance {
				t.Errorf("kind, voice, stance = %q, %q, %q; want %q, %q, %q", s.Kind, s.Voice, s.Stance, tt.kind, tt.voice, tt.stance)
			}
			if tt.by != "" && s.By != tt.by {
				t.Errorf("by = %q, want %q", s.By, tt.by)
			}
			if s.Cue.Len() == 0 || s.By == "" {
				t.Errorf("cue %v, by %q: want both", s.Cue, s.By)
			}
		})
	}
}

func TestAssertion(t *testing.T) {
	text := "The central bank raised its main interest rate to 4.5 percent on Thursday.\n\nWhat comes next?"
	sts := run(t, text)
	var got []string
	for _, s := range sts {
		if s.Kind == "assertion" {
			got = append(got, s.Content.Text(text))
			if s.Voice != news.VoiceOutlet || s.By != "" || s.Source.Len() != 0 || s.Stance != news.Asserts {
				t.Errorf("assertion %+v: want the outlet's voice, no source, asserts", s)
			}
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "The central bank raised") {
		t.Errorf("assertions = %q, want the rate decision only", got)
	}
}

func TestKeepsEarlierStatements(t *testing.T) {
	text := "The mayor said the bridge would reopen in May."
	a := &news.Article{Text: text}
	a.Statements = []news.Statement{{Predicate: "commented", Subject: "mayor"}}
	if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Statements) < 2 || a.Statements[0].Predicate != "commented" {
		t.Errorf("statements = %+v: want the relation statement kept first", a.Statements)
	}
}

func TestNamedSourceResolves(t *testing.T) {
	text := "Merkel told lawmakers that Germany would meet its climate targets."
	a := &news.Article{Text: text}
	a.Mentions = []news.Mention{{Span: news.Span{Start: 0, End: 6}, Text: "Merkel", Type: news.PER,
		Key: "angela-merkel", Name: "Angela Merkel"}}
	if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	s, ok := find(text, a.Statements, "Germany would meet")
	if !ok {
		t.Fatalf("no attribution in %+v", a.Statements)
	}
	if s.By != "Angela Merkel" || s.ByKey != "angela-merkel" || s.Voice != news.VoiceNamed {
		t.Errorf("by %q key %q voice %q; want the resolved entity", s.By, s.ByKey, s.Voice)
	}
}

// FuzzStatements runs the stage on arbitrary text: it must not panic and
// every span must lie inside the text.
func FuzzStatements(f *testing.F) {
	f.Add("The minister said that taxes would rise. “We will win,” he said.")
	f.Add("According to officials, , said said “ ” \" according to")
	f.Add("“Unclosed\n\nsaid: ")
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		if err := (segment.Stage{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, s := range a.Statements {
			for _, sp := range []news.Span{s.Span, s.Content, s.Source, s.Cue} {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %+v outside text of %d bytes in %+v", sp, len(text), s)
				}
			}
		}
	})
}

// TestSpeakerNameIsTheSourceHead checks that a name inside the source
// phrase stands for the speaker only when it is the phrase's head.
func TestSpeakerNameIsTheSourceHead(t *testing.T) {
	for _, c := range []struct{ text, mention, want string }{
		{"Nigerian officials said the bridge collapsed on Monday.", "Nigerian", "Nigerian officials"},
		{"The minister Jane Doe said the bridge collapsed on Monday.", "Jane Doe", "Jane Doe"},
	} {
		a := &news.Article{Text: c.text}
		i := strings.Index(c.text, c.mention)
		a.Mentions = []news.Mention{{Span: news.Span{Start: i, End: i + len(c.mention)}, Text: c.mention, Name: c.mention, Key: "k"}}
		if err := (segment.Stage{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		st, ok := find(c.text, a.Statements, "the bridge collapsed")
		if !ok || st.By != c.want {
			t.Errorf("%q: speaker %q (found %v), want %q", c.text, st.By, ok, c.want)
		}
	}
}

// The end of a quote in single marks, with its cue after it, is direct
// speech although the quote opened a sentence before.
func TestSingleQuoteTailIsDirect(t *testing.T) {
	text := "The mayor spoke at the opening. ‘We worked for years. The river is cleaner now than it ever was,’ he said."
	sts := run(t, text)
	st, ok := find(text, sts, "The river is cleaner now")
	if !ok {
		t.Fatalf("no statement for the tail; got %+v", sts)
	}
	if st.Kind != "direct" {
		t.Errorf("kind %q, want direct", st.Kind)
	}
}

// A plea in court is an act, not words reported: "pleaded guilty to" has no
// statement; "pleaded with the court that" has.
func TestPleaIsNoStatement(t *testing.T) {
	text := "In 2029, he was charged with theft in Leeds but served one day after he pleaded guilty to the lesser charge of trespass and was credited with 40 days in custody."
	for _, s := range run(t, text) {
		if s.Kind != "assertion" && strings.Contains(s.Content.Text(text), "lesser charge") {
			t.Errorf("plea read as a statement: %+v %q", s, s.Content.Text(text))
		}
	}
}

// A person "has been found dead" is what is reported, not who reports:
// the passive with an irregular participle is no attribution.
func TestFoundIsNoCue(t *testing.T) {
	text := "Fans were upset on Friday. Ivo Brandt has Been found dead again. Think this is the 7th or 8th time."
	for _, s := range run(t, text) {
		if s.Kind != "assertion" && s.Source.Len() > 0 && strings.Contains(s.Source.Text(text), "Brandt") {
			t.Errorf("Brandt read as a source: %+v %q", s, s.Content.Text(text))
		}
	}
}

// An outlet's sentence hedged by a phrase ("is believed to", "appears to")
// reports a rumour; "were returned to the port" hedges nothing.
func TestHedgePhrases(t *testing.T) {
	for text, want := range map[string]news.Stance{
		"The mayor is believed to have broken 2 bones during a tour of the port.": news.Rumour,
		"The mayor appears to have broken 2 bones during a tour of the port.":     news.Rumour,
		"The mayor was thought to be furious after 2 tours of the port.":          news.Rumour,
		"The 2 stolen boats were returned to the port by the coastguard.":         news.Asserts,
	} {
		var got []news.Stance
		for _, s := range run(t, text) {
			if s.Kind == "assertion" {
				got = append(got, s.Stance)
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: stances %v, want %s", text, got, want)
		}
	}
}

// "The official" is anonymous unless the sentences before named an official
// of a body.
func TestTheOfficialAfterANamedOne(t *testing.T) {
	voiceOf := func(text string) string {
		for _, s := range run(t, text) {
			if s.By != "" && strings.EqualFold(s.By, "the official") {
				return s.Voice
			}
		}
		return "none"
	}
	if v := voiceOf("Officials in the port city gave no details. The 2 boats were found, the official said."); v != news.VoiceAnonymous {
		t.Errorf("bare official: voice %q, want anonymous", v)
	}
	if v := voiceOf("On Monday a Harbour Authority spokesman denied the report. The 2 boats were found, the official said."); v != news.VoiceOfficial {
		t.Errorf("official named before: voice %q, want official", v)
	}
	if v := voiceOf("Meanwhile, a Danish government official told reporters about it. The 2 boats were found, the official said."); v != news.VoiceOfficial {
		t.Errorf("official named before: voice %q, want official", v)
	}
}

// A place named after a preposition in the source phrase modifies it:
// "Senior officials in Iraq" say, not Iraq.
func TestSourceHeadBeforeAPlace(t *testing.T) {
	text := "Senior officials in Norvania have reported that the bridges were closed to traffic."
	a := &news.Article{Text: text}
	i := strings.Index(text, "Norvania")
	a.Mentions = []news.Mention{{Span: news.Span{Start: i, End: i + 8}, Text: "Norvania", Type: news.LOC, Key: "loc:norvania", Name: "Norvania"}}
	if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	s, ok := find(text, a.Statements, "bridges were closed")
	if !ok {
		t.Fatalf("no attribution in %+v", a.Statements)
	}
	if s.By != "Senior officials in Norvania" || s.Voice != news.VoiceOfficial {
		t.Errorf("by %q voice %q; want the officials", s.By, s.Voice)
	}
}

// A description the entity stage only guessed the person of is not that
// person as a source: "…, the interior minister said" after naming another
// man is the minister's.
func TestGuessedDescriptionIsNoSource(t *testing.T) {
	text := "Police are holding a daughter of the rebel leader, Omar Diaz, the interior minister said."
	a := &news.Article{Text: text}
	i, j := strings.Index(text, "Omar Diaz"), strings.Index(text, "the interior minister")
	a.Mentions = []news.Mention{
		{Span: news.Span{Start: i, End: i + 9}, Text: "Omar Diaz", Type: news.PER, Key: "per:omar diaz", Name: "Omar Diaz"},
		{Span: news.Span{Start: j, End: j + 21}, Text: "the interior minister", Type: news.PER, Key: "per:omar diaz", Name: "Omar Diaz", Via: "descriptor", Guessed: true},
	}
	if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	s, ok := find(text, a.Statements, "holding a daughter")
	if !ok {
		t.Fatalf("no attribution in %+v", a.Statements)
	}
	if s.By != "the interior minister" {
		t.Errorf("by %q; want the interior minister", s.By)
	}
}

func TestPassiveSubjectIsNoSpeaker(t *testing.T) {
	for text, subject := range map[string]string{
		"Only weeks after Ada Vance was reported dead by a fake Channel Nine website, a fake Daily Post site is now reporting that Leo Marsh was found dead in his home at the age of 52.": "Ada Vance",
		"The soldier killed today as he stood guard at the memorial in Vale, Ember, has been named locally as Corporal Leo Marsh, while a suspect has been identified as Omar Diaz.":       "Ember",
	} {
		for _, s := range run(t, text) {
			if strings.Contains(s.Source.Text(text), subject) {
				t.Errorf("the subject of a passive cue is the speaker of %q", s.Content.Text(text))
			}
		}
	}
	text := "Omar Diaz, who was arrested in May, said the ferry had been sabotaged."
	if s, ok := find(text, run(t, text), "the ferry had been sabotaged"); !ok || !strings.HasPrefix(s.By, "Omar Diaz") {
		t.Errorf("%q: statement %+v (found %v), want Omar Diaz's", text, s, ok)
	}
}

// "lies" as a verb is no verdict: "the town that lies near the border".
func TestLiesAsAVerbIsNoDebunk(t *testing.T) {
	text := "The supplies were dropped on Monday to the town that lies near the border, the agency said."
	for _, s := range run(t, text) {
		if s.Stance == news.Debunks {
			t.Errorf("%q read as a debunk", s.Content.Text(text))
		}
	}
	text = "The mayor said the report was a lie."
	found := false
	for _, s := range run(t, text) {
		found = found || s.Stance == news.Debunks
	}
	if !found {
		t.Errorf("%q: no debunk read", text)
	}
}

// An auxiliary or a light verb alone is no report: "The port has bought half
// of the quay" is the outlet's own, not the port speaking.
func TestAuxiliaryIsNoCue(t *testing.T) {
	for _, text := range []string{
		"The Vale Port Authority has bought about half of the Ember quay office park.",
		"The week was known as the Golden Week because the days overlapped with registration.",
	} {
		for _, s := range run(t, text) {
			if cue := strings.ToLower(s.Cue.Text(text)); s.Kind != "assertion" && (cue == "has" || cue == "known") {
				t.Errorf("%q: statement with cue %q", text, s.Cue.Text(text))
			}
		}
	}
}

// The users of a named thing are the users, not the thing: the name is the
// source's head only when no group of people stands before it.
func TestUsersOfANamedThing(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"Several users of the messaging app Parlo have reported that the carrier blocked their accounts without warning.",
			"Parlo", "Several users of the messaging app Parlo"},
		{"A spokesman for Parlo said that the carrier blocked their accounts without warning.", "Parlo", "Parlo"},
	} {
		a := &news.Article{Text: c.text}
		if err := (segment.Stage{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		i := strings.Index(c.text, c.name)
		a.Mentions = []news.Mention{{Span: news.Span{Start: i, End: i + len(c.name)}, Text: c.name, Type: news.ORG, Key: "org-parlo", Name: c.name}}
		if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		s, ok := find(c.text, a.Statements, "the carrier blocked")
		if !ok || s.By != c.want {
			t.Errorf("%q: statement %+v, want by %q", c.text, s, c.want)
		}
	}
}

// The words between a source cut short and its cue are the source's head:
// "the Vale family found" is the family's finding, not Vale's.
func TestSourceHeadAfterAName(t *testing.T) {
	text := "Autopsy reports conducted by the county and by the Vale family found that Vale had been shot six times."
	a := &news.Article{Text: text}
	if err := (segment.Stage{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	i := strings.Index(text, "Vale family")
	a.Mentions = []news.Mention{{Span: news.Span{Start: i, End: i + 4}, Text: "Vale", Type: news.PER, Key: "per-ivo-vale", Name: "Ivo Vale"}}
	if err := (statement.Extractor{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	s, ok := find(text, a.Statements, "had been shot")
	if !ok || s.By == "Ivo Vale" {
		t.Errorf("statement %+v: the family's finding is not Ivo Vale's", s)
	}
}

// A statement whose cue is negated ("had not confirmed that", "would" +
// "not confirm whether", "never told") is reported as not made: it is kept
// as an attribution, marked Unsaid; a negation inside what is said is not.
func TestNegatedCueIsUnsaid(t *testing.T) {
	tests := []struct {
		text, content string
		unsaid        bool
	}{
		{"As of Friday the coastguard had not confirmed that the trawler Mira Vale had sunk off Brackley Point.", "the trawler Mira Vale had sunk", true},
		{"The harbour authority didn't say whether the trawler Mira Vale had been insured for the voyage.", "the trawler Mira Vale had been insured", true},
		{"Olsen never told investors that the trawler fleet of Brackley Fisheries was losing money.", "the trawler fleet of Brackley Fisheries was losing money", true},
		{"The coastguard said that the trawler Mira Vale had not sunk off Brackley Point.", "the trawler Mira Vale had not sunk", false},
		{"The coastguard confirmed on Friday that the trawler Mira Vale had sunk off Brackley Point.", "the trawler Mira Vale had sunk", false},
	}
	for _, tt := range tests {
		s, ok := find(tt.text, run(t, tt.text), tt.content)
		if !ok {
			t.Errorf("%q: no attribution with content %q", tt.text, tt.content)
			continue
		}
		if s.Unsaid != tt.unsaid {
			t.Errorf("%q: unsaid = %v, want %v (cue %q)", tt.text, s.Unsaid, tt.unsaid, s.Cue.Text(tt.text))
		}
	}
}

// A time or a medium is no source: "was on Thursday dismissed" is a
// passive, no attribution; "X, in a press release dated …, announced" is
// X's.
func TestTimeOrMediumIsNoSource(t *testing.T) {
	text := "A senior official of the Verrin Ferry Works Department was on Thursday dismissed from service for unauthorised absence from duty for 25 years."
	for _, s := range run(t, text) {
		if s.Kind != "assertion" {
			t.Errorf("%q read as an attribution: source %q, cue %q", text, s.Source.Text(text), s.Cue.Text(text))
		}
	}
	text = "Lundia's Verrin Ferry Works Department (VFWD), in a press release dated Jan. 8, 2031, announced the dismissal of a senior electrical engineer employed by the department for 35 years."
	s, ok := find(text, run(t, text), "the dismissal of a senior electrical engineer")
	if !ok {
		t.Fatalf("no attribution in %q", text)
	}
	if got := s.Source.Text(text); !strings.Contains(got, "Verrin Ferry Works Department") {
		t.Errorf("source = %q, want the department", got)
	}
	text = "Ivo Marsh runs the ferry company. By Tuesday he said his business had received a thousand calls about the photo."
	s, ok = find(text, run(t, text), "his business had received")
	if !ok || s.Source.Text(text) != "he" || s.By != "Ivo Marsh" && s.By != "he" {
		t.Errorf("%q: source %q by %q, want he", text, s.Source.Text(text), s.By)
	}
}

// The one told and a time before "that" are no part of what was said.
func TestContentStartsAfterThat(t *testing.T) {
	for text, want := range map[string]string{
		"Ben Supple, a spokesman for the ferry line, told the Lundish Herald on Tuesday afternoon that the new timetable looks promising.": "the new timetable looks promising",
		"The harbour authority confirmed early Wednesday that the coastguard had found the missing trawler off Brackley Point.":            "the coastguard had found the missing trawler",
	} {
		sts := run(t, text)
		s, ok := find(text, sts, want)
		if !ok {
			t.Errorf("%q: no attribution with %q in %+v", text, want, sts)
			continue
		}
		if got := s.Content.Text(text); !strings.HasPrefix(got, want) {
			t.Errorf("%q: content = %q, want it to start %q", text, got, want)
		}
	}
}
