package decode

import (
	"math"
	"testing"

	"github.com/gopxl/beep/v2"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

func sineAt(hz, amp float64, rate, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(amp * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)))
	}
	return x
}

func TestResample(t *testing.T) {
	tests := []struct {
		from     int
		hz, gain float64 // a sine in, and how much of it should come out
	}{
		{16000, 440, 1},
		{22050, 3000, 1},
		{48000, 1000, 1},
		{8000, 3300, 1},     // 83% of the old Nyquist frequency (4 kHz)
		{48000, 23000, 0},   // above the new one (22.05 kHz): filtered out
		{96000, 30000, 0},   // far above it
		{11025, 100, 1},     // low
		{44099, 440.5, 1},   // an awkward ratio
		{32000, 12345.6, 1}, // an odd frequency
	}
	for _, tt := range tests {
		x := sineAt(tt.hz, 0.5, tt.from, tt.from/2) // 0.5 s
		y := Resample(x, tt.from, audio.SampleRate)
		if got, want := int64(len(y)), ResampledLen(int64(len(x)), tt.from); got != want {
			t.Errorf("%d Hz: %d frames, want %d", tt.from, got, want)
		}
		mid := y[len(y)/4 : len(y)*3/4]
		amp := audiotest.Goertzel(mid, audio.SampleRate, tt.hz)
		if math.Abs(amp-0.5*tt.gain) > 0.02 {
			t.Errorf("%d Hz: a %v Hz sine at 0.5 came out at %.4f, want %.2f", tt.from, tt.hz, amp, 0.5*tt.gain)
		}
		if tt.gain > 0 {
			if got := audiotest.Pitch(mid, audio.SampleRate); math.Abs(got-tt.hz) > tt.hz*0.005 {
				t.Errorf("%d Hz: pitch %.2f Hz, want %.2f", tt.from, got, tt.hz)
			}
		} else if peak := audiotest.Peak(mid); peak > 0.05 {
			t.Errorf("%d Hz: a %v Hz sine leaks through at %.4f", tt.from, tt.hz, peak)
		}
	}
}

func TestResampledLen(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		rate int
		want int64
	}{{8000, 16000, 22050}, {1, 16000, 3}, {4800, 48000, 4410}, {1152, 22050, 2304}, {0, 8000, 0}, {7, 44100, 7}} {
		if got := ResampledLen(tt.n, tt.rate); got != tt.want {
			t.Errorf("ResampledLen(%d, %d) = %d, want %d", tt.n, tt.rate, got, tt.want)
		}
	}
}

// BenchmarkResample measures 60 s of 22.05 kHz sound brought to 44.1 kHz
// by this package's resampler and, for comparison, by beep.Resample.
func BenchmarkResample(b *testing.B) {
	x := sineAt(440, 0.5, 22050, 60*22050)
	b.Run("sinc", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Resample(x, 22050, audio.SampleRate)
		}
		b.ReportMetric(60*float64(b.N)/b.Elapsed().Seconds(), "x-realtime")
	})
	b.Run("beep", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([][2]float64, 4096)
		for b.Loop() {
			r := beep.Resample(4, 22050, audio.SampleRate, &monoStreamer{x: x})
			for n, ok := r.Stream(buf); ok && n > 0; n, ok = r.Stream(buf) {
			}
		}
		b.ReportMetric(60*float64(b.N)/b.Elapsed().Seconds(), "x-realtime")
	})
}

// monoStreamer streams a mono slice to beep on both channels.
type monoStreamer struct {
	x []float32
	i int
}

func (m *monoStreamer) Stream(p [][2]float64) (int, bool) {
	n := min(len(p), len(m.x)-m.i)
	for j := range n {
		v := float64(m.x[m.i+j])
		p[j] = [2]float64{v, v}
	}
	m.i += n
	return n, n > 0
}

func (m *monoStreamer) Err() error { return nil }
