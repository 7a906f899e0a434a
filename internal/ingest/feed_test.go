package ingest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// brief is the part of a document the feed and WARC tests compare.
type brief struct {
	Format, ID, URL, Source, Title, Author string
	Published                              time.Time
	Body                                   string // Text or HTML
}

func briefOf(d news.Document) brief {
	return brief{d.Format, d.ID, d.URL, d.Source, d.Title, d.Author, d.Published, d.Text + d.HTML}
}

func failTexts(fs []Failure) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Error())
	}
	return out
}

func TestFeeds(t *testing.T) {
	tests := []struct {
		file  string
		docs  []brief
		fails []string
	}{
		{"feed.rss", []brief{
			{FormatHTML, "gz-1001", "https://gazette.example/2024/03/ferry-terminal", "The Harbour Gazette",
				"Council approves new ferry terminal", "Mara Lind", time.Date(2024, 3, 12, 9, 30, 0, 0, time.UTC),
				"<p>The city council voted 7 to 2 on Monday to build a new ferry terminal.</p><p>Work starts in May.</p>"},
			{FormatHTML, "", "https://gazette.example/2024/03/festival", "The Harbour Gazette",
				"Harbour festival moves to June", "Ola Berg", time.Date(2024, 3, 13, 13, 0, 0, 0, time.UTC),
				"<p>The harbour festival will take place in June this year, organisers said.</p>"},
			{FormatText, "", "https://gazette.example/2024/03/tides", "The Harbour Gazette",
				"Tide tables updated", "", time.Time{},
				"The harbour office published new tide tables for the spring season."},
		}, []string{"testdata/feed.rss: item 4: no content"}},
		{"feed.atom", []brief{
			{FormatHTML, "tag:wire.example,2024:1", "https://wire.example/rail-strike", "Northern Wire",
				"Rail strike called off", "Jon Ek, Li Wu", time.Date(2024, 3, 13, 18, 45, 0, 0, time.UTC),
				"<p>The union called off Thursday's rail strike after a late offer.</p>"},
			{FormatText, "tag:wire.example,2024:2", "https://wire.example/budget", "Northern Wire",
				"Budget vote delayed", "", time.Date(2024, 3, 14, 6, 15, 0, 0, time.UTC),
				"Parliament postponed the budget vote by a week."},
		}, nil},
		{"feed.json", []brief{
			{FormatHTML, "vp-1", "https://valley.example/bridge", "Valley Post",
				"Old bridge to reopen", "Ana Ruiz", time.Date(2024, 3, 10, 9, 0, 0, 0, time.UTC),
				"<p>The old stone bridge reopens to traffic on Friday after repairs.</p>"},
			{FormatText, "vp-3", "https://valley.example/school", "Valley Post",
				"School wins robotics prize", "Tom Hale", time.Date(2024, 3, 11, 12, 0, 0, 0, time.UTC),
				"Pupils from the valley school won the regional robotics prize."},
		}, []string{"testdata/feed.json: item 2: no content"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, fails := readAll(t, &Reader{}, filepath.Join("testdata", tt.file))
			if len(docs) != len(tt.docs) {
				t.Fatalf("got %d docs, want %d: %+v", len(docs), len(tt.docs), docs)
			}
			for i, d := range docs {
				if got := briefOf(d); got != tt.docs[i] {
					t.Errorf("doc %d:\n got %+v\nwant %+v", i+1, got, tt.docs[i])
				}
				if d.Path != filepath.Join("testdata", tt.file) || d.Line != 0 {
					t.Errorf("doc %d: path %q line %d", i+1, d.Path, d.Line)
				}
			}
			if got := failTexts(fails); strings.Join(got, "|") != strings.Join(tt.fails, "|") {
				t.Errorf("fails = %q, want %q", got, tt.fails)
			}
		})
	}
}

// TestFeedDetection checks that feeds are recognised by extension and by
// content, that .json stays JSONL unless it holds a JSON Feed, and that an
// extension contradicting the content is reported.
func TestFeedDetection(t *testing.T) {
	rss, _ := os.ReadFile("testdata/feed.rss")
	atom, _ := os.ReadFile("testdata/feed.atom")
	jf, _ := os.ReadFile("testdata/feed.json")
	jsonl := []byte(`{"text":"one","title":"the \"version\": \"https://jsonfeed.org/version/1\" key"}` + "\n" + `{"text":"two"}` + "\n")
	xhtml := []byte(`<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p></body></html>`)
	tests := []struct {
		name  string
		data  []byte
		docs  int
		fail  string
		first string // Source of the first document
	}{
		{"a.rss", rss, 3, "item 4: no content", "The Harbour Gazette"},
		{"a.xml", rss, 3, "item 4: no content", "The Harbour Gazette"},
		{"a.rss.gz", gz(rss), 3, "item 4: no content", "The Harbour Gazette"},
		{"noext", rss, 3, "item 4: no content", "The Harbour Gazette"},
		{"a.atom", atom, 2, "", "Northern Wire"},
		{"a.xml", atom, 2, "", "Northern Wire"},
		{"noext", atom, 2, "", "Northern Wire"},
		{"a.json", jf, 2, "item 2: no content", "Valley Post"},
		{"noext", jf, 2, "item 2: no content", "Valley Post"},
		{"a.json", jsonl, 2, "", ""},
		{"a.jsonl", jf, 0, "not JSONL: content is a JSON Feed", ""},
		{"a.xml", xhtml, 1, "", ""},
		{"a.xml", []byte("<note><to>x</to></note>"), 0, "not a feed: the XML root element is not rss", ""},
		{"a.xml", []byte("just words"), 0, "not a feed: content looks like plain text", ""},
		{"a.rss", []byte("<html><body>x</body></html>"), 0, "not a feed: content looks like HTML", ""},
		{"a.rss", []byte(`<rss version="2.0"><channel><title>T</title><item><title>x`), 0, "feed: ", ""},
		{"a.rss", []byte(`<rss version="2.0"><channel><title>T</title></channel></rss>`), 0, "feed has no items", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []news.Document
			var fails []Failure
			err := (&Reader{}).ReadNamed(t.Context(), tt.name, strings.NewReader(string(tt.data)),
				func(d news.Document) error { docs = append(docs, d); return nil },
				func(f Failure) { fails = append(fails, f) })
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != tt.docs {
				t.Fatalf("got %d docs, want %d (fails %v)", len(docs), tt.docs, fails)
			}
			if tt.first != "" && docs[0].Source != tt.first {
				t.Errorf("source = %q", docs[0].Source)
			}
			switch {
			case tt.fail == "" && len(fails) > 0:
				t.Errorf("unexpected failures %v", fails)
			case tt.fail != "" && (len(fails) != 1 || !strings.Contains(fails[0].Error(), tt.fail)):
				t.Errorf("fails = %v, want one with %q", fails, tt.fail)
			}
		})
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"<p>para</p>", true},
		{"line<br/>break", true},
		{`<a href="x">link</a>`, true},
		{"Tom &amp; Jerry", true},
		{"caf&#233;", true},
		{"plain text only", false},
		{"if a < b and c > d then", false},
		{"R&D spending rose", false},
		{"x <3 y", false},
	}
	for _, tt := range tests {
		if got := looksHTML(tt.s); got != tt.want {
			t.Errorf("looksHTML(%q) = %v", tt.s, got)
		}
	}
}

func FuzzReadFeed(f *testing.F) {
	for _, n := range []string{"feed.rss", "feed.atom", "feed.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<rdf:RDF><item><description>x</description></item></rdf:RDF>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Reader
		r.ReadNamed(t.Context(), "f.rss", bufio.NewReader(strings.NewReader(string(b))), func(d news.Document) error {
			if d.Text == "" && d.HTML == "" {
				t.Fatalf("document without content: %+v", d)
			}
			return nil
		}, func(Failure) {})
	})
}

// BenchmarkReadFeed reads an RSS feed of 200 items with HTML content.
func BenchmarkReadFeed(b *testing.B) {
	var s strings.Builder
	s.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>`)
	for i := range 200 {
		fmt.Fprintf(&s, "<item><title>Item %d</title><link>https://x.example/%d</link><pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate>"+
			"<content:encoded><![CDATA[%s]]></content:encoded></item>", i, i, strings.Repeat("<p>A paragraph of the article.</p>", 40))
	}
	s.WriteString("</channel></rss>")
	data := s.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		err := (&Reader{}).ReadNamed(b.Context(), "f.rss", strings.NewReader(data),
			func(news.Document) error { n++; return nil }, func(f Failure) { b.Fatal(f) })
		if err != nil || n != 200 {
			b.Fatal(n, err)
		}
	}
}
