package dbustest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The bus answers: dbus-send lists the names on it, the bus's own first.
func TestStart(t *testing.T) {
	addr := Start(t)
	cmd := exec.Command("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
		"/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames")
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), `"org.freedesktop.DBus"`) {
		t.Errorf("ListNames on %s: %v\n%s", addr, err, out)
	}
}
