//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mkfifo makes a named pipe, which no one writes to: reading it would
// wait for ever.
func mkfifo(t *testing.T, path string) string {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Only regular files are read: a named pipe where a script, a library
// folder or file, a voice.yaml, a clip or a recording should be is an
// error, or passed over, at once.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	script := tempFile(t, "s.yaml", "title: T\nsteps:\n  - say: Breathe in.\n")
	fifoScript := mkfifo(t, filepath.Join(dir, "pipe.yaml"))
	lib := filepath.Join(dir, "lib")
	mkfifo(t, filepath.Join(lib, "piped.yaml"))
	fifoDir := mkfifo(t, filepath.Join(dir, "libpipe"))
	packYAML := filepath.Join(dir, "pack1")
	mkfifo(t, filepath.Join(packYAML, "voice.yaml"))
	packClip := filepath.Join(dir, "pack2")
	os.MkdirAll(packClip, 0o755)
	os.WriteFile(filepath.Join(packClip, "voice.yaml"), []byte("name: p\nclips: {\"Breathe in.\": in.wav}\n"), 0o644)
	mkfifo(t, filepath.Join(packClip, "in.wav"))
	recs := filepath.Join(dir, "recs")
	mkfifo(t, filepath.Join(recs, "01-t.wav"))
	env := []string{"XDG_DATA_HOME=" + filepath.Join(dir, "data"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"FLOORCOACH_CACHE=" + filepath.Join(dir, "cache")}

	cases := []struct {
		name string
		env  []string
		args []string
		want string // "" for success
	}{
		{"check a pipe", nil, []string{"check", fifoScript}, "pipe.yaml: not a regular file"},
		{"show a pipe", nil, []string{"show", fifoScript}, "pipe.yaml: not a regular file"},
		{"check a folder", nil, []string{"check", dir}, "a folder, not a script"},
		{"list past a pipe", []string{"FLOORCOACH_PATH=" + lib + ":" + fifoDir}, []string{"list"}, ""},
		{"voice.yaml a pipe", nil, []string{"check", script, "--voice", packYAML}, "voice.yaml: not a regular file (a named pipe)"},
		{"clip a pipe", nil, []string{"check", script, "--voice", packClip}, "in.wav: not a regular file (a named pipe)"},
		{"export with a clip a pipe", nil, []string{"export", script, "--voice", packClip, "-o", filepath.Join(dir, "o.wav")}, "in.wav: not a regular file"},
		{"recording a pipe", nil, []string{"clips", "add", script, recs, "--into", filepath.Join(dir, "mine")}, "01-t.wav: not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runHostile(t, 300, append(env, c.env...), c.args...)
			if c.want == "" {
				if r.code != 0 || strings.Contains(r.stdout, "piped") {
					t.Errorf("exit %d, stdout %q, stderr %q; want success, the pipe passed over", r.code, r.stdout, r.stderr)
				}
				return
			}
			if r.code == 0 || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want a failure saying %q", r.code, r.stderr, c.want)
			}
		})
	}
}
