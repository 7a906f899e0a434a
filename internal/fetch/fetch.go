// Package fetch is the one way crosscheck fetches from the web, politely and
// safely: an honest User-Agent, robots.txt obeyed and cached, one request at a
// time per host with a delay between them, timeouts, capped bodies, few
// redirects, conditional GET, Retry-After honoured, and no private addresses
// unless allowed.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Version goes into the default User-Agent.
const Version = "0.1"

// DefaultUserAgent names crosscheck and where to read about it.
const DefaultUserAgent = "crosscheck/" + Version + " (+https://github.com/crosscheck-news/crosscheck)"

// Errors callers branch on; every error from Get is an *Error wrapping one
// of these or a network error.
var (
	ErrPrivate   = errors.New("refused: private, loopback or link-local address (use --allow-private)")
	ErrRobots    = errors.New("disallowed by robots.txt")
	ErrTooLarge  = errors.New("body too large")
	ErrRedirects = errors.New("too many redirects")
	ErrTimeout   = errors.New("timed out")
	ErrStatus    = errors.New("HTTP error")
	ErrScheme    = errors.New("not an http or https URL")
)

// Error is a failed fetch: the URL asked for and why. Status is the HTTP
// status when the server answered; RetryAfter is the wait a 429 or 503
// asked for (zero when none was given).
type Error struct {
	URL        string
	Status     int
	RetryAfter time.Duration
	Err        error
}

func (e *Error) Error() string { return e.URL + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Permanent reports whether retrying err later is pointless: the page is
// gone, refused by robots.txt, by the address policy or too large.
func Permanent(err error) bool {
	var fe *Error
	if !errors.As(err, &fe) {
		return false
	}
	switch {
	case errors.Is(err, ErrRobots), errors.Is(err, ErrPrivate), errors.Is(err, ErrTooLarge), errors.Is(err, ErrScheme):
		return true
	case fe.Status >= 400 && fe.Status < 500 && fe.Status != http.StatusTooManyRequests && fe.Status != http.StatusRequestTimeout:
		return true
	}
	return false
}

// Options configures a Fetcher; zero fields take the defaults.
type Options struct {
	UserAgent      string        // default DefaultUserAgent
	AllowPrivate   bool          // allow private, loopback, link-local and unspecified addresses
	MaxBody        int64         // bytes, after decompression; default 10 MB
	PerHost        int           // requests at once to one host; default 1
	Delay          time.Duration // minimum time between requests to one host; default 1s (negative: none)
	ConnectTimeout time.Duration // default 10s
	HeaderTimeout  time.Duration // from request sent to response headers; default 20s
	BodyTimeout    time.Duration // reading the body; default 60s
	MaxRedirects   int           // default 5
	RobotsTTL      time.Duration // how long a robots.txt is kept; default 1h
	// Public decides which addresses may be dialled when AllowPrivate is
	// false; default Public. Tests use it to take a loopback server for a
	// public one.
	Public func(netip.Addr) bool
}

// Validate reports options that make no sense.
func (o Options) Validate() error {
	if o.MaxBody < 0 || o.PerHost < 0 || o.MaxRedirects < 0 {
		return errors.New("fetch: negative limit")
	}
	if strings.ContainsAny(o.UserAgent, "\r\n") {
		return errors.New("fetch: User-Agent with a line break")
	}
	return nil
}

func (o *Options) defaults() {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxBody == 0 {
		o.MaxBody = 10 << 20
	}
	if o.PerHost == 0 {
		o.PerHost = 1
	}
	if o.Delay == 0 {
		o.Delay = time.Second
	}
	if o.Delay < 0 {
		o.Delay = 0
	}
	if o.ConnectTimeout == 0 {
		o.ConnectTimeout = 10 * time.Second
	}
	if o.HeaderTimeout == 0 {
		o.HeaderTimeout = 20 * time.Second
	}
	if o.BodyTimeout == 0 {
		o.BodyTimeout = 60 * time.Second
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = 5
	}
	if o.RobotsTTL == 0 {
		o.RobotsTTL = time.Hour
	}
	if o.Public == nil {
		o.Public = Public
	}
}

// Fetcher fetches pages; it is safe for concurrent use.
type Fetcher struct {
	opt    Options
	agent  string // robots.txt product token, lower-case
	client *http.Client

	mu     sync.Mutex
	hosts  map[string]*host
	robots map[string]*robotsEntry
}

// host is one host's politeness state.
type host struct {
	slots   chan struct{} // PerHost tokens
	mu      sync.Mutex
	next    time.Time // no request before
	blocked time.Time // a Retry-After asked to wait until
}

type robotsEntry struct {
	mu      sync.Mutex // one fetch of a robots.txt at a time
	r       *robots
	expires time.Time
}

// New returns a Fetcher with opt (defaults filled in).
func New(opt Options) *Fetcher {
	opt.defaults()
	f := &Fetcher{opt: opt, hosts: map[string]*host{}, robots: map[string]*robotsEntry{}}
	f.agent = strings.ToLower(strings.SplitN(opt.UserAgent, "/", 2)[0])
	dialer := &net.Dialer{Timeout: opt.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		dialer.Control = refusePrivate(opt.Public)
	}
	tr := &http.Transport{
		Proxy:                 nil, // the address check must see the real destination
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   opt.ConnectTimeout,
		ResponseHeaderTimeout: opt.HeaderTimeout,
		MaxIdleConnsPerHost:   opt.PerHost,
		MaxConnsPerHost:       opt.PerHost, // robots.txt is asked for in a slot of its own, never beside a page
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	f.client = &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return f
}

// refusePrivate returns the dialer's Control: it sees the resolved address
// just before connecting, so neither a redirect nor a DNS name pointing
// inside can get around it.
func refusePrivate(public func(netip.Addr) bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !public(ap.Addr()) {
			return &privateError{addr: address}
		}
		return nil
	}
}

// privateError is a refused address; it is ErrPrivate.
type privateError struct{ addr string }

func (e *privateError) Error() string {
	return "refused: " + e.addr + " is a private, loopback or link-local address (use --allow-private)"
}
func (e *privateError) Is(target error) bool { return target == ErrPrivate }

// Public reports whether ip is an address crosscheck may fetch from by
// default: not private, loopback, link-local, multicast, unspecified or in
// the carrier-grade NAT range.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsValid() && !ip.IsPrivate() && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() &&
		!ip.IsLinkLocalMulticast() && !ip.IsInterfaceLocalMulticast() && !ip.IsMulticast() &&
		!ip.IsUnspecified() && !cgnat.Contains(ip)
}

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// Request is one GET: the URL and the validators of the copy the caller
// holds, for a conditional request.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a fetched page.
type Response struct {
	URL          string // after redirects
	Moved        string // the new URL when every redirect was permanent (301, 308); "" otherwise
	Status       int
	NotModified  bool // a 304: Body is empty, the caller's copy is current
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte // at most MaxBody bytes, decompressed
}

// MediaType is the response's media type, lower-case, without parameters.
func (r *Response) MediaType() string {
	mt, _, _ := mime.ParseMediaType(r.ContentType)
	return mt
}

// Get fetches req.URL, following at most MaxRedirects redirects, each hop
// checked against robots.txt and paced per host. Every error is an *Error.
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := parseURL(req.URL)
	if err != nil {
		return nil, &Error{URL: req.URL, Err: err}
	}
	permanent := true
	for hop := 0; ; hop++ {
		if err := f.allowed(ctx, u); err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				fe = &Error{Err: err}
			}
			fe.URL = req.URL
			return nil, fe
		}
		resp, err := f.do(ctx, u, req)
		if err != nil {
			err.URL = req.URL
			return nil, err
		}
		if resp.Status >= 300 && resp.Status < 400 && resp.Status != http.StatusNotModified {
			if hop >= f.opt.MaxRedirects {
				return nil, &Error{URL: req.URL, Status: resp.Status, Err: fmt.Errorf("%w (more than %d)", ErrRedirects, f.opt.MaxRedirects)}
			}
			next, err := u.Parse(resp.location)
			if err == nil {
				_, err = parseURL(next.String())
			}
			if err != nil {
				return nil, &Error{URL: req.URL, Status: resp.Status, Err: fmt.Errorf("bad redirect %q: %w", resp.location, err)}
			}
			permanent = permanent && (resp.Status == http.StatusMovedPermanently || resp.Status == http.StatusPermanentRedirect)
			u = next
			continue
		}
		if hop > 0 {
			resp.URL = u.String()
			if permanent {
				resp.Moved = resp.URL
			}
		}
		return &resp.Response, nil
	}
}

func parseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, ErrScheme
	}
	u.Fragment = ""
	return u, nil
}

type hop struct {
	Response
	location string
}

// do makes one request to u, paced for its host.
func (f *Fetcher) do(ctx context.Context, u *url.URL, req Request) (*hop, *Error) {
	h := f.host(u.Host)
	release, err := h.acquire(ctx, f.opt.Delay)
	if err != nil {
		return nil, &Error{Err: err}
	}
	defer release()
	if until := h.blockedUntil(); !until.IsZero() {
		return nil, &Error{Status: http.StatusTooManyRequests, RetryAfter: time.Until(until),
			Err: fmt.Errorf("%w: the host asked to wait until %s (Retry-After)", ErrStatus, until.UTC().Format(time.RFC3339))}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Err: err}
	}
	hr.Header.Set("User-Agent", f.opt.UserAgent)
	hr.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := f.client.Do(hr)
	if err != nil {
		return nil, &Error{Err: netErr(err)}
	}
	defer func() {
		// A short unread body (an error page, a redirect) is drained so
		// that the connection can be used again.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
	}()
	out := &hop{Response: Response{
		URL: u.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
	}, location: resp.Header.Get("Location")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		if out.location == "" {
			return nil, &Error{Status: resp.StatusCode, Err: fmt.Errorf("%w: %s without a Location", ErrStatus, resp.Status)}
		}
		return out, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		wait := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		if wait > 0 {
			h.block(time.Now().Add(wait))
		}
		return nil, &Error{Status: resp.StatusCode, RetryAfter: wait, Err: fmt.Errorf("%w: %s", ErrStatus, resp.Status)}
	case resp.StatusCode < 200 || resp.StatusCode >= 300:
		return nil, &Error{Status: resp.StatusCode, Err: fmt.Errorf("%w: %s", ErrStatus, resp.Status)}
	}
	if resp.ContentLength > f.opt.MaxBody {
		return nil, &Error{Status: resp.StatusCode, Err: fmt.Errorf("%w: %d bytes announced, the limit is %d", ErrTooLarge, resp.ContentLength, f.opt.MaxBody)}
	}
	timer := time.AfterFunc(f.opt.BodyTimeout, cancel)
	defer timer.Stop()
	// The transport asked for gzip and undoes it, so the cap counts
	// decompressed bytes.
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opt.MaxBody+1))
	if err != nil {
		if !timer.Stop() {
			err = fmt.Errorf("%w reading the body (after %s)", ErrTimeout, f.opt.BodyTimeout)
		}
		return nil, &Error{Status: resp.StatusCode, Err: netErr(err)}
	}
	if int64(len(body)) > f.opt.MaxBody {
		return nil, &Error{Status: resp.StatusCode, Err: fmt.Errorf("%w: over %d bytes", ErrTooLarge, f.opt.MaxBody)}
	}
	out.Body = body
	return out, nil
}

// netErr shortens transport errors to their reason, keeping the chain.
func netErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var pe *privateError
	if errors.As(err, &pe) {
		return pe
	}
	if errors.Is(err, ErrTimeout) {
		return err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return err
}

// retryAfter parses a Retry-After value: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func (f *Fetcher) host(name string) *host {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[name]
	if h == nil {
		h = &host{slots: make(chan struct{}, f.opt.PerHost)}
		f.hosts[name] = h
	}
	return h
}

// acquire waits for a free slot and for the host's delay to pass.
func (h *host) acquire(ctx context.Context, delay time.Duration) (release func(), err error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.mu.Lock()
	wait := time.Until(h.next)
	h.next = time.Now().Add(max(wait, 0) + delay)
	h.mu.Unlock()
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-h.slots
			return nil, ctx.Err()
		}
	}
	return func() {
		h.mu.Lock()
		h.next = time.Now().Add(delay)
		h.mu.Unlock()
		<-h.slots
	}, nil
}

func (h *host) block(until time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if until.After(h.blocked) {
		h.blocked = until
	}
}

func (h *host) blockedUntil() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	if time.Now().Before(h.blocked) {
		return h.blocked
	}
	return time.Time{}
}

// allowed checks u against its host's robots.txt, fetching it when it is
// not cached or has expired. A robots.txt that is missing (4xx) allows
// everything; one the server cannot give (5xx, network error) disallows
// everything for a minute (RFC 9309: unreachable means complete disallow).
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e := f.robots[key]
	if e == nil {
		e = &robotsEntry{}
		f.robots[key] = e
	}
	f.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if time.Now().After(e.expires) {
		r, ttl, ferr := f.fetchRobots(ctx, key)
		if ferr != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		if ferr != nil && errors.Is(ferr, ErrPrivate) {
			return ferr // nothing to cache: the address is refused
		}
		e.r, e.expires = r, time.Now().Add(ttl)
		if ferr != nil {
			e.r = &robots{rules: []rule{{pattern: "/"}}}
			e.expires = time.Now().Add(min(time.Minute, f.opt.RobotsTTL))
			return &Error{Status: ferr.Status, RetryAfter: ferr.RetryAfter,
				Err: fmt.Errorf("robots.txt unreachable, so nothing may be fetched: %w", ferr.Err)}
		}
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.r.allowed(path) {
		return ErrRobots
	}
	return nil
}

func (f *Fetcher) fetchRobots(ctx context.Context, origin string) (*robots, time.Duration, *Error) {
	u, _ := url.Parse(origin + "/robots.txt")
	for range f.opt.MaxRedirects + 1 {
		resp, ferr := f.do(ctx, u, Request{})
		switch {
		case ferr != nil && ferr.Status >= 400 && ferr.Status < 500 && ferr.Status != http.StatusTooManyRequests:
			return nil, f.opt.RobotsTTL, nil // no robots.txt: everything allowed
		case ferr != nil && errors.Is(ferr.Err, ErrTooLarge):
			return nil, f.opt.RobotsTTL, nil
		case ferr != nil:
			return nil, 0, ferr
		case resp.Status >= 300 && resp.Status < 400:
			next, err := u.Parse(resp.location)
			if err != nil {
				return nil, f.opt.RobotsTTL, nil
			}
			u = next
			continue
		}
		return parseRobots(resp.Body, f.agent), f.opt.RobotsTTL, nil
	}
	return nil, f.opt.RobotsTTL, nil
}
