package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runApp runs the command line in-process and returns its exit status and
// what it printed.
func runApp(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"floorcoach"}, args...), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func tempFile(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A flag after the session name takes effect (urfave/cli alone would
// silently ignore it).
func TestFlagsAfterTheSession(t *testing.T) {
	_, before, _ := runApp(t, "show", "--level", "full", "lower-back")
	code, after, stderr := runApp(t, "show", "lower-back", "--level", "full")
	if code != 0 || after != before {
		t.Fatalf("show lower-back --level full: exit %d, stderr %q; output differs from --level first", code, stderr)
	}
	if !strings.Contains(after, "(full level,") {
		t.Errorf("the level flag after the session was ignored:\n%s", after[:200])
	}
}

func TestList(t *testing.T) {
	code, out, _ := runApp(t, "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"demo", "lower-back", "Lower back relief", "STANDARD"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
}

func TestCheck(t *testing.T) {
	good := tempFile(t, "good.yaml", "title: T\nsteps:\n  - {name: A, hold: 10s}\n")
	bad := tempFile(t, "bad.yaml", "title: T\nsteps:\n  - name: A\n    hodl: 10s\n  - reps: 0\n")
	code, out, stderr := runApp(t, "check", good, bad)
	if code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	if !strings.Contains(out, "ok  "+good) {
		t.Errorf("good script not reported ok: %q", out)
	}
	for _, want := range []string{
		bad + `:4:5: unknown key "hodl" in step (did you mean "hold"?`,
		bad + ":5:11: reps: 0 is zero (want 1 to 500)",
		"floorcoach: 1 of 2 scripts have mistakes",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
		t.Errorf("stack trace on stderr:\n%s", stderr)
	}
}

func TestCheckExamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no example scripts in testdata/examples")
	}
	code, out, stderr := runApp(t, append([]string{"check"}, files...)...)
	if code != 0 || strings.Count(out, "ok  ") != len(files) {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
}

func TestErrorsAreOneLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"show", "lowerback"}, exitFail, `floorcoach: unknown session "lowerback" (did you mean "lower-back"?`},
		{[]string{"show", "no/such/file.yaml"}, exitFail, "no/such/file.yaml"},
		{[]string{"show"}, exitUsage, "floorcoach: show: missing SESSION"},
		{[]string{"show", "demo", "--level", "hard"}, exitUsage, `floorcoach: --level: unknown level "hard" (valid: gentle, standard, full)`},
		{[]string{"show", "demo", "--nope"}, exitUsage, "flag provided but not defined: -nope"},
		{[]string{"check"}, exitUsage, "floorcoach: check: missing FILE"},
		{[]string{"exprot", "demo"}, exitUsage, `floorcoach: unknown command "exprot" (did you mean "export"?; commands: list, show`},
		{[]string{"frobnicate"}, exitUsage, `floorcoach: unknown command "frobnicate" (commands: list, show`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := runApp(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}

func TestShowJSON(t *testing.T) {
	code, out, stderr := runApp(t, "show", "demo", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"title":"Quick demo"`, `"sample_rate":44100`, `"kind":"chime"`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

// The starter script checks, and the schema is JSON.
func TestNewAndSchema(t *testing.T) {
	code, out, _ := runApp(t, "new", "hip-opener")
	if code != 0 || !strings.Contains(out, `title: "Hip opener"`) {
		t.Fatalf("new: exit %d\n%s", code, out)
	}
	path := tempFile(t, "hip.yaml", out)
	if code, _, stderr := runApp(t, "check", path); code != 0 {
		t.Errorf("the starter script does not check: %s", stderr)
	}
	code, out, _ = runApp(t, "schema")
	var v map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v["title"] == nil {
		t.Errorf("schema: exit %d, not a JSON Schema", code)
	}
}

// list shows the user's own scripts, and a broken one doesn't hide the rest.
func TestListShowsTheLibrary(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("FLOORCOACH_PATH", "")
	dir := filepath.Join(cfg, "floorcoach", "sessions")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "hips.yaml"), []byte("title: Hips\nsteps:\n  - {name: A, hold: 20-40s}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("title: B\nsteps:\n  - {hodl: 5s}\n"), 0o644)
	code, out, _ := runApp(t, "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"lower-back", "hips ", "Hips (" + dir, "broken ", "error: " + filepath.Join(dir, "broken.yaml") + ":3:"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	if code, out, stderr := runApp(t, "show", "hips"); code != 0 || !strings.HasPrefix(out, "Hips (standard level") {
		t.Errorf("show hips: exit %d %s", code, stderr)
	}
}

func TestHelpTeaches(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"help", "play"}, {"export", "--help"}, {"clips", "make", "--help"}, {"clips", "record", "--help"}, {"voices", "--help"}} {
		code, out, stderr := runApp(t, args...)
		if code != 0 || !strings.Contains(out, "floorcoach") || stderr != "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
		if len(args) > 1 && !strings.Contains(out, "Example") && !strings.Contains(out, "EXAMPLE") {
			t.Errorf("%q: help has no examples:\n%s", args, out)
		}
	}
}
