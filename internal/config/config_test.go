package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	c, err := Parse("c.yaml", []byte("# mine\nvoice: anna\nlevel: gentle\nvolume: 0.8\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Voice != "anna" || c.Level != "gentle" || c.Volume == nil || *c.Volume != 0.8 || c.VoiceAt != (Pos{2, 8}) {
		t.Errorf("got %+v (volume %v)", c, c.Volume)
	}
	for _, empty := range []string{"", "# nothing set\n", "~\n"} {
		c, err := Parse("c.yaml", []byte(empty))
		if err != nil || c.Voice != "" || c.Level != "" || c.Volume != nil {
			t.Errorf("%q: got %+v, %v; want nothing set", empty, c, err)
		}
	}
}

// Every mistake is one error at its file:line:col that says what would be
// valid.
func TestParseErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"unknown key", "voice: anna\nvoise: bob\n", `c.yaml:2:1: unknown key "voise" (valid: voice, level, volume)`},
		{"bad level", "level: hard\n", `c.yaml:1:8: level: got "hard", want gentle, standard or full`},
		{"volume too high", "volume: 2.5\n", `c.yaml:1:9: volume: got 2.5, want a number from 0 (silent) through 1 (as recorded) to 2, e.g. 0.8`},
		{"volume a word", "volume: loud\n", `c.yaml:1:9: volume: got "loud", want a number`},
		{"voice a list", "voice: [a, b]\n", `c.yaml:1:8: voice: got a list, want the name of a voice pack`},
		{"voice empty", "voice:\n", `c.yaml:1:7: voice: got nothing, want`},
		{"twice", "voice: a\nvoice: b\n", `c.yaml:2:1: voice is set twice`},
		{"not a mapping", "- voice\n", `c.yaml:1:1: got a list, want a mapping of voice, level, volume`},
		{"bad yaml", "voice: anna\n  level: gentle\n", `c.yaml:2:3: not valid YAML: mapping values are not allowed in this context`},
		{"alias", "voice: &a anna\nlevel: *a\n", `c.yaml:2:8: aliases are not supported`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.data))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v\nwant %s…", err, tt.want)
			}
			if _, ok := err.(*Error); !ok {
				t.Errorf("%T, want *Error", err)
			}
		})
	}
}

// Load finds the file under XDG_CONFIG_HOME; none there is no settings; a
// file over MaxSize is refused before it is read whole.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path, err := Path()
	if err != nil || path != filepath.Join(dir, "floorcoach", "config.yaml") {
		t.Fatalf("Path() = %q, %v", path, err)
	}
	if c, err := Load(); err != nil || c.File != "" {
		t.Errorf("no file: %+v, %v", c, err)
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte("voice: anna\n"), 0o644)
	if c, err := Load(); err != nil || c.Voice != "anna" || c.File != path {
		t.Errorf("got %+v, %v", c, err)
	}
	os.WriteFile(path, []byte("# "+strings.Repeat("x", MaxSize)+"\n"), 0o644)
	if _, err := Load(); err == nil || !strings.Contains(err.Error(), path+":1:1: larger than 64 KiB") {
		t.Errorf("huge file: %v", err)
	}
}
