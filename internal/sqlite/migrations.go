package sqlite

// migrations is the ordered schema history; entry i brings the database to
// user_version i+1. Never edit an entry that has shipped: append a new one.
// The tables and their invariants are described in docs/schema.md.
var migrations = []string{
	`CREATE TABLE articles (
		seq                 INTEGER PRIMARY KEY AUTOINCREMENT, -- ingest order
		id                  TEXT NOT NULL UNIQUE,
		key                 TEXT NOT NULL UNIQUE,              -- url:CANONICAL or hash:CONTENT
		url                 TEXT NOT NULL DEFAULT '',
		source              TEXT NOT NULL DEFAULT '',
		title               TEXT NOT NULL DEFAULT '',
		author              TEXT NOT NULL DEFAULT '',
		path                TEXT NOT NULL DEFAULT '',
		published           INTEGER,                           -- unix seconds, NULL when unknown
		published_estimated INTEGER NOT NULL DEFAULT 0,
		ingested            INTEGER NOT NULL,
		content_hash        TEXT NOT NULL,
		revision            INTEGER NOT NULL DEFAULT 1,
		text                TEXT NOT NULL,
		analysis            BLOB NOT NULL                      -- JSON of news.Analysis
	);
	CREATE INDEX articles_published ON articles(published);
	CREATE TABLE article_revisions (
		article_id   TEXT NOT NULL,
		revision     INTEGER NOT NULL,
		content_hash TEXT NOT NULL,
		title        TEXT NOT NULL,
		text         TEXT NOT NULL,
		ingested     INTEGER NOT NULL,
		PRIMARY KEY (article_id, revision)
	);
	CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
	CREATE TABLE stories (
		id              TEXT PRIMARY KEY,
		title           TEXT NOT NULL DEFAULT '',
		article_count   INTEGER NOT NULL DEFAULT 0,
		sources         TEXT NOT NULL DEFAULT '[]',
		first_published INTEGER,
		last_published  INTEGER,
		status          TEXT NOT NULL DEFAULT '',
		view            BLOB,                                  -- JSON of news.StoryView
		updated         INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE story_articles (
		article_id TEXT PRIMARY KEY,
		story_id   TEXT NOT NULL
	);
	CREATE INDEX story_articles_story ON story_articles(story_id);`,
	// 2: stories whose membership changed since their view was saved, set
	// in the same transaction as the change, so an interrupted run leaves
	// a record of what it did not finish.
	`ALTER TABLE stories ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX stories_dirty ON stories(dirty) WHERE dirty <> 0;`,
	// 3: stories merged into others, so that their addresses lead on.
	`CREATE TABLE story_merges (
		story_id  TEXT PRIMARY KEY,
		merged_to TEXT NOT NULL
	);`,
	// 4: whether a story's first and last dates are estimated ones.
	`ALTER TABLE stories ADD COLUMN first_estimated INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE stories ADD COLUMN last_estimated INTEGER NOT NULL DEFAULT 0;`,
	// 5: subscriptions (feeds and sitemaps polled by `crosscheck follow`)
	// with their polling state, and the items already stored from them.
	`CREATE TABLE subscriptions (
		url           TEXT PRIMARY KEY,
		kind          TEXT NOT NULL,
		site          TEXT NOT NULL DEFAULT '',
		paused        INTEGER NOT NULL DEFAULT 0,
		added         INTEGER NOT NULL,                -- unix seconds; the times below NULL when never
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		last_poll     INTEGER,
		last_success  INTEGER,
		last_new      INTEGER,
		last_error    TEXT NOT NULL DEFAULT '',
		last_error_at INTEGER,
		next_poll     INTEGER,                         -- NULL: due now
		interval_s    INTEGER NOT NULL DEFAULT 0,
		items_seen    INTEGER NOT NULL DEFAULT 0,
		failures      INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX subscriptions_next_poll ON subscriptions(next_poll) WHERE paused = 0;
	CREATE TABLE seen_items (
		key  TEXT PRIMARY KEY,                         -- id:GUID or url:CANONICAL
		seen INTEGER NOT NULL
	);`,
	// 6: whether a page is a news article (only articles join stories) and
	// why; pages stored before were all taken as articles.
	`ALTER TABLE articles ADD COLUMN page_type TEXT NOT NULL DEFAULT 'article';
	ALTER TABLE articles ADD COLUMN page_type_why TEXT NOT NULL DEFAULT '';`,
	// 7: named blobs of process state (the clusterer's snapshot).
	`CREATE TABLE state (
		name  TEXT PRIMARY KEY,
		data  BLOB NOT NULL,
		saved INTEGER NOT NULL                         -- unix seconds
	);`,
	// 8: stories the clusterer archived (out of its window, not in memory),
	// found again through the full-text index when news of them comes back.
	`ALTER TABLE stories ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX stories_archived ON stories(archived) WHERE archived <> 0;`,
}
