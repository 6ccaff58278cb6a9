package pulsetest

import (
	"bufio"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// startPipeWire starts a session bus, then pipewire, WirePlumber and
// pipewire-pulse on it, as a desktop session does.
//
// The bus runs in the foreground (--nofork rather than --fork), so that
// it dies with the test process however the test ends.
func (s *Server) startPipeWire() error {
	s.env = environment(s.dir, "")
	bus, addr, err := s.startBus()
	if err != nil {
		return err
	}
	s.bus, s.Bus = bus, addr
	s.env = environment(s.dir, addr)
	pw, err := s.spawn("pipewire")
	if err != nil {
		return err
	}
	s.base = append(s.base, pw)
	if err := waitFile(filepath.Join(s.dir, "run", "pipewire-0"), pw, ReadyTimeout); err != nil {
		return fmt.Errorf("pulsetest: pipewire: %w", err)
	}
	wp, err := s.spawn("wireplumber")
	if err != nil {
		return err
	}
	s.base = append(s.base, wp)
	return s.startPulse()
}

// startBus starts a private session bus and returns its address.
func (s *Server) startBus() (*process, string, error) {
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address")
	cmd.Dir, cmd.Env, cmd.Stderr = s.dir, s.env, &s.log
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", fmt.Errorf("pulsetest: dbus-daemon: %w", err)
	}
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("pulsetest: start dbus-daemon: %w", err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	line := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(l)
		cmd.Wait()
		close(p.done)
	}()
	select {
	case addr := <-line:
		if addr == "" {
			p.kill()
			return nil, "", fmt.Errorf("pulsetest: dbus-daemon printed no address")
		}
		return p, addr, nil
	case <-time.After(ReadyTimeout):
		p.kill()
		return nil, "", fmt.Errorf("pulsetest: dbus-daemon printed no address within %v", ReadyTimeout)
	}
}
