package scripts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLibrary(t *testing.T) {
	cfg, extra := t.TempDir(), t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("FLOORCOACH_PATH", extra+string(os.PathListSeparator)+filepath.Join(extra, "missing"))
	mine := filepath.Join(cfg, "floorcoach", "sessions")
	os.MkdirAll(mine, 0o755)
	script := "title: %s\nsteps:\n  - {name: A, hold: 5s}\n"
	for path, title := range map[string]string{
		filepath.Join(mine, "hips.yaml"):        "Mine",
		filepath.Join(extra, "hips.yml"):        "Shadowed",
		filepath.Join(extra, "shoulders.yml"):   "Extra",
		filepath.Join(extra, "lower-back.yaml"): "Not the built-in",
		filepath.Join(extra, "notes.txt"):       "not a script",
	} {
		os.WriteFile(path, []byte(strings.ReplaceAll(script, "%s", title)), 0o644)
	}
	var got []string
	for _, e := range Library() {
		got = append(got, e.Name)
	}
	if want := "demo lower-back hips shoulders"; strings.Join(got, " ") != want {
		t.Errorf("Library() = %q, want %q", got, want)
	}
	for name, title := range map[string]string{"hips": "Mine", "shoulders": "Extra", "lower-back": "Lower back relief"} {
		s, err := Load(name)
		if err != nil || s.Title != title {
			t.Errorf("Load(%q) = %v, %v; want title %q", name, s, err, title)
		}
	}
	_, err := Load("shoulder")
	if !errors.Is(err, ErrUnknownSession) || !strings.Contains(err.Error(), `did you mean "shoulders"?`) ||
		!strings.Contains(err.Error(), "and 2 of yours") {
		t.Errorf("Load(shoulder) error = %v", err)
	}
}
