package duck

import (
	"math"
	"slices"
	"sort"
	"time"
)

// Shape says how deep and how fast the music is ducked and faded.
type Shape struct {
	Depth   float64       // how far the music goes down under speech, in dB (positive)
	Attack  time.Duration // the fall, which ends where speech begins
	Release time.Duration // the rise, which begins where speech ends
	Hold    time.Duration // cues whose ramps would leave less than this at full level between them are ducked as one
	FadeIn  time.Duration // from silence at the session's start
	FadeOut time.Duration // to silence at the session's very last frame
}

// Default is the shape floorcoach ducks music with. 12 dB under speech
// puts music that sits 12 LU under the voice 24 LU under it while words
// are spoken: the words are clear over any music, and the music is still
// heard. The fall takes a quarter of a second and ends as the first word
// begins, so no syllable is masked; the rise takes 0.8 s, slow enough not to
// be noticed as a jump. Music comes back up only for gaps of 2 s or more at
// full level, about the shortest stretch that sounds intended rather than
// like a hiccup.
var Default = Shape{
	Depth:   12,
	Attack:  250 * time.Millisecond,
	Release: 800 * time.Millisecond,
	Hold:    2 * time.Second,
	FadeIn:  3 * time.Second,
	FadeOut: 5 * time.Second,
}

// Span is a run of frames, from Start up to but not including End.
type Span struct{ Start, End int64 }

// An Envelope is the gain of music over a session, frame by frame. It is
// read-only once made, and safe for concurrent use.
type Envelope struct {
	length  int64
	spans   []Span    // merged ducked spans: fully down from Start to End
	segs    []segment // the ducking, in order, covering [0, length)
	fadeIn  []float32 // gains of the first frames
	fadeOut []float32 // gains of the last frames
	attack  int64
	release int64
}

// A segment is a run of frames with a constant gain, or whose gains are
// read from a ramp table starting at offset.
type segment struct {
	start, end int64
	gain       float32   // when ramp is nil
	ramp       []float32 // gain of frame f is ramp[f-start+offset]
	offset     int64
}

// New returns the envelope of music under a session of length frames at
// rate Hz in which the voice speaks during the given spans.
func New(speech []Span, length int64, rate int, s Shape) *Envelope {
	frames := func(d time.Duration) int64 { return int64(math.Round(d.Seconds() * float64(rate))) }
	e := &Envelope{length: max(length, 0), attack: frames(s.Attack), release: frames(s.Release)}
	e.spans = merge(speech, e.attack+e.release+frames(s.Hold))
	floor := float32(math.Pow(10, -s.Depth/20))
	down, up := dbRamp(e.attack, -s.Depth, true), dbRamp(e.release, -s.Depth, false)
	e.segs = e.layout(floor, down, up)
	in, out := min(frames(s.FadeIn), e.length/2), min(frames(s.FadeOut), e.length/2)
	e.fadeIn, e.fadeOut = fade(in, false), fade(out, true)
	return e
}

// merge sorts spans and joins those less than gap apart.
func merge(spans []Span, gap int64) []Span {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b Span) int { return int(a.Start - b.Start) })
	var out []Span
	for _, sp := range s {
		if sp.End <= sp.Start {
			continue
		}
		if n := len(out); n > 0 && sp.Start-out[n-1].End < gap {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// layout turns the merged spans into segments: 1, the fall, the floor,
// the rise, 1 again.
func (e *Envelope) layout(floor float32, down, up []float32) []segment {
	var segs []segment
	at := int64(0)
	// add appends frames start to end, or what of them is after at and
	// inside the session; a ramp's first gain belongs to frame rampAt.
	add := func(start, end int64, gain float32, ramp []float32, rampAt int64) {
		start, end = max(start, at), min(end, e.length)
		if start < end {
			segs = append(segs, segment{start: start, end: end, gain: gain, ramp: ramp, offset: start - rampAt})
			at = end
		}
	}
	for _, sp := range e.spans {
		fall := sp.Start - e.attack
		add(at, fall, 1, nil, 0)
		add(fall, sp.Start, 0, down, fall)
		add(sp.Start, sp.End, floor, nil, 0)
		add(sp.End, sp.End+e.release, 0, up, sp.End)
	}
	add(at, e.length, 1, nil, 0)
	return segs
}

// dbRamp returns n gains moving between 0 dB and depth dB (negative) as a
// raised cosine in decibels: falling from 0 if down, else rising to 0.
func dbRamp(n int64, depth float64, down bool) []float32 {
	r := make([]float32, n)
	for i := range r {
		u := (float64(i) + 0.5) / float64(n)
		w := 0.5 - 0.5*math.Cos(math.Pi*u) // 0 to 1
		if !down {
			w = 1 - w
		}
		r[i] = float32(math.Pow(10, depth*w/20))
	}
	return r
}

// fade returns n gains rising from silence as a raised cosine, or falling
// to it if out; the last gain of a fade out is exactly 0.
func fade(n int64, out bool) []float32 {
	r := make([]float32, n)
	for i := range r {
		u := float64(i) / float64(max(n-1, 1))
		if out {
			u = 1 - u
		}
		r[i] = float32(0.5 - 0.5*math.Cos(math.Pi*u))
	}
	return r
}

// Len returns the length of the session in frames.
func (e *Envelope) Len() int64 { return e.length }

// Spans returns the ducked spans, merged: the music is fully down from
// each Start to its End, falls during the Attack before and rises during
// the Release after.
func (e *Envelope) Spans() []Span { return slices.Clone(e.spans) }

// Fill writes the gains of the frames from frame from on into dst; frames
// outside the session get 0.
func (e *Envelope) Fill(dst []float32, from int64) {
	i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].end > from })
	for k := range dst {
		dst[k] = 0
	}
	for done := 0; done < len(dst) && i < len(e.segs); i++ {
		s := e.segs[i]
		f := from + int64(done)
		if f < s.start {
			done += int(min(s.start-f, int64(len(dst)-done)))
			continue
		}
		n := int(min(s.end-f, int64(len(dst)-done)))
		out := dst[done : done+n]
		if s.ramp == nil {
			for k := range out {
				out[k] = s.gain
			}
		} else {
			copy(out, s.ramp[f-s.start+s.offset:])
		}
		done += n
	}
	e.applyFades(dst, from)
}

// applyFades multiplies dst, the gains from frame from on, by the fades.
func (e *Envelope) applyFades(dst []float32, from int64) {
	to := from + int64(len(dst))
	for f := max(from, 0); f < min(to, int64(len(e.fadeIn))); f++ {
		dst[f-from] *= e.fadeIn[f]
	}
	outAt := e.length - int64(len(e.fadeOut)) // the frame of fadeOut[0]
	for f := max(from, outAt); f < min(to, e.length); f++ {
		dst[f-from] *= e.fadeOut[f-outAt]
	}
}
