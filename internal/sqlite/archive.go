package sqlite

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
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("archive stories: %w", err)
	}
	defer tx.Rollback()
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET archived = ? WHERE id = ?`, archived, id); err != nil {
			return fmt.Errorf("archive stories: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("archive stories: %w", err)
	}
	return nil
}

// ArchivedStories implements news.StoryArchive.
func (s *Store) ArchivedStories(ctx context.Context) ([]string, error) {
	return sqlrows.IDs(ctx, s.db, "archived stories", `SELECT id FROM stories WHERE archived <> 0 ORDER BY id`)
}

// FindArchived implements news.StoryArchive through the full-text index:
// the archived stories of the best-ranked matching articles.
func (s *Store) FindArchived(ctx context.Context, query string, since time.Time, limit int) ([]string, error) {
	match := FTSQuery(news.ParseQuery(query))
	if match == "" || limit <= 0 {
		return []string{}, nil
	}
	where, args := "st.archived <> 0", []any{match}
	if !since.IsZero() {
		where += " AND (a.published >= ? OR a.published IS NULL)"
		args = append(args, since.Unix())
	}
	// bm25 only works in the query over the full-text table itself.
	return sqlrows.IDs(ctx, s.db, "find archived stories", `WITH m AS MATERIALIZED (
			SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ?)
		SELECT sa.story_id FROM m JOIN articles a ON a.seq = m.rowid
		JOIN story_articles sa ON sa.article_id = a.id JOIN stories st ON st.id = sa.story_id
		WHERE `+where+`
		GROUP BY sa.story_id ORDER BY min(m.rank), sa.story_id LIMIT ?`, append(args, limit)...)
}
