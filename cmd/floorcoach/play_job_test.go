//go:build !darwin && !windows

package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

// Job control: stopped by Ctrl-Z or by SIGTSTP from elsewhere, play gives
// the terminal back in cooked mode; after fg it takes single keys again.
// The shell is dash, which leaves the terminal's mode as the job left it.
func TestPlayJobControl(t *testing.T) {
	testenv.NeedTool(t, "dash", "pgrep")
	livePlay(t)
	script := tempFile(t, "s.yaml", strings.ReplaceAll(shortScript, "hold: 2s", "hold: 30s"))
	testPlan(t, script)
	for _, how := range []string{"ctrl-z", "sigtstp"} {
		t.Run(how, func(t *testing.T) {
			p := newTmuxPane(t, "env -i HOME=\"$HOME\" PATH=/usr/bin:/bin TERM=xterm PS1='$ ' dash -i")
			p.keys(fmt.Sprintf("PULSE_SERVER=%s PULSE_COOKIE=%s DBUS_SESSION_BUS_ADDRESS=disabled: %s play '%s'",
				os.Getenv("PULSE_SERVER"), os.Getenv("PULSE_COOKIE"), binary(t), script), "Enter")
			p.waitForWithin(`^1/2 Knee hug \| `, 15*time.Second) // the sound server starts first
			if how == "ctrl-z" {
				p.keys("C-z")
			} else {
				syscall.Kill(p.child(), syscall.SIGTSTP)
			}
			p.waitFor(`Stopped`)
			p.keys("stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo | tr '\\n' ' '; echo", "Enter")
			p.waitFor(`^icanon echo ?$`)
			p.keys("fg", "Enter")
			p.waitFor(`^1/2 Knee hug \| `)
			p.keys("n") // no Enter: only a terminal in raw mode passes it on at once
			p.waitFor(`^2/2 Pelvic tilt \| `)
			p.keys("q")
			p.waitFor(`^Stopped at step 2 of 2`)
		})
	}
}

// child returns the process id of the shell's one child, the command it
// runs.
func (p *tmuxPane) child() int {
	p.t.Helper()
	shell := strings.TrimSpace(p.tmux("list-panes", "-t", "play", "-F", "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", shell).Output()
	pid, perr := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil || perr != nil {
		p.t.Fatalf("pgrep -P %s: %q, %v", shell, out, err)
	}
	return pid
}
