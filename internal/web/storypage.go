package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/story"
)

// The story page reads top to bottom: the summary, the outlets side by
// side, how coverage spread, then claims, quotes, contradictions, the
// timeline, people and the copy graph. Long lists fold into <details>.

// citeLink is a citation as a link to the highlighted span.
type citeLink struct {
	URL, Label, Title string
}

type storyPage struct {
	View     *news.StoryView
	Summary  []lineRow
	Sections []sheetSection // sheet sections no part of the page shows otherwise
	Outlets  []outletRow
	Coverage *coverageSVG
	Claims   folded[claimRow]
	Quotes   folded[quoteRow] // words of people on the story, most carried first
	Fans     []quoteRow       // fans' posts, grouped
	// FanOutlets counts the articles that quote fans' posts.
	FanOutlets     int
	Contradictions folded[contraRow]
	Timeline       *timelineSVG
	Events         folded[eventRow]
	People         folded[lineRow]
	Entities       []entityChip
	Graph          *copyGraphSVG
	Copies         []copyRow
	Downloads      []download
	// Hidden counts what the page left out to stay light; ?full=1 shows all.
	Hidden  int
	FullURL string
	// SinceChoices is the "what changed since" form's choices (none when
	// the server does not report changes); Changes, what changed since the
	// time asked with ?since=.
	SinceChoices []sinceChoice
	Changes      *changesBox
}

// sinceChoice is one choice of the "what changed since" form.
type sinceChoice struct {
	Value, Label string
	Selected     bool
}

// sinceChoices are the windows the story page offers; ?since= takes any
// time api.ParseSince reads.
var sinceChoices = []sinceChoice{{"6h", "6 hours ago", false}, {"24h", "a day ago", false},
	{"168h", "a week ago", false}, {"720h", "30 days ago", false}}

// changesBox is what changed in a story since a time, as the page shows it.
type changesBox struct {
	Since    time.Time
	Articles []outletRow
	Claims   []claimRow
	Statuses []story.StatusChange
}

// download is a link to the story in an export format.
type download struct{ Label, URL, Type string }

// Limits of a story page unless ?full=1: a story of hundreds of articles
// must still open fast and weigh little.
const (
	maxChips    = 30
	maxCopies   = 25
	maxQuotes   = 20
	maxFans     = 30
	maxCarriers = 4
	maxStances  = 15
	maxCites    = 4
	maxLines    = 15 // per sheet section
	maxEvents   = 20
	maxSources  = 100
	maxQuoted   = 280 // bytes of a carrier's variant shown
	maxHeadline = 110 // bytes of a headline in the outlets table (the whole one in its title)
	maxOpening  = 240 // bytes of a quote shown before its carriers are unfolded
)

// Folds: how many items of a list show before the rest folds away.
const (
	openQuotes = 3
	openEvents = 4
	openPeople = 3
	openContra = 2
	openClaims = 3
)

// folded is a list shown in part, the rest folded in a <details>.
type folded[T any] struct {
	Open, More []T
}

// foldAt shows the first n items of xs.
func foldAt[T any](xs []T, n int) folded[T] {
	if len(xs) <= n {
		return folded[T]{Open: xs}
	}
	return folded[T]{Open: xs[:n], More: xs[n:]}
}

// limit returns at most n items of xs unless full, adding what it drops to hidden.
func limit[T any](xs []T, n int, full bool, hidden *int) []T {
	if full || len(xs) <= n {
		return xs
	}
	*hidden += len(xs) - n
	return xs[:n]
}

type outletRow struct {
	ID, Source, Title, Headline, External string
	Date                                  string
	Estimated                             bool
	Stance                                string // toward the main claim: a news.Stance, "mixed" or ""
	StanceLabel                           string
	Independent                           bool
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
	Text, Opening, Speaker, SpeakerRole, SpeakerURL string
	Altered, Conflict, Social                       bool
	Outlets                                         string // who carries it, comma-separated
	Carriers                                        []carrierRow
	Cites                                           []citeLink
}

type carrierRow struct {
	Source, Text, ToldTo, Medium, Diff string
	Cites                              []citeLink
}

type claimRow struct {
	Text, Status, Reason string
	Main                 bool
	Outlets              int
	Stances              []stanceRow
}

type stanceRow struct {
	Source, Stance, Label, By string
	Cites                     []citeLink
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

// A second or later passage of an article already cited in the same list
// is labelled by its number only ("Sportskeeda 2 3"), to keep lines short.
func (c citer) links(cs []news.Citation) []citeLink {
	out := make([]citeLink, 0, len(cs))
	seen := map[string]int{}
	for _, x := range cs {
		l := citeLink{URL: citeURL(x), Label: x.ArticleID}
		if a, ok := c[x.ArticleID]; ok {
			l.Label = a.Source
			l.Title = dateOf(a.Published) // short: a long story page carries hundreds of citations
		}
		seen[x.ArticleID]++
		if n := seen[x.ArticleID]; n > 1 {
			l.Title = l.Label + ", passage " + strconv.Itoa(n)
			l.Label = strconv.Itoa(n)
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

// Sheet sections that the page shows in parts of their own, from the
// view's structured lists; "People" is shown in the people part.
var shownElsewhere = map[string]bool{"Summary": true, "Key facts": true, "People": true, "Quotes": true,
	"Contradictions": true, "Timeline": true, "Outlets": true}

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
	base := "/api/v1/stories/" + url.PathEscape(v.ID)
	sp := &storyPage{View: v, Timeline: layoutTimeline(v.Timeline), Graph: layoutCopyGraph(v), Coverage: layoutCoverage(v),
		FullURL: "/stories/" + url.PathEscape(v.ID) + "?full=1",
		Downloads: []download{{"Markdown", base + ".md", "text/markdown"}, {"CSV", base + ".csv", "text/csv"},
			{"JSON", base + "?format=json", "application/json"}}}
	links := func(cs []news.Citation) []citeLink { return cite.links(limit(cs, maxCites, full, new(int))) }

	var people []lineRow
	for _, l := range v.Sheet {
		// line is l as a row, and whether a section already holding n lines shows it.
		line := func(n int) (lineRow, bool) {
			return lineRow{Text: l.Text, Cites: links(l.Citations)}, full || n < maxLines
		}
		switch {
		case l.Section == "Summary":
			if row, ok := line(len(sp.Summary)); ok {
				sp.Summary = append(sp.Summary, row)
			} else {
				sp.Hidden++
			}
		case l.Section == "People":
			if row, ok := line(len(people)); ok {
				people = append(people, row)
			} else {
				sp.Hidden++
			}
		case shownElsewhere[l.Section]:
		default:
			if n := len(sp.Sections); n == 0 || sp.Sections[n-1].Name != l.Section {
				sp.Sections = append(sp.Sections, sheetSection{Name: l.Section})
			}
			s := &sp.Sections[len(sp.Sections)-1]
			if row, ok := line(len(s.Lines)); ok {
				s.Lines = append(s.Lines, row)
			} else {
				sp.Hidden++
			}
		}
	}

	sp.People = foldAt(people, openPeople)

	ind := news.Independence(v)
	stances := outletStances(v)
	outlets := sortedArticles(v.Articles)
	sort.SliceStable(outlets, func(i, j int) bool { return !outlets[i].Published.IsZero() && outlets[j].Published.IsZero() })
	for _, a := range limit(outlets, maxSources, full, &sp.Hidden) {
		st := stances[a.ID]
		sp.Outlets = append(sp.Outlets, outletRow{ID: a.ID, Source: a.Source, Title: a.Title,
			Headline: fold.Clip(a.Title, maxHeadline), External: external(a.URL),
			Date: dateOf(a.Published), Estimated: a.PublishedEstimated && !a.Published.IsZero(),
			Stance: st, StanceLabel: stanceLabel(st), Independent: ind[a.ID]})
	}

	var claims []claimRow
	for _, c := range v.Claims {
		cr := claimRow{Text: c.Text, Status: string(c.Status), Reason: c.Reason, Main: c.Main}
		seen := map[string]bool{}
		for _, s := range c.Stances {
			seen[s.ArticleID] = true
		}
		cr.Outlets = len(seen)
		for _, s := range limit(c.Stances, maxStances, full, &sp.Hidden) {
			cr.Stances = append(cr.Stances, stanceRow{Source: cite.source(s.ArticleID), Stance: string(s.Stance),
				Label: stanceLabel(string(s.Stance)), By: s.By, Cites: links(s.Citations)})
		}
		claims = append(claims, cr)
	}
	sp.Claims = foldAt(claims, openClaims)

	var quotes, fans []news.Quote
	for _, q := range v.Quotes {
		if story.FanPost(q) {
			fans = append(fans, q)
		} else {
			quotes = append(quotes, q)
		}
	}
	sort.SliceStable(quotes, func(i, j int) bool { return len(quotes[i].Carriers) > len(quotes[j].Carriers) })
	row := func(q news.Quote) quoteRow {
		qr := quoteRow{Text: q.Text, Opening: q.Text, Speaker: q.Speaker.Name, SpeakerRole: q.Speaker.Role, Altered: q.Altered,
			Conflict: q.SpeakerConflict, Social: q.Social}
		if !full {
			qr.Opening = fold.Clip(q.Text, maxOpening)
		}
		if strings.Contains(strings.ToLower(qr.Speaker), strings.ToLower(qr.SpeakerRole)) {
			qr.SpeakerRole = "" // "Michele Morrone's representative (representative)"
		}
		if qr.Speaker == "" {
			qr.Speaker = "unattributed"
		}
		for _, e := range v.Entities {
			if q.Speaker.EntityID != "" && e.ID == q.Speaker.EntityID {
				qr.SpeakerURL = "/entities/" + url.PathEscape(entityID(e))
			}
		}
		var outlets []string
		var cites []news.Citation
		for _, c := range q.Carriers {
			if s := cite.source(c.ArticleID); !contains(outlets, s) {
				outlets = append(outlets, s)
			}
			if len(c.Citations) > 0 {
				cites = append(cites, c.Citations[0])
			}
		}
		qr.Outlets = strings.Join(outlets, ", ")
		qr.Cites = links(cites)
		if len(q.Carriers) > 1 {
			for _, c := range limit(q.Carriers, maxCarriers, full, &sp.Hidden) {
				text := c.Text
				if !full {
					text = fold.Clip(text, maxQuoted)
				}
				qr.Carriers = append(qr.Carriers, carrierRow{Source: cite.source(c.ArticleID), Text: text, ToldTo: c.ToldTo,
					Medium: c.Medium, Diff: c.Diff, Cites: links(c.Citations)})
			}
		}
		return qr
	}
	var qrows []quoteRow
	for _, q := range limit(quotes, maxQuotes, full, &sp.Hidden) {
		qrows = append(qrows, row(q))
	}
	sp.Quotes = foldAt(qrows, openQuotes)
	fanArts := map[string]bool{}
	for _, q := range fans {
		for _, c := range q.Carriers {
			fanArts[c.ArticleID] = true
		}
	}
	sp.FanOutlets = len(fanArts)
	for _, q := range limit(fans, maxFans, full, &sp.Hidden) {
		sp.Fans = append(sp.Fans, row(q))
	}

	var contras []contraRow
	for _, c := range v.Contradictions {
		cr := contraRow{Kind: strings.ReplaceAll(c.Kind, "_", " "), Explanation: c.Explanation, ByTime: c.ExplainedByTime}
		for _, s := range c.Sides {
			cr.Sides = append(cr.Sides, lineRow{Text: s.Text, Cites: links(s.Citations)})
		}
		contras = append(contras, cr)
	}
	sp.Contradictions = foldAt(contras, openContra)

	var events []eventRow
	for i, e := range limit(v.Timeline, maxEvents, full, &sp.Hidden) {
		first := ""
		if e.FirstReported != "" {
			first = cite.source(e.FirstReported)
		}
		events = append(events, eventRow{N: i + 1, Date: e.Date, Estimated: e.DateEstimated, Text: e.Text,
			FirstReported: first, Cites: links(e.Citations)})
	}
	sp.Events = foldAt(events, openEvents)

	// Chips: only entities the story mentions more than once (or in more
	// than one article): a name met once is as often noise as news.
	var chips []news.Entity
	for _, e := range v.Entities {
		if len(e.Mentions) >= 2 || len(e.Articles) >= 2 {
			chips = append(chips, e)
		}
	}
	sort.SliceStable(chips, func(i, j int) bool { return len(chips[i].Articles) > len(chips[j].Articles) })
	for _, e := range limit(chips, maxChips, full, &sp.Hidden) {
		sp.Entities = append(sp.Entities, entityChip{Name: e.Name, Type: string(e.Type),
			URL: "/entities/" + url.PathEscape(entityID(e)), Articles: len(e.Articles)})
	}

	for _, c := range limit(v.Copies, maxCopies, full, &sp.Hidden) {
		sp.Copies = append(sp.Copies, copyRow{From: cite.source(c.FromArticleID), To: cite.source(c.ToArticleID),
			FromURL: articleURL(c.FromArticleID), ToURL: articleURL(c.ToArticleID), Text: c.Text, Via: c.Via,
			Common: c.Kind == news.CommonSource, Cites: links(c.Citations)})
	}
	if u.changes != nil {
		asked, known := r.URL.Query().Get("since"), false
		for _, c := range sinceChoices {
			c.Selected = c.Value == asked
			known = known || c.Selected
			sp.SinceChoices = append(sp.SinceChoices, c)
		}
		if asked != "" && !known {
			// A time given in the address stays the choice shown.
			sp.SinceChoices = append([]sinceChoice{{Value: asked, Label: asked, Selected: true}}, sp.SinceChoices...)
		}
	}
	if r.URL.Query().Has("since") {
		// A page that says what changed since a time depends on the time
		// ("24h") and on more than the view: it is never reused.
		box, err := u.changesSince(r, v.ID)
		if err != nil {
			return nil, err
		}
		sp.Changes = box
		return &page{tmpl: "story", Title: v.Title, Body: sp}, nil
	}
	return &page{tmpl: "story", Title: v.Title, Body: sp, source: v}, nil
}

// changesSince is what changed in story id since the time of ?since=.
func (u *ui) changesSince(r *http.Request, id string) (*changesBox, error) {
	if u.changes == nil {
		return nil, api.Errorf(http.StatusNotImplemented, "this server does not report what changed in a story")
	}
	since, err := api.SinceParam(r, 24*time.Hour)
	if err != nil {
		return nil, err
	}
	ch, err := u.changes(r.Context(), id, since)
	if err != nil {
		return nil, err
	}
	box := &changesBox{Since: since, Statuses: ch.Statuses}
	for _, a := range sortedArticles(ch.Articles) {
		box.Articles = append(box.Articles, outletRow{ID: a.ID, Source: a.Source, Title: a.Title,
			Headline: fold.Clip(a.Title, maxHeadline), Date: dateOf(a.Published),
			Estimated: a.PublishedEstimated && !a.Published.IsZero()})
	}
	for _, c := range ch.Claims {
		box.Claims = append(box.Claims, claimRow{Text: c.Text, Status: string(c.Status), Reason: c.Reason, Main: c.Main})
	}
	return box, nil
}

// stanceRank orders stances from the firmest: an outlet that denies or
// asserts the claim somewhere is shown so, whatever rumours it also relays.
var stanceRank = map[news.Stance]int{news.Debunks: 0, news.Denies: 1, news.Asserts: 1, news.Questions: 2,
	news.Rumour: 3, news.Unrelated: 4}

// outletStances gives each article's stance toward the main claim: its
// firmest, or "mixed" when it both asserts and denies. Articles without a
// stance, and every article when the story has no main claim, are absent.
func outletStances(v *news.StoryView) map[string]string {
	out := map[string]string{}
	if len(v.Claims) == 0 || !v.Claims[0].Main {
		return out
	}
	for _, s := range v.Claims[0].Stances {
		if s.Stance == news.Unrelated {
			continue
		}
		prev, ok := out[s.ArticleID]
		switch {
		case !ok:
			out[s.ArticleID] = string(s.Stance)
		case prev == "mixed":
		case firm(prev) && firm(string(s.Stance)) && against(prev) != against(string(s.Stance)):
			out[s.ArticleID] = "mixed"
		case stanceRank[s.Stance] < stanceRank[news.Stance(prev)]:
			out[s.ArticleID] = string(s.Stance)
		}
	}
	return out
}

func firm(s string) bool    { return s == string(news.Asserts) || against(s) }
func against(s string) bool { return s == string(news.Denies) || s == string(news.Debunks) }

// stanceLabel is a stance as words.
func stanceLabel(s string) string {
	switch s {
	case "":
		return "no stance"
	case string(news.Rumour):
		return "reports rumour"
	case "mixed":
		return "asserts and denies"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
