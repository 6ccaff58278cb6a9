//go:build !darwin && !windows

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// recordScript is a short session with four lines the default pack lacks.
const recordScript = `title: Evening unwind
steps:
  - name: Neck roll
    say: Let your chin drop toward your chest.
    hold: 4s
closing: [Sleep well.]
`

// recordSetup sets up as clipsSetup does, with recordScript as the
// session, and returns its path.
func recordSetup(t *testing.T) string {
	t.Helper()
	script := clipsSetup(t)
	testenv.WriteFile(t, script, recordScript)
	return script
}

// recordPane runs clips record on script, into the voice anna, with args,
// in a terminal of its own.
func recordPane(t *testing.T, script string, args ...string) *tmuxPane {
	t.Helper()
	command := fmt.Sprintf("PULSE_SERVER=%s XDG_DATA_HOME=%s %s clips record '%s' --into anna",
		os.Getenv("PULSE_SERVER"), os.Getenv("XDG_DATA_HOME"), binary(t), script)
	for _, a := range args {
		command += " " + a
	}
	return newTmuxPane(t, command+thenStty)
}

// The whole of clips record --auto at a virtual microphone: a test
// "speaks" each line (a flite rendering, played into the microphone by
// paplay with half a second of buffer, so that a busy machine does not
// make it drop sound) when the line is on the screen; every line is recorded, each take lasts its
// speech and is as loud as clips make makes the same rendering, clips
// missing is then empty, and the terminal is as it was.
func TestClipsRecordAutoAtTheMicrophone(t *testing.T) {
	srv := livePlay(t)
	srv.VirtualMic(t, -60)
	testenv.NeedTool(t, "paplay", "flite")
	script := recordSetup(t)
	tts := "flite -voice slt -t {text} -o {out}"
	if code, _, stderr := runApp(t, "clips", "make", script, "--tts", tts, "--into", "ref"); code != 0 {
		t.Fatalf("clips make: %s", stderr)
	}
	lines := missingLines(t, script, "default")
	if len(lines) != 4 {
		t.Fatalf("the session lacks %q, want its four lines", lines)
	}
	speech := map[string]string{}
	for i, line := range lines {
		speech[line] = filepath.Join(t.TempDir(), fmt.Sprint(i, ".wav"))
		if out, err := exec.Command("flite", "-voice", "slt", "-t", line, "-o", speech[line]).CombinedOutput(); err != nil {
			t.Fatalf("flite: %v: %s", err, out)
		}
	}
	p := recordPane(t, script, "--auto")
	for _, line := range lines {
		p.waitRecording(line)
		if out, err := exec.Command("paplay", "--latency-msec=500", "--device="+pulsetest.MicSink, speech[line]).CombinedOutput(); err != nil {
			t.Fatalf("paplay: %v: %s", err, out)
		}
	}
	p.waitFor(`^Kept 4 of 4 lines in `)
	p.wantRestored()
	if got := missingLines(t, script, "anna"); len(got) != 0 {
		t.Errorf("after recording, clips missing lists %q", got)
	}
	compareTakes(t, lines, "anna", "ref")
}

// missingLines returns the lines clips missing lists for a pack.
func missingLines(t *testing.T, script, voice string) []string {
	t.Helper()
	code, out, stderr := runApp(t, "clips", "missing", script, "--voice", voice)
	if code != 0 {
		t.Fatalf("clips missing: %s", stderr)
	}
	var lines []string
	for _, m := range regexp.MustCompile(`(?m)^"(.*)"$`).FindAllStringSubmatch(out, -1) {
		lines = append(lines, m[1])
	}
	return lines
}

// compareTakes checks that each line's clip in the pack recorded lasts as
// long as in the pack ref, within 0.5 s, and is as loud, within 2 LU.
func compareTakes(t *testing.T, lines []string, recorded, ref string) {
	t.Helper()
	got, err := pack.Open(recorded)
	if err != nil {
		t.Fatal(err)
	}
	want, err := pack.Open(ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range lines {
		g, err1 := got.Sound(line)
		w, err2 := want.Sound(line)
		if err1 != nil || err2 != nil {
			t.Fatalf("%q: %v %v", line, err1, err2)
		}
		gl, _ := speech.Loudness(g.Samples, audio.SampleRate, speech.Block)
		wl, _ := speech.Loudness(w.Samples, audio.SampleRate, speech.Block)
		gs, ws := audio.Duration(g.Len()).Seconds(), audio.Duration(w.Len()).Seconds()
		t.Logf("%-40q recorded %.2f s %.1f LUFS, made %.2f s %.1f LUFS", line, gs, gl, ws, wl)
		if !audiotest.Near(gs, ws, 0.5) || !audiotest.Near(gl, wl, 2) {
			t.Errorf("%q: the take lasts %.2f s at %.1f LUFS; clips make gives %.2f s at %.1f LUFS", line, gs, gl, ws, wl)
		}
	}
}

// waitRecording waits until the screen asks for line and records.
func (p *tmuxPane) waitRecording(line string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := p.screen()
		say := ""
		for _, l := range screen {
			if _, text, ok := strings.Cut(l, "  say:  "); ok {
				say = text
			}
		}
		if say == line && strings.HasPrefix(screen[len(screen)-1], "● recording") {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("not recording %q within 10 s; the screen:\n%s", line, strings.Join(screen, "\n"))
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// Without a microphone, clips record says so in one line within two
// seconds, and makes no pack; without a terminal it needs --auto.
func TestClipsRecordNoMicrophone(t *testing.T) {
	script := clipsSetup(t)
	t.Setenv("PULSE_SERVER", "unix:"+filepath.Join(t.TempDir(), "nothing"))
	begin := time.Now()
	code, _, stderr := runApp(t, "clips", "record", script, "--into", "anna", "--auto")
	if took := time.Since(begin); code != exitFail || took > 2*time.Second ||
		!strings.HasPrefix(stderr, "floorcoach: no microphone: no sound server (PulseAudio or PipeWire) answered") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d after %v: %q", code, took, stderr)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("XDG_DATA_HOME"), "floorcoach", "voices", "anna")); err == nil {
		t.Error("a pack was made though nothing was recorded")
	}
	code, _, stderr = runApp(t, "clips", "record", script, "--into", "anna")
	if code != exitUsage || !strings.Contains(stderr, "record: its keys need a terminal; to record hands-free without one, add --auto") {
		t.Errorf("without a terminal: exit %d: %q", code, stderr)
	}
}

// sayInto "says" a line into the virtual microphone: flite renders it and
// paplay plays it, with half a second of buffer so that a busy machine does
// not make it drop sound. sox effects, if any, change the rendering first
// ("vol 8" to shout).
func sayInto(t *testing.T, line, effects string) {
	t.Helper()
	wav := filepath.Join(t.TempDir(), "line.wav")
	if out, err := exec.Command("flite", "-voice", "slt", "-t", line, "-o", wav).CombinedOutput(); err != nil {
		t.Fatalf("flite: %v: %s", err, out)
	}
	if effects != "" {
		changed := filepath.Join(t.TempDir(), "changed.wav")
		args := append([]string{"-q", wav, changed}, strings.Fields(effects)...)
		if out, err := exec.Command("sox", args...).CombinedOutput(); err != nil {
			t.Fatalf("sox: %v: %s", err, out)
		}
		wav = changed
	}
	if out, err := exec.Command("paplay", "--latency-msec=500", "--device="+pulsetest.MicSink, wav).CombinedOutput(); err != nil {
		t.Fatalf("paplay: %v: %s", err, out)
	}
}

// An interrupt (SIGTERM, as when the terminal goes) while a take is being
// recorded ends clips record at once: what was kept stays, whole, nothing
// of the take is written, and a pack nothing was kept into is not made.
func TestClipsRecordInterrupted(t *testing.T) {
	srv := livePlay(t)
	srv.VirtualMic(t, -60)
	testenv.NeedTool(t, "paplay", "flite")
	script := recordSetup(t)
	lines := missingLines(t, script, "default")
	dir := filepath.Join(os.Getenv("XDG_DATA_HOME"), "floorcoach", "voices", "anna")
	for keep := range 2 {
		cmd := exec.Command(binary(t), "clips", "record", script, "--into", "anna", "--auto")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err == nil {
			err = cmd.Start()
		}
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for takes := 0; takes <= keep; {
			if !sc.Scan() {
				t.Fatalf("clips record ended before take %d: %s", takes+1, stderr.String())
			}
			if sc.Text() == "      recording" {
				if takes < keep {
					sayInto(t, lines[takes], "")
				}
				takes++
			}
		}
		cmd.Process.Signal(syscall.SIGTERM)
		go io.Copy(io.Discard, out)
		err = cmd.Wait()
		want := fmt.Sprintf("floorcoach: interrupted: the %d takes kept so far are in the pack\n", keep)
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFail || stderr.String() != want {
			t.Errorf("keeping %d: %v, stderr %q", keep, err, stderr.String())
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
		top, _ := filepath.Glob(filepath.Join(dir, "*"))
		hidden, _ := filepath.Glob(filepath.Join(dir, "*", ".*"))
		switch {
		case keep == 0 && len(top) > 0:
			t.Errorf("nothing kept, yet the pack holds %q", top)
		case keep == 1 && (len(files) != 1 || len(hidden) > 0 || len(missingLines(t, script, "anna")) != len(lines)-1):
			t.Errorf("one take kept: the pack holds %q (hidden %q)", files, hidden)
		}
	}
}
