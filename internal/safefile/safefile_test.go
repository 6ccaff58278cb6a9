package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCommitPutsTheFileInPlace(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out.wav")
	f, err := Create(target, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatalf("target exists before Commit: %v", err)
	}
	f.WriteString("data")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort() // after Commit: nothing
	if got, _ := os.ReadFile(target); string(got) != "data" {
		t.Errorf("target holds %q", got)
	}
	assertOnly(t, filepath.Dir(target), "out.wav")
}

func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "out.wav"), false)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half")
	f.Abort()
	assertOnly(t, dir)
}

func TestExistingFileIsKept(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.wav")
	os.WriteFile(target, []byte("mine"), 0o644)
	if _, err := Create(target, false); !errors.Is(err, ErrExists) {
		t.Fatalf("Create over an existing file: err = %v, want ErrExists", err)
	}
	f, err := Create(target, true)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("new")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("with force, target holds %q", got)
	}
}

// A file that appears while we write is not replaced.
func TestRaceWithANewFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.wav")
	f, err := Create(target, false)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(target, []byte("theirs"), 0o644)
	f.WriteString("ours")
	if err := f.Commit(); !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "theirs" {
		t.Errorf("target holds %q, want it kept", got)
	}
	assertOnly(t, dir, "out.wav")
}

func TestUnwritableFolder(t *testing.T) {
	if _, err := Create(filepath.Join(t.TempDir(), "no", "such", "out.wav"), false); err == nil {
		t.Fatal("no error for a missing folder")
	}
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := Create(filepath.Join(dir, "out.wav"), false); err == nil {
		t.Fatal("no error for a read-only folder")
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("folder holds %q, want %q", got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("folder holds %q, want %q", got, names)
		}
	}
}

// WriteFileIn writes inside its root only: a link out of it is refused,
// and nothing appears where it points.
func TestWriteFileInStaysInside(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := WriteFileIn(root, "a.txt", []byte("data"), false); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(got) != "data" {
		t.Errorf("a.txt holds %q", got)
	}
	if err := WriteFileIn(root, "a.txt", []byte("new"), false); !errors.Is(err, ErrExists) {
		t.Errorf("without force over a.txt: %v, want ErrExists", err)
	}
	if err := WriteFileIn(root, filepath.Join("out", "b.txt"), []byte("x"), true); err == nil {
		t.Error("wrote through a link out of the root")
	}
	assertOnly(t, outside)
	assertOnly(t, dir, "a.txt", "out")
}

// CommitUnsynced puts the file in place as Commit does, only without
// waiting for the disk.
func TestCommitUnsynced(t *testing.T) {
	target := filepath.Join(t.TempDir(), "entry")
	f, err := Create(target, true)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("cached")
	if err := f.CommitUnsynced(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "cached" {
		t.Errorf("target holds %q", got)
	}
	assertOnly(t, filepath.Dir(target), "entry")
}
