package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/story"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// newFlags makes a command's flag set with its usage text.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	usageOf.Store(fs, usage)
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintf(fs.Output(), "usage: crosscheck %s\n\nflags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// usageOf maps a command's flag set to its usage line.
var usageOf sync.Map

// argNames are the arguments a usage line names: its upper-case words
// outside brackets ("story ID [--json]" → ID).
func argNames(usage string) []string {
	var out []string
	depth := 0
	for _, w := range strings.Fields(usage)[1:] {
		if depth == 0 && !strings.HasPrefix(w, "[") && !strings.HasPrefix(w, "-") && strings.ToUpper(w) == w {
			out = append(out, strings.TrimSuffix(w, "..."))
		}
		depth += strings.Count(w, "[") - strings.Count(w, "]")
	}
	return out
}

// withStore parses flags, opens the store and runs f with it.
func withStore(ctx context.Context, fs *flag.FlagSet, args []string, nargs int, f func(news.Store) error) error {
	return withCheckedStore(ctx, fs, args, nargs, nil, f)
}

// withCheckedStore is withStore with check run on the parsed flags and
// arguments before the store is opened: a usage error is told as one
// whether or not a store exists.
func withCheckedStore(ctx context.Context, fs *flag.FlagSet, args []string, nargs int, check func() error, f func(news.Store) error) error {
	db := dbFlag(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if nargs >= 0 && fs.NArg() != nargs || nargs < 0 && fs.NArg() == 0 {
		fs.Usage()
		line, _ := usageOf.Load(fs)
		names := argNames(line.(string))
		switch {
		case fs.NArg() < max(nargs, 1) && fs.NArg() < len(names):
			return badUsage(fmt.Errorf("missing %s", strings.Join(names[fs.NArg():], " and ")))
		default:
			return badUsage(fmt.Errorf("unexpected argument %q", fs.Arg(max(nargs, 0))))
		}
	}
	if check != nil {
		if err := check(); err != nil {
			return badUsage(err)
		}
	}
	open := openExistingStore
	if fs.Name() == "demo" {
		open = openStore // the demo makes its store
	}
	s, err := open(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	return f(s)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func date(a news.ArticleSummary) string {
	if a.Published.IsZero() {
		return "undated"
	}
	return a.Published.Format("2006-01-02") + tilde(a.PublishedEstimated)
}

// tilde marks an estimated date; estimatedNote explains the mark under a
// table that shows one.
func tilde(estimated bool) string {
	if estimated {
		return "~"
	}
	return ""
}

const estimatedNote = "~ date estimated from the dates the text mentions (the article is from that day or later)"

func runArticles(ctx context.Context, args []string) error {
	fs := newFlags("articles", "articles [--json] [--limit N] [--offset N]")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 0, "at most N articles (0: all)")
	offset := fs.Int("offset", 0, "skip the first N articles")
	return withStore(ctx, fs, args, 0, func(s news.Store) error {
		list, err := s.Articles(ctx, news.ListOptions{Limit: *limit, Offset: *offset})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(os.Stdout, list)
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tSOURCE\tTITLE")
		marked := false
		for _, a := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, date(a), news.Outlet(a.Source, a.URL, a.Path), clip(a.Title, 90))
			marked = marked || a.PublishedEstimated
		}
		if err := tw.Flush(); err != nil || !marked {
			return err
		}
		_, err = fmt.Println(estimatedNote)
		return err
	})
}

func runArticle(ctx context.Context, args []string) error {
	fs := newFlags("article", "article ID [--json] [--removed]")
	asJSON := fs.Bool("json", false, "print JSON: metadata, cleaned text and analysis (spans are byte offsets into text)")
	removed := fs.Bool("removed", false, "show what cleaning removed, with reasons")
	return withStore(ctx, fs, args, 1, func(s news.Store) error {
		a, err := s.Article(ctx, fs.Arg(0))
		if errors.Is(err, news.ErrNotFound) {
			return fmt.Errorf("no article %q: `crosscheck articles` lists them", fs.Arg(0))
		}
		if err != nil {
			return err
		}
		if *asJSON {
			if !*removed {
				a.Removed = nil
			}
			return writeJSON(os.Stdout, a)
		}
		if *removed {
			if len(a.Removed) == 0 {
				fmt.Println("Cleaning removed nothing.")
			}
			for _, r := range a.Removed {
				fmt.Printf("[%s] at %d: %s\n", r.Reason, r.At, r.Text)
			}
			return nil
		}
		id := a.ID
		if a.InputID != "" {
			id += " (input id " + a.InputID + ")"
		}
		fmt.Printf("%s\n%s · %s · %s\n%s\n%s\n\n%s\n", a.Title, news.OutletOf(a), date(a.Summary()), id, first(a.URL, a.Path),
			pageTypeLine(a), a.Text)
		return nil
	})
}

// pageTypeLine says whether the page is a news article and why.
func pageTypeLine(a *news.Article) string {
	t := a.PageType
	if t == "" {
		t = news.PageArticle
	}
	line := "page type: " + string(t)
	if !t.IsArticle() {
		line += " (not news: kept out of stories)"
	}
	if a.PageTypeWhy != "" {
		line += " · " + a.PageTypeWhy
	}
	return line
}

// reorder moves flags given after positional arguments to the front, so
// that "article ID --json" works as well as "article --json ID". A flag that
// takes a value keeps its value with it.
func reorder(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && i+1 < len(args) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	return append(flags, pos...)
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func runStories(ctx context.Context, args []string) error {
	fs := newFlags("stories", "stories [--json] [--sort size|fresh|growth] [--source OUTLET] [--from DAY] [--to DAY] [--limit N] [--offset N]")
	asJSON := fs.Bool("json", false, "print JSON")
	sortBy := fs.String("sort", "size", "order: size (articles), fresh (latest article) or growth (articles ingested since --since)")
	sinceArg := fs.String("since", "24h", "with --sort growth, count the articles ingested since `TIME` (RFC 3339, YYYY-MM-DD, or a duration ago such as 24h)")
	source := fs.String("source", "", "only stories with an article from this outlet (case-insensitive)")
	from := fs.String("from", "", "only stories with an article published on or after this day (YYYY-MM-DD)")
	to := fs.String("to", "", "only stories with an article published on or before this day (YYYY-MM-DD)")
	limit := fs.Int("limit", 0, "at most N stories (0: all)")
	offset := fs.Int("offset", 0, "skip the first N stories")
	opt := news.ListOptions{}
	check := func() error {
		if *sortBy != "size" && *sortBy != "fresh" && *sortBy != "growth" {
			return fmt.Errorf("--sort must be size, fresh or growth, not %q", *sortBy)
		}
		var err error
		if opt.GrowthSince, err = api.ParseSince(*sinceArg, time.Now()); err != nil {
			return fmt.Errorf("--since %w", err)
		}
		opt.From, opt.To, err = api.DateRange(*from, *to)
		opt.Source, opt.Sort, opt.Limit, opt.Offset = strings.TrimSpace(*source), *sortBy, *limit, *offset
		return err
	}
	return withCheckedStore(ctx, fs, args, 0, check, func(s news.Store) error {
		list, err := s.Stories(ctx, opt)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(os.Stdout, list)
		}
		if len(list) == 0 && (opt.Source != "" || *from != "" || *to != "") {
			_, err := fmt.Println("No story matches these filters.")
			return err
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		growth, head := opt.Sort == "growth", "ID\tARTICLES\tSOURCES\tFIRST\tLAST\tTITLE"
		if growth {
			head = "ID\tARTICLES\tNEW\tSOURCES\tFIRST\tLAST\tTITLE"
		}
		fmt.Fprintln(tw, head)
		marked := false
		for _, st := range list {
			if growth && st.Recent != nil {
				fmt.Fprintf(tw, "%s\t%d\t+%d\t", st.ID, st.ArticleCount, *st.Recent)
			} else {
				fmt.Fprintf(tw, "%s\t%d\t", st.ID, st.ArticleCount)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", len(st.Sources),
				day(st.FirstPublished.Format("2006-01-02"), st.FirstPublished.IsZero())+tilde(st.FirstEstimated),
				day(st.LastPublished.Format("2006-01-02"), st.LastPublished.IsZero())+tilde(st.LastEstimated), clip(st.Title, 80))
			marked = marked || st.FirstEstimated || st.LastEstimated
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if growth {
			fmt.Printf("NEW: articles ingested since %s.\n", opt.GrowthSince.Local().Format("2006-01-02 15:04 MST"))
		}
		if marked {
			fmt.Println(estimatedNote)
		}
		return nil
	})
}

func day(s string, zero bool) string {
	if zero {
		return "-"
	}
	return s
}

func runStory(ctx context.Context, args []string) error {
	fs := newFlags("story", "story ID [--json|--markdown|--csv] [--since TIME]")
	asJSON := fs.Bool("json", false, "print the story JSON (docs/json.md)")
	md := fs.Bool("markdown", false, "print the sheet as Markdown")
	asCSV := fs.Bool("csv", false, "print articles, claims, stances and quotes as one CSV table (docs/json.md)")
	sinceArg := fs.String("since", "", "print what changed since `TIME` instead (RFC 3339, YYYY-MM-DD, or a duration ago such as 24h): new articles, new claims, status changes")
	var since time.Time
	check := func() error {
		if count([]bool{*asJSON, *md, *asCSV}) > 1 {
			return errors.New("--json, --markdown and --csv: give one")
		}
		if *sinceArg != "" {
			t, err := api.ParseSince(*sinceArg, time.Now())
			if err != nil {
				return fmt.Errorf("--since %w", err)
			}
			if *md || *asCSV {
				return errors.New("--since prints text or --json")
			}
			since = t
		}
		return nil
	}
	return withCheckedStore(ctx, fs, args, 1, check, func(s news.Store) error {
		if !since.IsZero() {
			return storyChanges(ctx, s, fs.Arg(0), since, *asJSON)
		}
		v, err := s.View(ctx, fs.Arg(0))
		if errors.Is(err, news.ErrNotFound) {
			if to, merr := s.MergedInto(ctx, fs.Arg(0)); merr == nil {
				v, err = s.View(ctx, to) // merged into another: show that one
				fmt.Fprintf(os.Stderr, "story %s was merged into %s\n", fs.Arg(0), to)
			}
		}
		if errors.Is(err, news.ErrNotFound) {
			return fmt.Errorf("no story %q: `crosscheck stories` lists them", fs.Arg(0))
		}
		if err != nil {
			return err
		}
		switch {
		case *asJSON:
			return writeJSON(os.Stdout, v)
		case *asCSV:
			return story.WriteCSV(os.Stdout, v)
		}
		return story.Render(os.Stdout, v, story.Options{Markdown: *md, Text: story.StoreTexts(ctx, s)})
	})
}

// storyChanges prints what changed in a story since a time.
func storyChanges(ctx context.Context, s news.Store, id string, since time.Time, asJSON bool) error {
	// Reading only: the story stages without the engine (no writer lock,
	// no clusterer to restore).
	ch, err := changesOf(s)(ctx, id, since)
	if errors.Is(err, news.ErrNotFound) {
		return fmt.Errorf("no story %q: `crosscheck stories` lists them", id)
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(os.Stdout, ch)
	}
	fmt.Printf("Story %s since %s: %s, %s, %s.\n", ch.StoryID, since.Format(time.RFC3339),
		words.Count(len(ch.Articles), "new article"), words.Count(len(ch.Claims), "new claim"),
		words.Count(len(ch.Statuses), "status change"))
	for _, a := range ch.Articles {
		fmt.Printf("  article  %s · %s · %s\n", a.Source, a.ID, clip(a.Title, 90))
	}
	for _, c := range ch.Claims {
		fmt.Printf("  claim    %s: %s\n", c.Status, clip(c.Text, 120))
	}
	for _, c := range ch.Statuses {
		fmt.Printf("  status   %s → %s: %s (%s)\n", c.Was, c.Now, clip(c.Text, 100), clip(c.Reason, 120))
	}
	return nil
}

func runSearch(ctx context.Context, args []string) error {
	fs := newFlags("search", "search QUERY [--source OUTLET] [--from DAY] [--to DAY] [--json] [--limit N]")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 20, "at most N results")
	source := fs.String("source", "", "only articles from this outlet (case-insensitive)")
	from := fs.String("from", "", "only articles published on or after this day (YYYY-MM-DD)")
	to := fs.String("to", "", "only articles published on or before this day (YYYY-MM-DD)")
	opt := news.SearchOptions{}
	check := func() error {
		if strings.TrimSpace(strings.Join(fs.Args(), " ")) == "" {
			return errors.New("empty search: give words to look for")
		}
		var err error
		opt.From, opt.To, err = api.DateRange(*from, *to)
		opt.Source, opt.Limit = strings.TrimSpace(*source), *limit
		return err
	}
	return withCheckedStore(ctx, fs, args, -1, check, func(s news.Store) error {
		q := strings.TrimSpace(strings.Join(fs.Args(), " "))
		res, err := s.Search(ctx, q, opt)
		if err != nil {
			return err
		}
		hits := res.Hits
		if *asJSON {
			return writeJSON(os.Stdout, hits)
		}
		where := ""
		if opt.Source != "" {
			where += " from " + opt.Source
		}
		if *from != "" {
			where += " since " + *from
		}
		if *to != "" {
			where += " until " + *to
		}
		if len(hits) == 0 {
			fmt.Printf("No article matches %q%s.\n", q, where)
		} else if len(hits) < res.Total {
			fmt.Printf("%s matching %q%s; the first %d (--limit shows more):\n", words.Count(res.Total, "article"), q, where, len(hits))
		} else {
			fmt.Printf("%s matching %q%s:\n", words.Count(res.Total, "article"), q, where)
		}
		tty := isTerminal(os.Stdout)
		for i, h := range hits {
			snip := h.Snippet
			if tty {
				snip = strings.NewReplacer("[[", "\033[1;33m", "]]", "\033[0m").Replace(snip)
			}
			fmt.Printf("%d. %s · %s · %s\n   %s\n", i+1, h.Article.Title, news.Outlet(h.Article.Source, h.Article.URL, h.Article.Path), h.Article.ID,
				strings.Join(strings.Fields(snip), " "))
		}
		return nil
	})
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
