package story

import (
	"context"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Changes is what changed in a story since a time: the articles ingested
// after it, the claims it did not have, and the claims whose status moved.
type Changes struct {
	StoryID  string              `json:"story_id"`
	Since    time.Time           `json:"since"`
	Articles []news.StoryArticle `json:"new_articles"`
	Claims   []news.Claim        `json:"new_claims"`
	Statuses []StatusChange      `json:"status_changes"`
}

// StatusChange is a claim whose status differs from what it was.
type StatusChange struct {
	ClaimID string      `json:"claim_id"`
	Text    string      `json:"text"`
	Was     news.Status `json:"was"`
	Now     news.Status `json:"now"`
	Reason  string      `json:"reason"`
}

// Changes tells what changed in story id since a time. The story as it
// stood then is rebuilt from the articles ingested by that time (the same
// stages, nothing saved) and compared with the stored view by claim id, so
// no history has to be kept: claim ids are content hashes, stable across
// rebuilds.
func (b *Builder) Changes(ctx context.Context, id string, since time.Time) (*Changes, error) {
	now, err := b.Store.View(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	ids, err := b.Store.StoryArticles(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	arts, err := b.Store.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	var before []*news.Article
	added := map[string]bool{}
	for _, a := range arts {
		if a.Ingested.After(since) {
			added[a.ID] = true
		} else {
			before = append(before, a)
		}
	}
	ch := &Changes{StoryID: now.ID, Since: since, Articles: []news.StoryArticle{}, Claims: []news.Claim{}, Statuses: []StatusChange{}}
	for _, a := range now.Articles {
		if added[a.ID] {
			ch.Articles = append(ch.Articles, a)
		}
	}
	if len(added) == 0 {
		return ch, nil
	}
	was := map[string]news.Claim{}
	if len(before) > 0 {
		then, err := b.Build(ctx, id, before)
		if err != nil {
			return nil, fmt.Errorf("story %s as of %s: %w", id, since.Format(time.RFC3339), err)
		}
		for _, c := range then.Claims {
			was[c.ID] = c
		}
	}
	for _, c := range now.Claims {
		old, ok := was[c.ID]
		switch {
		case !ok:
			ch.Claims = append(ch.Claims, c)
		case old.Status != c.Status:
			ch.Statuses = append(ch.Statuses, StatusChange{ClaimID: c.ID, Text: c.Text, Was: old.Status, Now: c.Status, Reason: c.Reason})
		}
	}
	return ch, nil
}
