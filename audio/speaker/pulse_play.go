//go:build !darwin && !windows

package speaker

import (
	"context"
	"sync"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/jfreymuth/pulse/proto"
)

// How often Play asks the server how far it has played: at most every
// pollMax, which bounds how soon a lost server is noticed, and more often
// as the end draws near, so that Play returns within pollMin of it. (Every
// 50 ms, asking took about 1% of a core; Position moves on with the wall
// clock between answers.)
const (
	pollMax = 100 * time.Millisecond
	pollMin = 2 * time.Millisecond
)

// play runs two loops: a feeder that answers the server's requests for
// data, and a watcher that polls the server's timing and reconnects when
// it goes. Neither waits for the other, so a slow answer from the server
// never starves the stream.
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

// feedLoop feeds the stream whenever the server asks, until stop or the
// source fails.
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
// fails or the output does; when the server goes, it waits for it to
// come back.
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
		}
		end, err := d.poll()
		if end || err != nil {
			return err
		}
		if d.away() {
			if err := d.reconnect(ctx); err != nil {
				return err
			}
		}
		next.Reset(min(max(d.clk.untilEnd(), pollMin), pollMax))
	}
}

// begin starts playing src from its current frame. With no server at
// hand (it went away before this Play), the watcher reconnects.
func (d *device) begin(src audio.Seeker) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case d.broken != nil:
		return d.broken
	case d.playing:
		return ErrBusy
	}
	d.src, d.playing, d.paused, d.next = src, true, false, src.Pos()
	d.clk.hold(d.next, src.Len())
	if d.link == nil {
		d.lostAt = time.Now() // a new Play waits for the server afresh
		return nil
	}
	if err := d.startAt(d.next); err != nil {
		d.playing = false
		return err
	}
	return nil
}

// finish corks the stream and drops what it still holds, ready for the next
// Play.
func (d *device) finish() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.clk.halt(time.Now())
	d.playing, d.paused, d.src = false, false, nil
	if d.link != nil && d.cork(true) == nil {
		d.request(&proto.FlushPlaybackStream{StreamIndex: d.link.stream.StreamIndex}, nil)
	}
}

// poll measures how far the stream has played, and reports whether the
// source's last frame has been heard. It does not hold d.mu while it waits
// for the server; a measurement made across a pause, a seek or a new link
// is dropped. A paused stream is only checked for errors: the clock
// already knows where it stopped.
func (d *device) poll() (end bool, err error) {
	d.mu.Lock()
	gen, l, broken := d.gen, d.link, d.broken
	d.mu.Unlock()
	if broken != nil || l == nil {
		return false, broken
	}
	t, err := d.timing(l)
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		d.drop(l, err)
		return false, d.broken
	}
	if d.gen == gen {
		d.alive = t.at
	}
	if d.paused || d.gen != gen || !d.clk.worth(t.rtt, t.at) {
		return false, nil
	}
	d.clk.measure(t.read, t.latency, max(t.written, d.written), t.running, t.at)
	return d.clk.atEnd(), nil
}

// away reports whether the server has gone and may come back.
func (d *device) away() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.link == nil && d.broken == nil
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

// timing asks the server on l; it touches no state, and needs no lock.
func (d *device) timing(l *link) (timing, error) {
	var lat proto.GetPlaybackLatencyReply
	sent := time.Now()
	if err := d.ask(l, &proto.GetPlaybackLatency{StreamIndex: l.stream.StreamIndex}, &lat); err != nil {
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

// query is timing on the current link, for callers holding d.mu.
func (d *device) query() (timing, error) {
	if err := d.usable(); err != nil {
		return timing{}, err
	}
	l := d.link
	t, err := d.timing(l)
	if err != nil {
		return t, d.drop(l, err)
	}
	return t, nil
}
