package audio

import (
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// readAll reads a source to the end, bufLen values at a time.
func readAll(t testing.TB, s Source, bufLen int) []int16 {
	t.Helper()
	var out []int16
	buf := make([]int16, bufLen)
	for {
		n, err := s.Read(buf)
		out = append(out, buf[:n]...)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// speechLike is a stand-in for a clip: a wobbling mix of tones peaking
// exactly at SpeechPeakDB.
func speechLike(seconds float64) *Sound {
	x := make([]float32, int(seconds*SampleRate))
	for i := range x {
		t := float64(i) / SampleRate
		env := math.Sin(math.Pi * t / seconds)
		x[i] = float32(env * (0.6*math.Sin(2*math.Pi*180*t) + 0.4*math.Sin(2*math.Pi*1100*t+math.Sin(7*t))))
	}
	peak := audiotest.Peak(x)
	for i := range x {
		x[i] *= float32(math.Pow(10, SpeechPeakDB/20) / peak)
	}
	return &Sound{Name: "speech", Samples: x}
}

func TestRenderOnsets(t *testing.T) {
	at := map[ToneKind]int64{TonePip: 1000, ToneStart: 20000, ToneCount: 50001, ToneTick: 70000, ToneChime: 90000}
	var cues []Cue
	for kind, frame := range at {
		cues = append(cues, Cue{At: frame, Len: ToneLen(kind), Sound: Tone(kind)})
	}
	r := NewRenderer(cues, 3*SampleRate)
	ch := audiotest.FromInt16(readAll(t, r, 1000), 2)
	if !slices.Equal(ch[0], ch[1]) {
		t.Error("left and right channels differ")
	}
	got := audiotest.Onsets(ch[0], SampleRate, 2.0/32768, 50*time.Millisecond)
	want := []int64{1000, 20000, 50001, 70000, 90000}
	if len(got) != len(want) {
		t.Fatalf("onsets at %v, want %v", got, want)
	}
	for i, w := range want {
		if d := int64(got[i]) - w; d < 0 || d > SampleRate/1000 {
			t.Errorf("onset %d at frame %d, want within 1 ms after %d", i, got[i], w)
		}
	}
	// And the tone itself: the chime's pitch, measured in the mix.
	if p := audiotest.Pitch(ch[0][90000:90000+SampleRate/2], SampleRate); math.Abs(p-ChimeHz) > ChimeHz*0.02 {
		t.Errorf("chime in the mix at %.1f Hz, want %.1f", p, ChimeHz)
	}
}

// TestRenderMatchesReference mixes random overlapping cues and compares
// every sample with a plain sum over the whole session, read back with
// buffer sizes that cross blocks at odd places.
func TestRenderMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cues, length := randomCues(rng, 300, 20*SampleRate)
	want := reference(cues, length)
	for _, bufLen := range []int{2, 1000, 2 * blockFrames, 3*blockFrames + 6, 1 << 20} {
		r := NewRenderer(cues, length)
		if got := readAll(t, r, bufLen); !slices.Equal(got, want) {
			t.Errorf("buffer of %d: the mix differs from the reference at frame %d", bufLen, firstDiff(got, want)/2)
		}
	}
}

func randomCues(rng *rand.Rand, n int, length int64) ([]Cue, int64) {
	kinds := ToneKinds()
	speech := speechLike(1.3)
	var cues []Cue
	for range n {
		s := Tone(kinds[rng.IntN(len(kinds))])
		gain := float32(0)
		if rng.IntN(4) == 0 {
			s, gain = speech, 0.5+rng.Float32()/2
		}
		cues = append(cues, Cue{At: rng.Int64N(length+SampleRate) - SampleRate/2, Len: rng.Int64N(2 * s.Len()), Sound: s, Gain: gain})
	}
	return append(cues, Cue{At: 5, Sound: nil, Len: 100}), length
}

// reference mixes cues the obvious way: each in At order into one buffer.
func reference(cues []Cue, length int64) []int16 {
	sorted := slices.Clone(cues)
	slices.SortStableFunc(sorted, func(a, b Cue) int { return int(a.At - b.At) })
	mix := make([]float32, length)
	for _, c := range sorted {
		if c.Sound == nil {
			continue
		}
		g := c.Gain
		if g == 0 {
			g = 1
		}
		n := c.Sound.Len()
		if c.Len > 0 {
			n = min(n, c.Len)
		}
		for i := max(c.At, 0); i < min(c.At+n, length); i++ {
			mix[i] += g * c.Sound.Samples[i-c.At]
		}
	}
	out := make([]int16, 2*length)
	toInt16(out, mix, 1)
	return out
}

func firstDiff(a, b []int16) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func TestRenderSeek(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cues, length := randomCues(rng, 200, 12*SampleRate)
	r := NewRenderer(cues, length)
	all := readAll(t, r, 999*2)
	for _, frame := range []int64{0, 1, blockFrames - 1, blockFrames, 12345, cues[7].At + 3, length / 2, length - 1, length} {
		frame = min(max(frame, 0), length)
		if err := r.SeekFrame(frame); err != nil {
			t.Fatal(err)
		}
		if r.Pos() != frame {
			t.Errorf("Pos after Seek(%d) = %d", frame, r.Pos())
		}
		if got := readAll(t, r, 777*2); !slices.Equal(got, all[2*frame:]) {
			t.Errorf("after Seek(%d): differs at frame %d", frame, frame+int64(firstDiff(got, all[2*frame:])/2))
		}
	}
	for _, bad := range []int64{-1, length + 1} {
		if err := r.SeekFrame(bad); err == nil {
			t.Errorf("Seek(%d) of %d frames: no error", bad, length)
		}
	}
}

// TestRenderNoClip puts every tone under speech at its peak: the mix must
// stay within 16 bits. Two full-scale sounds together must be clamped.
func TestRenderNoClip(t *testing.T) {
	speech := speechLike(2)
	peak := float32(audiotest.Peak(speech.Samples))
	peakAt := int64(slices.IndexFunc(speech.Samples, func(v float32) bool { return float32(math.Abs(float64(v))) == peak }))
	var cues []Cue
	for i, kind := range ToneKinds() {
		at := int64(i) * 3 * SampleRate
		cues = append(cues, Cue{At: at, Sound: speech}, Cue{At: at + peakAt - ToneLen(kind)/3, Sound: Tone(kind)})
	}
	r := NewRenderer(cues, int64(len(ToneKinds()))*3*SampleRate)
	out := readAll(t, r, 4096)
	if r.Clipped() != 0 {
		t.Errorf("%d frames clipped", r.Clipped())
	}
	if peak := audiotest.Peak(audiotest.FromInt16(out, 2)[0]); peak >= 1 {
		t.Errorf("peak %.4f", peak)
	}

	loud := &Sound{Samples: []float32{0.9, -0.9, 0.3, 0.9}}
	r = NewRenderer([]Cue{{Sound: loud}, {Sound: loud}}, 4)
	got := readAll(t, r, 8)
	if want := []int16{32767, 32767, -32768, -32768, 19660, 19660, 32767, 32767}; !slices.Equal(got, want) {
		t.Errorf("clamped mix = %v, want %v", got, want)
	}
	if r.Clipped() != 3 {
		t.Errorf("Clipped() = %d, want 3", r.Clipped())
	}
}

func TestRenderSilence(t *testing.T) {
	tick := Tone(ToneTick)
	r := NewRenderer([]Cue{{At: 3 * blockFrames, Sound: tick}, {At: 10 * blockFrames, Sound: tick}}, 12*blockFrames)
	buf := make([]int16, 2*blockFrames)
	for i := range buf {
		buf[i] = 12345 // a silent block must overwrite whatever was there
	}
	all := make([]int16, 0, 24*blockFrames)
	for {
		n, err := r.Read(buf)
		if err == io.EOF {
			break
		}
		all = append(all, buf[:n]...)
	}
	ends := []int64{3 * blockFrames, 3*blockFrames + tick.Len(), 10 * blockFrames, 10*blockFrames + tick.Len(), 12 * blockFrames}
	for i, from := range append([]int64{0}, ends[1], ends[3]) {
		to := []int64{ends[0], ends[2], ends[4]}[i]
		if j := slices.IndexFunc(all[2*from:2*to], func(v int16) bool { return v != 0 }); j >= 0 {
			t.Errorf("frame %d between cues is %d, want 0", from+int64(j)/2, all[2*from+int64(j)])
		}
	}
}

func TestRenderLength(t *testing.T) {
	chime := Tone(ToneChime)
	for _, length := range []int64{0, 1, blockFrames, blockFrames + 1, chime.Len() / 2} {
		for _, bufLen := range []int{2, 3, 2 * blockFrames, 10000} {
			r := NewRenderer([]Cue{{At: 0, Sound: chime}}, length)
			got := readAll(t, r, bufLen)
			if int64(len(got)) != 2*length || r.Pos() != length || r.Len() != length {
				t.Errorf("length %d, buffer %d: read %d frames, Pos %d, Len %d", length, bufLen, len(got)/2, r.Pos(), r.Len())
			}
			if n, err := r.Read(make([]int16, 8)); n != 0 || err != io.EOF {
				t.Errorf("length %d: Read after the end = %d, %v; want 0, EOF", length, n, err)
			}
		}
	}
	r := NewRenderer(nil, 10)
	if n, err := r.Read(make([]int16, 1)); n != 0 || err != io.ErrShortBuffer {
		t.Errorf("Read into 1 value = %d, %v; want 0, io.ErrShortBuffer", n, err)
	}
}

func TestRenderCueLenAndGain(t *testing.T) {
	pip := Tone(TonePip)
	tests := []struct {
		name string
		cue  Cue
		n    int64   // frames of the sound played, from its start
		gain float32 // the gain expected
	}{
		{"whole", Cue{At: 100, Sound: pip}, pip.Len(), 1},
		{"cut", Cue{At: 100, Len: 1000, Sound: pip}, 1000, 1},
		{"padded", Cue{At: 100, Len: 3 * pip.Len(), Sound: pip}, pip.Len(), 1},
		{"half gain", Cue{At: 100, Sound: pip, Gain: 0.5}, pip.Len(), 0.5},
		{"before the start", Cue{At: -2000, Sound: pip}, pip.Len(), 1},
		{"past the end", Cue{At: 3*pip.Len() - 500, Sound: pip}, 500, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := audiotest.FromInt16(readAll(t, NewRenderer([]Cue{tt.cue}, 3*pip.Len()), 512), 2)[0]
			for i := range out {
				var want float64
				if j := int64(i) - tt.cue.At; j >= 0 && j < tt.n {
					want = math.RoundToEven(float64(pip.Samples[j]*tt.gain*32767)) / 32768
				}
				if out[i] != want {
					t.Fatalf("frame %d = %v, want %v", i, out[i], want)
				}
			}
		})
	}
}

func TestRenderVolume(t *testing.T) {
	speech := speechLike(1)
	full := readAll(t, NewRenderer([]Cue{{Sound: speech}}, speech.Len()), 1<<20)
	r := NewRenderer([]Cue{{Sound: speech}}, speech.Len())
	r.SetVolume(0.5)
	half := audiotest.FromInt16(readAll(t, r, 1<<20), 2)[0]
	if got, want := audiotest.Peak(half), audiotest.Peak(audiotest.FromInt16(full, 2)[0])/2; math.Abs(got-want) > 1e-4 {
		t.Errorf("peak at volume 0.5 = %.4f, want %.4f", got, want)
	}
	r.SetVolume(float32(math.NaN()))
	r.SeekFrame(0)
	if p := audiotest.Peak(audiotest.FromInt16(readAll(t, r, 4096), 2)[0]); p != 0 {
		t.Errorf("peak at volume NaN = %v, want 0", p)
	}
	// Set the volume while another goroutine reads: the race detector
	// checks this, and every block must come out at one of the volumes.
	r.SeekFrame(0)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 200 {
			r.SetVolume(float32(i%2) + 1) // 1 or 2
		}
	})
	readAll(t, r, 2*blockFrames)
	wg.Wait()
}

// ReadMono gives the mix Read rounds to 16 bits, before rounding, read in
// any pieces, mixed with Read.
func TestRenderReadMono(t *testing.T) {
	var cues []Cue
	for i, kind := range ToneKinds() {
		cues = append(cues, Cue{At: int64(i) * 20000, Sound: Tone(kind), Gain: 0.7})
	}
	length := int64(len(cues)) * 20000
	want := readAll(t, NewRenderer(cues, length), 3000)
	r := NewRenderer(cues, length)
	r.SetVolume(0.5)
	x := make([]float32, 0, length)
	buf := make([]float32, 7001)
	p := make([]int16, 2*500)
	for {
		n, err := r.ReadMono(buf)
		x = append(x, buf[:n]...)
		if err != nil {
			break
		}
		k, _ := r.Read(p) // 500 frames by Read, between
		for i := 0; i < k; i += 2 {
			x = append(x, float32(p[i])/32767)
		}
	}
	if int64(len(x)) != length {
		t.Fatalf("%d frames, want %d", len(x), length)
	}
	for i, v := range x {
		if d := math.Abs(float64(v*32767 - 0.5*float32(want[2*i]))); d > 1 { // both at volume 0.5
			t.Fatalf("frame %d: %v, Read gives %d at volume 1", i, v, want[2*i])
		}
	}
}
