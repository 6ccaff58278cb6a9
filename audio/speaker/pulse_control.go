//go:build !darwin && !windows

package speaker

import (
	"fmt"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// pause drops what the stream holds that the server has not yet taken, and
// leaves the stream to run dry: the server plays out what it took, and the
// place kept is the first frame it did not take. Corking would be heard
// sooner, but a sink that rewinds when a stream is corked drops the frames
// it had taken, and they would never be heard.
func (d *device) pause() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.playing {
		return ErrNotPlaying
	}
	if d.paused {
		return nil
	}
	if err := d.request(&proto.FlushPlaybackStream{StreamIndex: d.stream.StreamIndex}, nil); err != nil {
		return err
	}
	t, err := d.query()
	if err != nil {
		return err
	}
	// What was taken plays out now, whatever the server says of running.
	d.written = t.written
	d.clk.measure(t.read, t.latency, t.written, true, t.at)
	d.paused = true
	d.gen++
	return nil
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
	if err := d.restart(-1); err != nil {
		return err
	}
	d.paused = false
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
	if err := d.request(&proto.FlushPlaybackStream{StreamIndex: d.stream.StreamIndex}, nil); err != nil {
		return err
	}
	if err := d.restart(frame); err != nil {
		return err
	}
	return d.feedLocked()
}

// restart makes the next frame written be the source's frame, or with
// frame -1 the frame after the last one the server took. The stream must
// hold nothing unplayed: just flushed, or never written.
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
	if frame < 0 {
		frame = d.clk.toSource(t.written)
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

// leadFrames is the lead of silence before new frames: the sink's latency,
// the most it can rewind, and at least a quarter of the stream's, which is
// what PulseAudio gives the sink for it.
func (d *device) leadFrames(sink int64) int64 {
	target := int64(d.stream.BufferTargetLength) / frameBytes
	return min(max(sink, target/4), target)
}

func (d *device) position() int64 { return d.clk.position(time.Now()) }

func (d *device) isPaused() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.paused
}
