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

// device is one connection to a PulseAudio or PipeWire-pulse server with
// one playback stream, made corked at Open and kept until Close.
type device struct {
	addr    string        // the server string that answered, for errors
	timeout time.Duration // for each request
	client  *proto.Client
	conn    net.Conn
	stream  proto.CreatePlaybackStreamReply

	credit  atomic.Int64  // bytes the server asked for and was not yet sent
	wake    chan struct{} // signalled when the server asks for data or goes
	killed  atomic.Bool   // the server removed the stream
	starved atomic.Int64  // underflows: times the stream ran dry (a pause too)

	mu      sync.Mutex // serializes writes and requests; guards the rest
	src     audio.Seeker
	playing bool
	paused  bool
	drained bool  // src is at its end: the stream is fed silence
	lead    int64 // frames of silence to write before the source's
	gen     int   // counts pauses and new segments, to drop stale timings
	written int64 // output frames given to the server
	broken  error // the first failed request: the output is unusable
	closed  bool
	buf     []byte
	samples []int16

	clk clock
}

// openDevice connects within o.Timeout, trying each address in turn.
func openDevice(o Options) (*device, error) {
	addrs := serverAddresses(o.Server)
	ctx, cancel := context.WithTimeout(context.Background(), o.Timeout)
	defer cancel()
	type result struct {
		d   *device
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := connectAny(ctx, addrs, o)
		done <- result{d, err}
	}()
	var err error
	select {
	case r := <-done:
		if r.err == nil {
			return r.d, nil
		}
		err = r.err
	case <-ctx.Done():
		err = ctx.Err()
		go func() { // a late connection is not wanted any more
			if r := <-done; r.d != nil {
				r.d.conn.Close()
			}
		}()
	}
	return nil, fmt.Errorf("%w: PulseAudio/PipeWire at %s: %s", ErrNoOutput, strings.Join(addrs, ", "), reason(err, o.Timeout))
}

// event runs on the connection's reader goroutine and must not block.
func (d *device) event(msg any) {
	switch m := msg.(type) {
	case *proto.Request:
		d.credit.Add(int64(m.Length))
	case *proto.PlaybackStreamKilled:
		d.killed.Store(true)
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

// ask sends one request and waits for the answer; it touches no state
// and needs no lock.
func (d *device) ask(req proto.RequestArgs, reply proto.Reply) error {
	err := d.client.Request(req, reply)
	if err == nil && d.killed.Load() {
		err = errors.New("the server closed the stream")
	}
	return err
}

// request is ask for callers holding d.mu: after a failure the output is
// unusable, and every later request fails the same way at once.
func (d *device) request(req proto.RequestArgs, reply proto.Reply) error {
	if d.broken != nil {
		return d.broken
	}
	if err := d.ask(req, reply); err != nil {
		return d.fail(err)
	}
	return nil
}

// fail marks the output unusable because of err, and returns the error
// every later request will return.
func (d *device) fail(err error) error {
	if d.broken == nil {
		d.broken = fmt.Errorf("%w: PulseAudio/PipeWire at %s: %s", ErrLost, d.addr, reason(err, d.timeout))
	}
	return d.broken
}

// setVolume does not hold d.mu while it waits: the feeder goes on.
func (d *device) setVolume(gain float64) error {
	v := uint32(math.Round(math.Cbrt(gain) * volumeNorm)) // PulseAudio volumes are cubic
	d.mu.Lock()
	broken := d.broken
	d.mu.Unlock()
	if broken != nil {
		return broken
	}
	err := d.ask(&proto.SetSinkInputVolume{
		SinkInputIndex: d.stream.SinkInputIndex,
		ChannelVolumes: proto.ChannelVolumes{v, v},
	}, nil)
	if err != nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.fail(err)
	}
	return nil
}

func (d *device) close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return nil
	}
	if d.broken == nil {
		d.request(&proto.DeletePlaybackStream{StreamIndex: d.stream.StreamIndex}, nil)
	}
	d.closed = true
	d.broken = ErrClosed // a running Play returns this
	return d.conn.Close()
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
