//go:build !darwin && !windows

package speaker

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/jfreymuth/pulse/proto"
)

// frameBytes is the size of one interleaved int16 stereo frame.
const frameBytes = 2 * audio.Channels

// volumeNorm is PulseAudio's volume for "as it is" (100%).
const volumeNorm = 0x10000

// errStreamKilled: the server removed the stream (its sink went away).
var errStreamKilled = errors.New("the server closed the stream")

// link is one connection to a PulseAudio or PipeWire-pulse server with its
// playback stream, made corked. When the server goes away the device makes
// a new link; the events of an old one change nothing.
type link struct {
	addr   string // the server string that answered, for errors
	client *proto.Client
	conn   net.Conn
	stream proto.CreatePlaybackStreamReply
	corked bool // guarded by the device's mu

	credit atomic.Int64 // bytes the server asked for and was not yet sent
	killed atomic.Bool  // the server removed the stream
}

// device plays through one link at a time.
type device struct {
	opts    Options
	wake    chan struct{} // signalled when the server asks for data or goes
	starved atomic.Int64  // underflows: times the stream ran dry (a pause too)

	mu      sync.Mutex // serializes writes and requests; guards the rest
	link    *link      // nil while the server is away
	lost    error      // why the last link went, while link is nil
	lostAt  time.Time  // when
	alive   time.Time  // when the server last answered how far it played
	broken  error      // the output is unusable for good: closed, or gone too long
	gain    float64
	src     audio.Seeker
	playing bool
	paused  bool
	drained bool  // src is at its end: the stream is fed silence
	next    int64 // while paused or away: the source frame to go on from
	lead    int64 // frames of silence to write before the source's
	gen     int   // counts pauses, segments and links, to drop stale timings
	written int64 // output frames given to the link's stream
	buf     []byte
	samples []int16

	clk clock
}

// openDevice connects within o.Timeout, trying each address in turn.
func openDevice(o Options) (*device, error) {
	d := &device{opts: o, wake: make(chan struct{}, 1), gain: 1,
		buf: make([]byte, 4096*frameBytes), samples: make([]int16, 4096*audio.Channels)}
	l, err := d.dial(context.Background(), 1)
	if err != nil {
		return nil, fmt.Errorf("%w: PulseAudio/PipeWire at %s: %s", ErrNoOutput, strings.Join(serverAddresses(o.Server), ", "), reason(err, o.Timeout))
	}
	d.link = l
	return d, nil
}

// dial connects within the timeout (or ctx's deadline, if sooner) and
// makes the stream, at volume gain.
func (d *device) dial(ctx context.Context, gain float64) (*link, error) {
	ctx, cancel := context.WithTimeout(ctx, d.opts.Timeout)
	defer cancel()
	type result struct {
		l   *link
		err error
	}
	done := make(chan result, 1)
	go func() {
		l, err := connectAny(ctx, d, gain)
		done <- result{l, err}
	}()
	select {
	case r := <-done:
		return r.l, r.err
	case <-ctx.Done():
		go func() { // a late connection is not wanted any more
			if r := <-done; r.l != nil {
				r.l.conn.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// event runs on a link's reader goroutine and must not block.
func (d *device) event(l *link, msg any) {
	switch m := msg.(type) {
	case *proto.Request:
		l.credit.Add(int64(m.Length))
	case *proto.PlaybackStreamKilled:
		l.killed.Store(true)
	case *proto.ConnectionClosed:
	case *proto.Underflow:
		d.starved.Add(1)
		return
	default:
		return
	}
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// ask sends one request on l and waits for the answer; it touches no
// state and needs no lock.
func (d *device) ask(l *link, req proto.RequestArgs, reply proto.Reply) error {
	err := l.client.Request(req, reply)
	if err == nil && l.killed.Load() {
		err = errStreamKilled
	}
	return err
}

// request is ask on the current link for callers holding d.mu. When the
// server is away it returns the error that says why, at once.
func (d *device) request(req proto.RequestArgs, reply proto.Reply) error {
	if err := d.usable(); err != nil {
		return err
	}
	l := d.link
	if err := d.ask(l, req, reply); err != nil {
		return d.drop(l, err)
	}
	return nil
}

// usable returns nil when there is a link to ask. d.mu must be held.
func (d *device) usable() error {
	switch {
	case d.broken != nil:
		return d.broken
	case d.link == nil:
		return d.lost
	}
	return nil
}

// drop gives up link l, which failed with err, and returns the error that
// says so. Until a new link is made, the place heard last is kept: the
// clock stops there, and playing goes on from it. d.mu must be held.
func (d *device) drop(l *link, err error) error {
	if l != d.link {
		return d.usable()
	}
	d.link, d.lostAt, d.gen = nil, time.Now(), d.gen+1
	d.lost = fmt.Errorf("%w: PulseAudio/PipeWire at %s: %s", ErrLost, l.addr, reason(err, d.opts.Timeout))
	if d.opts.Reconnect < 0 {
		d.broken = d.lost
	}
	if d.playing && !d.paused {
		// Sound flowed until the server last answered, as far as is known.
		d.next = d.clk.heardAt(d.alive)
		d.clk.hold(d.next, d.src.Len())
	}
	l.conn.Close()
	select {
	case d.wake <- struct{}{}:
	default:
	}
	return d.lost
}

// setVolume does not hold d.mu while it waits: the feeder goes on. Away
// from the server, the volume is kept for the next link.
func (d *device) setVolume(gain float64) error {
	d.mu.Lock()
	d.gain = gain
	l, broken := d.link, d.broken
	d.mu.Unlock()
	if broken != nil || l == nil {
		return broken
	}
	v := volume(gain)
	err := d.ask(l, &proto.SetSinkInputVolume{SinkInputIndex: l.stream.SinkInputIndex, ChannelVolumes: proto.ChannelVolumes{v, v}}, nil)
	if err != nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		d.drop(l, err)
		return d.broken // nil while a reconnection may mend it
	}
	return nil
}

// volume converts a linear gain to PulseAudio's cubic volume scale.
func volume(gain float64) uint32 { return uint32(math.Round(math.Cbrt(gain) * volumeNorm)) }

func (d *device) close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if errors.Is(d.broken, ErrClosed) {
		return nil
	}
	l := d.link
	if l != nil && d.broken == nil {
		d.ask(l, &proto.DeletePlaybackStream{StreamIndex: l.stream.StreamIndex}, nil)
	}
	d.broken = ErrClosed // a running Play returns this
	d.link = nil
	select {
	case d.wake <- struct{}{}:
	default:
	}
	if l == nil {
		return nil
	}
	return l.conn.Close()
}

// reason says why a request failed, without Go's wrapping.
func reason(err error, timeout time.Duration) string {
	var se *os.SyscallError
	switch {
	case errors.As(err, &se):
		return se.Err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("no answer within %v", timeout)
	}
	return err.Error()
}
