//go:build !darwin && !windows

package speaker

import (
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// TestDrift plays 10 s (10 min with FLOORCOACH_LONG=1) on each server and
// checks that Position keeps to the wall clock: wall time less position,
// sampled every 50 ms, stays within 20 ms. It fits a line to that offset,
// and to the server's own count of frames played, to tell the speaker's
// bookkeeping from the sink's clock: PulseAudio's null sink plays a few
// tens of ppm fast, which over 10 min alone comes to about 25 ms. When the
// stream ran dry (a busy machine), the sound itself came late: then only
// the bookkeeping is checked.
func TestDrift(t *testing.T) {
	length, tries := 10*time.Second, 2
	if testenv.Long() {
		length, tries = 10*time.Minute, 1
	}
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		pulsetest.Retry(t, tries, func(j *pulsetest.Judge) { drift(t, j, srv, length) })
	})
}

// pipeWireQuantum is PipeWire's default quantum, 1024 frames at 48 kHz: its
// count of frames played moves on by as much at a time, so Position's
// offset from the wall clock wanders by as much.
const pipeWireQuantum = 1024 * time.Second / 48000

// drift is TestDrift on one server.
func drift(t *testing.T, j *pulsetest.Judge, srv *pulsetest.Server, length time.Duration) {
	spk, err := Open(Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer spk.Close()
	begin := time.Now()
	done := start(spk, newRamp(length))
	if _, ok := firstHeard(spk, 0, time.Second); !ok {
		t.Fatal("no frame heard within 1 s of Play")
	}
	pos, server := sampleDrift(spk, begin, audio.Frames(length))
	if err := wait(t, done, time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	dry := pulseOf(spk).starved.Load()
	t.Logf("%s: %v played in %v; wall less position: spread %v, trend %.1f ppm, off the trend by up to %v; the server's count of frames played: trend %.1f ppm; the stream ran dry %d times",
		srv.Kind, length, time.Since(begin), pos.spread(), pos.ppm(), pos.residual(), server.ppm(), dry)
	limit := 20 * time.Millisecond
	if srv.Kind == pulsetest.PipeWire {
		limit += pipeWireQuantum
	}
	if dry == 0 && length < time.Minute && pos.spread() > limit {
		j.Errorf("position strayed %v from the wall clock over %v, want under %v", pos.spread(), length, limit)
	}
	apart := seconds2d(abs(pos.ppm()-server.ppm()) * 1e-6 * length.Seconds())
	if dry == 0 && pos.residual() > 20*time.Millisecond || apart > 5*time.Millisecond {
		j.Errorf("position strayed %v from its trend, and %v from the server's count over the run; want under 20 ms and 5 ms", pos.residual(), apart)
	}
}

// sampleDrift samples, every 50 ms until the end, wall time less Position
// and wall time less the server's own count of frames heard.
func sampleDrift(spk *Speaker, begin time.Time, end int64) (pos, srv offsets) {
	for range time.Tick(50 * time.Millisecond) {
		t1 := time.Now()
		p := spk.Position()
		t2 := time.Now()
		if p >= end {
			return pos, srv
		}
		if t2.Sub(t1) > time.Millisecond {
			continue // this goroutine was held up: the sample says nothing
		}
		pos.add(t2.Sub(begin), audio.Duration(p))
		if l := pulseOf(spk).current(); l == nil {
			continue
		} else if tm, err := pulseOf(spk).timing(l); err == nil && tm.rtt < 2*time.Millisecond {
			srv.add(tm.at.Sub(begin), audio.Duration(tm.read-tm.latency))
		}
	}
	return pos, srv
}

// offsets are samples of wall time less a count of time played.
type offsets struct{ at, off []float64 } // seconds

func (o *offsets) add(wall, played time.Duration) {
	o.at = append(o.at, wall.Seconds())
	o.off = append(o.off, (wall - played).Seconds())
}

// fit returns the least-squares line through the offsets.
func (o *offsets) fit() (slope, icept float64) {
	n := float64(len(o.at))
	var sx, sy, sxy, sxx float64
	for i, x := range o.at {
		y := o.off[i]
		sx, sy, sxy, sxx = sx+x, sy+y, sxy+x*y, sxx+x*x
	}
	slope = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	return slope, (sy - slope*sx) / n
}

// ppm is how much faster than the wall clock time was played.
func (o *offsets) ppm() float64 {
	s, _ := o.fit()
	return -s * 1e6
}

func (o *offsets) spread() time.Duration {
	lo, hi := o.off[0], o.off[0]
	for _, y := range o.off {
		lo, hi = min(lo, y), max(hi, y)
	}
	return seconds2d(hi - lo)
}

// residual is the farthest an offset lies from the fitted line.
func (o *offsets) residual() time.Duration {
	s, c := o.fit()
	var r float64
	for i, x := range o.at {
		r = max(r, abs(o.off[i]-(s*x+c)))
	}
	return seconds2d(r)
}

func seconds2d(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func abs(x float64) float64 { return max(x, -x) }

// TestCPU reports the CPU time the process uses to play 10 s.
func TestCPU(t *testing.T) {
	testenv.NeedLong(t, "measures CPU over 10 s of playback")
	spk, _ := open(t)
	cpu0, begin := cpuTime(t), time.Now()
	if err := wait(t, start(spk, newRamp(10*time.Second)), 12*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	cpu, took := cpuTime(t)-cpu0, time.Since(begin)
	share := 100 * cpu.Seconds() / took.Seconds()
	t.Logf("playing %v used %v of CPU: %.2f%% of one core", took, cpu, share)
	if share > 5 {
		t.Errorf("playing used %.2f%% of one core, want under 5%% (the goal is 2%%)", share)
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
