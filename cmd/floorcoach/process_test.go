package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds floorcoach once for the tests that need a real process.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "floorcoach-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "floorcoach")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			t.Logf("%s", out)
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

// Ctrl-C during an export leaves the folder as it was.
func TestExportInterrupted(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(binary(t), "export", "lower-back", "-o", filepath.Join(dir, "back.flac"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt it once it writes: its temporary file is in dir.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no file being written after 20 s; stderr %q", stderr.String())
		}
	}
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if err == nil {
		t.Fatal("export went on to succeed; the interrupt came too late to test anything")
	}
	if !strings.Contains(stderr.String(), "interrupted; nothing was written") {
		t.Errorf("stderr %q", stderr.String())
	}
	if strings.Contains(stderr.String(), "goroutine") {
		t.Errorf("stack trace on stderr")
	}
	assertEmpty(t, dir)
}

// A full disk gives a clear error that names the file, and no partial file.
func TestExportDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tiny file system needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()
	target := filepath.Join(dir, "back.wav")
	out, err := exec.Command(binary(t), "export", "demo", "-o", target).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFail {
		t.Fatalf("err = %v, want exit status 1", err)
	}
	if want := "floorcoach: " + target + ": no space left on device\n"; string(out) != want {
		t.Errorf("stderr %q, want %q", out, want)
	}
	assertEmpty(t, dir)
}

// An unwritable folder is a one-line error, and nothing is written.
func TestExportUnwritableFolder(t *testing.T) {
	code, _, stderr := runApp(t, "export", "demo", "-o", filepath.Join(t.TempDir(), "no-such-dir", "x.wav"))
	if code != exitFail || !strings.Contains(stderr, `no such folder`) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

// On a terminal a long export shows a progress bar with the time left;
// when stderr is not a terminal it shows none.
func TestExportProgress(t *testing.T) {
	testenv.NeedTool(t, "script")
	dir := t.TempDir()
	out := filepath.Join(dir, "back.flac") // over a second of work
	tty, err := exec.Command("script", "-qfec", binary(t)+" export lower-back -o "+out, "/dev/null").Output()
	if err != nil {
		t.Fatalf("export on a terminal: %v\n%s", err, tty)
	}
	if !strings.Contains(string(tty), "exporting") || !strings.Contains(string(tty), "%") {
		t.Errorf("no progress bar on a terminal:\n%q", tail(string(tty), 300))
	}
	var stderr strings.Builder
	cmd := exec.Command(binary(t), "export", "lower-back", "-o", out, "--force")
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	if got := stderr.String(); strings.Contains(got, "exporting") || strings.Count(got, "\n") != 1 {
		t.Errorf("not a terminal: stderr %q, want only the one line saying what was written", got)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
