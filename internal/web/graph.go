package web

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/words"
)

// The SVG drawings are laid out here in Go and drawn by the templates from
// plain numbers and strings, so that html/template escapes every label.

// timelineSVG is a horizontal time axis with labelled dates and one
// numbered dot per event; events too close to tell apart stack upward.
type timelineSVG struct {
	Width, Height int
	AxisY, AxisX1 int
	AxisX2        int
	Ticks         []axisLabel
	Dots          []timelineDot
	Legend        []legendItem
}

type timelineDot struct {
	X, Y, LabelY int
	N            int
	Title        string
	Estimated    bool
}

// axisLabel is a labelled tick of an axis.
type axisLabel struct {
	X      int
	Text   string
	Anchor string // text-anchor
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Layout of the timeline and coverage charts.
const (
	chartWidth = 720
	chartPad   = 44 // room at both ends so that the end labels and dots are never clipped
	dotR       = 8
	dotGap     = 2*dotR + 3 // dots closer than this stack
	labelGap   = 78         // least distance between the centres of two day labels
	charW      = 7          // width of a character of a 12 px label, generously
)

// apart tells whether two labels, centred on their X, leave a gap between them.
func apart(a, b axisLabel) bool {
	_, aRight := a.extent()
	bLeft, _ := b.extent()
	return bLeft-aRight >= 8
}

// extent is where the label's text runs, by its anchor.
func (l axisLabel) extent() (left, right int) {
	w := charW * utf8.RuneCountInString(l.Text)
	switch l.Anchor {
	case "start":
		return l.X, l.X + w
	case "end":
		return l.X - w, l.X
	}
	return l.X - w/2, l.X + w - w/2
}

// within aligns a label centred near an end of [lo, hi] to that end, so
// that it neither leaves the drawing nor crosses the axis's own labels.
func within(l axisLabel, lo, hi int) axisLabel {
	left, right := l.extent()
	switch {
	case left < lo:
		l.X, l.Anchor = lo, "start"
	case right > hi:
		l.X, l.Anchor = hi, "end"
	}
	return l
}

func layoutTimeline(events []news.TimelineEvent) *timelineSVG {
	var lo, hi time.Time
	var loText, hiText string // the ends as the events give them (2021-12, not 2021-12-01)
	dates := make([]time.Time, len(events))
	ok := make([]bool, len(events))
	for i, e := range events {
		dates[i], ok[i] = parseDate(e.Date)
		if !ok[i] {
			continue
		}
		if lo.IsZero() || dates[i].Before(lo) {
			lo, loText = dates[i], e.Date
		}
		if !dates[i].Before(hi) {
			hi, hiText = dates[i], e.Date
		}
	}
	if lo.IsZero() {
		return nil
	}
	svg := &timelineSVG{Width: chartWidth, AxisX1: chartPad - dotR, AxisX2: chartWidth - chartPad + dotR}
	x := scaler(lo, hi)
	// Dots left to right; a dot too close to the previous column joins it, one step up.
	type dot struct {
		i, x int
	}
	var ds []dot
	for i := range events {
		if ok[i] {
			ds = append(ds, dot{i, x(dates[i])})
		}
	}
	sort.SliceStable(ds, func(a, b int) bool { return ds[a].x < ds[b].x })
	colX, level, maxLevel := -1000, 0, 0
	levels := make([]int, len(ds))
	for k, d := range ds {
		if d.x-colX < dotGap {
			level++
		} else {
			colX, level = d.x, 0
		}
		levels[k] = level
		maxLevel = max(maxLevel, level)
	}
	svg.Legend = []legendItem{{X: svg.AxisX1, Fill: "#2a6ebb", Text: "date given"},
		{X: svg.AxisX1 + 100, Fill: "#fff", Text: "date estimated", Pale: true},
		{X: svg.AxisX1 + 230, Text: "numbers: the events listed below"}}
	svg.AxisY = 30 + dotR + maxLevel*dotGap + dotR + 4
	for k, d := range ds {
		e := events[d.i]
		y := svg.AxisY - dotR - 4 - levels[k]*dotGap
		title := e.Date + ": " + e.Text
		if e.DateEstimated {
			title = e.Date + " (estimated): " + e.Text
		}
		svg.Dots = append(svg.Dots, timelineDot{X: d.x, Y: y, LabelY: y + 4, N: d.i + 1, Title: title, Estimated: e.DateEstimated})
	}
	svg.Ticks = dateTicks(lo, hi, x)
	svg.Ticks[0].Text = loText
	if len(svg.Ticks) > 1 {
		svg.Ticks[len(svg.Ticks)-1].Text = hiText
	}
	svg.Height = svg.AxisY + 24
	return svg
}

// scaler maps times between lo and hi to x between the chart's pads; a
// single instant sits in the middle.
func scaler(lo, hi time.Time) func(time.Time) int {
	span := hi.Sub(lo)
	return func(t time.Time) int {
		if span <= 0 {
			return chartWidth / 2
		}
		return chartPad + int(float64(chartWidth-2*chartPad)*float64(t.Sub(lo))/float64(span))
	}
}

// dateTicks labels an axis from lo to hi: the ends, and between them the
// days, months or years far enough apart that no two labels overlap.
func dateTicks(lo, hi time.Time, x func(time.Time) int) []axisLabel {
	const format = "2006-01-02"
	if !hi.After(lo) {
		return []axisLabel{{X: x(lo), Text: lo.Format(format), Anchor: "middle"}}
	}
	// The finest unit whose ticks are far enough apart.
	type unit struct {
		step   func(time.Time) time.Time
		start  func(time.Time) time.Time
		format string
	}
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	month := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
	units := []unit{
		{func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }, day, format},
		{func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }, day, format},
		{func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }, month, "2006-01"},
		{func(t time.Time) time.Time { return t.AddDate(0, 3, 0) },
			func(t time.Time) time.Time { return time.Date(t.Year(), (t.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC) }, "2006-01"},
		{func(t time.Time) time.Time { return t.AddDate(1, 0, 0) },
			func(t time.Time) time.Time { return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC) }, "2006"},
	}
	var u unit
	for _, u = range units {
		if first := u.start(lo); x(u.step(first))-x(first) >= labelGap {
			break
		}
	}
	labels := []axisLabel{{X: x(lo), Text: lo.Format(format), Anchor: "middle"}}
	end := axisLabel{X: x(hi), Text: hi.Format(format), Anchor: "middle"}
	for t := u.step(u.start(lo)); t.Before(hi); t = u.step(t) {
		l := axisLabel{X: x(t), Text: t.Format(u.format), Anchor: "middle"}
		if apart(labels[len(labels)-1], l) && apart(l, end) {
			labels = append(labels, l)
		}
	}
	if apart(labels[len(labels)-1], end) {
		labels = append(labels, end)
	} else if len(labels) > 1 {
		labels[len(labels)-1] = end
	}
	return labels
}

// coverageSVG is a bar chart of how many articles came out each day (or
// each hour, for a story under two days long), each article a block
// coloured by its stance toward the main claim.
type coverageSVG struct {
	Width, Height, BaseY, TopY int
	AxisX1, AxisX2             int
	Unit                       string // "day" or "hour"
	Max                        int
	Blocks                     []coverageBlock
	Ticks                      []axisLabel
	Legend                     []legendItem
	Undated                    int
}

type coverageBlock struct {
	X, Y, W, H int
	Fill       string
	Estimated  bool
	Title      string
	URL        string
}

type legendItem struct {
	X          int
	Fill, Text string
	Pale       bool
}

// stanceColours are the coverage chart's colours, in legend order.
var stanceColours = []struct{ key, fill, label string }{
	{"asserts", "#2e8b57", "asserts"},
	{"denies", "#b03a2e", "denies"},
	{"rumour", "#d99a00", "rumour or question"},
	{"mixed", "#7b5ea7", "asserts and denies"},
	{"", "#9aa0a6", "no stance"},
}

func stanceKey(s string) string {
	switch news.Stance(s) {
	case news.Asserts:
		return "asserts"
	case news.Denies, news.Debunks:
		return "denies"
	case news.Questions, news.Rumour:
		return "rumour"
	}
	if s == "mixed" {
		return "mixed"
	}
	return ""
}

func layoutCoverage(v *news.StoryView) *coverageSVG {
	stances := outletStances(v)
	var dated []news.StoryArticle
	g := &coverageSVG{Width: chartWidth, Unit: "day"}
	for _, a := range sortedArticles(v.Articles) {
		if a.Published.IsZero() {
			g.Undated++
			continue
		}
		dated = append(dated, a)
	}
	if len(dated) == 0 {
		return nil
	}
	lo, hi := dated[0].Published.UTC(), dated[len(dated)-1].Published.UTC()
	bin := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	next := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	switch span := hi.Sub(lo); {
	case span < 48*time.Hour && span > 0 && !allMidnight(dated):
		g.Unit = "hour"
		bin = func(t time.Time) time.Time { return t.UTC().Truncate(time.Hour) }
		next = func(t time.Time) time.Time { return t.Add(time.Hour) }
	case span > 366*24*time.Hour:
		// Over a year, days would be slivers (and a wrong date thousands of bars).
		g.Unit = "month"
		bin = func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
		next = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	}
	lo, hi = bin(lo), bin(hi)
	var bins []time.Time
	for t := lo; !t.After(hi); t = next(t) {
		bins = append(bins, t)
	}
	index := map[time.Time]int{}
	for i, t := range bins {
		index[t] = i
	}
	count := make([][]news.StoryArticle, len(bins))
	for _, a := range dated {
		i := index[bin(a.Published.UTC())]
		count[i] = append(count[i], a)
	}
	for _, c := range count {
		g.Max = max(g.Max, len(c))
	}
	const plotH, top = 120, 34
	g.TopY, g.BaseY = top, top+plotH
	g.AxisX1, g.AxisX2 = chartPad-8, chartWidth-chartPad+8
	g.Height = g.BaseY + 26
	slot := float64(chartWidth-2*chartPad) / float64(len(bins))
	barW := max(2, min(48, int(slot*0.7)))
	unitH := float64(plotH) / float64(max(g.Max, 1))
	order := map[string]int{}
	for i, c := range stanceColours {
		order[c.key] = i
	}
	used := map[string]bool{}
	x := func(i int) int { return chartPad + int(slot*(float64(i)+0.5)) }
	for i, arts := range count {
		sort.SliceStable(arts, func(a, b int) bool {
			return order[stanceKey(stances[arts[a].ID])] < order[stanceKey(stances[arts[b].ID])]
		})
		for k, a := range arts {
			st := stances[a.ID]
			key := stanceKey(st)
			used[key] = true
			fill := ""
			for _, c := range stanceColours {
				if c.key == key {
					fill = c.fill
				}
			}
			y0 := g.BaseY - int(unitH*float64(k+1))
			h := int(unitH*float64(k+1)) - int(unitH*float64(k))
			date := dateOf(a.Published)
			if g.Unit == "hour" {
				date = a.Published.UTC().Format("2006-01-02 15:04")
			}
			if a.PublishedEstimated {
				date = "on or after " + date + " (estimated)"
			}
			g.Blocks = append(g.Blocks, coverageBlock{X: x(i) - barW/2, Y: y0 + 1, W: barW, H: max(1, h-1), Fill: fill,
				Estimated: a.PublishedEstimated, URL: articleURL(a.ID),
				Title: a.Source + ", " + date + ": " + stanceLabel(st) + " — " + a.Title})
		}
	}
	// Tick labels under the bins, skipping those that would overlap.
	format := map[string]string{"hour": "Jan 2 15:04", "day": "2006-01-02", "month": "2006-01"}[g.Unit]
	end := within(axisLabel{X: x(len(bins) - 1), Text: bins[len(bins)-1].Format(format), Anchor: "middle"}, g.AxisX1, g.AxisX2)
	for i, t := range bins[:len(bins)-1] {
		l := within(axisLabel{X: x(i), Text: t.Format(format), Anchor: "middle"}, g.AxisX1, g.AxisX2)
		if (len(g.Ticks) == 0 || apart(g.Ticks[len(g.Ticks)-1], l)) && apart(l, end) {
			g.Ticks = append(g.Ticks, l)
		}
	}
	g.Ticks = append(g.Ticks, end)
	lx := chartPad - 8
	estimated := false
	for _, a := range dated {
		estimated = estimated || a.PublishedEstimated
	}
	for _, c := range stanceColours {
		if used[c.key] {
			g.Legend = append(g.Legend, legendItem{X: lx, Fill: c.fill, Text: c.label})
			lx += 22 + 7*len(c.label)
		}
	}
	if estimated {
		g.Legend = append(g.Legend, legendItem{X: lx, Fill: "#9aa0a6", Text: "pale: date estimated", Pale: true})
	}
	return g
}

// allMidnight tells whether the articles give days only (no times).
func allMidnight(as []news.StoryArticle) bool {
	for _, a := range as {
		t := a.Published.UTC()
		if t.Hour() != 0 || t.Minute() != 0 {
			return false
		}
	}
	return true
}

// copyGraphSVG draws articles as nodes on a circle and copies as arrows.
type copyGraphSVG struct {
	Width, Height int
	Nodes         []graphNode
	Edges         []graphEdge
	Omitted       int // articles left out to keep the drawing readable
}

type graphNode struct {
	X, Y        int
	LabelX      int
	LabelY      int
	Anchor      string // text-anchor of the label
	Label       string
	Title       string
	URL         string
	Independent bool
}

type graphEdge struct {
	X1, Y1, X2, Y2 int
	Width          int
	Title          string
	// Directed edges have an arrow: the source of a copy is known. Common
	// edges join two articles that quote the same third party.
	Directed, Common bool
}

// maxNodes bounds the copy graph's nodes.
const maxNodes = 24

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func sortedArticles(as []news.StoryArticle) []news.StoryArticle {
	out := append([]news.StoryArticle(nil), as...)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Published.Equal(out[j].Published) {
			return out[i].Published.Before(out[j].Published)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func layoutCopyGraph(v *news.StoryView) *copyGraphSVG {
	// Large enough to read at the page's width; a few nodes need less height.
	w, h, r := 720.0, 440.0, 160.0
	if len(v.Articles) <= 6 {
		h, r = 330, 125
	}
	g := &copyGraphSVG{Width: int(w), Height: int(h)}
	arts := sortedArticles(v.Articles)
	if len(arts) > maxNodes {
		// Keep the articles involved in copies first, then the earliest.
		involved := map[string]bool{}
		for _, c := range v.Copies {
			involved[c.FromArticleID], involved[c.ToArticleID] = true, true
		}
		sort.SliceStable(arts, func(i, j int) bool { return involved[arts[i].ID] && !involved[arts[j].ID] })
		g.Omitted = len(arts) - maxNodes
		arts = sortedArticles(arts[:maxNodes])
	}
	if len(arts) == 0 {
		return nil
	}
	ind := news.Independence(v)
	pos := map[string][2]float64{}
	for i, a := range arts {
		angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(arts))
		x, y := w/2+r*math.Cos(angle), h/2+r*math.Sin(angle)
		pos[a.ID] = [2]float64{x, y}
		n := graphNode{X: int(x), Y: int(y), Label: truncate(a.Source, 22), URL: articleURL(a.ID),
			Title: a.Source + " — " + a.Title + " (" + dateOf(a.Published) + ")", Independent: ind[a.ID]}
		n.LabelX, n.LabelY, n.Anchor = int(x+18*math.Cos(angle)), int(y+18*math.Sin(angle))+5, "middle"
		switch c := math.Cos(angle); {
		case c > 0.3:
			n.Anchor = "start"
		case c < -0.3:
			n.Anchor = "end"
		}
		g.Nodes = append(g.Nodes, n)
	}
	type pair struct {
		from, to string
		kind     string
		directed bool
	}
	count := map[pair][]string{}
	var order []pair
	for _, c := range v.Copies {
		p := pair{c.FromArticleID, c.ToArticleID, c.Kind, c.Via != "" && c.Kind != news.CommonSource}
		if _, ok := pos[p.from]; !ok {
			continue
		}
		if _, ok := pos[p.to]; !ok || p.from == p.to {
			continue
		}
		if count[p] == nil {
			order = append(order, p)
		}
		count[p] = append(count[p], c.Text)
	}
	for _, p := range order {
		a, b := pos[p.from], pos[p.to]
		dx, dy := b[0]-a[0], b[1]-a[1]
		d := math.Hypot(dx, dy)
		const gap = 14 // keep the arrow off the node circles
		ux, uy := dx/d, dy/d
		texts := count[p]
		what := "copied"
		switch {
		case p.kind == news.CommonSource:
			what = "both quote from a common source"
		case !p.directed:
			what = "shared, direction unknown"
		}
		title := fmt.Sprintf("%s %s: %s", words.Count(len(texts), "passage"), what, truncate(strings.Join(texts, " / "), 200))
		g.Edges = append(g.Edges, graphEdge{X1: int(a[0] + gap*ux), Y1: int(a[1] + gap*uy), X2: int(b[0] - gap*ux), Y2: int(b[1] - gap*uy),
			Width: min(1+len(texts), 5), Title: title, Directed: p.directed, Common: p.kind == news.CommonSource})
	}
	return g
}
