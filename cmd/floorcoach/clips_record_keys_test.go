//go:build !darwin && !windows

package main

import (
	"slices"
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
	script := recordSetup(t)
	lines := missingLines(t, script, "default")
	say := func(line string) { sayInto(t, line, "") }
	p := recordPane(t, script)
	p.waitFor(`Keys: enter keep · r retake · space listen · s skip · q quit$`)
	p.waitRecording(lines[0])
	p.waitFor(`^● recording +\d+\.\d s  ▕[█░]{24}▏ +-\d+ dB$`)
	pip := rec.Samples()
	sayInto(t, lines[0], "vol 8")
	p.waitFor(`^ +clipped: too loud for the input; move back a little or turn the input level down$`)
	p.waitFor(`^■ take \d\.\d s, clipped — enter keep · r retake · space listen · s skip · q quit$`)
	if f := loudPitch(pip); !audiotest.Near(f, audio.PipHz, 5) {
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
	p.wantRestored()
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
		w := audiotest.FromInt16(s[i:i+win], 2)[0] // the left channel
		if audiotest.DBFS(audiotest.RMS(w)+1e-9) > -40 {
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
		both := audiotest.FromInt16(s[i:i+win], 1)[0] // the two channels as one
		if audiotest.DBFS(audiotest.RMS(both)) > -40 {
			n++
		}
	}
	return float64(n) * 0.01
}
