//go:build !darwin && !windows

package speaker

import (
	"context"
	"fmt"
	"time"
)

// retryEvery is how often reconnect tries the server again. A refused
// dial on a local socket costs a few system calls, so trying often is
// cheap, and the sound comes back soon after the server does: with 100 ms
// it came back 155–175 ms after a PipeWire restart, with 25 ms about
// 60–90 ms.
const retryEvery = 25 * time.Millisecond

// reconnect waits, up to Options.Reconnect after the server went, for it
// to come back, and goes on playing there from the frame last heard (or
// stays paused). It returns ctx.Err() when ctx is done first, and an error
// wrapping ErrLost when the server does not come back in time.
func (d *device) reconnect(ctx context.Context) error {
	d.mu.Lock()
	deadline := d.lostAt.Add(d.opts.Reconnect)
	d.mu.Unlock()
	for {
		d.mu.Lock()
		broken, away, gain := d.broken, d.link == nil, d.gain
		if broken == nil && away && !time.Now().Before(deadline) {
			d.broken = fmt.Errorf("%w, and it did not come back within %v", d.lost, d.opts.Reconnect)
			broken = d.broken
		}
		d.mu.Unlock()
		if broken != nil || !away {
			return broken
		}
		dctx, cancel := context.WithDeadline(ctx, deadline)
		l, err := d.dial(dctx, gain)
		cancel()
		if err == nil {
			if err := d.adopt(l); err != nil {
				return err
			}
			continue
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(retryEvery):
		}
	}
}

// adopt makes l the link, and goes on playing through it unless paused.
func (d *device) adopt(l *link) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.broken != nil {
		l.conn.Close()
		return d.broken
	}
	d.link, d.lost, d.gen = l, nil, d.gen+1
	if !d.playing || d.paused {
		return nil
	}
	return d.startAt(d.next)
}
