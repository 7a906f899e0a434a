package main

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
)

func runTrain(ctx context.Context, args []string) error {
	return dispatch(ctx, "train", trainers, args)
}

func runEval(ctx context.Context, args []string) error {
	return dispatch(ctx, "eval", evaluators, args)
}

func dispatch(ctx context.Context, verb string, table map[string]func(context.Context, []string) error, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: crosscheck %s NAME [flags]; names: %v", verb, keys(table))
	}
	f, ok := table[args[0]]
	if !ok {
		return fmt.Errorf("unknown %s target %q; names: %v", verb, args[0], keys(table))
	}
	return f(ctx, args[1:])
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sharedData is dir, or the shared data directory found from the working
// directory or $CROSSCHECK_DATA when dir is empty; hint says how to give one.
func sharedData(dir, hint string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	if found, ok := datadir.Find(); ok {
		return found, nil
	}
	return "", errors.New("no shared data found: " + hint)
}
