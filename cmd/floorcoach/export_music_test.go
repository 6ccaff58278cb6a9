package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/duck"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/player"
)

// musicScript has spoken cues close together (which share one duck) and
// holds with long gaps between cues, for 70-odd seconds.
const musicScript = `title: Music under the voice
steps:
  - name: Knee hug
    say: Lie on your back and hug both knees.
    hold: 12s
  - name: Pelvic tilt
    say: Flatten your lower back against the floor.
    hold: 12s
`

// musicHz is the pitch of the test's music: below the voice's lowest
// harmonics and every tone, so that its band holds the music alone.
const musicHz = 70.0

// musicTrack writes a 7-second stereo WAV of a musicHz tone at 48 kHz (so
// it is resampled), -20 dBFS, faded in and out over 20 ms.
func musicTrack(t *testing.T, dir string) string {
	t.Helper()
	const rate, secs = 48000, 7
	n := rate * secs
	p := make([]int16, 0, 2*n)
	for i := range n {
		fade := min(1, float64(i)/960, float64(n-1-i)/960)
		v := int16(3277 * fade * math.Sin(2*math.Pi*musicHz*float64(i)/rate))
		p = append(p, v, v)
	}
	path := filepath.Join(dir, "tone.wav")
	if err := audiotest.WriteWAV(path, rate, 2, p); err != nil {
		t.Fatal(err)
	}
	return path
}

// exportMusic exports a script with music as WAV and returns the samples
// of its left channel.
func exportMusic(t *testing.T, script, music string, args ...string) []float64 {
	t.Helper()
	out := testenv.TempPath(t, "m.wav")
	all := append([]string{"export", script, "-o", out, "-q", "--music", music}, args...)
	if code, _, stderr := runApp(t, all...); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	checkLoudness(t, out, defaultLoudness)
	_, _, s, err := audiotest.ReadWAV(out)
	if err != nil {
		t.Fatal(err)
	}
	return s[0]
}

// checkLoudness has ffmpeg judge a file: within 1 LU of target, true peak
// at most -1 dBTP.
func checkLoudness(t *testing.T, path string, target float64) {
	t.Helper()
	testenv.NeedTool(t, "ffmpeg")
	l, err := audiotest.EBUR128(path)
	if err != nil {
		t.Fatal(err)
	}
	if !audiotest.Near(l.Integrated, target, 1) || l.TruePeak > -1 {
		t.Errorf("%s: %.1f LUFS, %.1f dBTP; want %.0f ±1 LUFS, at most -1 dBTP", filepath.Base(path), l.Integrated, l.TruePeak, target)
	}
}

// The music of a known tone, measured in its own band: at least 8 dB lower
// in the middle of every spoken cue than in the long gaps between cues;
// there in every gap, short or long; looped past its own 7 s; faded out at
// the end. Nothing clips, and the file is the timeline's length exactly.
func TestExportMusicIsDuckedUnderEveryCue(t *testing.T) {
	dir := t.TempDir()
	script := tempFile(t, "s.yaml", musicScript)
	tl := timelineOf(t, script)
	x := exportMusic(t, script, musicTrack(t, dir))
	if int64(len(x)) != tl.Length {
		t.Fatalf("%d frames, the timeline has %d", len(x), tl.Length)
	}
	if p := audiotest.Peak(x); p >= 32767.0/32768 {
		t.Errorf("peak %.4f: clipped", p)
	}
	band := func(f int64) float64 { // dBFS of the music around frame f, over 0.2 s
		return audiotest.DBFS(audiotest.Band(x, audio.SampleRate, musicHz, int(f)-4410, int(f)+4410))
	}
	full := fullLevel(t, tl, band)
	cues := 0
	for _, e := range tl.Events {
		if e.Spoken() && e.Dur >= audio.Frames(0.4e9) {
			cues++
			t.Logf("%-45q at %s: music %5.1f dB under", e.Text, player.Clock(e.At), full-band(e.At+e.Dur/2))
			if d := full - band(e.At+e.Dur/2); d < 8 {
				t.Errorf("%q at %s: music only %.1f dB under its level between cues", e.Text, player.Clock(e.At), d)
			}
		}
	}
	if cues < 8 {
		t.Errorf("only %d spoken cues measured", cues)
	}
	for _, g := range gaps(tl) {
		if g.End-g.Start >= audio.Frames(0.4e9) && g.Start > audio.Frames(duck.Default.FadeIn) && g.End < tl.Length-audio.Frames(duck.Default.FadeOut) {
			t.Logf("gap at %s (%.1f s): music %5.1f dB under", player.Clock(g.Start), float64(g.End-g.Start)/audio.SampleRate, full-band((g.Start+g.End)/2))
			if d := full - band((g.Start+g.End)/2); d > duck.Default.Depth+1 {
				t.Errorf("gap at %s: music %.1f dB under its level: not there", player.Clock(g.Start), d)
			}
		}
	}
	if d := full - band(tl.Length-2205); d < 20 {
		t.Errorf("the last 50 ms: music only %.1f dB down: not faded out", d)
	}
	if last := math.Abs(x[len(x)-1]); last > 1e-3 {
		t.Errorf("last sample %.4f: the fade out does not reach silence", last)
	}
}

// gaps returns the stretches between spoken cues, in order.
func gaps(tl *player.Timeline) []duck.Span {
	var out []duck.Span
	at := int64(0)
	for _, s := range tl.Speech() {
		if s.Start > at {
			out = append(out, duck.Span{Start: at, End: s.Start})
		}
		at = max(at, s.End)
	}
	return out
}

// fullLevel returns the music's level in the middle of the gaps long
// enough for it to come all the way back up, after the fade in and past
// the music's own 7 s (so, looped); it fails the test if there is none, or
// they disagree.
func fullLevel(t *testing.T, tl *player.Timeline, band func(int64) float64) float64 {
	t.Helper()
	d := duck.Default
	need := audio.Frames(d.Attack+d.Release+d.Hold) + audio.Frames(0.4e9)
	var levels []float64
	for _, g := range gaps(tl) {
		if g.End-g.Start >= need && g.Start > 2*audio.Frames(7e9) && g.End < tl.Length-audio.Frames(d.FadeOut) {
			levels = append(levels, band((g.Start+g.End)/2))
		}
	}
	if len(levels) == 0 {
		t.Fatal("no gap long enough to hear the music at its level, after its second loop")
	}
	lo, hi := levels[0], levels[0]
	for _, l := range levels {
		lo, hi = min(lo, l), max(hi, l)
	}
	if hi-lo > 1 || lo < -60 {
		t.Fatalf("the music between cues is at %.1f to %.1f dBFS: want one level", lo, hi)
	}
	return hi
}

// With music, the chapters and the captions are those of the session
// without it, and every format's loudness is its target.
func TestExportMusicKeepsChaptersAndCaptions(t *testing.T) {
	dir := t.TempDir()
	script := tempFile(t, "s.yaml", musicScript)
	music := musicTrack(t, dir)
	plain := filepath.Join(dir, "plain.mp3")
	if code, _, stderr := runApp(t, "export", script, "-o", plain, "-q", "--captions"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, ext := range []string{"mp3", "flac", "wav"} {
		out := filepath.Join(dir, ext, "music."+ext)
		os.Mkdir(filepath.Dir(out), 0o755)
		if code, _, stderr := runApp(t, "export", script, "-o", out, "-q", "--captions", "--music", music, "--loudness", "-14"); code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, stderr)
		}
		checkLoudness(t, out, -14)
		a, _ := os.ReadFile(captionsPath(plain))
		b, _ := os.ReadFile(captionsPath(out))
		if string(a) != string(b) || len(a) == 0 {
			t.Errorf("%s: captions differ with music", ext)
		}
		checkChapters(t, out, timelineOf(t, script))
	}
}

// checkChapters has ffprobe read a file's chapters: the timeline's.
func checkChapters(t *testing.T, out string, tl *player.Timeline) {
	t.Helper()
	testenv.NeedTool(t, "ffprobe")
	p, want := audiotest.FFprobe(t, out), tl.Chapters()
	if len(p.Chapters) != len(want) {
		t.Fatalf("%s: %d chapters, want %d", filepath.Base(out), len(p.Chapters), len(want))
	}
	for i, c := range p.Chapters {
		if w := want[i]; c.Tags["title"] != w.Title || !audiotest.Near(audiotest.Seconds(t, c.StartTime), float64(w.Start)/audio.SampleRate, 0.001) {
			t.Errorf("%s: chapter %d = %q at %s, want %q at %.3f", filepath.Base(out), i+1, c.Tags["title"], c.StartTime, w.Title, float64(w.Start)/audio.SampleRate)
		}
	}
}

// A music file that cannot be played is a one-line error naming it, and
// nothing is written.
func TestExportBadMusic(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "calm.mp3")
	os.WriteFile(bad, []byte("<html>not music</html>"), 0o644)
	folder := filepath.Join(dir, "playlist")
	os.Mkdir(folder, 0o755)
	musicTrackIn(t, folder, "01 fine.wav")
	os.WriteFile(filepath.Join(folder, "02 broken.flac"), []byte("fLaC but not really"), 0o644)
	outDir := t.TempDir()
	for _, tc := range []struct{ music, want string }{
		{bad, "calm.mp3: not an MP3 file that can be read"},
		{folder, "02 broken.flac: not a FLAC file that can be read"},
		{filepath.Join(dir, "none.wav"), "none.wav: no such file or directory"},
		{t.TempDir(), "no .mp3, .flac, .wav files in this folder"},
	} {
		code, _, stderr := runApp(t, "export", "demo", "-o", filepath.Join(outDir, "d.mp3"), "--music", tc.music)
		if code != exitFail || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("--music %s: exit %d, stderr %q; want one line with %q", filepath.Base(tc.music), code, stderr, tc.want)
		}
	}
	assertEmpty(t, outDir)
}

func musicTrackIn(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Rename(musicTrack(t, dir), filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

func TestExportMixUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--loudness", "-8"}, "--loudness -8: must be from -40 to -12 LUFS"},
		{[]string{"--tones", "-1"}, "--tones -1: must be from 0 to 4"},
		{[]string{"--music", "x.mp3", "--music-level", "3"}, "--music-level 3: must be from -40 to 0"},
	} {
		args := append([]string{"export", "demo", "-o", testenv.TempPath(t, "d.wav")}, tc.args...)
		code, _, stderr := runApp(t, args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// --tones sets the tones against the voice: at 2 a lone pip is 6 dB louder
// next to the speech than at 1; at 0 there are none.
func TestExportTonesLevel(t *testing.T) {
	tl := timelineOf(t, "demo")
	level := func(tones string) (pip, speech float64) {
		out := testenv.TempPath(t, "d.wav")
		if code, _, stderr := runApp(t, "export", "demo", "-o", out, "-q", "--tones", tones); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		_, _, s, err := audiotest.ReadWAV(out)
		if err != nil {
			t.Fatal(err)
		}
		var pips, lines []float64
		for i, e := range tl.Events {
			if !alone(tl.Events, i) {
				continue
			}
			x := s[0][e.At:e.End()]
			switch {
			case e.Kind == player.Pip:
				pips = append(pips, x...)
			case e.Spoken():
				lines = append(lines, x...)
			}
		}
		return audiotest.RMS(pips), audiotest.RMS(lines)
	}
	p1, s1 := level("1")
	p2, s2 := level("2")
	p0, _ := level("0")
	if d := audiotest.DBFS(p2/s2) - audiotest.DBFS(p1/s1); !audiotest.Near(d, 6.02, 0.3) {
		t.Errorf("--tones 2: pips %.2f dB louder against the voice than --tones 1, want 6", d)
	}
	if p0 != 0 {
		t.Errorf("--tones 0: the pips are still there (RMS %v)", p0)
	}
}
