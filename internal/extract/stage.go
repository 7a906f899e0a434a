package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// MaxHTML bounds the pages extracted: extraction grows faster than the
// page, and news pages are far smaller (the largest of the extraction
// benchmark's 1,381 pages is under 1 MB).
const MaxHTML = 16 << 20

// Stage turns an article's HTML page into its extracted text (a.Raw) and
// fills the metadata the input did not give: title, author, publication
// date, outlet and canonical URL. Articles without HTML pass through.
type Stage struct{}

// Process implements news.Stage.
func (Stage) Process(ctx context.Context, a *news.Article) error {
	if a.HTML == "" {
		return nil
	}
	if len(a.HTML) > MaxHTML {
		return fmt.Errorf("page of %.1f MB, more than the %d MB a page may have: %w",
			float64(len(a.HTML))/(1<<20), MaxHTML>>20, news.ErrOverBudget)
	}
	res, err := HTML(ctx, strings.NewReader(a.HTML), a.URL)
	if err != nil && !errors.Is(err, ErrNoText) {
		return err
	}
	// A page with no main text (a script-only page, a gallery, a
	// paywall) is kept with an empty text: the page-type stage calls it
	// not news, so it is stored with why and never joins a story.
	a.Raw = res.Text
	a.Page = res.Page
	if a.Title == "" {
		a.Title = res.Title
	}
	if a.Author == "" {
		a.Author = res.Author
	}
	if a.Published.IsZero() {
		a.Published = res.Published
	}
	if a.Source == "" {
		a.Source = res.SiteName
	}
	if a.URL == "" {
		a.URL = res.URL
	}
	a.HTML = ""
	return nil
}
