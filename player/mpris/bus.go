package mpris

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// connectTimeout bounds joining the bus and claiming a name, so a dead or
// silent bus costs the caller at most this long.
const connectTimeout = time.Second

// sessionAddress finds the session bus the way libdbus does, minus
// autolaunch: $DBUS_SESSION_BUS_ADDRESS, else the socket at
// $XDG_RUNTIME_DIR/bus. Autolaunching would spawn dbus-launch, which may
// print, start an X11 helper or hang; a player without a bus just goes on.
func sessionAddress() (string, error) {
	addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if addr != "" && !strings.HasPrefix(addr, "autolaunch:") {
		return addr, nil
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return "", fmt.Errorf("%w: DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR are unset", ErrNoBus)
	}
	sock := filepath.Join(dir, "bus")
	if fi, err := os.Stat(sock); err != nil || fi.Mode()&os.ModeSocket == 0 {
		return "", fmt.Errorf("%w: DBUS_SESSION_BUS_ADDRESS is unset and %s is not a socket", ErrNoBus, sock)
	}
	return "unix:path=" + sock, nil
}

// connect opens an authenticated connection to addr within timeout. The
// returned cancel function ends the connection; call it after Close.
func connect(addr string, timeout time.Duration) (*dbus.Conn, context.CancelFunc, error) {
	// The connection lives in ctx: cancelling it closes the socket, which
	// also ends a handshake that the bus never answers.
	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		conn *dbus.Conn
		err  error
	}
	done := make(chan result, 1)
	go func() {
		conn, err := dbus.Connect(addr, dbus.WithContext(ctx))
		done <- result{conn, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			cancel()
			return nil, nil, fmt.Errorf("%w: connect to %s: %w", ErrNoBus, addr, r.err)
		}
		return r.conn, cancel, nil
	case <-timer.C:
		cancel()
		return nil, nil, fmt.Errorf("%w: %s did not answer within %v", ErrNoBus, addr, timeout)
	}
}

// requestName claims BusName, or its per-process instance name when another
// player already has it, as the MPRIS specification suggests.
func requestName(ctx context.Context, conn *dbus.Conn) (string, error) {
	names := []string{BusName, fmt.Sprintf("%s.instance%d", BusName, os.Getpid())}
	for _, name := range names {
		var reply uint32
		err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.RequestName", 0,
			name, uint32(dbus.NameFlagDoNotQueue)).Store(&reply)
		if err != nil {
			return "", fmt.Errorf("mpris: request bus name %s: %w", name, err)
		}
		switch dbus.RequestNameReply(reply) {
		case dbus.RequestNameReplyPrimaryOwner, dbus.RequestNameReplyAlreadyOwner:
			return name, nil
		}
	}
	return "", fmt.Errorf("mpris: bus names %s are taken", strings.Join(names, " and "))
}
