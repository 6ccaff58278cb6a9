//go:build unix

package music

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe given as music, or linked into a folder of music, is an
// error naming it at once, not a wait for ever.
func TestMusicNamedPipe(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.mp3")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "music")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(pipe, filepath.Join(folder, "a.mp3")); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{pipe, folder} {
		done := make(chan error, 1)
		go func() {
			tracks, err := Find(path)
			for _, tr := range tracks {
				if err == nil {
					_, err = OpenTrack(tr)
				}
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
				t.Errorf("%s: %v, want an error: not a regular file (a named pipe)", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still waiting after 5 s", path)
		}
	}
}
