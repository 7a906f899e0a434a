package extract

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"golang.org/x/net/html"
)

func TestPageStats(t *testing.T) {
	page := `<html><head><title>Ignored words here</title><script>var x = "no words";</script></head><body>
<form role="search"><input name="s"></form>
<h2><a href="/one">First post title</a></h2><p>Some words of an excerpt.</p>
<h2><a href="/two">Second post</a></h2>
<article><p>Text with <a href="/x">a link</a> inside.</p></article>
<form action="/login"><input type="text" name="user"><input type="password" name="pw"><input type="email" name="mail"></form>
</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := pageStats(doc)
	want := news.PageStats{HTML: true, Words: 15, LinkWords: 7, Links: 3, HeadingLinks: 2, Articles: 1, PasswordBoxes: 1, TextInputs: 2}
	if got != want {
		t.Errorf("pageStats = %+v, want %+v", got, want)
	}
}
