package loudness

import "math"

// A biquad is a second-order IIR filter, direct form I, run in float64.
type biquad struct {
	b0, b1, b2, a1, a2 float64
	x1, x2, y1, y2     float64
}

// kFilter is the two-stage K-weighting filter of one channel.
type kFilter struct{ shelf, highpass biquad }

// newKFilter returns the K-weighting filter for a sample rate. BS.1770
// gives its coefficients at 48 kHz; they come from two analog prototypes
// (a high shelf of +4 dB at 1682 Hz, a second-order high pass at 38 Hz),
// mapped here with the bilinear transform, so any rate gets the same
// response.
func newKFilter(rate float64) kFilter {
	const (
		shelfHz   = 1681.974450955533
		shelfDB   = 3.999843853973347
		shelfQ    = 0.7071752369554196
		highpassQ = 0.5003270373238773
		hpHz      = 38.13547087602444
	)
	k := math.Tan(math.Pi * shelfHz / rate)
	vh := math.Pow(10, shelfDB/20)
	vb := math.Pow(vh, 0.4996667741545416)
	a0 := 1 + k/shelfQ + k*k
	shelf := biquad{
		b0: (vh + vb*k/shelfQ + k*k) / a0,
		b1: 2 * (k*k - vh) / a0,
		b2: (vh - vb*k/shelfQ + k*k) / a0,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/shelfQ + k*k) / a0,
	}
	k = math.Tan(math.Pi * hpHz / rate)
	a0 = 1 + k/highpassQ + k*k
	hp := biquad{b0: 1, b1: -2, b2: 1, a1: 2 * (k*k - 1) / a0, a2: (1 - k/highpassQ + k*k) / a0}
	return kFilter{shelf, hp}
}

// sumSquares K-weights x, continuing from the filter's state, and returns
// the sum of the squares of the result.
func (f *kFilter) sumSquares(x []float32) float64 {
	if f.shelf.silent() && f.highpass.silent() && allZero(x) {
		return 0 // silence through a filter at rest stays silence
	}
	s, h := f.shelf, f.highpass
	var sum float64
	for _, v := range x {
		in := float64(v)
		y := s.b0*in + s.b1*s.x1 + s.b2*s.x2 - s.a1*s.y1 - s.a2*s.y2
		s.x2, s.x1, s.y2, s.y1 = s.x1, in, s.y1, y
		z := h.b0*y + h.b1*h.x1 + h.b2*h.x2 - h.a1*h.y1 - h.a2*h.y2
		h.x2, h.x1, h.y2, h.y1 = h.x1, y, h.y1, z
		sum += z * z
	}
	s.flush()
	h.flush()
	f.shelf, f.highpass = s, h
	return sum
}

// flush sets a state that has decayed to nothing to exactly zero. After a
// sound, the filter's state decays towards zero through silence, into the
// subnormal numbers, where arithmetic is a hundred times slower: measuring
// a session that is mostly silence ran at 70x real time, not 2000x.
func (b *biquad) flush() {
	const tiny = 1e-25
	for _, v := range []*float64{&b.x1, &b.x2, &b.y1, &b.y2} {
		if math.Abs(*v) < tiny {
			*v = 0
		}
	}
}

func (b *biquad) silent() bool { return b.x1 == 0 && b.x2 == 0 && b.y1 == 0 && b.y2 == 0 }

func allZero(x []float32) bool {
	for _, v := range x {
		if v != 0 {
			return false
		}
	}
	return true
}
