//go:build !darwin && !windows

package main

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// The keys of clips record: a pip before each take and a meter while it
// records; a take shouted into the microphone says it clipped; space plays
// the take back through the speaker, r records again, enter keeps, s
// skips, q stops; what was kept stays kept, and the terminal is as it was.
func TestClipsRecordKeys(t *testing.T) {
	srv := livePlay(t)
	srv.VirtualMic(t, -60)
	rec := srv.Record(t)
	testenv.NeedTool(t, "paplay", "flite")
	script := clipsSetup(t)
	os.WriteFile(script, []byte(recordScript), 0o644)
	lines := missingLines(t, script, "default")
	say := func(line string) { sayInto(t, line, "") }
	command := fmt.Sprintf("PULSE_SERVER=%s XDG_DATA_HOME=%s %s clips record '%s' --into anna; echo exit=$?; "+
		"stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo; sleep 60",
		os.Getenv("PULSE_SERVER"), os.Getenv("XDG_DATA_HOME"), binary(t), script)
	p := newTmuxPane(t, command)
	p.waitFor(`Keys: enter keep · r retake · space listen · s skip · q quit$`)
	p.waitRecording(lines[0])
	p.waitFor(`^● recording +\d+\.\d s  ▕[█░]{24}▏ +-\d+ dB$`)
	pip := rec.Samples()
	sayInto(t, lines[0], "vol 8")
	p.waitFor(`^ +clipped: too loud for the input; move back a little or turn the input level down$`)
	p.waitFor(`^■ take \d\.\d s, clipped — enter keep · r retake · space listen · s skip · q quit$`)
	if f := loudPitch(pip); math.Abs(f-audio.PipHz) > 5 {
		t.Errorf("before the take the speaker played %.0f Hz, want the pip's %v", f, audio.PipHz)
	}
	before := loudSeconds(rec.Samples())
	p.keys("Space")
	p.waitFor(`^▶ listening…$`)
	p.waitFor(`^■ take \d\.\d s, clipped — `)
	if heard := loudSeconds(rec.Samples()) - before; heard < 0.6 {
		t.Errorf("space played %.2f s of sound through the speaker, want the take", heard)
	}
	p.keys("r")
	p.waitFor(`^ +again$`)
	p.waitRecording(lines[0])
	say(lines[0])
	p.waitFor(`^■ take `)
	p.keys("Enter")
	p.waitFor(`^ +kept \(\d\.\d s\)$`)
	p.waitRecording(lines[1])
	p.keys("s")
	p.waitFor(`^ +skipped$`)
	p.waitRecording(lines[2])
	say(lines[2])
	p.keys("Enter") // at once, while the take is still going: keeps it as it is
	p.waitRecording(lines[3])
	p.keys("q")
	p.waitFor(`^Kept 2 of 4 lines in `)
	p.waitFor(`^exit=0$`)
	p.waitFor(`^-?echo$`)
	if screen := p.screen(); !slices.Contains(screen, "icanon") || !slices.Contains(screen, "echo") {
		t.Errorf("the terminal was not restored:\n%s", strings.Join(screen, "\n"))
	}
	if got := missingLines(t, script, "anna"); !slices.Equal(got, []string{lines[1], lines[3]}) {
		t.Errorf("after recording, clips missing lists %q, want the skipped and the stopped line", got)
	}
}

// loudPitch returns the pitch of the part of interleaved stereo frames at
// 44.1 kHz louder than -40 dBFS, in 10 ms windows.
func loudPitch(s []int16) float64 {
	const win = 441 * 2
	var loud []float64
	for i := 0; i+win <= len(s); i += win {
		w := make([]float64, 0, win/2)
		for j := i; j < i+win; j += 2 {
			w = append(w, float64(s[j])/32768)
		}
		if 20*math.Log10(audiotest.RMS(w)+1e-9) > -40 {
			loud = append(loud, w...)
		}
	}
	return audiotest.Pitch(loud, audio.SampleRate)
}

// loudSeconds returns how long interleaved stereo frames at 44.1 kHz are
// louder than -40 dBFS, in 10 ms windows.
func loudSeconds(s []int16) float64 {
	const win = 441 * 2
	n := 0
	for i := 0; i+win <= len(s); i += win {
		sum := 0.0
		for _, v := range s[i : i+win] {
			sum += float64(v) * float64(v)
		}
		if 10*math.Log10(sum/win/(32768*32768)+1e-12) > -40 {
			n++
		}
	}
	return float64(n) * 0.01
}
