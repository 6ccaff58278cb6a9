package speaker

import (
	"sync"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// clock maps the sound output's frame counter to frames of the source, and
// answers which source frame is being heard. It is told what the output has
// done (measure) and never asks; its lock is its own, so Position never
// waits for the sound server.
//
// Output frames count every frame written to the output stream since it was
// made. A segment is a run of source frames written from output frame base
// on; SeekTo and Play start new segments.
type clock struct {
	mu     sync.Mutex
	base   int64     // output frame where the segment starts
	start  int64     // source frame written at base
	end    int64     // source length in frames
	heard  int64     // output frame heard at the last measurement
	ahead  int64     // output frames written: none can be heard beyond
	at     time.Time // when it was measured
	moving bool      // whether sound was flowing then
	last   int64     // last source frame reported; Position never goes back
}

// segment starts a segment: source frame start is written at output frame
// base, and is reported as heard until the output reaches it.
func (c *clock) segment(base, start, end int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.base, c.start, c.end = base, start, end
	c.heard, c.ahead, c.moving = base, base, false
	c.last = start
}

// measure records the output's state at time at: read frames taken by the
// server, latency frames of them still to be heard, written frames given to
// it; running says whether it was playing. Until the next measurement,
// position moves on with the wall clock, up to what has been written by
// then (see wrote): measurements may come late on a busy machine, while the
// sound goes on.
func (c *clock) measure(read, latency, written int64, running bool, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.heard, c.ahead, c.at = read-latency, written, at
	c.moving = running
}

// Measurements that took long to come back say little about when they
// were true; worth drops them while the clock has a recent better one.
const (
	slowAnswer = 4 * time.Millisecond
	staleAfter = 250 * time.Millisecond
)

// worth reports whether a measurement made at time at, with round trip
// rtt, should be kept.
func (c *clock) worth(rtt time.Duration, at time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return rtt <= slowAnswer || !c.moving || at.Sub(c.at) > staleAfter
}

// wrote records that output frames up to out have been written.
func (c *clock) wrote(out int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ahead = max(c.ahead, out)
}

// position returns the source frame heard at time now, interpolating from
// the last measurement while sound flows.
func (c *clock) position(now time.Time) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.heard
	if c.moving {
		h = min(h+audio.Frames(now.Sub(c.at)), c.ahead)
	}
	f := c.start + max(h-c.base, 0)
	f = max(min(f, c.end), c.last)
	c.last = f
	return f
}

// halt stops the clock where it is: nothing more will be heard.
func (c *clock) halt(now time.Time) {
	f := c.position(now)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.moving = false
	c.heard = c.base + f - c.start
}

// atEnd reports whether the last measurement heard the source's end.
func (c *clock) atEnd() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.heard >= c.base+c.end-c.start
}

// untilEnd returns how long until the source's end is heard, if sound
// flows on from the last measurement.
func (c *clock) untilEnd() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return audio.Duration(c.base + c.end - c.start - c.heard)
}

// toSource returns the source frame written at output frame out, in the
// current segment.
func (c *clock) toSource(out int64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return min(c.start+max(out-c.base, 0), c.end)
}

// heardAt returns the source frame heard at time t (not before the last
// measurement), without the care position takes never to go back.
func (c *clock) heardAt(t time.Time) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.heard
	if c.moving && t.After(c.at) {
		h = min(h+audio.Frames(t.Sub(c.at)), c.ahead)
	}
	return min(c.start+max(h-c.base, 0), c.end)
}

// hold stops the clock at source frame f, of a source end frames long,
// until the next segment: Position reports f, even if it reported more
// before (the sound server went, and playing goes on from f).
func (c *clock) hold(f, end int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.base, c.start, c.end = 0, f, end
	c.heard, c.ahead, c.moving = 0, 0, false
	c.last = f
}

// noFurther makes position report no more than source frame f from now
// on, until the next segment: the clock may have run ahead of what the
// output took (on a busy machine, measurements come late).
func (c *clock) noFurther(f int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = min(c.last, f)
}
