package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// pageSize is the length of UI lists.
const pageSize = 50

var funcs = template.FuncMap{
	"date":       dateOf,
	"snippet":    snippetHTML,
	"storyURL":   func(id string) string { return "/stories/" + url.PathEscape(id) },
	"entityURL":  func(id string) string { return "/entities/" + url.PathEscape(id) },
	"articleURL": articleURL,
	"external":   external,
	"join":       strings.Join,
	"count":      words.Count,
	"outlet":     news.Outlet,
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
}

func (u *ui) storiesPage(r *http.Request) (*page, error) {
	n, err := pageParam(r)
	if err != nil {
		return nil, err
	}
	sort := r.URL.Query().Get("sort")
	switch sort {
	case "":
		sort = "size"
	case "size", "fresh":
	default:
		return nil, api.Errorf(http.StatusBadRequest, "sort must be size or fresh")
	}
	stories, err := u.store.Stories(r.Context(), news.ListOptions{Limit: pageSize + 1, Offset: (n - 1) * pageSize, Sort: sort})
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
	}
	return &page{tmpl: "stories", Title: "Stories", Body: struct {
		Rows  []storyRow
		Sort  string
		Pager pager
	}{rows, sort, makePager(r, n, more)}}, nil
}

// citeLink is a citation as a link to the highlighted span.
type citeLink struct {
	URL, Label, Title string
}

type storyPage struct {
	View           *news.StoryView
	Articles       []articleRow
	Sections       []sheetSection
	Timeline       *timelineSVG
	Events         []eventRow
	Graph          *copyGraphSVG
	Copies         []copyRow
	Quotes         []quoteRow
	Claims         []claimRow
	Contradictions []contraRow
	Entities       []entityChip
	// Hidden counts what the page left out to stay light; ?full=1 shows all.
	Hidden  int
	FullURL string
}

// Limits of a story page unless ?full=1: a story of hundreds of articles
// must still open fast and weigh little.
const (
	maxChips    = 30
	maxCopies   = 25
	maxQuotes   = 20
	maxCarriers = 4
	maxStances  = 15
	maxCites    = 4
	maxLines    = 15 // per sheet section
	maxEvents   = 20
	maxSources  = 100
	maxQuoted   = 280 // bytes of a carrier's variant shown
)

// limit returns at most n items of xs unless full, adding what it drops to hidden.
func limit[T any](xs []T, n int, full bool, hidden *int) []T {
	if full || len(xs) <= n {
		return xs
	}
	*hidden += len(xs) - n
	return xs[:n]
}

type articleRow struct {
	news.StoryArticle
	N           int
	External    string
	Independent bool
}

type sheetSection struct {
	Name  string
	Lines []lineRow
}

type lineRow struct {
	Text  string
	Cites []citeLink
}

type eventRow struct {
	N             int
	Date          string
	Estimated     bool
	Text          string
	FirstReported string
	Cites         []citeLink
}

type copyRow struct {
	From, To, FromURL, ToURL, Text, Via string
	Common                              bool
	Cites                               []citeLink
}

type quoteRow struct {
	Text, Speaker, SpeakerRole, SpeakerURL string
	Altered, Conflict, Social              bool
	Carriers                               []carrierRow
}

type carrierRow struct {
	Source, Text, ToldTo, Medium, Diff string
	Cites                              []citeLink
}

type claimRow struct {
	Text, Status, Reason string
	Stances              []stanceRow
}

type stanceRow struct {
	Source, Stance, By string
	Cites              []citeLink
}

type contraRow struct {
	Kind, Explanation string
	ByTime            bool
	Sides             []lineRow
}

type entityChip struct {
	Name, Type, URL string
	Articles        int
}

// citer turns citations into links labelled with the cited article's outlet.
type citer map[string]news.StoryArticle

func (c citer) links(cs []news.Citation) []citeLink {
	out := make([]citeLink, 0, len(cs))
	for _, x := range cs {
		l := citeLink{URL: citeURL(x), Label: x.ArticleID}
		if a, ok := c[x.ArticleID]; ok {
			l.Label = a.Source
			l.Title = dateOf(a.Published) // short: a long story page carries hundreds of citations
		}
		out = append(out, l)
	}
	return out
}

func (c citer) source(id string) string {
	if a, ok := c[id]; ok {
		return a.Source
	}
	return id
}

func (u *ui) storyPage(r *http.Request) (*page, error) {
	v, err := api.StoryView(r.Context(), u.store, r.PathValue("id"), "/stories/")
	if err != nil {
		return nil, err
	}
	cite := citer{}
	for _, a := range v.Articles {
		cite[a.ID] = a
	}
	full := r.URL.Query().Get("full") == "1"
	sp := &storyPage{View: v, Timeline: layoutTimeline(v.Timeline), Graph: layoutCopyGraph(v),
		FullURL: "/stories/" + url.PathEscape(v.ID) + "?full=1"}
	links := func(cs []news.Citation) []citeLink { return cite.links(limit(cs, maxCites, full, new(int))) }
	ind := news.Independence(v)
	for i, a := range limit(sortedArticles(v.Articles), maxSources, full, &sp.Hidden) {
		sp.Articles = append(sp.Articles, articleRow{StoryArticle: a, N: i + 1, External: external(a.URL), Independent: ind[a.ID]})
	}
	for _, l := range v.Sheet {
		if n := len(sp.Sections); n == 0 || sp.Sections[n-1].Name != l.Section {
			sp.Sections = append(sp.Sections, sheetSection{Name: l.Section})
		}
		s := &sp.Sections[len(sp.Sections)-1]
		if !full && len(s.Lines) >= maxLines {
			sp.Hidden++
			continue
		}
		s.Lines = append(s.Lines, lineRow{Text: l.Text, Cites: links(l.Citations)})
	}
	for i, e := range limit(v.Timeline, maxEvents, full, &sp.Hidden) {
		first := ""
		if e.FirstReported != "" {
			first = cite.source(e.FirstReported)
		}
		sp.Events = append(sp.Events, eventRow{N: i + 1, Date: e.Date, Estimated: e.DateEstimated, Text: e.Text,
			FirstReported: first, Cites: links(e.Citations)})
	}
	for _, c := range limit(v.Copies, maxCopies, full, &sp.Hidden) {
		sp.Copies = append(sp.Copies, copyRow{From: cite.source(c.FromArticleID), To: cite.source(c.ToArticleID),
			FromURL: articleURL(c.FromArticleID), ToURL: articleURL(c.ToArticleID), Text: c.Text, Via: c.Via, Common: c.Kind == news.CommonSource, Cites: links(c.Citations)})
	}
	for _, q := range limit(v.Quotes, maxQuotes, full, &sp.Hidden) {
		qr := quoteRow{Text: q.Text, Speaker: q.Speaker.Name, SpeakerRole: q.Speaker.Role, Altered: q.Altered,
			Conflict: q.SpeakerConflict, Social: q.Social}
		for _, e := range v.Entities {
			if q.Speaker.EntityID != "" && e.ID == q.Speaker.EntityID {
				qr.SpeakerURL = "/entities/" + url.PathEscape(entityID(e))
			}
		}
		for _, c := range limit(q.Carriers, maxCarriers, full, &sp.Hidden) {
			text := c.Text
			if !full {
				text = fold.Clip(text, maxQuoted)
			}
			qr.Carriers = append(qr.Carriers, carrierRow{Source: cite.source(c.ArticleID), Text: text, ToldTo: c.ToldTo,
				Medium: c.Medium, Diff: c.Diff, Cites: links(c.Citations)})
		}
		sp.Quotes = append(sp.Quotes, qr)
	}
	for _, c := range v.Claims {
		cr := claimRow{Text: c.Text, Status: string(c.Status), Reason: c.Reason}
		for _, s := range limit(c.Stances, maxStances, full, &sp.Hidden) {
			cr.Stances = append(cr.Stances, stanceRow{Source: cite.source(s.ArticleID), Stance: string(s.Stance), By: s.By, Cites: links(s.Citations)})
		}
		sp.Claims = append(sp.Claims, cr)
	}
	for _, c := range v.Contradictions {
		cr := contraRow{Kind: c.Kind, Explanation: c.Explanation, ByTime: c.ExplainedByTime}
		for _, s := range c.Sides {
			cr.Sides = append(cr.Sides, lineRow{Text: s.Text, Cites: links(s.Citations)})
		}
		sp.Contradictions = append(sp.Contradictions, cr)
	}
	chips := append([]news.Entity(nil), v.Entities...)
	sort.SliceStable(chips, func(i, j int) bool { return len(chips[i].Articles) > len(chips[j].Articles) })
	for _, e := range limit(chips, maxChips, full, &sp.Hidden) {
		sp.Entities = append(sp.Entities, entityChip{Name: e.Name, Type: string(e.Type),
			URL: "/entities/" + url.PathEscape(entityID(e)), Articles: len(e.Articles)})
	}
	return &page{tmpl: "story", Title: v.Title, Body: sp, source: v}, nil
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
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := &page{tmpl: "search", Title: "Search", Query: q}
	if q == "" {
		p.Body = struct{ Hits []news.SearchHit }{}
		return p, nil
	}
	if len(q) > api.MaxQuery {
		return nil, api.Errorf(http.StatusBadRequest, "query longer than %d bytes", api.MaxQuery)
	}
	hits, err := u.store.Search(r.Context(), q, pageSize)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	p.Title = "Search: " + q
	p.Body = struct{ Hits []news.SearchHit }{hits}
	return p, nil
}

// entityID is the id the entity pages use: the entity's own, else one made
// from its type and name.
func entityID(e news.Entity) string {
	if e.ID != "" {
		return e.ID
	}
	return api.EntityID(e.Type, e.Name)
}
