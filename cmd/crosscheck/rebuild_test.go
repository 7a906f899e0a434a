package main

import (
	"math/rand/v2"
	"os/exec"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine/enginetest"
	"github.com/crosscheck-news/crosscheck/internal/nats/natstest"
	"github.com/crosscheck-news/crosscheck/internal/news"
	"github.com/crosscheck-news/crosscheck/internal/postgres/pgtest"
)

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in       string
		shard, n int
		ok       bool
	}{{"1/1", 0, 1, true}, {"2/3", 1, 3, true}, {"0/2", 0, 0, false}, {"3/2", 0, 0, false}, {"1", 0, 0, false}, {"a/b", 0, 0, false}} {
		s, n, err := parseShard(tc.in)
		if (err == nil) != tc.ok || s != tc.shard || n != tc.n {
			t.Errorf("parseShard(%q) = %d, %d, %v", tc.in, s, n, err)
		}
	}
}

// The distributed mode with its roles in separate processes (one worker,
// the assigner without its own rebuilder, two rebuilders sharing the
// stories), each killed with SIGKILL mid-run and started again: every
// article ends up stored once, in one story, and in that story's view, and
// no story is left dirty.
func TestDistributedRolesKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test: skipped in -short mode")
	}
	db := pgtest.DSN(t)
	queue := natstest.URL() + "?namespace=" + natstest.Namespace(t)
	in := veracityHead(t, 120)
	if out, err := crosscheckCmd("ingest", "--quiet", "--queue", queue, in).CombinedOutput(); err != nil {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	roles := map[string][]string{
		"worker":    {"worker", "--db", db, "--queue", queue},
		"assign":    {"assign", "--rebuild=false", "--db", db, "--queue", queue},
		"rebuild 1": {"rebuild", "--shard", "1/2", "--every", "100ms", "--db", db},
		"rebuild 2": {"rebuild", "--shard", "2/2", "--every", "100ms", "--db", db},
	}
	procs := map[string]*exec.Cmd{}
	start := func(name string) {
		cmd := crosscheckCmd(roles[name]...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs[name] = cmd
	}
	defer func() {
		for _, p := range procs {
			p.Process.Kill()
			p.Wait()
		}
	}()
	for name := range roles {
		start(name)
	}
	s, err := openStore(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Once some articles are placed, kill a worker, the assigner and a
	// rebuilder at once, and start them again a moment later.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		as, err := s.Assignments(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if len(as) >= 10 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing placed in time (%d)", len(as))
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Duration(rand.IntN(500)) * time.Millisecond)
	for _, name := range []string{"worker", "assign", "rebuild 1"} {
		procs[name].Process.Kill() // SIGKILL: no clean-up of any kind
		procs[name].Wait()
	}
	time.Sleep(300 * time.Millisecond)
	for _, name := range []string{"worker", "assign", "rebuild 1"} {
		start(name)
	}
	// Done when the queue has drained: every stored article placed, every
	// view matching its story, nothing dirty for a while.
	var settled time.Time
	for {
		list, err := s.Articles(t.Context(), news.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		dirty, err := s.DirtyStories(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if len(list) > 0 && len(dirty) == 0 && allPlaced(t, s, list) {
			if settled.IsZero() {
				settled = time.Now()
			} else if time.Since(settled) > 3*time.Second {
				break
			}
		} else {
			settled = time.Time{}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not settled in time: %d articles, dirty %v", len(list), dirty)
		}
		time.Sleep(200 * time.Millisecond)
	}
	enginetest.StorySets(t, s) // every view lists exactly its story's articles, nothing dirty
	as, err := s.Assignments(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Articles(t.Context(), news.ListOptions{})
	placed := map[string]int{}
	for _, a := range as {
		placed[a[0]]++
	}
	for _, a := range list {
		if placed[a.ID] != 1 {
			t.Errorf("article %s placed %d times", a.ID, placed[a.ID])
		}
	}
	t.Logf("%d articles stored, %d assignments", len(list), len(as))
}
