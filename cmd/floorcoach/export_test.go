package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/player"
)

// timelineOf lays out a built-in session as export does.
func timelineOf(t *testing.T, name string) *player.Timeline {
	t.Helper()
	return loadTestPlan(t, name).timeline
}

// exportWAV exports a session and returns its samples, mixed to mono.
func exportWAV(t *testing.T, session string) []float64 {
	t.Helper()
	out := testenv.TempPath(t, "s.wav")
	if code, _, stderr := runApp(t, "export", session, "-o", out, "-q"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	rate, ch, samples, err := audiotest.ReadWAV(out)
	if err != nil {
		t.Fatal(err)
	}
	if rate != audio.SampleRate || ch != 2 {
		t.Fatalf("WAV is %d Hz, %d channels; want 44100 Hz stereo", rate, ch)
	}
	for i := range samples[0] {
		if samples[0][i] != samples[1][i] {
			t.Fatalf("channels differ at frame %d", i)
		}
	}
	return samples[0]
}

// The exported WAV is the timeline, sample for sample: its length, each
// tone where its event is and at its pitch, speech where speech is, silence
// elsewhere, and nothing clipped.
func TestExportWAVFollowsTheTimeline(t *testing.T) {
	tl := timelineOf(t, "demo")
	x := exportWAV(t, "demo")
	if int64(len(x)) != tl.Length {
		t.Fatalf("WAV has %d frames, the timeline %d", len(x), tl.Length)
	}
	if p := audiotest.Peak(x); p >= 0.99 {
		t.Errorf("peak %.3f: the mix clips", p)
	}
	busy := make([]bool, len(x))
	for _, e := range tl.Events {
		for f := e.At; f < e.End(); f++ {
			busy[f] = true
		}
	}
	for f, b := range busy {
		if !b && x[f] != 0 {
			t.Fatalf("sound at %s where the timeline has no event", player.Clock(int64(f)))
		}
	}
	pitch := map[player.Kind]float64{player.Pip: audio.PipHz, player.Count: audio.CountHz, player.Tick: audio.TickHz}
	checked := 0
	for i, e := range tl.Events {
		if alone(tl.Events, i) && !e.Spoken() {
			checkOnset(t, x, e)
			if want, ok := pitch[e.Kind]; ok {
				checked++
				if got := audiotest.Pitch(x[e.At:e.End()], audio.SampleRate); !audiotest.Near(got, want, want*0.02) {
					t.Errorf("%s at %s: pitch %.0f Hz, want %.0f", e.Kind, player.Clock(e.At), got, want)
				}
			}
		}
		if e.Kind == player.Speech {
			if db := audiotest.DBFS(audiotest.RMS(x[e.At:e.End()])); db < -40 {
				t.Errorf("speech %q at %s is silent (%.0f dBFS)", e.Text, player.Clock(e.At), db)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d tones could be checked alone", checked)
	}
}

// alone reports whether event i overlaps no other event.
func alone(evs []player.Event, i int) bool {
	e := evs[i]
	for j, o := range evs {
		if j != i && o.At < e.End() && e.At < o.End() {
			return false
		}
	}
	return true
}

// checkOnset checks that the sound of a lone tone starts within 1 ms of its
// frame: the frames before are silent, and it is heard soon after.
func checkOnset(t *testing.T, x []float64, e player.Event) {
	t.Helper()
	ms := int64(audio.SampleRate / 1000)
	first := int64(-1)
	for f := e.At; f < e.End(); f++ {
		if !audiotest.Near(x[f], 0, 1e-3) {
			first = f
			break
		}
	}
	if first < 0 || first-e.At > ms {
		t.Errorf("%s %q at %s: first sound at frame %d, want within 1 ms of %d", e.Kind, e.Text, player.Clock(e.At), first, e.At)
	}
	if e.At > 0 && x[e.At-1] != 0 {
		t.Errorf("%s at %s: sound before the event starts", e.Kind, player.Clock(e.At))
	}
}

func TestExportKeepsAnExistingFile(t *testing.T) {
	out := testenv.TempPath(t, "mine.wav")
	testenv.WriteFile(t, out, "precious")
	code, _, stderr := runApp(t, "export", "demo", "-o", out)
	if code != exitFail || !strings.Contains(stderr, "already exists (use --force to overwrite it)") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != "precious" {
		t.Fatal("the user's file was overwritten")
	}
	if code, _, stderr := runApp(t, "export", "demo", "-o", out, "--force", "-q"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.HasPrefix(got, []byte("RIFF")) {
		t.Fatal("--force did not replace the file")
	}
}

func TestExportToStandardOutput(t *testing.T) {
	code, out, stderr := runApp(t, "export", "demo", "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rate, _, samples, err := audiotest.DecodeWAV([]byte(out))
	if err != nil || rate != audio.SampleRate {
		t.Fatalf("stdout is not our WAV: %v", err)
	}
	if got, want := int64(len(samples[0])), timelineOf(t, "demo").Length; got != want {
		t.Errorf("%d frames on stdout, want %d", got, want)
	}
}

func TestExportCaptions(t *testing.T) {
	out := testenv.TempPath(t, "d.mp3")
	if code, _, stderr := runApp(t, "export", "demo", "-o", out, "--captions", "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	vtt, err := os.ReadFile(strings.TrimSuffix(out, "mp3") + "vtt")
	if err != nil {
		t.Fatal(err)
	}
	tl := timelineOf(t, "demo")
	spoken := 0
	for _, e := range tl.Events {
		if e.Spoken() {
			spoken++
		}
	}
	if got := strings.Count(string(vtt), " --> "); got != spoken || !strings.HasPrefix(string(vtt), "WEBVTT") {
		t.Errorf("%d captions, want one per spoken line (%d)", got, spoken)
	}
	if !strings.Contains(string(vtt), "00:00:00.500 --> ") {
		t.Errorf("the title is not captioned at 0.5 s:\n%.200s", vtt)
	}
}

func TestExportUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "demo"}, `floorcoach: --output is required`},
		{[]string{"export", "demo", "-o", "x.ogg"}, `unknown extension ".ogg"; use .wav, .mp3, .flac`},
		{[]string{"export", "demo", "-o", "-", "--captions"}, "--captions needs -o FILE"},
	} {
		code, _, stderr := runApp(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}
