package entity

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// article builds an article whose recogniser mentions are given as
// "Text/TYPE" pairs: each is found in order in the text.
func article(t testing.TB, text string, ments ...string) *news.Article {
	t.Helper()
	a := &news.Article{ID: "a", Text: text}
	from := 0
	for _, m := range ments {
		name, typ, _ := strings.Cut(m, "/")
		i := strings.Index(text[from:], name)
		if i < 0 {
			t.Fatalf("mention %q not in text after %d", name, from)
		}
		sp := news.Span{Start: from + i, End: from + i + len(name)}
		a.Mentions = append(a.Mentions, news.Mention{Span: sp, Text: name, Type: news.EntityType(typ), Via: "ner"})
		from = sp.End
	}
	return a
}

func run(t testing.TB, a *news.Article) {
	t.Helper()
	if err := (Stage{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
}

func keyAt(a *news.Article, text string) string {
	i := strings.LastIndex(a.Text, text)
	for _, m := range a.Mentions {
		if m.Span.Start == i && m.Text == text {
			return m.Key
		}
	}
	return ""
}

func TestResolveInArticle(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		ments     []string
		mention   string // text of a mention whose key we check
		wantKey   string
		wantAlias string // a lower-case mention that must be found by alias
	}{
		{"surname", "Actor Paolo Rinaldi arrived. Later Rinaldi left.", []string{"Paolo Rinaldi/PER", "Rinaldi/PER"},
			"Rinaldi", "per:paolo rinaldi", ""},
		{"given name with shared surname", "Anna Ferris and Beth Ferris met. Beth spoke first.",
			[]string{"Anna Ferris/PER", "Beth Ferris/PER", "Beth/PER"}, "Beth", "per:beth ferris", ""},
		{"diacritics", "Zoë Lambert spoke. Then Zoe smiled.", []string{"Zoë Lambert/PER", "Zoe/PER"},
			"Zoe", "per:zoe lambert", ""},
		{"transposed typo", "Gabriel Ostrander won. Ostrander was happy. Fans cheered Ostrnader.",
			[]string{"Gabriel Ostrander/PER", "Ostrander/PER", "Ostrnader/PER"}, "Ostrnader", "per:gabriel ostrander", ""},
		{"short names are not typos", "Tom Ward came. Tim waved.", []string{"Tom Ward/PER", "Tim/PER"}, "Tim", "per:tim", ""},
		{"fan text", "Singer Lara Quinn toured. One fan wrote: i love lara quinn so much",
			[]string{"Lara Quinn/PER"}, "Lara Quinn", "per:lara quinn", "lara quinn"},
		{"upper-case given name", "Rosa Delgado spoke. A fan: WHY IS ROSA SO COOL", []string{"Rosa Delgado/PER"},
			"Rosa Delgado", "per:rosa delgado", "ROSA"},
		{"hashtag", "Ivan Petrov won the race. #ivanpetrov", []string{"Ivan Petrov/PER"}, "Ivan Petrov", "per:ivan petrov", "ivanpetrov"},
		{"a description before a full name", "Widower Tomas Vell cried. Tomas Vell had kept the tape.", []string{"Widower Tomas Vell/PER", "Tomas Vell/PER"},
			"Widower Tomas Vell", "per:tomas vell", ""},
		{"initial", "Maya Stone and her friend. MAYA S is here", []string{"Maya Stone/PER", "MAYA S/PER"},
			"MAYA S", "per:maya stone", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(t, tc.text, tc.ments...)
			run(t, a)
			if got := keyAt(a, tc.mention); got != tc.wantKey {
				t.Errorf("key of %q = %q, want %q", tc.mention, got, tc.wantKey)
			}
			if tc.wantAlias != "" {
				found := false
				for _, m := range a.Mentions {
					if m.Via == "alias" && m.Text == tc.wantAlias && m.Key == tc.wantKey {
						found = true
					}
				}
				if !found {
					t.Errorf("no alias mention %q for %s in %+v", tc.wantAlias, tc.wantKey, a.Mentions)
				}
			}
		})
	}
}

func TestCommonWordNotAlias(t *testing.T) {
	for _, tc := range []struct{ text, name string }{
		{"Grace Holt spoke. It is true that grace matters.", "Grace Holt/PER"},
		// one word of a name, in lower case in a text written in both
		// cases, is the common word ("in time" is not Time Warner's)
		{"Sable Crestwick said profits rose. Shares fell over the crestwick of the year.", "Sable Crestwick/PER"},
	} {
		a := article(t, tc.text, tc.name)
		run(t, a)
		for _, m := range a.Mentions {
			if m.Via == "alias" {
				t.Errorf("common word taken for a name in %q: %+v", tc.text, m)
			}
		}
	}
	// a hashtag of one word of the name is still the name
	a := article(t, "Sable Crestwick said profits rose. #crestwick", "Sable Crestwick/PER")
	run(t, a)
	if keyAt(a, "crestwick") != "per:sable crestwick" {
		t.Errorf("hashtag #crestwick not taken for Sable Crestwick: %+v", a.Mentions)
	}
}

func TestDescriptors(t *testing.T) {
	tests := []struct {
		name, text string
		ments      []string
		desc       string // descriptor text
		want       string // key it must link to
	}{
		{"premodifier", "The award went to Brazilian singer Lucas Mendes on Friday.", []string{"Lucas Mendes/PER"},
			"Brazilian singer", "per:lucas mendes"},
		{"appositive after", "We met Hana Ito, the Tokyo Drift actress, in May.", []string{"Hana Ito/PER", "Tokyo Drift/WORK"},
			"the Tokyo Drift actress", "per:hana ito"},
		{"appositive before", "Fans booed the veteran striker, Omar Haddad, at home.", []string{"Omar Haddad/PER"},
			"the veteran striker", "per:omar haddad"},
		{"definite by gender", "Mary Moss met Peter Vance. Later the actor said he was tired.",
			[]string{"Mary Moss/PER", "Peter Vance/PER"}, "the actor", "per:peter vance"},
		{"definite by profile", "Chef Dana Wu and rapper Leo Park came. Dana Wu cooked. Leo Park sang. Fans loved the rapper most.",
			[]string{"Dana Wu/PER", "Leo Park/PER", "Dana Wu/PER", "Leo Park/PER"}, "the rapper", "per:leo park"},
		{"coordinated is someone else", "Nina Hart, 30, and the pop star, 41, met in Rome with Sam Oyelaran.",
			[]string{"Nina Hart/PER", "Rome/LOC", "Sam Oyelaran/PER"}, "the pop star", "per:sam oyelaran"},
		{"founder by pronoun", "Mark Hale and Jenna Fox arrived. Later the Fox Beauty founder said she was happy.",
			[]string{"Mark Hale/PER", "Jenna Fox/PER", "Fox Beauty/ORG"}, "the Fox Beauty founder", "per:jenna fox"},
		// an outlet's name is no description of a person
		{"a capitalised head is a name", "Karl Holm quit the film. According to the Harbour Reporter, Holm decided to leave.",
			[]string{"Karl Holm/PER", "Harbour Reporter/LOC", "Holm/PER"}, "the Harbour Reporter", ""},
		// someone's spokesperson is not the person the article is about
		{"spokesperson for someone else", "Ann Lowe died on Monday. A spokesperson for Vale Clinic confirmed it. \"We follow protocol,\" the spokesperson said.",
			[]string{"Ann Lowe/PER", "Vale Clinic/ORG"}, "the spokesperson", ""},
		{"premodifier across ranks", "The strike was confirmed, ministry spokesman Maj. Gen. Omar Haddad told reporters.",
			[]string{"Omar Haddad/PER"}, "ministry spokesman", "per:omar haddad"},
		{"a rank that is the role", "The vote was close, said Kansas Senator Omar Haddad on Friday.",
			[]string{"Omar Haddad/PER"}, "Kansas Senator", "per:omar haddad"},
		{"spokesperson described so", "Spokesman Tom Reyes took questions. Tom Reyes smiled. Later the spokesman said the plant was safe.",
			[]string{"Tom Reyes/PER", "Tom Reyes/PER"}, "the spokesman", "per:tom reyes"},
		// the object of someone's verb is someone else, whatever pronoun
		// follows
		{"the object of the subject's verb", "A girlfriend of Omar Diaz has spoken out. Ella Moon, who dated the 29-year-old US swimmer for months, wrote a post on her page.",
			[]string{"Omar Diaz/PER", "Ella Moon/PER"}, "the 29-year-old US swimmer", "per:omar diaz"},
		{"an object's person is not guessed from after it", "A girlfriend of a swimmer has spoken out. Ella Moon, who dated the 29-year-old US swimmer for months, was born Dana Holt.",
			[]string{"Ella Moon/PER", "Dana Holt/PER"}, "the 29-year-old US swimmer", ""},
		// "former" opens the role: the station before it is the addressee
		{"a name before former is another phrase's", "A neighbour tells Channel 9 News former hockey star Dan Ruud was hurt.",
			[]string{"Channel 9 News/ORG", "Dan Ruud/PER"}, "former hockey star", "per:dan ruud"},
		{"a capitalised modifier before a senior role stays", "The plan was announced by Pentagon chief spokesman Dan Ruud.",
			[]string{"Dan Ruud/PER"}, "Pentagon chief spokesman", "per:dan ruud"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(t, tc.text, tc.ments...)
			run(t, a)
			got := ""
			for _, m := range a.Mentions {
				if m.Via == "descriptor" && m.Text == tc.desc {
					got = m.Key
				}
			}
			if got != tc.want {
				t.Errorf("descriptor %q -> %q, want %q; mentions %+v", tc.desc, got, tc.want, a.Mentions)
			}
		})
	}
}

func attr(a *news.Article, key, name string) []string {
	var out []string
	for _, at := range a.Attributes {
		if at.Key == key && at.Name == name {
			out = append(out, at.Value)
		}
	}
	return out
}

func TestAttributes(t *testing.T) {
	tests := []struct {
		name, text string
		ments      []string
		key, attr  string
		want       string
	}{
		{"age apposition", "Jonas Berg, 44, arrived late.", []string{"Jonas Berg/PER"}, "per:jonas berg", "age", "44"},
		{"age parenthesis", "Jonas Berg (44) arrived late.", []string{"Jonas Berg/PER"}, "per:jonas berg", "age", "44"},
		{"age predicative", "Berg is a 44-year-old designer from Oslo. Jonas Berg smiled.", []string{"Berg/PER", "Jonas Berg/PER"}, "per:jonas berg", "age", "44"},
		{"age spelled", "Jonas Berg is a forty-four-year-old designer.", []string{"Jonas Berg/PER"}, "per:jonas berg", "age", "44"},
		{"age years old", "Lena Park, who is now 29 years old, spoke.", []string{"Lena Park/PER"}, "per:lena park", "age", "29"},
		{"age in description", "Lena Park spoke. The 29-year-old singer then left.", []string{"Lena Park/PER"}, "per:lena park", "age", "29"},
		{"age believed", "Lena Park, believed to be aged 29, spoke.", []string{"Lena Park/PER"}, "per:lena park", "age", "29"},
		{"age aged", "Lena Park, aged 29, spoke.", []string{"Lena Park/PER"}, "per:lena park", "age", "29"},
		{"child age", "Lena Park has a seven-year-old son, Milo, with him.", []string{"Lena Park/PER", "Milo/PER"}, "per:milo", "age", "7"},
		{"hometown", "Ruiz is a painter hailing from Santa Fe in the west. Ana Ruiz agreed.", []string{"Ruiz/PER", "Santa Fe/LOC", "Ana Ruiz/PER"}, "per:ana ruiz", "hometown", "Santa Fe"},
		{"native of", "Ana Ruiz, a native of Toledo, spoke.", []string{"Ana Ruiz/PER", "Toledo/LOC"}, "per:ana ruiz", "hometown", "Toledo"},
		{"residence", "Ana Ruiz, who resides in Lisbon, spoke.", []string{"Ana Ruiz/PER", "Lisbon/LOC"}, "per:ana ruiz", "residence", "Lisbon"},
		{"born year", "Ana Ruiz was born in 1988 in Spain.", []string{"Ana Ruiz/PER", "Spain/LOC"}, "per:ana ruiz", "birth_year", "1988"},
		{"nationality", "They cheered Danish cyclist Karl Holm at the end.", []string{"Karl Holm/PER"}, "per:karl holm", "nationality", "Danish"},
		{"occupation", "They cheered Danish cyclist and former model Karl Holm.", []string{"Karl Holm/PER"}, "per:karl holm", "occupation", "model"},
		{"occupation after a verb", "The wire quoted government spokeswoman Rita Moon as saying so.", []string{"Rita Moon/PER"}, "per:rita moon", "occupation", "government spokeswoman"},
		{"occupation after an inverted reporting verb", "The tram will be late, claims transport writer Rita Moon.", []string{"Rita Moon/PER"}, "per:rita moon", "occupation", "transport writer"},
		{"a then- prefix is a time", "Then-Navy spokesman Karl Holm spoke.", []string{"Karl Holm/PER"}, "per:karl holm", "occupation", "Navy spokesman"},
		{"a former- word is a time", "Former-ish PGA golfer Karl Holm spoke.", []string{"Karl Holm/PER"}, "per:karl holm", "occupation", "PGA golfer"},
		{"occupation after a weekday", "On Sunday Ineter scientist Rita Moon said so.", []string{"Ineter/ORG", "Rita Moon/PER"}, "per:rita moon", "occupation", "Ineter scientist"},
		{"a job noun after a role heads the compound", "Karl Holm, an executive engineer at the Verrin Ferry Works Department, was fired.", []string{"Karl Holm/PER", "Verrin Ferry Works Department/ORG"}, "per:karl holm", "occupation", "executive engineer"},
		{"founder of", "Rita Moon, the founder of Moon Labs, spoke.", []string{"Rita Moon/PER", "Moon Labs/ORG"}, "per:rita moon", "occupation", "founder of Moon Labs"},
		{"possessive sister", "Rita Moon's sister Ella Moon came too.", []string{"Rita Moon/PER", "Ella Moon/PER"}, "per:rita moon", "relation:sister", "Ella Moon"},
		{"pronoun mom", "Rita Moon arrived. She brought her mom Joan Price along.", []string{"Rita Moon/PER", "Joan Price/PER"}, "per:rita moon", "relation:mother", "Joan Price"},
		{"ex", "Rita Moon left with ex Dave Cole on Monday.", []string{"Rita Moon/PER", "Dave Cole/PER"}, "per:rita moon", "relation:ex", "Dave Cole"},
		{"father of", "Omar Diaz is a father of three.", []string{"Omar Diaz/PER"}, "per:omar diaz", "children", "3"},
		{"an everyday job right before the name", "On the third day, nurse Lia Zheng went into the ward.", []string{"Lia Zheng/PER"}, "per:lia zheng", "occupation", "nurse"},
		{"age right before the name", "The woman, named locally as 24-year-old Lia Zheng, was held.", []string{"Lia Zheng/PER"}, "per:lia zheng", "age", "24"},
		{"single", "Omar Diaz is currently single, his agent said.", []string{"Omar Diaz/PER"}, "per:omar diaz", "status", "single"},
		{"gender by pronoun", "Omar Diaz said he would return.", []string{"Omar Diaz/PER"}, "per:omar diaz", "gender", "male"},
		{"gender by kinship", "Rita Moon hugged her niece Sasha.", []string{"Rita Moon/PER", "Sasha/PER"}, "per:sasha", "gender", "female"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(t, tc.text, tc.ments...)
			run(t, a)
			got := attr(a, tc.key, tc.attr)
			for _, g := range got {
				if g == tc.want {
					return
				}
			}
			t.Errorf("%s of %s = %v, want %q; all: %+v", tc.attr, tc.key, got, tc.want, a.Attributes)
		})
	}
}

// An age describing someone else in the sentence is not the subject's.
func TestAgeOfAnotherNoun(t *testing.T) {
	for _, text := range []string{
		"Lena Park is now the mother of a beautiful 1 year old girl.",
		"Lena Park is the mother of a 2-year-old girl.",
		"Lena Park said the case of a man aged 40 was closed.",
	} {
		a := article(t, text, "Lena Park/PER")
		run(t, a)
		if got := attr(a, "per:lena park", "age"); len(got) > 0 {
			t.Errorf("%q: Lena Park given age %v", text, got)
		}
	}
}

// A kin word written as a title before a name is no tie: "Father Quinn"
// is a priest, not anyone's father.
func TestKinTitleIsNoTie(t *testing.T) {
	a := article(t, "Bishop Lars Holm met his aides, Father Tomas Quinn among them. Then Holm said Sister Agnes Moll had left.",
		"Lars Holm/PER", "Tomas Quinn/PER", "Holm/PER", "Agnes Moll/PER")
	run(t, a)
	for _, at := range a.Attributes {
		if strings.HasPrefix(at.Name, "relation:") {
			t.Errorf("title read as a tie: %s %s=%s", at.Key, at.Name, at.Value)
		}
	}
	// a possessed kin word in a title-case headline is still a tie
	a = article(t, "Rita Moon's Sister Ella Moon Came Too", "Rita Moon/PER", "Ella Moon/PER")
	run(t, a)
	if got := attr(a, "per:rita moon", "relation:sister"); len(got) != 1 || got[0] != "Ella Moon" {
		t.Errorf("possessed tie in a headline: %v", got)
	}
}

// A kin word that continues a list of someone's relatives is not the kin
// of the relative named before it; "X and wife Y" is X's wife.
func TestKinListIsNoTie(t *testing.T) {
	a := article(t, "Leo Varga, his wife, Mila, their daughter Tanya Varga and grandson Kolya Varga were all able to do it.",
		"Leo Varga/PER", "Mila/PER", "Tanya Varga/PER", "Kolya Varga/PER")
	run(t, a)
	if got := attr(a, "per:tanya varga", "relation:grandson"); len(got) > 0 {
		t.Errorf("Tanya's grandson %v from a list of Leo's relatives", got)
	}
	c := article(t, "They had two children -- daughter Sam Varga in June 2027 and son Kit Varga in May 2029.", "Sam Varga/PER", "Kit Varga/PER")
	run(t, c)
	if got := attr(c, "per:sam varga", "relation:son"); len(got) > 0 {
		t.Errorf("Sam's son %v from a list of children", got)
	}
	b := article(t, "Omar Diaz and wife Rita Diaz arrived on Monday.", "Omar Diaz/PER", "Rita Diaz/PER")
	run(t, b)
	if got := attr(b, "per:omar diaz", "relation:wife"); len(got) != 1 || got[0] != "Rita Diaz" {
		t.Errorf("Omar Diaz's wife = %v, want Rita Diaz", got)
	}
}

// A name after "a daughter," that a speech verb follows opens the next
// clause; a kinship word in capitals after another ("her TWIN SISTER") is
// no name.
func TestKinWordBeforeTheNextClause(t *testing.T) {
	a := article(t, "Lena Okoro was travelling with two sons and a daughter, Interior Minister Ivo Brandt told the channel.",
		"Lena Okoro/PER", "Ivo Brandt/PER")
	run(t, a)
	for _, key := range []string{"per:lena okoro", "per:ivo brandt"} {
		for _, at := range []string{"relation:daughter", "relation:son"} {
			if got := attr(a, key, at); len(got) > 0 {
				t.Errorf("%s %s = %v", key, at, got)
			}
		}
	}
	b := article(t, "Lena Okoro caught her partner with her TWIN SISTER in a car park.", "Lena Okoro/PER", "SISTER/PER")
	run(t, b)
	if got := attr(b, "per:lena okoro", "relation:twin"); len(got) > 0 {
		t.Errorf("a kinship word in capitals taken for a twin's name: %v", got)
	}
}

// A kin word ending a sentence ties nobody to the name opening the next
// one: "He leaves behind a young son\n\nChase: An officer runs…".
func TestKinWordAtSentenceEnd(t *testing.T) {
	a := article(t, "Omar Diaz was shot on Monday. He leaves behind a young son\n\nChase: An officer runs outside the hall.",
		"Omar Diaz/PER", "Chase/PER")
	run(t, a)
	if got := attr(a, "per:omar diaz", "relation:son"); len(got) > 0 {
		t.Errorf("son %v read across sentences", got)
	}
}

// A kin word ties two persons only: not an outlet's partner, not an
// unnamed person's mother; and a name opening the next clause is no
// apposition of a preposition's object.
func TestKinOfSomethingElse(t *testing.T) {
	for _, c := range []struct {
		text  string
		ments []string
	}{
		{"His sister, Ella Moon, told Harbour News' partner Coast TV that he had died.", []string{"Ella Moon/PER", "Harbour News/ORG", "Coast TV/PER"}},
		{"Omar Diaz said his neighbour's son, Ella Moon, was with him.", []string{"Omar Diaz/PER", "Ella Moon/PER"}},
		{"While Omar Diaz had a son with another wife, Ella Moon is his only partner.", []string{"Omar Diaz/PER", "Ella Moon/PER"}},
		{"Omar Diaz was calm. According to his brother, Ella Moon's visit was short.", []string{"Omar Diaz/PER", "Ella Moon/PER"}},
	} {
		a := article(t, c.text, c.ments...)
		run(t, a)
		for _, at := range a.Attributes {
			if strings.HasPrefix(at.Name, "relation:") {
				t.Errorf("%q: tie %s %s=%s", c.text, at.Key, at.Name, at.Value)
			}
		}
	}
	// a person's possessive apostrophe after s is a tie
	a0 := article(t, "Dana Ellis said little. Ellis' mother, Ella Moon, told reporters she was proud.", "Dana Ellis/PER", "Ellis/PER", "Ella Moon/PER")
	run(t, a0)
	if got := attr(a0, "per:dana ellis", "relation:mother"); len(got) != 1 || got[0] != "Ella Moon" {
		t.Errorf("possessive apostrophe: mother = %v", got)
	}
	// a possessed name right after the kin word is still the relative
	a1 := article(t, "Omar Diaz came. Omar Diaz's sister Ella Moon's children stayed home.", "Omar Diaz/PER", "Omar Diaz/PER", "Ella Moon/PER")
	run(t, a1)
	if got := attr(a1, "per:omar diaz", "relation:sister"); len(got) != 1 || got[0] != "Ella Moon" {
		t.Errorf("possessed relative: sister = %v", got)
	}
	// an apposition closed by a comma is a tie
	a := article(t, "Omar Diaz arrived with his wife, Ella Moon, on Monday.", "Omar Diaz/PER", "Ella Moon/PER")
	run(t, a)
	if got := attr(a, "per:omar diaz", "relation:wife"); len(got) != 1 || got[0] != "Ella Moon" {
		t.Errorf("closed apposition: wife = %v", got)
	}
}

// An age in a clause opened by "when" held back then: it is no age of the
// person now.
func TestAgeBackThen(t *testing.T) {
	a := article(t, "Ella Moon began her career when she was 20 years old. Ella Moon is now 32 years old.", "Ella Moon/PER", "Ella Moon/PER")
	run(t, a)
	if got := attr(a, "per:ella moon", "age"); len(got) != 1 || got[0] != "32" {
		t.Errorf("ages = %v, want [32]", got)
	}
}

func TestNoAttributeWhenNegated(t *testing.T) {
	a := article(t, "Omar Diaz is not single.", "Omar Diaz/PER")
	run(t, a)
	if got := attr(a, "per:omar diaz", "status"); len(got) > 0 {
		t.Errorf("negated status kept: %v", got)
	}
}

func TestResolvePronoun(t *testing.T) {
	text := "Rita Moon met Omar Diaz in Paris. He said the trip was long. She laughed."
	a := article(t, text, "Rita Moon/PER", "Omar Diaz/PER", "Paris/LOC")
	a.Attributes = nil
	run(t, a)
	// gender comes from the given-name list here; the pronouns pick by it
	if k, ok := ResolvePronoun(a, strings.Index(text, "He"), "He"); !ok || k != "per:omar diaz" {
		t.Errorf("He -> %q %v", k, ok)
	}
	if k, ok := ResolvePronoun(a, strings.Index(text, "She"), "She"); !ok || k != "per:rita moon" {
		t.Errorf("She -> %q %v", k, ok)
	}
	if _, ok := ResolvePronoun(a, strings.Index(text, "trip"), "it"); ok {
		t.Errorf("it resolved to a person")
	}
}

// A sentence's subject pronoun links the chain: "his" after "He" goes to
// whom that he is, not to the last person named before it.
func TestSubjectPronounLinksTheChain(t *testing.T) {
	text := "Ivo Brandt kneels in the video. In a Lund speech, he blames Dale Pike for his fate. He then addresses his brother, Omar Brandt, who serves in the navy."
	a := article(t, text, "Ivo Brandt/PER", "Dale Pike/PER", "Omar Brandt/PER")
	run(t, a)
	if got := attr(a, "per:ivo brandt", "relation:brother"); len(got) != 1 || got[0] != "Omar Brandt" {
		t.Errorf("Ivo Brandt's brother = %v", got)
	}
	if got := attr(a, "per:dale pike", "relation:brother"); len(got) != 0 {
		t.Errorf("Dale Pike's brother = %v, want none", got)
	}
	// a name before the pronoun is its sentence's subject
	text = "Ivo Brandt kneels in the video. Dale Pike said he would go. He thanked his brother, Omar Brandt."
	a = article(t, text, "Ivo Brandt/PER", "Dale Pike/PER", "Omar Brandt/PER")
	run(t, a)
	if got := attr(a, "per:dale pike", "relation:brother"); len(got) != 1 || got[0] != "Omar Brandt" {
		t.Errorf("Dale Pike's brother = %v", got)
	}
}

// A name that opens with a common given name is a person whatever the
// recogniser's tag, and so is its surname alone later; a firm named after a
// person is not.
func TestGivenNameMakesAPerson(t *testing.T) {
	text := "Sergeant Kevin Brandt shot the gunman. Later Brandt was called a hero. Paul Holt spoke. John Lewis Partners sells toys. Fans filled Madison Square Garden. Abu Omar al-Tamimi led them. An aide to al-Tamimi left."
	a := article(t, text, "Sergeant Kevin Brandt/ORG", "Brandt/ORG", "Paul Holt/ORG", "John Lewis Partners/ORG", "Madison Square Garden/ORG", "Abu Omar al-Tamimi/PER", "al-Tamimi/MISC")
	run(t, a)
	if k := keyAt(a, "Kevin Brandt"); k != "per:kevin brandt" {
		t.Errorf("Sergeant Kevin Brandt's key = %q, want the name without the title", k)
	}
	want := map[string]news.EntityType{"Kevin Brandt": news.PER, "Brandt": news.PER, "Paul Holt": news.PER, "John Lewis Partners": news.ORG, "Madison Square Garden": news.ORG, "al-Tamimi": news.PER}
	// a place after a preposition of place is a place, whatever its tag;
	// a person with a surname like it is still a person
	text2 := "Vale Hill guards ran. The gunman died on Vale Hill. Later Paul Hill spoke near Lund Park."
	a2 := article(t, text2, "Vale Hill/PER", "Vale Hill/PER", "Paul Hill/PER", "Lund Park/PER")
	run(t, a2)
	for _, m := range a2.Mentions {
		if w := map[string]news.EntityType{"Vale Hill": news.LOC, "Paul Hill": news.PER, "Lund Park": news.LOC}[m.Text]; w != "" && m.Type != w {
			t.Errorf("%q typed %s, want %s", m.Text, m.Type, w)
		}
	}
	for _, m := range a.Mentions {
		if w, ok := want[m.Text]; ok && m.Type != w {
			t.Errorf("%q typed %s, want %s", m.Text, m.Type, w)
		}
	}
}

// A name inside the name of an institution is no person, nor is a
// newspaper; a Title Case headline that opens with a person is still about
// the person, and a given name keeps one ("Emily Post").
func TestNameInsideAnInstitution(t *testing.T) {
	text := "Ada Vance Hospital Visit Delights Children\n\nThe baby was born at Lund's King Omar Memorial Hospital on Monday, " +
		"reports the Vale Herald. Emily Post agreed, as Lund News Latino, Norby Daily Courrier and Norby Mail said. Bill Daily did not."
	a := article(t, text, "Ada Vance/PER", "Omar/PER", "Vale Herald/PER", "Emily Post/PER", "Lund News Latino/PER",
		"Norby Daily Courrier/PER", "Norby Mail/PER", "Bill Daily/PER")
	run(t, a)
	var kept []string
	for _, m := range a.Mentions {
		if m.Type == news.PER && m.Via == "ner" {
			kept = append(kept, m.Text)
		}
	}
	if !slices.Equal(kept, []string{"Ada Vance", "Emily Post", "Bill Daily"}) {
		t.Errorf("persons %v, want Ada Vance, Emily Post and Bill Daily (no newspaper or channel)", kept)
	}
}

// A common given name alone is nobody's misspelling: "Andrew" in one
// article is not "Andree Lau" of another, whatever else they share.
func TestGivenNameIsNoMisspelling(t *testing.T) {
	_, byID := storyOf(t,
		articleWithID(t, "a1", "Andrey Lind reported from the hall. Dale Pike spoke.", "Andrey Lind/PER", "Dale Pike/PER"),
		articleWithID(t, "a2", "Dale Pike thanked his son, Andrew, who saved a swimmer.", "Dale Pike/PER", "Andrew/PER"))
	if p, ok := byID["per-andrey-lind"]; !ok || len(p.Articles) != 1 {
		t.Errorf("Andrey Lind = %+v, want in one article (Andrew is someone else)", p)
	}
}

func TestStageIdempotent(t *testing.T) {
	a := article(t, "Lara Quinn, 30, toured. fans love lara quinn.", "Lara Quinn/PER")
	run(t, a)
	n, m := len(a.Mentions), len(a.Attributes)
	run(t, a)
	if len(a.Mentions) != n || len(a.Attributes) != m {
		t.Errorf("second run changed counts: %d/%d mentions, %d/%d attributes", len(a.Mentions), n, len(a.Attributes), m)
	}
}

func TestStoryStage(t *testing.T) {
	day := time.Date(2022, 9, 26, 0, 0, 0, 0, time.UTC)
	a1 := article(t, "Paolo Rinaldi, 31, met Ada Serra and her sister Bea Serra.", "Paolo Rinaldi/PER", "Ada Serra/PER", "Bea Serra/PER")
	a1.ID, a1.Published = "a1", day
	a2 := article(t, "Paolo Rinaldo is a 31-year-old actor. Ada Serra laughed.", "Paolo Rinaldo/PER", "Ada Serra/PER")
	a2.ID, a2.Published = "a2", day
	a3 := article(t, "Rinaldi and Adá Serra were seen with Serra's friend.", "Rinaldi/PER", "Adá Serra/PER", "Serra/PER")
	a3.ID = "a3"
	v, byID := storyOf(t, a1, a2, a3)
	p, ok := byID["per-paolo-rinaldi"]
	if !ok {
		t.Fatalf("no per-paolo-rinaldi in %+v", v.Entities)
	}
	if len(p.Articles) != 3 {
		t.Errorf("Rinaldi in %v, want all three articles (typo Rinaldo merged)", p.Articles)
	}
	var age *news.Attribute
	for i, at := range p.Attributes {
		if at.Name == "age" && at.Value == "31" {
			age = &p.Attributes[i]
		}
	}
	if age == nil || len(age.Citations) != 2 {
		t.Errorf("age 31 should have two citations: %+v", p.Attributes)
	}
	foundBirth := false
	for _, at := range p.Attributes {
		if at.Name == "birth_year" && at.Value == "1990-1991" {
			foundBirth = true
		}
	}
	if !foundBirth {
		t.Errorf("no birth_year 1990-1991: %+v", p.Attributes)
	}
	ada, bea := byID["per-ada-serra"], byID["per-bea-serra"]
	if len(ada.Articles) != 3 || len(bea.Articles) != 1 {
		t.Errorf("Ada in %v (want 3), Bea in %v (want 1)", ada.Articles, bea.Articles)
	}
	if EntityID("Adá Serra", news.PER) != "per-ada-serra" {
		t.Errorf("IDs must fold diacritics")
	}
}

// A title and the Arabic article are not part of the name a person is
// called by: "Sheikh Faris", "al-Faris" and "Omar Nasser al-Faris" are one.
func TestTitlesAndArabicArticle(t *testing.T) {
	a1 := article(t, "Omar Nasser al-Faris spoke in Doha.", "Omar Nasser al-Faris/PER", "Doha/LOC")
	a1.ID = "a1"
	a2 := article(t, "Sheikh Faris repeated the ruling.", "Sheikh Faris/PER")
	a2.ID = "a2"
	a3 := article(t, "Later al-Faris said more. Omar Nasser Al Faris left.", "al-Faris/PER", "Omar Nasser Al Faris/PER")
	a3.ID = "a3"
	v, _ := storyOf(t, a1, a2, a3)
	var persons []string
	for _, e := range v.Entities {
		if e.Type == news.PER {
			persons = append(persons, fmt.Sprintf("%s %v", e.Name, e.Articles))
		}
	}
	if len(persons) != 1 || !strings.Contains(persons[0], "a1 a2 a3") {
		t.Errorf("persons %q, want one in all three articles", persons)
	}
}

// A rank before a name is a title: "Corporal Lena Voss" and "Lena Voss"
// are one person, as are "Det. Amos Kirk" and "Amos Kirk".
func TestRanksAreTitles(t *testing.T) {
	a1 := article(t, "Corporal Lena Voss, 24, stood guard. Det. Amos Kirk arrived.", "Corporal Lena Voss/PER", "Det. Amos Kirk/PER")
	a1.ID = "a1"
	a2 := article(t, "Lena Voss was hurt. Amos Kirk spoke.", "Lena Voss/PER", "Amos Kirk/PER")
	a2.ID = "a2"
	v, _ := storyOf(t, a1, a2)
	var persons []string
	for _, e := range v.Entities {
		if e.Type == news.PER {
			persons = append(persons, fmt.Sprintf("%s %v", e.Name, e.Articles))
		}
	}
	slices.Sort(persons)
	if want := []string{"Amos Kirk [a1 a2]", "Lena Voss [a1 a2]"}; !slices.Equal(persons, want) {
		t.Errorf("persons %q, want %q", persons, want)
	}
}

func TestDamerau(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"khloe", "klhoe", 1}, {"morrone", "marrone", 1}, {"morrone", "morone", 1}, {"kim", "khloe", 4}, {"", "ab", 2},
	}
	for _, tc := range tests {
		if got := Damerau(tc.a, tc.b, 5); got != tc.want {
			t.Errorf("Damerau(%q,%q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Khloé": "khloe", "MICHELE": "michele", "Łódź": "lodz", "Kim’s": "kim's"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]int{"31": 31, "four": 4, "thirty-one": 31, "Ninety-Nine": 99} {
		if got, ok := parseNumber(in); !ok || got != want {
			t.Errorf("parseNumber(%q) = %d %v, want %d", in, got, ok, want)
		}
	}
	if _, ok := parseNumber("a"); ok {
		t.Errorf("parseNumber(a) should fail")
	}
}

// FuzzStage feeds arbitrary text with arbitrary mention spans to the stage:
// it must not panic and every span it writes must lie in the text.
func FuzzStage(f *testing.F) {
	f.Add("Khloé Kardashian, 38, and her sister Kim. khloe!", 0, 16)
	f.Add("the actor, Michele Morrone, is a 31-year-old", 11, 26)
	f.Fuzz(func(t *testing.T, text string, s, e int) {
		a := &news.Article{Text: text}
		if s >= 0 && e <= len(text) && s < e {
			a.Mentions = []news.Mention{{Span: news.Span{Start: s, End: e}, Text: text[s:e], Type: news.PER, Via: "ner"}}
		}
		if err := (Stage{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Start > m.Span.End {
				t.Fatalf("bad span %+v", m.Span)
			}
		}
		for _, at := range a.Attributes {
			if at.Span.Start < 0 || at.Span.End > len(text) || at.Span.Start > at.Span.End {
				t.Fatalf("bad attribute span %+v", at)
			}
		}
	})
}

func TestBagDistanceBoundsDamerau(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"klhoe", "khloe", 0}, {"marrone", "morrone", 1}, {"abc", "xyz", 3}, {"ab", "abcd", 2}, {"", "ab", 2}, {"khloé", "khloe", 0}} {
		if got := bagDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("bagDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if d := Damerau(tc.a, tc.b, 5); bagDistance(tc.a, tc.b) > d {
			t.Errorf("bag distance above the edit distance %d for %q, %q", d, tc.a, tc.b)
		}
	}
}

// TestNoAttributeFromAGuessedDescription: "the basketball player's" after two
// names may be either (or neither) of them: it gives no one an occupation,
// while an apposition does.
func TestNoAttributeFromAGuessedDescription(t *testing.T) {
	text := "Lena Park was seen with Karl Holm in Rome. The basketball player's agent said nothing. Rita Moon, the singer, smiled."
	a := article(t, text, "Lena Park/PER", "Karl Holm/PER", "Rita Moon/PER")
	run(t, a)
	for _, k := range []string{"per:lena park", "per:karl holm"} {
		if got := attr(a, k, "occupation"); len(got) > 0 {
			t.Errorf("%s got occupation %v from a guessed description", k, got)
		}
	}
	if got := attr(a, "per:rita moon", "occupation"); len(got) != 1 || got[0] != "singer" {
		t.Errorf("apposition: occupation %v, want singer", got)
	}
}

func TestMarriedOffGivesNoStatus(t *testing.T) {
	a := article(t, "Warlord Tomas Rek said the captives had been married off. Rek married them off last year.",
		"Tomas Rek/PER", "Rek/PER")
	run(t, a)
	for _, at := range a.Attributes {
		if at.Name == "status" {
			t.Errorf("status %q from %q", at.Value, a.Text[at.Span.Start:at.Span.End])
		}
	}
}

// TestOccupationOnlyWhereTheSyntaxLinks: a role phrase ending one clause
// is not an apposition of the name that starts the next, a verb or a
// function word before a role is not part of it, and the organisation of
// "the late X co-founder" is X alone.
func TestOccupationOnlyWhereTheSyntaxLinks(t *testing.T) {
	tests := []struct {
		name, text string
		ments      []string
		key        string
		want       []string // the occupations wanted, in any order; nil for none
	}{
		{"clause ends after the phrase", "Days after Moon said Holm would lead the firm founded by the late Orbis co-founder, Holm has quit.",
			[]string{"Moon/PER", "Holm/PER", "Orbis/ORG", "Holm/PER"}, "per:holm", nil},
		{"according to a paper", "According to The Harbour Reporter, Karl Holm decided to leave.",
			[]string{"Harbour Reporter/ORG", "Karl Holm/PER"}, "per:karl holm", nil},
		{"closed apposition after a preposition", "He spoke to the company's spokesman, Karl Holm, on Friday.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"company spokesman"}},
		{"apposition opening the sentence", "The festival's director, Rita Moon said the show would go on.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"festival director"}},
		{"a person's role is the role alone", "The boy's attorney, Rita Moon, spoke first.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"attorney"}},
		{"a role's role is the role alone", "The singer's manager, Rita Moon, said he was well.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"manager"}},
		{"a speech verb before the role ends what comes before", "It was a cruel hobby, admits local charity spokeswoman Rita Moon.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"local charity spokeswoman"}},
		{"an abbreviated place before the role", "The recording went to the police, said St. Louis attorney Rita Moon.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"St. Louis attorney"}},
		{"a verb capitalised after a quote", "“Stay safe,” Tweeted Minister Rita Moon.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"minister"}},
		{"a name opening a sentence with a participle", "Associated Press writer Rita Moon filed the report.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"Associated Press writer"}},
		{"a bar opens the clause", "ANALYSIS | Has 'rock star' Rita Moon really changed the band?",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"rock star"}},
		{"any speech verb before the role ends what comes before", "The fire was small, confirms local fire department spokesman Rita Moon.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"local fire department spokesman"}},
		{"a dash opens the clause", "AMSTERDAM (AP) -- When war reporter Rita Moon arrived, the town was empty.",
			[]string{"AMSTERDAM/LOC", "AP/ORG", "Rita Moon/PER"}, "per:rita moon", []string{"war reporter"}},
		{"another opens the phrase", "He presents to the camera another journalist, Rita Moon, who worked for Time.",
			[]string{"Rita Moon/PER", "Time/ORG"}, "per:rita moon", nil},
		{"verb before the role", "Holm signed on to play Orbis co-founder Rita Moon in the film.",
			[]string{"Holm/PER", "Orbis/ORG", "Rita Moon/PER"}, "per:rita moon", []string{"co-founder of Orbis"}},
		{"a verb before an adjective and a capitalised modifier", "The trip made news when it took former Orbis player Karl Holm along.",
			[]string{"Orbis/ORG", "Karl Holm/PER"}, "per:karl holm", []string{"Orbis player"}},
		{"a verb before a capitalised modifier", "Two officials say they believe Danish journalist Karl Holm was there.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"journalist"}},
		{"a name and another phrase", "Columnist Rita Moon and Orbis CEO Karl Holm spoke.",
			[]string{"Rita Moon/PER", "Orbis/ORG", "Karl Holm/PER"}, "per:karl holm", []string{"CEO of Orbis"}},
		{"apposition going on with a preposition", "The plan was confirmed, said Karl Holm, a spokesman for the agency, on Monday.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"spokesman"}},
		{"to as a preposition", "He was pictured close to reality TV star Rita Moon backstage.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"reality TV star"}},
		{"conjunction before the role", "The project stalled, though director Karl Holm stayed on.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"director"}},
		{"New opening a place's name", "It is catching up, said Karl Holm, the New Haven state director of the alliance.",
			[]string{"Karl Holm/PER", "New Haven/LOC"}, "per:karl holm", []string{"New Haven state director"}},
		{"a quoted title opening with The", "Boyle held talks with his “The Harbour” star Karl Holm to take the role.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"The Harbour star"}},
		{"a quotation opening with The", "She added: “The lawyer Karl Holm was late to court.”",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"lawyer"}},
		{"preposition before the role", "The film was in limbo after writer Karl Holm left.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"writer"}},
		{"a number opening a title", "Fans cheered the 24 Hours host Rita Moon at the gala.",
			[]string{"Rita Moon/PER"}, "per:rita moon", []string{"24 Hours host"}},
		{"born before the role", "The film stars British born actor Karl Holm as the captain.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"actor"}},
		{"sentence-initial adverb", "After director Karl Holm left, the film stalled.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"director"}},
		{"participle before the role", "The group said it had kidnapped missing Danish reporter Karl Holm.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"reporter"}},
		{"compound adjective kept", "Award winning actor Karl Holm spoke.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"Award winning actor"}},
		{"a modal makes the head a verb", "Moon said the film will star Karl Holm, who trained for months.",
			[]string{"Moon/PER", "Karl Holm/PER"}, "per:karl holm", nil},
		{"the next clause's subject", "The shots killed Karl Holm, the family's lawyer tells reporters.",
			[]string{"Karl Holm/PER"}, "per:karl holm", nil},
		{"unclosed apposition after an opening name", "Karl Holm, the ministry's spokesman dismissed the report.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"ministry spokesman"}},
		{"after according to, the next clause's subject", "According to Karl Holm, the director is losing patience with the leaks.",
			[]string{"Karl Holm/PER"}, "per:karl holm", nil},
		{"after according to, an apposition", "The leaks must stop, according to Karl Holm, the director of the studio, on Monday.",
			[]string{"Karl Holm/PER"}, "per:karl holm", []string{"director"}},
		{"late co-founder", "Rita Moon, the late Orbis co-founder, was remembered.",
			[]string{"Rita Moon/PER", "Orbis/ORG"}, "per:rita moon", []string{"late co-founder of Orbis"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(t, tc.text, tc.ments...)
			run(t, a)
			got := attr(a, tc.key, "occupation")
			if strings.Join(sorted(got), "|") != strings.Join(sorted(tc.want), "|") {
				t.Errorf("occupations of %s = %q, want %q", tc.key, got, tc.want)
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	slices.Sort(out)
	return out
}

// TestFullNameTaggedOtherwise checks that a two-word name the recogniser
// typed as an organisation is the person its article goes on to call by
// the last word ("Tiger Woods" ORG, then "Woods" PER), and that without
// those later mentions it stays what it was tagged.
func TestFullNameTaggedOtherwise(t *testing.T) {
	a := article(t, "Golfer Tara Hollis withdrew on Friday. Hollis said her back hurt, and Hollis will rest. Fans of Bright Harbour cheered.",
		"Tara Hollis/ORG", "Hollis/PER", "Hollis/PER", "Bright Harbour/ORG")
	a.ID = "a"
	b := article(t, "Bright Harbour won. Harbour fans sang.", "Bright Harbour/ORG", "Harbour/PER")
	b.ID = "b"
	v, byID := storyOf(t, a, b)
	if _, ok := byID["per-tara-hollis"]; !ok {
		t.Errorf("no per-tara-hollis in %v", ids(v.Entities))
	}
	if _, ok := byID["org-bright-harbour"]; !ok {
		t.Errorf("Bright Harbour, named later by one tagged word in another article only, is no longer an organisation: %v", ids(v.Entities))
	}
}

func ids(es []news.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// articleWithID is article with an ID of its own, for stories of several.
func articleWithID(t *testing.T, id, text string, ments ...string) *news.Article {
	a := article(t, text, ments...)
	a.ID = id
	return a
}

// personNames are the names of the persons among a story's entities.
func personNames(ents map[string]news.Entity) []string {
	var out []string
	for _, e := range ents {
		if e.Type == news.PER {
			out = append(out, e.Name)
		}
	}
	return out
}

// storyOf runs the article stage on arts, then the story stage, and returns
// the view and its entities by ID.
func storyOf(t *testing.T, arts ...*news.Article) (*news.StoryView, map[string]news.Entity) {
	t.Helper()
	for _, a := range arts {
		run(t, a)
	}
	v := news.NewStoryView("s", "t")
	if err := (StoryStage{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	byID := map[string]news.Entity{}
	for _, e := range v.Entities {
		byID[e.ID] = e
	}
	return v, byID
}

// A bare surname goes on meaning the person the article has been calling
// by it, not a relative just named in full.
func TestBareSurnameAfterARelative(t *testing.T) {
	a := article(t, "James Ward was freed on Monday. Ward's mother, Ann Ward, thanked the team. Ward, 40, is from Dover.",
		"James Ward/PER", "Ward/PER", "Ann Ward/PER", "Ward/PER")
	run(t, a)
	if got := attr(a, "per:james ward", "age"); len(got) != 1 || got[0] != "40" {
		t.Errorf("James Ward's age %v, want 40; all: %+v", got, a.Attributes)
	}
	if got := attr(a, "per:ann ward", "age"); len(got) > 0 {
		t.Errorf("Ann Ward given age %v", got)
	}
}

// One person whose name articles write whole, misspelt in the middle, and
// cut after the middle name is one entity.
func TestMisspeltMiddleName(t *testing.T) {
	mk := func(id, text string, ments ...string) *news.Article { return articleWithID(t, id, text, ments...) }
	_, ents := storyOf(t,
		mk("a1", "Father Peter Jonathon spoke to reporters. Peter Jonathon said little.", "Peter Jonathon/PER", "Peter Jonathon/PER"),
		mk("a2", "Father Peter Jonathon spoke again. Peter Jonathon smiled.", "Peter Jonathon/PER", "Peter Jonathon/PER"),
		mk("a3", "Peter Jonathon Haskell, 71, was revived.", "Peter Jonathon Haskell/PER"),
		mk("a4", "Peter Jonathan Haskell was revived.", "Peter Jonathan Haskell/PER"),
	)
	if pers := personNames(ents); len(pers) != 1 {
		t.Errorf("persons %q, want one", pers)
	}
}

// A longer name that adds another family's surname to a person's name is
// someone else: "Tomas Vega Okoro", son of Daniel Okoro, is not Tomas Vega,
// brother of Rui Vega; a surname others bear alone splits nothing.
func TestAnotherFamilysSurnameIsAnotherPerson(t *testing.T) {
	mk := func(id, text string, ments ...string) *news.Article { return articleWithID(t, id, text, ments...) }
	_, ents := storyOf(t,
		mk("a1", "Tomas Vega led the country for decades with his brother Rui Vega. Tomas Vega is 88.", "Tomas Vega/PER", "Rui Vega/PER", "Tomas Vega/PER"),
		mk("a2", "Tomas Vega has not been seen since May.", "Tomas Vega/PER"),
		mk("a3", "Tomas Vega Okoro, son of Daniel Okoro, died at 41. Daniel Okoro leads the opposition.",
			"Tomas Vega Okoro/PER", "Daniel Okoro/PER", "Daniel Okoro/PER"),
	)
	// in one article too
	a := article(t, "Tomas Vega Okoro, son of Daniel Okoro, died at 41. Users confused him with Tomas Vega, 88, brother of Rui Vega.",
		"Tomas Vega Okoro/PER", "Daniel Okoro/PER", "Tomas Vega/PER", "Rui Vega/PER")
	run(t, a)
	if k := a.Mentions[2].Key; k != "per:tomas vega" {
		t.Errorf("Tomas Vega's mention has key %q in an article naming Tomas Vega Okoro", k)
	}
	if _, ok := ents["per-tomas-vega"]; !ok {
		t.Errorf("no per-tomas-vega in %v", slices.Sorted(maps.Keys(ents)))
	}
	if _, ok := ents["per-tomas-vega-okoro"]; !ok {
		t.Errorf("no per-tomas-vega-okoro in %v", slices.Sorted(maps.Keys(ents)))
	}
	_, ents = storyOf(t,
		mk("b1", "Ravi Dev Anand Singh was convicted. Ravi Dev Anand Singh, 47, appealed.", "Ravi Dev Anand Singh/PER", "Ravi Dev Anand Singh/PER"),
		mk("b2", "Ravi Dev Anand, 47, was convicted, said lawyer Amar Singh.", "Ravi Dev Anand/PER", "Amar Singh/PER"),
	)
	if _, ok := ents["per-ravi-dev-anand"]; ok {
		t.Errorf("Ravi Dev Anand split from Ravi Dev Anand Singh by another Singh: %v", slices.Sorted(maps.Keys(ents)))
	}
}

// A photo credit that runs two names together is no person whose shorter
// names they are.
func TestRunOnNamesJoinNothing(t *testing.T) {
	a := article(t, "Vale Harbour holds a hostage. Norway Vale Harbour Lars Eik Archiv. Lars Eik, its leader, said so. Eik spoke.",
		"Vale Harbour/PER", "Vale Harbour Lars Eik Archiv/PER", "Lars Eik/PER", "Eik/PER")
	run(t, a)
	if k := a.Mentions[2].Key; k != "per:lars eik" {
		t.Errorf("Lars Eik has key %q", k)
	}
	if k := a.Mentions[0].Key; k == a.Mentions[1].Key {
		t.Errorf("Vale Harbour joined the run-on name: %q", k)
	}
}

// A surname with its particle is the person whose full name it ends, a title
// aside: "Mayor de Vries" is "Mayor Lena de Vries".
func TestSurnameWithParticle(t *testing.T) {
	mk := func(id, text string, ments ...string) *news.Article { return articleWithID(t, id, text, ments...) }
	_, ents := storyOf(t,
		mk("a1", "Mayor Lena de Vries spoke on Monday. Mayor Lena de Vries left.", "Lena de Vries/PER", "Lena de Vries/PER"),
		mk("a2", "The plan was announced by Mayor de Vries and the police chief.", "de Vries/PER"),
		mk("a3", "Critics of Mayor de Vries marched on Friday.", "de Vries/PER"),
	)
	if pers := personNames(ents); len(pers) != 1 {
		t.Errorf("persons %q, want one", pers)
	}
}

// A status is a person's only where the syntax links it to them: "Lena Park
// and Karl Holm are happily married", not "Lena Park said the agency is
// heavily engaged".
func TestStatusOnlyWhereTheSyntaxLinks(t *testing.T) {
	a := article(t, "Lena Park said the agency is heavily engaged. Rita Moon and Omar Diaz are happily married. "+
		"As for Karl Holm, he told a radio show in May that he’s “absolutely single”.",
		"Lena Park/PER", "Rita Moon/PER", "Omar Diaz/PER", "Karl Holm/PER")
	run(t, a)
	if got := attr(a, "per:lena park", "status"); len(got) > 0 {
		t.Errorf("Lena Park got status %v from another subject's clause", got)
	}
	for _, k := range []string{"per:rita moon", "per:omar diaz"} {
		if got := attr(a, k, "status"); len(got) != 1 || got[0] != "married" {
			t.Errorf("%s: status %v, want married", k, got)
		}
	}
	if got := attr(a, "per:karl holm", "status"); len(got) != 1 || got[0] != "single" {
		t.Errorf("Karl Holm: status %v, want single", got)
	}
}

// A role phrase after a preposition, with a quotation opening the clause of
// the name after it, is no apposition: "According to the Harbour Reporter,
// Karl Holm “came to the conclusion…”".
func TestPrepositionalPhraseBeforeAQuoteIsNoApposition(t *testing.T) {
	a := article(t, "According to the Harbour Reporter, Karl Holm “came to the conclusion he was not right for the part.”",
		"Karl Holm/PER")
	run(t, a)
	if got := attr(a, "per:karl holm", "occupation"); len(got) > 0 {
		t.Errorf("Karl Holm got occupation %v from the outlet he was reported by", got)
	}
}

// In a quotation, "he" is whoever the speaker means, not a person the
// article names before: “He really is a phenomenal actor,” Karl Holm said
// gives Karl Holm no occupation.
func TestPronounInAQuoteTakesNoDescription(t *testing.T) {
	a := article(t, "Karl Holm praised the lead. “He really is a phenomenal actor,” Holm said.", "Karl Holm/PER", "Holm/PER")
	run(t, a)
	if got := attr(a, "per:karl holm", "occupation"); len(got) > 0 {
		t.Errorf("Karl Holm got occupation %v from his own words about someone else", got)
	}
}

// The letter-set test never rejects two strings within k edits: on random
// strings over a small alphabet (many near pairs), with accented letters
// and bytes that share a bit (a and !, 97 and 33 mod 64).
func TestFewLettersApartNeverRejectsNearStrings(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "c", "d", "e", "!", "é", "A"}
	word := func() string {
		var b strings.Builder
		for range 2 + r.IntN(7) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	rejected := 0
	for range 20000 {
		a, b := word(), word()
		for k := 1; k <= 2; k++ {
			ok := fewLettersApart(letterSet(a), letterSet(b), k)
			if !ok {
				rejected++
			}
			if d := Damerau(a, b, k); d <= k && !ok {
				t.Fatalf("%q and %q are %d edits apart but rejected at k=%d", a, b, d, k)
			}
		}
	}
	if rejected == 0 {
		t.Fatal("the test rejected nothing: it is not exercised")
	}
}

// "X and his wife, Y": the wife is X's, not that of the person the text
// names most before.
func TestAndHisWife(t *testing.T) {
	text := "Ivo Brandt is ill. Ivo Brandt has not been seen for weeks, and he missed a parade. Ivo Brandt may rest.\n\n" +
		"Ada Brandt is the daughter of the former mayor Omar Vale and his wife, Lina Ross."
	a := article(t, text, "Ivo Brandt/PER", "Ivo Brandt/PER", "Ivo Brandt/PER", "Ada Brandt/PER", "Omar Vale/PER", "Lina Ross/PER")
	run(t, a)
	if got := attr(a, keyAt(a, "Omar Vale"), "relation:wife"); len(got) != 1 || got[0] != "Lina Ross" {
		t.Errorf("Omar Vale's wife = %v, want Lina Ross; attributes %+v", got, a.Attributes)
	}
	t.Logf("%+v", a.Attributes)
	if got := attr(a, keyAt(a, "Ivo Brandt"), "relation:wife"); len(got) != 0 {
		t.Errorf("Ivo Brandt's wife = %v, want none", got)
	}
}

// Two names that start otherwise are two people, however few letters tell
// them apart: "Pak Kyong-hui" is not a misspelling of "Pak Yong-hui";
// "Pak Yong-hiu" is one of "Pak Yong-hui".
func TestNamesThatStartOtherwiseAreTwo(t *testing.T) {
	mk := func(id, text string, ments ...string) *news.Article { return articleWithID(t, id, text, ments...) }
	_, ents := storyOf(t,
		mk("a1", "Pak Yong-hui was his wife. Pak Yong-hui died in 2004.", "Pak Yong-hui/PER", "Pak Yong-hui/PER"),
		mk("a2", "Pak Kyong-hui fell from favour. Pak Kyong-hui was seen again.", "Pak Kyong-hui/PER", "Pak Kyong-hui/PER"),
		mk("a3", "Pak Yong-hiu was a dancer.", "Pak Yong-hiu/PER"),
	)
	if pers := personNames(ents); len(pers) != 2 {
		t.Errorf("persons %q, want Pak Yong-hui and Pak Kyong-hui", pers)
	}
}

func TestSameInitials(t *testing.T) {
	if !sameInitials("marrone", "morrone") || !sameInitials("yong-hui", "yong-hiu") || sameInitials("kyong-hui", "yong-hui") ||
		!sameInitials("byong", "pyong") || sameInitials("lara", "clara") || sameInitials("sol-ju", "sol-aju") {
		t.Error("sameInitials")
	}
}

// A person named only inside quoted words is not whom a description in the
// text refers to: a song title tagged a person in a pasted post ("…got
// married during Blue Tide…") does not become "the Lund-born singer".
func TestDescriptionSkipsNamesInQuotes(t *testing.T) {
	text := `The fake post read, "Ten people got married during Blue Tide. Just kidding." On a song from 2005, the Lund-born singer says: "Where is Omar Vale at?"`
	a := article(t, text, "Blue Tide/PER", "Omar Vale/PER")
	run(t, a)
	for _, m := range a.Mentions {
		if m.Via == "descriptor" && (m.Key == keyAt(a, "Blue Tide") || m.Key == keyAt(a, "Omar Vale")) {
			t.Errorf("%q resolved to %s, a name inside quotes", m.Text, m.Key)
		}
	}
}

func TestQuotedSpans(t *testing.T) {
	text := "\"It's the funniest thing,” Ivo Brandt said. \"It was fun,” the director explained."
	var got []string
	for _, sp := range quoted(text) {
		got = append(got, sp.Text(text))
	}
	if want := []string{"It's the funniest thing,", "It was fun,"}; !slices.Equal(got, want) {
		t.Errorf("quoted = %q, want %q", got, want)
	}
}

// withLines sets a's sentences to its lines.
func withLines(a *news.Article) *news.Article {
	start := 0
	for _, line := range strings.SplitAfter(a.Text, "\n") {
		a.Sentences = append(a.Sentences, news.Span{Start: start, End: start + len(strings.TrimRight(line, "\n"))})
		start += len(line)
	}
	return a
}

// A name read in a Title Case headline, where the recogniser took in the
// capitalised word after it, does not name the entity when the prose of
// the story names it otherwise.
func TestHeadlineFormIsNoName(t *testing.T) {
	mk := func(id, text string, ments ...string) *news.Article { return withLines(articleWithID(t, id, text, ments...)) }
	_, ents := storyOf(t,
		mk("a1", "Dam Report Reveals Flaws, Tova Renick Warning Engineers Of Cracks\nThe engineer Tova Renick said the dam had cracks.",
			"Tova Renick Warning/PER", "Tova Renick/PER"),
		mk("a2", "Tova Renick told the council on Monday that the dam was not safe.", "Tova Renick/PER"),
		mk("a3", "Dam Report Reveals Flaws, Tova Renick Warning Engineers Of Cracks\nThe dam is closed.",
			"Tova Renick Warning/PER"),
		mk("a4", "Tova Renick Warning Engineers Of Cracks, Dam Report Reveals\nThe dam is shut.",
			"Tova Renick Warning/PER"))
	if got := personNames(ents); len(got) != 1 || got[0] != "Tova Renick" {
		t.Errorf("people %q, want [Tova Renick]", got)
	}
	// With no other line naming it in full, the headline's form stands.
	_, ents = storyOf(t, mk("b1", "Council Hears Ola Brandt On Budget Gap\nBrandt said the budget was passed.",
		"Ola Brandt/PER", "Brandt/PER"), mk("b2", "Brandt spoke for an hour.", "Brandt/PER"))
	if got := personNames(ents); len(got) != 1 || got[0] != "Ola Brandt" {
		t.Errorf("people %q, want [Ola Brandt]", got)
	}
	// unless its other words are common words of the article
	_, ents = storyOf(t, mk("c1", "Fans Mourn As Teller Mural Is Painted Over\nThe mural by Teller was painted over on Monday. "+
		"Teller said nothing.", "Teller Mural/PER", "Teller/PER", "Teller/PER"))
	if got := personNames(ents); len(got) != 1 || got[0] != "Teller" {
		t.Errorf("people %q, want [Teller]", got)
	}
}

func TestInTitleCaseLine(t *testing.T) {
	a := withLines(article(t, "Star Wars Plot Details Revealed, Luke Skywalker Guarding ‘Ancient Sith Tomb’\n"+
		"Harrison Ford and Carrie Fisher, Han Solo and Leia.\n"+
		"Ada Vance Wins\nThe Mayor Of Dover Met Ada Vance In 2014 At The Town Hall",
		"Star Wars/MISC", "Luke Skywalker Guarding/PER", "Harrison Ford/PER", "Carrie Fisher/PER", "Han Solo/PER",
		"Leia/PER", "Ada Vance/PER", "Dover/LOC", "Ada Vance/PER", "Town Hall/LOC"))
	for _, tc := range []struct {
		at   string
		want bool
	}{{"Luke Skywalker Guarding", true}, {"Han Solo", false}, {"Ada Vance Wins", false}, {"Ada Vance In", true}} {
		i := strings.Index(a.Text, tc.at)
		if got := inTitleCaseLine(a, news.Span{Start: i, End: i + len(tc.at)}); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.at, got, tc.want)
		}
	}
}
