package music

import (
	"errors"
	"io"
	"math"
	"slices"

	"github.com/floorcoach/floorcoach/audio/internal/kaiser"
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
	from, to int64 // the rates, divided by their greatest common divisor
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
	s := &resampler{d: d, from: from / g, to: int64(to) / g}
	s.length = (d.Len()*s.to + s.from - 1) / s.from
	if s.from != s.to {
		fc := resampleCutoff * min(1, float64(to)/float64(from)) // of the input's Nyquist
		s.half = int64(math.Ceil(resampleZeros / fc))
		s.phases = min(s.to, maxPhases)
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
			taps[i] = kaiser.Sinc(fc*x) * kaiser.Window(x/float64(half), resampleBeta)
			sum += taps[i]
		}
		for i, v := range taps {
			bank[p*2*half+i] = float32(v / sum)
		}
	}
	return bank
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
	num := s.pos * s.from
	k, rem := num/s.to, num%s.to // the output's time: input frame k, and rem/to of the way on
	for i := range n {
		p := rem
		if s.phases != s.to {
			p = rem * s.phases / s.to
		}
		at := k - s.half + 1 - s.start
		l[i], r[i] = dot2(s.l[at:at+width], s.r[at:at+width], s.bank[p*width:(p+1)*width])
		for rem += s.from; rem >= s.to; rem -= s.to {
			k++
		}
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
			s.l, s.r = grow(s.l, need), grow(s.r, need)
			return nil
		}
		need = max(need, 4096)
		at := len(s.l)
		s.l, s.r = grow(s.l, need), grow(s.r, need)
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

// grow returns x with n more elements, zero.
func grow(x []float32, n int) []float32 {
	x = slices.Grow(x, n)
	x = x[:len(x)+n]
	clear(x[len(x)-n:])
	return x
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

// dot2 returns the dot products of l and r with taps, all of the same even
// length: the two channels share the loads of the taps, and two sums each
// let the processor add in parallel.
func dot2(l, r, taps []float32) (float32, float32) {
	l, r = l[:len(taps)], r[:len(taps)]
	var a, b, c, d float32
	for i := 0; i+1 < len(taps); i += 2 {
		t0, t1 := taps[i], taps[i+1]
		a += l[i] * t0
		b += l[i+1] * t1
		c += r[i] * t0
		d += r[i+1] * t1
	}
	return a + b, c + d
}
