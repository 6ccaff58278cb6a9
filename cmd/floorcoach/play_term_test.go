//go:build !darwin && !windows

package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

// tmuxPane runs a command in a pseudo-terminal of its own (a detached tmux
// session on a private tmux server) and lets a test type into it and read
// its screen.
type tmuxPane struct {
	t      *testing.T
	socket string
}

// tmuxServers counts the tmux servers started, to give each its own socket.
var tmuxServers atomic.Int32

func newTmuxPane(t *testing.T, command string) *tmuxPane {
	t.Helper()
	testenv.NeedTool(t, "tmux")
	p := &tmuxPane{t: t, socket: fmt.Sprintf("fctest%d-%d", os.Getpid(), tmuxServers.Add(1))}
	p.tmux("new-session", "-d", "-s", "play", "-x", "120", "-y", "20", command)
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	return p
}

func (p *tmuxPane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys types keys, as tmux send-keys names them.
func (p *tmuxPane) keys(keys ...string) {
	p.tmux(append([]string{"send-keys", "-t", "play"}, keys...)...)
}

// screen returns the pane's lines, without the blank ones.
func (p *tmuxPane) screen() []string {
	lines := strings.Split(p.tmux("capture-pane", "-p", "-t", "play"), "\n")
	return slices.DeleteFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "" })
}

// waitFor waits until a line of the screen matches re, and returns it.
func (p *tmuxPane) waitFor(re string) string {
	p.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(3 * time.Second)
	for {
		lines := p.screen()
		for _, l := range lines {
			if rx.MatchString(l) {
				return l
			}
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("no line matches %q within 3 s; the screen:\n%s", re, strings.Join(lines, "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Keys on a terminal: n skips a step, space pauses and holds the place, -
// lowers the volume, p twice goes back a step, q stops with a summary, and
// the terminal is as it was afterwards.
func TestPlayKeysInTerminal(t *testing.T) {
	livePlay(t)
	script := tempFile(t, "s.yaml", shortScript)
	testPlan(t, script)
	command := fmt.Sprintf("PULSE_SERVER=%s DBUS_SESSION_BUS_ADDRESS=disabled: %s play '%s'; echo exit=$?; "+
		"stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo; sleep 60",
		os.Getenv("PULSE_SERVER"), binary(t), script)
	p := newTmuxPane(t, command)
	p.waitFor(`^Keys: space pause`)
	p.waitFor(`^1/2 Knee hug \| .* left \| next: Pelvic tilt$`)
	p.keys("n")
	p.waitFor(`^2/2 Pelvic tilt \| `)
	p.keys("Space")
	paused := p.waitFor(`^paused \| 2/2 Pelvic tilt \| `)
	time.Sleep(1200 * time.Millisecond)
	if now := p.waitFor(`^paused \|`); now != paused {
		t.Errorf("while paused the status went from %q to %q", paused, now)
	}
	p.keys("Space")
	p.waitFor(`^2/2 Pelvic tilt \| `)
	p.keys("-")
	p.waitFor(`^2/2 Pelvic tilt \| .* \| vol 90%$`)
	p.keys("p", "p") // restart, and at once again: the previous step
	p.waitFor(`^1/2 Knee hug \| `)
	p.keys("q")
	p.waitFor(`^Stopped at step 1 of 2 \(Knee hug\) after 0:0\d\.$`)
	p.waitFor(`^exit=0$`)
	p.waitFor(`^-?echo$`) // stty's last word
	screen := p.screen()
	if !slices.Contains(screen, "icanon") || !slices.Contains(screen, "echo") {
		t.Errorf("the terminal was not restored (want icanon and echo from stty):\n%s", strings.Join(screen, "\n"))
	}
	// The lines spoken, each as heard: Pelvic tilt again when p restarted it.
	if got := strings.Join(screen[1:len(screen)-4], "|"); got != "Quick demo|Knee hug|Pelvic tilt|Pelvic tilt|Knee hug" {
		t.Errorf("spoken lines on the screen: %q", got)
	}
}
