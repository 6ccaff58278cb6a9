package player

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// Output is a sound output that plays a stream in real time and can be
// steered while it plays. *speaker.Speaker implements it: Play returns once
// the last frame has been heard, and Position is the frame being heard.
type Output interface {
	Play(ctx context.Context, src audio.Seeker) error
	Pause() error
	Resume() error
	SeekTo(frame int64) error
	Position() int64
	Paused() bool
	SetVolume(gain float64) error
}

// ErrStopped is returned by Live.Run when the session was stopped before
// its end.
var ErrStopped = errors.New("player: stopped")

// A Live plays a timeline through an Output, and is its remote control:
// Next, Restart, TogglePause, the volume and Stop, from keys, media buttons
// or tests. The position heard on the output drives everything; nothing is
// timed by the wall clock, except telling a double Restart from two.
//
// Its methods are safe for concurrent use.
type Live struct {
	tl  *Timeline
	out Output
	src audio.Seeker

	mu        sync.Mutex
	volume    float64
	jumps     int
	target    int64     // where the last jump went
	restartAt time.Time // when Restart was last used, for a double press
	running   bool
	paused    bool
	done      bool
	ended     int64        // where Run ended, once done
	segStart  int64        // the first frame of the run of frames being heard
	played    int64        // frames heard before segStart's run
	heard     map[int]bool // steps heard, by Span.Index
	now       func() time.Time

	stopMu  sync.Mutex // guards cancel and stopped, apart from mu: Stop never waits for the output
	cancel  context.CancelFunc
	stopped bool

	changed chan struct{}
	started atomic.Bool
}

// NewLive prepares to play tl through out, from src's current frame
// (src must play tl: see Timeline.Stream), at volume (0 to MaxVolume).
func NewLive(tl *Timeline, out Output, src audio.Seeker, volume float64) *Live {
	return &Live{tl: tl, out: out, src: src, volume: clampVolume(volume),
		jumps: 1, target: src.Pos(), segStart: src.Pos(), ended: src.Pos(), heard: map[int]bool{},
		now: time.Now, changed: make(chan struct{}, 1)}
}

// Run plays the session to its end and returns nil then, or ErrStopped
// when Stop was called or ctx was cancelled first, or the output's error.
// Run may be called once.
func (l *Live) Run(ctx context.Context) error {
	if !l.started.CompareAndSwap(false, true) {
		return errors.New("player: Live.Run called twice")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	err := l.begin(cancel)
	playing := err == nil
	if playing {
		err = l.out.Play(ctx, l.src)
	}
	l.mu.Lock()
	if playing {
		l.ended = l.out.Position()
		l.endRun(l.ended)
	}
	l.running, l.paused, l.done = false, false, true
	l.mu.Unlock()
	l.notify()
	if err != nil && ctx.Err() != nil {
		return ErrStopped
	}
	return err
}

// begin lets Stop cancel Run, and readies the output unless Stop came first.
func (l *Live) begin(cancel context.CancelFunc) error {
	l.stopMu.Lock()
	l.cancel = cancel
	stopped := l.stopped
	l.stopMu.Unlock()
	if stopped {
		cancel()
		return ErrStopped
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.out.SetVolume(l.volume); err != nil {
		return err
	}
	l.running = true
	return nil
}

// Stop ends the session: Run returns ErrStopped. It returns at once.
func (l *Live) Stop() {
	l.stopMu.Lock()
	defer l.stopMu.Unlock()
	l.stopped = true
	if l.cancel != nil {
		l.cancel()
	}
}

// Changed is signalled after each control action and when Run ends, so a
// display can redraw at once.
func (l *Live) Changed() <-chan struct{} { return l.changed }

func (l *Live) notify() {
	select {
	case l.changed <- struct{}{}:
	default:
	}
}

// Status returns where the session stands, by the frame being heard.
func (l *Live) Status() Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.tl.StatusAt(l.position())
	st.Paused = l.running && l.paused
	st.Done, st.Volume = l.done, l.volume
	st.Jumps, st.JumpedTo = l.jumps, l.target
	return st
}

// Played returns the frames heard so far (skipped frames are not counted,
// repeated ones are counted again) and how many of the steps were heard, at
// least in part.
func (l *Live) Played() (frames int64, steps int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.running {
		return l.played, len(l.heard)
	}
	pos := l.out.Position()
	return l.played + pos - l.segStart, len(l.heard) + len(l.stepsIn(l.segStart, pos, l.heard))
}

// endRun counts the frames from segStart to pos as heard.
func (l *Live) endRun(pos int64) {
	if pos > l.segStart {
		l.played += pos - l.segStart
		for n := range l.stepsIn(l.segStart, pos, l.heard) {
			l.heard[n] = true
		}
	}
	l.segStart = pos
}

// stepsIn returns the steps with frames in [from, to) that are not in seen.
func (l *Live) stepsIn(from, to int64, seen map[int]bool) map[int]bool {
	out := map[int]bool{}
	for _, s := range l.tl.Steps {
		if !seen[s.Index] && s.Start < to && s.End > from {
			out[s.Index] = true
		}
	}
	return out
}
