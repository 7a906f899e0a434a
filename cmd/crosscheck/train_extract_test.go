package main

import (
	"runtime"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/extract"
)

// Floors of the embedded extraction chooser on every fourth extraction-dev
// page (the pages it was trained on: a regression guard, not a score;
// docs/models.md has the cross-validated one). Recorded: F1 0.885 with the
// chooser, 0.856 with trafilatura's text alone.
const (
	chooserFloorF1   = 0.87
	chooserFloorGain = 0.015 // F1 above trafilatura's text alone
)

func TestChooserDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 346 pages")
	}
	dir := datadir.Require(t, "extraction-dev")
	pages, err := chooserPages(t.Context(), dir, runtime.GOMAXPROCS(0), 4)
	if err != nil {
		t.Fatal(err)
	}
	f := extract.DefaultChooser()
	ch, n := chooserScore(pages, func(i int) bool { return f.Readability(pages[i].features) })
	tr, _ := chooserScore(pages, func(int) bool { return false })
	t.Logf("%d pages: chooser P %.4f R %.4f F1 %.4f (readability for %d); trafilatura F1 %.4f",
		len(pages), ch.Precision, ch.Recall, ch.F1, n, tr.F1)
	if ch.F1 < chooserFloorF1 || ch.F1-tr.F1 < chooserFloorGain {
		t.Errorf("chooser F1 %.4f (trafilatura %.4f): floor %.3f, or %.3f above trafilatura",
			ch.F1, tr.F1, chooserFloorF1, chooserFloorGain)
	}
}
