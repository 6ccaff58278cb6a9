//go:build linux

package speaker

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/floorcoach/floorcoach/internal/pulsetest"
)

// With a cookie that is not the server's (another server's, in $HOME),
// the speaker gets in by its credentials, every time: it sends them with
// its first packets rather than counting on the server to ask the kernel
// for them before those arrive.
func TestWrongCookieUsesCredentials(t *testing.T) {
	pulsetest.Start(t)
	wrong := filepath.Join(t.TempDir(), "cookie")
	if err := os.WriteFile(wrong, make([]byte, 256), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PULSE_COOKIE", wrong)
	for i := range 20 {
		spk, err := Open(Options{})
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		spk.Close()
	}
}
