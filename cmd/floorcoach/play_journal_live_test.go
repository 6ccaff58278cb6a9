//go:build !darwin && !windows

package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/internal/journal"
	"github.com/floorcoach/floorcoach/player"
)

// playUntil plays args in a floorcoach process and stops it with SIGINT
// once it prints a line containing until; it returns the first line it
// printed and its standard error.
func playUntil(t *testing.T, until string, args ...string) (first, stderr string) {
	t.Helper()
	p := startPlay(t, args...)
	for {
		line, err := p.out.ReadString('\n')
		if err != nil {
			t.Fatalf("%q: no line with %q: %v; stderr %q", args, until, err, p.stderr.String())
		}
		if first == "" {
			first = line
		}
		if strings.Contains(line, until) {
			break
		}
	}
	p.interrupt(t)
	return first, p.stderr.String()
}

// Against a real sound server: a finished and a stopped play are both in
// the journal, log shows both, log --json has both, and --resume starts
// at the step where the second one stopped.
func TestJournalOfLivePlays(t *testing.T) {
	livePlay(t)
	path := useJournal(t)
	script := tempFile(t, "s.yaml", shortScript)
	tl := testPlan(t, script).timeline
	if code, _, stderr := runApp(t, "play", script); code != 0 {
		t.Fatalf("play: exit %d: %s", code, stderr)
	}
	begin := time.Now()
	playUntil(t, "2/2 Pelvic tilt", "play", script)
	took := time.Since(begin)

	code, out, stderr := runApp(t, "log")
	if code != 0 || !strings.Contains(out, "finished\n") || !strings.Contains(out, "stopped at step 2 of 2 (Pelvic tilt)\n") {
		t.Errorf("log: exit %d, stderr %q:\n%s", code, stderr, out)
	}
	_, out, _ = runApp(t, "log", "--json")
	var v logJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Sessions) != 2 {
		t.Fatalf("log --json: %v, want 2 sessions:\n%s", err, out)
	}
	done, stopped := v.Sessions[0], v.Sessions[1]
	if done.Outcome != journal.Finished || done.Step != 2 || done.From != 1 || done.Title != "Quick demo" ||
		done.Played.Round(time.Second) != audio.Duration(tl.Length).Round(time.Second) {
		t.Errorf("the finished session: %+v", done)
	}
	stepTwo, _ := tl.StartOf(2)
	if stopped.Outcome != journal.Stopped || stopped.Step != 2 || stopped.StepName != "Pelvic tilt" ||
		stopped.Played < audio.Duration(stepTwo)-50*time.Millisecond || // the journal keeps tenths of a second
		stopped.Played > took || stopped.Elapsed < stopped.Played-100*time.Millisecond {
		t.Errorf("the stopped session (stopped after %v, step 2 starting at %v): %+v", took, audio.Duration(stepTwo), stopped)
	}

	first, stderr := playUntil(t, "Pelvic tilt", "play", script, "--resume")
	if want := player.Clock(stepTwo) + "  2/2 Pelvic tilt  say  Pelvic tilt\n"; first != want {
		t.Errorf("--resume: first line %q, want %q", first, want)
	}
	if !strings.HasPrefix(stderr, `floorcoach: resuming "Quick demo" at step 2 of 2 (Pelvic tilt), level standard, where it stopped on `) {
		t.Errorf("--resume: stderr %q", stderr)
	}
	jl, err := journal.Read(path)
	if err != nil || len(jl.Entries) != 3 || jl.Entries[2].From != 2 {
		t.Errorf("after --resume: %v, %+v; want a third entry, from step 2", err, jl)
	}
}

// A journal that cannot be written costs a warning, never the session.
func TestPlayWithAnUnwritableJournal(t *testing.T) {
	livePlay(t)
	t.Setenv("XDG_STATE_HOME", tempFile(t, "a-file", ""))
	script := tempFile(t, "s.yaml", shortScript)
	_, stderr := playUntil(t, "Knee hug", "play", script)
	want := "floorcoach: warning: this session was not written to the journal: journal: mkdir "
	if !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, ": not a directory\n") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr %q, want one line: %q…", stderr, want)
	}
}

// A play whose sound server goes for good (for longer than the player
// waits for it to come back) fails with one line, and the journal keeps
// it as failed at the step it was at, where --resume would go on.
func TestJournalOfAFailedPlay(t *testing.T) {
	srv := livePlay(t)
	path := useJournal(t)
	script := tempFile(t, "s.yaml", strings.Replace(shortScript, "  - name: Pelvic tilt\n    hold: 2s\n", "  - name: Pelvic tilt\n    hold: 40s\n", 1))
	p := startPlay(t, "play", script)
	for {
		line, err := p.out.ReadString('\n')
		if err != nil {
			t.Fatalf("no line with step 2: %v; stderr %q", err, p.stderr.String())
		}
		if strings.Contains(line, "2/2 Pelvic tilt") {
			break
		}
	}
	srv.Kill()
	killed := time.Now()
	p.out.ReadString(0)
	err := p.cmd.Wait()
	took := time.Since(killed)
	stderr := p.stderr.String()
	if code := p.cmd.ProcessState.ExitCode(); code != exitFail || strings.Count(stderr, "\n") != 1 ||
		!strings.HasPrefix(stderr, "floorcoach: ") {
		t.Errorf("after the server went: %v, exit %d, stderr %q; want exit 1 and one line", err, code, stderr)
	}
	if took < speaker.DefaultReconnect || took > speaker.DefaultReconnect+5*time.Second {
		t.Errorf("ended %v after the server went, want a little over the %v it is waited for", took, speaker.DefaultReconnect)
	}
	jl, err := journal.Read(path)
	if err != nil || len(jl.Entries) != 1 {
		t.Fatalf("journal: %v, %+v; want one entry", err, jl)
	}
	if e := jl.Entries[0]; e.Outcome != journal.Failed || e.Step != 2 || e.StepName != "Pelvic tilt" {
		t.Errorf("journal entry %+v, want failed at step 2 (Pelvic tilt)", e)
	}
	t.Logf("ended %v after the server went: %s", took, strings.TrimSpace(stderr))
}
