package speaker

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// pollEvery is how often a pull device's Play reads the player's state.
const pollEvery = 10 * time.Millisecond

// puller is what a pull device needs of a player that pulls frames from a
// reader into its buffer, and from there to the sound card: oto's Player
// on macOS and Windows, a fake in tests.
type puller interface {
	Play()
	Pause()
	Seek(offset int64, whence int) (int64, error) // drops the buffer, then seeks the reader
	BufferedSize() int                            // bytes pulled and not yet sent to the card
	SetVolume(gain float64)
	Err() error
}

// pullDevice plays through a puller. The clock takes the frames the reader
// gave, less those the player still holds, less the card's buffer
// (latency), as heard.
type pullDevice struct {
	newPlayer func(io.Reader) puller
	latency   int64            // frames: the card's buffer
	system    string           // the sound system, for errors
	now       func() time.Time // time.Now, but for tests

	mu      sync.Mutex
	player  puller
	in      *reader
	playing bool
	paused  bool
	closed  bool
	gain    float64

	clk clock
}

func (d *pullDevice) play(ctx context.Context, src audio.Seeker) error {
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

func (d *pullDevice) begin(src audio.Seeker) error {
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
	d.player = d.newPlayer(d.in)
	d.player.SetVolume(d.gain)
	d.player.Play()
	d.playing, d.paused = true, false
	return nil
}

func (d *pullDevice) finish() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.clk.halt(d.now())
	d.player.Pause()
	d.player, d.playing, d.paused = nil, false, false
}

// poll measures the player and reports whether the end has been heard.
func (d *pullDevice) poll() (end bool, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return false, ErrClosed
	}
	if err := d.player.Err(); err != nil {
		return false, fmt.Errorf("%w: %s: %v", ErrLost, d.system, err)
	}
	if err := d.in.failed(); err != nil {
		return false, err
	}
	given := d.in.given()
	read := given - int64(d.player.BufferedSize()/frameBytes)
	latency, ahead := d.latency, given
	if d.paused {
		// The card plays out what it took, all of it heard, and no more.
		latency, ahead = 0, read
	}
	d.clk.measure(read, latency, ahead, !d.paused, d.now())
	return !d.paused && d.clk.atEnd(), nil
}

// pause stops taking frames from the player; it keeps what it holds, so
// resume goes on from the next frame.
func (d *pullDevice) pause() error { return d.setPaused(true) }

func (d *pullDevice) resume() error { return d.setPaused(false) }

func (d *pullDevice) setPaused(paused bool) error {
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
func (d *pullDevice) seek(frame int64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.playing {
		return ErrNotPlaying
	}
	if n := d.in.src.Len(); frame > n {
		return fmt.Errorf("speaker: seek to frame %d: beyond the end, %d", frame, n)
	}
	_, err := d.player.Seek(frame*frameBytes, io.SeekStart)
	return err
}

func (d *pullDevice) position() int64 { return d.clk.position(d.now()) }

func (d *pullDevice) isPaused() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.paused
}

func (d *pullDevice) setVolume(gain float64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gain = gain
	if d.player != nil {
		d.player.SetVolume(gain)
	}
	return nil
}

func (d *pullDevice) describe() (Server, error) { return Server{Name: d.system}, nil }

// close stops a running Play; the player's context stays for the next Open.
func (d *pullDevice) close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	if d.player != nil {
		d.player.Pause()
	}
	return nil
}

// reader hands the player the source's frames, then silence: the player
// never runs dry, and Play, not the player, decides when the end has been
// heard.
type reader struct {
	mu      sync.Mutex
	src     audio.Seeker
	clk     *clock
	frames  int64 // frames given to the player
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

// Seek is called by the player's Seek, after it has dropped what it held:
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
