package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags end a paragraph before and after them.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "list": true, "item": true,
	"blockquote": true, "quote": true, "pre": true, "code": false, "figure": true, "figcaption": true,
	"table": true, "tr": true, "thead": true, "tbody": true, "hr": true, "aside": true, "address": true,
	"details": true, "summary": true, "form": true, "fieldset": true, "center": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "button": true, "select": true, "textarea": true,
}

// nodeText renders the text of an extracted content tree: paragraphs
// separated by a blank line, <br> as a newline, white space collapsed.
func nodeText(root *html.Node) string {
	if root == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := tidy(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			tag := n.Data
			if skipTags[tag] {
				return
			}
			switch tag {
			case "br", "lb":
				cur.WriteString("\n")
				return
			case "td", "th", "cell":
				cur.WriteString(" ")
			case "img":
				return
			}
			if blockTags[tag] {
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	flush()
	return strings.Join(paras, "\n\n")
}

// tidy collapses white space in each line of a paragraph and drops empty lines.
func tidy(p string) string {
	lines := strings.Split(p, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
