package audio

import (
	"math"
	"slices"
	"testing"

	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// toneTable is what tones.go documents: each kind's notes and peak level.
var toneTable = []struct {
	kind    ToneKind
	pitches []float64 // in order; two pitches are measured on each half
	peakDB  float64
	ms      float64 // length
}{
	{ToneTick, []float64{TickHz}, -14, 50},
	{TonePip, []float64{PipHz}, -12, 100},
	{ToneStart, []float64{StartFromHz, StartToHz}, -12, 300},
	{ToneEnd, []float64{EndFromHz, EndToHz}, -12, 300},
	{ToneCount, []float64{CountHz}, -14, 80},
	{TonePhase, []float64{PhaseHz}, -18, 80},
	{ToneChime, []float64{ChimeHz}, -11, 1500},
	{ToneAttention, []float64{AttentionFromHz, AttentionToHz}, -20, 400},
}

func TestToneTableCoversKinds(t *testing.T) {
	var kinds []ToneKind
	for _, tt := range toneTable {
		kinds = append(kinds, tt.kind)
	}
	if !slices.Equal(kinds, ToneKinds()) {
		t.Errorf("ToneKinds() = %v, the table tests %v", ToneKinds(), kinds)
	}
}

func TestTonePitch(t *testing.T) {
	for _, tt := range toneTable {
		t.Run(string(tt.kind), func(t *testing.T) {
			x := Tone(tt.kind).Samples
			parts := [][]float32{x}
			if len(tt.pitches) == 2 { // the first and last 40%: one note each
				parts = [][]float32{x[:len(x)*4/10], x[len(x)*6/10:]}
			}
			for i, part := range parts {
				got, want := audiotest.Pitch(part, SampleRate), tt.pitches[i]
				if math.Abs(got-want) > want*0.02 {
					t.Errorf("note %d: pitch %.1f Hz, want %.1f Hz ±2%%", i+1, got, want)
				}
			}
		})
	}
}

func TestChimeChord(t *testing.T) {
	x := Tone(ToneChime).Samples[:SampleRate/2]
	root := audiotest.Goertzel(x, SampleRate, ChimeHz)
	for _, hz := range []float64{ChimeThirdHz, ChimeFifthHz} {
		if got := audiotest.Goertzel(x, SampleRate, hz); got < 0.3*root {
			t.Errorf("%.2f Hz at %.4f, want at least 30%% of the root's %.4f", hz, got, root)
		}
	}
	// A bell decays: the last half second is much quieter than the first.
	tail := Tone(ToneChime).Samples[SampleRate:]
	if r0, r1 := audiotest.RMS(x), audiotest.RMS(tail); r1 > r0/4 {
		t.Errorf("chime RMS %.4f at the end, %.4f at the start: not decaying", r1, r0)
	}
}

func TestToneLevelsAndLength(t *testing.T) {
	speech := math.Pow(10, SpeechPeakDB/20)
	for _, tt := range toneTable {
		t.Run(string(tt.kind), func(t *testing.T) {
			s := Tone(tt.kind)
			peak := audiotest.DBFS(audiotest.Peak(s.Samples))
			if math.Abs(peak-tt.peakDB) > 0.05 {
				t.Errorf("peak %.2f dBFS, want %.2f", peak, tt.peakDB)
			}
			if peak > MaxTonePeakDB+1e-3 || audiotest.Peak(s.Samples)+speech >= 1 {
				t.Errorf("peak %.2f dBFS would clip under speech at %v dBFS", peak, SpeechPeakDB)
			}
			if got, want := ToneLen(tt.kind), int64(math.Round(tt.ms*SampleRate/1000)); got != want {
				t.Errorf("ToneLen = %d, want %d (%v ms)", got, want, tt.ms)
			}
			if s.Name != string(tt.kind) {
				t.Errorf("Name = %q, want %q", s.Name, tt.kind)
			}
		})
	}
}

// TestToneClickFree checks that each tone starts and ends at silence and
// eases in and out: near its edges no sample steps further than the
// steepest step anywhere in the tone (a click would be a sudden jump).
func TestToneClickFree(t *testing.T) {
	const edge = 32 // frames, 0.7 ms
	for _, tt := range toneTable {
		t.Run(string(tt.kind), func(t *testing.T) {
			x := Tone(tt.kind).Samples
			if x[0] != 0 || math.Abs(float64(x[len(x)-1])) > 1e-6 {
				t.Errorf("first, last samples = %g, %g; want 0", x[0], x[len(x)-1])
			}
			steepest := maxStep(x)
			if s := max(maxStep(x[:edge]), maxStep(x[len(x)-edge:])); s > steepest/2 {
				t.Errorf("step %.5f at an edge, steepest anywhere %.5f", s, steepest)
			}
			if dc := audiotest.Mean(x); math.Abs(dc) > audiotest.Peak(x)/200 {
				t.Errorf("DC offset %.5f, peak %.5f", dc, audiotest.Peak(x))
			}
		})
	}
}

func maxStep(x []float32) float64 {
	var m float64
	for i := 1; i < len(x); i++ {
		m = math.Max(m, math.Abs(float64(x[i]-x[i-1])))
	}
	return m
}

func TestToneCached(t *testing.T) {
	if Tone(ToneTick) != Tone(ToneTick) {
		t.Error("Tone returned a new sound for the same kind")
	}
	defer func() {
		if recover() == nil {
			t.Error(`Tone("nope") did not panic`)
		}
	}()
	Tone(ToneKind("nope"))
}
