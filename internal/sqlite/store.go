// Package sqlite is crosscheck's embedded store: SQLite through the pure-Go
// modernc.org/sqlite driver, in WAL mode, with FTS5 full-text search.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store implements news.Store on a SQLite database file.
type Store struct {
	db    *sql.DB
	views *viewCache
	path  string
	lock  writerLock // held from LockWriter to Close
}

var _ news.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and migrates it.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, views: &viewCache{max: 128}, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database and releases the writer lock.
func (s *Store) Close() error {
	s.lock.release()
	return s.db.Close()
}

// LockWriter makes this process the store's only writer of stories until
// Close: two ingests into one file would each group stories on their own.
// A second writer gets an error naming the one that holds the lock;
// readers never take it. The lock is the operating system's, so a killed
// writer releases it. Calling it again is a no-op.
func (s *Store) LockWriter() error {
	if s.path == "" || s.path == ":memory:" {
		return nil
	}
	return s.lock.acquire(s.path + "-writer.lock")
}

func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this crosscheck (%d)", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}

func unixOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

func fromUnix(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0).UTC()
}

// SaveArticle implements news.ArticleStore.
func (s *Store) SaveArticle(ctx context.Context, a *news.Article) (news.SaveResult, error) {
	res, err := s.SaveArticles(ctx, []*news.Article{a})
	if err != nil {
		return 0, err
	}
	return res[0], nil
}

// SaveArticles implements news.ArticleStore in one transaction.
func (s *Store) SaveArticles(ctx context.Context, arts []*news.Article) ([]news.SaveResult, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("save articles: %w", err)
	}
	defer tx.Rollback()
	out := make([]news.SaveResult, len(arts))
	for i, a := range arts {
		if out[i], err = saveTx(ctx, tx, a); err != nil {
			return nil, fmt.Errorf("save article %q: %w", a.Title, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("save articles: %w", err)
	}
	return out, nil
}

// saveTx stores one article inside tx: new, a new revision, or unchanged.
func saveTx(ctx context.Context, tx *sql.Tx, a *news.Article) (news.SaveResult, error) {
	a.ContentHash = news.ContentHash(a.Text)
	key := news.ArticleKey(a)
	var (
		id, hash string
		rev      int
		seq      int64
	)
	err := tx.QueryRowContext(ctx, `SELECT seq, id, content_hash, revision FROM articles WHERE key = ?`, key).Scan(&seq, &id, &hash, &rev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	found := err == nil
	if found && hash == a.ContentHash {
		a.ID, a.Revision = id, rev
		return news.Unchanged, nil
	}
	analysis, err := json.Marshal(&a.Analysis)
	if err != nil {
		return 0, err
	}
	if a.Ingested.IsZero() {
		a.Ingested = time.Now().UTC()
	}
	result := news.New
	if !found {
		a.ID, a.Revision = news.IDFor(key), 1
		res, err := tx.ExecContext(ctx, `INSERT INTO articles (id, key, url, source, title, author, path, published,
			published_estimated, ingested, content_hash, revision, text, analysis, page_type, page_type_why)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			a.ID, key, a.URL, a.Source, a.Title, a.Author, a.Path, unixOrNil(a.Published), a.PublishedEstimated,
			a.Ingested.Unix(), a.ContentHash, a.Revision, a.Text, analysis, pageType(a), a.PageTypeWhy)
		if err != nil {
			return 0, err
		}
		if seq, err = res.LastInsertId(); err != nil {
			return 0, err
		}
	} else {
		result = news.Updated
		a.ID, a.Revision = id, rev+1
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_revisions (article_id, revision, content_hash, title, text, ingested)
			SELECT id, revision, content_hash, title, text, ingested FROM articles WHERE seq = ?`, seq); err != nil {
			return 0, fmt.Errorf("save revision: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET url=?, source=?, title=?, author=?, path=?, published=?,
			published_estimated=?, ingested=?, content_hash=?, revision=?, text=?, analysis=?, page_type=?,
			page_type_why=? WHERE seq = ?`,
			a.URL, a.Source, a.Title, a.Author, a.Path, unixOrNil(a.Published), a.PublishedEstimated,
			a.Ingested.Unix(), a.ContentHash, a.Revision, a.Text, analysis, pageType(a), a.PageTypeWhy, seq); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, seq); err != nil {
			return 0, fmt.Errorf("index: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, seq, a.Title, a.Text); err != nil {
		return 0, fmt.Errorf("index: %w", err)
	}
	return result, nil
}

const articleCols = `a.id, a.url, a.source, a.title, a.author, a.path, a.published, a.published_estimated, a.ingested,
	a.content_hash, a.revision, a.text, a.analysis, a.page_type, a.page_type_why`

// pageType is the stored page type: an article when none was decided.
func pageType(a *news.Article) string {
	if a.PageType == "" {
		return string(news.PageArticle)
	}
	return string(a.PageType)
}

func scanArticle(row interface{ Scan(...any) error }) (*news.Article, error) {
	var (
		a         news.Article
		pub       sql.NullInt64
		ingested  int64
		analysis  []byte
		estimated bool
	)
	if err := row.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Author, &a.Path, &pub, &estimated, &ingested,
		&a.ContentHash, &a.Revision, &a.Text, &analysis, &a.PageType, &a.PageTypeWhy); err != nil {
		return nil, err
	}
	a.Published, a.PublishedEstimated, a.Ingested = fromUnix(pub), estimated, time.Unix(ingested, 0).UTC()
	if err := json.Unmarshal(analysis, &a.Analysis); err != nil {
		return nil, fmt.Errorf("article %s analysis: %w", a.ID, err)
	}
	return &a, nil
}

// Article implements news.ArticleStore.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// ArticlesByID implements news.ArticleStore.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]*news.Article, error) {
	out := make([]*news.Article, 0, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id IN (?`+
			strings.Repeat(",?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		byID := map[string]*news.Article{}
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("articles: %w", err)
			}
			byID[a.ID] = a
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		for _, id := range chunk {
			if a, ok := byID[id]; ok {
				out = append(out, a)
			}
		}
	}
	return out, nil
}

func limitClause(opt news.ListOptions) string {
	if opt.Limit <= 0 {
		return fmt.Sprintf(" LIMIT -1 OFFSET %d", max(opt.Offset, 0))
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", opt.Limit, max(opt.Offset, 0))
}

const summaryCols = `a.id, a.title, a.source, a.url, a.path, a.published, a.published_estimated, COALESCE(sa.story_id, '')`

func scanSummary(row interface{ Scan(...any) error }) (news.ArticleSummary, error) {
	var (
		s   news.ArticleSummary
		pub sql.NullInt64
	)
	err := row.Scan(&s.ID, &s.Title, &s.Source, &s.URL, &s.Path, &pub, &s.PublishedEstimated, &s.StoryID)
	s.Published = fromUnix(pub)
	return s, err
}

// Articles implements news.ArticleStore.
func (s *Store) Articles(ctx context.Context, opt news.ListOptions) ([]news.ArticleSummary, error) {
	order := "a.seq"
	if opt.Sort == "published" {
		order = "a.published DESC NULLS LAST, a.seq"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryCols+` FROM articles a
		LEFT JOIN story_articles sa ON sa.article_id = a.id ORDER BY `+order+limitClause(opt))
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	out := []news.ArticleSummary{}
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		out = append(out, sum)
	}
	return out, rows.Err()
}

// Search implements news.ArticleStore.
func (s *Store) Search(ctx context.Context, query string, opt news.SearchOptions) (news.SearchResult, error) {
	res := news.SearchResult{Hits: []news.SearchHit{}}
	match := FTSQuery(news.ParseQuery(query))
	if match == "" {
		return res, nil
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = 20
	}
	where, args := "articles_fts MATCH ?", []any{match}
	if opt.Source != "" {
		where += " AND a.source = ? COLLATE NOCASE"
		args = append(args, opt.Source)
	}
	if !opt.From.IsZero() {
		where += " AND a.published >= ?"
		args = append(args, opt.From.Unix())
	}
	if !opt.To.IsZero() {
		where += " AND a.published < ?"
		args = append(args, opt.To.Unix())
	}
	from := ` FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		LEFT JOIN story_articles sa ON sa.article_id = a.id WHERE ` + where
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&res.Total); err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	if res.Total == 0 {
		return res, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryCols+`,
			snippet(articles_fts, 1, '[[', ']]', '…', 24), bm25(articles_fts, 4.0, 1.0) AS rank`+from+`
		ORDER BY rank, a.seq LIMIT ?`, append(args, limit)...)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			h   news.SearchHit
			pub sql.NullInt64
		)
		a := &h.Article
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.URL, &a.Path, &pub, &a.PublishedEstimated, &a.StoryID,
			&h.Snippet, &h.Rank); err != nil {
			return res, fmt.Errorf("search: %w", err)
		}
		a.Published = fromUnix(pub)
		h.Rank = -h.Rank // bm25 is lower-is-better; expose higher-is-better
		res.Hits = append(res.Hits, h)
	}
	return res, rows.Err()
}

// FTSQuery writes a parsed query as an FTS5 expression: every term a quoted
// FTS5 string (terms hold only word characters and spaces), alternatives
// ORed, groups ANDed, exclusions NOTed. A query without a positive term
// gives "", which matches nothing.
func FTSQuery(q news.Query) string {
	if q.Empty() {
		return ""
	}
	groups := make([]string, len(q.All))
	for i, g := range q.All {
		alts := make([]string, len(g))
		for j, t := range g {
			alts[j] = `"` + t + `"`
		}
		groups[i] = "(" + strings.Join(alts, " OR ") + ")"
	}
	expr := "(" + strings.Join(groups, " AND ") + ")"
	for _, t := range q.Not {
		expr += ` NOT "` + t + `"`
	}
	return expr
}
