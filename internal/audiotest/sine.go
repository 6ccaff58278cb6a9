package audiotest

import (
	"math"
	"testing"
)

// Sine returns sec seconds of a sine at hz Hz and peak amplitude amp,
// sampled at rate Hz: the simplest sound a test can make.
func Sine(hz, amp, sec float64, rate int) []float32 {
	s := make([]float32, int(sec*float64(rate)))
	for i := range s {
		s[i] = float32(amp * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)))
	}
	return s
}

// SineWAV writes Sine(hz, amp, sec, rate) to path as a mono 16-bit WAV
// file, each sample rounded to the nearest step, and fails the test if it
// cannot.
func SineWAV(t testing.TB, path string, hz, amp, sec float64, rate int) {
	t.Helper()
	s := Sine(hz, amp, sec, rate)
	p := make([]int16, len(s))
	for i, v := range s {
		p[i] = int16(max(-32768, min(32767, math.Round(float64(v)*32767))))
	}
	if err := WriteWAV(path, rate, 1, p); err != nil {
		t.Fatal(err)
	}
}
