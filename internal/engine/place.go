package engine

import (
	"context"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// placing is one batch of saved articles being placed in stories, in order,
// by both modes (the embedded Run's collector and the distributed
// Assigner): the memberships are saved in one transaction at commit, and
// flushed before any story merge, which must follow the placements before
// it. Every membership change marks its stories dirty in the store.
type placing struct {
	e       *Engine
	pairs   [][2]string     // article -> story, not yet saved
	touched map[string]bool // stories changed
	marked  []string        // articles this batch recorded as placed
	n       int             // articles placed
}

func (e *Engine) placing(touched map[string]bool) *placing {
	if touched == nil {
		touched = map[string]bool{}
	}
	return &placing{e: e, touched: touched}
}

// add places a saved article. A page that is not a news article (an index
// page, a form) is stored with the reason but never placed, unless it was
// placed as an article before: stories have no removal yet, so it keeps
// its story. It reports whether the article was placed. On an error the
// batch is abandoned: nothing it recorded as placed stays so, and the
// articles are placed again when they come again.
func (p *placing) add(ctx context.Context, a *news.Article) (bool, error) {
	e := p.e
	if !a.PageType.IsArticle() && !e.placed[a.ID] {
		return false, nil
	}
	e.builder.Cache.Put(a) // the saved revision replaces any cached one
	id, merged, err := e.add(ctx, a)
	if err != nil {
		return false, p.abandon(err)
	}
	if !e.placed[a.ID] {
		e.placed[a.ID] = true
		p.marked = append(p.marked, a.ID)
	}
	p.n++
	p.pairs = append(p.pairs, [2]string{a.ID, id})
	p.touched[id] = true
	if len(merged) > 0 {
		// Earlier articles of this batch must be placed before stories move.
		if err := p.flush(ctx); err != nil {
			return false, err
		}
		for _, m := range merged {
			if err := e.moveStory(ctx, m, id); err != nil {
				return false, p.abandon(err)
			}
			p.touched[m] = true
		}
	}
	return true, nil
}

// flush saves the memberships gathered so far.
func (p *placing) flush(ctx context.Context) error {
	if err := p.e.store.SetStories(ctx, p.pairs); err != nil {
		return p.abandon(err)
	}
	p.pairs = p.pairs[:0]
	return nil
}

// commit saves the batch's memberships and records in the store the
// stories the clusterer archived and brought back; it returns nil only
// once all is committed.
func (p *placing) commit(ctx context.Context) error {
	if err := p.flush(ctx); err != nil {
		return err
	}
	if err := p.e.recordArchive(ctx); err != nil {
		return p.abandon(err)
	}
	return nil
}

// abandon forgets that the batch's articles were placed, and returns err.
func (p *placing) abandon(err error) error {
	for _, id := range p.marked {
		delete(p.e.placed, id)
	}
	p.marked = nil
	return err
}
