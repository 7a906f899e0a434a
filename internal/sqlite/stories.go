package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/sqlrows"
)

// SetStory implements news.StoryStore.
func (s *Store) SetStory(ctx context.Context, articleID, storyID string) error {
	return s.SetStories(ctx, [][2]string{{articleID, storyID}})
}

// SetStories implements news.StoryStore in one transaction.
func (s *Store) SetStories(ctx context.Context, pairs [][2]string) error {
	if len(pairs) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set story: %w", err)
	}
	defer tx.Rollback()
	for _, p := range pairs {
		// The story the article leaves, if any, and the one it joins are dirty.
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET dirty = dirty + 1 WHERE id =
			(SELECT story_id FROM story_articles WHERE article_id = ? AND story_id <> ?)`, p[0], p[1]); err != nil {
			return fmt.Errorf("set story: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, dirty) VALUES (?, 1) ON CONFLICT (id) DO UPDATE SET dirty = dirty + 1, archived = 0`, p[1]); err != nil {
			return fmt.Errorf("set story: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)
			ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`, p[0], p[1]); err != nil {
			return fmt.Errorf("set story: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set story: %w", err)
	}
	return nil
}

// StoryArticles implements news.StoryStore.
func (s *Store) StoryArticles(ctx context.Context, storyID string) ([]string, error) {
	return sqlrows.IDs(ctx, s.db, "story articles", `SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id
		WHERE sa.story_id = ? ORDER BY a.seq`, storyID)
}

const storyCols = `id, title, article_count, sources, first_published, last_published, first_estimated, last_estimated, status`

// scanStory reads storyCols, then extra columns into extra.
func scanStory(row interface{ Scan(...any) error }, extra ...any) (news.Story, error) {
	var (
		st          news.Story
		sources     string
		first, last sql.NullInt64
		status      string
	)
	dest := []any{&st.ID, &st.Title, &st.ArticleCount, &sources, &first, &last, &st.FirstEstimated, &st.LastEstimated, &status}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return st, err
	}
	st.FirstPublished, st.LastPublished, st.Status = fromUnix(first), fromUnix(last), news.Status(status)
	if err := json.Unmarshal([]byte(sources), &st.Sources); err != nil {
		return st, fmt.Errorf("story %s sources: %w", st.ID, err)
	}
	return st, nil
}

// Stories implements news.StoryStore: by size (default) or by freshness.
func (s *Store) Stories(ctx context.Context, opt news.ListOptions) ([]news.Story, error) {
	args := []any{}
	param := func(v any) string { args = append(args, v); return "?" }
	where := "article_count > 0"
	if opt.Source != "" {
		where += ` AND EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
			WHERE sa.story_id = stories.id AND ` + "a.source = " + param(opt.Source) + " COLLATE NOCASE" + ")"
	}
	if !opt.From.IsZero() {
		where += " AND last_published >= " + param(opt.From.Unix())
	}
	if !opt.To.IsZero() {
		where += " AND first_published < " + param(opt.To.Unix())
	}
	order, recent := "article_count DESC, last_published DESC NULLS LAST, id", "0"
	switch opt.Sort {
	case "fresh":
		order = "last_published DESC NULLS LAST, article_count DESC, id"
	case "growth":
		since := opt.GrowthSince
		if since.IsZero() {
			since = time.Now().Add(-24 * time.Hour)
		}
		recent = `(SELECT count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
			WHERE sa.story_id = stories.id AND a.ingested >= ` + param(since.Unix()) + `)`
		order = "recent DESC, " + order
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+storyCols+`, `+recent+` AS recent FROM stories WHERE `+where+` ORDER BY `+order+limitClause(opt), args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	out := []news.Story{}
	for rows.Next() {
		var n int
		st, err := scanStory(rows, &n)
		if opt.Sort == "growth" {
			st.Recent = &n
		}
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Story implements news.StoryStore.
func (s *Store) Story(ctx context.Context, id string) (*news.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyCols+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return &st, nil
}

// SaveView implements news.StoryStore.
func (s *Store) SaveView(ctx context.Context, v *news.StoryView) error {
	sum := v.Summary()
	view, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("save view: %w", err)
	}
	sources, _ := json.Marshal(sum.Sources)
	_, err = s.db.ExecContext(ctx, `INSERT INTO stories (id, title, article_count, sources, first_published, last_published, first_estimated, last_estimated, status, view, updated)
		VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count,
		sources = excluded.sources, first_published = excluded.first_published, last_published = excluded.last_published,
		first_estimated = excluded.first_estimated, last_estimated = excluded.last_estimated,
		status = excluded.status, view = excluded.view, updated = excluded.updated, dirty = 0
		WHERE ? = 0 OR stories.dirty = ?`,
		v.ID, sum.Title, sum.ArticleCount, string(sources), unixOrNil(sum.FirstPublished), unixOrNil(sum.LastPublished),
		sum.FirstEstimated, sum.LastEstimated, string(sum.Status), view, time.Now().UnixNano(), v.DirtyMark, v.DirtyMark)
	if err != nil {
		return fmt.Errorf("save view: %w", err)
	}
	return nil
}

// View implements news.StoryStore. Decoded views are cached by their
// update stamp, so a popular story is decoded once per change; callers must
// not modify the returned view.
func (s *Store) View(ctx context.Context, id string) (*news.StoryView, error) {
	var updated int64
	err := s.db.QueryRowContext(ctx, `SELECT updated FROM stories WHERE id = ? AND view IS NOT NULL`, id).Scan(&updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	if v, ok := s.views.get(id, updated); ok {
		return v, nil
	}
	var view []byte
	err = s.db.QueryRowContext(ctx, `SELECT view, updated FROM stories WHERE id = ? AND view IS NOT NULL`, id).Scan(&view, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	v := news.NewStoryView(id, "")
	if err := json.Unmarshal(view, v); err != nil {
		return nil, fmt.Errorf("story %s view: %w", id, err)
	}
	s.views.put(id, updated, v)
	return v, nil
}

// viewCache keeps recently read story views with the stamp they had.
type viewCache struct {
	mu    sync.Mutex
	max   int
	items map[string]cachedView
}

type cachedView struct {
	updated int64
	view    *news.StoryView
}

func (c *viewCache) get(id string, updated int64) (*news.StoryView, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cv, ok := c.items[id]
	if !ok || cv.updated != updated {
		return nil, false
	}
	return cv.view, true
}

func (c *viewCache) put(id string, updated int64, v *news.StoryView) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items = map[string]cachedView{}
	}
	if len(c.items) >= c.max {
		for k := range c.items { // evict an arbitrary entry: bounded, simple
			delete(c.items, k)
			break
		}
	}
	c.items[id] = cachedView{updated: updated, view: v}
}

// DeleteStory implements news.StoryStore.
func (s *Store) DeleteStory(ctx context.Context, id string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete story: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?
		AND NOT EXISTS (SELECT 1 FROM story_articles WHERE story_id = ?)`, id, id); err != nil {
		return fmt.Errorf("delete story: %w", err)
	}
	return tx.Commit()
}

// MergeStory implements news.StoryStore.
func (s *Store) MergeStory(ctx context.Context, from, to string) error {
	if from == to {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("merge story: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO stories (id, dirty) VALUES (?, 1) ON CONFLICT (id) DO UPDATE SET dirty = dirty + 1, archived = 0`, []any{to}},
		{`UPDATE stories SET dirty = dirty + 1, archived = 0 WHERE id = ?`, []any{from}},
		{`UPDATE story_articles SET story_id = ? WHERE story_id = ?`, []any{to, from}},
		{`INSERT INTO story_merges (story_id, merged_to) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET merged_to = excluded.merged_to`, []any{from, to}},
		{`DELETE FROM story_merges WHERE story_id = ?`, []any{to}}, // a story merged back is itself again
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return fmt.Errorf("merge story: %w", err)
		}
	}
	return tx.Commit()
}

// MergedInto implements news.StoryStore.
func (s *Store) MergedInto(ctx context.Context, id string) (string, error) {
	return news.FollowMerges(id, func(cur string) (string, bool, error) {
		var to string
		err := s.db.QueryRowContext(ctx, `SELECT merged_to FROM story_merges WHERE story_id = ?`, cur).Scan(&to)
		if errors.Is(err, sql.ErrNoRows) {
			return "", false, nil
		}
		return to, err == nil, err
	})
}

// DirtyStories implements news.StoryStore.
func (s *Store) DirtyStories(ctx context.Context) ([]string, error) {
	return sqlrows.IDs(ctx, s.db, "dirty stories", `SELECT id FROM stories WHERE dirty <> 0 ORDER BY id`)
}

// DirtyMarks implements news.StoryStore.
func (s *Store) DirtyMarks(ctx context.Context) (map[string]int64, error) {
	return sqlrows.Marks(ctx, s.db, "dirty marks", `SELECT id, dirty FROM stories WHERE dirty <> 0`)
}

// Assignments implements news.StoryStore.
func (s *Store) Assignments(ctx context.Context) ([][2]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sa.article_id, sa.story_id FROM story_articles sa
		JOIN articles a ON a.id = sa.article_id ORDER BY a.seq`)
	if err != nil {
		return nil, fmt.Errorf("assignments: %w", err)
	}
	defer rows.Close()
	out := [][2]string{}
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, fmt.Errorf("assignments: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
