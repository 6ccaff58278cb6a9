//go:build !darwin && !windows

package speaker

import (
	"fmt"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/jfreymuth/pulse/proto"
)

// pause drops what the stream holds that the server has not yet taken, and
// leaves the stream to run dry: the server plays out what it took, and the
// place kept is the first frame it did not take. (Corking would be heard
// sooner, but a sink that cannot rewind all it has mixed loses what it
// cannot.) Away from the server, the place is where sound stopped.
func (d *device) pause() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.playing {
		return ErrNotPlaying
	}
	if d.paused {
		return nil
	}
	if d.link != nil && d.request(&proto.FlushPlaybackStream{StreamIndex: d.link.stream.StreamIndex}, nil) == nil {
		if t, err := d.query(); err == nil {
			// What was taken plays out now, whatever the server says of running.
			d.written = t.written
			d.next = d.clk.toSource(t.written)
			d.clk.measure(t.read, t.latency, t.written, true, t.at)
			d.clk.noFurther(d.next)
		}
	}
	// A server that went meanwhile was dropped, keeping the place heard.
	d.paused = true
	d.gen++
	return d.broken
}

// resume goes on from the frame after the last one the server took.
func (d *device) resume() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.playing {
		return ErrNotPlaying
	}
	if !d.paused {
		return nil
	}
	d.paused = false
	if d.link == nil {
		return d.broken // the watcher goes on once the server is back
	}
	if d.link.corked { // a new link, made while paused
		return d.mended(d.startAt(d.next))
	}
	if err := d.restart(d.next); err != nil {
		return d.mended(err)
	}
	return d.feedLocked()
}

// seek drops what the stream holds and goes on at frame.
func (d *device) seek(frame int64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.playing {
		return ErrNotPlaying
	}
	if n := d.src.Len(); frame > n {
		return fmt.Errorf("speaker: seek to frame %d: beyond the end, %d", frame, n)
	}
	if !d.paused && d.link != nil {
		err := d.request(&proto.FlushPlaybackStream{StreamIndex: d.link.stream.StreamIndex}, nil)
		if err == nil {
			err = d.restart(frame)
		}
		if err == nil {
			return d.feedLocked()
		}
		if err = d.mended(err); err != nil {
			return err
		}
	}
	// Paused, or away: go on from frame when playing again.
	d.next = frame
	d.gen++
	d.clk.hold(frame, d.src.Len())
	return d.broken
}

// mended returns nil for an error that a reconnection may mend: the
// server went, and the watcher waits for it. d.mu must be held.
func (d *device) mended(err error) error {
	if err != nil && d.link == nil && d.broken == nil {
		return nil
	}
	return err
}

// startAt plays from source frame on a corked stream that holds nothing:
// it brings the sink up to date (see catchUp), writes the lead and the
// first frames, and uncorks the stream.
func (d *device) startAt(frame int64) error {
	if err := d.catchUp(); err != nil {
		return d.mended(err)
	}
	if err := d.restart(frame); err != nil {
		return d.mended(err)
	}
	if err := d.feedLocked(); err != nil {
		return err
	}
	return d.mended(d.cork(false))
}

// cork corks or uncorks the stream.
func (d *device) cork(corked bool) error {
	if err := d.request(&proto.CorkPlaybackStream{StreamIndex: d.link.stream.StreamIndex, Corked: corked}, nil); err != nil {
		return err
	}
	d.link.corked = corked
	return nil
}

// restart makes the next frame written be the source's frame. The stream
// must hold nothing unplayed: just flushed, or never written.
//
// The source's frames follow a short lead of silence. When a stream that
// ran dry gets data again, PulseAudio rewinds the sink to play it at once,
// and may drop the first few milliseconds it had already mixed; the lead
// is what it drops.
func (d *device) restart(frame int64) error {
	t, err := d.query()
	if err != nil {
		return err
	}
	if frame != d.src.Pos() {
		if err := d.src.SeekFrame(frame); err != nil {
			return fmt.Errorf("speaker: seek to frame %d: %w", frame, err)
		}
	}
	d.drained, d.written = false, t.written
	d.gen++
	d.lead = d.leadFrames(t.latency)
	d.clk.segment(t.written+d.lead, frame, d.src.Len())
	return nil
}

// leadFrames is the lead of silence before new frames: the sink's latency
// (what it has mixed, the most it can rewind), and at least the latency
// the server gave the stream's sink.
func (d *device) leadFrames(sink int64) int64 {
	target := int64(d.link.stream.BufferTargetLength) / frameBytes
	given := audio.Frames(time.Duration(d.link.stream.SinkLatency) * time.Microsecond)
	return min(max(sink, given), target)
}

func (d *device) position() int64 { return d.clk.position(time.Now()) }

func (d *device) isPaused() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.paused
}
