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

// resampleWhole is Resample as it was before it streamed: the whole input,
// zero-padded, at once. The streaming resampler must match it bit for bit,
// so that clips decode as they did and cached clips stay valid.
func resampleWhole(x []float32, from, to int) []float32 {
	fc := sincCutoff * min(1, float64(to)/float64(from))
	half := int(math.Ceil(sincZeros / fc))
	phases := min(to/gcd(from, to), maxPhases)
	bank := filterBank(fc, half, phases)
	padded := make([]float32, len(x)+2*half+1)
	copy(padded[half:], x)
	out := make([]float32, (int64(len(x))*int64(to)+int64(from)-1)/int64(from))
	for j := range out {
		num := int64(j) * int64(from)
		k := int(num / int64(to))
		p := int(num % int64(to) * int64(phases) / int64(to))
		out[j] = dot(padded[k+1:k+1+2*half], bank[p*2*half:(p+1)*2*half])
	}
	return out
}

// The resampler gives the same frames whatever the blocks it is fed in.
func TestResamplerStreams(t *testing.T) {
	for _, rates := range [][2]int{{16000, 44100}, {48000, 44100}, {192000, 44100}, {8000, 22050}, {44099, 44100}} {
		x := sineAt(440, 0.5, rates[0], rates[0]/3+7)
		want := resampleWhole(x, rates[0], rates[1])
		for _, block := range []int{1, 17, 4096, len(x)} {
			r := newResampler(rates[0], rates[1], int64(len(x)))
			for i := 0; i < len(x); i += block {
				r.write(x[i:min(i+block, len(x))])
			}
			got := r.finish()
			if len(got) != len(want) {
				t.Fatalf("%v in blocks of %d: %d frames, want %d", rates, block, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%v in blocks of %d: frame %d is %v, want %v", rates, block, i, got[i], want[i])
				}
			}
		}
	}
}
