package player

import (
	"math"
	"time"
)

// restartWindow is how soon a second Restart must follow the first to go
// back to the previous step.
const restartWindow = 2 * time.Second

// volumeStep is how much VolumeUp and VolumeDown change the volume.
const volumeStep = 0.1

// MaxVolume is the highest volume: 2, 6 dB above the recorded level. Above
// 1 the output's limiter keeps the louder sound from clipping, by lowering
// the loudest syllables; past 6 dB it would flatten too many of them.
const MaxVolume = 2.0

// Next skips to the first cue of the next step that is not a rest; in the
// last step, to the closing lines. Elsewhere it does nothing.
func (l *Live) Next() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.restartAt = time.Time{}
	to, ok := l.tl.nextStart(l.position())
	if !ok {
		return nil
	}
	return l.jump(to)
}

// OtherSide goes straight to the other side of a step worked on each side
// in turn: from the first side to the second (where "Switch sides" is
// said), from the last back to the first, and from the step's
// instructions to its second side. Elsewhere it does nothing.
func (l *Live) OtherSide() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.restartAt = time.Time{}
	to, ok := l.tl.otherSide(l.position())
	if !ok {
		return nil
	}
	return l.jump(to)
}

// Restart goes back to the start of the step under way (or just done, in
// the rest after it). Used again within about two seconds, it goes back a
// step further each time, as a player's "previous" button does.
func (l *Live) Restart() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	again := !l.restartAt.IsZero() && now.Sub(l.restartAt) < restartWindow
	l.restartAt = now
	to := l.tl.stepStart(l.position())
	if again {
		to = l.tl.stepStart(l.target - 1)
	}
	return l.jump(to)
}

// TogglePause pauses a playing session and resumes a paused one.
func (l *Live) TogglePause() error {
	l.mu.Lock()
	paused := l.paused
	l.mu.Unlock()
	if paused {
		return l.Resume()
	}
	return l.Pause()
}

// Pause pauses the session, keeping its place; paused in the middle of a
// spoken line, it goes back to that line's start, so that it is heard
// whole after Resume.
func (l *Live) Pause() error { return l.setPaused(true) }

// Resume goes on after Pause, from the next frame.
func (l *Live) Resume() error { return l.setPaused(false) }

func (l *Live) setPaused(p bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.running || l.paused == p {
		return nil
	}
	f := l.out.Resume
	if p {
		f = l.out.Pause
	}
	if err := f(); err != nil {
		return err
	}
	l.paused = p
	l.notify()
	if at, ok := l.tl.lineStart(l.out.Position()); p && ok {
		return l.rewind(at)
	}
	return nil
}

// VolumeUp raises the volume by a tenth, up to MaxVolume.
func (l *Live) VolumeUp() error { return l.stepVolume(volumeStep) }

// VolumeDown lowers the volume by a tenth, down to 0.
func (l *Live) VolumeDown() error { return l.stepVolume(-volumeStep) }

func (l *Live) stepVolume(d float64) error {
	l.mu.Lock()
	v := math.Round((l.volume+d)*10) / 10
	l.mu.Unlock()
	return l.SetVolume(v)
}

// SetVolume sets the volume, a gain from 0 (silent) through 1 (as
// recorded) to MaxVolume; values outside that range are clamped.
func (l *Live) SetVolume(v float64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.volume = clampVolume(v)
	l.notify()
	if !l.running {
		return nil
	}
	return l.out.SetVolume(l.volume)
}

func clampVolume(v float64) float64 {
	if !(v > 0) {
		return 0
	}
	return min(v, MaxVolume)
}

// position returns the frame being heard; before Run, the frame it will
// start from; after, the frame it ended at. l.mu must be held.
func (l *Live) position() int64 {
	switch {
	case l.running:
		return l.out.Position()
	case l.done:
		return l.ended
	}
	return l.target
}

// jump makes frame to the next one heard. l.mu must be held.
func (l *Live) jump(to int64) error {
	switch {
	case l.done:
		return nil
	case !l.running: // Run has not begun playing src: move it
		if err := l.src.SeekFrame(to); err != nil {
			return err
		}
		l.segStart = to
	default:
		pos := l.out.Position()
		if err := l.out.SeekTo(to); err != nil {
			return err
		}
		l.endRun(pos)
		l.segStart = to
	}
	l.jumps++
	l.target = to
	l.notify()
	return nil
}

// nextStart returns the first frame of the first step after frame pos that
// is not a rest, or in the last step the end of it, where the closing lines
// begin.
func (t *Timeline) nextStart(pos int64) (int64, bool) {
	for _, s := range t.Steps {
		if s.Start > pos && s.Kind != restKind {
			return s.Start, true
		}
	}
	if n := len(t.Steps); n > 0 && t.Steps[n-1].End > pos {
		return t.Steps[n-1].End, true
	}
	return 0, false
}

// stepStart returns the first frame of the last step that is not a rest and
// starts at or before frame pos, or 0 when there is none.
func (t *Timeline) stepStart(pos int64) int64 {
	start := int64(0)
	for _, s := range t.Steps {
		if s.Start > pos {
			break
		}
		if s.Kind != restKind {
			start = s.Start
		}
	}
	return start
}

// otherSide returns the first frame of the side after the one heard at
// frame pos (after the last, the first; before any, the second), in the
// span playing at pos, if that span is worked on more than one side.
func (t *Timeline) otherSide(pos int64) (int64, bool) {
	i := t.spanIndex(pos)
	if i < 0 {
		return 0, false
	}
	var sides []string
	var starts []int64
	current := -1
	for _, e := range t.Events {
		if e.Step != t.Steps[i].Index || e.Side == "" {
			continue
		}
		if n := len(sides); n == 0 || sides[n-1] != e.Side {
			sides, starts = append(sides, e.Side), append(starts, e.At)
		}
		if e.At <= pos {
			current = len(sides) - 1
		}
	}
	if len(sides) < 2 {
		return 0, false
	}
	if current < 0 { // the instructions, before the first side
		current = 0
	}
	return starts[(current+1)%len(sides)], true
}
