package audio

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"sync/atomic"
)

// blockFrames is how many frames a Renderer mixes at a time.
const blockFrames = 4096

// A Renderer mixes cues into one stream of 16-bit stereo frames, the same
// samples on both channels. It is an audio.Seeker.
//
// It works block by block in memory that does not grow with the length of
// the session: each block mixes only the cues sounding in it, and a block
// where none sounds is written as zeros without mixing. Samples are
// clamped to the 16-bit range (Clipped counts how often), though a session
// whose speech and tones keep the levels documented in tones.go never is.
//
// Its methods are safe for concurrent use: the live player can Seek or
// SetVolume while another goroutine reads.
type Renderer struct {
	mu      sync.Mutex
	cues    []mixCue // sorted by At, only the ones that sound
	length  int64
	pos     int64
	next    int   // the first cue not yet in active
	active  []int // cues that may sound at pos, in ascending order
	mix     []float32
	clipped int64
	volume  atomic.Uint32 // math.Float32bits of the volume
}

// NewRenderer returns a Renderer of length frames playing the cues. A cue
// plays Len frames of its sound (its whole sound if Len is 0) at its
// Gain; whatever lies outside [0, length) is not heard.
func NewRenderer(cues []Cue, length int64) *Renderer {
	r := &Renderer{length: max(length, 0), mix: make([]float32, blockFrames)}
	r.volume.Store(math.Float32bits(1))
	for _, c := range cues {
		if c.Sound == nil {
			continue
		}
		n := c.Sound.Len()
		if c.Len > 0 {
			n = min(n, c.Len) // padding with silence needs no mixing
		}
		if c.Gain == 0 {
			c.Gain = 1
		}
		if end := min(c.At+n, r.length); c.At < end && end > 0 {
			r.cues = append(r.cues, mixCue{c, end})
		}
	}
	slices.SortStableFunc(r.cues, func(a, b mixCue) int { return cmp.Compare(a.At, b.At) })
	return r
}

// A mixCue is a cue and the frame after the last one it sounds in.
type mixCue struct {
	Cue
	end int64
}

// Len returns the length of the stream in frames.
func (r *Renderer) Len() int64 { return r.length }

// Pos returns the next frame Read returns.
func (r *Renderer) Pos() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pos
}

// Clipped returns how many frames have been clamped to the 16-bit range.
func (r *Renderer) Clipped() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.clipped
}

// SetVolume sets the gain applied to the whole mix, 1 by default; it takes
// effect from the next block read. A negative or NaN volume is 0.
func (r *Renderer) SetVolume(v float32) {
	if !(v > 0) {
		v = 0
	}
	r.volume.Store(math.Float32bits(v))
}

// Seek makes frame the next frame Read returns. The samples read from
// there on are exactly those a read from the start would give.
func (r *Renderer) SeekFrame(frame int64) error {
	if frame < 0 || frame > r.length {
		return fmt.Errorf("audio: seek to frame %d, outside 0 to %d", frame, r.length)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pos = frame
	r.next, _ = slices.BinarySearchFunc(r.cues, frame, func(c mixCue, f int64) int { return cmp.Compare(c.At, f) })
	r.active = r.active[:0]
	for i := range r.next {
		if r.cues[i].end > frame {
			r.active = append(r.active, i)
		}
	}
	return nil
}

// Read fills p with interleaved stereo frames (a trailing odd value is left
// alone) and returns the number of values written. After the last frame it
// returns 0, io.EOF.
func (r *Renderer) Read(p []int16) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pos >= r.length {
		return 0, io.EOF
	}
	if len(p) < 2 {
		return 0, io.ErrShortBuffer
	}
	frames := min(int64(len(p)/2), r.length-r.pos)
	for done := int64(0); done < frames; {
		n := min(frames-done, blockFrames)
		r.render(p[2*done:2*(done+n)], n)
		r.pos += n
		done += n
	}
	return int(2 * frames), nil
}

// ReadMono is Read for a mixer that goes on in floating point: it fills x
// with the next frames, one value each (both channels are the same), at
// the volume, not rounded or clamped (1 is full scale). Read and ReadMono
// may be mixed.
func (r *Renderer) ReadMono(x []float32) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pos >= r.length {
		return 0, io.EOF
	}
	frames := min(int64(len(x)), r.length-r.pos)
	volume := math.Float32frombits(r.volume.Load())
	for done := int64(0); done < frames; {
		n := min(frames-done, blockFrames)
		out := x[done : done+n]
		lo, hi := r.mixBlock(n)
		clear(out[:lo])
		clear(out[hi:])
		for k, v := range r.mix[lo:hi] {
			out[lo+int64(k)] = v * volume
		}
		r.pos += n
		done += n
	}
	return int(frames), nil
}

// render mixes the n frames from pos into out.
func (r *Renderer) render(out []int16, n int64) {
	lo, hi := r.mixBlock(n)
	if lo >= hi {
		clear(out)
		return
	}
	clear(out[:2*lo])
	clear(out[2*hi:])
	r.clipped += toInt16(out[2*lo:2*hi], r.mix[lo:hi], math.Float32frombits(r.volume.Load()))
}

// mixBlock mixes the n frames from pos into r.mix, and returns the part of
// the block any cue sounds in (lo >= hi if none: r.mix is then not set).
func (r *Renderer) mixBlock(n int64) (lo, hi int64) {
	start, end := r.pos, r.pos+n
	r.active = slices.DeleteFunc(r.active, func(i int) bool { return r.cues[i].end <= start })
	for ; r.next < len(r.cues) && r.cues[r.next].At < end; r.next++ {
		r.active = append(r.active, r.next)
	}
	mix := r.mix[:n]
	lo, hi = n, int64(0)
	for _, i := range r.active {
		c := &r.cues[i]
		from, to := max(c.At, start), min(c.end, end)
		if from >= to {
			continue
		}
		if lo >= hi { // the first cue in this block
			clear(mix)
		}
		lo, hi = min(lo, from-start), max(hi, to-start)
		dst := mix[from-start : to-start]
		for k, v := range c.Sound.Samples[from-c.At : to-c.At] {
			dst[k] += c.Gain * v
		}
	}
	return lo, max(hi, lo)
}

// toInt16 scales mix by volume to 16 bits, rounding to nearest and
// clamping, into both channels of out. It returns how many frames it
// clamped.
func toInt16(out []int16, mix []float32, volume float32) (clamped int64) {
	scale := volume * math.MaxInt16
	for k, v := range mix {
		x := math.RoundToEven(float64(v * scale))
		if x > math.MaxInt16 {
			x = math.MaxInt16
			clamped++
		} else if x < math.MinInt16 {
			x = math.MinInt16
			clamped++
		}
		out[2*k] = int16(x)
		out[2*k+1] = int16(x)
	}
	return clamped
}
