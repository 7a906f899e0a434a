package cluster

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/dedup"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// wireStory makes a story of n articles the way wire copy spreads: groups of
// ten near-copies of one dispatch (a sentence changed in each), every
// article also carrying one statement all outlets quote, and every fifth
// dispatch reusing a paragraph of the previous one.
func wireStory(n int) []*news.Article {
	rng := rand.New(rand.NewSource(1))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	sentence := func() string {
		ws := make([]string, 14)
		for i := range ws {
			ws[i] = vocab[rng.Intn(len(vocab))]
		}
		return strings.Join(ws, " ") + "."
	}
	statement := "“" + sentence() + " " + sentence() + "” the ministry said."
	var arts []*news.Article
	var prev []string
	for g := 0; len(arts) < n; g++ {
		base := make([]string, 30)
		for i := range base {
			base[i] = sentence()
		}
		if g%5 == 4 && prev != nil {
			copy(base[10:16], prev[10:16])
		}
		prev = base
		for k := 0; k < 10 && len(arts) < n; k++ {
			s := append([]string(nil), base...)
			s[rng.Intn(len(s))] = sentence()
			text := strings.Join(s[:15], " ") + "\n\n" + statement + "\n\n" + strings.Join(s[15:], " ")
			a := &news.Article{ID: fmt.Sprintf("a%05d", len(arts)), Source: fmt.Sprintf("Outlet %d", len(arts)%300),
				Text: text, Published: time.Date(2031, 1, 1, 0, len(arts), 0, 0, time.UTC)}
			a.Fingerprint = dedup.MinHash(text)
			arts = append(arts, a)
		}
	}
	return arts
}

func benchmarkCopies(b *testing.B, n int) {
	arts := wireStory(n)
	cache := dedup.NewTextCache(64 << 20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := news.NewStoryView("s", "wire")
		if err := (Copies{Cache: cache}).Build(b.Context(), v, arts); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(v.Copies)), "copies")
	}
}

func BenchmarkCopies200(b *testing.B)  { benchmarkCopies(b, 200) }
func BenchmarkCopies2000(b *testing.B) { benchmarkCopies(b, 2000) }
