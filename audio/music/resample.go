package music

import (
	"errors"
	"io"
	"math"
)

// The resampler: a Kaiser-windowed sinc, applied polyphase. Each output
// frame is computed from the input frames around its time alone, so the
// output after a seek is exactly what reading from the start gives.
// Measured (TestResampleQuality): flat within 0.1 dB to 80% of the lower
// Nyquist frequency (17.6 kHz at 44.1 kHz), half (-6 dB) at 90%, and what
// the new rate cannot hold 60 dB down or more: plenty for music under a
// voice.
const (
	resampleZeros  = 16  // zero crossings of the kernel each side of its centre
	resampleCutoff = 0.9 // the -6 dB point, as a fraction of the lower Nyquist frequency
	resampleBeta   = 7.0
	maxPhases      = 1024 // finer positions than this are rounded to the nearest
)

// resampler reads a decoder at another rate.
type resampler struct {
	d        decoder
	from, to int64
	half     int64 // taps each side of the output's time
	phases   int64
	bank     []float32 // phases × 2·half taps

	l, r   []float32 // input frames start to start+len(l)
	start  int64
	ended  bool  // the decoder has no more: beyond, silence
	pos    int64 // the next output frame
	length int64
}

// newResampler reads d at rate to.
func newResampler(d decoder, to int) *resampler {
	from := int64(d.Rate())
	g := gcd(from, int64(to))
	s := &resampler{d: d, from: from, to: int64(to)}
	s.length = (d.Len()*s.to + from - 1) / from
	if from != s.to {
		fc := resampleCutoff * min(1, float64(to)/float64(from)) // of the input's Nyquist
		s.half = int64(math.Ceil(resampleZeros / fc))
		s.phases = min(s.to/g, maxPhases)
		s.bank = kernelBank(fc, int(s.half), int(s.phases))
	}
	s.start = -s.half + 1 // silence before the first frame
	if s.bank == nil {
		s.start = 0
	}
	s.l, s.r = make([]float32, -s.start), make([]float32, -s.start)
	return s
}

// kernelBank returns, for each phase p (the output p/phases of the way from
// one input frame to the next), the 2·half taps weighing the input frames
// from half-1 before to half after it; each phase's taps sum to 1.
func kernelBank(fc float64, half, phases int) []float32 {
	bank := make([]float32, phases*2*half)
	for p := range phases {
		frac := float64(p) / float64(phases)
		taps := make([]float64, 2*half)
		var sum float64
		for i := range taps {
			x := frac + float64(half-1-i) // input frame's distance from the output's time
			taps[i] = sincAt(fc*x) * kaiserAt(x/float64(half), resampleBeta)
			sum += taps[i]
		}
		for i, v := range taps {
			bank[p*2*half+i] = float32(v / sum)
		}
	}
	return bank
}

func sincAt(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// kaiserAt is the Kaiser window at u in [-1, 1].
func kaiserAt(u, beta float64) float64 {
	if u <= -1 || u >= 1 {
		return 0
	}
	return bessel(beta*math.Sqrt(1-u*u)) / bessel(beta)
}

// bessel is the modified Bessel function of the first kind, order 0.
func bessel(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1.0; term > 1e-12*sum; k++ {
		term *= (x / (2 * k)) * (x / (2 * k))
		sum += term
	}
	return sum
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Len returns the length in output frames.
func (s *resampler) Len() int64 { return s.length }

// SeekFrame makes frame the next output frame Read gives.
func (s *resampler) SeekFrame(frame int64) error {
	s.pos = min(max(frame, 0), s.length)
	first := s.pos*s.from/s.to - s.half + 1
	if s.bank == nil {
		first = s.pos
	}
	s.l, s.r, s.ended = s.l[:0], s.r[:0], false
	s.start = first
	if first < 0 { // silence before the first frame
		s.l = append(s.l, make([]float32, -first)...)
		s.r = append(s.r, make([]float32, -first)...)
		first = 0
	}
	return s.d.SeekFrame(first)
}

// Read fills l and r with the next output frames and returns how many;
// io.EOF after the last.
func (s *resampler) Read(l, r []float32) (int, error) {
	n := int(min(int64(len(l)), s.length-s.pos))
	if n <= 0 {
		return 0, io.EOF
	}
	if s.bank == nil {
		n, err := readFull(s.d, l[:n], r[:n])
		s.pos += int64(n)
		return n, err
	}
	last := (s.pos + int64(n) - 1) * s.from / s.to
	if err := s.fill(last + s.half + 1); err != nil {
		return 0, err
	}
	width := 2 * s.half
	for i := range n {
		num := (s.pos + int64(i)) * s.from
		k := num / s.to
		p := num % s.to * s.phases / s.to
		taps := s.bank[p*width : (p+1)*width]
		at := k - s.half + 1 - s.start
		l[i] = dot(s.l[at:at+width], taps)
		r[i] = dot(s.r[at:at+width], taps)
	}
	s.pos += int64(n)
	s.drop(s.pos*s.from/s.to - s.half + 1)
	return n, nil
}

// fill reads input until the buffer reaches frame end (exclusive),
// padding with silence after the decoder's last frame.
func (s *resampler) fill(end int64) error {
	for have := s.start + int64(len(s.l)); have < end; have = s.start + int64(len(s.l)) {
		need := int(end - have)
		if s.ended {
			s.l = append(s.l, make([]float32, need)...)
			s.r = append(s.r, make([]float32, need)...)
			return nil
		}
		need = max(need, 4096)
		at := len(s.l)
		s.l, s.r = append(s.l, make([]float32, need)...), append(s.r, make([]float32, need)...)
		got, err := readFull(s.d, s.l[at:], s.r[at:])
		s.l, s.r = s.l[:at+got], s.r[:at+got]
		if errors.Is(err, io.EOF) || err == nil && got < need {
			s.ended = true
		} else if err != nil {
			return err
		}
	}
	return nil
}

// drop forgets the input before frame keep.
func (s *resampler) drop(keep int64) {
	cut := int(min(max(keep-s.start, 0), int64(len(s.l))))
	if cut < 1<<15 {
		return
	}
	s.l = s.l[:copy(s.l, s.l[cut:])]
	s.r = s.r[:copy(s.r, s.r[cut:])]
	s.start += int64(cut)
}

// dot returns the dot product of x and y, which have the same even length.
func dot(x, y []float32) float32 {
	x = x[:len(y)]
	var a, b, c, d float32
	i := 0
	for ; i+3 < len(y); i += 4 {
		a += x[i] * y[i]
		b += x[i+1] * y[i+1]
		c += x[i+2] * y[i+2]
		d += x[i+3] * y[i+3]
	}
	for ; i < len(y); i++ {
		a += x[i] * y[i]
	}
	return (a + b) + (c + d)
}
