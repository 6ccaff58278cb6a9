//go:build !darwin && !windows

package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/player"
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
	return p.waitForWithin(re, 3*time.Second)
}

// waitForWithin is waitFor, waiting up to limit.
func (p *tmuxPane) waitForWithin(re string, limit time.Duration) string {
	p.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(limit)
	for {
		lines := p.screen()
		for _, l := range lines {
			if rx.MatchString(l) {
				return l
			}
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("no line matches %q within %v; the screen:\n%s", re, limit, strings.Join(lines, "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// thenStty ends a pane's command: it prints the command's exit status,
// then whether the terminal is in canonical mode and echoes, as stty says
// (icanon or -icanon, echo or -echo, a line each), and keeps the pane open.
const thenStty = "; echo exit=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo; sleep 60"

// wantRestored waits for a command ended by thenStty to exit with status
// 0, and fails the test unless the terminal is back in canonical mode
// with echo, as it was. It returns the screen then.
func (p *tmuxPane) wantRestored() []string {
	p.t.Helper()
	p.waitFor(`^exit=0$`)
	p.waitFor(`^-?echo$`) // stty's last word
	screen := p.screen()
	if !slices.Contains(screen, "icanon") || !slices.Contains(screen, "echo") {
		p.t.Errorf("the terminal was not restored (want icanon and echo from stty):\n%s", strings.Join(screen, "\n"))
	}
	return screen
}

// sidedScript is shortScript with its first step done on each side.
const sidedScript = `title: Quick demo
defaults: {ready: 0s, rest: 0s, remind: []}
steps:
  - name: Knee hug
    hold: 2s
    sides: [right, left]
  - name: Pelvic tilt
    hold: 2s
`

// Keys on a terminal: s goes to the other side, n skips a step, space
// pauses and holds the place, - lowers the volume, p twice goes back a
// step, q stops with a summary and how to go on, and the terminal is as it
// was afterwards.
func TestPlayKeysInTerminal(t *testing.T) {
	livePlay(t)
	script := tempFile(t, "s.yaml", sidedScript)
	testPlan(t, script)
	command := fmt.Sprintf("PULSE_SERVER=%s DBUS_SESSION_BUS_ADDRESS=disabled: %s play '%s'",
		os.Getenv("PULSE_SERVER"), binary(t), script) + thenStty
	p := newTmuxPane(t, command)
	p.waitFor(`^Keys: space pause`)
	p.waitForWithin(`^1/2 Knee hug \| right \| .* left \| next: Pelvic tilt$`, 6*time.Second)
	p.keys("s")
	p.waitFor(`^1/2 Knee hug \| left \| `)
	p.waitFor(`^Left side\.$`)
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
	p.waitFor(`^Stopped at step 1 of 2 \(Knee hug\) after 0:\d\d\.$`)
	p.waitFor(`^To go on: floorcoach play ` + regexp.QuoteMeta(script) + ` --from 1$`)
	screen := p.wantRestored()
	// The lines spoken, each as heard: Pelvic tilt again when p restarted it.
	want := "Quick demo|Knee hug|Right side.|Switch sides.|Left side.|Pelvic tilt|Pelvic tilt|Knee hug"
	if got := strings.Join(screen[1:len(screen)-5], "|"); got != want {
		t.Errorf("spoken lines on the screen: %q, want %q", got, want)
	}
}

// How we know pausing is right where users are: on each server, a 3 s
// pause by the space key on a terminal adds 3 s (± 0.5 s) to a session.
func TestPlayPauseInTerminal(t *testing.T) {
	testenv.NeedTool(t, "tmux")
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		script := tempFile(t, "s.yaml", shortScript)
		tl := testPlan(t, script).timeline
		pulsetest.Retry(t, 2, func(j *pulsetest.Judge) { pauseInTerminal(t, j, srv, script, tl) })
	})
}

func pauseInTerminal(t *testing.T, j *pulsetest.Judge, srv *pulsetest.Server, script string, tl *player.Timeline) {
	command := fmt.Sprintf("PULSE_SERVER=%s DBUS_SESSION_BUS_ADDRESS=disabled: sh -c "+
		"'start=$(date +%%s%%N); %s play %s; echo took=$(( ($(date +%%s%%N) - start) / 1000000 ))'; sleep 60",
		srv.Address, binary(t), script)
	p := newTmuxPane(t, command)
	p.waitForWithin(`^1/2 Knee hug \| `, 6*time.Second)
	p.keys("Space")
	p.waitFor(`^paused \| `)
	time.Sleep(3 * time.Second)
	p.keys("Space")
	line := p.waitForWithin(`^took=\d+$`, audio.Duration(tl.Length)+5*time.Second)
	ms, _ := strconv.Atoi(strings.TrimPrefix(line, "took="))
	added := time.Duration(ms)*time.Millisecond - audio.Duration(tl.Length)
	t.Logf("%s: a 3 s pause added %v to a %v session, start-up included", srv.Kind, added, audio.Duration(tl.Length))
	if added < 2500*time.Millisecond || added > 3500*time.Millisecond {
		j.Errorf("a 3 s pause added %v, want 3 s ± 0.5 s", added)
	}
}
