package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/follow"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// fetchFlags are the flags of the commands that fetch from the web.
type fetchFlags struct {
	allowPrivate *bool
	userAgent    *string
	delay        *time.Duration
}

func addFetchFlags(fs *flag.FlagSet) fetchFlags {
	return fetchFlags{
		allowPrivate: fs.Bool("allow-private", false, "allow fetching from private, loopback and link-local addresses (intranets, tests)"),
		userAgent:    fs.String("user-agent", fetch.DefaultUserAgent, "the User-Agent sent with every request; its first word is the name robots.txt rules are matched against"),
		delay:        fs.Duration("host-delay", time.Second, "the least time between two requests to one host"),
	}
}

func (f fetchFlags) fetcher() (*fetch.Fetcher, error) {
	opt := fetch.Options{AllowPrivate: *f.allowPrivate, UserAgent: *f.userAgent, Delay: *f.delay}
	if opt.Delay == 0 {
		opt.Delay = -1 // none (fetch.Options takes 0 for the default)
	}
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	return fetch.New(opt), nil
}

// inputs is the source reading each argument in order: an http(s) URL is
// fetched (a page, or a feed's or sitemap's pages), anything else is a
// file, a directory or "-".
func inputs(r *ingest.Reader, web *follow.Web, args []string) engine.Source {
	return func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error {
		for _, a := range args {
			var err error
			if follow.IsURL(a) {
				if web == nil {
					return fmt.Errorf("%s: no fetcher", a)
				}
				err = web.Read(ctx, []string{a}, emit, fail)
			} else {
				err = r.Read(ctx, []string{a}, emit, fail)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
}
