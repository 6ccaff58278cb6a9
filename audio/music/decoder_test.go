package music

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// Every format and rate decodes, at 44.1 kHz, to its length and to its
// tones: 440 Hz on the left, 660 Hz on the right (or 440 Hz on both for
// mono), at their level.
func TestTracksDecodeToTheirTones(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		path   string
		secs   float64
		mono   bool
		slack  int64 // frames the decoded length may differ by
		amp    float64
		format string
	}{
		{"testdata/tone-48k.mp3", 4, false, 1, 0.48, "mp3"}, // as LAME encoded it, its delays and padding trimmed
		{"testdata/tone-32k.flac", 1.5, false, 0, 0.5, "flac"},
		{writeWAV(t, dir, "s16.wav", wavSpec{rate: 44100, channels: 2, bits: 16}, 2, 440, 660, 0.5), 2, false, 0, 0.5, "wav"},
		{writeWAV(t, dir, "s24-22k.wav", wavSpec{rate: 22050, channels: 2, bits: 24}, 2, 440, 660, 0.5), 2, false, 0, 0.5, "wav"},
		{writeWAV(t, dir, "s8-mono.wav", wavSpec{rate: 16000, channels: 1, bits: 8}, 2, 440, 0, 0.5), 2, true, 0, 0.5, "wav"},
		{writeWAV(t, dir, "s32.wav", wavSpec{rate: 96000, channels: 2, bits: 32}, 2, 440, 660, 0.5), 2, false, 0, 0.5, "wav"},
		{writeWAV(t, dir, "f32-ext.wav", wavSpec{rate: 48000, channels: 2, bits: 32, float: true, extensible: true}, 2, 440, 660, 0.5), 2, false, 0, 0.5, "wav"},
		{writeWAV(t, dir, "f64-stream.wav", wavSpec{rate: 8000, channels: 2, bits: 64, float: true, streamed: true}, 2, 440, 660, 0.5), 2, false, 0, 0.5, "wav"},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			tr, err := OpenTrack(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Format != tc.format {
				t.Errorf("format %q, want %q", tr.Format, tc.format)
			}
			want := int64(tc.secs * audio.SampleRate)
			if d := tr.Len - want; d < 0 || d > tc.slack {
				t.Errorf("Len %d frames, want %d (+%d)", tr.Len, want, tc.slack)
			}
			s, err := tr.open()
			if err != nil {
				t.Fatal(err)
			}
			defer s.d.Close()
			l, r := readAll(t, s)
			if int64(len(l)) != tr.Len {
				t.Errorf("read %d frames, Len says %d", len(l), tr.Len)
			}
			mid := func(x []float32) []float32 { return x[len(x)/2 : len(x)/2+audio.SampleRate/2] }
			hzR := 660.0
			if tc.mono {
				hzR = 440
			}
			for _, ch := range []struct {
				x  []float32
				hz float64
			}{{l, 440}, {r, hzR}} {
				if got := audiotest.Pitch(mid(ch.x), audio.SampleRate); !audiotest.Near(got, ch.hz, 1) {
					t.Errorf("pitch %.1f Hz, want %.0f", got, ch.hz)
				}
				if got := audiotest.Goertzel(mid(ch.x), audio.SampleRate, ch.hz); !audiotest.Near(audiotest.DBFS(got/tc.amp), 0, 0.3) {
					t.Errorf("%.0f Hz at %.2f, want %.2f ±0.3 dB", ch.hz, got, tc.amp)
				}
			}
		})
	}
}

// An MP3 gives the sound that was encoded, as ffmpeg does from the LAME
// tag: no silence of the encoder's or decoder's delay at its start, nor
// its padding at its end, so that looped it goes on across the seam. A
// frame early or late would differ by 0.04 or more at 660 Hz.
func TestMP3IsGapless(t *testing.T) {
	testenv.NeedTool(t, "ffmpeg")
	const path = "testdata/tone-48k.mp3"
	want := audiotest.FFmpegDecode(t, path)
	tr, err := OpenTrack(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := tr.open()
	if err != nil {
		t.Fatal(err)
	}
	defer s.d.Close()
	if n := s.d.Len(); n != int64(len(want)/2) {
		t.Fatalf("%d frames, ffmpeg decodes %d", n, len(want)/2)
	}
	l, r := make([]float32, len(want)/2), make([]float32, len(want)/2)
	if n, err := s.d.Read(l, r); n != len(l) {
		t.Fatalf("read %d frames of %d: %v", n, len(l), err)
	}
	worst := 0.0
	for i := range l {
		worst = max(worst, math.Abs(float64(l[i])-float64(want[2*i])/32768), math.Abs(float64(r[i])-float64(want[2*i+1])/32768))
	}
	if worst > 0.005 {
		t.Errorf("differs from ffmpeg's decoding by up to %.4f, want 0.005 at most", worst)
	}
}

// After a seek, a track reads exactly as it does from the start: the same
// samples, bit for bit, whatever the format and rate, including MP3 whose
// frames lean on the frames before them.
func TestSeekIsExact(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{
		"testdata/tone-48k.mp3",
		"testdata/tone-32k.flac",
		writeWAV(t, dir, "s16.wav", wavSpec{rate: 44100, channels: 2, bits: 16}, 2, 440, 660, 0.5),
		writeWAV(t, dir, "s24.wav", wavSpec{rate: 22050, channels: 1, bits: 24}, 2, 440, 660, 0.5),
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			tr, err := OpenTrack(path)
			if err != nil {
				t.Fatal(err)
			}
			s, _ := tr.open()
			defer s.d.Close()
			wl, wr := readAll(t, s)
			for _, at := range []int64{0, 1, 1151, 30000, 44100, tr.Len/2 + 7, tr.Len - 100} {
				if err := s.SeekFrame(at); err != nil {
					t.Fatalf("seek to %d: %v", at, err)
				}
				l, r := make([]float32, 5000), make([]float32, 5000)
				n, _ := s.Read(l, r)
				if want := min(5000, tr.Len-at); int64(n) != want {
					t.Errorf("seek to %d: read %d frames, want %d", at, n, want)
				}
				for i := range n {
					if l[i] != wl[at+int64(i)] || r[i] != wr[at+int64(i)] {
						t.Fatalf("seek to %d: frame %d differs: %v,%v want %v,%v", at, at+int64(i), l[i], r[i], wl[at+int64(i)], wr[at+int64(i)])
					}
				}
			}
		})
	}
}

// A file that cannot be played is an error that names it and says why.
func TestBadTracks(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		path, want string
	}{
		{"testdata/not-music.mp3", "not-music.mp3: not an MP3 file that can be read"},
		{writeWAV(t, dir, "short.wav", wavSpec{rate: 44100, channels: 2, bits: 16}, 0.5, 440, 660, 0.5), "short.wav: 0.50 s long; a track must last at least 1s"},
		{writeWAV(t, dir, "surround.wav", wavSpec{rate: 44100, channels: 6, bits: 16}, 2, 440, 660, 0.5), "surround.wav: 6 channels; want mono or stereo"},
		{writeWAV(t, dir, "fast.wav", wavSpec{rate: 384000, channels: 2, bits: 16}, 1.1, 440, 660, 0.5), "fast.wav: sample rate 384000 Hz; want 8000 to 192000 Hz"},
		{filepath.Join(dir, "none.flac"), "none.flac: no such file or directory"},
		{"testdata/README.md", "README.md: not a music file; use .mp3, .flac, .wav"},
		{write(t, dir, "huge-tag.mp3", "ID3\x04\x00\x00\x7f\x7f\x7f\x7f"+strings.Repeat("x", 1000)), "huge-tag.mp3: not an MP3 file that can be read: ID3 tag of 268435465 bytes in a file of 1010"},
		{write(t, dir, "noise.mp3", strings.Repeat("\xff\xfb\x90\x00garbage", 500)), "noise.mp3: not an MP3 file that can be read: frame 1 (byte 0)"},
		{write(t, dir, "pictures.flac", "fLaC\x06\x00\x00\x10"+strings.Repeat("p", 16)+"\x86\xff\xff\xff"), "pictures.flac: not a FLAC file that can be read: more than 16 MB of metadata"},
	} {
		_, err := OpenTrack(tc.path)
		if err == nil || !strings.HasPrefix(err.Error(), "music: ") || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line with %q", filepath.Base(tc.path), err, tc.want)
		}
	}
}

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	testenv.WriteFile(t, path, body)
	return path
}
