// Package ingest reads articles from files, directories and standard input
// (plain text, HTML pages, JSONL, RSS/Atom/JSON feeds and WARC crawls; each
// optionally gzip-compressed) and turns them into news.Documents, streaming,
// reporting each bad input with its file and line, feed item or WARC record
// while the good articles around it go on.
package ingest
