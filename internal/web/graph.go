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

// timelineSVG is a horizontal time axis with one numbered dot per event.
type timelineSVG struct {
	Width, Height int
	AxisY         int
	Start, End    string // axis end labels
	Dots          []timelineDot
}

type timelineDot struct {
	X, Y, LabelY int
	N            int
	Title        string
	Estimated    bool
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

func layoutTimeline(events []news.TimelineEvent) *timelineSVG {
	const w, pad = 640, 30
	svg := &timelineSVG{Width: w, Height: 70, AxisY: 40}
	var lo, hi time.Time
	dates := make([]time.Time, len(events))
	ok := make([]bool, len(events))
	for i, e := range events {
		dates[i], ok[i] = parseDate(e.Date)
		if !ok[i] {
			continue
		}
		if lo.IsZero() || dates[i].Before(lo) {
			lo = dates[i]
		}
		if dates[i].After(hi) {
			hi = dates[i]
		}
	}
	if lo.IsZero() {
		return nil
	}
	svg.Start, svg.End = lo.Format("2006-01-02"), hi.Format("2006-01-02")
	span := hi.Sub(lo)
	lastX, row := -100, 0
	for i, e := range events {
		if !ok[i] {
			continue
		}
		x := w / 2
		if span > 0 {
			x = pad + int(float64(w-2*pad)*float64(dates[i].Sub(lo))/float64(span))
		}
		// Stagger labels of dots that would overlap.
		if x-lastX < 16 {
			row = (row + 1) % 3
		} else {
			row = 0
		}
		lastX = x
		svg.Dots = append(svg.Dots, timelineDot{X: x, Y: svg.AxisY, LabelY: svg.AxisY - 12 - 11*row, N: i + 1,
			Title: e.Date + ": " + e.Text, Estimated: e.DateEstimated})
	}
	return svg
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
	const w, h, r = 640, 360, 130
	g := &copyGraphSVG{Width: w, Height: h}
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
		n.LabelX, n.LabelY, n.Anchor = int(x+14*math.Cos(angle)), int(y+14*math.Sin(angle))+4, "middle"
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
		const gap = 11 // keep the arrow off the node circles
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
