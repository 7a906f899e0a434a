package nn

// Dense is a Net laid out for dense inputs only, for scoring many small
// examples fast: the first layer is transposed so that each hidden unit is
// one dot product, and no hidden buffer is needed.
type Dense struct {
	in, hid, out int
	w1t          []float32 // hid rows of in
	b1           []float32
	w2, b2       []float32 // w2 is hid rows of out, as in Net
}

// Dense returns the net laid out for dense inputs of its first In inputs.
func (m *Net) Dense() *Dense {
	d := &Dense{in: m.In, hid: m.Hid, out: m.Out, w1t: make([]float32, m.In*m.Hid), b1: m.B1, w2: m.W2, b2: m.B2}
	for i := range m.In {
		for j := range m.Hid {
			d.w1t[j*m.In+i] = m.W1[i*m.Hid+j]
		}
	}
	return d
}

// Forward fills p (Out class probabilities) for the dense input x, as
// Net.Forward does, up to rounding. It does not allocate.
func (d *Dense) Forward(x []float32, p []float64) {
	x = x[:d.in]
	p = p[:d.out]
	for c := range p {
		p[c] = float64(d.b2[c])
	}
	for j := range d.hid {
		h := d.b1[j] + Dot(d.w1t[j*d.in:(j+1)*d.in], x)
		if h <= 0 {
			continue
		}
		w := d.w2[j*d.out : (j+1)*d.out]
		for c := range p {
			p[c] += float64(h * w[c])
		}
	}
	softmax(p)
}

// Dot is the dot product of two vectors of the same length, in four
// independent sums so that the additions pipeline.
func Dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}
