package loudness

import (
	"math"
	"sync"
)

// The true-peak interpolator: 4x oversampling by a polyphase FIR of 4
// phases of 12 taps (48 in all), as BS.1770-4 Annex 2 recommends. Phase 0
// is the sample itself; phases 1 to 3 estimate the waveform a quarter,
// half and three quarters of the way to the next sample from the 6 samples
// on each side, with a Kaiser-windowed sinc.
const (
	oversample = 4
	firBehind  = 5 // samples before the one interpolated from
	firAhead   = 6 // samples after it
	firTaps    = firBehind + 1 + firAhead
	firBeta    = 5.0
)

// firBank holds the taps of phases 1 to 3, and bound: the largest sum of
// the taps' magnitudes, so that no interpolated value exceeds bound times
// the largest sample around it.
type firBank struct {
	taps  [oversample - 1][firTaps]float32
	bound float32
}

var fir = sync.OnceValue(func() *firBank {
	b := &firBank{}
	half := float64(firAhead)
	for p := 1; p < oversample; p++ {
		frac := float64(p) / oversample
		var sum, abs float64
		var h [firTaps]float64
		for k := range firTaps {
			t := float64(k-firBehind) - frac // distance of tap k from the point
			h[k] = sinc(t) * kaiser(t/half, firBeta)
			sum += h[k]
		}
		for k := range h {
			h[k] /= sum // each phase passes DC unchanged
			abs += math.Abs(h[k])
			b.taps[p-1][k] = float32(h[k])
		}
		b.bound = max(b.bound, float32(abs))
	}
	return b
})

func sinc(t float64) float64 {
	if t == 0 {
		return 1
	}
	return math.Sin(math.Pi*t) / (math.Pi * t)
}

// kaiser is the Kaiser window at u in [-1, 1].
func kaiser(u, beta float64) float64 {
	if u <= -1 || u >= 1 {
		return 0
	}
	return bessel0(beta*math.Sqrt(1-u*u)) / bessel0(beta)
}

// bessel0 is the modified Bessel function of the first kind, order 0.
func bessel0(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1.0; term > 1e-12*sum; k++ {
		term *= (x / (2 * k)) * (x / (2 * k))
		sum += term
	}
	return sum
}

// peakAt returns the largest magnitude of the waveform from sample i to
// just before sample i+1: the sample and the three points interpolated
// after it. x must hold firBehind samples before i and firAhead after.
func (b *firBank) peakAt(x []float32, i int) float32 {
	w := x[i-firBehind : i+firAhead+1 : i+firAhead+1]
	p := abs32(w[firBehind])
	for ph := range b.taps {
		t := &b.taps[ph]
		var a, c float32
		for k := 0; k < firTaps; k += 2 {
			a += w[k] * t[k]
			c += w[k+1] * t[k+1]
		}
		p = max(p, abs32(a+c))
	}
	return p
}

// maxAbs returns the largest magnitude in x.
func maxAbs(x []float32) float32 {
	var hi, lo float32 // plain comparisons: the built-in max minds NaN and -0, and is slower
	for _, v := range x {
		if v > hi {
			hi = v
		} else if v < lo {
			lo = v
		}
	}
	if -lo > hi {
		return -lo
	}
	return hi
}

func abs32(v float32) float32 { return math.Float32frombits(math.Float32bits(v) &^ (1 << 31)) }

// DB converts a linear level to decibels (full scale is 0 dB).
func DB(level float64) float64 { return 20 * math.Log10(level) }

// Linear converts decibels to a linear level.
func Linear(db float64) float64 { return math.Pow(10, db/20) }
