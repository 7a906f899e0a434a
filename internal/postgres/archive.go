package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlrows"
)

var _ news.StoryArchive = (*Store)(nil)

// SetArchived implements news.StoryArchive.
func (s *Store) SetArchived(ctx context.Context, ids []string, archived bool) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE stories SET archived = $1 WHERE id = ANY($2)`, archived, ids); err != nil {
		return fmt.Errorf("archive stories: %w", err)
	}
	return nil
}

// ArchivedStories implements news.StoryArchive.
func (s *Store) ArchivedStories(ctx context.Context) ([]string, error) {
	return sqlrows.IDs(ctx, s.db, "archived stories", `SELECT id FROM stories WHERE archived ORDER BY id`)
}

// FindArchived implements news.StoryArchive through the full-text index:
// the archived stories of the best-ranked matching articles.
func (s *Store) FindArchived(ctx context.Context, query string, since time.Time, limit int) ([]string, error) {
	q := news.ParseQuery(Fold(query))
	if q.Empty() || limit <= 0 {
		return []string{}, nil
	}
	tsq, args := TSQuery(q, []any{limit})
	where := "a.search @@ q.q AND st.archived"
	if !since.IsZero() {
		args = append(args, since)
		where += fmt.Sprintf(" AND (a.published >= $%d OR a.published IS NULL)", len(args))
	}
	return sqlrows.IDs(ctx, s.db, "find archived stories", `WITH q AS (SELECT `+tsq+` AS q)
		SELECT sa.story_id FROM q, articles a JOIN story_articles sa ON sa.article_id = a.id
		JOIN stories st ON st.id = sa.story_id
		WHERE `+where+`
		GROUP BY sa.story_id ORDER BY max(ts_rank(a.search, q.q)) DESC, sa.story_id LIMIT $1`, args...)
}
