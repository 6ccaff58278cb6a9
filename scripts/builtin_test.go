package scripts

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestBuiltinNames(t *testing.T) {
	got := BuiltinNames()
	want := []string{"demo", "lower-back"}
	if !slices.Equal(got, want) {
		t.Errorf("BuiltinNames: got %v, want %v", got, want)
	}
}

func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.yml")
	if err := os.WriteFile(path, []byte("title: Mine\nsteps: [{hold: 30s}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		arg       string
		wantTitle string
		wantFile  string
	}{
		{"demo", "Quick demo", "demo"},
		{"lower-back", "Lower back relief", "lower-back"},
		{path, "Mine", path},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.arg), func(t *testing.T) {
			s, err := Load(tc.arg)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if s.Title != tc.wantTitle || s.File != tc.wantFile {
				t.Errorf("Load: got title %q, file %q; want %q, %q", s.Title, s.File, tc.wantTitle, tc.wantFile)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		arg  string
		is   error
		want string
	}{
		{"lowerback", ErrUnknownSession,
			`unknown session "lowerback" (did you mean "lower-back"?; built-in: demo, lower-back; or a path to a .yaml file)`},
		{"stretches", ErrUnknownSession,
			`unknown session "stretches" (built-in: demo, lower-back; or a path to a .yaml file)`},
		{"no-such-file.yaml", fs.ErrNotExist,
			`no-such-file.yaml: no such file or directory`},
	}
	for _, tc := range tests {
		t.Run(tc.arg, func(t *testing.T) {
			_, err := Load(tc.arg)
			if err == nil || err.Error() != tc.want {
				t.Errorf("Load: got %v, want %s", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("Load: errors.Is(%v) is false", tc.is)
			}
		})
	}
	if _, err := Builtin("../builtin/demo"); !errors.Is(err, ErrUnknownSession) {
		t.Errorf("Builtin(../builtin/demo): got %v, want ErrUnknownSession", err)
	}
}
