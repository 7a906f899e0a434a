package cluster

import (
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// vectors computes final-idf weighted vectors with the clusterer's features.
func expVectors(arts []*news.Article, cfg Config, entW float64) [][]tw {
	c := New(cfg)
	ps := make([]*prepared, len(arts))
	for i, a := range arts {
		ps[i] = c.prepare(a, true)
	}
	out := make([][]tw, len(arts))
	for i, p := range ps {
		v := c.weighted(p.tf)
		if entW > 0 && len(p.ents) > 0 {
			var ev []tw
			var n float64
			for _, e := range p.ents {
				w := c.idf(e)
				ev = append(ev, tw{e, float32(w)})
				n += w * w
			}
			n = math.Sqrt(n)
			for j := range ev {
				ev[j].w *= float32(entW / n)
			}
			v = addVec(v, ev)
		}
		out[i] = v
	}
	return out
}

func avgLink(vecs [][]tw, th float64) []int {
	n := len(vecs)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := cosine(vecs[i], vecs[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	size := make([]int, n)
	alive := make([]bool, n)
	lab := make([]int, n)
	for i := range size {
		size[i], alive[i], lab[i] = 1, true, i
	}
	// sim holds sums; average = sum/(size_i*size_j)
	for {
		bi, bj, best := -1, -1, th
		for i := 0; i < n; i++ {
			if !alive[i] {
				continue
			}
			for j := i + 1; j < n; j++ {
				if alive[j] {
					if a := sim[i][j] / float64(size[i]*size[j]); a > best {
						bi, bj, best = i, j, a
					}
				}
			}
		}
		if bi < 0 {
			break
		}
		for k := 0; k < n; k++ {
			sim[bi][k] += sim[bj][k]
			sim[k][bi] = sim[bi][k]
		}
		size[bi] += size[bj]
		alive[bj] = false
		for k := range lab {
			if lab[k] == bj {
				lab[k] = bi
			}
		}
	}
	return lab
}

// TestAvgLink scores offline average-link clustering (all pairs, not
// incremental) over the clusterer's vectors: a ceiling for the features.
// Run: CLUSTER_AVGLINK=1 go test -run TestAvgLink -v ./internal/cluster
func TestAvgLink(t *testing.T) {
	if os.Getenv("CLUSTER_AVGLINK") == "" {
		t.Skip("offline average-link: set CLUSTER_AVGLINK=1 to run")
	}
	arts, gold := expArticles(t)
	for _, v := range []struct {
		lw   int
		lb   float64
		entW float64
	}{{0, 0, 0}, {0, 0, 0.5}, {40, 1, 0}, {40, 1, 0.5}, {0, 0, 1}} {
		cfg := DefaultConfig()
		cfg.LeadWords, cfg.LeadBoost = v.lw, v.lb
		vecs := expVectors(arts, cfg, v.entW)
		for _, th := range []float64{0.1, 0.15, 0.2, 0.25} {
			lab := avgLink(vecs, th)
			pred := map[string]string{}
			for i, a := range arts {
				pred[a.ID] = fmt.Sprint(lab[i])
			}
			p, r, f := eval.BCubed(gold, pred)
			fmt.Printf("%+v th=%.2f P %.4f R %.4f F1 %.4f\n", v, th, p, r, f)
		}
	}
}
