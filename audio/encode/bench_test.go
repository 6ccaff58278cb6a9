package encode

import (
	"io"
	"runtime"
	"strconv"
	"testing"

	"github.com/braheezy/shine-mp3/pkg/mp3"

	"github.com/floorcoach/floorcoach/audio"
)

// encTestLoop repeats 10 s of the test signal, made once, for as long as
// asked: benchmarks then time the encoder, not the signal's maths.
type encTestLoop struct {
	pcm    []int16
	n, pos int64
}

func newEncTestLoop(frames int64) *encTestLoop {
	return &encTestLoop{pcm: encTestPCM(10 * audio.SampleRate), n: frames}
}

func (s *encTestLoop) Len() int64 { return s.n }

func (s *encTestLoop) Read(p []int16) (int, error) {
	if s.pos >= s.n {
		return 0, io.EOF
	}
	cycle := int64(len(s.pcm) / audio.Channels)
	at := s.pos % cycle
	k := min(int64(len(p)/audio.Channels), s.n-s.pos, cycle-at)
	copy(p, s.pcm[at*audio.Channels:(at+k)*audio.Channels])
	s.pos += k
	return int(k) * audio.Channels, nil
}

// encBenchSeconds is the length of audio each benchmark iteration encodes.
const encBenchSeconds = 60

func encBench(b *testing.B, f Format, opts Options) {
	src := newEncTestLoop(encBenchSeconds * audio.SampleRate)
	meta := encTestMeta(src.Len())
	b.ReportAllocs()
	for b.Loop() {
		src.pos = 0
		if err := Write(io.Discard, f, src, meta, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(encBenchSeconds*b.N)/b.Elapsed().Seconds(), "x_realtime")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkEncodeWAV(b *testing.B) { encBench(b, WAV, Options{}) }

func BenchmarkEncodeFLAC(b *testing.B) { encBench(b, FLAC, Options{}) }

func BenchmarkEncodeMP3(b *testing.B) {
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("workers="+strconv.Itoa(workers), func(b *testing.B) {
			encBench(b, MP3, Options{Workers: workers})
		})
	}
}

// BenchmarkShine times the bare library on one goroutine: the figure our
// segmenting has to beat.
func BenchmarkShine(b *testing.B) {
	pcm := encTestPCM(encBenchSeconds * audio.SampleRate)
	b.ReportAllocs()
	for b.Loop() {
		enc := mp3.NewEncoder(audio.SampleRate, audio.Channels)
		for i := 0; i+mp3FrameLen*audio.Channels <= len(pcm); i += mp3FrameLen * audio.Channels {
			enc.EncodeBufferInterleaved(pcm[i : i+mp3FrameLen*audio.Channels])
		}
	}
	b.ReportMetric(float64(encBenchSeconds*b.N)/b.Elapsed().Seconds(), "x_realtime")
	b.ReportMetric(0, "ns/op")
}

// TestEncodeMemoryFlat checks that encoding streams: the live heap (after
// a collection, every 10 s of audio encoded) is as small for a long source
// as for a short one, so neither samples nor output are held whole.
func TestEncodeMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("encodes minutes of audio")
	}
	for _, tt := range []struct {
		f           Format
		short, long int64 // seconds
	}{{WAV, 60, 600}, {FLAC, 60, 600}, {MP3, 60, 300}} {
		a, b := encTestLiveHeap(t, tt.f, tt.short), encTestLiveHeap(t, tt.f, tt.long)
		t.Logf("%s: live heap at most %.1f MB for %d s, %.1f MB for %d s", tt.f, a/1e6, tt.short, b/1e6, tt.long)
		if b > a+1e6 {
			t.Errorf("%s: live heap grew from %.1f MB to %.1f MB", tt.f, a/1e6, b/1e6)
		}
	}
}

// encTestLiveHeap encodes seconds of audio and returns the most heap that
// was live at its progress reports, one every 10 s of audio.
func encTestLiveHeap(t *testing.T, f Format, seconds int64) float64 {
	src := newEncTestLoop(seconds * audio.SampleRate)
	var live float64
	var next int64
	opts := Options{Progress: func(done int64) {
		if done < next && done < src.Len() {
			return
		}
		next = done + 10*audio.SampleRate
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		live = max(live, float64(ms.HeapAlloc))
	}}
	if err := Write(io.Discard, f, src, encTestMeta(src.Len()), opts); err != nil {
		t.Fatal(err)
	}
	return live
}
