package engine

import (
	"runtime"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/story"
)

// story.ArticleSize is what the cache of analysed articles bounds its bytes
// with: it must be near what analysed articles really hold.
func TestArticleSizeNearTheTruth(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 200 articles")
	}
	in := wireJSONL(t, 200)
	analysed(t, in, 5) // models loaded and warm
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	arts := analysed(t, in, 200)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	est := 0
	for _, a := range arts {
		est += story.ArticleSize(a) + len(a.Raw) + len(a.HTML)
	}
	runtime.KeepAlive(arts)
	real := int(after.HeapAlloc) - int(before.HeapAlloc)
	if ratio := float64(est) / float64(real); ratio < 0.5 || ratio > 1.6 {
		t.Errorf("200 analysed articles estimated at %d KB, hold %d KB (ratio %.2f)", est>>10, real>>10, ratio)
	} else {
		t.Logf("estimated %d KB, held %d KB (ratio %.2f)", est>>10, real>>10, ratio)
	}
}
