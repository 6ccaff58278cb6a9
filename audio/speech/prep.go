package speech

import (
	"errors"
	"fmt"
	"math"

	"github.com/floorcoach/floorcoach/audio/decode"
)

// How a line is readied for a voice pack: the recipe of Prepare, for the
// clips of "clips make" and "clips add", and of PrepareMeasured, for the
// built-in pack's MP3 clips (tools/voicegen; audio/pack/voices/default/README.md
// says why).
const (
	prepHighpassHz = 70.0  // removes DC and rumble below the voice
	Tolerance      = 0.1   // LU: how close to LUFS a clip is made
	prepTries      = 6     // renderings at most, each correcting the gain by what it missed
	LimitDB        = -4.0  // dBFS: the limiter's ceiling
	prepAttackSec  = 0.005 // the limiter's gain falls over this before a peak…
	prepReleaseSec = 0.050 // …and recovers over this after it
	TrimDB         = -35.0 // dB below the speech: quieter than this at either end is silence
	prepWindowSec  = 0.010 // RMS window that finds the speech's ends
	prepKeepSec    = 0.030 // s of the quiet before and after speech kept
	prepFadeInSec  = 0.010 // fades over the kept quiet, so the cuts never click
	prepFadeOutSec = 0.015
	prepQuietLUFS  = -55.0 // quieter speech than this is not speech: noise or a mistake
	prepMinRate    = 8000  // clips at a rate outside these are resampled to Rate
	prepMaxRate    = 48000
	Rate           = 22050
)

// Read decodes a recorded or synthesized line, the bytes of a WAV or
// MP3 file (name says which, by its extension, and names it in errors),
// to mono samples at the file's own rate, or at the rate Prepare would
// resample it to when it is outside 8–48 kHz: a 192 kHz file never
// decodes to four times the samples it will keep.
func Read(data []byte, name string) (samples []float32, rate int, err error) {
	f, err := decode.Open(data, name)
	if err != nil {
		return nil, 0, err
	}
	rate = f.Rate()
	if rate < prepMinRate || rate > prepMaxRate {
		rate = Rate
	}
	x, err := f.Decode(rate)
	if err != nil {
		return nil, 0, fmt.Errorf("audio: decode clip %q: %w", name, err)
	}
	return x, rate, nil
}

// Prepare readies a line for a voice pack, as the default pack's
// clips were made: it high-passes it at 70 Hz, trims the quiet at both
// ends (keeping 30 ms, with short fades so the cuts never click), and
// brings its speech loudness to LUFS, with a look-ahead limiter
// holding peaks to -4 dBFS. A rate outside 8–48 kHz becomes 22.05 kHz. It
// fails on silence and on sound too quiet to be speech.
func Prepare(x []float32, rate int) ([]float32, int, error) {
	return PrepareMeasured(x, rate, nil)
}

// A Measure returns the speech loudness a rendering of a line will have
// where it is heard: for a WAV clip, the rendering's own; for an MP3, the
// loudness of the rendering encoded and decoded again, which the coding
// changes a little.
type Measure func(rendering []float32, rate int) (lufs float64, err error)

// PrepareMeasured readies a line as Prepare does, but judges each
// rendering by measure (nil: its own Loudness). It renders the line at
// most prepTries times, correcting the gain each time by what the last
// rendering missed (by half of it after the first, as what is left is the
// coder's jitter), and returns the rendering nearest to LUFS.
func PrepareMeasured(x []float32, rate int, measure Measure) ([]float32, int, error) {
	if measure == nil {
		measure = ownLoudness
	}
	if rate < prepMinRate || rate > prepMaxRate {
		x, rate = decode.Resample(x, rate, Rate), Rate
	}
	y := HighPass(x, rate)
	l, ok := Loudness(y, rate, Block)
	switch {
	case !ok:
		return nil, 0, errors.New("no sound: silent, or shorter than 0.1 s")
	case l < prepQuietLUFS:
		return nil, 0, fmt.Errorf("too quiet to be speech (%.0f LUFS)", l)
	}
	y = trimmed(y, rate, l+TrimDB)
	var out []float32
	gain, best := LUFS-l, math.Inf(1)
	for try := 0; try < prepTries && best > Tolerance; try++ {
		z := limited(y, gain, rate)
		fadeEnds(z, rate)
		got, err := measure(z, rate)
		if err != nil {
			return nil, 0, err
		}
		if miss := math.Abs(LUFS - got); miss < best {
			out, best = z, miss
		}
		step := LUFS - got
		if try > 0 {
			step /= 2
		}
		gain += step
	}
	return out, rate, nil
}

// ownLoudness is the Measure of a clip kept as it is rendered.
func ownLoudness(x []float32, rate int) (float64, error) {
	l, _ := Loudness(x, rate, Block)
	return l, nil
}

// HighPass returns x through a second-order Butterworth high-pass filter
// at prepHighpassHz, which also removes any DC offset.
func HighPass(x []float32, rate int) []float32 {
	const q = math.Sqrt2 / 2
	k := math.Tan(math.Pi * prepHighpassHz / float64(rate))
	a0 := 1 + k/q + k*k
	b0, b1, b2, a1, a2 := 1/a0, -2/a0, 1/a0, 2*(k*k-1)/a0, (1-k/q+k*k)/a0
	var x1, x2, y1, y2 float64
	if len(x) > 0 { // as if x[0] had always been: a DC offset makes no click at the start
		x1, x2 = float64(x[0]), float64(x[0])
	}
	out := make([]float32, len(x))
	for i, v := range x {
		in := float64(v)
		y := b0*in + b1*x1 + b2*x2 - a1*y1 - a2*y2
		x2, x1, y2, y1 = x1, in, y1, y
		out[i] = float32(y)
	}
	return out
}

// trimmed returns the part of x from prepKeepSec before the first window
// louder than floorDB (RMS, dBFS) to prepKeepSec after the last.
func trimmed(x []float32, rate int, floorDB float64) []float32 {
	win := max(int(prepWindowSec*float64(rate)), 1)
	hop := max(win/4, 1)
	first, last := -1, -1
	for i := 0; i+win <= len(x); i += hop {
		if RMSDB(x[i:i+win]) > floorDB {
			if first < 0 {
				first = i
			}
			last = i + win
		}
	}
	if first < 0 {
		return x
	}
	keep := int(prepKeepSec * float64(rate))
	return x[max(first-keep, 0):min(last+keep, len(x))]
}

// limited returns x with gain dB, its peaks held to LimitDB by a
// look-ahead limiter: the gain falls linearly over prepAttackSec before a
// peak and recovers over prepReleaseSec after it, so no sample passes the
// ceiling and the gain never jumps.
func limited(x []float32, gainDB float64, rate int) []float32 {
	g, ceiling := math.Pow(10, gainDB/20), math.Pow(10, LimitDB/20)
	env := make([]float64, len(x))
	for i, v := range x {
		env[i] = 1
		if a := math.Abs(float64(v)) * g; a > ceiling {
			env[i] = ceiling / a
		}
	}
	attack, release := 1/(prepAttackSec*float64(rate)), 1/(prepReleaseSec*float64(rate))
	for i := len(env) - 2; i >= 0; i-- {
		env[i] = min(env[i], env[i+1]+attack)
	}
	for i := 1; i < len(env); i++ {
		env[i] = min(env[i], env[i-1]+release)
	}
	out := make([]float32, len(x))
	for i, v := range x {
		out[i] = float32(float64(v) * g * env[i])
	}
	return out
}

// fadeEnds fades x in over prepFadeInSec and out over prepFadeOutSec, in place.
func fadeEnds(x []float32, rate int) {
	in, out := int(prepFadeInSec*float64(rate)), int(prepFadeOutSec*float64(rate))
	for i := 0; i < in && i < len(x); i++ {
		x[i] *= float32(i) / float32(in)
	}
	for i := 0; i < out && i < len(x); i++ {
		x[len(x)-1-i] *= float32(i) / float32(out)
	}
}

// RMSDB returns the RMS level of x in dBFS.
func RMSDB(x []float32) float64 {
	sum := 0.0
	for _, v := range x {
		sum += float64(v) * float64(v)
	}
	return 10 * math.Log10(sum/float64(len(x))+1e-20)
}
