package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/words"
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
	window := storyWindowFlag(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	ecfg, err := window.config()
	if err != nil {
		return badUsage(err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return badUsage(fmt.Errorf("no input: give files, directories, URLs or - for standard input"))
	}
	fetcher, err := ff.fetcher()
	if err != nil {
		return err
	}
	rd := &ingest.Reader{Consumed: new(atomic.Int64)}
	src := inputs(rd, &follow.Web{Fetch: fetcher, Reader: rd}, fs.Args())
	if *queue != "" {
		return publishDocuments(ctx, *queue, src, *quiet)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if *workers > 0 {
		ecfg.Workers = *workers
	}
	e, err := engine.New(ctx, store, ecfg)
	if err != nil && ctx.Err() != nil {
		fmt.Fprintln(os.Stderr, "crosscheck ingest: interrupted before reading anything")
		return errFailed
	}
	if err != nil {
		return err
	}
	bar := newProgress(os.Stderr, *quiet)
	if bar.on {
		bar.measure(rd, fs.Args())
	}
	sum, err := e.Run(ctx, src, func(err error) {
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
// when the output is not a terminal. When the inputs are files and
// directories only, it knows their total size and shows a percentage and
// an ETA from the bytes the reader has consumed; otherwise a rate and count.
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
	drawn bool
	files int
	total int64         // bytes of all input files; 0 when unknown
	done  *atomic.Int64 // bytes read so far
}

func newProgress(f *os.File, quiet bool) *progress {
	st, err := f.Stat()
	on := !quiet && err == nil && st.Mode()&os.ModeCharDevice != 0
	return &progress{w: f, on: on, start: time.Now()}
}

// measure walks the inputs as rd will, unless one is a URL or standard
// input, whose size is unknown.
func (p *progress) measure(rd *ingest.Reader, args []string) {
	for _, a := range args {
		if follow.IsURL(a) {
			return
		}
	}
	if files, bytes, ok := rd.Size(args); ok && bytes > 0 {
		p.files, p.total, p.done = files, bytes, rd.Consumed
	}
}

func (p *progress) update(s engine.Summary) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	var done int64
	if p.done != nil {
		done = p.done.Load()
	}
	fmt.Fprint(p.w, "\r\033[K"+progressLine(s, done, p.total, p.files, time.Since(p.start)))
	p.drawn = true
}

// progressLine is the text of the display: with a known total, the share
// of bytes read, of how many, the files and an estimate of the time left;
// always the counts and the rate of articles.
func progressLine(s engine.Summary, done, total int64, files int, elapsed time.Duration) string {
	rate := 0.0
	if elapsed > 0 {
		rate = float64(s.Read) / elapsed.Seconds()
	}
	counts := fmt.Sprintf("%d read · %d new · %d unchanged · %d updated · %d failed · %.0f/s",
		s.Read, s.New, s.Unchanged, s.Updated, s.Failed, rate)
	if total <= 0 {
		return spinner[s.Read%len(spinner)] + " " + counts
	}
	done = min(done, total)
	eta := "ETA —"
	if done > 0 && elapsed > time.Second {
		left := elapsed.Seconds() * float64(total-done) / float64(done)
		if left > 99*3600 {
			eta = "ETA over 99h"
		} else {
			eta = "ETA " + (time.Duration(left) * time.Second).Round(time.Second).String()
		}
	}
	return fmt.Sprintf("%3.0f%% of %s in %s · %s · %s", 100*float64(done)/float64(total),
		byteSize(total), words.Count(files, "file"), eta, counts)
}

// byteSize is n in B, kB, MB or GB.
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1e6:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1e9:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
