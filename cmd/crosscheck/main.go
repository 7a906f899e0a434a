// Command crosscheck reads news articles in bulk, groups them into stories and
// shows, for each story, what its sources say, with every line cited.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"sync/atomic"
	"syscall"
)

// command is one subcommand: its one-line help and its entry point.
type command struct {
	help string
	run  func(ctx context.Context, args []string) error
}

// commands is the route table of the CLI; each command lives in its own file.
var commands = map[string]command{
	"demo":     {"ingest the bundled example story and show it", runDemo},
	"ingest":   {"read articles from files, directories, URLs or stdin into the store", runIngest},
	"follow":   {"subscribe to feeds and sitemaps and poll them: follow add|list|remove|pause|resume|run", runFollow},
	"articles": {"list stored articles", runArticles},
	"article":  {"show one article's cleaned text, metadata and removals", runArticle},
	"stories":  {"list stories", runStories},
	"story":    {"show a story's sheet (text, --markdown or --json)", runStory},
	"quotes":   {"list quotes with speakers and carriers: quotes [--story ID] [--speaker NAME] [--json]", runQuotes},
	"search":   {"full-text search over articles", runSearch},
	"check":    {"verify a store's stories (every article in a listed story, every view matching): check [--repair]", runCheck},
	"worker":   {"distributed mode: analyse and save queued documents (--db postgres://, --queue nats://)", runWorker},
	"assign":   {"distributed mode: the single story assigner over saved articles", runAssign},
	"rebuild":  {"distributed mode: rebuild dirty story views beside the assigner: rebuild [--shard K/N]", runRebuild},
	"train":    {"train a model: train ner|stance|quotes|attributions|cluster|paraphrase [flags]", runTrain},
	"eval":     {"score a benchmark: eval extract|pagetype|ner|quotes|attributions|cluster|stance|paraphrase|veracity [flags]", runEval},
	"entities": {"list entities across stories: entities [--story ID] [--json] [--db PATH]", runEntities},
	"entity":   {"show one entity with cited attributes: entity ID [--json] [--db PATH]", runEntity},
	"serve":    {"serve the web UI and JSON API: serve [--addr ADDR] [--db PATH]", runServe},
}

// trainers are the `crosscheck train MODEL` subcommands.
var trainers = map[string]func(ctx context.Context, args []string) error{
	"ner":          runTrainNER,
	"stance":       runTrainStance,
	"quotes":       runTrainQuotes,
	"attributions": runTrainAttributions,
	"cluster":      runTrainCluster,
	"paraphrase":   runTrainParaphrase,
	"extract":      runTrainExtract,
}

// evaluators are the `crosscheck eval BENCHMARK` subcommands.
var evaluators = map[string]func(ctx context.Context, args []string) error{
	"ner":          runEvalNER,
	"quotes":       runEvalQuotes,
	"attributions": runEvalAttributions,
	"cluster":      runEvalCluster,
	"stance":       runEvalStance,
	"extract":      runEvalExtract,
	"veracity":     runEvalVeracity,
	"paraphrase":   runEvalParaphrase,
	"pagetype":     runEvalPageType,
	"dates":        runEvalDates,
}

// errFailed signals exit status 1 after the command already reported why.
var errFailed = errors.New("failed")

// Exit statuses: 0 done, 1 the work failed (bad input, a store error), 2 the
// command was called wrongly (unknown command or flag, a missing or extra
// argument, conflicting flags). A command signals a usage error by
// returning badUsage(err) or by showing its usage (newFlags).
const (
	exitFailed = 1
	exitUsage  = 2
)

// usageError is an error in how a command was called.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

func badUsage(err error) error { return usageError{err} }

// usageShown records that a command printed its usage because it was
// called wrongly (the flag package does on a bad flag).
var usageShown atomic.Bool

// defaultMemoryLimit is the Go runtime's soft memory limit unless
// GOMEMLIMIT sets another: the garbage collector works harder as the heap
// nears it instead of letting it grow to twice what is live, which keeps a
// large ingest's peak memory within issue 13's budget (docs/performance.md).
const defaultMemoryLimit = 1400 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:]))
}

func run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage()
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(os.Stderr, "crosscheck: unknown command %q\n\n", args[0])
		usage()
		return exitUsage
	}
	usageShown.Store(false)
	stopProfiles := startProfiles(ctx)
	err := cmd.run(ctx, args[1:])
	stopProfiles()
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(os.Stderr, "crosscheck %s: %v\n", args[0], ue.error)
		return exitUsage
	case usageShown.Load():
		if !errors.Is(err, errFailed) {
			fmt.Fprintf(os.Stderr, "crosscheck %s: %v\n", args[0], err)
		}
		return exitUsage
	case errors.Is(err, errFailed):
		return exitFailed
	default:
		fmt.Fprintf(os.Stderr, "crosscheck %s: %v\n", args[0], err)
		return exitFailed
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: crosscheck COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-10s %s\n", n, commands[n].help)
	}
	fmt.Fprintln(os.Stderr, "\nRun 'crosscheck COMMAND -h' for a command's flags.")
}

// plural is "1 story", "2 stories".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
