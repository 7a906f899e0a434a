package main

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/engine"
	"github.com/crosscheck-news/crosscheck/internal/eval"
)

// TestVeracityFloor runs `crosscheck eval veracity` on the dev stories with
// the committed models and checks the stories' BCubed F1 and the share of
// main claims with the right status against recorded floors (the measured
// numbers are in docs/claims.md).
func TestVeracityFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("veracity floor: skipped in -short mode")
	}
	const f1Floor, statusFloor = 0.94, 0.74
	dir := datadir.Require(t, "veracity")
	gold, err := eval.LoadVeracityGold(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := scoreVeracity(t.Context(), gold, filepath.Join(dir, "articles.jsonl"), filepath.Join(t.TempDir(), "v.db"), 0, engine.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("BCubed F1 %.4f, main claim status right %.4f", res.f, res.share)
	if res.f < f1Floor {
		t.Errorf("BCubed F1 %.4f under the floor %.2f", res.f, f1Floor)
	}
	if res.share < statusFloor {
		t.Errorf("main claim status right %.4f under the floor %.2f", res.share, statusFloor)
	}
}
