package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/floorcoach/floorcoach/scripts"
)

// rawControl returns the first byte or character of s a terminal would act
// on (a C0 control but newline, DEL, a C1 control), or "" if it has none.
func rawControl(s string) string {
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == utf8.RuneError ||
			r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
			return string(r)
		}
	}
	return ""
}

// Text from scripts, file names and errors reaches the terminal with every
// control character escaped, and one error stays one line.
func TestNoControlBytesOnTheTerminal(t *testing.T) {
	lib := t.TempDir()
	hostile := []string{"clear\x1b[2J", "title\x1b]0;pwned\x07", "link\x1b]8;;http:x\x1b\\y", "csi\u009b2J",
		"fake\nfloorcoach: all good", "bidi\u202egpj"}
	for _, name := range hostile {
		if err := os.WriteFile(filepath.Join(lib, name+".yaml"), []byte("title: T\nsteps: [{hold: 1s}]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(lib, "bad\x1b[31m.yaml")
	os.WriteFile(bad, []byte("title: \"A\\e]52;c;cm0gLXJmIH4=\\a\"\nsteps: [{hold: 1s}]\n"), 0o644)
	t.Setenv("FLOORCOACH_PATH", lib)
	odd := filepath.Join(t.TempDir(), "pack\nfloorcoach: all good\x1b[2J")
	os.MkdirAll(odd, 0o755)
	os.WriteFile(filepath.Join(odd, "bad.wav"), []byte("not a WAV"), 0o644)
	os.WriteFile(filepath.Join(odd, "voice.yaml"), []byte("clips: {\"T\": bad.wav}\n"), 0o644)
	okScript := filepath.Join(lib, "csi\u009b2J.yaml")
	cases := []struct {
		name  string
		args  []string
		lines int // lines on stderr; -1: any
	}{
		{"list", []string{"list"}, -1},
		{"check escape in title", []string{"check", bad}, 2},
		{"check missing file with a newline", []string{"check", filepath.Join(lib, "no\nfloorcoach: such.yaml")}, 2},
		{"show missing file", []string{"show", filepath.Join(lib, "gone\x1b[2J\n.yaml")}, 1},
		{"show file", []string{"show", filepath.Join(lib, "csi\u009b2J.yaml")}, 0},
		{"show json", []string{"show", "--json", filepath.Join(lib, "bidi\u202egpj.yaml")}, 0},
		{"clips sheet", []string{"clips", "sheet", filepath.Join(lib, "clear\x1b[2J.yaml")}, 0},
		{"clips missing", []string{"clips", "missing", filepath.Join(lib, "title\x1b]0;pwned\x07.yaml")}, 3},
		{"check with a pack named with a newline", []string{"check", okScript, "--voice", odd}, 2},
		{"show with a pack named with a newline", []string{"show", okScript, "--voice", odd}, 1},
		{"export to a hostile name", []string{"export", "demo", "-o", filepath.Join(lib, "x\x1b[2J", "o.wav")}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, stdout, stderr := runApp(t, c.args...)
			for _, out := range []string{stdout, stderr} {
				if r := rawControl(out); r != "" {
					t.Errorf("printed %q raw:\n%s", r, out)
				}
			}
			if n := strings.Count(stderr, "\n"); c.lines >= 0 && n != c.lines {
				t.Errorf("stderr has %d lines, want %d:\n%s", n, c.lines, stderr)
			}
			if strings.Contains(stderr, "all good") && strings.Contains(stderr, "\nfloorcoach: all good") {
				t.Errorf("a file name made a line of its own:\n%s", stderr)
			}
		})
	}
	_, out, _ := runApp(t, "list")
	if got := strings.Count(out, "\n"); got != 1+len(scripts.BuiltinNames())+len(hostile)+1 {
		t.Errorf("list printed %d lines, want one a session:\n%s", got, out)
	}
}
