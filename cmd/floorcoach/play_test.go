package main

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/player"
	"github.com/rivo/uniseg"
)

// shortScript is a session of two 2 s holds: 16 s with its title and
// closing words.
const shortScript = `title: Quick demo
defaults: {ready: 0s, rest: 0s, remind: []}
steps:
  - name: Knee hug
    hold: 2s
  - name: Pelvic tilt
    hold: 2s
`

// Wrong flags are usage errors (exit 2), found before any sound is made,
// whether they come before or after the session.
func TestPlayUsage(t *testing.T) {
	script := tempFile(t, "s.yaml", shortScript)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"play", script, "--from", "3"}, `floorcoach: --from 3: "Quick demo" has steps 1 to 2`},
		{[]string{"play", "--from", "0", script}, `--from 0: "Quick demo" has steps 1 to 2`},
		{[]string{"play", script, "--volume", "2.5"}, "floorcoach: --volume 2.5: must be from 0 to 2"},
		{[]string{"play", script, "--volume", "-0.1"}, "--volume -0.1: must be from 0 to 2"},
		{[]string{"play", script, "--tones", "5"}, "--tones 5: must be from 0 to 4"},
		{[]string{"play", script, "--shuffle"}, "--shuffle: needs --music FOLDER"},
		{[]string{"play", script, "--music-level", "-6"}, "--music-level: needs --music"},
		{[]string{"play"}, "floorcoach: play: missing SESSION"},
		{[]string{"play", script, "--level", "hard"}, `unknown level "hard"`},
	} {
		t.Run(strings.Join(tc.args[1:], " "), func(t *testing.T) {
			code, _, stderr := runApp(t, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tc.want)
			}
		})
	}
}

func TestPlayHelpTeaches(t *testing.T) {
	code, out, _ := runApp(t, "play", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"space ", "n or →", "p or ←", "s   ", "+ and -", "q, Ctrl-C",
		"floorcoach play lower-back\n", "--level full", "--from 4", "--volume"} {
		if !strings.Contains(out, want) {
			t.Errorf("play --help lacks %q:\n%s", want, out)
		}
	}
}

func TestParseKeys(t *testing.T) {
	in := " nN\x1b[C\x1bOCpP\x1b[D+=-_qQ\x03\x04sSx\x1b[A\x1b"
	want := []key{keyPause, keyNext, keyNext, keyNext, keyNext, keyRestart, keyRestart, keyRestart,
		keyUp, keyUp, keyDown, keyDown, keyStop, keyStop, keyStop, keyStop, keySide, keySide}
	if got := parseKeys([]byte(in)); !reflect.DeepEqual(got, want) {
		t.Errorf("parseKeys(%q)\n got %v\nwant %v", in, got, want)
	}
}

func TestStatusLine(t *testing.T) {
	sec := audio.Frames(1e9)
	hold := player.Status{Step: 2, Steps: 7, Name: "Seated spinal twist", Side: "left", HoldLeft: 17*sec + 1,
		Pos: 60 * sec, Length: 772 * sec, Next: "Cat-cow", Volume: 1, Paused: true}
	reps := player.Status{Step: 3, Steps: 7, Name: "Cat-cow", Rep: 4, Reps: 12, HoldLeft: 30 * sec,
		Round: 2, Length: 60 * sec, Volume: 0.7}
	rest := player.Status{Step: 3, Steps: 7, Span: 3, Name: "Cat-cow", Rest: true, HoldLeft: -1, Length: 60 * sec, Next: "Bridge", Volume: 1}
	restStep := player.Status{Step: 4, Steps: 9, Span: 4, Name: "Rest", Rest: true, HoldLeft: -1, Length: 60 * sec, Next: "Bridge", Volume: 1}
	long := player.Status{Step: 1, Steps: 7, Name: "Supine figure-four stretch with a strap, slowly", Side: "right",
		HoldLeft: 5 * sec, Length: 540 * sec, Next: "Bridge", Volume: 0.5}
	for _, tc := range []struct {
		st    player.Status
		width int
		want  string
	}{
		{hold, 200, "paused | 2/7 Seated spinal twist | left | hold 0:18 | 11:52 left | next: Cat-cow"},
		{hold, 80, "paused | 2/7 Seated spinal twist | left | hold 0:18 | 11:52 left"},
		{hold, 60, "paused | 2/7 Seated spinal twist | left | 11:52 left"},
		{hold, 38, "paused | 2/7 Sea… | left | 11:52 left"},
		{long, 60, "1/7 Supine figure-four stretch with a … | right | 9:00 left"},
		{reps, 200, "3/7 Cat-cow | round 2 | rep 4/12 | 1:00 left | vol 70%"},
		{reps, 50, "3/7 Cat-cow | round 2 | rep 4/12 | 1:00 left"},
		{reps, 40, "3/7 Cat-cow | rep 4/12 | 1:00 left"},
		{rest, 200, "3/7 Cat-cow | rest | 1:00 left | next: Bridge"},
		{restStep, 200, "4/9 Rest | 1:00 left | next: Bridge"},
		{player.Status{Name: "x\x1b[2J", Step: 1, Steps: 1, HoldLeft: -1, Volume: 1}, 200, `1/1 x\x1b[2J | 0:00 left`},
	} {
		got := statusLine(tc.st, "Lower back relief", tc.width)
		if got != tc.want {
			t.Errorf("statusLine(…, %d)\n got %q\nwant %q", tc.width, got, tc.want)
		}
		if w := uniseg.StringWidth(got); w >= tc.width {
			t.Errorf("%q is %d columns wide, in a terminal %d wide", got, w, tc.width)
		}
	}
}

// At 60 columns, every moment of a session shows its step, side and time
// left.
func TestStatusLineKeepsTheEssentials(t *testing.T) {
	tl := timelineOf(t, "lower-back")
	for pos := int64(0); pos < tl.Length; pos += audio.Frames(2e9) {
		st := tl.StatusAt(pos)
		st.Paused, st.Volume = true, 0.5
		line := statusLine(st, tl.Title, 60)
		if uniseg.StringWidth(line) > 59 || !strings.HasPrefix(line, "paused | ") ||
			!strings.Contains(line, " | "+player.Minutes(st.Left())+" left") ||
			st.Side != "" && !strings.Contains(line, " | "+st.Side+" | ") ||
			st.Step > 0 && !strings.Contains(line, fmt.Sprintf("%d/%d ", st.Step, st.Steps)) {
			t.Errorf("at %s: %q lacks the step, side or time left", player.Clock(pos), line)
		}
	}
}

func TestSummary(t *testing.T) {
	tl := timelineOf(t, "lower-back")
	sec := audio.Frames(1e9)
	cat := tl.Steps[2] // 1 Knee-to-chest, 2 twist, 3 Cat-cow, each but the last with its rest
	if cat.Index != 3 || cat.Name != "Cat-cow" {
		t.Fatalf("span 3 is %+v, not step 3", cat)
	}
	in := tl.StatusAt(cat.Start + sec)
	rest := tl.StatusAt(tl.Steps[1].RestAt + sec)
	for _, tc := range []struct {
		got, want string
	}{
		{summary(tl, tl.StatusAt(tl.Length), tl.Length, 7, true), "Finished Lower back relief: 7 of 7 steps, " + player.Minutes(tl.Length) + " played"},
		{summary(tl, in, 242*sec, 3, false), "Stopped at step 3 of 7 (Cat-cow) after 4:02."},
		{summary(tl, rest, 61*sec, 2, false), "Stopped before step 3 of 7 (Cat-cow) after 1:01."},
		{summary(tl, tl.StatusAt(tl.Length-sec), 600*sec, 7, false), "Stopped in the closing words after 10:00."},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %q\nwant %q", tc.got, tc.want)
		}
	}
}

func TestNoOutputSuggestsExport(t *testing.T) {
	err := noOutput(errNoOutputForTest, "../examples/neck-release.yaml")
	want := "no sound output: PulseAudio/PipeWire at unix:/x: refused (to listen elsewhere: floorcoach export ../examples/neck-release.yaml -o neck-release.mp3)"
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err, want)
	}
}

var errNoOutputForTest = fmt.Errorf("%w: PulseAudio/PipeWire at unix:/x: refused", speaker.ErrNoOutput)
