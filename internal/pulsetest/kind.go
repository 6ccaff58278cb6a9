package pulsetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Kind is a kind of sound server.
type Kind string

// The kinds of server Start can run.
const (
	PulseAudio Kind = "pulseaudio"
	PipeWire   Kind = "pipewire"
)

// Kinds are all the kinds, in the order Each runs them.
var Kinds = []Kind{PulseAudio, PipeWire}

// programs returns the programs a kind of server needs, and the Debian
// packages they come in.
func (k Kind) programs() (names []string, packages string) {
	if k == PipeWire {
		return []string{"pipewire", "wireplumber", "pipewire-pulse", "dbus-daemon"}, "pipewire pipewire-pulse wireplumber dbus"
	}
	return []string{"pulseaudio"}, "pulseaudio"
}

// process is one program of a server, started with the server's
// environment; the kernel kills it if the test process dies first.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when it has exited
}

func (s *Server) spawn(name string, args ...string) (*process, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = s.dir
	cmd.Env = s.env
	cmd.Stderr = &s.log
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("pulsetest: start %s: %w", name, err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(p.done) }()
	return p, nil
}

// kill kills p and waits until it has gone.
func (p *process) kill() {
	if p != nil {
		p.cmd.Process.Kill()
		<-p.done
	}
}

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// environment gives the server a private home, configuration, state and
// runtime folder; bus is its session bus address.
func environment(dir, bus string) []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"XDG_RUNTIME_DIR=" + filepath.Join(dir, "run"),
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"DBUS_SESSION_BUS_ADDRESS=" + bus,
		"LANG=C",
	}
}

// waitFile waits until path exists or p exits.
func waitFile(path string, p *process, timeout time.Duration) error {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		if p.exited() {
			return fmt.Errorf("%s exited at start", filepath.Base(p.cmd.Path))
		}
	}
	return fmt.Errorf("%s did not appear within %v", path, timeout)
}
