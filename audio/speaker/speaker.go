package speaker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// MixAhead is how far ahead of what is heard the sound server is asked to
// mix (on PulseAudio and PipeWire): what it has mixed still plays after
// Pause, and comes before the frames after Resume and SeekTo.
const MixAhead = 40 * time.Millisecond

// Defaults for Options.
const (
	DefaultLatency   = 400 * time.Millisecond
	DefaultTimeout   = 2 * time.Second
	DefaultReconnect = 10 * time.Second
	DefaultName      = "floorcoach"
)

// Errors a caller may want to tell apart; the returned errors wrap them and
// say what was tried.
var (
	// ErrNoOutput: Open found no sound output to play through.
	ErrNoOutput = errors.New("speaker: no sound output")
	// ErrLost: the sound output went away or stopped answering while open.
	ErrLost = errors.New("speaker: sound output lost")
	// ErrNotPlaying: Pause, Resume or SeekTo was called with no Play running.
	ErrNotPlaying = errors.New("speaker: not playing")
	// ErrBusy: Play was called while another Play was running.
	ErrBusy = errors.New("speaker: already playing")
	// ErrClosed: the speaker was closed.
	ErrClosed = errors.New("speaker: closed")
)

// Options configure Open. The zero value is ready to use.
type Options struct {
	// Server is a PulseAudio server string such as "unix:/run/user/1000/pulse/native".
	// Empty means $PULSE_SERVER, else the user's own server. Only used on
	// Linux and other unix systems.
	Server string
	// Latency is how much sound the server holds ahead of what is heard:
	// the longest the machine may keep this process from running before
	// the sound breaks up. On PulseAudio and PipeWire it does not slow the
	// controls: the server mixes only MixAhead of it, so Pause is heard
	// within about MixAhead, and Resume and SeekTo within about twice
	// that. 0 means DefaultLatency.
	Latency time.Duration
	// Timeout bounds Open and each request to the sound server. 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// Reconnect is how long a Play waits for a sound server that went away
	// (it crashed, or restarted, as PipeWire does when devices change) to
	// come back: it reconnects and goes on from the last frame heard. After
	// that Play fails with ErrLost. 0 means DefaultReconnect; a negative
	// value, not at all. Only used on Linux and other unix systems.
	Reconnect time.Duration
	// Name is what volume controls show for the stream. "" means DefaultName.
	Name string
}

func (o Options) withDefaults() Options {
	if o.Latency <= 0 {
		o.Latency = DefaultLatency
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Reconnect == 0 {
		o.Reconnect = DefaultReconnect
	}
	if o.Name == "" {
		o.Name = DefaultName
	}
	return o
}

// Speaker is an open sound output. Play runs one source at a time; the other
// methods may be called from any goroutine while it runs.
type Speaker struct {
	dev backend
}

// backend is what plays: a PulseAudio client on Linux and other unix
// systems, oto elsewhere.
type backend interface {
	play(ctx context.Context, src audio.Seeker) error
	pause() error
	resume() error
	seek(frame int64) error
	position() int64
	isPaused() bool
	setVolume(gain float64) error
	describe() (Server, error)
	close() error
}

// Server describes the sound output a Speaker plays through.
type Server struct {
	Name    string // "PulseAudio 16.1", "PipeWire 0.3.65", "Core Audio"
	Sink    string // the name of the default sink, where the server names one
	Address string // where it answered, where it has an address
}

// Server asks the sound output what it is.
func (s *Speaker) Server() (Server, error) { return s.dev.describe() }

// Open connects to the sound output. It returns within about Options.Timeout,
// with an error wrapping ErrNoOutput when there is nothing to play through.
func Open(opts Options) (*Speaker, error) {
	d, err := openDevice(opts.withDefaults())
	if err != nil {
		return nil, err
	}
	return &Speaker{dev: d}, nil
}

// Play plays src from its current frame (src.Pos()) to its end, and returns
// once the last frame has been heard, or at once when ctx is done (with
// ctx.Err()), or with an error wrapping ErrLost when the sound output goes
// away and does not come back within Options.Reconnect. A paused Play
// waits for Resume. Play reads src from its own goroutine; the caller must
// not use src until Play returns.
func (s *Speaker) Play(ctx context.Context, src audio.Seeker) error {
	return s.dev.play(ctx, src)
}

// Pause stops the sound, after the few milliseconds the server has already
// taken, keeping the place: Resume goes on from the next frame, with none
// lost or repeated. Pausing a paused Play does nothing.
func (s *Speaker) Pause() error { return s.dev.pause() }

// Resume goes on after Pause. Resuming a Play that is not paused does nothing.
func (s *Speaker) Resume() error { return s.dev.resume() }

// SeekTo makes frame the next frame heard, within about twice MixAhead. It keeps a paused Play paused; seeking to the source's
// end ends Play. (It is not named Seek: go vet reserves that name for
// io.Seeker's method.)
func (s *Speaker) SeekTo(frame int64) error {
	if frame < 0 {
		return fmt.Errorf("speaker: seek to frame %d: must not be negative", frame)
	}
	return s.dev.seek(frame)
}

// Position returns the source frame being heard now. It is cheap: it asks
// nothing of the sound server. After Play returns it stays where Play ended.
func (s *Speaker) Position() int64 { return s.dev.position() }

// Paused reports whether Play is paused.
func (s *Speaker) Paused() bool { return s.dev.isPaused() }

// SetVolume sets the stream's volume, as a linear gain from 0 (silent) to 1
// (the source as it is).
func (s *Speaker) SetVolume(gain float64) error {
	if !(gain >= 0 && gain <= 1) {
		return fmt.Errorf("speaker: volume %v: must be between 0 and 1", gain)
	}
	return s.dev.setVolume(gain)
}

// Close releases the sound output; a running Play returns with an error.
func (s *Speaker) Close() error { return s.dev.close() }
