package extract

import (
	"hash/fnv"
	"strings"

	"golang.org/x/net/html"
)

// Where on the page a word stood, as flags of the page's word trigrams.
const (
	onPage uint8 = 1 << iota
	inLink
	inPara
	inList
	inHeading
	inChrome
)

// chromeWords in a class or id mark a page's navigation, sidebars, comments
// and footers.
var chromeWords = []string{"nav", "menu", "sidebar", "footer", "comment", "related", "share", "widget", "breadcrumb", "banner"}

// pageGrams indexes the word trigrams of the whole page by where their
// middle word stood: in a link, a paragraph, a list, a heading, or page
// chrome (nav, aside, footer, header, form, or a class or id that says so).
type pageGrams map[uint64]uint8

func indexPage(doc *html.Node) pageGrams {
	g := pageGrams{}
	var a, b uint64
	var fb uint8 // flags of the previous word
	var walk func(n *html.Node, f uint8)
	walk = func(n *html.Node, f uint8) {
		switch n.Type {
		case html.TextNode:
			for w := range strings.FieldsFuncSeq(n.Data, notWord) {
				c := wordHash(w)
				if a != 0 {
					g[gram(a, b, c)] |= fb
				}
				a, b, fb = b, c, f
			}
			return
		case html.ElementNode:
			if skipTags[n.Data] || n.Data == "head" {
				return
			}
			switch n.Data {
			case "a":
				f |= inLink
			case "p":
				f |= inPara
			case "li", "dd", "dt":
				f |= inList
			case "h1", "h2", "h3", "h4", "h5", "h6":
				f |= inHeading
			case "nav", "aside", "footer", "header", "form":
				f |= inChrome
			}
			if f&inChrome == 0 && chromeAttr(attr(n, "class")+" "+attr(n, "id")) {
				f |= inChrome
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, f)
		}
	}
	walk(doc, onPage)
	return g
}

func chromeAttr(s string) bool {
	if len(s) < 3 {
		return false
	}
	s = strings.ToLower(s)
	for _, w := range chromeWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// shares is the share of a text's trigrams found on the page with each flag.
func (g pageGrams) shares(grams map[uint64]bool) [6]float64 {
	var n [6]float64
	for k := range grams {
		f := g[k]
		for i := range 6 {
			if f&(1<<i) != 0 {
				n[i]++
			}
		}
	}
	if len(grams) > 0 {
		for i := range n {
			n[i] /= float64(len(grams))
		}
	}
	return n
}

func wordHash(w string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(w)))
	return h.Sum64()
}

func gram(a, b, c uint64) uint64 { return a*961 + b*31 + c }
