package main

import (
	"path/filepath"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/player"
)

// The export of lower-back keeps the voice's upper band: in the middle of
// its spoken cues (the middle half of each cue of a second or more), the
// sound from 12 to 16 kHz (where a voice made at 32 kHz ends) is at most
// 45 dB below the whole of the speech (33.2 dB when written). The default
// pack encoded at 22.05 kHz, which lost everything above 10 kHz, measured
// 56.5 dB below here (the band held only the decoder's and resampler's
// residue), and 53.3 dB from 12 kHz to the top: measured over that, a
// limit of 55 dB would not tell the two apart.
func TestExportKeepsTheVoicesBand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "back.wav")
	if code, _, stderr := runApp(t, "export", "lower-back", "-o", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	rate, _, samples, err := audiotest.ReadWAV(out)
	if err != nil {
		t.Fatal(err)
	}
	var mid []float64
	cues := 0
	for _, e := range loadTestPlan(t, "lower-back").timeline.Events {
		if e.Kind != player.Speech || e.Dur < audio.SampleRate {
			continue
		}
		cues++
		mid = append(mid, samples[0][e.At+e.Dur/4:e.At+3*e.Dur/4]...)
	}
	level := audiotest.BandLevel(mid, rate, 12000, 16000)
	t.Logf("%d spoken cues, %.0f s in their middles: 12-16 kHz %.1f dB below the whole, all above 12 kHz %.1f dB below",
		cues, float64(len(mid))/float64(rate), -level, -audiotest.BandLevel(mid, rate, 12000, float64(rate)/2))
	if cues < 20 || level < -45 {
		t.Errorf("from 12 to 16 kHz the speech is %.1f dB below its level (want 45 at most) in %d cues", -level, cues)
	}
}
