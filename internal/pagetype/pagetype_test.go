package pagetype

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// page builds an article from paragraphs, as cleaning leaves it.
func page(url, title string, stats news.PageStats, paras ...string) *news.Article {
	a := &news.Article{URL: url, Title: title, Page: stats}
	for i, p := range paras {
		if i > 0 {
			a.Text += "\n\n"
		}
		a.Paragraphs = append(a.Paragraphs, news.Span{Start: len(a.Text), End: len(a.Text) + len(p)})
		a.Text += p
	}
	return a
}

var prose = "The council voted on Tuesday to fund a new tram line across the city, after two years of " +
	"debate about its cost and its route through the old town, and work is to start in the spring."

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// articlePage is the page around a normal article: some links, no forms.
var articlePage = news.PageStats{Words: 1200, LinkWords: 300, Links: 80, HeadingLinks: 3, Articles: 1}

func TestClassify(t *testing.T) {
	headlines := repeat("Council votes on the tram line", 30)
	tests := []struct {
		name string
		a    *news.Article
		want news.PageType
		why  string // a part of the reason
	}{
		{"article", page("https://news.example/2022/09/tram-vote", "Council funds tram line", articlePage,
			prose, prose, prose), news.PageArticle, "words of prose"},
		{"short news item", page("https://news.example/brief", "Tram vote", articlePage, prose, prose),
			news.PageArticle, ""},
		{"tag page", page("https://blog.example/tag/trams/", "Trams", articlePage, append(headlines, prose)...),
			news.PageIndex, "/tag/"},
		{"category page", page("https://blog.example/category/city/page/2", "City", articlePage, headlines...),
			news.PageIndex, "/category/"},
		{"search page", page("https://blog.example/?s=tram", "You searched for tram", articlePage, headlines...),
			news.PageIndex, "?s="},
		{"long article at a tag-like address", page("https://blog.example/tag/trams/", "Trams",
			articlePage, repeat(prose, 10)...), news.PageArticle, ""},
		{"listing of linked headlines", page("https://blog.example/latest", "Latest",
			news.PageStats{Words: 900, LinkWords: 300, Links: 120, HeadingLinks: 30}, headlines...),
			news.PageIndex, "30 linked headlines"},
		{"archive title", page("https://blog.example/x", "City news | Archives", articlePage, headlines...),
			news.PageIndex, "title"},
		{"front page", page("https://blog.example/", "Rand's Blog", articlePage, append(headlines, prose)...),
			news.PageIndex, "front page"},
		{"thin link page", page("https://blog.example/p/1", "Pretty pictures",
			news.PageStats{Words: 500, LinkWords: 400, Links: 90}, "Pretty pictures", "via example.com", "Posted by Ann",
			"Look at these pretty pictures of the old town in the spring.", "Tags: town, spring, pictures, photos",
			"Related: more pictures", "Older: the bridge", "Newer: the market", "Share on Facebook", "Share on Twitter"),
			news.PageOther, "thin page"},
		{"error page", page("https://blog.example/missing", "404 Not Found", articlePage,
			"Sorry, the page you asked for is not here. It may have moved, or it may never have existed.",
			"Try the search box, or go back to the front page.", "Home", "News", "Sport", "Weather",
			"Business", "Culture"), news.PageOther, "error"},
		{"subscription form", page("https://blog.example/newsletter", "Newsletter subscription status",
			news.PageStats{Words: 300, LinkWords: 100, Links: 30, TextInputs: 2}, "Newsletter subscription status",
			"Enter your e-mail address to change your subscription.", "E-mail", "Name", "Submit", "Unsubscribe",
			"Privacy policy", "Contact", "About us", "Home"), news.PageOther, "form"},
		{"login form", page("https://blog.example/account", "My account",
			news.PageStats{Words: 300, LinkWords: 100, Links: 30, PasswordBoxes: 1, TextInputs: 3},
			"Log in to your account to manage your subscriptions and saved stories here.", "User name", "Password",
			"Remember me", "Lost your password?"), news.PageOther, "form"},
		{"article with a login box in the sidebar", page("https://news.example/a", "Tram vote",
			news.PageStats{Words: 1200, LinkWords: 300, Links: 80, PasswordBoxes: 1, TextInputs: 3}, prose, prose),
			news.PageArticle, ""},
		{"paywall", page("https://paper.example/a", "Tram vote", articlePage, "The council voted on Tuesday.",
			"Subscribe to continue reading. Already a subscriber? Log in.", "Home", "News", "Sport", "Weather",
			"Business", "Culture", "Opinion", "Travel"), news.PageOther, "paywall"},
		{"empty page", page("https://blog.example/img/1", "IMG_1234", articlePage, "IMG_1234", "Share"),
			news.PageOther, "next to no text"},
		{"page with no visible words but its title", page("https://blog.example/p/2", "Pictures of the tram",
			news.PageStats{HTML: true}, "Pictures of the tram | City Blog"), news.PageOther, "next to no text"},
		{"page with no text at all", page("https://blog.example/p/3", "", news.PageStats{HTML: true, Words: 12, LinkWords: 12}),
			news.PageOther, "no main text found: 12 words on the page, 12 of them in links"},
		{"plain text, short", page("", "Tram vote", news.PageStats{}, "Council funds tram line."),
			news.PageArticle, ""},
		{"plain text, one word", page("", "Hi", news.PageStats{}, "Hi"), news.PageOther, "next to no text"},
		{"plain text, many short lines", page("", "Tram vote", news.PageStats{}, headlines...), news.PageArticle, ""},
		{"JSON with a tag address", page("https://blog.example/tag/trams", "Trams", news.PageStats{}, prose),
			news.PageIndex, "/tag/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := (Stage{}).Process(t.Context(), tc.a); err != nil {
				t.Fatal(err)
			}
			if tc.a.PageType != tc.want || !strings.Contains(tc.a.PageTypeWhy, tc.why) {
				t.Errorf("%s (%s), want %s (…%s…)", tc.a.PageType, tc.a.PageTypeWhy, tc.want, tc.why)
			}
		})
	}
}

func TestURLKind(t *testing.T) {
	for _, tc := range []struct {
		url     string
		pattern string
		front   bool
	}{
		{"https://a.example/2022/09/26/tram-vote/", "", false},
		{"https://a.example/tag/tram/", "/tag/", false},
		{"https://a.example/blog/category/city", "/category/", false},
		{"https://a.example/page/3/", "/page/", false},
		{"https://a.example/search?q=tram", "/search/", false},
		{"https://a.example/find?q=tram", "?q=", false},
		{"https://a.example/?s=tram", "?s=", false},
		{"https://a.example/", "", true},
		{"https://a.example/blog/", "", true},
		{"https://a.example/tagged-trams-win", "", false},
		{"https://a.example/archive/2012/11/", "/archive/", false},
		{"http://www.theatlantic.com/personal/archive/2012/11/the-lost-battalion/264547/", "", false},
		{"http://eater.com/archives/2012/11/12/chef-rant.php", "", false},
		{"https://a.example/category/politics/council-funds-tram-line/", "", false},
		{"https://a.example/tag/trams/page/2/", "/tag/", false},
		{"https://a.example/blog/page/2", "/page/", false},
		{"https://a.example/page/about-us", "", false},
		{"https://a.example/search/label/trams", "/label/", false},
		{"http://www.biblegateway.com/passage/?search=Colossians+1%3A9", "", false},
		{"dragnet:R401", "", false},
		{"", "", false},
	} {
		p, front := urlKind(tc.url)
		if p != tc.pattern || front != tc.front {
			t.Errorf("urlKind(%q) = %q %v, want %q %v", tc.url, p, front, tc.pattern, tc.front)
		}
	}
}

func TestTitleKind(t *testing.T) {
	for title, want := range map[string]string{
		"404 Not Found":                      "error",
		"Page not found | City Blog":         "error",
		"Newsletter subscription status":     "form",
		"Sign in":                            "form",
		"Posts tagged trams":                 "listing",
		"Category: City":                     "listing",
		"City Blog | Archives":               "listing",
		"City news - Page 3":                 "listing",
		"Archives Photos of the Day: Bridge": "",
		"S&P 500 falls as trams stall":       "",
		"Council funds tram line":            "",
	} {
		if got := titleKind(title); got != want {
			t.Errorf("titleKind(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestIsArticle(t *testing.T) {
	for typ, want := range map[news.PageType]bool{"": true, news.PageArticle: true, news.PageIndex: false, news.PageOther: false} {
		if typ.IsArticle() != want {
			t.Errorf("%q.IsArticle() = %v", typ, !want)
		}
	}
}

func BenchmarkStage(b *testing.B) {
	a := page("https://news.example/2022/09/tram-vote", "Council funds tram line", articlePage, repeat(prose, 20)...)
	for b.Loop() {
		if err := (Stage{}).Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
}
