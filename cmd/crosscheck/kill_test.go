package main

import (
	"bufio"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/engine/enginetest"
)

// TestMain lets the test binary stand in for the crosscheck binary: with
// CROSSCHECK_RUN_MAIN=1 it runs the command line it was given, so that a
// test can start, and kill, a real ingest process.
func TestMain(m *testing.M) {
	if os.Getenv("CROSSCHECK_RUN_MAIN") == "1" {
		main() // as the binary: its signal handling too
		return
	}
	os.Exit(m.Run())
}

// crosscheckCmd is the crosscheck command line args, run by the test binary.
func crosscheckCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CROSSCHECK_RUN_MAIN=1")
	return cmd
}

// TestKillDuringIngestThenResume kills `crosscheck ingest` with SIGKILL at
// random points, runs the same command again, and compares the store with
// an uninterrupted run's: the same articles, the same number of stories
// within 2%, every view matching its articles, nothing left dirty.
func TestKillDuringIngestThenResume(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test: skipped in -short mode")
	}
	// The first 400 articles: long enough to be killed mid-run, short enough
	// for CI under the race detector.
	in := veracityHead(t, 400)
	ingestCmd := func(db string) *exec.Cmd { return crosscheckCmd("ingest", "--quiet", "--db", db, in) }

	clean := filepath.Join(t.TempDir(), "clean.db")
	start := time.Now()
	if out, err := ingestCmd(clean).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	took := time.Since(start)

	db := filepath.Join(t.TempDir(), "killed.db")
	for range 2 {
		cmd := ingestCmd(db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Somewhere between a fifth and nine tenths of an uninterrupted run.
		wait := took/5 + time.Duration(rand.Int64N(int64(took*7/10)))
		time.Sleep(wait)
		cmd.Process.Kill() // SIGKILL: no clean-up of any kind
		err := cmd.Wait()
		t.Logf("killed after %v (uninterrupted: %v): %v", wait.Round(time.Millisecond), took.Round(time.Millisecond), err)
	}
	if out, err := ingestCmd(db).CombinedOutput(); err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	if out, err := crosscheckCmd("check", "--db", db).CombinedOutput(); err != nil {
		t.Errorf("check after resuming: %v\n%s", err, out)
	}

	ctx := t.Context()
	want, got := openAndDescribe(t, ctx, clean), openAndDescribe(t, ctx, db)
	if want.articles != got.articles {
		t.Errorf("articles: %d after kill and resume, %d uninterrupted", got.articles, want.articles)
	}
	if d := len(got.stories) - len(want.stories); d*50 > len(want.stories) || -d*50 > len(want.stories) {
		t.Errorf("stories: %d after kill and resume, %d uninterrupted (more than 2%% apart)", len(got.stories), len(want.stories))
	}
	t.Logf("articles %d, stories %d (uninterrupted %d)", got.articles, len(got.stories), len(want.stories))
}

type storeDescription struct {
	articles int
	stories  []string
}

func openAndDescribe(t *testing.T, ctx context.Context, db string) storeDescription {
	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	as, err := s.Assignments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return storeDescription{articles: len(as), stories: enginetest.StorySets(t, s)}
}

// veracityHead writes the first n lines of the veracity articles to a file.
func veracityHead(t *testing.T, n int) string {
	all := datadir.Require(t, "veracity/articles.jsonl")
	in := filepath.Join(t.TempDir(), "in.jsonl")
	src, err := os.Open(all)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		dst.Write(append(sc.Bytes(), '\n'))
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return in
}

// TestSecondWriterIsRefused: while one ingest writes to a SQLite store, a
// second one into the same file stops at once with a message naming the
// first, and stores nothing; a reader is not blocked.
func TestSecondWriterIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("second writer: skipped in -short mode")
	}
	in := veracityHead(t, 400)
	db := filepath.Join(t.TempDir(), "one.db")
	first := crosscheckCmd("ingest", "--quiet", "--db", db, in)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Process.Kill() }) // if the test stops early
	// Wait until the first has the lock (its lock file names its pid).
	for i := 0; ; i++ {
		if b, err := os.ReadFile(db + "-writer.lock"); err == nil && len(b) > 0 {
			break
		}
		if i == 200 {
			t.Fatal("the first ingest never took the writer lock")
		}
		time.Sleep(50 * time.Millisecond)
	}
	out, err := crosscheckCmd("ingest", "--quiet", "--db", db, in).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "is writing to "+db) {
		t.Errorf("second ingest: %v\n%s", err, out)
	}
	if out, err := crosscheckCmd("stories", "--db", db).CombinedOutput(); err != nil {
		t.Errorf("a reader during the ingest: %v\n%s", err, out)
	}
	if err := first.Wait(); err != nil {
		t.Errorf("first ingest: %v", err)
	}
}

// TestCtrlCSaysInterruptedOnce: an ingest stopped by SIGINT says so in one
// line and how to finish, instead of a "context canceled" per article.
func TestCtrlCSaysInterruptedOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("Ctrl-C: skipped in -short mode")
	}
	in := veracityHead(t, 400)
	db := filepath.Join(t.TempDir(), "int.db")
	cmd := crosscheckCmd("ingest", "--db", db, in)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ { // once it has started writing
		if b, err := os.ReadFile(db + "-writer.lock"); err == nil && len(b) > 0 {
			break
		}
		if i == 200 {
			t.Fatal("the ingest never started")
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	out := stderr.String()
	if err == nil && !strings.Contains(out, "read 400") {
		t.Skipf("the ingest finished before the interrupt: %s", out)
	}
	if strings.Count(out, "crosscheck ingest: interrupted") != 1 || strings.Contains(out, "context canceled") {
		t.Errorf("exit %v, stderr:\n%s", err, out)
	}
}
