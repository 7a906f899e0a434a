// Package web is crosscheck's browser UI: server-rendered html/template
// pages over the news.Store contract (stories; story pages with citations,
// outlets side by side, a coverage chart, timeline and copy graph as inline
// SVG and download links; entities; articles with highlighted spans;
// search), with the JSON API mounted beside it under one route table,
// embedded assets and strict safety headers.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// CSP is the Content-Security-Policy of every response: scripts, styles and
// images only from this origin, no inline script, no framing.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Limits of requests.
const (
	DefaultMaxBody   = 1 << 20 // bytes of a request body, except ingest
	DefaultMaxHeader = 16 << 10
	maxQueryString   = 4096
)

// Config is what the web server needs; Store is required.
type Config struct {
	Store news.Store
	// Catalog lists entities and quotes; nil means an api.ViewCatalog.
	Catalog api.Catalog
	// Ingester and IngestToken enable POST /api/v1/articles; both are needed.
	Ingester    api.Ingester
	IngestToken string
	// Discoverer finds the feed to subscribe to at a URL; with IngestToken
	// it enables adding subscriptions (POST /api/v1/subscriptions and the
	// form of /subscriptions). Pausing and removing need only the token.
	Discoverer api.Discoverer
	// Changes tells what changed in a story since a time: the story page's
	// "since" and GET /api/v1/stories/{id}/changes; nil disables both.
	Changes        api.ChangesFunc
	MaxBodyBytes   int64 // request bodies other than ingest; 0 means DefaultMaxBody
	MaxIngestBytes int64 // 0 means the API's default (32 MiB)
	Logger         *slog.Logger
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// New returns the whole HTTP handler: the UI, the JSON API and the assets
// behind one ServeMux, wrapped with safety headers and body limits.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBody
	}
	a, err := api.New(api.Options{Store: cfg.Store, Catalog: cfg.Catalog, Ingester: cfg.Ingester,
		Token: cfg.IngestToken, Discoverer: cfg.Discoverer, Changes: cfg.Changes, MaxIngestBytes: cfg.MaxIngestBytes, Logger: cfg.Logger})
	if err != nil {
		return nil, err
	}
	u, err := newUI(cfg.Store, a.Catalog(), cfg.Logger)
	u.token, u.discoverer, u.changes = cfg.IngestToken, cfg.Discoverer, cfg.Changes
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	a.Register(mux)
	for _, r := range u.routes() {
		mux.Handle(r.Method+" "+r.Pattern, r.Handler)
	}
	mux.Handle("/", u.page(func(r *http.Request) (*page, error) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return nil, api.Errorf(http.StatusMethodNotAllowed, "method %s not allowed here", r.Method)
		}
		return nil, news.ErrNotFound
	}))
	return guard(mux, cfg.MaxBodyBytes, u), nil
}

// guard sets the safety headers and refuses oversize bodies and queries.
// The ingest endpoint enforces its own, larger, body limit.
func guard(next http.Handler, maxBody int64, u *ui) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		var err error
		ingest := r.Method == http.MethodPost && r.URL.Path == "/api/v1/articles"
		switch {
		case len(r.URL.RawQuery) > maxQueryString:
			err = api.Errorf(http.StatusRequestURITooLong, "query string longer than %d bytes", maxQueryString)
		case !ingest && r.ContentLength > maxBody:
			err = &http.MaxBytesError{Limit: maxBody}
		}
		if err != nil {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				code, msg := api.StatusOf(err)
				api.WriteJSON(w, code, api.ErrorBody{Error: msg, Status: code})
			} else {
				u.fail(w, r, err)
			}
			return
		}
		if !ingest {
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		}
		next.ServeHTTP(w, r)
	})
}

// NewServer returns an http.Server for h with timeouts and a header limit.
// Ingest uploads must arrive within ReadTimeout.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    DefaultMaxHeader,
	}
}

// Serve serves srv on ln until ctx is done, then shuts down gracefully.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			return fmt.Errorf("shutdown: %w", err)
		}
		<-errc
		return nil
	}
}

// page is what a UI handler returns: a template and its data.
type page struct {
	tmpl   string
	Title  string
	Query  string // the search box's text
	Body   any
	Status int // 0 means 200
	// source, when set, is the value the page was built from (a story view).
	// A store may hand out the same view for an unchanged story (SQLite
	// caches decoded views), so the rendered page is reused while it does.
	source any
}

// ui holds the UI handlers' dependencies.
type ui struct {
	store   news.Store
	catalog api.Catalog
	log     *slog.Logger
	tmpls   map[string]*template.Template
	static  http.Handler
	// token and discoverer guard and serve the subscriptions form.
	token      string
	discoverer api.Discoverer
	// changes reports what changed in a story since a time (nil: not offered).
	changes api.ChangesFunc

	mu       sync.Mutex
	rendered map[string]renderedPage // by request URL
}

type renderedPage struct {
	source any
	html   []byte
}

// maxRendered bounds the rendered-page cache.
const maxRendered = 128

func newUI(store news.Store, catalog api.Catalog, log *slog.Logger) (*ui, error) {
	u := &ui{store: store, catalog: catalog, log: log, tmpls: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", n, err)
		}
		u.tmpls[strings.TrimSuffix(base, ".html")] = t
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	files := http.FileServerFS(sub)
	u.static = http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	}))
	return u, nil
}

// routes is the UI's route table.
func (u *ui) routes() []api.Route {
	return []api.Route{
		{Method: "GET", Pattern: "/{$}", Handler: u.page(u.storiesPage)},
		{Method: "GET", Pattern: "/stories/{id}", Handler: u.page(u.storyPage)},
		{Method: "GET", Pattern: "/articles", Handler: u.page(u.articlesPage)},
		{Method: "GET", Pattern: "/articles/{id}", Handler: u.page(u.articlePage)},
		{Method: "GET", Pattern: "/entities", Handler: u.page(u.entitiesPage)},
		{Method: "GET", Pattern: "/entities/{id}", Handler: u.page(u.entityPage)},
		{Method: "GET", Pattern: "/search", Handler: u.page(u.searchPage)},
		{Method: "GET", Pattern: "/subscriptions", Handler: u.page(u.subscriptionsPage)},
		{Method: "POST", Pattern: "/subscriptions", Handler: u.page(u.changeSubscriptions)},
		{Method: "GET", Pattern: "/static/", Handler: u.static},
		{Method: "GET", Pattern: "/healthz", Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte("ok\n"))
		})},
	}
}

// page adapts a UI handler: it renders the returned page into a buffer
// first, so that a template error becomes a clean error page.
func (u *ui) page(h func(*http.Request) (*page, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := h(r)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		html, ok := u.cached(r.URL.String(), p.source)
		if !ok {
			var buf bytes.Buffer
			if err := u.tmpls[p.tmpl].ExecuteTemplate(&buf, "layout", p); err != nil {
				u.fail(w, r, fmt.Errorf("render %s: %w", p.tmpl, err))
				return
			}
			html = buf.Bytes()
			u.remember(r.URL.String(), p.source, html)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(max(p.Status, http.StatusOK))
		w.Write(html)
	})
}

// cached returns the page rendered for url from the same source, if any.
func (u *ui) cached(url string, source any) ([]byte, bool) {
	if source == nil {
		return nil, false
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	rp, ok := u.rendered[url]
	if !ok || rp.source != source {
		return nil, false
	}
	return rp.html, true
}

func (u *ui) remember(url string, source any, html []byte) {
	if source == nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.rendered == nil || len(u.rendered) >= maxRendered {
		u.rendered = map[string]renderedPage{}
	}
	u.rendered[url] = renderedPage{source: source, html: html}
}

// fail writes a plain error page with the status api.StatusOf gives.
func (u *ui) fail(w http.ResponseWriter, r *http.Request, err error) {
	if api.Redirect(w, r, err) {
		return // a merged story: its new address
	}
	code, msg := api.StatusOf(err)
	if code >= 500 {
		u.log.ErrorContext(r.Context(), "ui request", "path", r.URL.Path, "err", err)
	}
	p := &page{tmpl: "error", Title: http.StatusText(code), Body: struct {
		Code int
		Msg  string
	}{code, msg}}
	var buf bytes.Buffer
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := u.tmpls["error"].ExecuteTemplate(&buf, "layout", p); err != nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprintf(w, "%d %s\n", code, msg)
		return
	}
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}
