package cluster

import (
	"encoding/csv"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/datadir"
	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// benchTexts returns the FNC-1 bodies and the Emergent headlines.
func benchTexts(b *testing.B) []string {
	stances := datadir.Require(b, "fnc1/train_stances.csv")
	bodies := datadir.Require(b, "fnc1/train_bodies.csv")
	docs, _, err := eval.FNCStories(stances, bodies)
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		out = append(out, d.Text)
	}
	f, err := os.Open(datadir.Require(b, "emergent/emergent-train.csv"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rows[1:] {
		out = append(out, r[1]+". "+r[2])
	}
	return out
}

// perturb makes replica k of text: every word of five or more letters gets a
// replica tag, so each replica is a new set of stories with its own
// vocabulary, and one word in eleven is dropped, so copies are not exact.
func perturb(text string, k, salt int) string {
	if k == 0 {
		return text
	}
	ws := strings.Fields(text)
	var b strings.Builder
	for i, w := range ws {
		if (i+salt)%11 == 0 {
			continue
		}
		b.WriteString(w)
		if len(w) >= 5 {
			fmt.Fprintf(&b, "x%d", k)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// cpuTime is the process's user and system CPU time, a fairer cost than
// wall-clock time on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScale clusters 10k, 30k and 100k articles made by replicating and
// perturbing the FNC-1 bodies and Emergent headlines. Run it alone:
//
//	go test -run '^$' -bench Scale -benchtime 1x ./internal/cluster
func BenchmarkScale(b *testing.B) {
	texts := benchTexts(b)
	for _, n := range []int{10_000, 30_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var last10k, cpu time.Duration
			var heap, peak uint64
			for b.Loop() {
				cpu0 := cpuTime()
				runtime.GC()
				c := New(DefaultConfig())
				var segStart time.Time
				for i := 0; i < n; i++ {
					if i == n-10_000 {
						segStart = time.Now()
					}
					k, j := i/len(texts), i%len(texts)
					c.Add(&news.Article{ID: fmt.Sprint(i), Text: perturb(texts[j], k, i)})
				}
				last10k = time.Since(segStart)
				cpu = cpuTime() - cpu0
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				peak = before.HeapSys
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = ms.HeapInuse
				runtime.KeepAlive(c)
			}
			b.ReportMetric(float64(n)/(float64(b.Elapsed().Seconds())/float64(b.N)), "articles/s")
			b.ReportMetric(float64(last10k.Microseconds())/10_000, "us/article-last10k")
			b.ReportMetric(float64(heap)/(1<<20), "heapMB")
			b.ReportMetric(float64(peak)/(1<<20), "heapSysMB")
			b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-us/article")
		})
	}
}

// BenchmarkWindow clusters articles made as for BenchmarkScale, dated so
// that replica k is the news of month k (its articles spread over the
// month in file order), with and without the 30-day window: the live heap
// after GC, measured every 10,000 articles, grows with the history without
// the window and stays flat with it. Run it alone:
//
//	go test -run '^$' -bench Window -benchtime 1x -timeout 60m ./internal/cluster
func BenchmarkWindow(b *testing.B) {
	texts := benchTexts(b)
	day0 := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, window := range []int{0, 30} {
		for _, n := range []int{20_000, 60_000, 120_000} {
			b.Run(fmt.Sprintf("window=%d/%d", window, n), func(b *testing.B) {
				var cpu time.Duration
				var heap, peak uint64
				var held int
				var curve []string
				for b.Loop() {
					curve = curve[:0]
					cpu0 := cpuTime()
					runtime.GC()
					cfg := DefaultConfig()
					cfg.Window = window
					c := New(cfg)
					peak = 0
					for i := 0; i < n; i++ {
						k, j := i/len(texts), i%len(texts)
						at := day0.AddDate(0, 0, 30*k).Add(time.Duration(j) * 30 * 24 * time.Hour / time.Duration(len(texts)))
						c.Add(&news.Article{ID: fmt.Sprint(i), Text: perturb(texts[j], k, i), Published: at})
						if (i+1)%10_000 == 0 {
							c.TakeArchived() // as the engine does after every batch
							runtime.GC()
							var ms runtime.MemStats
							runtime.ReadMemStats(&ms)
							peak = max(peak, ms.HeapInuse)
							a, _ := c.Len()
							curve = append(curve, fmt.Sprintf("%dk:%dMB/%d", (i+1)/1000, ms.HeapInuse>>20, a))
						}
					}
					cpu = cpuTime() - cpu0
					runtime.GC()
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					heap = ms.HeapInuse
					held, _ = c.Len()
					runtime.KeepAlive(c)
				}
				b.Logf("live heap / articles held, every 10k: %s", strings.Join(curve, " "))
				b.ReportMetric(float64(heap)/(1<<20), "heapMB")
				b.ReportMetric(float64(peak)/(1<<20), "maxHeapMB")
				b.ReportMetric(float64(held), "held")
				b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-us/article")
			})
		}
	}
}
