//go:build !darwin && !windows

package speaker

import (
	"slices"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
)

// open starts a private sound server and opens a speaker on it.
func open(t *testing.T) (*Speaker, *pulsetest.Server) {
	t.Helper()
	srv := pulsetest.Start(t)
	spk, err := Open(Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { spk.Close() })
	return spk, srv
}

// recorderStart bounds how long a recorder takes to start recording.
const recorderStart = 100 * time.Millisecond

// recordPlaying waits until spk plays, then records what the server
// plays, and returns the recorder and the frame heard when it started.
//
// A recorder on the sink's monitor asks the sink for a small latency, which
// keeps it running in small blocks: started before Play, it would hide a
// sink that wakes late. Started while the sink renders far ahead, it would
// miss what the sink rewinds. So it starts once the first frame is heard.
func recordPlaying(t *testing.T, spk *Speaker, srv *pulsetest.Server) (*pulsetest.Recorder, int64) {
	t.Helper()
	if _, ok := firstHeard(spk, 0, time.Second); !ok {
		t.Fatal("no frame heard within 1 s of Play")
	}
	rec := srv.Record(t)
	return rec, spk.Position() + audio.Frames(recorderStart)
}

// checkRecording checks that the server played the ramp frames want, each
// once, in order, as recorded from some frame at or before from (by when
// the recorder had started) on, and returns what it played. A first span
// that ends at -1 may end anywhere.
func checkRecording(t *testing.T, j *pulsetest.Judge, spk *Speaker, rec *pulsetest.Recorder, from int64, want []span) []span {
	t.Helper()
	time.Sleep(50 * time.Millisecond) // the recorder's own latency
	runs := heard(rec.Samples())
	ok := len(runs) == len(want) && len(runs) > 0 && runs[0].first <= from && slices.Equal(runs[1:], want[1:])
	if ok && want[0].last >= 0 {
		ok = runs[0].last == want[0].last
	}
	if !ok {
		j.Errorf("recorded frames %v, want %v from frame %d or before, each once, in order (the server ran dry %d times)",
			runs, want, from, pulseOf(spk).starved.Load())
	}
	return runs
}

// paused is what pauseFor saw.
type paused struct {
	before, paused, resumed int64         // Position at Pause, when paused, after Resume
	restart                 time.Duration // from Resume to the next frame heard
}

// pauseFor pauses a running Play for d, checking that it stays put.
func pauseFor(t *testing.T, spk *Speaker, d time.Duration) paused {
	t.Helper()
	var p paused
	p.before = spk.Position()
	if err := spk.Pause(); err != nil {
		t.Fatalf("Pause: %v", err)
	}
	time.Sleep(200 * time.Millisecond) // what the server had taken plays out
	p.paused = spk.Position()
	time.Sleep(d - 200*time.Millisecond)
	if got := spk.Position(); got != p.paused || !spk.Paused() {
		t.Errorf("while paused: Position %.4f s to %.4f s, Paused() %v", seconds(p.paused), seconds(got), spk.Paused())
	}
	at := time.Now()
	if err := spk.Resume(); err != nil {
		t.Fatalf("Resume: %v", err)
	}
	p.resumed = spk.Position()
	heardAt, ok := firstHeard(spk, p.paused, time.Second)
	if !ok {
		t.Fatal("nothing heard within 1 s of Resume")
	}
	p.restart = heardAt.Sub(at)
	return p
}

// firstHeard polls Position until it moves past from, and returns when.
func firstHeard(spk *Speaker, from int64, limit time.Duration) (time.Time, bool) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if spk.Position() > from {
			return time.Now(), true
		}
		time.Sleep(500 * time.Microsecond)
	}
	return time.Time{}, false
}

// current returns the link in use, nil while the server is away.
func (d *device) current() *link {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.link
}

// pulseOf returns the PulseAudio client behind spk.
func pulseOf(spk *Speaker) *device { return spk.dev.(*device) }
