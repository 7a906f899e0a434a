package extract

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
	"golang.org/x/net/html"
)

// pageStats measures the whole page, as the page-type stage needs it:
// visible words and how many of them are links, headline links, <article>
// elements and form inputs.
func pageStats(doc *html.Node) news.PageStats {
	st := news.PageStats{HTML: true}
	var walk func(n *html.Node, inLink, inHeading, inSearch bool)
	walk = func(n *html.Node, inLink, inHeading, inSearch bool) {
		switch n.Type {
		case html.TextNode:
			w := words.Len(n.Data)
			st.Words += w
			if inLink {
				st.LinkWords += w
			}
			return
		case html.ElementNode:
			if skipTags[n.Data] || n.Data == "head" {
				return
			}
			switch n.Data {
			case "a":
				if attr(n, "href") != "" {
					st.Links++
					if inHeading && !inLink {
						st.HeadingLinks++
					}
					inLink = true
				}
			case "h1", "h2", "h3", "h4":
				inHeading = true
			case "article":
				st.Articles++
			case "form":
				inSearch = inSearch || isSearchForm(n)
			case "input":
				switch strings.ToLower(attr(n, "type")) {
				case "password":
					st.PasswordBoxes++
				case "", "text", "email":
					if !inSearch && !isSearchName(attr(n, "name")) {
						st.TextInputs++
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink, inHeading, inSearch)
		}
	}
	walk(doc, false, false, false)
	return st
}

// isSearchForm tells a site search box, which nearly every page has, from a
// form that is the page's content.
func isSearchForm(n *html.Node) bool {
	s := strings.ToLower(attr(n, "role") + " " + attr(n, "action") + " " + attr(n, "id") + " " + attr(n, "class"))
	return strings.Contains(s, "search")
}

func isSearchName(name string) bool {
	name = strings.ToLower(name)
	return name == "s" || name == "q" || name == "query" || strings.Contains(name, "search")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
