package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/fold"
	"github.com/crosscheck-news/crosscheck/internal/ingest"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// TestSeedStory runs the whole product on the five seed articles plus an
// unrelated one and checks what the issues ask of the example story. Every
// check goes through general stages: nothing here feeds the pipeline.
func TestSeedStory(t *testing.T) {
	seeds := datadir.Require(t, "seeds")
	ctx := t.Context()
	dir := t.TempDir()
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(other, []byte("Title: Council approves new tram line\nSource: Harbour Gazette\nDate: 2022-09-20\n\n"+
		"The city council voted on Tuesday to fund a tram line linking the harbour to the university. "+
		"Mayor Ines Okafor said construction would start next spring.\n\nThe line will cost 240 million euros."), 0o644)
	store, err := openStore(ctx, filepath.Join(dir, "seeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	e, err := engine.New(ctx, store, engine.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.Run(ctx, engine.Paths(&ingest.Reader{}, []string{seeds, other}), func(err error) { t.Error(err) }, nil)
	if err != nil || sum.New != 6 {
		t.Fatalf("ingest: %v %v", sum, err)
	}
	stories, _ := store.Stories(ctx, news.ListOptions{})
	if len(stories) != 2 || stories[0].ArticleCount != 5 || stories[1].ArticleCount != 1 {
		t.Fatalf("stories = %+v", stories)
	}
	v, err := store.View(ctx, stories[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	// Which article is which, by input file.
	src := map[string]string{}
	for _, a := range v.Articles {
		src[a.ID] = strings.SplitN(filepath.Base(a.Path), "_", 2)[0]
	}
	byFile := func(cs []news.Citation) map[string]bool {
		out := map[string]bool{}
		for _, c := range cs {
			out[src[c.ArticleID]] = true
		}
		return out
	}
	arts, _ := store.ArticlesByID(ctx, func() []string {
		var ids []string
		for _, a := range v.Articles {
			ids = append(ids, a.ID)
		}
		return ids
	}())
	text := map[string]string{}
	for _, a := range arts {
		text[a.ID] = a.Text
	}

	t.Run("entities", func(t *testing.T) {
		find := func(name string) []news.Entity {
			var out []news.Entity
			for _, en := range v.Entities {
				if fold.String(en.Name) == fold.String(name) {
					out = append(out, en)
				}
			}
			return out
		}
		for _, n := range []string{"Michele Morrone", "Khloé Kardashian", "Kim Kardashian", "Tristan Thompson"} {
			if got := find(n); len(got) != 1 {
				t.Errorf("%s: %d entities: %+v", n, len(got), got)
			}
		}
		mm, kk := find("Michele Morrone"), find("Khloé Kardashian")
		if len(mm) == 1 {
			al := fold.String(strings.Join(mm[0].Aliases, "|"))
			for _, want := range []string{"marrone", "morone"} {
				if !strings.Contains(al, want) {
					t.Errorf("Morrone aliases lack %s: %v", want, mm[0].Aliases)
				}
			}
			checkAttr(t, mm[0], "age", "31", 3, byFile)
			checkAttr(t, mm[0], "hometown", "Reggio Calabria", 1, byFile)
		}
		if len(kk) == 1 {
			if !strings.Contains(fold.String(strings.Join(kk[0].Aliases, "|")), "klhoe") {
				t.Errorf("Khloé aliases lack Klhoé: %v", kk[0].Aliases)
			}
			checkAttr(t, kk[0], "age", "38", 2, byFile)
		}
		if n := len(find("True")) + len(find("True Thompson")); n != 1 {
			t.Errorf("%d True entities: %+v %+v", n, find("True"), find("True Thompson"))
		}
	})

	t.Run("quotes", func(t *testing.T) {
		var rep, decider, tweet, dolce bool
		for _, q := range v.Quotes {
			files := map[string]bool{}
			for _, c := range q.Carriers {
				files[src[c.ArticleID]] = true
			}
			low := fold.String(q.Text)
			switch {
			case strings.Contains(low, "extent of the story") && files["000"] && files["001"]:
				rep = strings.Contains(fold.String(q.Speaker.Name), "morrone") && q.Speaker.Role != ""
			case strings.Contains(low, "incredibly difficult to find real love") && len(files) == 2:
				decider = fold.String(q.Speaker.Name) == "michele morrone"
			case strings.Contains(low, "duo i never knew i needed") && q.Social && len(files) >= 3:
				tweet = true
			case strings.Contains(low, "never gonna guess who i invited"):
				dolce = dolce || strings.Contains(fold.String(q.Speaker.Name), "domenico")
			}
		}
		if !rep || !decider || !tweet || !dolce {
			t.Errorf("rep denial %v, Decider quote %v, fan tweet %v, Dolce nested %v", rep, decider, tweet, dolce)
		}
	})

	t.Run("copies", func(t *testing.T) {
		pairs := map[string]bool{}
		for _, c := range v.Copies {
			low := fold.String(c.Text)
			a, b := src[c.FromArticleID], src[c.ToArticleID]
			key := min(a, b) + "-" + max(a, b)
			switch {
			case strings.Contains(low, "difficult to find real love"):
				pairs["decider:"+key] = true
			case strings.Contains(low, "never knew i needed"):
				pairs["tweet:"+a] = true
				pairs["tweet:"+b] = true
			case strings.Contains(low, "extent of the story"):
				pairs["rep:"+key] = true
			}
		}
		for _, want := range []string{"decider:001-003", "rep:000-001", "tweet:001", "tweet:003", "tweet:004"} {
			if !pairs[want] {
				t.Errorf("copy graph lacks %s (has %v)", want, pairs)
			}
		}
	})

	t.Run("claims", func(t *testing.T) {
		if len(v.Claims) == 0 || v.Claims[0].Status != news.Denied || !strings.Contains(v.Claims[0].Text, "dating") {
			t.Fatalf("main claim = %+v", v.Claims)
		}
		denied := map[string]bool{}
		for _, s := range v.Claims[0].Stances {
			if s.Stance == news.Denies && strings.Contains(s.By, "representative") {
				denied[src[s.ArticleID]] = true
			}
		}
		if !denied["000"] || !denied["001"] || !denied["002"] {
			t.Errorf("representative's denial carried by %v, want 000, 001, 002", denied)
		}
		stale := map[string]bool{}
		var trueAges bool
		for _, c := range v.Contradictions {
			if c.Kind == "stale" {
				for f := range byFile(c.Sides[0].Citations) {
					stale[f] = true
				}
			}
			if c.Kind == "attribute" && strings.HasPrefix(c.Explanation, "True") && c.ExplainedByTime {
				trueAges = true
			}
		}
		if !stale["003"] || !stale["004"] {
			t.Errorf("stale lines flagged in %v, want 003 and 004", stale)
		}
		if !trueAges {
			t.Errorf("True's ages not explained by time: %+v", v.Contradictions)
		}
		// The relations take the status their sources give: the meeting every
		// outlet describes and the split with Tristan Thompson that outlets
		// state as fact are confirmed; no relation is invented around them.
		rel := map[string]news.Status{}
		for _, c := range v.Claims[1:] {
			if c.Kind == "relation" {
				rel[fold.String(c.Text)] = c.Status
			}
		}
		if rel["khloe kardashian and michele morrone have met"] != news.Confirmed ||
			rel["khloe kardashian and tristan thompson have split"] != news.Confirmed {
			t.Errorf("relations = %v", rel)
		}
		for text := range rel {
			if strings.Contains(text, "michele morrone and tristan thompson") || strings.Contains(text, "tristan thompson and michele morrone") {
				t.Errorf("invented relation %q", text)
			}
		}
	})

	t.Run("timeline", func(t *testing.T) {
		var story, denial bool
		for _, e := range v.Timeline {
			low := fold.String(e.Text)
			story = story || e.Date == "2022-09-24" && strings.Contains(low, "instagram")
			denial = denial || e.Date == "2022-09-27" && strings.Contains(low, "den")
		}
		if !story || !denial {
			t.Errorf("timeline: Instagram Story %v, denial %v: %+v", story, denial, v.Timeline)
		}
	})

	t.Run("every line cited", func(t *testing.T) {
		if len(v.Sheet) < 10 {
			t.Fatalf("sheet has %d lines", len(v.Sheet))
		}
		for _, l := range v.Sheet {
			if len(l.Citations) == 0 {
				t.Errorf("uncited line %q", l.Text)
			}
			for _, c := range l.Citations {
				tx, ok := text[c.ArticleID]
				if !ok || c.Start < 0 || c.End > len(tx) || c.Start >= c.End {
					t.Errorf("bad citation %+v on %q", c, l.Text)
				}
			}
		}
	})

	again, err := e.Run(ctx, engine.Paths(&ingest.Reader{}, []string{seeds}), func(err error) { t.Error(err) }, nil)
	if err != nil || again.Unchanged != 5 || again.New != 0 {
		t.Errorf("re-ingest: %v %v", again, err)
	}
}

func checkAttr(t *testing.T, e news.Entity, name, value string, sources int, byFile func([]news.Citation) map[string]bool) {
	t.Helper()
	for _, a := range e.Attributes {
		if a.Name == name && a.Value == value {
			if n := len(byFile(a.Citations)); n < sources {
				t.Errorf("%s %s=%s cited from %d articles, want %d", e.Name, name, value, n, sources)
			}
			return
		}
	}
	t.Errorf("%s has no %s=%s: %+v", e.Name, name, value, e.Attributes)
}
