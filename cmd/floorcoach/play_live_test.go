//go:build !darwin && !windows

package main

import (
	"bufio"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/player"
)

// testPlan lays out a script as play does, and decodes its clips once, so
// that the disk cache is warm when a test times a session.
func testPlan(t *testing.T, path string) *plan {
	t.Helper()
	p := loadTestPlan(t, path)
	if err := p.preload(); err != nil {
		t.Fatal(err)
	}
	return p
}

// livePlay starts a private sound server, with no session bus in sight.
func livePlay(t *testing.T) *pulsetest.Server {
	t.Helper()
	srv := pulsetest.Start(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	return srv
}

// A session takes its length in wall time, and not on a terminal it prints
// one plain line per cue (ticks aside), as the cue is heard.
func TestPlayTakesItsLength(t *testing.T) {
	livePlay(t)
	script := tempFile(t, "s.yaml", strings.Replace(shortScript, "  - name: Pelvic tilt\n    hold: 2s\n", "", 1))
	tl := testPlan(t, script).timeline
	begin := time.Now()
	code, out, stderr := runApp(t, "play", script)
	took := time.Since(begin)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := audio.Duration(tl.Length)
	t.Logf("a %v session played in %v, start-up included", want, took)
	if took < want-50*time.Millisecond || took > want+250*time.Millisecond {
		t.Errorf("played in %v, want %v + at most 250 ms (a busy machine? see the benchmarks)", took, want)
	}
	if i := strings.IndexFunc(out, func(r rune) bool { return r < ' ' && r != '\n' }); i >= 0 {
		t.Errorf("control character %q in plain output:\n%s", out[i], out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var cues []string
	for _, e := range tl.Events {
		if e.Kind != player.Tick {
			cues = append(cues, logLine(tl, 1, e))
		}
	}
	if len(lines) != len(cues)+1 || strings.Join(lines[:len(cues)], "\n") != strings.Join(cues, "\n") {
		t.Errorf("printed\n%s\nwant one line per cue:\n%s", out, strings.Join(cues, "\n"))
	}
	if want := "Finished Quick demo: 1 of 1 steps, " + player.Minutes(tl.Length) + " played"; lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
	}
}

// --from 2 (after the session, as users type it) starts at step 2; SIGINT
// stops the session with a summary and how to go on.
func TestPlayStopsWithResumeHint(t *testing.T) {
	livePlay(t)
	script := tempFile(t, "s.yaml", shortScript)
	tl := testPlan(t, script).timeline
	p := startPlay(t, "play", script, "--from", "2", "--volume", "0.5", "--level", "full")
	first, err := p.out.ReadString('\n')
	if err != nil {
		t.Fatalf("no line printed: %v; stderr %q", err, p.stderr.String())
	}
	from, _ := tl.StartOf(2)
	if want := player.Clock(from) + "  2/2 Pelvic tilt  say  Pelvic tilt\n"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	rest := p.interrupt(t)
	hint := "To go on: floorcoach play " + script + " --level full --from 2\n"
	if !strings.HasSuffix(rest, "Stopped at step 2 of 2 (Pelvic tilt) after 0:01.\n"+hint) &&
		!strings.HasSuffix(rest, "Stopped at step 2 of 2 (Pelvic tilt) after 0:00.\n"+hint) {
		t.Errorf("output after SIGINT %q, want the summary and %q", rest, hint)
	}
}

// How we know live play is right where users are: on each server, play
// demo --from 2 logs its first cue within 0.5 s of the command's start,
// and takes the length of what it plays, plus 0.6 s at most.
func TestPlayDemoFromStepTwo(t *testing.T) {
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
		tl := testPlan(t, "demo").timeline
		pulsetest.Retry(t, 2, func(j *pulsetest.Judge) { demoFromStepTwo(t, j, srv, tl) })
	})
}

func demoFromStepTwo(t *testing.T, j *pulsetest.Judge, srv *pulsetest.Server, tl *player.Timeline) {
	from, _ := tl.StartOf(2)
	length := audio.Duration(tl.Length - from)
	cmd := exec.Command(binary(t), "play", "demo", "--from", "2")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	r := bufio.NewReader(stdout)
	first, err := r.ReadString('\n')
	logged := time.Since(begin)
	if err != nil {
		t.Fatalf("no line printed: %v; stderr %q", err, stderr.String())
	}
	io.Copy(io.Discard, r)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("play: %v; stderr %q", err, stderr.String())
	}
	took := time.Since(begin)
	t.Logf("%s: first cue %q logged %v after the start; %v of session took %v", srv.Kind, strings.TrimSpace(first), logged, length, took)
	if logged > 500*time.Millisecond {
		j.Errorf("first cue logged %v after the start, want within 0.5 s", logged)
	}
	if took < length || took > length+600*time.Millisecond {
		j.Errorf("%v of session took %v, want its length + 0.6 s at most", length, took)
	}
}

// With no sound server: one line within 2 s that suggests export; exit 1.
func TestPlayNoSoundOutput(t *testing.T) {
	t.Setenv("PULSE_SERVER", "unix:/nonexistent")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	begin := time.Now()
	code, out, stderr := runApp(t, "play", "demo")
	if took := time.Since(begin); took > 2*time.Second {
		t.Errorf("took %v to fail, want under 2 s", took)
	}
	want := "floorcoach: no sound output: PulseAudio/PipeWire at unix:/nonexistent"
	if code != exitFail || out != "" || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 ||
		!strings.HasSuffix(stderr, "(to listen elsewhere: floorcoach export demo -o demo.mp3)\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// The sound server going away mid-session for good: a clear error once
// it has not come back for 10 s, which says how to go on.
func TestPlaySoundServerLost(t *testing.T) {
	srv := livePlay(t)
	script := tempFile(t, "s.yaml", shortScript)
	testPlan(t, script)
	done := make(chan result, 1)
	go func() { done <- runAppResult(t, "play", script) }()
	time.Sleep(1500 * time.Millisecond)
	srv.Kill()
	select {
	case r := <-done:
		want := "floorcoach: sound output lost: "
		if r.code != exitFail || !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 ||
			!strings.Contains(r.stderr, "and it did not come back within 10s (stopped before step 1 of 2 (Knee hug) after 0:0") ||
			!strings.HasSuffix(r.stderr, "; to go on: floorcoach play "+script+" --from 1)\n") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	case <-time.After(13 * time.Second):
		t.Fatal("play went on for 13 s after the sound server went away")
	}
}

// PipeWire's pulse server restarting mid-session (as when devices change):
// the session goes on and ends well, a little later.
func TestPlaySoundServerRestarts(t *testing.T) {
	srv := pulsetest.StartKind(t, pulsetest.PipeWire)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	script := tempFile(t, "s.yaml", shortScript)
	tl := testPlan(t, script).timeline
	done := make(chan result, 1)
	begin := time.Now()
	go func() { done <- runAppResult(t, "play", script) }()
	time.Sleep(1500 * time.Millisecond)
	srv.Kill()
	time.Sleep(time.Second)
	srv.Restart(t)
	r := <-done
	took, want := time.Since(begin), audio.Duration(tl.Length)+time.Second
	t.Logf("a %v session, its server away for 1 s, took %v", audio.Duration(tl.Length), took)
	if r.code != 0 || !strings.HasPrefix(lastLine(r.stdout), "Finished Quick demo: 2 of 2 steps") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if took < want || took > want+time.Second {
		t.Errorf("took %v, want the session's length, the second away and the time to come back: %v and up to 1 s", took, want)
	}
}

// result is what runAppResult returns.
type result struct {
	code           int
	stdout, stderr string
}

func runAppResult(t *testing.T, args ...string) result {
	code, out, stderr := runApp(t, args...)
	return result{code, out, stderr}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// A running is a floorcoach process whose standard output is read line
// by line.
type running struct {
	cmd    *exec.Cmd
	out    *bufio.Reader
	stderr *strings.Builder
}

// startPlay starts floorcoach with args; the process is killed when the
// test ends, should it still run.
func startPlay(t *testing.T, args ...string) *running {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := new(strings.Builder)
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return &running{cmd, bufio.NewReader(out), stderr}
}

// interrupt sends SIGINT, as Ctrl-C does, and returns what the process
// printed after it; the process must exit with status 0.
func (p *running) interrupt(t *testing.T) string {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGINT)
	rest, _ := p.out.ReadString(0)
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("%q after SIGINT: %v; stderr %q", p.cmd.Args[1:], err, p.stderr.String())
	}
	return rest
}
