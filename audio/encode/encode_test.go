package encode

import (
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// encTestSource is a deterministic stereo signal of any length, made on the
// fly so that long benchmarks use no memory: a cycle of 10 s holding a
// 440 Hz tone on the left with 660 Hz on the right, silence, a tick train,
// a speech-like noise burst (the same on both sides) and a 1 kHz tone on
// the left alone.
type encTestSource struct {
	n, pos int64
	seed   uint32
	lp     [2]float64 // low-pass filter state for the breath noise
}

func newEncTestSource(frames int64) *encTestSource {
	return &encTestSource{n: frames, seed: 1}
}

func (s *encTestSource) Len() int64 { return s.n }

func (s *encTestSource) Read(p []int16) (int, error) {
	if s.pos >= s.n {
		return 0, io.EOF
	}
	k := 0
	for ; k+1 < len(p) && s.pos < s.n; k += 2 {
		p[k], p[k+1] = s.frame(s.pos)
		s.pos++
	}
	return k, nil
}

// frame returns the frame at i; it must be called in order (the noise
// generator runs on).
func (s *encTestSource) frame(i int64) (l, r int16) {
	t := float64(i) / audio.SampleRate
	switch c := i % (10 * audio.SampleRate); {
	case c < 2*audio.SampleRate:
		return int16(9000 * math.Sin(2*math.Pi*440*t)), int16(6000 * math.Sin(2*math.Pi*660*t))
	case c < 3*audio.SampleRate:
		return 0, 0
	case c < 5*audio.SampleRate:
		if c%(audio.SampleRate/2) < 2205 { // 50 ms ticks twice a second
			v := int16(8000 * math.Sin(2*math.Pi*1000*t))
			return v, v
		}
		return 0, 0
	case c < 8*audio.SampleRate:
		return s.speech(t)
	default:
		return int16(5000 * math.Sin(2*math.Pi*1000*t)), 0
	}
}

// speech is voice-like: a 150 Hz buzz with falling harmonics and some
// low-passed breath noise, in four syllables a second, the same on both
// sides (as a voice mixed to the middle).
func (s *encTestSource) speech(t float64) (l, r int16) {
	var v float64
	for h := 1.0; h <= 12; h++ {
		v += math.Sin(2*math.Pi*150*h*t) / h
	}
	s.seed = s.seed*1664525 + 1013904223
	s.lp[0] += 0.2 * (float64(int32(s.seed)>>16)/32768 - s.lp[0])
	s.lp[1] += 0.2 * (s.lp[0] - s.lp[1])
	env := 0.5 + 0.5*math.Sin(2*math.Pi*4*t)
	x := int16(env * (3000*v + 4000*s.lp[1]))
	return x, x
}

// encTestPCM returns the whole signal of frames, interleaved.
func encTestPCM(frames int64) []int16 {
	p := make([]int16, frames*audio.Channels)
	src := newEncTestSource(frames)
	n, _ := src.Read(p)
	return p[:n]
}

// encTestMeta has chapters with a gap, odd-length titles and non-ASCII text.
func encTestMeta(frames int64) audio.Meta {
	return audio.Meta{
		Title:   "Lower back relief",
		About:   "Seven gentle mobilization stretches — test",
		Encoder: "floorcoach test",
		Chapters: []audio.Chapter{
			{Title: "Knee-to-chest", Start: 0, End: frames / 3},
			{Title: "Cat-cow", Start: frames / 3, End: frames / 2},
			{Title: "Child’s pose", Start: frames/2 + 4410, End: frames - 100},
		},
	}
}

// encTestEncode encodes frames of the test signal to a file in a temporary
// folder and returns its path.
func encTestEncode(t testing.TB, f Format, frames int64, meta audio.Meta, opts Options) string {
	t.Helper()
	return encTestWrite(t, f, newEncTestSource(frames), meta, opts)
}

// encTestWrite encodes src to a new file, named for its format, in a
// temporary folder and returns its path.
func encTestWrite(t testing.TB, f Format, src audio.Source, meta audio.Meta, opts Options) string {
	t.Helper()
	file, err := os.CreateTemp(t.TempDir(), "*."+string(f))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if err := Write(file, f, src, meta, opts); err != nil {
		t.Fatalf("Encode %s: %v", f, err)
	}
	if err := file.Close(); err != nil {
		t.Fatal(err)
	}
	return file.Name()
}

// encTestEncodeBytes encodes frames of the test signal to a plain writer,
// as to a pipe.
func encTestEncodeBytes(t testing.TB, f Format, frames int64, meta audio.Meta) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, f, newEncTestSource(frames), meta, Options{}); err != nil {
		t.Fatalf("Encode %s: %v", f, err)
	}
	return b.Bytes()
}

// encTestSox checks that sox reads the file without a warning. (sox stat
// prints its figures on stderr.)
func encTestSox(t *testing.T, path string) {
	t.Helper()
	audiotest.Run(t, "sox", "--i", path)
	_, stderr := audiotest.RunBoth(t, "sox", path, "-n", "stat")
	if bytes.Contains(stderr, []byte("WARN")) || bytes.Contains(stderr, []byte("FAIL")) {
		t.Errorf("sox stat:\n%s", stderr)
	}
	if !bytes.Contains(stderr, []byte("Samples read:")) {
		t.Errorf("sox stat did not read the samples:\n%s", stderr)
	}
}

// encTestSoxReads reports whether sox is installed and reads format f.
func encTestSoxReads(f Format) bool {
	out, err := exec.Command("sox", "-h").Output()
	return err == nil && strings.Contains(string(out), " "+string(f)+" ")
}

// encTestCheckTags checks ffprobe's title, comment and encoder tags, by
// any case of the key.
func encTestCheckTags(t *testing.T, p audiotest.Probe, meta audio.Meta) {
	t.Helper()
	tags := map[string]string{}
	for k, v := range p.Format.Tags {
		tags[strings.ToLower(k)] = v
	}
	for key, want := range map[string]string{"title": meta.Title, "comment": meta.About, "encoder": meta.Encoder} {
		if got := tags[key]; got != want {
			t.Errorf("tag %s = %q, want %q (all tags: %v)", key, got, want, p.Format.Tags)
		}
	}
}

// encTestCheckChapters checks ffprobe's chapters against want, to the
// millisecond (the unit of ID3 and Vorbis chapter times).
func encTestCheckChapters(t *testing.T, p audiotest.Probe, want []audio.Chapter) {
	t.Helper()
	if len(p.Chapters) != len(want) {
		t.Fatalf("ffprobe shows %d chapters, want %d: %+v", len(p.Chapters), len(want), p.Chapters)
	}
	for i, c := range p.Chapters {
		w := want[i]
		start, end := audiotest.Seconds(t, c.StartTime), audiotest.Seconds(t, c.EndTime)
		if c.Tags["title"] != w.Title {
			t.Errorf("chapter %d: title %q, want %q", i, c.Tags["title"], w.Title)
		}
		const ms = 0.0005 + 1e-6
		if ws, we := float64(w.Start)/audio.SampleRate, float64(w.End)/audio.SampleRate; math.Abs(start-ws) > ms || math.Abs(end-we) > ms {
			t.Errorf("chapter %d %q: %.6f to %.6f s, want %.6f to %.6f", i, w.Title, start, end, ws, we)
		}
	}
}

// encTestCheckStream checks the one stream ffprobe found: its codec, 44100
// Hz, stereo.
func encTestCheckStream(t *testing.T, p audiotest.Probe, codec string) {
	t.Helper()
	s := p.Streams[0]
	if s.CodecName != codec || s.SampleRate != "44100" || s.Channels != 2 {
		t.Errorf("ffprobe: %s, %s Hz, %d channels; want %s, 44100 Hz, 2", s.CodecName, s.SampleRate, s.Channels, codec)
	}
}

// encTestChainedEnds returns the chapters as a reader sees them in a
// format that stores only where each starts: each ends where the next
// begins, the last at frame n.
func encTestChainedEnds(chapters []audio.Chapter, n int64) []audio.Chapter {
	want := slices.Clone(chapters)
	for i := range want {
		want[i].End = n
		if i+1 < len(want) {
			want[i].End = want[i+1].Start
		}
	}
	return want
}

// encTestCheckLossless checks a file of a lossless format that stores only
// where each chapter starts, as ffprobe, sox and ffmpeg read it: one
// stream of the codec, 44100 Hz stereo, exactly n frames, meta's tags and
// chapters (each ending where the next begins), and the very samples of
// the source.
func encTestCheckLossless(t *testing.T, path, codec string, n int64, meta audio.Meta) {
	t.Helper()
	p := audiotest.FFprobe(t, path)
	encTestCheckStream(t, p, codec)
	if s := p.Streams[0]; s.Samples != n {
		t.Errorf("ffprobe: %d frames, want %d", s.Samples, n)
	}
	encTestCheckTags(t, p, meta)
	encTestCheckChapters(t, p, encTestChainedEnds(meta.Chapters, n))
	encTestSox(t, path)
	encTestDecodesTo(t, path, encTestPCM(n))
}

// encTestDecodesTo checks that ffmpeg decodes the file at path to the very
// samples p.
func encTestDecodesTo(t *testing.T, path string, p []int16) {
	t.Helper()
	if got := audiotest.FFmpegDecode(t, path); !slices.Equal(got, p) {
		t.Errorf("ffmpeg decodes other samples than the source's")
	}
}
