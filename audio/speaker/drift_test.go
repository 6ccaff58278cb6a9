//go:build !darwin && !windows

package speaker

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// TestDrift plays 20 s (10 min with FLOORCOACH_LONG=1) and checks that
// Position keeps to the wall clock: the spread of wall time less position,
// sampled every 50 ms, stays under 20 ms. The null sink keeps time with the
// system clock, so this measures the speaker's own bookkeeping. It also
// reports the CPU time the process used while playing.
func TestDrift(t *testing.T) {
	length := 20 * time.Second
	if os.Getenv("FLOORCOACH_LONG") == "1" {
		length = 10 * time.Minute
	}
	spk, _ := open(t)
	cpu0 := cpuTime(t)
	begin := time.Now()
	done := start(spk, newRamp(length))
	if _, ok := firstHeard(spk, 0, time.Second); !ok {
		t.Fatal("no frame heard within 1 s of Play")
	}
	lo, hi := time.Duration(1<<62), time.Duration(-1<<62)
	for range time.Tick(50 * time.Millisecond) {
		t1 := time.Now()
		pos := spk.Position()
		t2 := time.Now()
		if pos >= audio.Frames(length) {
			break
		}
		if t2.Sub(t1) > time.Millisecond {
			continue // this goroutine was held up: the sample says nothing
		}
		off := t2.Sub(begin) - audio.Duration(pos)
		lo, hi = min(lo, off), max(hi, off)
	}
	if err := wait(t, done, time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	took := time.Since(begin)
	cpu := cpuTime(t) - cpu0
	t.Logf("%v played in %v; wall less position from %v to %v: spread %v; CPU %v, %.2f%% of one core; server underflows %d",
		length, took, lo, hi, hi-lo, cpu, 100*cpu.Seconds()/took.Seconds(), spk.dev.starved.Load())
	if hi-lo > 20*time.Millisecond {
		t.Errorf("position strayed %v from the wall clock over %v, want under 20 ms", hi-lo, length)
	}
	if !within(took, length, tolerance) {
		t.Errorf("%v played in %v", length, took)
	}
}

// cpuTime returns the user and system time the process has used.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
