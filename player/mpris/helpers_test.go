package mpris_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/player/mpris"
)

// busConfig is a dbus-daemon configuration for a private session bus on
// which any client may own any name and call anything.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// startBus runs a private dbus-daemon until the test ends and returns its
// address.
func startBus(t *testing.T) string {
	t.Helper()
	testenv.NeedTool(t, "dbus-daemon")
	testenv.NeedTool(t, "dbus-send")
	// A short folder: unix socket paths are limited to 108 bytes.
	dir, err := os.MkdirTemp("", "fcbus")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	conf := filepath.Join(dir, "bus.conf")
	text := fmt.Sprintf(busConfig, filepath.Join(dir, "socket"))
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dbus-daemon", "--config-file="+conf, "--nofork", "--print-address")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dbus-daemon: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return readAddress(t, out, &stderr)
}

func readAddress(t *testing.T, out io.Reader, stderr *bytes.Buffer) string {
	t.Helper()
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case addr := <-line:
		if addr == "" {
			t.Fatalf("dbus-daemon printed no address; stderr: %s", stderr)
		}
		return addr
	case <-time.After(5 * time.Second):
		t.Fatal("dbus-daemon printed no address within 5 s")
	}
	return ""
}

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
