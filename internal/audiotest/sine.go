package audiotest

import "math"

// Sine returns sec seconds of a sine at hz Hz and peak amplitude amp,
// sampled at rate Hz: the simplest sound a test can make.
func Sine(hz, amp, sec float64, rate int) []float32 {
	s := make([]float32, int(sec*float64(rate)))
	for i := range s {
		s[i] = float32(amp * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)))
	}
	return s
}
