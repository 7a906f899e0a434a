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
	// The content tree keeps no white space between inline elements
	// ("<b>as</b> <a>Apple</a>" comes out as "asApple"): at the edge of an
	// inline element, two word characters get a space between them, unless
	// the element holds a single letter (a drop cap: "<span>W</span>ord").
	edge := false
	write := func(s string) {
		if s == "" {
			return
		}
		if edge {
			b := cur.String()
			if len(b) > 0 && wordByte(b[len(b)-1]) && wordByte(s[0]) {
				cur.WriteByte(' ')
			}
			edge = false
		}
		cur.WriteString(s)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			write(n.Data)
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
				edge = false
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				edge = false
				return
			}
			if len(strings.TrimSpace(textOf(n))) > 1 {
				edge = true
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				edge = true
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

// wordByte tells whether b is an ASCII letter or digit, or part of a
// multi-byte (non-ASCII) character, which is treated as a letter.
func wordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
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
