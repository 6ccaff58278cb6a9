package speech

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// A 1 kHz sine of peak amplitude A reads 20·log10(A) - 3.01 LUFS (BS.1770).
func TestLoudnessSine(t *testing.T) {
	for _, rate := range []int{22050, 48000} {
		for _, block := range []time.Duration{Block, 400 * time.Millisecond} {
			got, ok := Loudness(audiotest.Sine(1000, 0.1, 3, rate), rate, block)
			if want := -23.01; !ok || math.Abs(got-want) > 0.05 {
				t.Errorf("%d Hz, %v blocks: %.2f LUFS (ok %v), want %.2f", rate, block, got, ok, want)
			}
		}
	}
}

// Silence and sound far below the rest are gated out; only the blocks
// that straddle an edge of the tone lower the result a little.
func TestLoudnessGates(t *testing.T) {
	const rate = 22050
	if _, ok := Loudness(make([]float32, rate), rate, Block); ok {
		t.Error("silence has a loudness")
	}
	tone := audiotest.Sine(1000, 0.1, 1, rate)
	quiet := audiotest.Sine(1000, 0.001, 1, rate) // 40 dB down: gated out
	got, _ := Loudness(slices.Concat(tone, quiet, tone), rate, Block)
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
	word := slices.Concat(pad, audiotest.Sine(1000, 0.1, 0.35, rate), pad)
	short, _ := Loudness(word, rate, Block)
	long, _ := Loudness(word, rate, 400*time.Millisecond)
	if short < -24.01 || short > -23.01 {
		t.Errorf("100 ms blocks: %.2f LUFS, want within 1 LU below the tone's -23.01", short)
	}
	if long > short-1.5 {
		t.Errorf("400 ms blocks: %.2f LUFS, want it well below the 100 ms reading %.2f", long, short)
	}
}

// A tick is as far under the voice as audio.TickBelowSpeech says, measured
// as clips are.
func TestTickLevel(t *testing.T) {
	x := make([]float32, audio.SampleRate)
	copy(x[1000:], audio.Tone(audio.ToneTick).Samples)
	got, ok := Loudness(x, audio.SampleRate, Block)
	if below := LUFS - got; !ok || math.Abs(below-audio.TickBelowSpeech) > 0.2 {
		t.Errorf("a tick is %.1f LU under the voice, want %.1f", below, audio.TickBelowSpeech)
	}
}
