//go:build !darwin && !windows

package speaker

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/jfreymuth/pulse/proto"
)

// pollEvery is how often Play asks the server how far it has played: the
// grain of Position's measurements and of noticing the end or a lost server.
const pollEvery = 20 * time.Millisecond

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
		case <-d.wake:
		case <-tick.C:
			if end, err := d.poll(); end || err != nil {
				return err
			}
		}
		if err := d.feed(); err != nil {
			return err
		}
	}
}

// begin starts a segment at the stream's write index, fills the buffer and
// uncorks the stream.
func (d *device) begin(src audio.Seeker) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.playing {
		return ErrBusy
	}
	d.src = src
	if err := d.restart(src.Pos()); err != nil {
		return err
	}
	d.playing, d.paused = true, false
	err := d.feedLocked()
	if err == nil {
		err = d.request(&proto.CorkPlaybackStream{StreamIndex: d.stream.StreamIndex, Corked: false}, nil)
	}
	if err != nil {
		d.playing = false
	}
	return err
}

// finish corks the stream and drops what it still holds, ready for the next
// Play. A broken output is left alone: asking it would only wait.
func (d *device) finish() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.clk.halt(time.Now())
	d.playing, d.paused, d.src = false, false, nil
	if d.request(&proto.CorkPlaybackStream{StreamIndex: d.stream.StreamIndex, Corked: true}, nil) == nil {
		d.request(&proto.FlushPlaybackStream{StreamIndex: d.stream.StreamIndex}, nil)
	}
}

// poll measures how far the stream has played, and reports whether the
// source's last frame has been heard. A paused stream is only checked for
// errors: the clock already knows where it stopped.
func (d *device) poll() (end bool, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	t, err := d.query()
	if err != nil || d.paused {
		return false, err
	}
	d.clk.measure(t.read, t.latency, t.written, t.running, t.at)
	return d.clk.atEnd(), nil
}

// timing is the server's answer to "how far have you played", in frames.
type timing struct {
	read    int64     // frames the server has taken from the stream
	written int64     // frames it has been given
	latency int64     // of those taken, frames not yet heard
	running bool      // whether it is playing the stream
	at      time.Time // when it answered, about
}

func (d *device) query() (timing, error) {
	var lat proto.GetPlaybackLatencyReply
	sent := time.Now()
	if err := d.request(&proto.GetPlaybackLatency{StreamIndex: d.stream.StreamIndex}, &lat); err != nil {
		return timing{}, err
	}
	return timing{
		read:    lat.ReadIndex / frameBytes,
		written: lat.WriteIndex / frameBytes,
		latency: int64(lat.Latency) * audio.SampleRate / int64(time.Second/time.Microsecond),
		running: lat.Running,
		at:      sent.Add(time.Since(sent) / 2),
	}, nil
}

func (d *device) feed() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.feedLocked()
}

// feedLocked writes as many whole frames as the server asked for.
func (d *device) feedLocked() error {
	for d.playing && !d.paused {
		n := min(d.credit.Load(), int64(len(d.buf))) / frameBytes * frameBytes
		if n <= 0 {
			return nil
		}
		if err := d.fill(d.buf[:n]); err != nil {
			return err
		}
		d.credit.Add(-n)
		if err := d.client.Send(d.stream.StreamIndex, d.buf[:n]); err != nil {
			return d.fail(err)
		}
	}
	return nil
}

// fill fills b with what is due, little-endian: the lead of silence, the
// source's frames, then silence after its end.
func (d *device) fill(b []byte) error {
	s := d.samples[:len(b)/2]
	n := int(min(d.lead*audio.Channels, int64(len(s))))
	clear(s[:n])
	d.lead -= int64(n / audio.Channels)
	for n < len(s) && !d.drained {
		k, err := d.src.Read(s[n:])
		n += k
		if errors.Is(err, io.EOF) {
			d.drained = true
		} else if err != nil {
			return fmt.Errorf("speaker: read source at frame %d: %w", d.src.Pos(), err)
		} else if k == 0 {
			return fmt.Errorf("speaker: read source at frame %d: no frames and no error", d.src.Pos())
		}
	}
	clear(s[n:])
	for i, v := range s {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	return nil
}
