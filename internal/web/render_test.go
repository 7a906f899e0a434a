package web

import (
	"strings"
	"testing"
	"time"
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
	svg := layoutTimeline([]news.TimelineEvent{{Date: "2024-03-01"}, {Date: "2024-03"}, {Date: "bad"}, {Date: "2024-03-11", DateEstimated: true}})
	if svg == nil || len(svg.Dots) != 3 {
		t.Fatalf("timeline: %+v", svg)
	}
	if first, last := svg.Ticks[0], svg.Ticks[len(svg.Ticks)-1]; first.Text != "2024-03-01" || last.Text != "2024-03-11" {
		t.Errorf("end labels %q and %q, want the events' own dates", first.Text, last.Text)
	}
	if !svg.Dots[2].Estimated || len(svg.Legend) < 2 {
		t.Errorf("estimated dot or legend missing: %+v", svg)
	}
	if layoutTimeline([]news.TimelineEvent{{Date: "soon"}}) != nil {
		t.Errorf("timeline without dates drawn")
	}
}

// TestTimelineReadable: whatever the dates, dots and labels stay inside the
// drawing, no two dots overlap and no two date labels overlap.
func TestTimelineReadable(t *testing.T) {
	for name, dates := range map[string][]string{
		"one day":     {"2022-09-24"},
		"crowded end": {"2021-12", "2022-06", "2022-06", "2022-06", "2022-08", "2022-09-22", "2022-09-24", "2022-09-24", "2022-09-24", "2022-09-27"},
		"ten years":   {"2010", "2012-05-01", "2020-12-31"},
		"two days":    {"2024-01-01", "2024-01-02"},
		"a week":      {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07"},
	} {
		var evs []news.TimelineEvent
		for _, d := range dates {
			evs = append(evs, news.TimelineEvent{Date: d, Text: "event"})
		}
		svg := layoutTimeline(evs)
		for i, d := range svg.Dots {
			if d.X-dotR < 0 || d.X+dotR > svg.Width || d.Y-dotR < 20 || d.Y+dotR > svg.AxisY {
				t.Errorf("%s: dot %d at (%d,%d) clipped or over the legend (width %d, axis %d)", name, d.N, d.X, d.Y, svg.Width, svg.AxisY)
			}
			for _, e := range svg.Dots[:i] {
				if dx, dy := d.X-e.X, d.Y-e.Y; dx*dx+dy*dy < 4*dotR*dotR {
					t.Errorf("%s: dots %d and %d overlap", name, d.N, e.N)
				}
			}
		}
		checkLabels(t, name, svg.Ticks, svg.Width)
		if svg.Height < svg.AxisY+18 {
			t.Errorf("%s: date labels below the drawing", name)
		}
	}
}

// checkLabels fails when two axis labels overlap or one leaves the drawing
// (7 px a character at 12 px).
func checkLabels(t *testing.T, name string, ls []axisLabel, width int) {
	t.Helper()
	if len(ls) == 0 {
		t.Errorf("%s: no date labels", name)
	}
	for i, l := range ls {
		left, right := l.extent()
		if left < 0 || right > width {
			t.Errorf("%s: label %q at %d leaves the drawing", name, l.Text, l.X)
		}
		if i > 0 {
			if _, prevRight := ls[i-1].extent(); left-prevRight < 4 {
				t.Errorf("%s: labels %q and %q overlap", name, ls[i-1].Text, l.Text)
			}
		}
	}
}

func TestLayoutCoverage(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2024, 3, d, h, 0, 0, 0, time.UTC) }
	v := &news.StoryView{
		Articles: []news.StoryArticle{{ID: "a", Source: "A", Published: day(1, 0)}, {ID: "b", Source: "B", Published: day(1, 0), PublishedEstimated: true},
			{ID: "c", Source: "C", Published: day(4, 0)}, {ID: "d", Source: "D"}},
		Claims: []news.Claim{{Main: true, Stances: []news.StanceEntry{{ArticleID: "a", Stance: news.Asserts},
			{ArticleID: "b", Stance: news.Rumour}, {ArticleID: "b", Stance: news.Denies}, {ArticleID: "c", Stance: news.Asserts}, {ArticleID: "c", Stance: news.Denies}}}},
	}
	g := layoutCoverage(v)
	if g.Unit != "day" || g.Max != 2 || g.Undated != 1 || len(g.Blocks) != 3 {
		t.Fatalf("coverage: %+v", g)
	}
	fills := map[string]bool{}
	for _, b := range g.Blocks {
		fills[b.Fill] = true
		if b.Y < g.TopY || b.Y+b.H > g.BaseY {
			t.Errorf("block %+v outside the plot", b)
		}
	}
	if len(fills) != 3 { // asserts, denies, asserts and denies
		t.Errorf("blocks coloured %v, want one colour per stance", fills)
	}
	if !g.Blocks[1].Estimated && !g.Blocks[0].Estimated {
		t.Errorf("the estimated date is not marked")
	}
	checkLabels(t, "days", g.Ticks, g.Width)
	if len(g.Ticks) != 4 || g.Ticks[0].Text != "2024-03-01" || g.Ticks[3].Text != "2024-03-04" {
		t.Errorf("day labels %+v", g.Ticks)
	}

	// Under two days: per hour.
	v.Articles = []news.StoryArticle{{ID: "a", Published: day(1, 9)}, {ID: "b", Published: day(1, 15)}, {ID: "c", Published: day(2, 8)}}
	g = layoutCoverage(v)
	if g.Unit != "hour" || len(g.Blocks) != 3 {
		t.Fatalf("hourly coverage: %+v", g)
	}
	checkLabels(t, "hours", g.Ticks, g.Width)
	// Over a year: per month, and a stray date makes no thousands of bars.
	v.Articles = []news.StoryArticle{{ID: "a", Published: time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)}, {ID: "b", Published: day(1, 9)}}
	g = layoutCoverage(v)
	if g.Unit != "month" || len(g.Blocks) != 2 || g.Blocks[0].W < 2 {
		t.Fatalf("long coverage: %+v", g)
	}
	checkLabels(t, "months", g.Ticks, g.Width)
	if layoutCoverage(&news.StoryView{Articles: []news.StoryArticle{{ID: "x"}}}) != nil {
		t.Errorf("a story without dates drawn")
	}
}

func TestOutletStances(t *testing.T) {
	v := &news.StoryView{Claims: []news.Claim{{Main: true, Stances: []news.StanceEntry{
		{ArticleID: "a", Stance: news.Rumour}, {ArticleID: "a", Stance: news.Denies}, {ArticleID: "a", Stance: news.Rumour},
		{ArticleID: "b", Stance: news.Rumour}, {ArticleID: "b", Stance: news.Questions},
		{ArticleID: "c", Stance: news.Asserts}, {ArticleID: "c", Stance: news.Debunks},
		{ArticleID: "d", Stance: news.Unrelated},
	}}}}
	got := outletStances(v)
	want := map[string]string{"a": "denies", "b": "questions", "c": "mixed"}
	if len(got) != len(want) {
		t.Errorf("stances %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("article %s: stance %q, want %q", k, got[k], w)
		}
	}
	v.Claims[0].Main = false
	if len(outletStances(v)) != 0 {
		t.Errorf("stances without a main claim")
	}
}

func TestCiteLabels(t *testing.T) {
	c := citer{"a": {ID: "a", Source: "Ledger"}, "b": {ID: "b", Source: "Coast"}}
	var got []string
	for _, l := range c.links([]news.Citation{{ArticleID: "a"}, {ArticleID: "a", Start: 5}, {ArticleID: "b"}, {ArticleID: "a", Start: 9}, {ArticleID: "x"}}) {
		got = append(got, l.Label)
	}
	if strings.Join(got, " ") != "Ledger 2 Coast 3 x" {
		t.Errorf("labels %q: an article's later passages should be numbered", got)
	}
}
