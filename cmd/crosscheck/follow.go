package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// followers are the `crosscheck follow ACTION` subcommands.
var followers = map[string]func(ctx context.Context, args []string) error{
	"add":    runFollowAdd,
	"list":   runFollowList,
	"remove": runFollowRemove,
	"pause":  func(ctx context.Context, args []string) error { return runFollowPause(ctx, "pause", args, true) },
	"resume": func(ctx context.Context, args []string) error { return runFollowPause(ctx, "resume", args, false) },
	"run":    runFollowRun,
}

const followUsage = `usage: crosscheck follow ACTION [flags] [URL...]

Subscriptions to feeds (RSS, Atom, JSON Feed) and news sitemaps, kept in the
store and polled politely (docs/follow.md):

  add URL...        subscribe; a site's home page is followed through the
                    feed it announces (<link rel="alternate">)
  list [--json]     each subscription's state: items seen, last success,
                    last error, next poll
  remove URL...     unsubscribe (the feed's URL or the page it was found on)
  pause URL...      stop polling, keeping the state
  resume URL...     poll again
  run [--once]      poll the due subscriptions and ingest their new items,
                    round after round (--once: one round, for cron);
                    --queue nats://... publishes them to the workers

Run 'crosscheck follow ACTION -h' for an action's flags.`

func runFollow(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(os.Stderr, followUsage)
		if len(args) == 0 {
			return badUsage(errors.New("no action"))
		}
		return flag.ErrHelp
	}
	f, ok := followers[args[0]]
	if !ok {
		fmt.Fprintln(os.Stderr, followUsage)
		return badUsage(fmt.Errorf("unknown action %q", args[0]))
	}
	return f(ctx, args[1:])
}

// subscriptionStore is the store's subscription part.
func subscriptionStore(s news.Store) (news.SubscriptionStore, error) {
	ss, ok := s.(news.SubscriptionStore)
	if !ok {
		return nil, errors.New("this store keeps no subscriptions")
	}
	return ss, nil
}

func runFollowAdd(ctx context.Context, args []string) error {
	fs := newFlags("follow add", "follow add [flags] URL...")
	db := dbFlag(fs)
	ff := addFetchFlags(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return badUsage(errors.New("no URL: give feed, sitemap or home page URLs"))
	}
	fetcher, err := ff.fetcher()
	if err != nil {
		return err
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	subs, err := subscriptionStore(store)
	if err != nil {
		return err
	}
	web := &follow.Web{Fetch: fetcher, Reader: &ingest.Reader{}}
	failed := false
	for _, u := range fs.Args() {
		if !follow.IsURL(u) {
			fmt.Fprintf(os.Stderr, "crosscheck follow: %s: not an http or https URL\n", u)
			failed = true
			continue
		}
		sub, err := web.Discover(ctx, u)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(os.Stderr, "crosscheck follow: %v\n", err)
			failed = true
			continue
		}
		added, err := subs.AddSubscription(ctx, &sub)
		if err != nil {
			return err
		}
		what := sub.URL + " (" + sub.Kind
		if sub.Site != "" {
			what += ", announced by " + sub.Site
		}
		what += ")"
		if added {
			fmt.Println("subscribed to", what)
		} else {
			fmt.Println("already subscribed to", what)
		}
	}
	if failed {
		return errFailed
	}
	return nil
}

func runFollowList(ctx context.Context, args []string) error {
	fs := newFlags("follow list", "follow list [--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	return withStore(ctx, fs, args, 0, func(s news.Store) error {
		subs, err := subscriptionStore(s)
		if err != nil {
			return err
		}
		list, err := subs.Subscriptions(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			if list == nil {
				list = []news.Subscription{}
			}
			return writeJSON(os.Stdout, list)
		}
		if len(list) == 0 {
			fmt.Println("no subscriptions: add one with `crosscheck follow add URL`")
			return nil
		}
		now := time.Now()
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "URL\tKIND\tSTATE\tITEMS\tLAST SUCCESS\tNEXT POLL\tEVERY\tLAST ERROR")
		for _, sub := range list {
			state := "active"
			switch {
			case sub.Paused:
				state = "paused"
			case sub.Failures > 0:
				state = fmt.Sprintf("failing (%d)", sub.Failures)
			}
			next := "now"
			switch {
			case sub.Paused:
				next = "-"
			case sub.NextPoll.After(now):
				next = "in " + words.Duration(sub.NextPoll.Sub(now))
			}
			every := "-"
			if sub.Interval > 0 {
				every = words.Duration(sub.Interval)
			}
			lastErr := "-"
			if sub.LastError != "" {
				lastErr = words.Duration(now.Sub(sub.LastErrorAt)) + " ago: " + clip(sub.LastError, 60)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", sub.URL, sub.Kind, state, sub.ItemsSeen,
				ago(sub.LastSuccess, now), next, every, lastErr)
		}
		return tw.Flush()
	})
}

func ago(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return words.Duration(now.Sub(t)) + " ago"
}

// matchSubscriptions finds the subscriptions each argument names: by URL,
// or by the page their feed was discovered on. An argument naming none is
// reported.
func matchSubscriptions(ctx context.Context, subs news.SubscriptionStore, args []string) ([]string, bool, error) {
	list, err := subs.Subscriptions(ctx)
	if err != nil {
		return nil, false, err
	}
	var urls []string
	ok := true
	for _, a := range args {
		found := false
		for _, s := range list {
			if s.URL == a || s.Site != "" && s.Site == a {
				urls = append(urls, s.URL)
				found = true
			}
		}
		if !found {
			fmt.Fprintf(os.Stderr, "crosscheck follow: %s: not subscribed\n", a)
			ok = false
		}
	}
	sort.Strings(urls)
	return urls, ok, nil
}

func runFollowRemove(ctx context.Context, args []string) error {
	fs := newFlags("follow remove", "follow remove URL...")
	return withStore(ctx, fs, args, -1, func(s news.Store) error {
		subs, err := subscriptionStore(s)
		if err != nil {
			return err
		}
		urls, ok, err := matchSubscriptions(ctx, subs, fs.Args())
		if err != nil {
			return err
		}
		for _, u := range urls {
			if err := subs.RemoveSubscription(ctx, u); err != nil && !errors.Is(err, news.ErrNotFound) {
				return err
			}
			fmt.Println("unsubscribed from", u)
		}
		if !ok {
			return errFailed
		}
		return nil
	})
}

func runFollowPause(ctx context.Context, name string, args []string, paused bool) error {
	fs := newFlags("follow "+name, "follow "+name+" URL...")
	return withStore(ctx, fs, args, -1, func(s news.Store) error {
		subs, err := subscriptionStore(s)
		if err != nil {
			return err
		}
		urls, ok, err := matchSubscriptions(ctx, subs, fs.Args())
		if err != nil {
			return err
		}
		for _, u := range urls {
			if err := subs.SetPaused(ctx, u, paused); err != nil {
				return err
			}
			fmt.Println(strings.TrimSuffix(name, "e")+"ed", u)
		}
		if !ok {
			return errFailed
		}
		return nil
	})
}

func runFollowRun(ctx context.Context, args []string) error {
	fs := newFlags("follow run", "follow run [--once] [flags]")
	db := dbFlag(fs)
	ff := addFetchFlags(fs)
	once := fs.Bool("once", false, "poll the due subscriptions once and exit (for cron and tests)")
	quiet := fs.Bool("quiet", false, "no summary per round")
	queue := fs.String("queue", "", "publish the fetched documents to this NATS server (nats://...) for 'crosscheck worker' instead of analysing them here (the distributed mode, docs/follow.md)")
	window := storyWindowFlag(fs)
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	ecfg, err := window.config()
	if err != nil {
		return badUsage(err)
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return badUsage(fmt.Errorf("want no arguments, got %d (add subscriptions with `crosscheck follow add URL`)", fs.NArg()))
	}
	fetcher, err := ff.fetcher()
	if err != nil {
		return err
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	subs, err := subscriptionStore(store)
	if err != nil {
		return err
	}
	var failed atomic.Int64 // the reader and the saver both report
	var ingestFn follow.Ingest
	if *queue != "" {
		// The distributed mode: the documents go to the workers through
		// the same subject as files, and a round's items are marked seen
		// once JetStream has them.
		q, err := openQueue(ctx, *queue)
		if err != nil {
			return err
		}
		defer q.Close()
		ingestFn = publishFollowed(q, func(f ingest.Failure) {
			failed.Add(1)
			fmt.Fprintf(os.Stderr, "crosscheck follow: %v\n", f)
		}, func(n int) {
			if !*quiet && n > 0 {
				fmt.Fprintf(os.Stderr, "%d published to %s\n", n, engine.SubjectDocuments)
			}
		})
	} else {
		e, err := engine.New(ctx, store, ecfg)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		ingestFn = func(ctx context.Context, src follow.Source) error {
			sum, err := e.Run(ctx, engine.Source(src), func(err error) {
				failed.Add(1)
				fmt.Fprintf(os.Stderr, "crosscheck follow: %v\n", err)
			}, nil)
			if err == nil && !*quiet && sum.Read > 0 {
				fmt.Fprintln(os.Stderr, sum)
			}
			return err
		}
	}
	p := &follow.Poller{Web: &follow.Web{Fetch: fetcher, Reader: &ingest.Reader{}}, Store: subs}
	if _, embedded := store.(interface{ LockWriter() error }); !embedded {
		// A shared store (PostgreSQL): claim subscriptions, so that two
		// `follow run` never poll the same one at once.
		p.Lease = 30 * time.Minute
	}
	report := func(res follow.RoundResult) {
		if !*quiet {
			fmt.Fprintf(os.Stderr, "%s %s\n", time.Now().Format("15:04:05"), res)
		}
	}
	if !*once {
		return p.Run(ctx, ingestFn, report)
	}
	res, err := p.Round(ctx, ingestFn)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(os.Stderr, "crosscheck follow: interrupted; what was not stored is fetched again next time")
			return errFailed
		}
		return err
	}
	report(res)
	if failed.Load() > 0 {
		return errFailed
	}
	return nil
}

// publishFollowed is the distributed mode's ingest of a poller's round: each
// document is published to the workers through the subject files take
// (engine.SubjectDocuments); the round's items are marked seen once JetStream
// has them all. fail gets the items that could not be fetched, done the
// number published.
func publishFollowed(q news.Queue, fail func(ingest.Failure), done func(n int)) follow.Ingest {
	return func(ctx context.Context, src follow.Source) error {
		n, err := engine.PublishAll(ctx, q, engine.Source(src), fail)
		if err == nil {
			done(n)
		}
		return err
	}
}
