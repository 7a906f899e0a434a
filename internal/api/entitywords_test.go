package api

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/news"
)

func TestEntityWords(t *testing.T) {
	cite := func(id string) []news.Citation { return []news.Citation{{ArticleID: id, Start: 1, End: 5}} }
	v := &news.StoryView{ID: "s1", Title: "Strike",
		Articles: []news.StoryArticle{{ID: "a1", Source: "Ledger"}, {ID: "a2", Source: "Wire"}},
		Quotes: []news.Quote{
			{Text: "we stay out", Speaker: news.Speaker{Name: "Mara Lind", EntityID: "per-mara-lind"},
				Carriers: []news.Carrier{{ArticleID: "a1", Citations: cite("a1")}, {ArticleID: "a2", Citations: cite("a2")}}},
			{Text: "by name only", Speaker: news.Speaker{Name: "Lind"}, Carriers: []news.Carrier{{ArticleID: "a2", Citations: cite("a2")}}},
			{Text: "someone else", Speaker: news.Speaker{Name: "Ola Berg", EntityID: "per-ola-berg"}},
		},
		Claims: []news.Claim{
			{Text: "Lind called the strike", Stances: []news.StanceEntry{
				{ArticleID: "a1", Stance: news.Asserts, Citations: cite("a1")}, {ArticleID: "a1", Stance: news.Asserts, Citations: cite("a1")}}},
			{Text: "Lindholm ferries stopped"},
			{Text: "the union leader spoke"},
		},
	}
	quotes, claims := EntityWords(v, "per-mara-lind", "Mara Lind", []string{"Lind", "the union leader"})
	if len(quotes) != 2 || quotes[0].Text != "we stay out" || len(quotes[0].Carriers) != 2 || quotes[0].Carriers[1].Source != "Wire" {
		t.Errorf("quotes = %+v", quotes)
	}
	if len(claims) != 1 || claims[0].Text != "Lind called the strike" || len(claims[0].Stances) != 1 || claims[0].Stances[0].Source != "Ledger" {
		t.Errorf("claims = %+v", claims)
	}
}
