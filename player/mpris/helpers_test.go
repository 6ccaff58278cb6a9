package mpris_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/player/mpris"
)

// dbusSend runs dbus-send against the player named dest on the bus at addr,
// as a desktop would, and returns what it printed.
func dbusSend(t *testing.T, addr, dest string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	args = append([]string{"--session", "--print-reply", "--dest=" + dest, mpris.ObjectPath}, args...)
	cmd := exec.CommandContext(ctx, "dbus-send", args...)
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// start starts a server for the test and closes it when the test ends.
func start(t *testing.T, c mpris.Controls, opts ...mpris.Option) *mpris.Server {
	t.Helper()
	s, err := mpris.Start(c, opts...)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fakeControls records the calls it gets.
type fakeControls struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeControls) record(call string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
}

// take returns the calls so far and forgets them.
func (f *fakeControls) take() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	calls := slices.Clone(f.calls)
	f.calls = nil
	return calls
}

func (f *fakeControls) PlayPause() { f.record("PlayPause") }
func (f *fakeControls) Play()      { f.record("Play") }
func (f *fakeControls) Pause()     { f.record("Pause") }
func (f *fakeControls) Next()      { f.record("Next") }
func (f *fakeControls) Previous()  { f.record("Previous") }
func (f *fakeControls) Stop()      { f.record("Stop") }

// volumeControls also lets the desktop set the volume.
type volumeControls struct{ fakeControls }

func (v *volumeControls) SetVolume(vol float64) { v.record(fmt.Sprintf("SetVolume %g", vol)) }
