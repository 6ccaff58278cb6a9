//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Output files: every target is checked before anything is written, only
// regular files are replaced (keeping their mode and other names), and a
// signal leaves nothing behind.
func TestExportTargets(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), mode)
		os.Chmod(p, mode)
		return p
	}
	vtt := write("a.vtt", "my captions", 0o644)
	sameVTT := write("s.vtt", "mine", 0o644)
	fifo := filepath.Join(dir, "pipe.wav")
	syscall.Mkfifo(fifo, 0o644)
	null := filepath.Join(dir, "null.wav")
	os.Symlink("/dev/null", null)
	mode := write("mode.wav", "old", 0o640)
	linked := write("linked.wav", "old", 0o644)
	os.Link(linked, filepath.Join(dir, "linked-too.wav"))

	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"captions beside an existing .vtt", []string{"-o", filepath.Join(dir, "a.wav"), "--captions"}, 1, "a.vtt: already exists"},
		{"captions over the audio", []string{"-o", sameVTT, "--captions", "--force", "-f", "wav"}, 2, "would be the same file"},
		{"a pipe", []string{"-o", fifo, "--force"}, 1, "pipe.wav: not a regular file (a named pipe)"},
		{"a link to a device", []string{"-o", null, "--force"}, 1, "null.wav: not a regular file (a character device)"},
		{"keeps the mode", []string{"-o", mode, "--force"}, 0, ""},
		{"keeps hard links", []string{"-o", linked, "--force"}, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runHostile(t, 300, nil, append([]string{"export", "demo", "-q"}, c.args...)...)
			if r.code != c.code || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q", r.code, r.stderr, c.code, c.want)
			}
		})
	}
	if got, _ := os.ReadFile(vtt); string(got) != "my captions" {
		t.Errorf("the existing captions were changed")
	}
	if got, _ := os.ReadFile(sameVTT); string(got) != "mine" {
		t.Errorf("the .vtt named as the audio was changed")
	}
	if info, _ := os.Stat(mode); info.Mode().Perm() != 0o640 || info.Size() < 1000 {
		t.Errorf("replaced file: mode %v, size %d; want 0640 and the export", info.Mode().Perm(), info.Size())
	}
	if a, b := fileSize(linked), fileSize(filepath.Join(dir, "linked-too.wav")); a < 1000 || a != b {
		t.Errorf("hard links: %d and %d bytes, want both the export", a, b)
	}
	for _, name := range []string{"a.wav", "a.vtt.part"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s was written", name)
		}
	}
	assertNoParts(t, dir)
}

func fileSize(p string) int64 {
	info, err := os.Stat(p)
	if err != nil {
		return -1
	}
	return info.Size()
}

// assertNoParts fails if a temporary file is left in dir.
func assertNoParts(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".part") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// A closed terminal (SIGHUP) stops an export as Ctrl-C does: nothing is
// left. A killed export's temporary file is removed by the next export of
// the same file.
func TestExportSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "back.flac")
			cmd := exec.Command(binary(t), "export", "lower-back", "-o", target, "--level", "full")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitForPart(t, dir)
			cmd.Process.Signal(sig)
			if err := cmd.Wait(); err == nil {
				t.Fatal("export went on to succeed; the signal came too late to test anything")
			}
			if sig == syscall.SIGHUP {
				if !strings.Contains(stderr.String(), "interrupted; nothing was written") {
					t.Errorf("stderr %q", stderr.String())
				}
				assertEmpty(t, dir)
				return
			}
			if r := runHostile(t, 300, nil, "export", "demo", "-o", target, "-q"); r.code != 0 {
				t.Fatalf("the next export: exit %d, %s", r.code, r.stderr)
			}
			assertNoParts(t, dir)
		})
	}
}

// waitForPart waits until an export has its temporary file in dir.
func waitForPart(t *testing.T, dir string) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if parts, _ := filepath.Glob(filepath.Join(dir, ".*.part")); len(parts) > 0 {
			return
		}
	}
	t.Fatal("no temporary file within 15 s")
}
