//go:build linux

package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

// An hostileRun is what a hostile case did: its exit status, what it printed,
// how long it took and its peak memory.
type hostileRun struct {
	code           int
	stdout, stderr string
	took           time.Duration
	peakMB         float64
}

// runHostile runs the built program with args and extra environment
// variables, stopping it after 20 s, and checks the promises every case
// keeps: it ends in time, prints no panic or stack trace and no raw control
// byte, and stays under limitMB of memory.
func runHostile(t *testing.T, limitMB float64, env []string, args ...string) hostileRun {
	t.Helper()
	testenv.NeedTool(t, "time")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// GNU time measures the peak memory: the Rusage of a child the Go
	// runtime starts counts the test's own memory, shared until exec.
	peak := testenv.TempPath(t, "peak")
	cmd := exec.CommandContext(ctx, "time", append([]string{"-f", "%M", "-o", peak, binary(t)}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader("")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := hostileRun{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%q: still running after 20 s", args)
	case errors.As(err, &ee):
		r.code = ee.ExitCode() // time passes it on
	case err != nil:
		t.Fatal(err)
	}
	r.peakMB = peakMB(t, peak)
	if r.peakMB > limitMB {
		t.Errorf("%q: peak memory %.0f MB, over %.0f MB", args, r.peakMB, limitMB)
	}
	for _, out := range []string{r.stdout, r.stderr} {
		if strings.Contains(out, "goroutine ") || strings.Contains(out, "panic") || strings.Contains(out, "internal error") {
			t.Errorf("%q: a crash:\n%s", args, out)
		}
		if c := rawControl(out); c != "" {
			t.Errorf("%q: printed %q raw", args, c)
		}
	}
	return r
}

// wantError checks that a run failed with exit status 1 and one line of
// error containing want.
func wantError(t *testing.T, r hostileRun, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != exitFail || !strings.Contains(r.stderr, want) || len(lines) != 1 || !strings.HasPrefix(lines[0], "floorcoach: ") {
		t.Errorf("exit %d, stderr %q; want exit 1 and one line saying %q", r.code, r.stderr, want)
	}
}

// peakMB reads the peak memory GNU time wrote, the last line of its file
// (after "Command exited with non-zero status 1" when it did).
func peakMB(t *testing.T, file string) float64 {
	t.Helper()
	data, err := os.ReadFile(file)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	kb, perr := strconv.ParseFloat(lines[len(lines)-1], 64)
	if err != nil || perr != nil || kb <= 0 {
		t.Fatalf("no peak memory from time: %q, %v", data, err)
	}
	return kb / 1024
}

// Scripts whose work multiplies: refused at once, with the line and column
// of what multiplies, in little memory; one just within the limits is
// laid out in little memory too.
func TestHostileScripts(t *testing.T) {
	nested := "title: T\ndefaults: {ready: 0s, rest: 0s, ticks: false}\nsteps:\n  - repeat: 100\n    steps:\n" +
		"      - repeat: 100\n        steps:\n          - repeat: 100\n            steps:\n" +
		"              - reps: 20\n                tempo: [0.001s]\n                count: none\n"
	spoken := "title: T\ndefaults: {ready: 0s}\nsteps:\n  - repeat: 100\n    steps:\n      - repeat: 10\n        steps:\n" +
		"          - say: Breathe in slowly and deeply, filling the belly, then let go.\n          - rest: 20s\n"
	dense := "title: T\nsteps:\n  - repeat: 100\n    steps:\n      - reps: 395\n        tempo: [0.05s, 0.05s, 0.05s, 0.05s]\n" +
		"        count: none\n        say: Keep going, steady and slow.\n"
	cases := []struct {
		name, src string
		args      []string
		want      string // "" for success
	}{
		{"nested repeats", nested, []string{"check"}, ":6:9: repeat: this group would make about 590000 cues at the full level (limit 200000"},
		{"nested repeats, show", nested, []string{"show", "--json"}, ":6:9: repeat: this group would make about 590000 cues"},
		{"six hours once spoken", spoken, []string{"check"}, ":4:5: the session passes the limit of 6h at level standard during this step, in round 84"},
		{"six hours once spoken, export", spoken, []string{"export", "-o", testenv.TempPath(t, "x.wav")}, ":4:5: the session passes the limit of 6h"},
		{"just within the limits", dense, []string{"check"}, ""},
		{"just within the limits, json", dense, []string{"show", "--json"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			script := tempFile(t, "s.yaml", c.src)
			args := append(append([]string{}, c.args[0], script), c.args[1:]...)
			r := runHostile(t, 300, nil, args...)
			t.Logf("%.2f s, %.0f MB", r.took.Seconds(), r.peakMB)
			if c.want == "" {
				if r.code != 0 {
					t.Errorf("exit %d: %s", r.code, r.stderr)
				}
				return
			}
			if r.code != exitFail || !strings.Contains(r.stderr, script+c.want) {
				t.Errorf("exit %d, stderr %q; want exit 1 and %q", r.code, r.stderr, c.want)
			}
		})
	}
}
