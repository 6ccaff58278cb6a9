package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio/pack"
)

// fakeTTS returns the parts of a fake TTS command: the quoted path of a
// WAV of speech-like sound to copy, and of a log to append each line to.
func fakeTTS(t *testing.T) (wav, log string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake TTS commands are sh scripts")
	}
	dir := t.TempDir()
	writeTone(t, filepath.Join(dir, "line.wav"), 0.3)
	return sq(filepath.Join(dir, "line.wav")), filepath.Join(dir, "log")
}

// sq quotes s for sh.
func sq(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func logged(t *testing.T, log string) []string {
	t.Helper()
	b, _ := os.ReadFile(log)
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// A line the TTS command fails on is reported with what it printed; the
// others are made, and a second run makes only the failed one.
func TestClipsMakeSomeFail(t *testing.T) {
	script := clipsSetup(t)
	wav, log := fakeTTS(t)
	pack := filepath.Join(t.TempDir(), "anna")
	tts := `printf '%s\n' {text} >> ` + sq(log) + `; case {text} in *Butterfly*) echo 'tts: cannot say "Butterfly"' >&2; exit 4;; esac; cp ` + wav + ` {out}`
	code, _, stderr := runApp(t, "clips", "make", script, "--tts", tts, "--into", pack, "-j", "3")
	if code != exitFail || !strings.Contains(stderr, "floorcoach: \"Butterfly\": the TTS command failed: exit status 4; it printed:\n    tts: cannot say \"Butterfly\"\n") ||
		!strings.Contains(stderr, "made 8 clips into "+pack) || !strings.Contains(stderr, "floorcoach: 1 of 9 lines failed") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if got := len(logged(t, log)); got != 9 {
		t.Errorf("the TTS command ran %d times, want once per missing line (9)", got)
	}
	code, out, _ := runApp(t, "clips", "missing", script, "--voice", pack)
	if code != 0 || !strings.HasPrefix(out, "\"Butterfly\"\n") || strings.Count(out, "needed by") != 1 {
		t.Errorf("after a run with one failure, missing lists:\n%s", out)
	}
	os.Remove(log)
	code, _, stderr = runApp(t, "clips", "make", script, "--tts", `printf '%s\n' {text} >> `+sq(log)+`; cp `+wav+` {out}`, "--into", pack)
	if code != 0 || !slicesEqual(logged(t, log), []string{"Butterfly"}) {
		t.Errorf("second run: exit %d, made %q; want only Butterfly: %s", code, logged(t, log), stderr)
	}
	if code, out, _ := runApp(t, "clips", "missing", script, "--voice", pack); code != 0 || out != "all 19 lines have clips in voice \"anna\"\n" {
		t.Errorf("after the second run: %s", out)
	}
	yaml, _ := os.ReadFile(filepath.Join(pack, "voice.yaml"))
	if !strings.Contains(string(yaml), `name: "anna"`) || !strings.Contains(string(yaml), `"Butterfly": clips/butterfly.wav`) {
		t.Errorf("voice.yaml:\n%s", yaml)
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// A command that hangs is killed at the timeout, each line's, and the run
// ends soon; one that writes nothing or no WAV is reported.
func TestClipsMakeHangsOrWritesNothing(t *testing.T) {
	script := clipsSetup(t)
	wav, _ := fakeTTS(t)
	for _, tc := range []struct{ name, tts, want string }{
		{"hangs", "echo thinking >&2; sleep 60; cp " + wav + " {out}", "the TTS command took longer than 1s: killed it; it printed:\n    thinking"},
		{"nothing", ": {out}", "the TTS command wrote no WAV file"},
		{"not a WAV", "echo hello > {out}", "the TTS command wrote no WAV file of sound: not a WAV file (no RIFF WAVE header)"},
		{"header only", "head -c 44 " + wav + " > {out}", "the TTS command wrote no WAV file of sound: no audio"},
		{"silence", "{ head -c 44 " + wav + "; head -c 12800 /dev/zero; } > {out}", "the TTS command's WAV file: no sound"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pack := filepath.Join(t.TempDir(), "p")
			start := time.Now()
			code, _, stderr := runApp(t, "clips", "make", script, "--tts", tc.tts, "--into", pack, "--timeout", "1s", "-j", "9")
			if code != exitFail || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "floorcoach: and 8 more lines failed the same way") {
				t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, tc.want)
			}
			if took := time.Since(start); took > 8*time.Second {
				t.Errorf("took %v with a 1 s timeout", took)
			}
			if entries, _ := os.ReadDir(filepath.Join(pack, "clips")); len(entries) > 0 {
				t.Errorf("clips written: %v", entries)
			}
		})
	}
}

// No line of a script can run a command through the TTS command line, and
// the clips of such lines are filed safely inside the pack.
func TestClipsMakeInjection(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	wav, log := fakeTTS(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	os.WriteFile(filepath.Join(home, "canary"), []byte("alive"), 0o644)
	pwned := filepath.Join(t.TempDir(), "pwned")
	lines := []string{"'; rm -rf ~; echo '", "$(touch " + pwned + "1)", "`touch " + pwned + "2`", `"; touch ` + pwned + `3; echo "`, "../../../etc/passwd"}
	script := "title: Safe\nsteps:\n  - say:\n"
	for _, l := range lines {
		script += "      - " + strconv.Quote(l) + "\n"
	}
	path := tempFile(t, "safe.yaml", script)
	dir := filepath.Join(t.TempDir(), "p")
	code, _, stderr := runApp(t, "clips", "make", path, "--tts", `printf '%s\n' {text} >> `+sq(log)+`; cp `+wav+` {out}`, "--into", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := strings.Join(logged(t, log), "\n")
	for _, l := range append(lines, "Safe") {
		if !strings.Contains(got, l) {
			t.Errorf("the TTS command did not get %q as one argument; it got:\n%s", l, got)
		}
	}
	if b, err := os.ReadFile(filepath.Join(home, "canary")); err != nil || string(b) != "alive" {
		t.Fatal("a line ran rm -rf ~")
	}
	if found, _ := filepath.Glob(pwned + "*"); len(found) > 0 {
		t.Errorf("a line ran touch: %q", found)
	}
	v, err := pack.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if _, err := v.Probe(l); err != nil {
			t.Errorf("%q: %v", l, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "clips", "*.wav"))
	if len(files) != len(lines)+1 {
		t.Errorf("%d clips in the pack's clips folder, want %d: %q", len(files), len(lines)+1, files)
	}
}

func TestClipsMakeUsage(t *testing.T) {
	script := clipsSetup(t)
	notPack := t.TempDir()
	os.WriteFile(filepath.Join(notPack, "thesis.txt"), []byte("precious"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{script}, exitUsage, `floorcoach: --tts is required`},
		{[]string{script, "--tts", "flite -t '{text}' -o {out}"}, exitUsage, "put {text} bare, not in quotes"},
		{[]string{script, "--tts", "flite -t {text}", "--into", "default"}, exitUsage, "the default pack is built into the program"},
		{[]string{script, "--tts", "flite -t {text}", "--into", "a", "--voice", "b"}, exitUsage, "--into and --voice name different packs"},
		{[]string{script, "--tts", "flite -t {text}", "--into", notPack}, exitFail, "is not a voice pack (no voice.yaml) and not empty"},
		{[]string{script, "--tts", "flite -t {text}", "-j", "0"}, exitUsage, "--jobs must be 1 or more"},
		{[]string{"no-such.yaml", "--tts", "flite -t {text}"}, exitFail, "no-such.yaml"},
		{[]string{script, "--tts", "flite -t {text}", "--level", "hard"}, exitUsage, `unknown level "hard"`},
	} {
		code, _, stderr := runApp(t, append([]string{"clips", "make"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	if entries, _ := os.ReadDir(notPack); len(entries) != 1 {
		t.Errorf("files written into a folder that is not a pack: %v", entries)
	}
	if dir, _ := pack.UserDir("mine"); dirExists(dir) {
		t.Error("a failed make created the user's pack")
	}
}

// Without --into, clips go into the user's own pack, "mine", which then
// works by name.
func TestClipsMakeIntoMine(t *testing.T) {
	script := clipsSetup(t)
	wav, _ := fakeTTS(t)
	if code, _, stderr := runApp(t, "clips", "make", script, "--tts", "cp "+wav+" {out}", "-q"); code != 0 || stderr != "" {
		t.Fatalf("exit %d: %q", code, stderr)
	}
	dir, _ := pack.UserDir("mine")
	if yaml, err := os.ReadFile(filepath.Join(dir, "voice.yaml")); err != nil || !strings.Contains(string(yaml), "name: \"mine\"\nlanguage: en\nextends: default\n") {
		t.Fatalf("mine/voice.yaml: %v\n%s", err, yaml)
	}
	if code, out, _ := runApp(t, "clips", "missing", script, "--voice", "mine"); code != 0 || !strings.HasPrefix(out, "all 19 lines") {
		t.Errorf("clips missing --voice mine: %s", out)
	}
	if code, _, stderr := runApp(t, "show", script, "--voice", "mine", "--strict"); code != 0 {
		t.Errorf("show --voice mine --strict: %s", stderr)
	}
}

func dirExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// With nothing to make, no pack is created.
func TestMakeCreatesNoEmptyPack(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	code, _, stderr := runApp(t, "clips", "make", "demo", "--tts", "false {text} {out}")
	if code != 0 || !strings.Contains(stderr, "nothing to make") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("made %s with nothing to put in it", entries[0].Name())
	}
}
