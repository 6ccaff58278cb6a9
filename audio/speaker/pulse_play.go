//go:build !darwin && !windows

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
	"github.com/jfreymuth/pulse/proto"
)

// How often Play asks the server how far it has played: at most every
// pollMax, which bounds how soon a lost server is noticed, and more often
// as the end draws near, so that Play returns within pollMin of it.
const (
	pollMax = 50 * time.Millisecond
	pollMin = 2 * time.Millisecond
)

// play runs two loops: a feeder that answers the server's requests for
// data, and a watcher that polls the server's timing. Neither waits for the
// other, so a slow answer from the server never starves the stream.
func (d *device) play(ctx context.Context, src audio.Seeker) error {
	if err := d.begin(src); err != nil {
		return err
	}
	stop, failed := make(chan struct{}), make(chan struct{})
	var ferr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if ferr = d.feedLoop(stop); ferr != nil {
			close(failed)
		}
	}()
	err := d.watch(ctx, failed)
	close(stop)
	wg.Wait()
	if ferr != nil {
		err = ferr
	}
	d.finish()
	return err
}

// feedLoop feeds the stream whenever the server asks, until stop.
func (d *device) feedLoop(stop <-chan struct{}) error {
	for {
		select {
		case <-stop:
			return nil
		case <-d.wake:
		}
		if err := d.feed(); err != nil {
			return err
		}
	}
}

// watch polls the server until the end is heard, ctx is done, the feeder
// fails or the server does.
func (d *device) watch(ctx context.Context, failed <-chan struct{}) error {
	next := time.NewTimer(pollMin)
	defer next.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-failed:
			return nil // the feeder's error is returned
		case <-next.C:
			if end, err := d.poll(); end || err != nil {
				return err
			}
			next.Reset(min(max(d.clk.untilEnd(), pollMin), pollMax))
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
// source's last frame has been heard. It does not hold d.mu while it waits
// for the server; a measurement made across a pause or a seek is dropped.
// A paused stream is only checked for errors: the clock already knows
// where it stopped.
func (d *device) poll() (end bool, err error) {
	d.mu.Lock()
	gen, broken := d.gen, d.broken
	d.mu.Unlock()
	if broken != nil {
		return false, broken
	}
	t, err := d.timing()
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		return false, d.fail(err)
	}
	if d.paused || d.gen != gen || !d.clk.worth(t.rtt, t.at) {
		return false, nil
	}
	d.clk.measure(t.read, t.latency, max(t.written, d.written), t.running, t.at)
	return d.clk.atEnd(), nil
}

// timing is the server's answer to "how far have you played", in frames.
type timing struct {
	read    int64     // frames the server has taken from the stream
	written int64     // frames it has been given
	latency int64     // of those taken, frames not yet heard
	running bool      // whether it is playing the stream
	at      time.Time // when it answered, about: halfway through the round trip
	rtt     time.Duration
}

// timing asks the server; it touches no state, and needs no lock.
func (d *device) timing() (timing, error) {
	var lat proto.GetPlaybackLatencyReply
	sent := time.Now()
	if err := d.ask(&proto.GetPlaybackLatency{StreamIndex: d.stream.StreamIndex}, &lat); err != nil {
		return timing{}, err
	}
	rtt := time.Since(sent)
	return timing{
		read:    lat.ReadIndex / frameBytes,
		written: lat.WriteIndex / frameBytes,
		latency: int64(lat.Latency) * audio.SampleRate / int64(time.Second/time.Microsecond),
		running: lat.Running,
		at:      sent.Add(rtt / 2),
		rtt:     rtt,
	}, nil
}

// query is timing for callers holding d.mu.
func (d *device) query() (timing, error) {
	if d.broken != nil {
		return timing{}, d.broken
	}
	t, err := d.timing()
	if err != nil {
		return t, d.fail(err)
	}
	return t, nil
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
		d.written += n / frameBytes
		d.clk.wrote(d.written)
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
