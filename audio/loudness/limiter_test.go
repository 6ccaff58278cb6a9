package loudness

import (
	"math"
	"math/rand/v2"
	"testing"
)

// limit runs x (on both channels) through a new limiter in uneven pieces
// and returns its left output, aligned with x (the latency removed).
func limit(t *testing.T, x []float32, ceilingDB float64) []float32 {
	t.Helper()
	l := NewLimiter(44100, ceilingDB)
	d := l.Latency()
	in := append(append([]float32(nil), x...), make([]float32, d)...)
	outL, outR := make([]float32, len(in)), make([]float32, len(in))
	r := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < len(in); {
		n := min(len(in)-k, 1+r.IntN(3000))
		l.Process(in[k:k+n], in[k:k+n], outL[k:k+n], outR[k:k+n])
		k += n
	}
	for i := range outL {
		if outL[i] != outR[i] {
			t.Fatalf("channels differ at frame %d", i)
		}
	}
	for i, v := range outL[:d] {
		if v != 0 {
			t.Fatalf("frame %d of the latency is %v, want silence", i, v)
		}
	}
	return outL[d:]
}

func noise(seed uint64, n int, dbfs float64) []float32 {
	r := rand.New(rand.NewPCG(seed, 1))
	a := Linear(dbfs)
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(a * r.NormFloat64())
	}
	return x
}

// A mono limiter gives what a stereo one does with the same sound on both
// channels.
func TestMonoLimiter(t *testing.T) {
	x := concat(noise(7, 30000, 3), noise(8, 30000, -20))
	stereo := limit(t, x, -1)
	l := NewMonoLimiter(44100, -1)
	out := make([]float32, len(x)+l.Latency())
	in := append(append([]float32(nil), x...), make([]float32, l.Latency())...)
	for k := 0; k < len(in); k += 1000 {
		e := min(k+1000, len(in))
		l.ProcessMono(in[k:e], out[k:e])
	}
	for i, v := range out[l.Latency():] {
		if v != stereo[i] {
			t.Fatalf("frame %d: mono %v, stereo %v", i, v, stereo[i])
		}
	}
}

// What stays under the ceiling comes out bit for bit, just later.
func TestLimiterPassesQuietSoundUnchanged(t *testing.T) {
	x := fade(sine(440, -3, 44100, 3*44100, 0.5), 441) // true peak -3 dBTP
	copy(x[44100:], noise(1, 44100, -20))
	y := limit(t, x, -1)
	for i := range x {
		if x[i] != y[i] {
			t.Fatalf("frame %d: %v in, %v out", i, x[i], y[i])
		}
	}
}

// Loud sounds of every kind come out with their true peak at or under the
// ceiling, and the gain moves smoothly: no step between two frames larger
// than the look-ahead allows, and back to exactly 1 once the release is
// over.
func TestLimiterHoldsTheCeiling(t *testing.T) {
	click := make([]float32, 44100)
	click[20000], click[20001] = 1.9, -1.9
	for _, tc := range []struct {
		name string
		x    []float32
	}{
		{"sine 12 dB over", fade(sine(1000, 11, 44100, 44100, 0), 441)},
		{"high sine over", fade(sine(15000, 3, 44100, 44100, 0.4), 441)},
		{"noise 6 dB over", noise(2, 44100, -4)},
		{"a click", click},
		{"bursts", concat(sine(300, -20, 44100, 10000, 0), noise(5, 3000, 0), sine(300, -20, 44100, 30000, 0))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, ceiling := range []float64{-1, -2, 0} {
				x := append(append([]float32(nil), tc.x...), make([]float32, 44100)...) // then a second of silence
				y := limit(t, x, ceiling)
				var tp TruePeak
				tp.AddMono(y)
				t.Logf("ceiling %v: true peak %.3f dBTP", ceiling, tp.DBTP())
				if got := tp.DBTP(); got > ceiling+0.05 {
					t.Errorf("ceiling %v: true peak %.3f dBTP", ceiling, got)
				}
				checkGain(t, x, y)
			}
		})
	}
}

// checkGain checks the gain y/x where x is loud enough to tell: never above
// 1, no jumps, and exactly 1 again at the end.
func checkGain(t *testing.T, x, y []float32) {
	t.Helper()
	maxStep := 1.0 / float64(NewLimiter(44100, 0).look)
	prev, prevAt := 1.0, -2 // the gain may fall before frame 0, in the silence before it
	for i := range x {
		if math.Abs(float64(x[i])) < 0.05 {
			continue
		}
		g := float64(y[i]) / float64(x[i])
		if g > 1+1e-6 {
			t.Fatalf("frame %d: gain %.4f above 1", i, g)
		}
		if prevAt == i-1 && math.Abs(g-prev) > maxStep*1.01 {
			t.Fatalf("frame %d: gain jumps from %.4f to %.4f", i, prev, g)
		}
		prev, prevAt = g, i
	}
}

// After a peak the gain returns to 1 at the release rate, not at once,
// and not later than it must.
func TestLimiterRelease(t *testing.T) {
	x := concat(sine(500, 5, 44100, 4410, 0), sine(500, -20, 44100, 44100, 0))
	y := limit(t, x, -1)
	// 6 dB of limiting comes back at 20 dB/s: 0.3 s, after the look-ahead.
	back := -1
	for i := 4410; i < len(x); i++ {
		if y[i] != x[i] {
			back = i
		}
	}
	took := float64(back-4410) / 44100
	if took < 0.25 || took > 0.36 {
		t.Errorf("gain back to 1 after %.3f s, want about 0.3 s", took)
	}
}
