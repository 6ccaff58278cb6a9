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
// the sum of the squares of the result. The state lives in local
// variables during the loop: as struct fields it would be stored and
// loaded every sample, which made this four times slower.
func (f *kFilter) sumSquares(x []float32) float64 {
	if f.shelf.silent() && f.highpass.silent() && allZero(x) {
		return 0 // silence through a filter at rest stays silence
	}
	s, h := &f.shelf, &f.highpass
	sb0, sb1, sb2, sa1, sa2 := s.b0, s.b1, s.b2, s.a1, s.a2
	hb0, hb1, hb2, ha1, ha2 := h.b0, h.b1, h.b2, h.a1, h.a2
	sx1, sx2, sy1, sy2 := s.x1, s.x2, s.y1, s.y2
	hx1, hx2, hy1, hy2 := h.x1, h.x2, h.y1, h.y2
	var sum float64
	for _, v := range x {
		in := float64(v)
		y := sb0*in + sb1*sx1 + sb2*sx2 - sa1*sy1 - sa2*sy2
		sx2, sx1, sy2, sy1 = sx1, in, sy1, y
		z := hb0*y + hb1*hx1 + hb2*hx2 - ha1*hy1 - ha2*hy2
		hx2, hx1, hy2, hy1 = hx1, y, hy1, z
		sum += z * z
	}
	s.x1, s.x2, s.y1, s.y2 = sx1, sx2, sy1, sy2
	h.x1, h.x2, h.y1, h.y2 = hx1, hx2, hy1, hy2
	s.flush()
	h.flush()
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

func (b *biquad) step(x float64) float64 {
	y := b.b0*x + b.b1*b.x1 + b.b2*b.x2 - b.a1*b.y1 - b.a2*b.y2
	b.x2, b.x1 = b.x1, x
	b.y2, b.y1 = b.y1, y
	return y
}

// BlockPowers K-weights mono samples at rate Hz and returns the mean
// square of each block of n samples, a block starting every n/4 samples
// (75% overlap, as BS.1770 has it); only whole blocks count. Gated makes a
// loudness of them. Unlike a Meter, any block length may be asked for:
// clips of speech are measured over shorter blocks than a programme.
func BlockPowers(samples []float32, rate float64, n int) []float64 {
	f := newKFilter(rate)
	sq := make([]float64, len(samples))
	for i, s := range samples {
		y := f.highpass.step(f.shelf.step(float64(s)))
		sq[i] = y * y
	}
	hop := max(n/4, 1)
	var powers []float64
	for start := 0; start+n <= len(sq); start += hop {
		sum := 0.0
		for _, v := range sq[start : start+n] {
			sum += v
		}
		powers = append(powers, sum/float64(n))
	}
	return powers
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
