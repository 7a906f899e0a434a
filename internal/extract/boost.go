package extract

import (
	"io"
	"slices"

	"github.com/crosscheck-news/crosscheck/internal/gobz"
)

// Forest is a sum of small regression trees (gradient boosting with squared
// loss) predicting how much better readability's text scores than
// trafilatura's on a page; readability is taken when the sum is positive.
type Forest struct {
	Features int // how many features it reads (len(FeatureNames))
	Base     float64
	Trees    []Tree
}

// Save writes the forest as gzip-compressed gob, as LoadForest reads it.
func (f *Forest) Save(w io.Writer) error { return gobz.Write(w, f) }

// Tree is a regression tree in arrays: node i splits on Feature[i] at
// Thresh[i] (x < Thresh goes Left), or is a leaf (Feature[i] < 0) worth
// Value[i]. Node 0 is the root.
type Tree struct {
	Feature     []int
	Thresh      []float64
	Left, Right []int
	Value       []float64
}

// Gain is the predicted gain of readability's text over trafilatura's.
func (f *Forest) Gain(x []float64) float64 {
	s := f.Base
	for i := range f.Trees {
		s += f.Trees[i].eval(x)
	}
	return s
}

// Readability tells whether to take readability's text.
func (f *Forest) Readability(x []float64) bool { return f.Gain(x) > 0 }

func (t *Tree) eval(x []float64) float64 {
	i := 0
	for t.Feature[i] >= 0 {
		if x[t.Feature[i]] < t.Thresh[i] {
			i = t.Left[i]
		} else {
			i = t.Right[i]
		}
	}
	return t.Value[i]
}

// BoostOptions set the training of a Forest.
type BoostOptions struct {
	Rounds  int     // trees
	Depth   int     // splits from root to leaf
	Rate    float64 // shrinkage of each tree's values
	MinLeaf int     // pages in a leaf at least
	Bins    int     // candidate thresholds per feature (quantiles)
}

// DefaultBoost are the options of the embedded chooser.
var DefaultBoost = BoostOptions{Rounds: 100, Depth: 3, Rate: 0.1, MinLeaf: 20, Bins: 16}

// TrainForest fits a Forest to pages' features xs and gains ys.
func TrainForest(xs [][]float64, ys []float64, o BoostOptions) *Forest {
	f := &Forest{Features: len(FeatureNames)}
	if len(xs) == 0 {
		return f
	}
	for _, y := range ys {
		f.Base += y
	}
	f.Base /= float64(len(ys))
	cuts := make([][]float64, len(xs[0]))
	for j := range cuts {
		col := make([]float64, len(xs))
		for i, x := range xs {
			col[i] = x[j]
		}
		slices.Sort(col)
		for b := 1; b < o.Bins; b++ {
			c := col[b*len(col)/o.Bins]
			if n := len(cuts[j]); n == 0 || c > cuts[j][n-1] {
				cuts[j] = append(cuts[j], c)
			}
		}
	}
	res := make([]float64, len(ys))
	for i, y := range ys {
		res[i] = y - f.Base
	}
	all := make([]int, len(xs))
	for i := range all {
		all[i] = i
	}
	for range o.Rounds {
		var t Tree
		grow(&t, xs, res, all, cuts, o, 0)
		for i, x := range xs {
			res[i] -= t.eval(x)
		}
		f.Trees = append(f.Trees, t)
	}
	return f
}

// grow adds the node for the pages idx at depth d and returns its index.
func grow(t *Tree, xs [][]float64, res []float64, idx []int, cuts [][]float64, o BoostOptions, d int) int {
	node := len(t.Feature)
	var sum float64
	for _, i := range idx {
		sum += res[i]
	}
	t.Feature = append(t.Feature, -1)
	t.Thresh = append(t.Thresh, 0)
	t.Left = append(t.Left, -1)
	t.Right = append(t.Right, -1)
	t.Value = append(t.Value, o.Rate*sum/float64(max(1, len(idx))))
	if d >= o.Depth || len(idx) < 2*o.MinLeaf {
		return node
	}
	// The split that most reduces the squared error: maximise
	// sumL²/nL + sumR²/nR.
	best, bf, bc := sum*sum/float64(len(idx)), -1, 0.0
	for j, cs := range cuts {
		for _, c := range cs {
			var sl float64
			nl := 0
			for _, i := range idx {
				if xs[i][j] < c {
					sl += res[i]
					nl++
				}
			}
			nr := len(idx) - nl
			if nl < o.MinLeaf || nr < o.MinLeaf {
				continue
			}
			sr := sum - sl
			if s := sl*sl/float64(nl) + sr*sr/float64(nr); s > best+1e-12 {
				best, bf, bc = s, j, c
			}
		}
	}
	if bf < 0 {
		return node
	}
	var l, r []int
	for _, i := range idx {
		if xs[i][bf] < bc {
			l = append(l, i)
		} else {
			r = append(r, i)
		}
	}
	t.Feature[node], t.Thresh[node] = bf, bc
	li := grow(t, xs, res, l, cuts, o, d+1)
	ri := grow(t, xs, res, r, cuts, o, d+1)
	t.Left[node], t.Right[node] = li, ri
	return node
}
