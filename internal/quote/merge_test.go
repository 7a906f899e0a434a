package quote

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestMerger(t *testing.T) {
	arts := []*news.Article{
		{ID: "a1", Text: "Anna Berg was seen in Rome.\n\nA rep for Berg told TODAY, “They were both at the show. Anna thought Khloé was very nice. That is the extent of the story.”"},
		{ID: "a2", Text: "Anna Berg made headlines.\n\nA rep for Berg told People, “They were both at the [Dolce and Gabbana] show. Anna thought Khloe was very nice.”"},
		{ID: "a3", Text: "Tom Black spoke.\n\n“Anna thought Khloé was very nice,” Tom Black said."},
		{ID: "a4", Text: "Ivan Petrov spoke.\n\n“Nothing else happened at all,” Petrov said."},
	}
	for _, a := range arts {
		if err := (Extractor{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
	v := news.NewStoryView("s1", "story")
	// an entity listed first that an article joined to Ivan Petrov under
	// a longer name holds his name as an alias: his own entity still wins
	v.Entities = []news.Entity{
		{ID: "E-ivan-okoro", Name: "Ivan Petrov Okoro", Type: news.PER, Aliases: []string{"Ivan Petrov", "Petrov"}},
		{ID: "E-ivan", Name: "Ivan Petrov", Type: news.PER, Aliases: []string{"Petrov"}},
	}
	if err := (Merger{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Quotes) != 2 {
		for _, q := range v.Quotes {
			t.Logf("%+v", q)
		}
		t.Fatalf("got %d quotes, want 2", len(v.Quotes))
	}
	q := v.Quotes[0]
	if len(q.Carriers) != 3 || q.FirstArticleID != "a1" {
		t.Fatalf("carriers %d first %q, want 3 from a1", len(q.Carriers), q.FirstArticleID)
	}
	if q.Speaker.Role != "representative" || q.Speaker.Name != "Anna Berg's representative" {
		t.Errorf("speaker = %+v", q.Speaker)
	}
	if q.Carriers[0].ToldTo != "TODAY" || q.Carriers[1].ToldTo != "People" {
		t.Errorf("told_to = %q, %q", q.Carriers[0].ToldTo, q.Carriers[1].ToldTo)
	}
	if !q.Altered || !strings.Contains(q.Carriers[1].Diff, "Khloe") {
		t.Errorf("altered %v diff %q", q.Altered, q.Carriers[1].Diff)
	}
	if !q.SpeakerConflict {
		t.Errorf("same words given to Tom Black: want a speaker conflict")
	}
	if got := v.Quotes[1].Speaker.EntityID; got != "E-ivan" {
		t.Errorf("entity id = %q, want E-ivan", got)
	}
	if len(q.Carriers[1].Citations) == 0 || q.Carriers[1].Citations[0].ArticleID != "a2" {
		t.Errorf("citations = %+v", q.Carriers[1].Citations)
	}
}

// Where carriers disagree on who spoke, a speaker an outlet named goes
// before one read from an outlet's pronoun, whichever article came first.
func TestMergerPrefersANamedSpeakerToAPronoun(t *testing.T) {
	arts := []*news.Article{
		{ID: "a1", Text: "Ivo Brandt was freed in May. Noor Vale met him later.\n\n“It was cold and we were hungry every day,” he says."},
		{ID: "a2", Text: "Ivo Brandt spoke at last.\n\n“It was cold and we were hungry every day,” Brandt said."},
	}
	for _, a := range arts {
		a.Mentions = nerMentions(a.Text, "Ivo Brandt", "Noor Vale")
		if err := (Extractor{}).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
	// the first article's extraction gave the pronoun to the wrong person
	arts[0].Quotes[0].Speaker, arts[0].Quotes[0].SpeakerKey = "Noor Vale", "per:Noor Vale"
	v := news.NewStoryView("s1", "story")
	if err := (Merger{}).Build(t.Context(), v, arts); err != nil {
		t.Fatal(err)
	}
	if len(v.Quotes) != 1 || v.Quotes[0].Speaker.Name != "Ivo Brandt" {
		t.Fatalf("quotes %+v: want one, Ivo Brandt's", v.Quotes)
	}
}

// The vote ranks what a carrier wrote of the speaker: a name, then a role
// or description, then a name read from a pronoun or a crowd member.
func TestSpeakerWeight(t *testing.T) {
	text := "“It was cold,” he said. “It was cold,” Ivo Brandt said."
	he := news.Span{Start: strings.Index(text, "he said"), End: strings.Index(text, "he said") + 2}
	named := news.Span{Start: strings.Index(text, "Ivo"), End: strings.Index(text, " said.")}
	for _, tc := range []struct {
		q    news.QuoteMention
		want int
	}{
		{news.QuoteMention{Speaker: "Ivo Brandt", SpeakerSpan: named}, 2},
		{news.QuoteMention{Speaker: "the Vale Defence Ministry"}, 2},
		{news.QuoteMention{Speaker: "a spokesman for Vale", Role: "spokesperson"}, 1},
		{news.QuoteMention{Speaker: "the masked man"}, 1},
		{news.QuoteMention{Speaker: "The 68-year-old"}, 1},
		{news.QuoteMention{Speaker: "Ivo Brandt", SpeakerSpan: he}, 0},
		{news.QuoteMention{Speaker: "Another"}, 0},
	} {
		if got := speakerWeight(tc.q, text); got != tc.want {
			t.Errorf("speakerWeight(%q) = %d, want %d", tc.q.Speaker, got, tc.want)
		}
	}
	// "the masked man" is not every man
	if compatibleSpeakers("name:the masked man", "name:the man") {
		t.Error("two descriptions sharing a last word were taken for one speaker")
	}
	if !compatibleSpeakers("name:ivo brandt", "name:brandt") {
		t.Error("a surname was not its full name")
	}
}

func TestDiffWords(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"They were at the show.", "They were at the show.", ""},
		{"They were at the show.", "They were at the [Dolce and Gabbana] show.", `added "[Dolce and Gabbana]"`},
		{"Khloe was nice.", "Khloé was nice.", `changed "Khloe" → "Khloé"`},
		{"There is nothing. They met once.", "They met once.", `trimmed "There is nothing."`},
	}
	for _, tt := range tests {
		if got := diffWords(tt.a, tt.b); got != tt.want {
			t.Errorf("diffWords(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNormWords(t *testing.T) {
	got := strings.Join(normWords("“They were at the [Dolce and Gabbana] show,” Khloé’s"), " ")
	if want := "they were at the show khloes"; got != want {
		t.Errorf("normWords = %q, want %q", got, want)
	}
}

func TestBySpeakerAndWriteText(t *testing.T) {
	qs := []news.Quote{
		{ID: "q1", Text: "Hi", Speaker: news.Speaker{Name: "Khloé Kardashian"}, FirstArticleID: "a",
			Carriers: []news.Carrier{{ArticleID: "a", ToldTo: "People", Citations: []news.Citation{{ArticleID: "a", Start: 1, End: 3}}}}},
		{ID: "q2", Text: "No", Speaker: news.Speaker{Name: "an insider", Role: "insider"}},
	}
	if got := BySpeaker(qs, "khloe"); len(got) != 1 || got[0].ID != "q1" {
		t.Errorf("BySpeaker(khloe) = %v", got)
	}
	if got := BySpeaker(qs, "insider"); len(got) != 1 || got[0].ID != "q2" {
		t.Errorf("BySpeaker(insider) = %v", got)
	}
	var b strings.Builder
	if err := WriteText(&b, qs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "a (first) [a:1-3] told People") {
		t.Errorf("WriteText:\n%s", b.String())
	}
}

// The telling-word count rules out only pairs sameQuote rejects, and rules
// out many of the pairs it rejects.
func TestCanShareOnlyRulesOutDifferentQuotes(t *testing.T) {
	vocab := strings.Fields("the a said will that board water crossing bridge engineers cable region " +
		"northern replaced tested outside until every reopen minister council harbour strike ferry crews")
	rng := rand.New(rand.NewPCG(3, 4))
	variants := make([]*variant, 400)
	for i := range variants {
		var w []string
		if i > 0 && rng.IntN(2) == 0 { // an edit of an earlier one
			w = slices.Clone(variants[rng.IntN(i)].words)
			for range rng.IntN(4) {
				w[rng.IntN(len(w))] = vocab[rng.IntN(len(vocab))]
			}
			w = w[rng.IntN(2):]
		} else {
			for range 2 + rng.IntN(14) {
				w = append(w, vocab[rng.IntN(len(vocab))])
			}
		}
		vr := &variant{words: w, set: wordSet(w), joined: " " + strings.Join(w, " ") + " "}
		vr.tell = len(indexWords(vr))
		variants[i] = vr
	}
	ruledOut := 0
	for _, a := range variants {
		for _, b := range variants {
			n := 0
			for _, w := range indexWords(a) {
				if b.set[w] {
					n++
				}
			}
			if !canShare(a, b, n) {
				ruledOut++
				if sameQuote(a, b) {
					t.Fatalf("ruled out %q and %q, which sameQuote joins", a.joined, b.joined)
				}
			}
		}
	}
	if ruledOut < len(variants)*len(variants)/10 {
		t.Errorf("only %d pairs ruled out", ruledOut)
	}
}
