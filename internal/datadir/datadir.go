// Package datadir finds the shared research data (../shared/data from the
// project's root) for evaluations, training and tests that need it.
package datadir

import (
	"os"
	"path/filepath"
)

// Find returns the shared data directory: $CROSSCHECK_DATA when set, else the
// first "shared/data" beside the working directory or one of its parents.
// ok is false when there is none.
func Find() (dir string, ok bool) {
	if d := os.Getenv("CROSSCHECK_DATA"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, true
		}
		return d, false
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		c := filepath.Join(filepath.Dir(d), "shared", "data")
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Path returns the path of rel inside the data directory and whether it exists.
func Path(rel string) (string, bool) {
	d, ok := Find()
	if !ok {
		return "", false
	}
	p := filepath.Join(d, rel)
	_, err := os.Stat(p)
	return p, err == nil
}

// TB is the part of testing.TB that Require needs.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
}

// Require returns the path of rel inside the data directory, or skips the
// test with a clear message when the shared data is absent.
func Require(t TB, rel string) string {
	t.Helper()
	p, ok := Path(rel)
	if !ok {
		t.Skipf("shared data %q not found: set CROSSCHECK_DATA or place the data at ../shared/data", rel)
	}
	return p
}
