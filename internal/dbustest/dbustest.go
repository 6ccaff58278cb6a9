package dbustest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
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

// Start runs a private dbus-daemon until the test ends and returns its
// address.
func Start(t testing.TB) string {
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

func readAddress(t testing.TB, out io.Reader, stderr *bytes.Buffer) string {
	t.Helper()
	line := make(chan string, 1)
	go func() {
		first := bufio.NewScanner(out)
		first.Scan()
		line <- first.Text()
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
