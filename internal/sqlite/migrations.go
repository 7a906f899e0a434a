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
	// 4: whether a page is a news article (only articles join stories) and
	// why; pages stored before were all taken as articles.
	`ALTER TABLE articles ADD COLUMN page_type TEXT NOT NULL DEFAULT 'article';
	ALTER TABLE articles ADD COLUMN page_type_why TEXT NOT NULL DEFAULT '';`,
}
