package pulsetest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

// ReadyTimeout bounds how long Start waits for a new server to answer and
// to have a sink.
const ReadyTimeout = 10 * time.Second

// Server is a running private sound server.
type Server struct {
	Kind Kind
	// Address is the server string, "unix:" and the socket's path; Start
	// also sets PULSE_SERVER to it.
	Address string
	// Cookie is the file of the server's authentication cookie; Start also
	// sets PULSE_COOKIE to it.
	Cookie string
	// Sink is the name of the default sink, a null sink.
	Sink string
	// Bus is the address of the server's session bus, "" for PulseAudio,
	// which is started without one.
	Bus string

	dir   string
	env   []string
	log   syncBuffer
	bus   *process   // dbus-daemon (PipeWire only)
	base  []*process // pipewire and wireplumber (PipeWire only)
	pulse *process   // the process that serves the PulseAudio protocol
}

// Start starts a PulseAudio server for the test, as Start(t, PulseAudio).
func Start(t testing.TB) *Server { return StartKind(t, PulseAudio) }

// StartKind starts a private server of kind k, waits until it answers and
// has a sink, sets PULSE_SERVER and PULSE_COOKIE for the test (so the test
// must not be parallel) and stops the server at the test's cleanup.
func StartKind(t testing.TB, k Kind) *Server {
	t.Helper()
	need(t, k)
	dir, err := os.MkdirTemp(shortTempDir(), "fc"+string(k[:2]))
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Kind: k, dir: dir}
	t.Cleanup(s.stop)
	if err := s.start(); err != nil {
		t.Fatalf("%v\n%s", err, s.log.String())
	}
	t.Setenv("PULSE_SERVER", s.Address)
	t.Setenv("PULSE_COOKIE", s.Cookie)
	return s
}

// Each runs f in a subtest for each kind of server, with a new server.
func Each(t *testing.T, f func(t *testing.T, s *Server)) {
	t.Helper()
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) { f(t, StartKind(t, k)) })
	}
}

// need stops the test unless the server's programs are there: it skips
// the test on a desktop, and fails it in CI, which must test live playback
// on every kind of server.
func need(t testing.TB, k Kind) {
	t.Helper()
	names, pkgs := k.programs()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			testenv.Missing(t, fmt.Sprintf("%s (Debian: %s, to test live playback on %s)", name, pkgs, k))
			return
		}
	}
}

func (s *Server) start() error {
	s.Cookie = filepath.Join(s.dir, "config", "pulse", "cookie")
	s.Address = "unix:" + filepath.Join(s.dir, "run", "pulse", "native")
	if err := os.Mkdir(filepath.Join(s.dir, "run"), 0o700); err != nil {
		return fmt.Errorf("pulsetest: %w", err)
	}
	var err error
	if s.Kind == PipeWire {
		err = s.startPipeWire()
	} else {
		s.env = environment(s.dir, "disabled:")
		err = s.startPulse()
	}
	return err
}

// startPulse starts (or restarts) the process serving the PulseAudio
// protocol, and waits until it answers.
func (s *Server) startPulse() error {
	var err error
	if s.Kind == PipeWire {
		s.pulse, err = s.spawn("pipewire-pulse")
	} else {
		// As a desktop session starts it: default.pa, no idle exit.
		s.pulse, err = s.spawn("pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--log-target=stderr", "--log-level=error")
	}
	if err != nil {
		return err
	}
	if err := s.waitReady(ReadyTimeout); err != nil {
		return err
	}
	return s.quietSink()
}

// Kill stops the server at once (SIGKILL), as if the sound server crashed
// in the middle of a session, and waits until it has gone. For PipeWire
// it kills pipewire-pulse, the process clients talk to.
func (s *Server) Kill() { s.pulse.kill() }

// Restart starts the server again after Kill, at the same address.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.Kill()
	if err := s.startPulse(); err != nil {
		t.Fatalf("%v\n%s", err, s.log.String())
	}
}

// StopSessionManager stops WirePlumber, for PipeWire: the sink it made
// goes, no new stream is linked to one, and nothing plays.
func (s *Server) StopSessionManager() {
	if s.Kind == PipeWire {
		s.base[1].kill()
	}
}

// Exited reports whether the server process has ended.
func (s *Server) Exited() bool { return s.pulse.exited() }

// stop kills the server's processes and removes its folder.
func (s *Server) stop() {
	s.pulse.kill()
	for i := len(s.base) - 1; i >= 0; i-- {
		s.base[i].kill()
	}
	s.bus.kill()
	if err := os.RemoveAll(s.dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(os.Stderr, "pulsetest:", err)
	}
}

// shortTempDir returns the system's temporary folder, or /tmp when that
// would leave too little room for a socket's name (108 bytes at most).
func shortTempDir() string {
	if d := os.TempDir(); len(d) <= 64 {
		return d
	}
	return "/tmp"
}

// syncBuffer collects the servers' error output, for failure messages.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
