package story

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

// CSVHeader is the first line of WriteCSV: the same columns for every kind
// of row, empty where a column does not apply (docs/json.md, "CSV").
var CSVHeader = []string{"kind", "id", "claim_id", "article_id", "outlet", "date", "date_estimated", "main",
	"status", "stance", "speaker", "independent", "text", "detail", "url", "citations"}

// WriteCSV writes a story view as one CSV table: a row per article, then a
// row per claim followed by a row per stance toward it, then a row per
// quote and carrying article. The kind column ("article", "claim",
// "stance", "quote") comes first. citations are "ARTICLE_ID:START-END"
// byte ranges into the articles' cleaned texts, separated by spaces. A
// value that a spreadsheet would read as a formula (starting with =, +, -,
// @) is written with a leading apostrophe.
func WriteCSV(w io.Writer, v *news.StoryView) error {
	cw := csv.NewWriter(w)
	arts := map[string]news.StoryArticle{}
	for _, a := range v.Articles {
		arts[a.ID] = a
	}
	row := func(kind string, set func(map[string]string)) {
		m := map[string]string{"kind": kind}
		set(m)
		rec := make([]string, len(CSVHeader))
		for i, col := range CSVHeader {
			rec[i] = safeCell(m[col])
		}
		cw.Write(rec)
	}
	article := func(m map[string]string, id string) {
		m["article_id"] = id
		a, ok := arts[id]
		if !ok {
			return
		}
		m["outlet"] = news.Outlet(a.Source, a.URL, a.Path)
		if !a.Published.IsZero() {
			m["date"] = a.Published.Format("2006-01-02")
			m["date_estimated"] = strconv.FormatBool(a.PublishedEstimated)
		}
	}
	cw.Write(CSVHeader)
	ind := news.Independence(v)
	for _, a := range v.Articles {
		row("article", func(m map[string]string) {
			article(m, a.ID)
			m["id"] = a.ID
			m["independent"] = strconv.FormatBool(ind[a.ID])
			m["text"] = a.Title
			m["url"] = first(a.URL, a.Path)
			if a.Group != "" && a.Group != a.ID {
				m["detail"] = "copy group " + a.Group
			}
		})
	}
	for _, c := range v.Claims {
		row("claim", func(m map[string]string) {
			m["id"], m["claim_id"] = c.ID, c.ID
			m["main"] = strconv.FormatBool(c.Main)
			m["status"] = string(c.Status)
			m["text"] = c.Text
			m["detail"] = c.Reason // its citations are its stances'
		})
		for _, s := range c.Stances {
			row("stance", func(m map[string]string) {
				article(m, s.ArticleID)
				m["claim_id"] = c.ID
				m["stance"] = string(s.Stance)
				m["speaker"] = s.By
				m["text"] = s.Text
				m["detail"] = s.Voice
				if s.OnRecord {
					m["detail"] = strings.TrimPrefix(m["detail"]+"; on record", "; ")
				}
				m["citations"] = citeList(s.Citations)
			})
		}
	}
	for _, q := range v.Quotes {
		for _, c := range q.Carriers {
			row("quote", func(m map[string]string) {
				article(m, c.ArticleID)
				m["id"] = q.ID
				m["speaker"] = q.Speaker.Name
				m["text"] = c.Text
				var d []string
				if c.ToldTo != "" {
					d = append(d, "told to "+c.ToldTo)
				}
				if c.Medium != "" {
					d = append(d, "medium "+c.Medium)
				}
				if c.Diff != "" {
					d = append(d, "differs: "+c.Diff)
				}
				if FanPost(q) {
					d = append(d, "fan's post")
				}
				m["detail"] = strings.Join(d, "; ")
				m["citations"] = citeList(c.Citations)
			})
		}
	}
	cw.Flush()
	return cw.Error()
}

func citeList(cs []news.Citation) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, c.ArticleID+":"+strconv.Itoa(c.Start)+"-"+strconv.Itoa(c.End))
	}
	return strings.Join(parts, " ")
}

// safeCell keeps a spreadsheet from running a cell as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
