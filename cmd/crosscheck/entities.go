package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck-news/crosscheck/internal/api"
	"github.com/crosscheck-news/crosscheck/internal/entity"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// runEntities lists the entities of one story or of the whole corpus.
func runEntities(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("entities", flag.ContinueOnError)
	story := fs.String("story", "", "list the entities of this story only")
	asJSON := fs.Bool("json", false, "print JSON")
	db := fs.String("db", defaultDB(), "store path")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck entities [--story ID] [--json] [--db PATH]\n\n"+
			"Lists entities resolved across stories: one line per entity with its ID, type, name and counts.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	views, err := entityStoryViews(ctx, st, *story)
	if err != nil {
		return err
	}
	ents := entity.Corpus(views)
	if *asJSON {
		return writeEntitiesJSON(os.Stdout, ents)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tNAME\tSTORIES\tARTICLES\tMENTIONS")
	for _, e := range ents {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\n", e.ID, e.Type, e.Name, len(e.Stories), len(e.Articles), len(e.Mentions))
	}
	return tw.Flush()
}

// runEntity shows one entity across the corpus with its aliases and cited
// attributes.
func runEntity(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("entity", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	db := fs.String("db", defaultDB(), "store path")
	fs.Usage = func() {
		usageShown.Store(true)
		fmt.Fprintln(fs.Output(), "usage: crosscheck entity ID [--json] [--db PATH]\n\n"+
			"Shows an entity (as listed by `crosscheck entities`): aliases, stories, articles and attributes with citations,\n"+
			"the quotes it spoke and the claims naming it, each with the outlets and spans citing it.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("want one entity ID")
	}
	id := fs.Arg(0)
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	views, err := entityStoryViews(ctx, st, "")
	if err != nil {
		return err
	}
	for _, e := range entity.Corpus(views) {
		if e.ID != id {
			continue
		}
		out := entityWithWords{CorpusEntity: e, Quotes: []api.EntityQuote{}, Claims: []api.EntityClaim{}}
		for _, v := range views {
			if slices.Contains(e.Stories, v.ID) {
				q, c := api.EntityWords(v, e.ID, e.Name, e.Aliases)
				out.Quotes, out.Claims = append(out.Quotes, q...), append(out.Claims, c...)
			}
		}
		if *asJSON {
			return writeEntitiesJSON(os.Stdout, out)
		}
		printCorpusEntity(os.Stdout, e)
		printEntityWords(os.Stdout, out)
		return nil
	}
	return fmt.Errorf("entity %q: %w", id, news.ErrNotFound)
}

func entityStoryViews(ctx context.Context, st news.Store, story string) ([]*news.StoryView, error) {
	if story != "" {
		v, err := st.View(ctx, story)
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", story, err)
		}
		return []*news.StoryView{v}, nil
	}
	stories, err := st.Stories(ctx, news.ListOptions{})
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	views := make([]*news.StoryView, 0, len(stories))
	for _, s := range stories {
		v, err := st.View(ctx, s.ID)
		if errors.Is(err, news.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", s.ID, err)
		}
		views = append(views, v)
	}
	return views, nil
}

func printCorpusEntity(w io.Writer, e entity.CorpusEntity) {
	fmt.Fprintf(w, "%s  %s (%s)\n", e.ID, e.Name, e.Type)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(w, "aliases:  %s\n", strings.Join(e.Aliases, "; "))
	}
	fmt.Fprintf(w, "stories:  %s\narticles: %s\nmentions: %d\n", strings.Join(e.Stories, ", "),
		strings.Join(e.Articles, ", "), len(e.Mentions))
	if len(e.Attributes) > 0 {
		fmt.Fprintln(w, "attributes:")
	}
	for _, a := range e.Attributes {
		var cs []string
		for _, c := range a.Citations {
			cs = append(cs, fmt.Sprintf("%s@%d-%d", c.ArticleID, c.Start, c.End))
		}
		fmt.Fprintf(w, "  %-18s %-30s %s\n", a.Name, a.Value, strings.Join(cs, " "))
	}
}

// entityWithWords is an entity with the quotes it spoke and the claims
// naming it, as `crosscheck entity ID` shows it.
type entityWithWords struct {
	entity.CorpusEntity
	Quotes []api.EntityQuote `json:"quotes"`
	Claims []api.EntityClaim `json:"claims"`
}

func printEntityWords(w io.Writer, e entityWithWords) {
	cites := func(cs []api.SourcedCite) string {
		var out []string
		for _, c := range cs {
			s := news.Outlet(c.Source, "", "")
			if c.Stance != "" {
				s += " (" + string(c.Stance) + ")"
			}
			out = append(out, fmt.Sprintf("%s %s@%d-%d", s, c.Citation.ArticleID, c.Citation.Start, c.Citation.End))
		}
		return strings.Join(out, "; ")
	}
	if len(e.Quotes) > 0 {
		fmt.Fprintln(w, "quotes:")
	}
	for _, q := range e.Quotes {
		fmt.Fprintf(w, "  “%s” (story %s)\n      %s\n", clip(q.Text, 160), q.StoryID, cites(q.Carriers))
	}
	if len(e.Claims) > 0 {
		fmt.Fprintf(w, "claims naming %s:\n", e.Name)
	}
	for _, c := range e.Claims {
		status := ""
		if c.Status != "" {
			status = " [" + string(c.Status) + "]"
		}
		fmt.Fprintf(w, "  %s%s (story %s)\n      %s\n", c.Text, status, c.StoryID, cites(c.Stances))
	}
}

func writeEntitiesJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
