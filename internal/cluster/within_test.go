package cluster

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

// TestWithin measures how well article-article similarities separate gold
// stories inside predicted stories. CLUSTER_WITHIN=1 to run.
func TestWithin(t *testing.T) {
	if os.Getenv("CLUSTER_WITHIN") == "" {
		t.Skip("set CLUSTER_WITHIN=1")
	}
	arts, gold := expArticles(t)
	c := New(DefaultConfig())
	for _, a := range arts {
		c.Add(a)
	}
	type pr struct {
		v    [3]float64
		same bool
	}
	var prs []pr
	for _, st := range c.stories {
		if st.into >= 0 || len(st.members) < 2 {
			continue
		}
		n := len(st.members)
		full := make([][]tw, n)
		lead := make([][]tw, n)
		for i, m := range st.members {
			full[i] = c.weighted(c.arts[m].vec)
			lead[i] = c.weighted(c.arts[m].lead)
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				a, b := c.arts[st.members[i]], c.arts[st.members[j]]
				fc, lc := dot(full[i], full[j]), dot(lead[i], lead[j])
				prs = append(prs, pr{[3]float64{fc, lc, fc + lc}, gold[a.id] == gold[b.id]})
			}
		}
	}
	for k, name := range []string{"full", "lead", "sum"} {
		sort.Slice(prs, func(i, j int) bool { return prs[i].v[k] < prs[j].v[k] })
		var pos, neg, rank float64
		for i, p := range prs {
			if p.same {
				pos++
				rank += float64(i)
			} else {
				neg++
			}
		}
		auc := (rank - pos*(pos-1)/2) / (pos * neg)
		fmt.Printf("%s AUC %.4f (pos %v neg %v)\n", name, auc, pos, neg)
	}
}
