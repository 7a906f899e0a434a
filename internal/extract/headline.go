package extract

import "strings"

// HeadlineShown tells whether text already opens with the page's headline:
// the whole title, or one part of a title that joins the headline to the
// site's name ("Site - Blog - Headline"), found in the text's first 500 bytes.
func HeadlineShown(title, text string) bool {
	if title == "" {
		return false
	}
	head := text[:min(len(text), 500)]
	if strings.Contains(head, title) {
		return true
	}
	for _, sep := range []string{" - ", " | ", " — ", " – ", " :: ", " » "} {
		for _, part := range strings.Split(title, sep) {
			if part = strings.TrimSpace(part); len(part) >= 12 && part != title && strings.Contains(head, part) {
				return true
			}
		}
	}
	return false
}
