package loudness

import (
	"math"
	"testing"
)

// A sine's true peak is its amplitude, even where every sample misses the
// crest: at a quarter of the rate with a 45° phase, samples reach only
// 0.707 of it (-3 dB).
func TestTruePeakBetweenSamples(t *testing.T) {
	for _, tc := range []struct {
		hz, phase float64
		tolDB     float64
	}{
		{44100 / 4, math.Pi / 4, 0.05},
		{997, 0.3, 0.05},
		{5000, 1.1, 0.05},
		{12000, 0.7, 0.1},
		{16000, 0.2, 0.3},
	} {
		x := fade(sine(tc.hz, -6, 44100, 44100, tc.phase), 441) // no step at either end
		var tp TruePeak
		tp.AddStereo(x[:20000], x[:20000])
		tp.AddStereo(x[20000:], x[20000:])
		if got := tp.DBTP(); math.Abs(got+6) > tc.tolDB {
			t.Errorf("%.0f Hz: %.2f dBTP, want -6 ±%.2f (sample peak %.2f dBFS)", tc.hz, got, tc.tolDB, DB(float64(maxAbs(x))))
		}
	}
}

// The last samples count: a click at the very end is measured.
func TestTruePeakAtTheEnd(t *testing.T) {
	x := make([]float32, 1000)
	x[999] = 0.5
	var tp TruePeak
	tp.AddMono(x)
	if got := tp.Peak(); got < 0.5 {
		t.Errorf("peak %.3f, want at least 0.5", got)
	}
}

// fade fades the first and last n samples of x in and out, so that it
// does not start or end with a step, whose ringing a true-peak meter
// rightly reports.
func fade(x []float32, n int) []float32 {
	for i := range n {
		x[i] *= float32(i) / float32(n)
		x[len(x)-1-i] *= float32(i) / float32(n)
	}
	return x
}
