package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/dates"
)

// runEvalDates scores the publication date estimated from an article's text
// (dates.Estimate, used when a page gives no date) against the date the page
// itself gives (its metadata), on the pages of an extraction benchmark.
func runEvalDates(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval dates", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: crosscheck eval dates [flags] DIR\n\n"+
			"For every page of DIR (html/ID.html.gz, as ../shared/data/extraction-dev) whose metadata\n"+
			"gives a publication date, estimates the date from the extracted text alone, as ingest does\n"+
			"for an undated article, and compares: how many pages get an estimate, and how many of\n"+
			"those are right (from 1 day after the page's date to 7 days before it: the estimate is the\n"+
			"day of the latest event the text reports).\n\nflags:")
		fs.PrintDefaults()
	}
	list := fs.String("list", "", "write one line per estimated page (id, page date, estimate, days off) to `FILE`")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages analysed in parallel")
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errFailed
	}
	res, err := scoreDates(ctx, fs.Arg(0), *workers, nil)
	if err != nil {
		return err
	}
	if *list != "" {
		f, err := os.Create(*list)
		if err != nil {
			return fmt.Errorf("write list: %w", err)
		}
		defer f.Close()
		out := bufio.NewWriter(f)
		defer out.Flush()
		for _, r := range res.rows {
			if !r.est.IsZero() {
				fmt.Fprintf(out, "%s\t%s\t%s\t%.0f\n", r.id, r.page.Format("2006-01-02"), r.est.Format("2006-01-02"), r.off())
			}
		}
	}
	fmt.Printf("pages with a date %d, estimated %d (%.1f%%)\n", len(res.rows), res.estimated,
		100*float64(res.estimated)/float64(max(1, len(res.rows))))
	fmt.Printf("right within a week %d (precision %.4f), within a month %d (%.4f)\n",
		res.week, res.share(res.week), res.month, res.share(res.month))
	fmt.Printf("later than the page's date %d, more than a year early %d\n", res.later, res.yearEarly)
	return nil
}

// dateRow is one page of the date benchmark: the date it gives and the one
// estimated from its text (zero when none).
type dateRow struct {
	id        string
	page, est time.Time
}

// off is how many days the estimate lies before the page's date.
func (r dateRow) off() float64 { return r.page.Sub(r.est).Hours() / 24 }

// datesResult counts the estimates of the date benchmark.
type datesResult struct {
	rows                                     []dateRow // the pages with a date, by id
	estimated, week, month, later, yearEarly int
}

// share is n as a share of the estimated pages.
func (r datesResult) share(n int) float64 {
	if r.estimated == 0 {
		return 0
	}
	return float64(n) / float64(r.estimated)
}

// scoreDates estimates the date of every page of dir that gives one, from
// its text alone, and counts how far off the estimates are; keep, when not
// nil, picks the pages by id.
func scoreDates(ctx context.Context, dir string, workers int, keep func(id string) bool) (datesResult, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "html"))
	if err != nil {
		return datesResult{}, fmt.Errorf("eval dates: %w", err)
	}
	var ids []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".html.gz"); ok && (keep == nil || keep(id)) {
			ids = append(ids, id)
		}
	}
	var (
		mu   sync.Mutex
		rows []dateRow
	)
	eachPage(ctx, workers, ids, func(id string) {
		a, err := benchmarkPage(ctx, dir, id, "")
		if err != nil || a.Published.IsZero() || a.PublishedEstimated {
			return // the page gives no date to compare with
		}
		est, _ := dates.Estimate(a.Text, dates.Find(a.Text, time.Time{}))
		mu.Lock()
		rows = append(rows, dateRow{id, a.Published, est})
		mu.Unlock()
	})
	if err := ctx.Err(); err != nil {
		return datesResult{}, err
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].id < rows[j].id })
	res := datesResult{rows: rows}
	for _, r := range rows {
		if r.est.IsZero() {
			continue
		}
		res.estimated++
		off := r.off()
		switch {
		case off < -1:
			res.later++
		case off <= 7:
			res.week++
		}
		if off >= -1 && off <= 31 {
			res.month++
		}
		if off > 365 {
			res.yearEarly++
		}
	}
	return res, nil
}
