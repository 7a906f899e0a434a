package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNodeTextSpacesInlineElements(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// the content tree drops white space between inline elements
		{"<p><strong>Prices fall as</strong><a href=x>Harbor Co plans</a><strong>a sale</strong></p>", "Prices fall as Harbor Co plans a sale"},
		// a drop cap is part of its word
		{"<p><span>W</span>inter came early.</p>", "Winter came early."},
		// punctuation after an element needs no space
		{"<p>He read <i>The Times</i>, then left.</p>", "He read The Times, then left."},
	} {
		doc, err := html.Parse(strings.NewReader(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := nodeText(doc); got != c.want {
			t.Errorf("nodeText(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}
