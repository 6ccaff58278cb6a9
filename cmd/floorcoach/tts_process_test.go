//go:build linux

package main

import (
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

// clips make with hostile TTS commands: it ends in time, Ctrl-C stops it
// at once, and no process the commands started outlives it.
func TestClipsMakeHostileCommands(t *testing.T) {
	script := clipsSetup(t) // its XDG_DATA_HOME is in the environment the commands get
	for _, tc := range []struct{ name, tts, want, word string }{
		{"out is a pipe", "rm -f {out}; mkfifo {out}", "what it made of {out} is not a regular file", ""},
		{"setsid child", "setsid sleep 81.37 & exit 3", "failed: exit status 3", "81.37"},
		{"setsid child, cleared environment", "setsid env -i sleep 81.41 & exit 3", "failed: exit status 3", "81.41"},
		{"floods stdout", "yes", "wrote more than 32 MiB to its standard output", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runHostile(t, 300, nil, "clips", "make", script, "--tts", tc.tts, "--into", testenv.TempPath(t, "p"), "--timeout", "3s")
			if r.code != exitFail || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 1 saying %q", r.code, r.stderr, tc.want)
			}
			if tc.word != "" {
				if left := testenv.Processes(tc.word); len(left) > 0 {
					t.Errorf("left running: %q", left)
				}
			}
		})
	}
	t.Run("ctrl-c", func(t *testing.T) {
		cmd := exec.Command(binary(t), "clips", "make", script, "--tts", "setsid sleep 81.53 & sleep 81.59", "--into", testenv.TempPath(t, "p"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(10 * time.Second); len(testenv.Processes("81.59")) == 0; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the command never started")
			}
		}
		start := time.Now()
		cmd.Process.Signal(syscall.SIGINT)
		cmd.Wait()
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("took %v to stop after Ctrl-C", took)
		}
		if left := testenv.Processes("81.53", "81.59"); len(left) > 0 {
			t.Errorf("left running: %q", left)
		}
	})
}

// Two clips make into one pack at once: both succeed, and the pack ends
// with every line of both scripts.
func TestClipsMakeAtOnce(t *testing.T) {
	clipsSetup(t)
	wav, _ := fakeTTS(t)
	pack := testenv.TempPath(t, "shared")
	var scripts []string
	for _, who := range []string{"Anna", "Ben"} {
		var b strings.Builder
		b.WriteString("title: " + who + "\nsteps:\n")
		for i := range 20 {
			fmt.Fprintf(&b, "  - say: %s says line %d.\n", who, i)
		}
		scripts = append(scripts, tempFile(t, who+".yaml", b.String()))
	}
	var cmds []*exec.Cmd
	for _, s := range scripts {
		cmd := exec.Command(binary(t), "clips", "make", s, "--tts", "sleep 0.0$(od -An -N1 -tu1 /dev/urandom | tr -d ' '); cp "+wav+" {out}", "--into", pack, "-j", "3")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("clips make: %v", err)
		}
	}
	for _, s := range scripts {
		if code, out, _ := runApp(t, "clips", "missing", s, "--voice", pack); code != 0 || !strings.HasPrefix(out, "all ") {
			t.Errorf("%s: lines missing from the pack:\n%s", s, out)
		}
	}
}
