package web

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// pageSize is the length of UI lists.
const pageSize = 50

var funcs = template.FuncMap{
	"date":       dateOf,
	"datetime":   func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"snippet":    snippetHTML,
	"storyURL":   func(id string) string { return "/stories/" + url.PathEscape(id) },
	"entityURL":  func(id string) string { return "/entities/" + url.PathEscape(id) },
	"articleURL": articleURL,
	"external":   external,
	"join":       strings.Join,
	"count":      words.Count,
	"outlet":     news.Outlet,
	"citeURL":    citeURL,
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2006-01-02")
}

func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }

// citeURL opens the cited article with the span highlighted.
func citeURL(c news.Citation) string {
	return fmt.Sprintf("%s?hl=%d-%d#hl", articleURL(c.ArticleID), c.Start, c.End)
}

// external returns u when it is an http or https URL, else "": other
// schemes (javascript:, data:) are never made into links.
func external(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// pager is the previous/next links of a list page.
type pager struct {
	Prev, Next string
	Page       int
}

func pageParam(r *http.Request) (int, error) {
	s := r.URL.Query().Get("page")
	if s == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, api.Errorf(http.StatusBadRequest, "page must be a positive integer")
	}
	return n, nil
}

func makePager(r *http.Request, n int, more bool) pager {
	link := func(k int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(k))
		return r.URL.Path + "?" + q.Encode()
	}
	p := pager{Page: n}
	if n > 1 {
		p.Prev = link(n - 1)
	}
	if more {
		p.Next = link(n + 1)
	}
	return p
}

type storyRow struct {
	news.Story
	SourceList string
	// ChangesURL, in a list sorted by growth, opens the story's changes
	// over the list's window.
	ChangesURL string
}

func (u *ui) storiesPage(r *http.Request) (*page, error) {
	n, err := pageParam(r)
	if err != nil {
		return nil, err
	}
	v := r.URL.Query()
	sort := v.Get("sort")
	switch sort {
	case "":
		sort = "size"
	case "size", "fresh", "growth":
	default:
		return nil, api.Errorf(http.StatusBadRequest, "sort must be size, fresh or growth")
	}
	opt, err := api.StoryFilters(r, news.ListOptions{Limit: pageSize + 1, Offset: (n - 1) * pageSize, Sort: sort})
	if err != nil {
		return nil, err
	}
	if opt.GrowthSince, err = api.SinceParam(r, 24*time.Hour); err != nil {
		return nil, err
	}
	since := cmp.Or(v.Get("since"), "24h") // the window a story's changes are shown for
	stories, err := u.store.Stories(r.Context(), opt)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	more := len(stories) > pageSize
	stories = stories[:min(len(stories), pageSize)]
	rows := make([]storyRow, len(stories))
	for i, s := range stories {
		src := s.Sources
		extra := ""
		if len(src) > 4 {
			src, extra = src[:4], fmt.Sprintf(" +%d", len(s.Sources)-4)
		}
		rows[i] = storyRow{Story: s, SourceList: strings.Join(src, ", ") + extra}
		if s.Recent != nil {
			rows[i].ChangesURL = "/stories/" + url.PathEscape(s.ID) + "?" + url.Values{"since": {since}}.Encode() + "#changes"
		}
	}
	sortLink := func(by string) string {
		q := r.URL.Query()
		q.Del("page")
		q.Set("sort", by)
		return "/?" + q.Encode()
	}
	return &page{tmpl: "stories", Title: "Stories", Body: struct {
		Rows             []storyRow
		Sort             string
		Since            string
		WindowStart      time.Time
		SortLinks        map[string]string
		Source, From, To string
		Filtered         bool
		Pager            pager
	}{rows, sort, since, opt.GrowthSince, map[string]string{"size": sortLink("size"), "fresh": sortLink("fresh"), "growth": sortLink("growth")},
		opt.Source, v.Get("from"), v.Get("to"), opt.Source != "" || !opt.From.IsZero() || !opt.To.IsZero(), makePager(r, n, more)}}, nil
}

func (u *ui) articlesPage(r *http.Request) (*page, error) {
	n, err := pageParam(r)
	if err != nil {
		return nil, err
	}
	list, err := u.store.Articles(r.Context(), news.ListOptions{Limit: pageSize + 1, Offset: (n - 1) * pageSize, Sort: "published"})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	more := len(list) > pageSize
	return &page{tmpl: "articles", Title: "Articles", Body: struct {
		Rows  []news.ArticleSummary
		Pager pager
	}{list[:min(len(list), pageSize)], makePager(r, n, more)}}, nil
}

type articlePage struct {
	*news.Article
	External string
	Segments []segment
	Cited    string // the highlighted text, when ?hl= is valid
	Counts   map[string]int
}

func (u *ui) articlePage(r *http.Request) (*page, error) {
	a, err := u.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	hl, ok := parseHL(r.URL.Query().Get("hl"), len(a.Text))
	p := &articlePage{Article: a, External: external(a.URL),
		Segments: segments(a.Text, articleMarks(a, hl, ok), a.Removed),
		Counts: map[string]int{"mentions": len(a.Mentions), "quotes": len(a.Quotes),
			"claims": len(a.Statements), "social": len(a.Social)}}
	if ok {
		p.Cited = hl.Text(a.Text)
	}
	return &page{tmpl: "article", Title: a.Title, Body: p}, nil
}

func (u *ui) entitiesPage(r *http.Request) (*page, error) {
	n, err := pageParam(r)
	if err != nil {
		return nil, err
	}
	typ := news.EntityType(r.URL.Query().Get("type"))
	list, err := u.catalog.Entities(r.Context(), typ, news.ListOptions{Limit: pageSize + 1, Offset: (n - 1) * pageSize})
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	more := len(list) > pageSize
	return &page{tmpl: "entities", Title: "Entities", Body: struct {
		Rows  []api.EntitySummary
		Type  string
		Types []string
		Pager pager
	}{list[:min(len(list), pageSize)], string(typ), []string{"PER", "ORG", "LOC", "MISC", "WORK", "EVENT"}, makePager(r, n, more)}}, nil
}

type attrGroup struct {
	Name     string
	Conflict bool
	Values   []attrValue
}

type attrValue struct {
	Value string
	Cites []citeLink
}

func (u *ui) entityPage(r *http.Request) (*page, error) {
	e, err := u.catalog.Entity(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var groups []attrGroup
	find := func(name string) *attrGroup {
		for i := range groups {
			if groups[i].Name == name {
				return &groups[i]
			}
		}
		groups = append(groups, attrGroup{Name: name})
		return &groups[len(groups)-1]
	}
	for _, at := range e.Attributes {
		g := find(at.Name)
		var val *attrValue
		for i := range g.Values {
			if g.Values[i].Value == at.Value {
				val = &g.Values[i]
			}
		}
		if val == nil {
			g.Values = append(g.Values, attrValue{Value: at.Value})
			val = &g.Values[len(g.Values)-1]
			g.Conflict = len(g.Values) > 1
		}
		label := at.Source
		if label == "" {
			label = at.ArticleID
		}
		val.Cites = append(val.Cites, citeLink{URL: citeURL(at.Citation), Label: label})
	}
	return &page{tmpl: "entity", Title: e.Name, Body: struct {
		*api.EntityDetail
		Groups []attrGroup
	}{e, groups}}, nil
}

func (u *ui) searchPage(r *http.Request) (*page, error) {
	v := r.URL.Query()
	q := strings.TrimSpace(v.Get("q"))
	p := &page{tmpl: "search", Title: "Search", Query: q}
	body := searchBody{Query: q, Source: strings.TrimSpace(v.Get("source")), From: v.Get("from"), To: v.Get("to")}
	p.Body = &body
	if q == "" {
		return p, nil
	}
	if len(q) > api.MaxQuery {
		return nil, api.Errorf(http.StatusBadRequest, "query longer than %d bytes", api.MaxQuery)
	}
	opt, err := api.SearchOptions(r)
	if err != nil {
		return nil, err
	}
	opt.Limit = pageSize
	res, err := u.store.Search(r.Context(), q, opt)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	p.Title = "Search: " + q
	body.Searched, body.Hits, body.Total = true, res.Hits, res.Total
	return p, nil
}

// searchBody is what the search page shows: the form as submitted, and the
// best hits out of Total.
type searchBody struct {
	Query, Source, From, To string
	Searched                bool
	Hits                    []news.SearchHit
	Total                   int
}

// entityID is the id the entity pages use: the entity's own, else one made
// from its type and name.
func entityID(e news.Entity) string {
	if e.ID != "" {
		return e.ID
	}
	return api.EntityID(e.Type, e.Name)
}
