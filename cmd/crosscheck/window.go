package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
)

// windowFlag is --story-window: how many days a story stays in the
// clusterer's memory after its latest article ($CROSSCHECK_STORY_WINDOW
// sets the default). "30d", "30" and Go durations ("720h", rounded up to
// whole days) are read; 0 keeps every story.
type windowFlag struct {
	days     int
	articles *int  // --story-window-articles
	err      error // a bad $CROSSCHECK_STORY_WINDOW, unless the flag is given
}

// storyWindowFlag adds --story-window and --story-window-articles to fs.
func storyWindowFlag(fs *flag.FlagSet) *windowFlag {
	def := engine.DefaultConfig()
	w := &windowFlag{days: def.StoryWindow}
	if s := os.Getenv("CROSSCHECK_STORY_WINDOW"); s != "" {
		if err := w.Set(s); err != nil {
			w.err = fmt.Errorf("$CROSSCHECK_STORY_WINDOW: %w", err)
		}
	}
	fs.Var(w, "story-window", "days a story stays in memory after its latest article (by the articles' dates), e.g. 30d; "+
		"older stories are archived and come back when news of them does; 0: every story ($CROSSCHECK_STORY_WINDOW sets the default)")
	w.articles = fs.Int("story-window-articles", def.StoryWindowArticles,
		"a story is archived only once this many articles were placed after its latest one, whatever the dates")
	return w
}

func (w *windowFlag) String() string {
	if w == nil {
		return ""
	}
	return fmt.Sprintf("%dd", w.days)
}

func (w *windowFlag) Set(s string) error {
	d, err := parseDays(s)
	if err != nil {
		return err
	}
	w.days, w.err = d, nil
	return nil
}

// config is the engine configuration the flags give.
func (w *windowFlag) config() (engine.Config, error) {
	cfg := engine.DefaultConfig()
	cfg.StoryWindow, cfg.StoryWindowArticles = w.days, *w.articles
	if cfg.StoryWindowArticles < 0 {
		return cfg, fmt.Errorf("--story-window-articles %d: negative", cfg.StoryWindowArticles)
	}
	return cfg, w.err
}

// parseDays reads "30d", "30" or a Go duration as whole days.
func parseDays(s string) (int, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
	if err != nil {
		dur, derr := time.ParseDuration(s)
		if derr != nil {
			return 0, fmt.Errorf("%q: want days (30d, 30) or a duration (720h)", s)
		}
		n = int(math.Ceil(dur.Hours() / 24))
	}
	if n < 0 {
		return 0, fmt.Errorf("%q: negative", s)
	}
	return n, nil
}
