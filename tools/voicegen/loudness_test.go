package main

import (
	"math"
	"slices"
	"testing"
)

func sine(hz, amp, sec, rate float64) []float32 {
	s := make([]float32, int(sec*rate))
	for i := range s {
		s[i] = float32(amp * math.Sin(2*math.Pi*hz*float64(i)/rate))
	}
	return s
}

// loudness is audio.Loudness, tested there; this checks the seconds.
func TestLoudnessSine(t *testing.T) {
	got, ok := loudness(sine(1000, 0.1, 3, rate), rate, speechBlock)
	if want := -23.01; !ok || math.Abs(got-want) > 0.05 {
		t.Errorf("%.2f LUFS (ok %v), want %.2f", got, ok, want)
	}
}

func TestKeepBeforeBuzz(t *testing.T) {
	speech := sine(300, 0.1, 0.5, rate)
	l, _ := loudness(speech, rate, speechBlock)
	buzz := sine(280, 0.001, buzzSec, rate) // 40 dB down
	fricative := sine(5000, 0.05, buzzSec, rate)
	tests := []struct {
		name    string
		samples []float32
		want    int
	}{
		{"buzz dropped", slices.Concat(speech, make([]float32, rate/10), buzz), len(speech) + rate/10},
		{"fricative kept", slices.Concat(speech, fricative), len(speech) + len(fricative)},
		{"too short", buzz[:len(buzz)/2], len(buzz) / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keepBeforeBuzz(tt.samples, l); got != tt.want {
				t.Errorf("keep %d of %d samples, want %d", got, len(tt.samples), tt.want)
			}
		})
	}
}
