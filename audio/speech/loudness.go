package speech

import (
	"math"
	"time"

	"github.com/floorcoach/floorcoach/audio/loudness"
)

// Loudness is measured as in ITU-R BS.1770 (K-weighting, mean square over
// blocks overlapping by 75%, an absolute gate at -70 LUFS and a relative
// gate 10 LU below the ungated mean), with the block length as a
// parameter: 400 ms gives the standard integrated loudness; Block
// measures the level of the speech itself, fairer to single words. The
// default voice pack's README says why. The gating is package loudness's.

// Block is the block length clips are measured and matched with.
const Block = 100 * time.Millisecond

// LUFS is the speech loudness of every clip of the default pack,
// measured over Block blocks; Prepare brings clips to it.
const LUFS = -19.0

// biquad is a second-order IIR filter in direct form I.
type biquad struct {
	b0, b1, b2, a1, a2 float64
	x1, x2, y1, y2     float64
}

func (f *biquad) step(x float64) float64 {
	y := f.b0*x + f.b1*f.x1 + f.b2*f.x2 - f.a1*f.y1 - f.a2*f.y2
	f.x2, f.x1 = f.x1, x
	f.y2, f.y1 = f.y1, y
	return y
}

// kWeighting returns the two stages of the BS.1770 K-weighting filter for a
// sample rate: a high shelf (+4 dB above about 1.7 kHz, the head's effect)
// and a high pass at about 38 Hz. The analog prototypes are mapped with the
// bilinear transform, so the response matches the standard's 48 kHz
// coefficients at any rate.
func kWeighting(rate float64) (shelf, highpass biquad) {
	const (
		shelfHz, shelfGain, shelfQ = 1681.974450955533, 3.999843853973347, 0.7071752369554196
		hpHz, hpQ                  = 38.13547087602444, 0.5003270373238773
	)
	k := math.Tan(math.Pi * shelfHz / rate)
	vh := math.Pow(10, shelfGain/20)
	vb := math.Pow(vh, 0.4996667741545416)
	a0 := 1 + k/shelfQ + k*k
	shelf = biquad{
		b0: (vh + vb*k/shelfQ + k*k) / a0,
		b1: 2 * (k*k - vh) / a0,
		b2: (vh - vb*k/shelfQ + k*k) / a0,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/shelfQ + k*k) / a0,
	}
	k = math.Tan(math.Pi * hpHz / rate)
	a0 = 1 + k/hpQ + k*k
	highpass = biquad{b0: 1, b1: -2, b2: 1, a1: 2 * (k*k - 1) / a0, a2: (1 - k/hpQ + k*k) / a0}
	return shelf, highpass
}

// blockPowers K-weights samples and returns the mean square of each block of
// n samples, blocks starting every n/4 samples (75% overlap). Only whole
// blocks count.
func blockPowers(samples []float32, rate float64, n int) []float64 {
	shelf, hp := kWeighting(rate)
	sq := make([]float64, len(samples))
	for i, s := range samples {
		y := hp.step(shelf.step(float64(s)))
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

// Loudness returns the gated loudness in LUFS of mono samples at rate Hz,
// measured over blocks of the given length, and false when nothing is above
// the absolute gate (silence, or a sound shorter than one block).
func Loudness(samples []float32, rate int, block time.Duration) (float64, bool) {
	return loudness.Gated(blockPowers(samples, float64(rate), int(math.Round(block.Seconds()*float64(rate)))))
}
