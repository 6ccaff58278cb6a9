//go:build unix

package pack

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// A cache entry that is a named pipe is passed over, not waited on, and
// replaced by the decoded clip.
func TestCacheEntryPipe(t *testing.T) {
	const text = "Sine 22k"
	t.Setenv("FLOORCOACH_CACHE", t.TempDir())
	v := testVoice(t, "pack")
	file := entry(t, v, text)
	if err := os.MkdirAll(v.cache.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(file, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := v.Sound(text)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Sound waited on a cache entry that is a named pipe")
	}
	if info, err := os.Stat(file); err != nil || !info.Mode().IsRegular() {
		t.Errorf("the pipe was not replaced by the entry: %v, %v", info, err)
	}
}
