package loudness

import (
	"math"
	"time"
)

// The limiter's timing.
const (
	// LookAhead is how long before a peak the gain starts to fall: long
	// enough that the fall is not heard as a click, short enough not to
	// duck what comes before the peak.
	LookAhead = 5 * time.Millisecond
	// ReleaseDBPerSecond is the fastest the gain comes back up after a
	// peak: 2 dB of limiting is gone in 100 ms, quick enough not to be
	// heard as a dip after a loud syllable, slow enough not to distort.
	ReleaseDBPerSecond = 20.0

	screenBlock = 64 // frames checked at once against the ceiling
)

// A Limiter holds the true peak of a stereo stream at or below a ceiling.
// For each frame it estimates the true peak around it (as TruePeak does)
// and the gain that would bring it to the ceiling; the gain applied is the
// lowest of those needed over the next LookAhead, released at
// ReleaseDBPerSecond, then averaged over LookAhead, so it reaches each
// peak's gain before the peak and moves without steps.
//
// Its output lags its input by Latency frames. Frames where no gain below
// 1 is needed pass through unchanged.
type Limiter struct {
	mono bool // one channel: the second of x is not used
	ceil float32
	look int64   // frames of look-ahead: the length of the gain's fall
	span int64   // frames whose needs each frame's gain must meet: look, and the interpolator's reach
	rise float32 // the most the gain may grow in one frame

	base    int64 // the frame at index 0 of x, gt and hp
	x       [2][]float32
	gt      []float32 // the gain each frame needs, for frames < gtDone
	hp      []float32 // the released gain, for frames < hDone
	gtDone  int64
	hDone   int64   // also the next frame to output
	deque   []int64 // frames in [hDone, gtDone) whose gt may still be a window's least, gt ascending
	below   int64   // the last frame whose gt is below 1
	hpLast  float32
	boxSum  float64 // the sum of hp over the last look+1 frames
	nonOnes int     // how many of them are not exactly 1
}

// NewLimiter returns a Limiter for stereo audio at rate Hz that keeps the
// true peak at or below ceilingDB (dBTP, 0 or less).
func NewLimiter(rate int, ceilingDB float64) *Limiter { return newLimiter(rate, ceilingDB, false) }

// NewMonoLimiter is NewLimiter for mono audio: use ProcessMono. A mono
// signal played on both channels needs half the work.
func NewMonoLimiter(rate int, ceilingDB float64) *Limiter { return newLimiter(rate, ceilingDB, true) }

func newLimiter(rate int, ceilingDB float64, mono bool) *Limiter {
	l := &Limiter{
		mono: mono,
		ceil: float32(Linear(min(ceilingDB, 0))),
		look: int64(math.Round(LookAhead.Seconds() * float64(rate))),
		rise: float32(Linear(ReleaseDBPerSecond / float64(rate))),
	}
	l.span = l.look + firBehind + 1
	l.Reset()
	return l
}

// Latency returns how many frames the output lags the input.
func (l *Limiter) Latency() int { return int(l.span) + firAhead }

// Reset forgets the past: the limiter starts again as new, after silence.
func (l *Limiter) Reset() {
	d := int64(l.Latency())
	l.base = -d - l.span - firBehind - 2
	n := int(-l.base)
	for ch := range l.channels() {
		l.x[ch] = make([]float32, n, n+8192)
	}
	l.gt = ones(int(-firAhead-l.base), n+8192)
	l.hp = ones(int(-d-l.base), n+8192)
	l.gtDone, l.hDone = -firAhead, -d
	l.deque = append(l.deque[:0], l.gtDone-1)
	l.below = math.MinInt64
	l.hpLast, l.boxSum, l.nonOnes = 1, float64(l.look+1), 0
}

// resize returns s with length n, its new elements unset.
func resize(s []float32, n int) []float32 {
	if n <= cap(s) {
		return s[:n]
	}
	return append(s[:cap(s)], make([]float32, n-cap(s))...)
}

func ones(n, capacity int) []float32 {
	s := make([]float32, n, capacity)
	for i := range s {
		s[i] = 1
	}
	return s
}

// Process limits the frames of inL and inR and writes as many frames of
// output, Latency frames behind, to outL and outR (the first Latency
// frames after New or Reset are silence). All four must be as long; out
// may not overlap in.
func (l *Limiter) Process(inL, inR, outL, outR []float32) {
	if l.mono {
		panic("loudness: Process on a mono limiter")
	}
	l.x[0] = append(l.x[0], inL...)
	l.x[1] = append(l.x[1], inR...)
	l.process(int64(len(inL)), outL, outR)
}

// ProcessMono is Process for a limiter made by NewMonoLimiter.
func (l *Limiter) ProcessMono(in, out []float32) {
	if !l.mono {
		panic("loudness: ProcessMono on a stereo limiter")
	}
	l.x[0] = append(l.x[0], in...)
	l.process(int64(len(in)), out, nil)
}

// process limits the n frames just added, writing them to outL and outR
// (nil for mono).
func (l *Limiter) process(n int64, outL, outR []float32) {
	l.needs(l.gtDone + n)
	from := l.hDone
	l.release(l.hDone + n)
	copy(outL, l.x[0][from-l.base:l.hDone-l.base])
	if outR != nil {
		copy(outR, l.x[1][from-l.base:l.hDone-l.base])
	}
	l.applyGain(from, outL, outR)
	l.compact()
}

// needs works out gt for the frames up to end.
func (l *Limiter) needs(end int64) {
	l.gt = resize(l.gt, int(end-l.base))
	for f := l.gtDone; f < end; f += screenBlock {
		to := min(f+screenBlock, end)
		lo, hi := f-firBehind-l.base, to+firAhead-l.base
		if l.peakIn(lo, hi)*fineFIR().bound <= l.ceil {
			for i := f; i < to; i++ {
				l.gt[i-l.base] = 1
			}
			continue
		}
		for i := f; i < to; i++ {
			p := truePeakAt(l.x[0], int(i-l.base), l.ceil)
			if !l.mono {
				p = max(p, truePeakAt(l.x[1], int(i-l.base), l.ceil))
			}
			g := float32(1)
			if p > l.ceil {
				g = l.ceil / p
				l.below = i
			}
			l.gt[i-l.base] = g
		}
	}
	l.gtDone = end
}

// channels returns how many channels the limiter works on.
func (l *Limiter) channels() int {
	if l.mono {
		return 1
	}
	return 2
}

// peakIn returns the largest sample of x from index lo to hi.
func (l *Limiter) peakIn(lo, hi int64) float32 {
	p := maxAbs(l.x[0][lo:hi])
	if !l.mono {
		p = max(p, maxAbs(l.x[1][lo:hi]))
	}
	return p
}

// release works out hp, the gain after look-ahead and release, for the
// frames up to end, which must leave span frames of gt after it. Each
// frame's hp meets the needs of the span frames after it, not just look:
// the output between two samples is interpolated from the firBehind
// samples before them too, each at its own gain, and those must already
// be low enough for the peak. (With look alone, true peaks passed the
// ceiling by up to 0.4 dB where the limiter worked hard.)
func (l *Limiter) release(end int64) {
	l.hp = resize(l.hp, int(end-l.base))
	if l.below < l.hDone && l.hpLast == 1 && l.nonOnes == 0 { // nothing to limit in reach
		for i := l.hDone; i < end; i++ {
			l.hp[i-l.base] = 1
		}
		l.deque = append(l.deque[:0], l.gtDone-1)
		l.hDone = end
		return
	}
	for i := l.hDone; i < end; i++ {
		j := i + l.span
		g := l.gt[j-l.base]
		for len(l.deque) > 0 && l.gt[l.deque[len(l.deque)-1]-l.base] >= g {
			l.deque = l.deque[:len(l.deque)-1]
		}
		l.deque = append(l.deque, j)
		for l.deque[0] < i {
			l.deque = l.deque[1:]
		}
		h := min(l.gt[l.deque[0]-l.base], l.hpLast*l.rise, 1)
		l.hp[i-l.base] = h
		l.hpLast = h
	}
	l.hDone = end
}

// applyGain scales the output frames from frame from on by the average of
// hp over the look+1 frames up to each; outR is nil for mono.
func (l *Limiter) applyGain(from int64, outL, outR []float32) {
	width := float64(l.look + 1)
	for k := range outL {
		i := from + int64(k)
		in, out := l.hp[i-l.base], l.hp[i-l.look-1-l.base]
		if in == 1 && out == 1 && l.nonOnes == 0 {
			continue // gain exactly 1
		}
		l.boxSum += float64(in) - float64(out)
		if in != 1 {
			l.nonOnes++
		}
		if out != 1 {
			l.nonOnes--
		}
		if l.nonOnes == 0 {
			l.boxSum = width
			continue
		}
		g := float32(l.boxSum / width)
		outL[k] *= g
		if outR != nil {
			outR[k] *= g
		}
	}
}

// compact drops what no later frame needs.
func (l *Limiter) compact() {
	keep := l.hDone - l.look - 2
	if keep-l.base < 8192 {
		return
	}
	cut := keep - l.base
	for ch := range l.channels() {
		l.x[ch] = l.x[ch][:copy(l.x[ch], l.x[ch][cut:])]
	}
	l.gt = l.gt[:copy(l.gt, l.gt[cut:])]
	l.hp = l.hp[:copy(l.hp, l.hp[cut:])]
	l.base = keep
}
