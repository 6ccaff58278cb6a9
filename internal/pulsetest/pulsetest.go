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
	"github.com/jfreymuth/pulse"
)

// ReadyTimeout bounds how long Start waits for a new server to answer.
const ReadyTimeout = 5 * time.Second

// Sink is the name of the server's only sink, a null sink.
const Sink = "floorcoach_test"

// Server is a running private PulseAudio server.
type Server struct {
	// Address is the server string, "unix:" and the socket's path; Start
	// also sets PULSE_SERVER to it.
	Address string

	cmd    *exec.Cmd
	keep   *pulse.Client // holds the keep-awake stream
	dir    string
	stderr *bytes.Buffer
	done   chan struct{} // closed when the process has exited
	once   sync.Once
}

// Start starts a private server, waits until it answers, sets PULSE_SERVER
// for the test (so the test must not be parallel) and stops the server at
// the test's cleanup.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := exec.LookPath("pulseaudio")
	if err != nil {
		testenv.Missing(t, "pulseaudio (Debian's pulseaudio package, to test live playback)")
	}
	s, err := start(bin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.stop)
	t.Setenv("PULSE_SERVER", s.Address)
	if err := s.waitReady(ReadyTimeout); err != nil {
		t.Fatal(err)
	}
	if err := s.wake(); err != nil {
		t.Fatal(err)
	}
	return s
}

// start runs the server in a new private folder. The folder is made under
// the system's temporary folder, not t.TempDir, because a unix socket's path
// must stay under 108 bytes and test names can be long.
func start(bin string) (*Server, error) {
	dir, err := os.MkdirTemp(shortTempDir(), "pa")
	if err != nil {
		return nil, fmt.Errorf("pulsetest: %w", err)
	}
	sock := filepath.Join(dir, "native")
	s := &Server{Address: "unix:" + sock, dir: dir, stderr: new(bytes.Buffer), done: make(chan struct{})}
	s.cmd = exec.Command(bin,
		"--daemonize=no", "--system=no", "--use-pid-file=no",
		"--exit-idle-time=-1", "--disallow-exit", "-n",
		"--realtime=yes", "--high-priority=yes",
		"--log-target=stderr", "--log-level=error",
		"--load=module-null-sink sink_name="+Sink+" format=s16le rate=44100 channels=2",
		"--load=module-native-protocol-unix auth-anonymous=1 socket="+sock,
	)
	s.cmd.Dir = dir
	s.cmd.Env = serverEnv(dir)
	s.cmd.Stderr = s.stderr
	dieWithParent(s.cmd)
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pulsetest: start pulseaudio: %w", err)
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	return s, nil
}

// serverEnv gives the server a private home and runtime folder, and no
// session bus, so it neither reads nor writes the user's settings.
func serverEnv(dir string) []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"XDG_RUNTIME_DIR=" + dir,
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"DBUS_SESSION_BUS_ADDRESS=disabled:",
		"LANG=C",
	}
}

// shortTempDir returns the system's temporary folder, or /tmp when that
// would leave too little room for a socket's name.
func shortTempDir() string {
	if d := os.TempDir(); len(d) <= 64 {
		return d
	}
	return "/tmp"
}

// waitReady polls the socket until the server answers a client's handshake.
func (s *Server) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		select {
		case <-s.done:
			return fmt.Errorf("pulsetest: pulseaudio exited at start: %v: %s", s.cmd.ProcessState, s.stderr.String())
		default:
		}
		c, err := pulse.NewClient(pulse.ClientServerString(s.Address))
		if err == nil {
			c.Close()
			return nil
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("pulsetest: pulseaudio did not answer at %s within %v: %v", s.Address, timeout, last)
}

// Kill stops the server at once (SIGKILL), as if the sound server crashed in
// the middle of a session, and waits until the process has gone.
func (s *Server) Kill() {
	s.once.Do(func() {
		if s.keep != nil {
			s.keep.Close()
		}
		s.cmd.Process.Kill()
		<-s.done
	})
}

// Exited reports whether the server process has ended.
func (s *Server) Exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// stop kills the server and removes its folder.
func (s *Server) stop() {
	s.Kill()
	if err := os.RemoveAll(s.dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(os.Stderr, "pulsetest:", err)
	}
}
