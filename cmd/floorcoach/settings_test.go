package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio/pack"
)

// writeSettings gives the test its own config folder with a config.yaml
// holding body, and returns the file's path.
func writeSettings(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "floorcoach", "config.yaml")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// clips make --all makes every line the session speaks into the pack
// itself, coaching words and counts too; then voice: anna in config.yaml
// makes clips missing, check and voices use anna with no flag.
func TestSettingsVoiceAndMakeAll(t *testing.T) {
	script := clipsSetup(t)
	wav, log := fakeTTS(t)
	writeSettings(t, "# my settings\nvoice: anna\n")
	code, _, stderr := runApp(t, "clips", "make", script, "--all", "--tts", "printf '%s\\n' {text} >> "+sq(log)+"; cp "+wav+" {out}")
	if code != 0 {
		t.Fatalf("make --all: exit %d: %s", code, stderr)
	}
	// Every line the session speaks, as the recording sheet lists them.
	_, sheet, _ := runApp(t, "clips", "sheet", script, "--all", "--voice", "default")
	all := regexp.MustCompile(`(?m)^ *\d+\. (.*)$`).FindAllStringSubmatch(sheet, -1)
	data, _ := os.ReadFile(filepath.Join(os.Getenv("XDG_DATA_HOME"), "floorcoach", "voices", "anna", "voice.yaml"))
	for _, line := range []string{"Get ready.", "Switch sides.", "One.", "Two.", "Right side.", "Hip opener"} {
		if !strings.Contains(sheet, ". "+line+"\n") {
			t.Errorf("the session does not say %q; the test needs a script that does:\n%s", line, sheet)
		}
	}
	for _, m := range all {
		if !strings.Contains(string(data), fmt.Sprintf("%q: clips/", m[1])) {
			t.Errorf("voice.yaml of anna has no clip for %q:\n%s", m[1], data)
		}
	}
	n := len(all)
	if got := len(logged(t, log)); got != n || n < 15 {
		t.Errorf("make --all said %d lines, want the session's %d", got, n)
	}
	code, _, stderr = runApp(t, "clips", "make", script, "--all", "--tts", "cp "+wav+" {out}")
	if want := fmt.Sprintf("all %d lines have clips of its own in voice \"anna\": nothing to make\n", n); code != 0 || stderr != want {
		t.Errorf("make --all again: exit %d: %q", code, stderr)
	}
	if code, out, _ := runApp(t, "clips", "missing", script); code != 0 || out != fmt.Sprintf("all %d lines have clips in voice \"anna\"\n", n) {
		t.Errorf("clips missing with voice: anna set: exit %d: %q", code, out)
	}
	if code, out, _ := runApp(t, "check", script); code != 0 || !strings.HasPrefix(out, "ok  "+script) || strings.Contains(out, "no clip") {
		t.Errorf("check with voice: anna set: exit %d: %q", code, out)
	}
	// The flag wins.
	if code, out, _ := runApp(t, "check", script, "--voice", "default"); code != 0 || !strings.Contains(out, `9 lines have no clip in voice "default"`) {
		t.Errorf("check --voice default: exit %d: %q", code, out)
	}
	def, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runApp(t, "voices")
	rows := regexp.MustCompile(`(?m)^([* ]) (\S+) +en +(\d+) +(\S+) +(-1[89]\.\d) LUFS +(.*)$`).FindAllStringSubmatch(out, -1)
	if code != 0 || len(rows) != 2 || strings.Join(rows[0][1:5], "|") != fmt.Sprintf(" |default|%d|-", len(def.Own())) ||
		strings.Join(rows[1][1:5], "|") != fmt.Sprintf("*|anna|%d|default", n) {
		t.Errorf("voices: exit %d, rows %q:\n%s", code, rows, out)
	}
}

// level: and volume: in config.yaml set the level a session is laid out
// at, unless --level says otherwise; a mistake in the file is one error
// line naming file:line:col; --help says where the file is.
func TestSettingsLevelAndErrors(t *testing.T) {
	path := writeSettings(t, "level: gentle\nvolume: 0.5\n")
	level := func(args ...string) string {
		t.Helper()
		code, out, stderr := runApp(t, append([]string{"show", "demo", "--json"}, args...)...)
		var tl struct{ Level string }
		if code != 0 || json.Unmarshal([]byte(out), &tl) != nil {
			t.Fatalf("show: exit %d: %s", code, stderr)
		}
		return tl.Level
	}
	if got := level(); got != "gentle" {
		t.Errorf("level with level: gentle set: %q", got)
	}
	if got := level("--level", "full"); got != "full" {
		t.Errorf("--level full with level: gentle set: %q", got)
	}
	for _, tc := range []struct{ body, args, want string }{
		{"level: hard\n", "show demo", path + `:1:8: level: got "hard", want gentle, standard or full`},
		{"volume: 3\n", "play demo", path + `:1:9: volume: got 3, want a number from 0`},
		{"voice: bob\n", "check demo", path + `:1:8: audio: no voice pack "bob"`},
		{"voise: anna\n", "clips missing demo", path + `:1:1: unknown key "voise" (valid: voice, level, volume)`},
	} {
		os.WriteFile(path, []byte(tc.body), 0o644)
		code, _, stderr := runApp(t, strings.Fields(tc.args)...)
		if code != exitFail || !strings.HasPrefix(stderr, "floorcoach: "+tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q with %q: exit %d, stderr %q\nwant floorcoach: %s…", tc.args, tc.body, code, stderr, tc.want)
		}
	}
	_, out, _ := runApp(t, "--help")
	if !strings.Contains(out, "Settings: "+path+" may set voice:, level: and volume:") {
		t.Errorf("--help does not say where the settings are:\n%s", out)
	}
}
