// Package nn is a small one-hidden-layer ReLU network with a softmax output,
// over dense and sparse inputs, trained with weighted cross-entropy, dropout
// and Adam; the classifiers of the text models share it.
package nn

import (
	"context"
	"math"
	"math/rand/v2"
)

// Input is one example: dense features (already standardised) followed by
// sparse features at indices >= len(dense).
type Input struct {
	Dense []float32
	Idx   []int32
	Val   []float32
}

// Net is a one-hidden-layer ReLU network with a softmax output. W1 is
// row-major by input (In rows of Hid), so a sparse input touches few rows.
type Net struct {
	In, Hid, Out int
	W1, B1       []float32
	W2, B2       []float32 // W2 is Hid rows of Out
}

func newNet(in, hid, out int, r *rand.Rand) *Net {
	m := &Net{In: in, Hid: hid, Out: out,
		W1: make([]float32, in*hid), B1: make([]float32, hid),
		W2: make([]float32, hid*out), B2: make([]float32, out)}
	s1 := float32(math.Sqrt(2.0 / 64))
	for i := range m.W1 {
		m.W1[i] = float32(r.NormFloat64()) * s1 * 0.5
	}
	s2 := float32(math.Sqrt(2.0 / float64(hid)))
	for i := range m.W2 {
		m.W2[i] = float32(r.NormFloat64()) * s2
	}
	return m
}

// Forward fills h (Hid hidden activations) and p (Out class probabilities).
func (m *Net) Forward(x *Input, h []float32, p []float64) {
	copy(h, m.B1)
	for i, v := range x.Dense {
		if v == 0 {
			continue
		}
		row := m.W1[i*m.Hid : (i+1)*m.Hid]
		row = row[:len(h)]
		for j := range h {
			h[j] += v * row[j]
		}
	}
	for k, i := range x.Idx {
		v := x.Val[k]
		row := m.W1[int(i)*m.Hid : (int(i)+1)*m.Hid]
		row = row[:len(h)]
		for j := range h {
			h[j] += v * row[j]
		}
	}
	for j := range h {
		if h[j] < 0 {
			h[j] = 0
		}
	}
	for c := range p {
		s := float64(m.B2[c])
		for j, hv := range h {
			s += float64(hv * m.W2[j*m.Out+c])
		}
		p[c] = s
	}
	softmax(p)
}

// softmax turns the scores p into probabilities, in place.
func softmax(p []float64) {
	mx := math.Inf(-1)
	for _, s := range p {
		mx = math.Max(mx, s)
	}
	var z float64
	for c := range p {
		p[c] = math.Exp(p[c] - mx)
		z += p[c]
	}
	for c := range p {
		p[c] /= z
	}
}

// Predict returns the class probabilities of x.
func (m *Net) Predict(x *Input) []float64 {
	h := make([]float32, m.Hid)
	p := make([]float64, m.Out)
	m.Forward(x, h, p)
	return p
}

// TrainConfig sets the optimiser.
type TrainConfig struct {
	Hidden      int
	Epochs      int
	Batch       int
	LR          float64
	L2          float64
	Dropout     float64
	ClassWeight []float64
	Seed        uint64
	// Log, when set, is called after every epoch with the mean loss.
	Log func(epoch int, loss float64)
}

// Train fits a Net with weighted cross-entropy, dropout on the hidden layer
// and lazy Adam on the sparse first layer.
func Train(ctx context.Context, xs []*Input, ys []int, in, out int, cfg TrainConfig) (*Net, error) {
	r := rand.New(rand.NewPCG(cfg.Seed, 7))
	m := newNet(in, cfg.Hidden, out, r)
	H := cfg.Hidden
	gW1 := make([]float32, len(m.W1))
	touched := make([]bool, in)
	var rows []int32
	gB1 := make([]float32, H)
	gW2 := make([]float32, len(m.W2))
	gB2 := make([]float32, out)
	mW1, vW1 := make([]float32, len(m.W1)), make([]float32, len(m.W1))
	tW1 := make([]int32, in)
	mB1, vB1 := make([]float32, H), make([]float32, H)
	mW2, vW2 := make([]float32, len(m.W2)), make([]float32, len(m.W2))
	mB2, vB2 := make([]float32, out), make([]float32, out)
	step := 0
	const b1, b2, eps = 0.9, 0.999, 1e-8
	upd := func(w, g, mm, vv []float32, t int) {
		c1 := 1 - math.Pow(b1, float64(t))
		c2 := 1 - math.Pow(b2, float64(t))
		lr := cfg.LR * math.Sqrt(c2) / c1
		for i := range w {
			gi := float64(g[i]) + cfg.L2*float64(w[i])
			mm[i] = float32(b1*float64(mm[i]) + (1-b1)*gi)
			vv[i] = float32(b2*float64(vv[i]) + (1-b2)*gi*gi)
			w[i] -= float32(lr * float64(mm[i]) / (math.Sqrt(float64(vv[i])) + eps))
			g[i] = 0
		}
	}
	h := make([]float32, H)
	mask := make([]float32, H)
	p := make([]float64, out)
	dh := make([]float32, H)
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	for ep := 1; ep <= cfg.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var loss float64
		for bi := 0; bi < len(order); bi += cfg.Batch {
			end := min(bi+cfg.Batch, len(order))
			for _, n := range order[bi:end] {
				x, y := xs[n], ys[n]
				w := cfg.ClassWeight[y]
				m.Forward(x, h, p)
				for j := range h {
					mask[j] = 1
					if cfg.Dropout > 0 {
						if r.Float64() < cfg.Dropout {
							mask[j] = 0
						} else {
							mask[j] = float32(1 / (1 - cfg.Dropout))
						}
					}
				}
				// Recompute the output with the dropout mask applied.
				if cfg.Dropout > 0 {
					for c := range p {
						s := float64(m.B2[c])
						for j, hv := range h {
							s += float64(hv * mask[j] * m.W2[j*out+c])
						}
						p[c] = s
					}
					softmax(p)
				}
				loss += -w * math.Log(math.Max(p[y], 1e-12))
				for j := range dh {
					dh[j] = 0
				}
				for c := range p {
					d := p[c]
					if c == y {
						d--
					}
					d *= w
					gB2[c] += float32(d)
					for j := range h {
						hv := h[j] * mask[j]
						gW2[j*out+c] += float32(d) * hv
						dh[j] += float32(d) * m.W2[j*out+c] * mask[j]
					}
				}
				for j := range dh {
					if h[j] <= 0 {
						dh[j] = 0
					}
					gB1[j] += dh[j]
				}
				addRow := func(i int, v float32) {
					if !touched[i] {
						touched[i] = true
						rows = append(rows, int32(i))
					}
					g := gW1[i*H : (i+1)*H]
					for j := range g {
						g[j] += v * dh[j]
					}
				}
				for i, v := range x.Dense {
					if v != 0 {
						addRow(i, v)
					}
				}
				for k, i := range x.Idx {
					addRow(int(i), x.Val[k])
				}
			}
			step++
			scale := float32(1) / float32(end-bi)
			for _, i := range rows {
				touched[i] = false
				tW1[i]++
				g := gW1[int(i)*H : (int(i)+1)*H]
				for j := range g {
					g[j] *= scale
				}
				upd(m.W1[int(i)*H:(int(i)+1)*H], g, mW1[int(i)*H:(int(i)+1)*H], vW1[int(i)*H:(int(i)+1)*H], int(tW1[i]))
			}
			rows = rows[:0]
			for _, g := range [][]float32{gB1, gW2, gB2} {
				for j := range g {
					g[j] *= scale
				}
			}
			upd(m.B1, gB1, mB1, vB1, step)
			upd(m.W2, gW2, mW2, vW2, step)
			upd(m.B2, gB2, mB2, vB2, step)
		}
		if cfg.Log != nil {
			cfg.Log(ep, loss/float64(len(xs)))
		}
	}
	return m, nil
}

// Standardise returns the mean and standard deviation (plus 1e-6, so never
// zero) of each column of rows, for scaling dense features.
func Standardise(rows [][]float64) (mean, std []float64) {
	if len(rows) == 0 {
		return nil, nil
	}
	d := len(rows[0])
	mean, std = make([]float64, d), make([]float64, d)
	for _, r := range rows {
		for i, v := range r {
			mean[i] += v
		}
	}
	for i := range mean {
		mean[i] /= float64(len(rows))
	}
	for _, r := range rows {
		for i, v := range r {
			std[i] += (v - mean[i]) * (v - mean[i])
		}
	}
	for i := range std {
		std[i] = math.Sqrt(std[i]/float64(len(rows))) + 1e-6
	}
	return mean, std
}
