package main

import (
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/engine"
)

func TestProgressLine(t *testing.T) {
	s := engine.Summary{Read: 30, New: 20, Unchanged: 5, Updated: 4, Failed: 1}
	for _, tc := range []struct {
		done, total int64
		files       int
		elapsed     time.Duration
		want        string
	}{
		{0, 0, 0, 10 * time.Second, "⠋ 30 read · 20 new · 5 unchanged · 4 updated · 1 failed · 3/s"},
		{25e6, 100e6, 120, 10 * time.Second, " 25% of 100.0 MB in 120 files · ETA 30s · 30 read · 20 new · 5 unchanged · 4 updated · 1 failed · 3/s"},
		{0, 2048, 1, 0, "  0% of 2.0 kB in 1 file · ETA — · 30 read · 20 new · 5 unchanged · 4 updated · 1 failed · 0/s"},
		{5000, 2048, 1, 2 * time.Second, "100% of 2.0 kB in 1 file · ETA 0s · 30 read · 20 new · 5 unchanged · 4 updated · 1 failed · 15/s"},
		{1, 3e9, 2, time.Hour, "  0% of 3.0 GB in 2 files · ETA over 99h · 30 read · 20 new · 5 unchanged · 4 updated · 1 failed · 0/s"},
	} {
		if got := progressLine(s, tc.done, tc.total, tc.files, tc.elapsed); got != tc.want {
			t.Errorf("progressLine(%d, %d, %d, %v) =\n%q, want\n%q", tc.done, tc.total, tc.files, tc.elapsed, got, tc.want)
		}
	}
}
