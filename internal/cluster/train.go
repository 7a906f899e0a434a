package cluster

import (
	"math"

	"github.com/crosscheck-news/crosscheck/internal/eval"
	"github.com/crosscheck-news/crosscheck/internal/news"
)

// Fold returns the cross-validation fold (0..k-1) of a gold story id, by an
// FNV-1a hash, so that all of a story's articles fall in one fold.
func Fold(goldStory string, k int) int {
	var x uint32 = 2166136261
	for i := 0; i < len(goldStory); i++ {
		x = (x ^ uint32(goldStory[i])) * 16777619
	}
	return int(x % uint32(k))
}

// Pairs lists the (article, candidate story) pairs the clusterer would
// score, with their features and whether the candidate is the article's
// gold story. Articles arrive in order and join their gold story (teacher
// forcing), so candidate stories are pure. keep selects the articles by
// gold story id (nil: all).
func Pairs(arts []*news.Article, gold map[string]string, cfg Config, keep func(string) bool) (x [][]float64, y []bool) {
	cfg.Model = nil
	c := New(cfg)
	for _, a := range arts {
		g := gold[a.ID]
		if keep != nil && !keep(g) {
			continue
		}
		p := c.prepare(a, true)
		for _, s := range c.candidates(p) {
			x = append(x, c.pairFeatures(p, s))
			y = append(y, c.stories[s].id == "g:"+g)
		}
		c.reset()
		s, ok := c.byID["g:"+g]
		if !ok {
			s = c.addStory("g:" + g)
		}
		c.join(a, p, s)
	}
	return x, y
}

// FitLogistic fits logistic regression weights by Newton's method with an
// L2 penalty (not on the bias, feature 0).
func FitLogistic(x [][]float64, y []bool, l2 float64) []float64 {
	if len(x) == 0 {
		return nil
	}
	d := len(x[0])
	w := make([]float64, d)
	for iter := 0; iter < 50; iter++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for i := range h {
			h[i] = make([]float64, d+1)
		}
		for i, xi := range x {
			z := 0.0
			for j, v := range xi {
				z += w[j] * v
			}
			p := 1 / (1 + math.Exp(-z))
			t := 0.0
			if y[i] {
				t = 1
			}
			r := p * (1 - p)
			for j, v := range xi {
				g[j] += (p - t) * v
				for k := j; k < d; k++ {
					h[j][k] += r * v * xi[k]
				}
			}
		}
		for j := 0; j < d; j++ {
			for k := 0; k < j; k++ {
				h[j][k] = h[k][j]
			}
			if j > 0 {
				g[j] += l2 * w[j]
				h[j][j] += l2
			}
			h[j][j] += 1e-9
			h[j][d] = g[j]
		}
		step := solve(h)
		change := 0.0
		for j := range w {
			w[j] -= step[j]
			change = math.Max(change, math.Abs(step[j]))
		}
		if change < 1e-8 {
			break
		}
	}
	return w
}

// solve solves the augmented system a (d rows of d+1 columns) by Gaussian
// elimination with partial pivoting.
func solve(a [][]float64) []float64 {
	d := len(a)
	for col := 0; col < d; col++ {
		piv := col
		for r := col + 1; r < d; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[piv][col]) {
				piv = r
			}
		}
		a[col], a[piv] = a[piv], a[col]
		for r := col + 1; r < d; r++ {
			f := a[r][col] / a[col][col]
			for k := col; k <= d; k++ {
				a[r][k] -= f * a[col][k]
			}
		}
	}
	out := make([]float64, d)
	for r := d - 1; r >= 0; r-- {
		s := a[r][d]
		for k := r + 1; k < d; k++ {
			s -= a[r][k] * out[k]
		}
		out[r] = s / a[r][r]
	}
	return out
}

// Evaluate clusters the articles whose gold story keep accepts (nil: all)
// in order, runs the repair pass and scores BCubed against gold.
func Evaluate(arts []*news.Article, gold map[string]string, cfg Config, keep func(string) bool) (p, r, f float64) {
	c := New(cfg)
	g, pred := map[string]string{}, map[string]string{}
	for _, a := range arts {
		if keep != nil && !keep(gold[a.ID]) {
			continue
		}
		c.Add(a)
	}
	c.Repair()
	for _, a := range arts {
		if keep != nil && !keep(gold[a.ID]) {
			continue
		}
		g[a.ID] = gold[a.ID]
		pred[a.ID], _ = c.StoryOf(a.ID)
	}
	return eval.BCubed(g, pred)
}
