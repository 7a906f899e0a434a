package postgres

// migrations is the ordered schema history; entry i brings the schema to
// version i+1, recorded in schema_migrations. Never edit an entry that has
// shipped: append a new one. Everything lives in the connection's current
// schema (the first of search_path), so one database can hold several
// independent crosscheck stores.
var migrations = []string{
	// 1: the text search configuration. It is "simple" (lower-case, no
	// stemming, no stop words, like SQLite's unicode61) plus the unaccent
	// dictionary when that extension can be had; without it, folding is done
	// in Go before indexing and querying and only highlights lose accents.
	`DO $$
	DECLARE ext_schema text;
	BEGIN
		BEGIN
			CREATE EXTENSION IF NOT EXISTS unaccent;
		EXCEPTION WHEN OTHERS THEN
			RAISE NOTICE 'unaccent unavailable: %', SQLERRM;
		END;
		CREATE TEXT SEARCH CONFIGURATION crosscheck (COPY = pg_catalog.simple);
		SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
			WHERE e.extname = 'unaccent';
		IF ext_schema IS NOT NULL THEN
			EXECUTE format('ALTER TEXT SEARCH CONFIGURATION crosscheck ALTER MAPPING FOR hword, hword_part, word WITH %I.unaccent, simple', ext_schema);
		END IF;
	END $$`,
	// 2: articles, revisions, stories and membership.
	`CREATE TABLE articles (
		seq                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- ingest order
		id                  TEXT NOT NULL UNIQUE,
		key                 TEXT NOT NULL UNIQUE,       -- url:CANONICAL or hash:CONTENT
		url                 TEXT NOT NULL DEFAULT '',
		source              TEXT NOT NULL DEFAULT '',
		title               TEXT NOT NULL DEFAULT '',
		author              TEXT NOT NULL DEFAULT '',
		path                TEXT NOT NULL DEFAULT '',
		published           TIMESTAMPTZ,                -- NULL when unknown
		published_estimated BOOLEAN NOT NULL DEFAULT false,
		ingested            TIMESTAMPTZ NOT NULL,
		content_hash        TEXT NOT NULL,
		revision            INTEGER NOT NULL DEFAULT 1,
		text                TEXT NOT NULL,
		analysis            JSONB NOT NULL,             -- news.Analysis
		search              TSVECTOR NOT NULL           -- title (weight A) and text (weight B), diacritics folded
	);
	CREATE INDEX articles_published ON articles (published);
	CREATE INDEX articles_search ON articles USING GIN (search);
	CREATE TABLE article_revisions (
		article_id   TEXT NOT NULL,
		revision     INTEGER NOT NULL,
		content_hash TEXT NOT NULL,
		title        TEXT NOT NULL,
		text         TEXT NOT NULL,
		ingested     TIMESTAMPTZ NOT NULL,
		PRIMARY KEY (article_id, revision)
	);
	CREATE TABLE stories (
		id              TEXT PRIMARY KEY,
		title           TEXT NOT NULL DEFAULT '',
		article_count   INTEGER NOT NULL DEFAULT 0,
		sources         JSONB NOT NULL DEFAULT '[]',
		first_published TIMESTAMPTZ,
		last_published  TIMESTAMPTZ,
		status          TEXT NOT NULL DEFAULT '',
		view            JSONB,                          -- news.StoryView
		updated         TIMESTAMPTZ NOT NULL DEFAULT now()
	);
	CREATE TABLE story_articles (
		article_id TEXT PRIMARY KEY,
		story_id   TEXT NOT NULL
	);
	CREATE INDEX story_articles_story ON story_articles (story_id);`,
	// 3: stories whose membership changed since their view was saved (see
	// the SQLite migration of the same name).
	`ALTER TABLE stories ADD COLUMN dirty BOOLEAN NOT NULL DEFAULT false;
	CREATE INDEX stories_dirty ON stories (dirty) WHERE dirty;`,
	// 4: stories merged into others, so that their addresses lead on.
	`CREATE TABLE story_merges (
		story_id  TEXT PRIMARY KEY,
		merged_to TEXT NOT NULL
	);`,
	// 5: whether a story's first and last dates are estimated ones.
	`ALTER TABLE stories ADD COLUMN first_estimated BOOLEAN NOT NULL DEFAULT false;
	ALTER TABLE stories ADD COLUMN last_estimated BOOLEAN NOT NULL DEFAULT false;`,
	// 6: subscriptions and the items already stored from them (see the
	// SQLite migration of the same name).
	`CREATE TABLE subscriptions (
		url           TEXT PRIMARY KEY,
		kind          TEXT NOT NULL,
		site          TEXT NOT NULL DEFAULT '',
		paused        BOOLEAN NOT NULL DEFAULT false,
		added         TIMESTAMPTZ NOT NULL,
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		last_poll     TIMESTAMPTZ,
		last_success  TIMESTAMPTZ,
		last_new      TIMESTAMPTZ,
		last_error    TEXT NOT NULL DEFAULT '',
		last_error_at TIMESTAMPTZ,
		next_poll     TIMESTAMPTZ,                     -- NULL: due now
		interval_s    BIGINT NOT NULL DEFAULT 0,
		items_seen    INTEGER NOT NULL DEFAULT 0,
		failures      INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX subscriptions_next_poll ON subscriptions (next_poll) WHERE NOT paused;
	CREATE TABLE seen_items (
		key  TEXT PRIMARY KEY,                         -- id:GUID or url:CANONICAL
		seen TIMESTAMPTZ NOT NULL DEFAULT now()
	);`,
	// 7: whether a page is a news article and why (see the SQLite
	// migration of the same name).
	`ALTER TABLE articles ADD COLUMN page_type TEXT NOT NULL DEFAULT 'article';
	ALTER TABLE articles ADD COLUMN page_type_why TEXT NOT NULL DEFAULT '';`,
	// 8: named blobs of process state (see the SQLite migration of the same
	// name).
	`CREATE TABLE state (
		name  TEXT PRIMARY KEY,
		data  BYTEA NOT NULL,
		saved TIMESTAMPTZ NOT NULL DEFAULT now()
	);`,
	// 9: the dirty mark counts changes, so that a rebuilder running beside
	// the assigner leaves a story dirty when it changed during the rebuild.
	`DROP INDEX stories_dirty;
	ALTER TABLE stories ALTER COLUMN dirty DROP DEFAULT;
	ALTER TABLE stories ALTER COLUMN dirty TYPE BIGINT USING (CASE WHEN dirty THEN 1 ELSE 0 END);
	ALTER TABLE stories ALTER COLUMN dirty SET DEFAULT 0;
	CREATE INDEX stories_dirty ON stories (dirty) WHERE dirty <> 0;`,
	// 10: stories the clusterer archived (see the SQLite migration of the
	// same name).
	`ALTER TABLE stories ADD COLUMN archived BOOLEAN NOT NULL DEFAULT false;
	CREATE INDEX stories_archived ON stories (archived) WHERE archived;`,
}
