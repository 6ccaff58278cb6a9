package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/clipscmd"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
)

// The end-to-end test: flite makes the clips knee-rehab.yaml
// lacks, after which no clip is missing, and the exported session has each
// of the script's own lines exactly where the timeline puts it, in flite's
// voice (not the attention tone that stands in for a missing clip), and
// silence wherever the timeline has no cue.
func TestClipsMakeWithFlite(t *testing.T) {
	testenv.NeedTool(t, "flite")
	knee := filepath.Join("..", "..", "testdata", "examples", "knee-rehab.yaml")
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := testenv.TempPath(t, "T")
	code, _, stderr := runApp(t, "clips", "make", knee, "--tts", "flite -voice slt -t {text} -o {out}", "--into", dir)
	if code != 0 {
		t.Fatalf("clips make: exit %d: %s", code, stderr)
	}
	code, out, stderr := runApp(t, "clips", "missing", knee, "--voice", dir)
	if code != 0 || !strings.HasPrefix(out, "all ") || !strings.HasSuffix(out, " lines have clips in voice \"T\"\n") {
		t.Fatalf("clips missing after make: exit %d: %s%s", code, out, stderr)
	}
	wav := testenv.TempPath(t, "knee.wav")
	if code, _, stderr := runApp(t, "export", knee, "--voice", dir, "--strict", "-o", wav, "-q"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	x := readLeft(t, wav)
	s, err := scripts.Load(knee)
	if err != nil {
		t.Fatal(err)
	}
	v, err := pack.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := player.Build(s, v, player.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if x.frames() != tl.Length || len(tl.Missing) > 0 {
		t.Fatalf("%d frames exported, the timeline has %d; missing %q", x.frames(), tl.Length, tl.Missing)
	}
	checkOwnLines(t, x, tl, v, clipscmd.OwnLines(s))
	checkSilenceBetween(t, x, tl)
}

// checkOwnLines checks every event that speaks one of the script's own
// lines: where it sounds alone, the export holds the pack's clip there,
// sample for sample at the one gain that brought the export to its
// loudness, and not the attention tone; and every such line is checked at
// least once.
func checkOwnLines(t *testing.T, x pcm, tl *player.Timeline, v *pack.Voice, own map[string]string) {
	t.Helper()
	tone := audio.Tone(audio.ToneAttention).Samples
	checked := map[string]bool{}
	gain := exportGain(t, x, tl, v)
	for i, e := range tl.Events {
		key := pack.NormalizeText(e.Text)
		if _, ok := own[key]; !ok || !alone(tl.Events, i) {
			continue
		}
		clip, err := v.Sound(e.Text)
		if err != nil {
			t.Fatal(err)
		}
		got := x.span(e.At, e.End())
		if int64(len(clip.Samples)) != e.Dur || audiotest.DBFS(audiotest.RMS(got)) < -35 {
			t.Errorf("%q at %s: %d frames at %.0f dBFS; want the clip's %d frames of speech",
				e.Text, player.Clock(e.At), e.Dur, audiotest.DBFS(audiotest.RMS(got)), len(clip.Samples))
			continue
		}
		if d := maxDiff(got, clip.Samples, gain); d > 3.0/32768 { // rounding twice: at Headroom, then at the gain
			t.Errorf("%q at %s: differs from the pack's clip, at the export's gain %.3f, by up to %.3g", e.Text, player.Clock(e.At), gain, d)
		}
		if d := maxDiff(got[:min(len(got), len(tone))], tone, gain); d < 0.01 {
			t.Errorf("%q at %s: the attention tone plays, not the clip", e.Text, player.Clock(e.At))
		}
		checked[key] = true
	}
	for key, where := range own {
		if !checked[key] {
			t.Errorf("line %q (%s) was never checked alone", key, where)
		}
	}
}

// checkSilenceBetween checks that every frame outside all events is zero.
func checkSilenceBetween(t *testing.T, x pcm, tl *player.Timeline) {
	t.Helper()
	busy := make([]bool, tl.Length)
	for _, e := range tl.Events {
		for f := e.At; f < min(e.End(), tl.Length); f++ {
			busy[f] = true
		}
	}
	for f, b := range busy {
		if !b && x.at(int64(f)) != 0 {
			t.Fatalf("sound at %s, where the timeline has no cue", player.Clock(int64(f)))
		}
	}
}

// maxDiff returns the largest difference between a and b at a gain.
func maxDiff(a []float64, b []float32, gain float64) float64 {
	d := 0.0
	for i := range min(len(a), len(b)) {
		d = max(d, math.Abs(a[i]-gain*float64(b[i])))
	}
	return d
}

// exportGain finds the gain the export applied to the voice, by least
// squares over the first line that sounds alone, and checks that it is
// the one every such line has (within 0.05 dB): a gain, not a change of
// the clips.
func exportGain(t *testing.T, x pcm, tl *player.Timeline, v *pack.Voice) float64 {
	t.Helper()
	var gains []float64
	for i, e := range tl.Events {
		if !e.Spoken() || !alone(tl.Events, i) {
			continue
		}
		clip, err := v.Sound(e.Text)
		if err != nil {
			continue
		}
		got := x.span(e.At, e.End())
		var gc, cc float64
		for k, c := range clip.Samples[:min(len(got), len(clip.Samples))] {
			gc += got[k] * float64(c)
			cc += float64(c) * float64(c)
		}
		if cc > 0 {
			gains = append(gains, gc/cc)
		}
	}
	if len(gains) == 0 {
		t.Fatal("no line alone to find the export's gain")
	}
	for _, g := range gains {
		if !audiotest.Near(audiotest.DBFS(g/gains[0]), 0, 0.05) {
			t.Fatalf("lines at gains %.4f and %.4f: not one gain", gains[0], g)
		}
	}
	return gains[0]
}

// espeak-ng streams its WAV to standard output with a header that declares
// about 2 GB: read to its end, each line makes a clip, in both the form
// that reads the line from a file and the one that reads standard input.
func TestClipsMakeWithEspeak(t *testing.T) {
	testenv.NeedTool(t, "espeak-ng")
	script := clipsSetup(t)
	for _, tts := range []string{"espeak-ng --stdout -f {textfile}", "espeak-ng --stdout"} {
		dir := testenv.TempPath(t, "robot")
		code, _, stderr := runApp(t, "clips", "make", script, "--tts", tts, "--into", dir, "-q")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tts, code, stderr)
		}
		if code, out, _ := runApp(t, "clips", "missing", script, "--voice", dir); code != 0 || !strings.HasPrefix(out, "all ") {
			t.Errorf("%s: lines still missing:\n%s", tts, out)
		}
	}
}
