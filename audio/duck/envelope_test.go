package duck

import (
	"math"
	"testing"
	"time"
)

const rate = 1000 // one frame a millisecond keeps the numbers readable

var shape = Shape{Depth: 12, Attack: 250 * time.Millisecond, Release: 800 * time.Millisecond,
	Hold: 2 * time.Second, FadeIn: 3 * time.Second, FadeOut: 5 * time.Second}

func gains(e *Envelope) []float32 {
	g := make([]float32, e.Len())
	e.Fill(g, 0)
	return g
}

func db(g float32) float64 { return 20 * math.Log10(float64(g)) }

// Under speech the music is Depth down; away from it, at full level once
// faded in; the fall ends where speech starts and the rise starts where it
// ends.
func TestEnvelopeDucksAroundSpeech(t *testing.T) {
	e := New([]Span{{10000, 12000}, {30000, 31000}}, 60000, rate, shape)
	g := gains(e)
	for _, tc := range []struct {
		frame int64
		want  float64 // dB
	}{
		{5000, 0}, {9740, 0}, {10000, -12}, {11000, -12}, {11999, -12},
		{12810, 0}, {20000, 0}, {30500, -12}, {40000, 0},
	} {
		if got := db(g[tc.frame]); math.Abs(got-tc.want) > 0.1 {
			t.Errorf("frame %d: %.2f dB, want %.1f", tc.frame, got, tc.want)
		}
	}
	if got := db(g[10000-125]); got > -5.5 || got < -6.5 {
		t.Errorf("half way down the fall: %.2f dB, want about -6", got)
	}
}

// Cues closer than the ramps and Hold are ducked as one; farther apart
// they are not.
func TestEnvelopeHoldsAcrossShortGaps(t *testing.T) {
	gap := int64(250 + 800 + 2000)
	for _, tc := range []struct {
		gap    int64
		merged bool
	}{{gap - 1, true}, {gap, false}, {300, true}} {
		e := New([]Span{{10000, 11000}, {11000 + tc.gap, 12000 + tc.gap}}, 60000, rate, shape)
		g := gains(e)
		mid := 11000 + tc.gap/2
		if down := db(g[mid]) < -11.9; down != tc.merged {
			t.Errorf("gap of %d ms: %.1f dB half way, ducked %v, want %v", tc.gap, db(g[mid]), down, tc.merged)
		}
		if got := len(e.Spans()); got != map[bool]int{true: 1, false: 2}[tc.merged] {
			t.Errorf("gap of %d ms: %d spans", tc.gap, got)
		}
	}
}

// No click: at 44.1 kHz with the Default shape, from one frame to the next
// the gain never changes by more than 1.5e-4 (a step 76 dB down), and the
// fades start and end at silence.
func TestEnvelopeIsSmooth(t *testing.T) {
	sec := func(s float64) int64 { return int64(s * 44100) }
	e := New([]Span{{0, sec(0.5)}, {sec(10), sec(11)}, {sec(59.5), sec(60)}}, sec(60), 44100, Default)
	g := gains(e)
	if g[0] != 0 || g[len(g)-1] != 0 {
		t.Errorf("first gain %v, last %v: want silence at both ends", g[0], g[len(g)-1])
	}
	for i := 1; i < len(g); i++ {
		if d := math.Abs(float64(g[i] - g[i-1])); d > 1.5e-4 {
			t.Fatalf("frame %d: gain jumps from %.5f to %.5f", i, g[i-1], g[i])
		}
	}
}

// Fill gives the same gains read in any pieces, from any frame.
func TestEnvelopeFillAnywhere(t *testing.T) {
	e := New([]Span{{-100, 200}, {5000, 7000}, {7500, 9000}, {20000, 26000}}, 25000, rate, shape)
	whole := gains(e)
	for _, from := range []int64{0, 1, 4800, 5000, 9500, 24000} {
		for _, n := range []int{1, 7, 1000, 3333} {
			part := make([]float32, n)
			e.Fill(part, from)
			for k, v := range part {
				f := from + int64(k)
				want := float32(0)
				if f < int64(len(whole)) {
					want = whole[f]
				}
				if v != want {
					t.Fatalf("from %d, %d frames: frame %d is %v, want %v", from, n, f, v, want)
				}
			}
		}
	}
}
