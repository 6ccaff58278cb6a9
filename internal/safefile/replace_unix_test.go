//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// commitWith replaces target with data, with force.
func commitWith(t *testing.T, target, data string) error {
	t.Helper()
	f, err := Create(target, true)
	if err != nil {
		return err
	}
	defer f.Abort()
	f.WriteString(data)
	return f.Commit()
}

// With force, only regular files are replaced, keeping their permissions
// and their other names; a symbolic link keeps pointing at the new data.
func TestForceReplacesOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.wav")
	syscall.Mkfifo(fifo, 0o644)
	os.Mkdir(filepath.Join(dir, "folder.wav"), 0o755)
	os.Symlink("/dev/null", filepath.Join(dir, "null.wav"))
	for _, target := range []string{"/dev/null", fifo, filepath.Join(dir, "folder.wav"), filepath.Join(dir, "null.wav")} {
		err := commitWith(t, target, "x")
		if !errors.Is(err, ErrNotRegular) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want a one-line ErrNotRegular", target, err)
		}
	}
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v", err)
	}
	if info, _ := os.Lstat(fifo); info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced")
	}

	mode := filepath.Join(dir, "mode.wav")
	os.WriteFile(mode, []byte("old"), 0o600)
	os.Chmod(mode, 0o640)
	if err := commitWith(t, mode, "new"); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(mode); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the old file's 0640", info.Mode().Perm())
	}

	linked, other := filepath.Join(dir, "linked.wav"), filepath.Join(dir, "other-name.wav")
	os.WriteFile(linked, []byte("old"), 0o644)
	os.Link(linked, other)
	if err := commitWith(t, linked, "new data"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(other); string(got) != "new data" {
		t.Errorf("the other hard link holds %q, want the new data", got)
	}

	real, link := filepath.Join(dir, "real.wav"), filepath.Join(dir, "link.wav")
	os.WriteFile(real, []byte("old"), 0o644)
	os.Symlink("real.wav", link)
	if err := commitWith(t, link, "via link"); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "via link" {
		t.Errorf("the file linked to holds %q", got)
	}
	assertOnly(t, dir, "folder.wav", "link.wav", "linked.wav", "mode.wav", "null.wav", "other-name.wav", "pipe.wav", "real.wav")
}

// A temporary file left by a writer that was killed is removed by the
// next writer of the same target; one a live writer holds is not, nor a
// file of the user's that looks alike.
func TestStalePartsRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".out.wav.123456.part")
	live := filepath.Join(dir, ".out.wav.777.part")
	mine := filepath.Join(dir, ".out.wav.notes.part")
	for _, p := range []string{stale, live, mine} {
		os.WriteFile(p, []byte("half"), 0o600)
	}
	held, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := unix.Flock(int(held.Fd()), unix.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	f, err := Create(filepath.Join(dir, "out.wav"), false)
	if err != nil {
		t.Fatal(err)
	}
	f.Abort()
	assertOnly(t, dir, ".out.wav.777.part", ".out.wav.notes.part")
}
