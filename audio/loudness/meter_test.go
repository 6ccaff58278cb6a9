package loudness

import (
	"math"
	"math/rand/v2"
	"testing"
)

// sine returns n frames of a sine of amplitude dBFS.
func sine(hz, dbfs float64, rate, n int, phase float64) []float32 {
	a := Linear(dbfs)
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(a * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)+phase))
	}
	return x
}

func concat(parts ...[]float32) []float32 {
	var out []float32
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// The cases of EBU Tech 3341 that a 1 kHz sine can make, at two rates:
// a -23 dBFS stereo sine reads -23 LUFS, -33 dBFS reads -33, and quiet
// lead-in and lead-out below the relative gate leave -23.
func TestMeterTech3341(t *testing.T) {
	for _, rate := range []int{44100, 48000} {
		s := func(db float64, secs int) []float32 { return sine(1000, db, rate, secs*rate, 0) }
		for _, tc := range []struct {
			name string
			x    []float32
			want float64
		}{
			{"case 1: -23 dBFS", s(-23, 20), -23},
			{"case 2: -33 dBFS", s(-33, 20), -33},
			{"case 3: -36, -23, -36 dBFS", concat(s(-36, 10), s(-23, 60), s(-36, 10)), -23},
			{"case 4: -72, -36, -23, -36, -72", concat(s(-72, 10), s(-36, 10), s(-23, 60), s(-36, 10), s(-72, 10)), -23},
		} {
			m := NewMeter(rate)
			// fed in uneven pieces, as a stream is
			for x := tc.x; len(x) > 0; {
				n := min(len(x), 1000+rand.IntN(5000))
				m.AddStereo(x[:n], x[:n])
				x = x[n:]
			}
			got, ok := m.Integrated()
			if !ok || math.Abs(got-tc.want) > 0.1 {
				t.Errorf("%d Hz, %s: %.2f LUFS (%v), want %.1f ±0.1", rate, tc.name, got, ok, tc.want)
			}
		}
	}
}

// A mono signal on both channels measures the same by AddMono as by
// AddStereo; one channel alone is 3 dB quieter.
func TestMeterMono(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float32, 10*44100)
	for i := range x {
		x[i] = float32(r.NormFloat64() * 0.05)
	}
	mono, stereo, left := NewMeter(44100), NewMeter(44100), NewMeter(44100)
	mono.AddMono(x)
	stereo.AddStereo(x, x)
	left.AddStereo(x, make([]float32, len(x)))
	a, _ := mono.Integrated()
	b, _ := stereo.Integrated()
	c, _ := left.Integrated()
	if math.Abs(a-b) > 1e-9 {
		t.Errorf("AddMono %.4f LUFS, AddStereo %.4f", a, b)
	}
	if d := a - c; math.Abs(d-3.0103) > 0.01 {
		t.Errorf("both channels are %.3f LU above one, want 3.01", d)
	}
}

func TestMeterSilence(t *testing.T) {
	m := NewMeter(44100)
	m.AddMono(make([]float32, 44100))
	if l, ok := m.Integrated(); ok {
		t.Errorf("silence: %.1f LUFS, want none", l)
	}
	m = NewMeter(44100)
	m.AddMono(sine(1000, -10, 44100, 44100/4, 0)) // shorter than one block
	if l, ok := m.Integrated(); ok {
		t.Errorf("250 ms: %.1f LUFS, want none", l)
	}
}

// Excerpts joined by Break measure as the blocks within each, with no block
// across the join: a loud and a quiet excerpt give what the loud one alone
// gives when the quiet one is below the relative gate.
func TestMeterBreak(t *testing.T) {
	m := NewMeter(44100)
	m.AddMono(sine(1000, -20, 44100, 44100*5, 0))
	m.Break()
	m.Break() // twice is once
	m.AddMono(sine(1000, -40, 44100, 44100*5, 0))
	alone := NewMeter(44100)
	alone.AddMono(sine(1000, -20, 44100, 44100*5, 0))
	a, _ := m.Integrated()
	b, _ := alone.Integrated()
	if math.Abs(a-b) > 0.01 {
		t.Errorf("with a quiet excerpt after a break: %.3f LUFS; the loud one alone: %.3f", a, b)
	}
	if n, want := len(m.blockPowers(nil)), 2*(50-hopsPerBlock+1); n != want {
		t.Errorf("%d blocks, want %d (none across the break)", n, want)
	}
}

// Scaling every stretch by the same gain moves the loudness by that gain;
// scaling only the loud part by a gain moves it by nearly as much, the
// quiet part being gated out.
func TestMeterIntegratedWith(t *testing.T) {
	m := NewMeter(44100)
	m.AddMono(concat(sine(1000, -20, 44100, 44100*10, 0), sine(1000, -45, 44100, 44100*10, 0)))
	base, _ := m.Integrated()
	half := make([]float64, m.Hops())
	for i := range half {
		half[i] = 0.25 // -6 dB
	}
	if got, _ := m.IntegratedWith(half); math.Abs(got-(base-6.02)) > 0.01 {
		t.Errorf("all 6 dB down: %.2f, want %.2f", got, base-6.02)
	}
	loud := make([]float64, 100)
	for i := range loud {
		loud[i] = 0.25
	}
	if got, _ := m.IntegratedWith(loud); math.Abs(got-(base-6.02)) > 0.05 {
		t.Errorf("the loud half 6 dB down: %.2f, want about %.2f", got, base-6.02)
	}
}
