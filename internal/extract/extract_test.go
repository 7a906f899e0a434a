package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestHTML(t *testing.T) {
	tests := []struct {
		file                     string
		title, author, site, url string
		published                string
		contains, notContains    []string
		minParagraphs            int
	}{
		{
			file: "article.html", title: "Council approves budget after long debate", author: "Jane Reporter",
			site: "The Daily Example", url: "https://example.com/news/council-budget", published: "2022-09-27",
			contains:      []string{"approved a $4.2 billion budget", "“We made hard choices", "since the start of the year.\nOpponents said"},
			notContains:   []string{"Privacy", "Sport"},
			minParagraphs: 4,
		},
		{
			file: "latin1.html", title: "Café opens",
			contains:      []string{"café on the corner", "crème brûlée"},
			minParagraphs: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := HTML(t.Context(), f, "https://example.com/page")
			if err != nil {
				t.Fatal(err)
			}
			if res.Title != tt.title {
				t.Errorf("title %q, want %q", res.Title, tt.title)
			}
			if tt.author != "" && res.Author != tt.author {
				t.Errorf("author %q, want %q", res.Author, tt.author)
			}
			if tt.site != "" && res.SiteName != tt.site {
				t.Errorf("site %q, want %q", res.SiteName, tt.site)
			}
			if tt.url != "" && res.URL != tt.url {
				t.Errorf("url %q, want %q", res.URL, tt.url)
			}
			if tt.published != "" && res.Published.Format("2006-01-02") != tt.published {
				t.Errorf("published %v, want %s", res.Published, tt.published)
			}
			for _, s := range tt.contains {
				if !strings.Contains(res.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, res.Text)
				}
			}
			for _, s := range tt.notContains {
				if strings.Contains(res.Text, s) {
					t.Errorf("text has boilerplate %q:\n%s", s, res.Text)
				}
			}
			if n := len(strings.Split(res.Text, "\n\n")); n < tt.minParagraphs {
				t.Errorf("%d paragraphs, want at least %d:\n%s", n, tt.minParagraphs, res.Text)
			}
		})
	}
}

func TestHTMLJunk(t *testing.T) {
	for _, in := range []string{"", "\x00\x01\x02\xff\xfe", "<html><body><p>short</p></body></html>", strings.Repeat("<div>", 5000)} {
		// Junk gives ErrNoText or a parse error (too deep nesting), never a panic.
		res, err := HTML(t.Context(), strings.NewReader(in), "")
		if err != nil && !errors.Is(err, ErrNoText) && !strings.HasPrefix(err.Error(), "parse html") {
			t.Errorf("HTML(%.20q): unexpected error %v", in, err)
		}
		if !utf8.ValidString(res.Text) {
			t.Errorf("HTML(%.20q): invalid UTF-8", in)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := HTML(ctx, strings.NewReader("<p>x</p>"), ""); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err %v", err)
	}
}

// TestDevFloor extracts a fixed sample of the extraction-dev pages and checks
// the score against a floor recorded from `crosscheck eval extract`.
func TestDevFloor(t *testing.T) {
	dir := datadir.Require(t, "extraction-dev")
	gold, err := readGold(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	step := max(1, len(files)/30) // 30 pages: fast enough under -race
	g, p := map[string]string{}, map[string]string{}
	for i := 0; i < len(files); i += step {
		id := strings.TrimSuffix(filepath.Base(files[i]), ".html.gz")
		raw, err := readGz(files[i])
		if err != nil {
			t.Fatal(err)
		}
		res, _ := HTML(t.Context(), bytes.NewReader(raw), gold[id].URL)
		g[id] = gold[id].ArticleBody
		p[id] = res.Title + "\n\n" + res.Text
	}
	s := eval.ScoreExtraction(g, p)
	t.Logf("sample of %d pages: P %.3f R %.3f F1 %.3f", s.Pages, s.Precision, s.Recall, s.F1)
	if s.F1 < floorF1 {
		t.Errorf("F1 %.3f below the floor %.3f", s.F1, floorF1)
	}
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"article.html", "latin1.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0</p>"))
	f.Add([]byte("\xef\xbb\xbf<p>bom</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := HTML(t.Context(), bytes.NewReader(b), "http://example.com/")
		if err != nil && !errors.Is(err, ErrNoText) && !strings.HasPrefix(err.Error(), "parse html") {
			t.Fatalf("unexpected error %v", err)
		}
		if !utf8.ValidString(res.Text) || !utf8.ValidString(res.Title) {
			t.Fatal("invalid UTF-8 in result")
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := HTML(b.Context(), bytes.NewReader(page), ""); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPageOverBudget(t *testing.T) {
	a := &news.Article{HTML: "<html><body><p>" + strings.Repeat("word ", MaxHTML/5+1) + "</p></body></html>"}
	err := (Stage{}).Process(t.Context(), a)
	if !errors.Is(err, news.ErrOverBudget) || !strings.Contains(err.Error(), "more than the 16 MB a page may have") {
		t.Fatalf("err = %v", err)
	}
}
