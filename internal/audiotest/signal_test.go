package audiotest

import (
	"math"
	"slices"
	"testing"
	"time"
)

func sine(freq, amp float64, rate, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = amp * math.Sin(2*math.Pi*freq*float64(i)/float64(rate))
	}
	return x
}

func TestPitch(t *testing.T) {
	tests := []struct {
		name string
		x    []float64
		rate int
		want float64
	}{
		{"440 Hz, 1 s", sine(440, 0.5, 44100, 44100), 44100, 440},
		{"1000 Hz, 20 ms", sine(1000, 0.1, 44100, 882), 44100, 1000},
		{"523.25 Hz, 80 ms", sine(523.25, 0.1, 44100, 3528), 44100, 523.25},
		{"1320 Hz at 16 kHz", sine(1320, 0.9, 16000, 1600), 16000, 1320},
		{"loudest of a chord", add(sine(660, 0.2, 44100, 22050), sine(880, 0.5, 44100, 22050)), 44100, 880},
		{"with DC and a harmonic", add(sine(700, 0.5, 44100, 8820), sine(1400, 0.1, 44100, 8820), dc(0.3, 8820)), 44100, 700},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Pitch(tt.x, tt.rate)
			if math.Abs(got-tt.want) > tt.want*0.002 {
				t.Errorf("Pitch = %.2f Hz, want %.2f Hz ±0.2%%", got, tt.want)
			}
		})
	}
	if got := Pitch(make([]float32, 1000), 44100); got != 0 {
		t.Errorf("Pitch(silence) = %v, want 0", got)
	}
}

func add(xs ...[]float64) []float64 {
	out := make([]float64, len(xs[0]))
	for _, x := range xs {
		for i, v := range x {
			out[i] += v
		}
	}
	return out
}

func dc(v float64, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = v
	}
	return x
}

func TestGoertzel(t *testing.T) {
	x := add(sine(440, 0.5, 44100, 44100), sine(660, 0.25, 44100, 44100))
	for _, c := range []struct{ freq, want float64 }{{440, 0.5}, {660, 0.25}, {550, 0}, {1000, 0}} {
		if got := Goertzel(x, 44100, c.freq); math.Abs(got-c.want) > 0.01 {
			t.Errorf("Goertzel(%v Hz) = %.4f, want %.4f", c.freq, got, c.want)
		}
	}
}

func TestLevels(t *testing.T) {
	x := sine(1000, 0.5, 44100, 44100)
	if got, want := Peak(x), 0.5; math.Abs(got-want) > 1e-3 {
		t.Errorf("Peak = %v, want %v", got, want)
	}
	if got, want := RMS(x), 0.5/math.Sqrt2; math.Abs(got-want) > 1e-4 {
		t.Errorf("RMS = %v, want %v", got, want)
	}
	if got := Mean(x); math.Abs(got) > 1e-6 {
		t.Errorf("Mean = %v, want 0", got)
	}
	if got := DBFS(0.5); math.Abs(got+6.0206) > 1e-3 {
		t.Errorf("DBFS(0.5) = %v, want -6.02", got)
	}
	if RMS([]float32{}) != 0 || Mean([]float32{}) != 0 || Peak([]float32{}) != 0 {
		t.Error("levels of no samples are not 0")
	}
	if got := Mono([][]float64{{1, 0.5}, {0, -0.5}}); !slices.Equal(got, []float64{0.5, 0}) {
		t.Errorf("Mono = %v, want [0.5 0]", got)
	}
}

func TestOnsets(t *testing.T) {
	const rate = 44100
	x := make([]float64, rate)
	for _, at := range []int{0, 10000, 10700, 30000} {
		copy(x[at:], sine(800, 0.3, rate, 441)) // 10 ms bursts
	}
	got := Onsets(x, rate, 0.01, 5*time.Millisecond)
	// A sine starts at 0, so the first sample above 0.01 is the next one.
	want := []int{1, 10001, 10701, 30001}
	if !slices.Equal(got, want) {
		t.Errorf("Onsets = %v, want %v", got, want)
	}
	if got := Onsets(x, rate, 0.01, 20*time.Millisecond); !slices.Equal(got, []int{1, 10001, 30001}) {
		t.Errorf("Onsets with a 20 ms gap = %v, want [1 10001 30001]", got)
	}
}

// Band finds a weak tone beside a strong one an octave and a half away,
// where Goertzel's plain window does not.
func TestBand(t *testing.T) {
	x := add(sine(70, 0.01, 44100, 8820), sine(200, 0.5, 44100, 8820))
	if got := Band(x, 44100, 70, 0, len(x)); math.Abs(got-0.01) > 0.0005 {
		t.Errorf("Band(70 Hz) = %.5f, want 0.01", got)
	}
	if got := Band(x, 44100, 70, 0, 4410); math.Abs(got-0.01) > 0.001 {
		t.Errorf("Band(70 Hz) over 0.1 s = %.5f, want 0.01", got)
	}
}

// BandLevel finds a faint high tone under a loud low one, and nothing in
// a band where there is nothing.
func TestBandLevel(t *testing.T) {
	const rate = 44100
	x := add(sine(1000, 0.5, rate, rate), sine(14000, 0.005, rate, rate))
	if got := BandLevel(x, rate, 12000, 22050); math.Abs(got+40) > 0.1 {
		t.Errorf("a 14 kHz tone 40 dB under a 1 kHz one: band level %.2f dB, want -40", got)
	}
	if got := BandLevel(sine(1000, 0.5, rate, rate), rate, 12000, 22050); got > -120 {
		t.Errorf("a 1 kHz tone alone: band level above 12 kHz %.1f dB, want nothing", got)
	}
	if got := BandLevel(sine(1000, 0.5, rate, 1000), rate, 500, 2000); math.Abs(got) > 0.1 {
		t.Errorf("a short 1 kHz tone: %.2f dB in its band, want 0", got)
	}
}

// Near holds within the tolerance, on its edge, and never for a NaN.
func TestNear(t *testing.T) {
	if !Near(1.5, 1, 0.5) || !Near(-3, -3, 0) || Near(1.2, 1, 0.1) || Near(math.NaN(), 1, 1) || Near(1, math.NaN(), 1) {
		t.Error("Near misjudges")
	}
}
