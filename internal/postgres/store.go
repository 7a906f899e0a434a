// Package postgres is crosscheck's store for the distributed deployment:
// news.Store on PostgreSQL through pgx, with raw SQL, an ordered migration
// list and tsvector full-text search with diacritics folded.
package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck-news/crosscheck/internal/news"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Store implements news.Store on a PostgreSQL schema.
type Store struct {
	db *sql.DB
}

var _ news.Store = (*Store)(nil)

// IsURL reports whether a --db value names a PostgreSQL database.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at dsn (a postgres:// URL or key=value
// string; a search_path parameter picks the schema) and migrates it.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the missing migrations, each in its own transaction, under
// an advisory lock so processes starting together migrate once.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('crosscheck migrate ' || current_schema()))`); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return false, fmt.Errorf("database schema version %d is newer than this crosscheck (%d)", v, len(migrations))
	}
	if v == len(migrations) {
		return true, tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v+1); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	return v+1 == len(migrations), nil
}

// Fold removes diacritics (é → e) so that search matches with or without
// them; the database's unaccent dictionary, when present, does the same for
// highlighting.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

func timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func fromNull(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

const searchVector = `setweight(to_tsvector('crosscheck', $1), 'A') || setweight(to_tsvector('crosscheck', $2), 'B')`

// SaveArticle implements news.ArticleStore. The row for the article's key is
// locked while a revision is written, so concurrent workers saving the same
// article agree on one result.
func (s *Store) SaveArticle(ctx context.Context, a *news.Article) (news.SaveResult, error) {
	a.ContentHash = news.ContentHash(a.Text)
	key := news.ArticleKey(a)
	analysis, err := json.Marshal(&a.Analysis)
	if err != nil {
		return 0, fmt.Errorf("save article: %w", err)
	}
	if a.Ingested.IsZero() {
		a.Ingested = time.Now().UTC()
	}
	for range 3 {
		res, retry, err := s.save(ctx, a, key, string(analysis))
		if err != nil {
			return 0, fmt.Errorf("save article: %w", err)
		}
		if !retry {
			return res, nil
		}
	}
	return 0, fmt.Errorf("save article %s: concurrent inserts did not settle", key)
}

// SaveArticles implements news.ArticleStore. Each article is its own
// transaction: in the distributed mode many workers save concurrently and
// short transactions keep row locks brief.
func (s *Store) SaveArticles(ctx context.Context, arts []*news.Article) ([]news.SaveResult, error) {
	out := make([]news.SaveResult, len(arts))
	for i, a := range arts {
		res, err := s.SaveArticle(ctx, a)
		if err != nil {
			return nil, err
		}
		out[i] = res
	}
	return out, nil
}

// save runs one attempt; retry is true when another transaction inserted the
// same key between our lookup and our insert.
func (s *Store) save(ctx context.Context, a *news.Article, key, analysis string) (res news.SaveResult, retry bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	var (
		id, hash string
		rev      int
		seq      int64
	)
	err = tx.QueryRowContext(ctx, `SELECT seq, id, content_hash, revision FROM articles WHERE key = $1 FOR UPDATE`, key).
		Scan(&seq, &id, &hash, &rev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	found := err == nil
	if found && hash == a.ContentHash {
		a.ID, a.Revision = id, rev
		return news.Unchanged, false, tx.Commit()
	}
	title, text := Fold(a.Title), Fold(a.Text)
	if !found {
		a.ID, a.Revision = news.IDFor(key), 1
		err := tx.QueryRowContext(ctx, `INSERT INTO articles (search, id, key, url, source, title, author, path, published,
			published_estimated, ingested, content_hash, revision, text, analysis, page_type, page_type_why)
			VALUES (`+searchVector+`, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
			ON CONFLICT DO NOTHING RETURNING seq`, // any unique index: id follows from key
			title, text, a.ID, key, a.URL, a.Source, a.Title, a.Author, a.Path, timeOrNil(a.Published),
			a.PublishedEstimated, a.Ingested.UTC(), a.ContentHash, a.Revision, a.Text, analysis,
			pageType(a), a.PageTypeWhy).Scan(&seq)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, true, nil
		}
		if err != nil {
			return 0, false, err
		}
		return news.New, false, tx.Commit()
	}
	a.ID, a.Revision = id, rev+1
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_revisions (article_id, revision, content_hash, title, text, ingested)
		SELECT id, revision, content_hash, title, text, ingested FROM articles WHERE seq = $1
		ON CONFLICT DO NOTHING`, seq); err != nil {
		return 0, false, fmt.Errorf("save revision: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET search = `+searchVector+`, url = $3, source = $4, title = $5,
		author = $6, path = $7, published = $8, published_estimated = $9, ingested = $10, content_hash = $11,
		revision = $12, text = $13, analysis = $14, page_type = $15, page_type_why = $16 WHERE seq = $17`,
		title, text, a.URL, a.Source, a.Title, a.Author, a.Path, timeOrNil(a.Published), a.PublishedEstimated,
		a.Ingested.UTC(), a.ContentHash, a.Revision, a.Text, analysis, pageType(a), a.PageTypeWhy, seq); err != nil {
		return 0, false, err
	}
	return news.Updated, false, tx.Commit()
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
		a        news.Article
		pub      sql.NullTime
		analysis []byte
	)
	if err := row.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Author, &a.Path, &pub, &a.PublishedEstimated,
		&a.Ingested, &a.ContentHash, &a.Revision, &a.Text, &analysis, &a.PageType, &a.PageTypeWhy); err != nil {
		return nil, err
	}
	a.Published, a.Ingested = fromNull(pub), a.Ingested.UTC()
	if err := json.Unmarshal(analysis, &a.Analysis); err != nil {
		return nil, fmt.Errorf("article %s analysis: %w", a.ID, err)
	}
	return &a, nil
}

// Article implements news.ArticleStore.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = $1`, id))
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
		rows, err := s.db.QueryContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = ANY($1)`, chunk)
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
		return fmt.Sprintf(" OFFSET %d", max(opt.Offset, 0))
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", opt.Limit, max(opt.Offset, 0))
}

const summaryCols = `a.id, a.title, a.source, a.url, a.path, a.published, a.published_estimated, COALESCE(sa.story_id, '')`

func scanSummary(row interface{ Scan(...any) error }, extra ...any) (news.ArticleSummary, error) {
	var (
		s   news.ArticleSummary
		pub sql.NullTime
	)
	err := row.Scan(append([]any{&s.ID, &s.Title, &s.Source, &s.URL, &s.Path, &pub, &s.PublishedEstimated, &s.StoryID}, extra...)...)
	s.Published = fromNull(pub)
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

// headlineOptions make ts_headline mark matches like SQLite's snippet().
const headlineOptions = `StartSel=[[, StopSel=]], MinWords=12, MaxWords=30, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`

// Search implements news.ArticleStore. Title matches weigh more than text
// matches; the query is folded as the indexed text is.
func (s *Store) Search(ctx context.Context, query string, opt news.SearchOptions) (news.SearchResult, error) {
	res := news.SearchResult{Hits: []news.SearchHit{}}
	q := news.ParseQuery(Fold(query))
	if q.Empty() {
		return res, nil
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = 20
	}
	tsq, args := TSQuery(q, []any{limit})
	where := "a.search @@ q.q"
	if opt.Source != "" {
		args = append(args, opt.Source)
		where += fmt.Sprintf(" AND lower(a.source) = lower($%d)", len(args))
	}
	if !opt.From.IsZero() {
		args = append(args, opt.From)
		where += fmt.Sprintf(" AND a.published >= $%d", len(args))
	}
	if !opt.To.IsZero() {
		args = append(args, opt.To)
		where += fmt.Sprintf(" AND a.published < $%d", len(args))
	}
	rows, err := s.db.QueryContext(ctx, `WITH q AS (SELECT `+tsq+` AS q),
		matched AS (SELECT a.seq, ts_rank(a.search, q.q) AS rank FROM articles a, q WHERE `+where+`),
		hits AS (SELECT seq, rank FROM matched ORDER BY rank DESC, seq LIMIT $1)
		SELECT `+summaryCols+`, ts_headline('crosscheck', a.text, q.q, '`+headlineOptions+`'), hits.rank,
			(SELECT count(*) FROM matched)
		FROM hits JOIN articles a ON a.seq = hits.seq CROSS JOIN q
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		ORDER BY hits.rank DESC, a.seq`, args...)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h news.SearchHit
		if h.Article, err = scanSummary(rows, &h.Snippet, &h.Rank, &res.Total); err != nil {
			return res, fmt.Errorf("search: %w", err)
		}
		res.Hits = append(res.Hits, h)
	}
	return res, rows.Err()
}

// TSQuery writes a parsed query as a tsquery expression over bind
// parameters appended to args: each term through phraseto_tsquery (terms
// hold only word characters and spaces), alternatives ORed with ||, groups
// ANDed with &&, exclusions negated with !!.
func TSQuery(q news.Query, args []any) (string, []any) {
	term := func(t string) string {
		args = append(args, t)
		return fmt.Sprintf("phraseto_tsquery('crosscheck', $%d)", len(args))
	}
	var parts []string
	for _, g := range q.All {
		alts := make([]string, len(g))
		for j, t := range g {
			alts[j] = term(t)
		}
		parts = append(parts, "("+strings.Join(alts, " || ")+")")
	}
	for _, t := range q.Not {
		parts = append(parts, "!! "+term(t))
	}
	return strings.Join(parts, " && "), args
}

// DB exposes the connection pool for maintenance and tests.
func (s *Store) DB() *sql.DB { return s.db }
