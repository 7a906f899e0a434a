package news

// PageType tells whether a page is a news article, which alone may become
// part of a story.
type PageType string

// Page types.
const (
	// PageArticle is a page telling one piece of news or one post.
	PageArticle PageType = "article"
	// PageIndex is a listing: a blog or section front page, a tag,
	// category or search page, a page of an archive.
	PageIndex PageType = "index"
	// PageOther is any other page that is not an article: a form, an
	// error page, a paywall or a page with next to no text.
	PageOther PageType = "other"
)

// IsArticle reports whether t may join a story. The empty type (articles
// analysed before pages were typed) counts as an article.
func (t PageType) IsArticle() bool { return t == "" || t == PageArticle }

// PageStats is what extraction measured on a whole HTML page (not only its
// main text): the page-type stage reads it. Zero for inputs without HTML.
type PageStats struct {
	HTML          bool // measured on an HTML page (a page may have no visible words at all)
	Words         int  // words of visible text on the page
	LinkWords     int  // of them, words inside links
	Links         int  // links (<a href>)
	HeadingLinks  int  // headings (h1–h4) that hold a link: headlines of a listing
	Articles      int  // <article> elements
	PasswordBoxes int  // password inputs
	TextInputs    int  // text and e-mail inputs outside search forms
}
