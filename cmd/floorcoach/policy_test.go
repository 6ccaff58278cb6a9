package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The policies the format reference and the help state: what is refused,
// and how it is said.
func TestPolicies(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	script := tempFile(t, "s.yaml", "title: T\nsteps:\n  - say: Breathe in.\n")
	packs := filepath.Join(dir, "packs")
	writeTone(t, filepath.Join(packs, "base", "in.wav"), 0.3)
	os.WriteFile(filepath.Join(packs, "base", "voice.yaml"), []byte("clips: {\"Breathe in.\": in.wav}\n"), 0o644)
	os.MkdirAll(filepath.Join(packs, "sib"), 0o755)
	os.WriteFile(filepath.Join(packs, "sib", "voice.yaml"), []byte("extends: ../base\n"), 0o644)
	os.MkdirAll(filepath.Join(packs, "far"), 0o755)
	os.WriteFile(filepath.Join(packs, "far", "voice.yaml"), []byte("extends: ../../packs/base\n"), 0o644)
	out := filepath.Join(dir, "o.mp3")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bitrate 0", []string{"export", "demo", "-o", out, "-b", "0"}, exitUsage, "export: --bitrate 0: want one of 32, 40, 48"},
		{"bitrate 999", []string{"export", "demo", "-o", out, "--bitrate", "999"}, exitUsage, "--bitrate 999: want one of"},
		{"from 0", []string{"play", "demo", "--from", "0"}, exitUsage, "--from 0: \"Quick demo\" has steps 1 to 2"},
		{"from -1", []string{"play", "demo", "--from", "-1"}, exitUsage, "--from -1:"},
		{"check a folder", []string{"check", dir}, exitFail, dir + ": a folder, not a script (want a .yaml file)"},
		{"check a missing file", []string{"check", filepath.Join(dir, "none.yaml")}, exitFail, filepath.Join(dir, "none.yaml") + ": no such file or directory"},
		{"show a missing file", []string{"show", filepath.Join(dir, "none.yaml")}, exitFail, "floorcoach: " + filepath.Join(dir, "none.yaml") + ": no such file or directory"},
		{"extends a sibling", []string{"check", script, "--voice", filepath.Join(packs, "sib")}, exitOK, ""},
		{"extends further out", []string{"check", script, "--voice", filepath.Join(packs, "far")}, exitFail,
			`extends "../../packs/base": a folder may be this pack's sibling (../anna) or inside it, no further out`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runApp(t, c.args...)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q", code, stderr, c.code, c.want)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an export refused for its flags wrote its file")
	}
}
