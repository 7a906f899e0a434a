package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
)

func runIngest(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), `usage: crosscheck ingest [flags] PATH|URL...

Reads articles from files, directories (recursively), - (standard input)
and http(s) URLs: a page is one article, a feed's or a sitemap's pages are
fetched (politely: see docs/follow.md). Files may be
plain text (.txt), HTML pages (.html, .htm), JSONL (.jsonl, .ndjson, .json),
feeds (.rss, .atom, .xml, JSON Feed .json) and WARC crawls (.warc), each
optionally gzip-compressed (.gz); other names are recognised by content.
Each bad input is reported on its own line with its file and line (feed
item, WARC record); the good articles around it are still stored. Exit status 1 when anything failed.

flags:`)
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "analysis goroutines (default: one per core)")
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	queue := fs.String("queue", "", "publish documents to this NATS server (nats://...) for 'crosscheck worker' instead of analysing them here")
	ff := addFetchFlags(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return badUsage(fmt.Errorf("no input: give files, directories, URLs or - for standard input"))
	}
	fetcher, err := ff.fetcher()
	if err != nil {
		return err
	}
	rd := &ingest.Reader{}
	src := inputs(rd, &follow.Web{Fetch: fetcher, Reader: rd}, fs.Args())
	if *queue != "" {
		return publishDocuments(ctx, *queue, src, *quiet)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	e, err := newEngine(ctx, store)
	if err != nil && ctx.Err() != nil {
		fmt.Fprintln(os.Stderr, "crosscheck ingest: interrupted before reading anything")
		return errFailed
	}
	if err != nil {
		return err
	}
	if *workers > 0 {
		e.workers = *workers
	}
	bar := newProgress(os.Stderr, *quiet)
	sum, err := e.run(ctx, src, func(err error) {
		bar.clear()
		fmt.Fprintf(os.Stderr, "crosscheck ingest: %v\n", err)
	}, bar.update)
	bar.clear()
	if err != nil && ctx.Err() != nil {
		// Ctrl-C or a termination signal: say so once, not per article.
		fmt.Fprintf(os.Stderr, "crosscheck ingest: interrupted after %s (%d new); run the same command again to finish\n",
			plural(sum.Read, "article read", "articles read"), sum.New)
		return errFailed
	}
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintln(os.Stderr, sum)
	}
	if sum.Failed > 0 {
		return errFailed
	}
	return nil
}

// progress draws a one-line progress display on a terminal, and nothing
// when the output is not a terminal.
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
	drawn bool
}

func newProgress(f *os.File, quiet bool) *progress {
	st, err := f.Stat()
	on := !quiet && err == nil && st.Mode()&os.ModeCharDevice != 0
	return &progress{w: f, on: on, start: time.Now()}
}

func (p *progress) update(s summary) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(s.Read) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\033[K%s %d read · %d new · %d unchanged · %d updated · %d failed · %.0f/s",
		spinner[s.Read%len(spinner)], s.Read, s.New, s.Unchanged, s.Updated, s.Failed, rate)
	p.drawn = true
}

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
