package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestSegments(t *testing.T) {
	text := "Anna Bell met Cara Dunn in Oslo."
	marks := []mark{
		{news.Span{Start: 0, End: 9}, "m", "PER: Anna Bell"},
		{news.Span{Start: 5, End: 23}, "hl", "cited"},
		{news.Span{Start: 14, End: 23}, "m", "PER: Cara Dunn"},
		{news.Span{Start: 40, End: 50}, "m", "out of range"},
		{news.Span{Start: 9, End: 5}, "m", "reversed"},
	}
	segs := segments(text, marks, []news.Removal{{Text: "ad", At: 9}, {Text: "end", At: len(text)}})
	var joined strings.Builder
	var got []string
	for _, s := range segs {
		joined.WriteString(s.Text)
		got = append(got, s.Text+"|"+s.Class+"|"+s.ID)
	}
	if joined.String() != text {
		t.Fatalf("segments lose text: %q", joined.String())
	}
	want := []string{"Anna |m|", "Bell|m hl|hl", " met |hl|", "Cara Dunn|hl m|", " in Oslo.||", "||"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("segments = %q, want %q", got, want)
	}
	if len(segs[2].Removed) != 1 || len(segs[len(segs)-1].Removed) != 1 {
		t.Errorf("removal markers misplaced: %+v", segs)
	}
}

func TestSegmentsRuneBoundaries(t *testing.T) {
	text := "Zoë said “yes”."
	// Byte 3 is inside "ë"; the mark must move to a rune boundary.
	segs := segments(text, []mark{{news.Span{Start: 3, End: 12}, "q", ""}}, nil)
	var b strings.Builder
	for _, s := range segs {
		if !utf8.ValidString(s.Text) {
			t.Errorf("segment %q is not valid UTF-8", s.Text)
		}
		b.WriteString(s.Text)
	}
	if b.String() != text {
		t.Errorf("joined %q", b.String())
	}
}

func TestSnippetHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a [[b]] c", "a <mark>b</mark> c"},
		{"<script>[[x]]</script>", "&lt;script&gt;<mark>x</mark>&lt;/script&gt;"},
		{"[[open", "<mark>open</mark>"},
		{"close]] [x] [[y]]", "close]] [x] <mark>y</mark>"},
		{"[[a [[b]] c]]", "<mark>a [[b</mark> c]]"},
		{`"&'`, "&#34;&amp;&#39;"},
	}
	for _, tt := range tests {
		if got := string(snippetHTML(tt.in)); got != tt.want {
			t.Errorf("snippetHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSnippetHTML(f *testing.F) {
	f.Add("a [[b]] <c>")
	f.Add("]]]][[[[")
	f.Fuzz(func(t *testing.T, s string) {
		out := string(snippetHTML(s))
		if strings.Count(out, "<mark>") != strings.Count(out, "</mark>") {
			t.Errorf("unbalanced marks in %q", out)
		}
		rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
		if strings.ContainsAny(rest, "<>\"") {
			t.Errorf("unescaped markup in %q", out)
		}
	})
}

func TestParseHL(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want news.Span
	}{
		{"3-7", true, news.Span{Start: 3, End: 7}},
		{"0-10", true, news.Span{Start: 0, End: 10}},
		{"0-11", false, news.Span{}},
		{"7-3", false, news.Span{}},
		{"-1-3", false, news.Span{}},
		{"a-b", false, news.Span{}},
		{"", false, news.Span{}},
	}
	for _, tt := range tests {
		got, ok := parseHL(tt.in, 10)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseHL(%q) = %v %v", tt.in, got, ok)
		}
	}
}

func TestExternal(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x?y=1": "https://a.example/x?y=1",
		"http://a.example":        "http://a.example",
		"javascript:alert(1)":     "",
		"JavaScript:alert(1)":     "",
		"data:text/html,hi":       "",
		"//evil.example/":         "",
		"/relative":               "",
	} {
		if got := external(in); got != want {
			t.Errorf("external(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLayoutTimeline(t *testing.T) {
	svg := layoutTimeline([]news.TimelineEvent{{Date: "2024-03-01"}, {Date: "2024-03"}, {Date: "bad"}, {Date: "2024-03-11"}})
	if svg == nil || len(svg.Dots) != 3 {
		t.Fatalf("timeline: %+v", svg)
	}
	if svg.Dots[0].X != 30 || svg.Dots[2].X != 610 || svg.Start != "2024-03-01" || svg.End != "2024-03-11" {
		t.Errorf("dots %+v", svg.Dots)
	}
	if layoutTimeline([]news.TimelineEvent{{Date: "soon"}}) != nil {
		t.Errorf("timeline without dates drawn")
	}
}
