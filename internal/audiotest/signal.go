package audiotest

import (
	"math"
	"time"
)

// Sample is the type of one sample: float32 (as audio.Sound holds them) or
// float64 (as ReadWAV returns them).
type Sample interface{ ~float32 | ~float64 }

// Peak returns the largest magnitude in x.
func Peak[S Sample](x []S) float64 {
	var p float64
	for _, v := range x {
		p = math.Max(p, math.Abs(float64(v)))
	}
	return p
}

// RMS returns the root mean square of x, or 0 for no samples.
func RMS[S Sample](x []S) float64 {
	if len(x) == 0 {
		return 0
	}
	var sum float64
	for _, v := range x {
		sum += float64(v) * float64(v)
	}
	return math.Sqrt(sum / float64(len(x)))
}

// Mean returns the average of x (its DC offset), or 0 for no samples.
func Mean[S Sample](x []S) float64 {
	if len(x) == 0 {
		return 0
	}
	var sum float64
	for _, v := range x {
		sum += float64(v)
	}
	return sum / float64(len(x))
}

// DBFS converts a linear level (1 is full scale) to decibels.
func DBFS(level float64) float64 { return 20 * math.Log10(level) }

// Mono averages channels into one.
func Mono(channels [][]float64) []float64 {
	if len(channels) == 0 {
		return nil
	}
	out := make([]float64, len(channels[0]))
	for _, ch := range channels {
		for i, v := range ch {
			out[i] += v / float64(len(channels))
		}
	}
	return out
}

// Goertzel returns the amplitude of the component of x at freq Hz: about A
// for a sine of amplitude A at that frequency lasting many periods, near 0
// for frequencies far from any in x.
func Goertzel[S Sample](x []S, rate int, freq float64) float64 {
	if len(x) == 0 {
		return 0
	}
	w := 2 * math.Pi * freq / float64(rate)
	coeff := 2 * math.Cos(w)
	var s1, s2 float64
	for _, v := range x {
		s1, s2 = float64(v)+coeff*s1-s2, s1
	}
	re := s1 - s2*math.Cos(w)
	im := s2 * math.Sin(w)
	return 2 * math.Hypot(re, im) / float64(len(x))
}

// Onsets returns the frames where a sound begins: the first sample whose
// magnitude exceeds threshold after at least minGap of samples at or below
// it. The start of x counts as silence, so a sound at frame 0 is an onset.
// minGap must be longer than the quiet stretches inside one sound (a few
// milliseconds for a tone, whose zero crossings dip below any threshold).
func Onsets[S Sample](x []S, rate int, threshold float64, minGap time.Duration) []int {
	gap := int(minGap.Seconds() * float64(rate))
	quiet := gap
	var out []int
	for i, v := range x {
		if math.Abs(float64(v)) <= threshold {
			quiet++
			continue
		}
		if quiet >= gap {
			out = append(out, i)
		}
		quiet = 0
	}
	return out
}

// Pitch estimates the dominant frequency of x in Hz: the highest peak above
// 20 Hz of its Hann-windowed spectrum, zero-padded for fine bins and refined
// by parabolic interpolation. It returns 0 for silence.
func Pitch[S Sample](x []S, rate int) float64 {
	n := 4096
	for n < 8*len(x) && n < 1<<20 {
		n *= 2
	}
	for n < len(x) {
		n *= 2
	}
	buf := make([]complex128, n)
	for i, v := range x {
		hann := 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(len(x)))
		buf[i] = complex(float64(v)*hann, 0)
	}
	fft(buf)
	mag := make([]float64, n/2)
	for i := range mag {
		mag[i] = math.Hypot(real(buf[i]), imag(buf[i]))
	}
	lo := int(20*float64(n)/float64(rate)) + 1
	best := lo
	for i := lo; i < len(mag)-1; i++ {
		if mag[i] > mag[best] {
			best = i
		}
	}
	if mag[best] == 0 {
		return 0
	}
	a, b, c := mag[best-1], mag[best], mag[best+1]
	shift := 0.0
	if d := a - 2*b + c; d != 0 {
		shift = 0.5 * (a - c) / d
	}
	return (float64(best) + shift) * float64(rate) / float64(n)
}

// fft transforms x in place; len(x) must be a power of two.
func fft(x []complex128) {
	n := len(x)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j |= bit
		if i < j {
			x[i], x[j] = x[j], x[i]
		}
	}
	for size := 2; size <= n; size <<= 1 {
		step := -2 * math.Pi / float64(size)
		for k := 0; k < size/2; k++ {
			w := complex(math.Cos(step*float64(k)), math.Sin(step*float64(k)))
			for start := k; start < n; start += size {
				a, b := x[start], w*x[start+size/2]
				x[start], x[start+size/2] = a+b, a-b
			}
		}
	}
}

// Band returns the amplitude of the component of x at freq Hz over the
// frames from-to, measured through a Hann window: about A for a sine of
// amplitude A, with far less leakage from other frequencies than
// Goertzel's plain window (sidelobes from -31 dB, falling 18 dB an octave).
func Band[S Sample](x []S, rate int, freq float64, from, to int) float64 {
	from, to = max(from, 0), min(to, len(x))
	n := to - from
	if n <= 0 {
		return 0
	}
	w := make([]float64, n)
	for i := range w {
		hann := 0.5 - 0.5*math.Cos(2*math.Pi*(float64(i)+0.5)/float64(n))
		w[i] = float64(x[from+i]) * hann
	}
	return 2 * Goertzel(w, rate, freq) // the window's mean is 1/2
}
