//go:build darwin || windows

package speaker

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"
	"github.com/floorcoach/floorcoach/audio"
)

// frameBytes is the size of one interleaved int16 stereo frame.
const frameBytes = 2 * audio.Channels

// pollEvery is how often Play reads the player's state.
const pollEvery = 10 * time.Millisecond

// output is the process's one oto context: oto allows only one, so it is
// made at the first Open and kept. This is the package's only package-level
// state, and this file its only user.
var output struct {
	once  sync.Once
	ctx   *oto.Context
	ready chan struct{}
	err   error
}

// system names the sound system for errors.
func system() string {
	if runtime.GOOS == "darwin" {
		return "Core Audio"
	}
	return "the Windows audio service"
}

// device plays through oto. oto pulls frames from a reader; the clock takes
// the frames the reader gave, less those oto still holds, less the device
// buffer asked for (Options.Latency), as heard.
type device struct {
	latency int64 // frames: the device buffer asked of oto

	mu      sync.Mutex
	player  *oto.Player
	in      *reader
	playing bool
	paused  bool
	closed  bool

	clk clock
}

func openDevice(o Options) (*device, error) {
	output.once.Do(func() {
		output.ctx, output.ready, output.err = oto.NewContext(&oto.NewContextOptions{
			SampleRate:   audio.SampleRate,
			ChannelCount: audio.Channels,
			Format:       oto.FormatSignedInt16LE,
			BufferSize:   o.Latency,
		})
	})
	if output.err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNoOutput, system(), output.err)
	}
	select {
	case <-output.ready:
	case <-time.After(o.Timeout):
		return nil, fmt.Errorf("%w: %s: no answer within %v", ErrNoOutput, system(), o.Timeout)
	}
	if err := output.ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNoOutput, system(), err)
	}
	return &device{latency: audio.Frames(o.Latency)}, nil
}

func (d *device) play(ctx context.Context, src audio.Seeker) error {
	if err := d.begin(src); err != nil {
		return err
	}
	defer d.finish()
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		if end, err := d.poll(); end || err != nil {
			return err
		}
	}
}

func (d *device) begin(src audio.Seeker) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case d.closed:
		return ErrClosed
	case d.playing:
		return ErrBusy
	}
	d.in = &reader{src: src, clk: &d.clk}
	d.clk.segment(0, src.Pos(), src.Len())
	d.player = output.ctx.NewPlayer(d.in)
	d.player.Play()
	d.playing, d.paused = true, false
	return nil
}

func (d *device) finish() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.clk.halt(time.Now())
	d.player.Pause()
	d.player, d.playing, d.paused = nil, false, false
}

// poll measures the player and reports whether the end has been heard.
func (d *device) poll() (end bool, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return false, ErrClosed
	}
	if err := d.player.Err(); err != nil {
		return false, fmt.Errorf("%w: %s: %v", ErrLost, system(), err)
	}
	if err := d.in.failed(); err != nil {
		return false, err
	}
	given := d.in.given()
	read := given - int64(d.player.BufferedSize()/frameBytes)
	latency, ahead := d.latency, given
	if d.paused {
		// The device plays out what it took, all of it heard, and no more.
		latency, ahead = 0, read
	}
	d.clk.measure(read, latency, ahead, !d.paused, time.Now())
	return !d.paused && d.clk.atEnd(), nil
}

// pause stops taking frames from the player; oto keeps what it holds, so
// resume goes on from the next frame.
func (d *device) pause() error { return d.setPaused(true) }

func (d *device) resume() error { return d.setPaused(false) }

func (d *device) setPaused(paused bool) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.playing {
		return ErrNotPlaying
	}
	if paused {
		d.player.Pause()
	} else {
		d.player.Play()
	}
	d.paused = paused
	return nil
}

// seek drops what the player holds and reads on from frame.
func (d *device) seek(frame int64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.playing {
		return ErrNotPlaying
	}
	_, err := d.player.Seek(frame*frameBytes, io.SeekStart)
	return err
}

func (d *device) position() int64 { return d.clk.position(time.Now()) }

func (d *device) isPaused() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.paused
}

func (d *device) setVolume(gain float64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.player != nil {
		d.player.SetVolume(gain)
	}
	return nil
}

// close stops a running Play; the oto context stays for the next Open.
func (d *device) close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	if d.player != nil {
		d.player.Pause()
	}
	return nil
}

// reader hands oto the source's frames, then silence: the player never
// runs dry, and Play, not oto, decides when the end has been heard.
type reader struct {
	mu      sync.Mutex
	src     audio.Seeker
	clk     *clock
	frames  int64 // frames given to oto
	drained bool
	err     error
	samples []int16
}

func (r *reader) Read(b []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(b) / frameBytes * frameBytes
	if cap(r.samples) < n/2 {
		r.samples = make([]int16, n/2)
	}
	s := r.samples[:n/2]
	k := 0
	for k < len(s) && !r.drained && r.err == nil {
		m, err := r.src.Read(s[k:])
		k += m
		if errors.Is(err, io.EOF) {
			r.drained = true
		} else if err != nil {
			r.err = fmt.Errorf("speaker: read source at frame %d: %w", r.src.Pos(), err)
		} else if m == 0 {
			r.err = fmt.Errorf("speaker: read source at frame %d: no frames and no error", r.src.Pos())
		}
	}
	clear(s[k:])
	for i, v := range s {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	r.frames += int64(n / frameBytes)
	return n, nil
}

// Seek is called by oto's Player.Seek, after it has dropped what it held:
// the next frame given is the source's frame offset/frameBytes.
func (r *reader) Seek(offset int64, whence int) (int64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if whence != io.SeekStart {
		return 0, errors.New("speaker: seek from the start only")
	}
	frame := offset / frameBytes
	if err := r.src.SeekFrame(frame); err != nil {
		return 0, fmt.Errorf("speaker: seek to frame %d: %w", frame, err)
	}
	r.drained = false
	r.clk.segment(r.frames, frame, r.src.Len())
	return offset, nil
}

func (r *reader) given() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.frames
}

func (r *reader) failed() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}
