// Package api is crosscheck's JSON API under /api/v1: stories, story views,
// articles, entities, quotes, search and token-guarded ingest, over the
// news.Store contract, with an OpenAPI document kept in step with its routes.
package api

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// Paging bounds for list endpoints.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// Options configures the API.
type Options struct {
	Store   news.Store
	Catalog Catalog // entities and quotes; nil means a ViewCatalog over Store
	// Ingester stores uploaded articles; nil or an empty Token disables ingest.
	Ingester Ingester
	Token    string
	// Discoverer finds the feed to subscribe to for POST
	// /api/v1/subscriptions (which also needs Token); nil disables adding.
	Discoverer Discoverer
	// Changes serves GET /api/v1/stories/{id}/changes; nil answers 501.
	Changes ChangesFunc
	// MaxIngestBytes bounds an ingest request body; 0 means 32 MiB.
	MaxIngestBytes int64
	Logger         *slog.Logger
}

// API serves the JSON endpoints; build it with New.
type API struct {
	store      news.Store
	catalog    Catalog
	ingester   Ingester
	token      string
	discoverer Discoverer
	maxIngest  int64
	log        *slog.Logger
	jobs       jobs // uploads ingested in the background
	changesFn  ChangesFunc
	changing   chan struct{} // bounds the change reports computed at once
}

// New returns the API over opt.Store.
func New(opt Options) (*API, error) {
	if opt.Store == nil {
		return nil, errors.New("api: no store")
	}
	a := &API{store: opt.Store, catalog: opt.Catalog, ingester: opt.Ingester, token: opt.Token, discoverer: opt.Discoverer,
		maxIngest: opt.MaxIngestBytes, log: opt.Logger, changesFn: opt.Changes, changing: make(chan struct{}, maxChanges)}
	if a.catalog == nil {
		a.catalog = NewViewCatalog(opt.Store, 0)
	}
	if a.maxIngest <= 0 {
		a.maxIngest = 32 << 20
	}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	return a, nil
}

// Catalog returns the entity and quote catalog the API reads.
func (a *API) Catalog() Catalog { return a.catalog }

// Route is one entry of the route table: a method, a ServeMux path pattern
// (OpenAPI-style {name} wildcards) and its handler.
type Route struct {
	Method  string
	Pattern string
	Handler http.Handler
}

// Routes is the API's route table; the OpenAPI document must list exactly
// these (checked by a test).
func (a *API) Routes() []Route {
	return []Route{
		{"GET", "/api/openapi.json", http.HandlerFunc(serveOpenAPI)},
		{"GET", "/api/v1/stories", a.json(a.stories)},
		{"GET", "/api/v1/stories/{id}", a.json(a.story)},
		{"GET", "/api/v1/stories/{id}/changes", a.json(a.changes)},
		{"GET", "/api/v1/articles", a.json(a.articles)},
		{"GET", "/api/v1/articles/{id}", a.json(a.article)},
		{"POST", "/api/v1/articles", a.json(a.ingest)},
		{"GET", "/api/v1/ingests/{id}", a.json(a.ingestStatus)},
		{"GET", "/api/v1/entities", a.json(a.entities)},
		{"GET", "/api/v1/entities/{id}", a.json(a.entity)},
		{"GET", "/api/v1/quotes", a.json(a.quotes)},
		{"GET", "/api/v1/search", a.json(a.search)},
		{"GET", "/api/v1/subscriptions", a.json(a.subscriptions)},
		{"POST", "/api/v1/subscriptions", a.json(a.addSubscription)},
		{"DELETE", "/api/v1/subscriptions", a.json(a.removeSubscription)},
		{"POST", "/api/v1/subscriptions/pause", a.json(a.pauseSubscription(true))},
		{"POST", "/api/v1/subscriptions/resume", a.json(a.pauseSubscription(false))},
	}
}

// Register adds the routes to mux, plus JSON errors (404, 405) for other /api/ requests.
func (a *API) Register(mux *http.ServeMux) {
	for _, r := range a.Routes() {
		mux.Handle(r.Method+" "+r.Pattern, r.Handler)
	}
	mux.Handle("/api/", a.json(func(r *http.Request) (any, error) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return nil, Errorf(http.StatusMethodNotAllowed, "method %s not allowed here", r.Method)
		}
		return nil, news.ErrNotFound
	}))
}

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte { return openAPI }

func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}

// handlerFunc is an API handler: it returns a result to encode or an error.
type handlerFunc func(r *http.Request) (any, error)

// json adapts h: the result is written as JSON with status 200, an error as
// {"error": ..., "status": ...} with the status StatusOf gives.
func (a *API) json(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil && Redirect(w, r, err) {
			return
		}
		if err != nil {
			code, msg := StatusOf(err)
			if code >= 500 {
				a.log.ErrorContext(r.Context(), "api request", "path", r.URL.Path, "err", err)
			}
			if code == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="crosscheck"`)
			}
			WriteJSON(w, code, ErrorBody{Error: msg, Status: code})
			return
		}
		if f, ok := v.(file); ok {
			w.Header().Set("Content-Type", f.contentType)
			w.Header().Set("Content-Disposition", `attachment; filename="`+f.name+`"`)
			w.Header().Set("Cache-Control", "no-store")
			w.Write(f.body)
			return
		}
		if ws, ok := v.(withStatus); ok {
			if ws.location != "" {
				w.Header().Set("Location", ws.location)
			}
			WriteJSON(w, ws.code, ws.v)
			return
		}
		WriteJSON(w, http.StatusOK, v)
	})
}

// file is a result written as it is, not as JSON: an export.
type file struct {
	name, contentType string
	body              []byte
}

// withStatus is a result written with another status than 200 (and a
// Location, when set).
type withStatus struct {
	code     int
	v        any
	location string
}

// Moved is the error of a request for something that now lives at URL (a
// story merged into another): the API and the web UI answer 301 to it.
type Moved struct{ URL string }

func (m *Moved) Error() string { return "moved to " + m.URL }

// StoryView returns story id's view; for a story merged into another it
// returns a *Moved error with the address prefix followed by the new id.
func StoryView(ctx context.Context, s news.Store, id, prefix string) (*news.StoryView, error) {
	v, err := s.View(ctx, id)
	if errors.Is(err, news.ErrNotFound) {
		if to, merr := s.MergedInto(ctx, id); merr == nil {
			return nil, &Moved{URL: prefix + url.PathEscape(to)}
		}
	}
	return v, err
}

// Redirect answers a *Moved error with 301 and reports whether err was one
// (the API's handlers and the web UI's pages alike).
func Redirect(w http.ResponseWriter, r *http.Request, err error) bool {
	var m *Moved
	if !errors.As(err, &m) {
		return false
	}
	to := m.URL
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
	return true
}

// ErrorBody is the JSON body of every API error.
type ErrorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// WriteJSON writes v as indented-free JSON with the given status.
func WriteJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// Error is an error with an HTTP status and a message safe to show.
type Error struct {
	Status int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Errorf returns an *Error with status and a formatted message.
func Errorf(status int, format string, args ...any) error {
	return &Error{Status: status, Msg: fmt.Sprintf(format, args...)}
}

// StatusOf maps an error to its HTTP status and a message safe to show. It
// is the one place that does so, for the API and the web UI alike.
func StatusOf(err error) (int, string) {
	var he *Error
	var mb *http.MaxBytesError
	switch {
	case err == nil:
		return http.StatusOK, ""
	case errors.As(err, &he):
		return he.Status, he.Msg
	case errors.Is(err, news.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.As(err, &mb):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mb.Limit)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "request cancelled or timed out"
	default:
		return http.StatusInternalServerError, "internal error"
	}
}

// Page is one page of a list.
type Page[T any] struct {
	Items  []T    `json:"items"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
	Next   string `json:"next,omitempty"` // URL of the next page, when there is one
}

// ListParams reads ?limit=, ?offset= and ?sort= (checked against sorts,
// whose first entry is the default).
func ListParams(r *http.Request, sorts ...string) (news.ListOptions, error) {
	q := r.URL.Query()
	opt := news.ListOptions{Limit: DefaultLimit}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxLimit {
			return opt, Errorf(http.StatusBadRequest, "limit must be an integer from 1 to %d", MaxLimit)
		}
		opt.Limit = n
	}
	if s := q.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return opt, Errorf(http.StatusBadRequest, "offset must be a non-negative integer")
		}
		opt.Offset = n
	}
	if len(sorts) > 0 {
		opt.Sort = sorts[0]
		if s := q.Get("sort"); s != "" {
			ok := false
			for _, x := range sorts {
				ok = ok || x == s
			}
			if !ok {
				return opt, Errorf(http.StatusBadRequest, "sort must be one of %s", strings.Join(sorts, ", "))
			}
			opt.Sort = s
		}
	}
	return opt, nil
}

// fetch pages a list: it asks list for one more item than the limit to
// tell whether a next page exists.
func fetch[T any](r *http.Request, opt news.ListOptions, list func(news.ListOptions) ([]T, error)) (Page[T], error) {
	ask := opt
	ask.Limit++
	items, err := list(ask)
	if err != nil {
		return Page[T]{}, err
	}
	p := Page[T]{Items: items, Limit: opt.Limit, Offset: opt.Offset}
	if p.Items == nil {
		p.Items = []T{}
	}
	if len(items) > opt.Limit {
		p.Items = items[:opt.Limit]
		q := r.URL.Query()
		q.Set("limit", strconv.Itoa(opt.Limit))
		q.Set("offset", strconv.Itoa(opt.Offset+opt.Limit))
		p.Next = (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
	}
	return p, nil
}

func (a *API) stories(r *http.Request) (any, error) {
	opt, err := ListParams(r, "size", "fresh", "growth")
	if err != nil {
		return nil, err
	}
	opt, err = StoryFilters(r, opt)
	if err != nil {
		return nil, err
	}
	if opt.GrowthSince, err = SinceParam(r, 24*time.Hour); err != nil {
		return nil, err
	}
	return fetch(r, opt, func(o news.ListOptions) ([]news.Story, error) { return a.store.Stories(r.Context(), o) })
}

// Story export formats: ?format= or the extension of the id in the path.
var storyFormats = map[string]string{"json": "json", "csv": "csv", "markdown": "md", "md": "md"}

func (a *API) story(r *http.Request) (any, error) {
	id, format := r.PathValue("id"), ""
	for _, ext := range []string{".json", ".csv", ".md"} {
		if base, ok := strings.CutSuffix(id, ext); ok && base != "" {
			id, format = base, ext[1:]
		}
	}
	if q := r.URL.Query().Get("format"); q != "" {
		f, ok := storyFormats[q]
		if !ok {
			return nil, Errorf(http.StatusBadRequest, "format must be json, csv or markdown")
		}
		if format != "" && format != f {
			return nil, Errorf(http.StatusBadRequest, "format %s and extension .%s disagree", q, format)
		}
		format = f
	}
	ext := ""
	if format != "" && strings.HasSuffix(r.PathValue("id"), "."+format) {
		ext = "." + format // a merged story's new address keeps the extension
	}
	v, err := StoryView(r.Context(), a.store, id, "/api/v1/stories/")
	var m *Moved
	if errors.As(err, &m) {
		m.URL += ext
	}
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	switch format {
	case "csv":
		if err := story.WriteCSV(&buf, v); err != nil {
			return nil, fmt.Errorf("story csv: %w", err)
		}
		return file{name: fileName(v.ID) + ".csv", contentType: "text/csv; charset=utf-8", body: buf.Bytes()}, nil
	case "md":
		opt := story.Options{Markdown: true, Text: story.StoreTexts(r.Context(), a.store)}
		if err := story.Render(&buf, v, opt); err != nil {
			return nil, fmt.Errorf("story markdown: %w", err)
		}
		return file{name: fileName(v.ID) + ".md", contentType: "text/markdown; charset=utf-8", body: buf.Bytes()}, nil
	}
	return v, nil
}

// fileName keeps the letters, digits, '-' and '_' of id, for a download's name.
func fileName(id string) string {
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, id)
	if name == "" {
		name = "story"
	}
	return name
}

func (a *API) articles(r *http.Request) (any, error) {
	opt, err := ListParams(r, "published")
	if err != nil {
		return nil, err
	}
	return fetch(r, opt, func(o news.ListOptions) ([]news.ArticleSummary, error) { return a.store.Articles(r.Context(), o) })
}

func (a *API) article(r *http.Request) (any, error) {
	art, err := a.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	EmptyLists(&art.Analysis)
	return art, nil
}

// EmptyLists replaces nil lists of an analysis by empty ones so that the JSON
// has [] rather than null.
func EmptyLists(an *news.Analysis) {
	if an.Removed == nil {
		an.Removed = []news.Removal{}
	}
	if an.Paragraphs == nil {
		an.Paragraphs = []news.Span{}
	}
	if an.Sentences == nil {
		an.Sentences = []news.Span{}
	}
	if an.Social == nil {
		an.Social = []news.SocialPost{}
	}
	if an.Dates == nil {
		an.Dates = []news.DateMention{}
	}
	if an.Mentions == nil {
		an.Mentions = []news.Mention{}
	}
	if an.Attributes == nil {
		an.Attributes = []news.AttrMention{}
	}
	if an.Quotes == nil {
		an.Quotes = []news.QuoteMention{}
	}
	if an.Statements == nil {
		an.Statements = []news.Statement{}
	}
	if an.Fingerprint == nil {
		an.Fingerprint = []uint64{}
	}
}

func (a *API) entities(r *http.Request) (any, error) {
	opt, err := ListParams(r)
	if err != nil {
		return nil, err
	}
	typ := news.EntityType(r.URL.Query().Get("type"))
	return fetch(r, opt, func(o news.ListOptions) ([]EntitySummary, error) { return a.catalog.Entities(r.Context(), typ, o) })
}

func (a *API) entity(r *http.Request) (any, error) {
	return a.catalog.Entity(r.Context(), r.PathValue("id"))
}

func (a *API) quotes(r *http.Request) (any, error) {
	opt, err := ListParams(r)
	if err != nil {
		return nil, err
	}
	story := r.URL.Query().Get("story")
	return fetch(r, opt, func(o news.ListOptions) ([]StoryQuote, error) { return a.catalog.Quotes(r.Context(), story, o) })
}

// SearchResult is the body of /api/v1/search.
type SearchResult struct {
	Query  string           `json:"query"`
	Source string           `json:"source,omitempty"`
	From   string           `json:"from,omitempty"`
	To     string           `json:"to,omitempty"`
	Total  int              `json:"total"` // articles matching in all, beyond the limit
	Items  []news.SearchHit `json:"items"`
}

// DateRange reads from and to, each "" or a day as YYYY-MM-DD, as a
// half-open range of time: from the start of from to the end of to (UTC).
func DateRange(from, to string) (start, end time.Time, err error) {
	if from != "" {
		if start, err = time.Parse(time.DateOnly, from); err != nil {
			return start, end, fmt.Errorf("from: want a day as YYYY-MM-DD, not %q", from)
		}
	}
	if to != "" {
		if end, err = time.Parse(time.DateOnly, to); err != nil {
			return start, end, fmt.Errorf("to: want a day as YYYY-MM-DD, not %q", to)
		}
		end = end.AddDate(0, 0, 1)
	}
	if !start.IsZero() && !end.IsZero() && !start.Before(end) {
		return start, end, fmt.Errorf("from %s is after to %s", from, to)
	}
	return start, end, nil
}

// StoryFilters adds to opt the filters of a stories request: source, from
// and to, as for a search.
func StoryFilters(r *http.Request, opt news.ListOptions) (news.ListOptions, error) {
	so, err := SearchOptions(r)
	opt.Source, opt.From, opt.To = so.Source, so.From, so.To
	return opt, err
}

// SearchOptions reads the filters of a search request: source, from and to.
func SearchOptions(r *http.Request) (news.SearchOptions, error) {
	v := r.URL.Query()
	opt := news.SearchOptions{Source: strings.TrimSpace(v.Get("source"))}
	var err error
	if opt.From, opt.To, err = DateRange(v.Get("from"), v.Get("to")); err != nil {
		return opt, Errorf(http.StatusBadRequest, "%v", err)
	}
	return opt, nil
}

// MaxQuery bounds the length of a search query in bytes.
const MaxQuery = 256

func (a *API) search(r *http.Request) (any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return nil, Errorf(http.StatusBadRequest, "missing query: use ?q=words")
	}
	if len(q) > MaxQuery {
		return nil, Errorf(http.StatusBadRequest, "query longer than %d bytes", MaxQuery)
	}
	limit := DefaultLimit
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxLimit {
			return nil, Errorf(http.StatusBadRequest, "limit must be an integer from 1 to %d", MaxLimit)
		}
		limit = n
	}
	opt, err := SearchOptions(r)
	if err != nil {
		return nil, err
	}
	opt.Limit = limit
	res, err := a.store.Search(r.Context(), q, opt)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if res.Hits == nil {
		res.Hits = []news.SearchHit{}
	}
	v := r.URL.Query()
	return SearchResult{Query: q, Source: opt.Source, From: v.Get("from"), To: v.Get("to"), Total: res.Total, Items: res.Hits}, nil
}
