package news

// Span is a half-open byte range [Start, End) into an article's cleaned text.
// Everything extracted from an article points back into its text with a Span,
// so that every line can be cited and highlighted.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Text returns the spanned text of s, or "" when the span is out of range.
func (s Span) Text(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Citation points at a span of one article's cleaned text, as returned by
// `crosscheck article ID --json`.
type Citation struct {
	ArticleID string `json:"article_id"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Cite makes a citation of span s in article id.
func Cite(id string, s Span) Citation { return Citation{ArticleID: id, Start: s.Start, End: s.End} }
