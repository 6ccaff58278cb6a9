//go:build !darwin && !windows

package player

import (
	"context"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/scripts"
)

// wallTolerance is how far a session's wall time may stray from its length:
// the start (about 40 ms before the first frame is heard) and the polling.
const wallTolerance = 250 * time.Millisecond

// toneTimeline is a session of named hold steps of the given lengths, each
// with a start tone at its first frame and an end tone, after a lead-in.
func toneTimeline(lengths ...time.Duration) *Timeline {
	tl := &Timeline{Title: "Tones", SampleRate: audio.SampleRate}
	at := leadIn
	for i, d := range lengths {
		n := audio.Frames(d)
		tl.Steps = append(tl.Steps, Span{Index: i + 1, Name: "Step " + NumberWords(i+1),
			Start: at, End: at + n, Top: i + 1, Kind: scripts.KindHold, Named: true})
		tl.Events = append(tl.Events,
			Event{At: at, Dur: audio.ToneLen(audio.ToneStart), Kind: Start, Step: i + 1},
			Event{At: at + n - second/2, Dur: audio.ToneLen(audio.ToneEnd), Kind: End, Step: i + 1})
		at += n
	}
	tl.Length = at
	return tl
}

// playLive starts playing tl from frame from on a private PulseAudio server
// and returns the Live, when Run began, and Run's result to come.
func playLive(t *testing.T, tl *Timeline, from int64) (*Live, time.Time, <-chan error) {
	t.Helper()
	pulsetest.Start(t)
	return playOn(t, tl, from)
}

// playOn is playLive on the server the test has started.
func playOn(t *testing.T, tl *Timeline, from int64) (*Live, time.Time, <-chan error) {
	t.Helper()
	spk, err := speaker.Open(speaker.Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { spk.Close() })
	src, err := tl.Stream(nil, Unity, from)
	if err != nil {
		t.Fatal(err)
	}
	l := NewLive(tl, spk, src, 1)
	t.Cleanup(l.Stop)
	done := make(chan error, 1)
	begin := time.Now()
	go func() { done <- l.Run(context.Background()) }()
	return l, begin, done
}

// waitHeard polls until frame f is being heard.
func waitHeard(t *testing.T, l *Live, f int64) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Second); l.Status().Pos < f; time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("frame %d not heard within 3 s; at %d", f, l.Status().Pos)
		}
	}
}

func waitRun(t *testing.T, done <-chan error, limit time.Duration) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		t.Fatalf("Run did not return within %v", limit)
		return nil
	}
}

// A pause of two seconds adds two seconds, and holds the position, on each
// kind of server.
func TestLivePauseAddsItsLength(t *testing.T) {
	pulsetest.Each(t, func(t *testing.T, _ *pulsetest.Server) {
		pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) { livePauseAddsItsLength(t, j) })
	})
}

func livePauseAddsItsLength(t *testing.T, j *pulsetest.Judge) {
	tl := toneTimeline(1500*time.Millisecond, 1500*time.Millisecond)
	l, begin, done := playOn(t, tl, 0)
	waitHeard(t, l, audio.Frames(time.Second))
	if err := l.Pause(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // what the server had taken plays out
	held := l.Status().Pos
	time.Sleep(1800 * time.Millisecond)
	if st := l.Status(); st.Pos != held || !st.Paused {
		t.Errorf("while paused the position went from %s to %s (paused %v)", Clock(held), Clock(st.Pos), st.Paused)
	}
	if err := l.Resume(); err != nil {
		t.Fatal(err)
	}
	if err := waitRun(t, done, 10*time.Second); err != nil {
		t.Fatalf("Run: %v", err)
	}
	took, want := time.Since(begin), audio.Duration(tl.Length)+2*time.Second
	t.Logf("%v session with a 2 s pause took %v", audio.Duration(tl.Length), took)
	if took < want-wallTolerance || took > want+wallTolerance {
		j.Errorf("took %v, want %v ± %v", took, want, wallTolerance)
	}
	if frames, steps := l.Played(); frames != tl.Length || steps != 2 {
		t.Errorf("played %d frames of %d steps, want %d of 2", frames, steps, tl.Length)
	}
}

// Next is heard at once: the position goes to the next step's first frame.
func TestLiveNextJumps(t *testing.T) {
	tl := toneTimeline(3*time.Second, 3*time.Second, time.Second)
	l, _, done := playLive(t, tl, 0)
	waitHeard(t, l, tl.Steps[0].Start+audio.Frames(300*time.Millisecond))
	if err := l.Next(); err != nil {
		t.Fatal(err)
	}
	next := tl.Steps[1].Start
	latency := audio.Frames(4 * speaker.MixAhead)
	if st := l.Status(); st.Pos < next || st.Pos > next+latency || st.Step != 2 {
		t.Errorf("right after Next: at %s in step %d, want %s in step 2", Clock(st.Pos), st.Step, Clock(next))
	}
	time.Sleep(300 * time.Millisecond)
	if pos := l.Status().Pos; pos < next+audio.Frames(200*time.Millisecond) || pos > next+audio.Frames(400*time.Millisecond) {
		t.Errorf("300 ms after Next: at %s, want about %s", Clock(pos), Clock(next+audio.Frames(300*time.Millisecond)))
	}
	l.Stop()
	if err := waitRun(t, done, time.Second); err != ErrStopped {
		t.Errorf("Run after Stop = %v, want ErrStopped", err)
	}
}

// BenchmarkLiveDrift plays 60 s and reports how far the position heard
// strays from the wall clock: the spread of wall time less position,
// sampled every 50 ms (samples where the sampling itself was held up
// are left out).
func BenchmarkLiveDrift(b *testing.B) {
	pulsetest.Start(b)
	spk, err := speaker.Open(speaker.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer spk.Close()
	tl := toneTimeline(60 * time.Second)
	src, err := tl.Stream(nil, Unity, 0)
	if err != nil {
		b.Fatal(err)
	}
	l := NewLive(tl, spk, src, 1)
	begin := time.Now()
	go l.Run(context.Background())
	defer l.Stop()
	lo, hi := time.Duration(1<<62), time.Duration(-1<<62)
	for range time.Tick(50 * time.Millisecond) {
		t1 := time.Now()
		pos := l.Status().Pos
		t2 := time.Now()
		if pos >= tl.Length {
			break
		}
		if pos == 0 || t2.Sub(t1) > time.Millisecond {
			continue
		}
		off := t2.Sub(begin) - audio.Duration(pos)
		lo, hi = min(lo, off), max(hi, off)
	}
	b.ReportMetric(float64(hi-lo)/1e6, "ms-drift")
}
