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

// A 1 kHz sine of peak amplitude A reads 20·log10(A) - 3.01 LUFS (BS.1770).
func TestLoudnessSine(t *testing.T) {
	for _, rate := range []float64{22050, 48000} {
		for _, block := range []float64{0.1, 0.4} {
			got, ok := loudness(sine(1000, 0.1, 3, rate), rate, block)
			if want := -23.01; !ok || math.Abs(got-want) > 0.05 {
				t.Errorf("%g Hz, %g s blocks: %.2f LUFS (ok %v), want %.2f", rate, block, got, ok, want)
			}
		}
	}
}

// Silence and sound far below the rest are gated out; only the blocks
// that straddle an edge of the tone lower the result a little.
func TestLoudnessGates(t *testing.T) {
	const rate = 22050
	if _, ok := loudness(make([]float32, rate), rate, 0.1); ok {
		t.Error("silence has a loudness")
	}
	tone := sine(1000, 0.1, 1, rate)
	quiet := sine(1000, 0.001, 1, rate) // 40 dB down: gated out
	got, _ := loudness(slices.Concat(tone, quiet, tone), rate, 0.1)
	if math.Abs(got+23.01) > 0.2 {
		t.Errorf("tone, quiet, tone: %.2f LUFS, want about the tone's -23.01", got)
	}
}

// A word shorter than a 400 ms block reads far quieter in 400 ms blocks
// than it is; 100 ms blocks read it within a dB of its level. This is why
// clips are matched with 100 ms blocks.
func TestLoudnessShortWord(t *testing.T) {
	const rate = 22050
	pad := make([]float32, rate/2)
	word := slices.Concat(pad, sine(1000, 0.1, 0.35, rate), pad)
	short, _ := loudness(word, rate, 0.1)
	long, _ := loudness(word, rate, 0.4)
	if short < -24.01 || short > -23.01 {
		t.Errorf("100 ms blocks: %.2f LUFS, want within 1 LU below the tone's -23.01", short)
	}
	if long > short-1.5 {
		t.Errorf("400 ms blocks: %.2f LUFS, want it well below the 100 ms reading %.2f", long, short)
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
