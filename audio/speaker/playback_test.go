//go:build !darwin && !windows

package speaker

import (
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
)

// tolerance is how far wall-clock timings may stray: scheduling on a busy
// 2-core CI machine, not the speaker's accuracy, sets it.
const tolerance = 150 * time.Millisecond

// These tests check, on PulseAudio, that every frame is played once and in
// order: a ramp's frames say where they are, and a lone 44.1 kHz stream
// reaches PulseAudio's null sink sample for sample. (PipeWire mixes at
// 48 kHz in floating point; timing_test.go checks it by the wall clock.)

func TestPlayTakesRealTime(t *testing.T) {
	pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) { playTakesRealTime(t, j) })
}

func playTakesRealTime(t *testing.T, j *pulsetest.Judge) {
	spk, srv := open(t)
	src := newRamp(3 * time.Second)
	begin := time.Now()
	done := start(spk, src)
	first, ok := firstHeard(spk, 0, time.Second)
	if !ok {
		t.Fatal("no frame heard within 1 s of Play")
	}
	rec, from := recordPlaying(t, spk, srv)
	if err := wait(t, done, 5*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	took := time.Since(begin)
	t.Logf("first frame heard %v after Play; 3 s played in %v", first.Sub(begin), took)
	if !within(took, 3*time.Second, tolerance) {
		j.Errorf("3 s played in %v, want 3 s ± %v", took, tolerance)
	}
	if got := spk.Position(); got != src.Len() {
		j.Errorf("Position after Play = %d, want the end, %d", got, src.Len())
	}
	checkRecording(t, j, spk, rec, from, []span{{0, src.Len() - 1}})
}

func TestPauseResumeKeepsPlace(t *testing.T) {
	pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) { pauseResumeKeepsPlace(t, j) })
}

func pauseResumeKeepsPlace(t *testing.T, j *pulsetest.Judge) {
	spk, srv := open(t)
	src := newRamp(3 * time.Second)
	begin := time.Now()
	done := start(spk, src)
	rec, from := recordPlaying(t, spk, srv)
	time.Sleep(time.Second)
	p := pauseFor(t, spk, 2*time.Second)
	if err := wait(t, done, 5*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	took := time.Since(begin)
	t.Logf("Pause at %.4f s, heard until %.4f s; Resume at %.4f s, heard %v later; 3 s with a 2 s pause took %v",
		seconds(p.before), seconds(p.paused), seconds(p.resumed), p.restart, took)
	if !within(took, 5*time.Second, tolerance) {
		j.Errorf("3 s with a 2 s pause took %v, want 5 s ± %v", took, tolerance)
	}
	if p.resumed != p.paused {
		j.Errorf("Position after Resume = %.4f s, want where it paused, %.4f s", seconds(p.resumed), seconds(p.paused))
	}
	if d := audio.Duration(p.paused - p.before); d < 0 || d > 2*MixAhead {
		j.Errorf("sound stopped %v after Pause, want within what the server had mixed, %v", d, 2*MixAhead)
	}
	if p.restart > tolerance {
		j.Errorf("sound came back %v after Resume, want within %v", p.restart, tolerance)
	}
	checkRecording(t, j, spk, rec, from, []span{{0, src.Len() - 1}})
}

func TestSeek(t *testing.T) {
	pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) { seekPlays(t, j) })
}

func seekPlays(t *testing.T, j *pulsetest.Judge) {
	spk, srv := open(t)
	src := newRamp(3 * time.Second)
	begin := time.Now()
	done := start(spk, src)
	rec, from := recordPlaying(t, spk, srv)
	firstHeard(spk, audio.Frames(500*time.Millisecond), time.Second)
	target := audio.Frames(2 * time.Second)
	seeked := time.Now()
	if err := spk.SeekTo(target); err != nil {
		t.Fatalf("SeekTo: %v", err)
	}
	if at := spk.Position(); at != target {
		j.Errorf("Position right after SeekTo = %.4f s, want %.4f s", seconds(at), seconds(target))
	}
	heardAt, ok := firstHeard(spk, target, time.Second)
	if !ok {
		t.Fatal("nothing heard after SeekTo")
	}
	if err := wait(t, done, 5*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	took := time.Since(begin)
	t.Logf("target heard %v after SeekTo; 0.5 s, then 2 s to 3 s, took %v", heardAt.Sub(seeked), took)
	if !within(took, 1500*time.Millisecond, tolerance) {
		j.Errorf("0.5 s, then 2 s to 3 s, took %v, want 1.5 s ± %v", took, tolerance)
	}
	if d := heardAt.Sub(seeked); d > tolerance {
		j.Errorf("target heard %v after SeekTo, want within %v", d, tolerance)
	}
	runs := checkRecording(t, j, spk, rec, from, []span{{0, -1}, {target, src.Len() - 1}})
	if len(runs) == 2 && !within(audio.Duration(runs[0].last), 500*time.Millisecond, 50*time.Millisecond) {
		j.Errorf("before SeekTo, played up to %.4f s, want about 0.5 s", seconds(runs[0].last))
	}
}

func TestSeekWhilePaused(t *testing.T) {
	pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) { seekWhilePaused(t, j) })
}

func seekWhilePaused(t *testing.T, j *pulsetest.Judge) {
	spk, srv := open(t)
	src := newRamp(2 * time.Second)
	begin := time.Now()
	done := start(spk, src)
	rec, from := recordPlaying(t, spk, srv)
	firstHeard(spk, audio.Frames(300*time.Millisecond), time.Second)
	if err := spk.Pause(); err != nil {
		t.Fatalf("Pause: %v", err)
	}
	target := audio.Frames(1500 * time.Millisecond)
	if err := spk.SeekTo(target); err != nil {
		t.Fatalf("SeekTo: %v", err)
	}
	time.Sleep(200 * time.Millisecond)
	if got := spk.Position(); got != target || !spk.Paused() {
		j.Errorf("after SeekTo while paused: Position %.4f s, Paused %v; want %.4f s, true", seconds(got), spk.Paused(), seconds(target))
	}
	if err := spk.Resume(); err != nil {
		t.Fatalf("Resume: %v", err)
	}
	if err := wait(t, done, 3*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	if took := time.Since(begin); !within(took, time.Second, tolerance) {
		j.Errorf("0.3 s, a 0.2 s pause, then 1.5 s to 2 s took %v, want 1 s ± %v", took, tolerance)
	}
	checkRecording(t, j, spk, rec, from, []span{{0, -1}, {target, src.Len() - 1}})
}

func TestSeekToEndEndsPlay(t *testing.T) {
	spk, _ := open(t)
	src := newRamp(10 * time.Second)
	done := start(spk, src)
	time.Sleep(200 * time.Millisecond)
	if err := spk.SeekTo(src.Len()); err != nil {
		t.Fatalf("SeekTo: %v", err)
	}
	if err := wait(t, done, 500*time.Millisecond); err != nil {
		t.Fatalf("Play: %v", err)
	}
}
