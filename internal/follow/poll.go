package follow

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/fetch"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Source streams documents to emit and bad inputs to fail, in order (the
// shape of engine.Source).
type Source func(ctx context.Context, emit func(news.Document) error, fail func(ingest.Failure)) error

// Ingest runs the documents of src through the whole ingest path and
// returns once they are stored; a nil error means every document emitted
// was handled (stored, or reported as failed).
type Ingest func(ctx context.Context, src Source) error

// Discover finds what to subscribe to at u: u itself when it is a feed or
// a sitemap, else the first feed the page announces (<link rel="alternate">).
func (w *Web) Discover(ctx context.Context, u string) (news.Subscription, error) {
	resp, err := w.Fetch.Get(ctx, fetch.Request{URL: u})
	if err != nil {
		return news.Subscription{}, err
	}
	l, err := List(resp)
	if err != nil {
		return news.Subscription{}, fmt.Errorf("%s: %w", u, err)
	}
	if l.Kind != KindPage {
		return news.Subscription{URL: resp.URL, Kind: l.Kind}, nil
	}
	feeds := DiscoverFeeds(resp.URL, resp.Body)
	if len(feeds) == 0 {
		return news.Subscription{}, fmt.Errorf("%s: a page that announces no feed (<link rel=\"alternate\">): give a feed or sitemap URL", u)
	}
	return news.Subscription{URL: feeds[0], Kind: KindFeed, Site: resp.URL}, nil
}

// Poller polls the subscriptions that are due and ingests their new items.
type Poller struct {
	Web   *Web
	Store news.SubscriptionStore
	// MinInterval and MaxInterval bound the time between two polls of a
	// source (defaults 5 minutes and 6 hours); a new subscription starts at
	// StartInterval (default 30 minutes).
	MinInterval, MaxInterval, StartInterval time.Duration
	// Parallel is how many subscriptions are polled at once (default 8;
	// the fetcher still sends one request at a time to each host).
	Parallel int
	// MaxItems bounds the pages fetched from one subscription in one
	// round (default 100): a first poll of a large sitemap is spread over
	// rounds instead of holding the others up for hours.
	MaxItems int
	// Wake, when set, ends Run's wait between rounds early (a subscription
	// was just added).
	Wake <-chan struct{}
	// Lease, when set and Store is a news.SubscriptionClaimer, makes the
	// poller claim the due subscriptions (at most ClaimLimit a round,
	// default 100) instead of listing them, so that pollers sharing a store
	// (PostgreSQL) never poll one subscription at once. A claimed
	// subscription whose round fails or is killed is due again when the
	// lease ends.
	Lease      time.Duration
	ClaimLimit int
	// Now and Rand (a number in [0, 1) for jitter) are the clock and the
	// randomness; time.Now and math/rand/v2 by default.
	Now  func() time.Time
	Rand func() float64
}

func (p *Poller) defaults() {
	if p.MinInterval <= 0 {
		p.MinInterval = 5 * time.Minute
	}
	if p.MaxInterval <= 0 {
		p.MaxInterval = 6 * time.Hour
	}
	if p.StartInterval <= 0 {
		p.StartInterval = 30 * time.Minute
	}
	if p.MaxItems <= 0 {
		p.MaxItems = 100
	}
	if p.Parallel <= 0 {
		p.Parallel = 8
	}
	if p.ClaimLimit <= 0 {
		p.ClaimLimit = 100
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Rand == nil {
		p.Rand = rand.Float64
	}
}

// RoundResult counts what one round did.
type RoundResult struct {
	Polled      int // subscriptions polled
	NotModified int // of which answered 304
	Failed      int // of which failed
	New         int // new items' pages fetched and ingested
}

func (r RoundResult) String() string {
	if r.Polled == 0 {
		return "no subscription due"
	}
	return fmt.Sprintf("subscriptions polled %d (unchanged %d, failed %d), new items %d", r.Polled, r.NotModified, r.Failed, r.New)
}

// poll is one subscription's outcome in a round.
type poll struct {
	sub     news.Subscription
	oldURL  string
	err     error
	retry   time.Duration // a Retry-After
	new     int
	partial bool // an item failed in a way worth retrying: keep the old validators
	notMod  bool // answered 304
	etag    string
	lastMod string
}

// Round polls every due subscription once: a conditional GET of each, then
// the pages of the items not seen before, fetched and ingested through
// ingest. Only when ingest has returned are the items marked seen and the
// subscriptions' state (validators, schedule, errors) saved, so a round
// killed at any point loses nothing: the next one fetches again what was
// not stored, and the store keeps each article once. Failures (of a
// subscription or of an item) are reported, as "URL: reason", to the fail
// function ingest gives the source.
func (p *Poller) Round(ctx context.Context, ingestFn Ingest) (RoundResult, error) {
	p.defaults()
	var res RoundResult
	due, err := p.due(ctx)
	if err != nil || len(due) == 0 {
		return res, err
	}
	polls := make([]*poll, len(due))
	var seenKeys []string
	src := func(ctx context.Context, emit func(news.Document) error, failDoc func(ingest.Failure)) error {
		// Subscriptions are polled Parallel at a time (the fetcher keeps
		// each host to one request at a time); their documents and
		// failures go on in subscription order.
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		claims := &claims{seen: map[string]bool{}}
		outs := make([]chan *polled, len(due))
		for i := range outs {
			outs[i] = make(chan *polled, 1)
		}
		slots := make(chan struct{}, p.Parallel)
		go func() {
			for i, sub := range due {
				select {
				case slots <- struct{}{}: // freed when the result is taken
				case <-ctx.Done():
					return
				}
				go func() { outs[i] <- p.pollOne(ctx, sub, claims) }()
			}
		}()
		for i := range due {
			var r *polled
			select {
			case r = <-outs[i]:
				<-slots
			case <-ctx.Done():
				return ctx.Err()
			}
			if r.err != nil {
				return r.err
			}
			polls[i] = r.poll
			for _, ev := range r.events {
				if ev.fail != nil {
					failDoc(*ev.fail)
					continue
				}
				if err := emit(ev.doc); err != nil {
					return err
				}
			}
			seenKeys = append(seenKeys, r.seen...)
		}
		return nil
	}
	if err := ingestFn(ctx, src); err != nil {
		return res, err
	}
	if err := p.Store.MarkSeen(ctx, seenKeys); err != nil {
		return res, err
	}
	now := p.Now()
	for _, pl := range polls {
		if pl == nil {
			continue
		}
		res.Polled++
		res.New += pl.new
		if pl.err != nil {
			res.Failed++
		}
		if pl.notMod {
			res.NotModified++
		}
		p.schedule(pl, now)
		err := p.Store.UpdateSubscription(ctx, pl.oldURL, &pl.sub)
		if err != nil && !errors.Is(err, news.ErrNotFound) { // removed during the round: nothing to save
			return res, err
		}
	}
	return res, nil
}

// due lists the subscriptions to poll in this round, claiming them when
// the poller has a lease and the store can.
func (p *Poller) due(ctx context.Context) ([]news.Subscription, error) {
	if cl, ok := p.Store.(news.SubscriptionClaimer); ok && p.Lease > 0 {
		return cl.ClaimDueSubscriptions(ctx, p.Now(), p.Lease, p.ClaimLimit)
	}
	return p.Store.DueSubscriptions(ctx, p.Now())
}

// polled is what polling one subscription gave: its outcome, its
// documents and failures in order, and the keys to mark seen once they
// are stored. err is set only when the round must stop (the store failed,
// the context ended).
type polled struct {
	poll   *poll
	events []event
	seen   []string
	err    error
}

type event struct {
	doc  news.Document
	fail *ingest.Failure
}

// claims are the items taken by a subscription in this round: an item in
// two feeds polled at once is fetched by the first to claim it.
type claims struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (c *claims) claim(ks []string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range ks {
		if c.seen[k] {
			return false
		}
	}
	for _, k := range ks {
		c.seen[k] = true
	}
	return true
}

// pollOne polls one subscription: a conditional GET, then the pages of the
// items neither the store nor this round has seen.
func (p *Poller) pollOne(ctx context.Context, sub news.Subscription, c *claims) *polled {
	pl := &poll{sub: sub, oldURL: sub.URL}
	r := &polled{poll: pl}
	fail := func(f ingest.Failure) { r.events = append(r.events, event{fail: &f}) }
	entries, err := p.list(ctx, pl)
	if err != nil {
		if ctx.Err() != nil {
			r.err = ctx.Err()
			return r
		}
		pl.err = err
		var fe *fetch.Error
		if errors.As(err, &fe) {
			pl.retry, err = fe.RetryAfter, fe.Err
		}
		fail(ingest.Failure{Path: sub.URL, Err: err})
		return r
	}
	fresh, err := p.unseen(ctx, entries, c)
	if err != nil {
		r.err = err
		return r
	}
	if len(fresh) > p.MaxItems {
		fresh, pl.partial = fresh[:p.MaxItems], true // the rest next round
	}
	for _, e := range fresh {
		ok, fetchErr, err := p.Web.page(ctx, e, func(d news.Document) error {
			r.events = append(r.events, event{doc: d})
			return nil
		}, fail)
		if err != nil {
			r.err = err
			return r
		}
		switch {
		case ok:
			pl.new++
		case fetchErr != nil && !fetch.Permanent(fetchErr):
			pl.partial = true
			continue // not marked seen: fetched again next time
		}
		r.seen = append(r.seen, keys(e)...)
		if rev := revision(e); rev != "" {
			r.seen = append(r.seen, rev)
		}
	}
	return r
}

// list fetches a subscription (conditionally) and returns its entries;
// none when it has not changed. A sitemap index's sitemaps are fetched
// too.
func (p *Poller) list(ctx context.Context, pl *poll) ([]Entry, error) {
	resp, err := p.Web.Fetch.Get(ctx, fetch.Request{URL: pl.sub.URL, ETag: pl.sub.ETag, LastModified: pl.sub.LastModified})
	if err != nil {
		return nil, err
	}
	if resp.Moved != "" {
		pl.sub.URL = resp.Moved
	}
	if resp.NotModified {
		pl.notMod = true
		return nil, nil
	}
	pl.etag, pl.lastMod = resp.ETag, resp.LastModified
	l, err := List(resp)
	if err != nil {
		return nil, err
	}
	switch l.Kind {
	case KindPage:
		return nil, errors.New("no longer a feed or a sitemap")
	case KindSitemap:
		pl.sub.Kind = KindSitemap
	default:
		pl.sub.Kind = KindFeed
	}
	entries := l.Entries
	for _, s := range l.Sitemaps {
		r, err := p.Web.Fetch.Get(ctx, fetch.Request{URL: s})
		if err != nil {
			return nil, err
		}
		sl, err := List(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
		entries = append(entries, sl.Entries...)
	}
	return dedupe(entries), nil
}

// keys are what an entry is remembered by: its key and its canonical URL,
// so that an item listed by two feeds under different ids is one.
func keys(e Entry) []string {
	u := "url:" + news.CanonicalURL(e.URL)
	if e.Key == u {
		return []string{u}
	}
	return []string{e.Key, u}
}

// revision is the key of an entry's revision, "" when the listing gives no
// time of change after the item's publication (an Atom entry with only
// <updated> was never revised). The time is kept to the hour: a page whose
// listing restamps it every few minutes is fetched again at most hourly.
func revision(e Entry) string {
	if e.Updated.IsZero() || !e.Published.IsZero() && !e.Updated.After(e.Published.Add(time.Minute)) {
		return ""
	}
	return "rev:" + news.CanonicalURL(e.URL) + "@" + e.Updated.UTC().Format("2006-01-02T15")
}

// stamped reports whether a listing gives every entry the same time of
// change: a feed restamped as a whole when it is built, which says nothing
// about its pages.
func stamped(entries []Entry) bool {
	if len(entries) < 3 {
		return false
	}
	for _, e := range entries[1:] {
		if !e.Updated.Equal(entries[0].Updated) {
			return false
		}
	}
	return true
}

// unseen keeps the entries the store has not seen, or has seen in an
// earlier revision, and that no other subscription claimed in this round,
// claiming them.
func (p *Poller) unseen(ctx context.Context, entries []Entry, c *claims) ([]Entry, error) {
	revisions := !stamped(entries)
	var all []string
	for _, e := range entries {
		all = append(all, keys(e)...)
		if rev := revision(e); rev != "" && revisions {
			all = append(all, rev)
		}
	}
	seen, err := p.Store.SeenItems(ctx, all)
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, e := range entries {
		ks, known := keys(e), false
		for _, k := range ks {
			known = known || seen[k]
		}
		if rev := revision(e); rev != "" && revisions {
			if seen[rev] {
				continue
			}
			ks = append(ks, rev) // a new item, or a known one changed since
		} else if known {
			continue
		}
		if c.claim(ks) {
			out = append(out, e)
		}
	}
	return out, nil
}

// schedule sets a polled subscription's state and next poll: after a
// success the interval shrinks when new items came and grows when none did,
// within bounds; after a failure the wait doubles with each failure in a
// row (with jitter), and is at least what a Retry-After asked.
func (p *Poller) schedule(pl *poll, now time.Time) {
	s := &pl.sub
	s.LastPoll = now
	if s.Interval <= 0 {
		s.Interval = p.StartInterval
	}
	if pl.err != nil {
		s.Failures++
		s.LastError, s.LastErrorAt = errorText(pl.err), now
		wait := p.MinInterval << min(s.Failures-1, 16)
		wait = min(wait, p.MaxInterval)
		wait = time.Duration(float64(wait) * (0.75 + 0.5*p.Rand()))
		wait = max(wait, pl.retry)
		s.NextPoll = now.Add(wait)
		return
	}
	s.Failures = 0
	s.LastSuccess = now
	if !pl.notMod && !pl.partial {
		s.ETag, s.LastModified = pl.etag, pl.lastMod
	}
	if pl.partial && pl.new > 0 {
		s.LastNew = now
		s.ItemsSeen += pl.new
		s.NextPoll = now.Add(p.MinInterval) // more to fetch: soon, without changing the interval
		return
	}
	if pl.new > 0 {
		s.LastNew = now
		s.ItemsSeen += pl.new
		s.Interval = s.Interval / 2
	} else {
		s.Interval = s.Interval * 3 / 2
	}
	s.Interval = min(max(s.Interval, p.MinInterval), p.MaxInterval)
	s.NextPoll = now.Add(time.Duration(float64(s.Interval) * (0.9 + 0.2*p.Rand())))
}

func errorText(err error) string {
	var fe *fetch.Error
	if errors.As(err, &fe) {
		return fe.Err.Error()
	}
	return err.Error()
}

// Run polls in rounds until ctx ends: a round, then a wait until the next
// subscription is due (at most a minute, so subscriptions added meanwhile
// are seen). A round that fails (the store, not a source) ends Run.
func (p *Poller) Run(ctx context.Context, ingestFn Ingest, done func(RoundResult)) error {
	p.defaults()
	for {
		res, err := p.Round(ctx, ingestFn)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if done != nil && res.Polled > 0 {
			done(res)
		}
		wait := time.Minute
		subs, err := p.Store.Subscriptions(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		for _, s := range subs {
			if !s.Paused {
				wait = min(wait, max(s.NextPoll.Sub(p.Now()), time.Second))
			}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		case <-p.Wake:
			t.Stop()
		}
	}
}
