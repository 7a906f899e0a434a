package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// errCheckFailed makes `crosscheck check` exit 1 when it finds problems it
// was not asked to repair.
var errCheckFailed = errors.New("the store has problems: run crosscheck check --repair")

func runCheck(ctx context.Context, args []string) error {
	fs := newFlags("check", "check [--repair] [--db PATH]")
	repair := fs.Bool("repair", false, "rebuild every story found wrong (and delete the empty ones), then check again")
	return withStore(ctx, fs, args, 0, func(s news.Store) error {
		bad, report, err := checkStore(ctx, s)
		if err != nil {
			return err
		}
		for _, line := range report {
			fmt.Println(line)
		}
		if len(bad) == 0 {
			fmt.Println("ok: every news article is in a listed story and every story's view matches its articles")
			return nil
		}
		if !*repair {
			return errCheckFailed
		}
		e, err := engine.New(ctx, s, engine.DefaultConfig())
		if err != nil {
			return err
		}
		if err := e.RebuildAll(ctx, bad); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "repaired: %s rebuilt\n", plural(len(bad), "story", "stories"))
		if bad, report, err = checkStore(ctx, s); err != nil {
			return err
		} else if len(bad) > 0 {
			for _, line := range report {
				fmt.Println(line)
			}
			return errCheckFailed
		}
		fmt.Println("ok: every news article is in a listed story and every story's view matches its articles")
		return nil
	})
}

// checkStore verifies a store's stories: every article placed in a story
// that exists and is listed, every listed story with articles and a view
// that lists exactly them, nothing left dirty by an interrupted run. It
// returns the ids of the stories to rebuild and a line per problem.
func checkStore(ctx context.Context, s news.Store) (bad []string, report []string, err error) {
	badSet := map[string]bool{}
	flag := func(id, format string, a ...any) {
		badSet[id] = true
		report = append(report, fmt.Sprintf(format, a...))
	}
	list, err := s.Stories(ctx, news.ListOptions{})
	if err != nil {
		return nil, nil, err
	}
	listed := map[string]bool{}
	for _, st := range list {
		listed[st.ID] = true
		ids, err := s.StoryArticles(ctx, st.ID)
		if err != nil {
			return nil, nil, err
		}
		if len(ids) == 0 {
			flag(st.ID, "story %s is listed with %s but has none", st.ID, plural(st.ArticleCount, "article", "articles"))
			continue
		}
		v, err := s.View(ctx, st.ID)
		if errors.Is(err, news.ErrNotFound) {
			flag(st.ID, "story %s has no view", st.ID)
			continue
		} else if err != nil {
			return nil, nil, err
		}
		inView := make([]string, 0, len(v.Articles))
		for _, a := range v.Articles {
			inView = append(inView, a.ID)
		}
		slices.Sort(ids)
		slices.Sort(inView)
		if !slices.Equal(ids, inView) {
			flag(st.ID, "story %s: its view lists %d articles, the store %d", st.ID, len(inView), len(ids))
		}
	}
	as, err := s.Assignments(ctx)
	if err != nil {
		return nil, nil, err
	}
	unlisted := map[string]int{}
	for _, a := range as {
		if !listed[a[1]] {
			unlisted[a[1]]++
		}
	}
	for id, n := range unlisted {
		flag(id, "story %s holds %s but is not listed", id, plural(n, "article", "articles"))
	}
	dirty, err := s.DirtyStories(ctx)
	if err != nil {
		return nil, nil, err
	}
	if len(dirty) > 0 {
		report = append(report, plural(len(dirty), "story was", "stories were")+" left unfinished by an interrupted run")
		for _, id := range dirty {
			badSet[id] = true
		}
	}
	for id := range badSet {
		bad = append(bad, id)
	}
	sort.Strings(bad)
	sort.Strings(report)
	return bad, report, nil
}
