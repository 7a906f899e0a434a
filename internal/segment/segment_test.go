package segment

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func texts(text string, spans []news.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Text(text))
	}
	return out
}

func tokenTexts(text string) string {
	var out []string
	for _, t := range Tokens(text, news.Span{Start: 0, End: len(text)}) {
		out = append(out, t.Text(text))
	}
	return strings.Join(out, "|")
}

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mr. Smith went to Washington.", "Mr.|Smith|went|to|Washington|."},
		{"The U.S. economy grew in Sept. last year.", "The|U.S.|economy|grew|in|Sept.|last|year|."},
		{"J. K. Rowling's book", "J.|K.|Rowling|'s|book"},
		{"She said “I don’t know…” and left.", "She|said|“|I|do|n’t|know|…|”|and|left|."},
		{"Wait... what?!", "Wait|...|what|?|!"},
		{"The ‘365 Days’ star (Morrone), 31,", "The|‘|365|Days|’|star|(|Morrone|)|,|31|,"},
		{"in the '90s, prices rose 3.5% to $1,000.", "in|the|'90s|,|prices|rose|3.5%|to|$1,000|."},
		{"Cannes, France.Edward Berthelot", "Cannes|,|France|.|Edward|Berthelot"},
		{"visit Amazon.com today", "visit|Amazon.com|today"},
		{"a long-awaited match--finally", "a|long-awaited|match|--|finally"},
		{"rivals—and friends", "rivals|—|and|friends"},
		{"Microsoft Corp. said", "Microsoft|Corp.|said"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := tokenTexts(tt.in); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Smith arrived. He sat down.", []string{"Mr. Smith arrived.", "He sat down."}},
		{"The U.S. team won in Sept. 2021. Fans cheered!", []string{"The U.S. team won in Sept. 2021.", "Fans cheered!"}},
		{"“Is it true?” she asked. Nobody knew.", []string{"“Is it true?” she asked.", "Nobody knew."}},
		{"He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"Headline without stop\nFirst line of body.", []string{"Headline without stop", "First line of body."}},
		{"J. R. R. Tolkien wrote it.", []string{"J. R. R. Tolkien wrote it."}},
		// a straight quotation mark glued to the next word opens its quote
		{"The host was caught off guard. 'Are you sure?' she asked.", []string{"The host was caught off guard.", "'Are you sure?' she asked."}},
		{"He left. \"Never again,\" he said.", []string{"He left.", "\"Never again,\" he said."}},
		{"'It is over.' Then silence.", []string{"'It is over.'", "Then silence."}},
		{"A prop from Harbour Vs. Lakeside has gone missing. Police are looking.", []string{"A prop from Harbour Vs. Lakeside has gone missing.", "Police are looking."}},
	}
	for _, tt := range tests {
		got := texts(tt.in, Sentences(tt.in, news.Span{Start: 0, End: len(tt.in)}))
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	in := "  First para\nstill first.\n\n \n Second para.\r\n\r\nThird.  \n"
	got := texts(in, Paragraphs(in))
	want := []string{"First para\nstill first.", "Second para.", "Third."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func TestStage(t *testing.T) {
	a := &news.Article{Text: "Khloé met Michele Morrone. They talked.\n\nLater, in Milan, more news."}
	if err := (Stage{}).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) != 2 {
		t.Errorf("paragraphs = %v", texts(a.Text, a.Paragraphs))
	}
	want := []string{"Khloé met Michele Morrone.", "They talked.", "Later, in Milan, more news."}
	if got := texts(a.Text, a.Sentences); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Mr. Smith went to Washington.", "“I don’t know…” she said", "U.S.", "'", "...", "a--b—c", "x.Y", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		whole := news.Span{Start: 0, End: len(text)}
		prev := 0
		for _, tok := range Tokens(text, whole) {
			s := tok.Span
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad token span %v after %d in %q", s, prev, text)
			}
			if strings.TrimSpace(s.Text(text)) != s.Text(text) && utf8.ValidString(s.Text(text)) {
				t.Fatalf("token %q has space", s.Text(text))
			}
			prev = s.End
		}
		prev = 0
		for _, p := range Paragraphs(text) {
			for _, s := range Sentences(text, p) {
				if s.Start < prev || s.End < s.Start || !p.Contains(s) {
					t.Fatalf("bad sentence span %v in paragraph %v of %q", s, p, text)
				}
				prev = s.End
			}
		}
	})
}

func BenchmarkTokens(b *testing.B) {
	text := strings.Repeat("Mr. Smith, 31, said “the U.S. economy isn’t doing well…” on Sept. 5. ", 200)
	for b.Loop() {
		Tokens(text, news.Span{Start: 0, End: len(text)})
	}
}

func TestBangInNames(t *testing.T) {
	text := "In June 2022, E! News reported it. Help! She left."
	var got []string
	for _, s := range Sentences(text, news.Span{Start: 0, End: len(text)}) {
		got = append(got, s.Text(text))
	}
	want := []string{"In June 2022, E! News reported it.", "Help!", "She left."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}
