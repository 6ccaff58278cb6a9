//go:build unix

package config

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A settings file that is a named pipe or a folder is an error at once,
// not a wait for ever.
func TestLoadSpecialFiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(path string) error
		want string
	}{
		{"a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file (a named pipe)"},
		{"a folder", func(p string) error { return os.Mkdir(p, 0o755) }, "not a regular file (a folder)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			path, _ := Path()
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := tc.make(path); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { _, err := Load(); done <- err }()
			select {
			case err := <-done:
				if want := "config: " + path + " is not a settings file: " + tc.want; err == nil || err.Error() != want {
					t.Errorf("Load: %v, want %q", err, want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Load still waits after 5 s")
			}
		})
	}
}
