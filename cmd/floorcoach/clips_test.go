package main

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio/encode"
)

// hipScript is a small session: its own lines, a reminder no pack has,
// reps counted by voice, a rest and a closing line.
const hipScript = `title: Hip opener
warning: Stop if it hurts.
steps:
  - name: Figure four
    say: Cross one ankle over the other knee.
    hold: 20s
    sides: [right, left]
    remind: [7s]
  - name: Butterfly
    reps: 2
    phases: [Open, Close]
closing: [Breathe out.]
`

// hipLines are the lines of hipScript no default clip says, in the order
// the session speaks them, with the script line that needs each.
var hipLines = []struct {
	text string
	line int
	why  string
}{
	{"Hip opener", 1, "title"},
	{"Stop if it hurts.", 2, "warning"},
	{"Figure four", 4, "Figure four"},
	{"Cross one ankle over the other knee.", 4, "Figure four"},
	{"Seven seconds left.", 4, "Figure four"},
	{"Butterfly", 9, "Butterfly"},
	{"Open", 9, "Butterfly"},
	{"Close", 9, "Butterfly"},
	{"Breathe out.", 12, "closing"},
}

// clipsSetup gives a test its own data folder (so no test touches the
// user's packs) and writes hipScript; it returns the script's path.
func clipsSetup(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	return tempFile(t, "hips.yaml", hipScript)
}

// writeTone writes a 16-bit mono WAV at 16 kHz: 0.4 s of a 300 Hz tone
// at amp, faded in and out like a word.
func writeTone(t *testing.T, path string, amp float64) {
	t.Helper()
	const rate, n = 16000, 6400
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(amp * math.Sin(math.Pi*float64(i)/n) * math.Sin(2*math.Pi*300*float64(i)/rate))
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, encode.MonoWAV(x, rate), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestClipsMissing(t *testing.T) {
	script := clipsSetup(t)
	code, out, stderr := runApp(t, "clips", "missing", script)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var want strings.Builder
	for _, l := range hipLines {
		want.WriteString(`"` + l.text + "\"\n    needed by " + script + ":" + strconv.Itoa(l.line) + " (" + l.why + ")\n")
	}
	if out != want.String() {
		t.Errorf("clips missing printed:\n%s\nwant:\n%s", out, want.String())
	}
	if !strings.Contains(stderr, `9 of 19 lines have no clip in voice "default"`) || !strings.Contains(stderr, "floorcoach clips make "+script+" --tts '") {
		t.Errorf("stderr: %s", stderr)
	}
	code, out, _ = runApp(t, "clips", "missing", "lower-back")
	if code != 0 || !strings.HasPrefix(out, "all ") || !strings.HasSuffix(out, ` lines have clips in voice "default"`+"\n") {
		t.Errorf("lower-back: exit %d, %q", code, out)
	}
}

// Lines match clips whatever their case, spacing and punctuation; a pack
// that does not extend the default one lacks its coaching words.
func TestClipsMissingMatchesText(t *testing.T) {
	script := clipsSetup(t)
	pack := t.TempDir()
	writeTone(t, filepath.Join(pack, "a.wav"), 0.3)
	yaml := "extends: default\nclips:\n"
	for _, l := range hipLines {
		yaml += "  \"" + strings.ToUpper(strings.ReplaceAll(strings.TrimSuffix(l.text, "."), " ", "  ")) + "!\": a.wav\n"
	}
	os.WriteFile(filepath.Join(pack, "voice.yaml"), []byte(yaml), 0o644)
	code, out, stderr := runApp(t, "clips", "missing", script, "--voice", pack)
	if code != 0 || out != "all 19 lines have clips in voice \""+filepath.Base(pack)+"\"\n" {
		t.Errorf("exit %d: %q %s", code, out, stderr)
	}
	os.WriteFile(filepath.Join(pack, "voice.yaml"), []byte(strings.TrimPrefix(yaml, "extends: default\n")), 0o644)
	_, out, stderr = runApp(t, "clips", "missing", script, "--voice", pack)
	for _, want := range []string{"\"Get ready.\"\n    needed by " + script + ":4 (Figure four)", "\"One.\"\n    needed by " + script + ":9 (Butterfly)",
		"\"Release.\"\n    needed by " + script + ":4 (Figure four)"} {
		if !strings.Contains(out, want) {
			t.Errorf("a pack without the default one: output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Hip opener") || !strings.Contains(stderr, "10 of 19 lines") {
		t.Errorf("the pack's own lines are listed, or the count is off:\n%s%s", out, stderr)
	}
}

// A clip that cannot be read is an error naming the file and its pack.
func TestClipsMissingCorruptClip(t *testing.T) {
	script := clipsSetup(t)
	pack := t.TempDir()
	os.WriteFile(filepath.Join(pack, "bad.wav"), []byte("not a WAV at all"), 0o644)
	os.WriteFile(filepath.Join(pack, "voice.yaml"), []byte("extends: default\nclips: {\"Figure four\": bad.wav}\n"), 0o644)
	code, _, stderr := runApp(t, "clips", "missing", script, "--voice", pack)
	want := `floorcoach: audio: decode clip "bad.wav": not a WAV file (no RIFF WAVE header)`
	if code != exitFail || !strings.Contains(stderr, want) || !strings.Contains(stderr, "(in voice pack "+pack+") (needed by "+script+":4 (Figure four))") {
		t.Errorf("exit %d, stderr %q\nwant %q naming the pack and the script line", code, stderr, want)
	}
}

// --strict makes a line without a clip an error on show, export and check.
func TestStrict(t *testing.T) {
	script := clipsSetup(t)
	out := filepath.Join(t.TempDir(), "x.wav")
	for _, args := range [][]string{
		{"show", script, "--strict"},
		{"export", script, "-o", out, "--strict"},
		{"check", script, "--strict"},
	} {
		code, _, stderr := runApp(t, args...)
		if code != exitFail || !strings.Contains(stderr, `--strict: voice "default" has no clip for 9 lines:`) ||
			!strings.Contains(stderr, "  \"Hip opener\"\n") {
			t.Errorf("%s: exit %d, stderr %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("export --strict wrote a file")
	}
	if code, _, stderr := runApp(t, "show", "lower-back", "--strict"); code != 0 {
		t.Errorf("show lower-back --strict: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runApp(t, "check", script)
	if code != 0 || !strings.Contains(stdout, `(9 lines have no clip in voice "default": 'floorcoach clips missing `+script+"')") {
		t.Errorf("check without --strict: exit %d: %s%s", code, stdout, stderr)
	}
	code, _, stderr = runApp(t, "export", script, "-o", out)
	if code != 0 || !strings.Contains(stderr, `warning: voice "default" has no clip for 9 lines; a soft tone plays in their place:`) ||
		!strings.Contains(stderr, "'floorcoach clips missing "+script+"' lists them") {
		t.Errorf("export without --strict: exit %d: %s", code, stderr)
	}
}

func TestVoiceFlagErrors(t *testing.T) {
	script := clipsSetup(t)
	loop := t.TempDir()
	os.WriteFile(filepath.Join(loop, "voice.yaml"), []byte("extends: ./\n"), 0o644)
	for _, tc := range []struct {
		voice, want string
	}{
		{"anna", `floorcoach: audio: no voice pack "anna": not a folder here, and not in `},
		{loop, `extends "./": a cycle: ` + loop + " → " + loop},
		{t.TempDir(), "open voice.yaml: no such file or directory"},
	} {
		for _, cmd := range []string{"show", "clips missing", "check"} {
			code, _, stderr := runApp(t, append(strings.Fields(cmd), script, "--voice", tc.voice)...)
			if code != exitFail || !strings.Contains(stderr, tc.want) {
				t.Errorf("%s --voice %s: exit %d, stderr %q; want %q", cmd, tc.voice, code, stderr, tc.want)
			}
		}
	}
}

// Lines spoken at only one level are missing from a pack made for the
// others: clips missing takes every level unless --level names one.
func TestClipsMissingLevels(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	script := tempFile(t, "s.yaml", "title: Hip opener\nsteps:\n  - {name: Figure four, hold: 10-40s, remind: [25s]}\n")
	const reminder = "\"Twenty-five seconds left.\"\n    needed by "
	for _, tc := range []struct {
		level string
		want  bool
	}{{"", true}, {"full", true}, {"gentle", false}} {
		args := []string{"clips", "missing", script}
		if tc.level != "" {
			args = append(args, "--level", tc.level)
		}
		_, out, _ := runApp(t, args...)
		if strings.Contains(out, reminder+script+":3 (Figure four)") != tc.want {
			t.Errorf("--level %q: reminder listed = %v, want %v:\n%s", tc.level, !tc.want, tc.want, out)
		}
	}
}
