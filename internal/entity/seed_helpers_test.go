package entity

import (
	"strings"
	"time"
)

// seedDate reads the " date YYYY-MM-DD" header two seed files open with.
func seedDate(text string) time.Time {
	s := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(s, "date "); ok && len(rest) >= 10 {
		if t, err := time.Parse("2006-01-02", rest[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}
