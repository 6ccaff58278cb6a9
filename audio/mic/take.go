package mic

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/floorcoach/floorcoach/audio/speech"
)

// How a take finds its speech.
const (
	// MaxTake is the longest take: one that has not ended by then ends.
	MaxTake = 60 * time.Second
	// EndQuiet is the quiet after speech that ends a take by itself.
	EndQuiet = time.Second

	windowSec     = 0.010 // the level is measured over windows this long
	aboveFloorDB  = 12.0  // speech is this much louder than the noise floor…
	minThreshold  = -60.0 // …and at least this loud (dBFS RMS),
	maxThreshold  = -30.0 // …but this loud always counts
	speechWindows = 5     // loud windows in a row that begin speech (not a click)
	soundWindows  = 3     // loud windows in a row that keep speech going
	marginBefore  = 0.25  // s kept before the speech…
	marginAfter   = 0.35  // …and after it, for PrepareSpeech to trim exactly
	floorSec      = 2.0   // Floor remembers this much of the input…
	floorQuantile = 0.2   // …and takes the level this share of it is under
	clipLevel     = 0.999 // a sample this near full scale is clipped…
	clipRun       = 3     // …when this many in a row are
	quietLUFS     = -45.0 // speech quieter than this is too quiet
	minSNR        = 20.0  // dB: speech less far above the floor is noisy
)

// A Floor measures the noise floor of an input: the level (dBFS RMS, over
// 10 ms windows) that a fifth of the last two seconds stayed under, so
// words spoken meanwhile hardly move it.
type Floor struct {
	rate   int
	levels []float64 // the last windows' levels, oldest first
	rest   []float32 // samples short of a whole window
}

// NewFloor returns a Floor for sound at rate Hz.
func NewFloor(rate int) *Floor { return &Floor{rate: rate} }

// Add measures a block of sound.
func (f *Floor) Add(block []float32) {
	win := window(f.rate)
	f.rest = append(f.rest, block...)
	for len(f.rest) >= win {
		f.levels = append(f.levels, rmsDB(f.rest[:win]))
		f.rest = f.rest[win:]
	}
	f.rest = slices.Clone(f.rest)
	if keep := int(floorSec / windowSec); len(f.levels) > keep {
		f.levels = append(f.levels[:0], f.levels[len(f.levels)-keep:]...)
	}
}

// Level returns the noise floor in dBFS, or -100 before any sound.
func (f *Floor) Level() float64 {
	if len(f.levels) == 0 {
		return -100
	}
	s := slices.Sorted(slices.Values(f.levels))
	return s[int(floorQuantile*float64(len(s)-1))]
}

// A Take is one take being recorded: Add it the sound as it comes, until
// Add says the take is over.
type Take struct {
	rate      int
	floor     float64 // dBFS
	threshold float64 // dBFS RMS: louder windows are sound
	samples   []float32
	windows   int // whole windows measured
	run       int // loud windows in a row, up to now
	start     int // window where speech began; -1 before
	last      int // the window after the last of speech's sound
	max       int // samples at most
}

// NewTake starts a take at rate Hz on an input whose noise floor is
// floorDB (a Floor's Level).
func NewTake(rate int, floorDB float64) *Take {
	return &Take{rate: rate, floor: floorDB, start: -1,
		threshold: min(max(floorDB+aboveFloorDB, minThreshold), maxThreshold),
		max:       int(MaxTake.Seconds() * float64(rate))}
}

// Add adds recorded sound to the take, and reports whether the take is
// over: speech began and EndQuiet of quiet followed it, or MaxTake is
// reached. Sound beyond MaxTake is not kept.
func (t *Take) Add(block []float32) (over bool) {
	block = block[:min(len(block), t.max-len(t.samples))]
	t.samples = append(t.samples, block...)
	win := window(t.rate)
	for (t.windows+1)*win <= len(t.samples) {
		w := t.samples[t.windows*win : (t.windows+1)*win]
		t.windows++
		if rmsDB(w) <= t.threshold {
			t.run = 0
			continue
		}
		t.run++
		if t.start < 0 && t.run >= speechWindows {
			t.start = t.windows - t.run
		}
		if t.start >= 0 && t.run >= soundWindows {
			t.last = t.windows
		}
	}
	quiet := time.Duration(t.windows-t.last) * time.Duration(windowSec*float64(time.Second))
	return len(t.samples) >= t.max || t.start >= 0 && quiet >= EndQuiet
}

// Started reports whether speech has begun.
func (t *Take) Started() bool { return t.start >= 0 }

// Len returns how long the take is so far.
func (t *Take) Len() time.Duration {
	return time.Duration(float64(len(t.samples)) / float64(t.rate) * float64(time.Second))
}

// Speech returns the take's speech, from a quarter of a second before it
// began to a third of a second after its last sound, or nil when there was
// none. The slice is the take's own.
func (t *Take) Speech() []float32 {
	if t.start < 0 {
		return nil
	}
	win := window(t.rate)
	from := max(t.start*win-int(marginBefore*float64(t.rate)), 0)
	to := min(t.last*win+int(marginAfter*float64(t.rate)), len(t.samples))
	return t.samples[from:to]
}

// Problems says what is wrong with the take's speech, for the person
// recording: it clipped, it is too quiet, or it is too near the noise.
func (t *Take) Problems() []string {
	x := t.Speech()
	if x == nil {
		return []string{"heard no speech"}
	}
	var p []string
	if clipped(x) {
		p = append(p, "clipped: too loud for the input; move back a little or turn the input level down")
	}
	l, ok := speech.Loudness(x, t.rate, speech.Block)
	switch {
	case !ok:
		p = append(p, "too quiet to measure: come closer or turn the input level up")
	case l < quietLUFS:
		p = append(p, fmt.Sprintf("too quiet (%.0f LUFS): come closer or turn the input level up", l))
	case l-t.floor < minSNR:
		p = append(p, fmt.Sprintf("noisy: the speech is only %.0f dB above the background", l-t.floor))
	}
	return p
}

// clipped reports whether clipRun samples in a row are at full scale.
func clipped(x []float32) bool {
	run := 0
	for _, v := range x {
		if math.Abs(float64(v)) >= clipLevel {
			if run++; run >= clipRun {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// Peak returns the highest absolute sample of a block in dBFS, or -100
// for silence: what a level meter shows.
func Peak(block []float32) float64 {
	p := 0.0
	for _, v := range block {
		p = max(p, math.Abs(float64(v)))
	}
	return max(20*math.Log10(p+1e-10), -100)
}

func window(rate int) int { return max(int(windowSec*float64(rate)), 1) }

// rmsDB returns the RMS level of x in dBFS.
func rmsDB(x []float32) float64 {
	sum := 0.0
	for _, v := range x {
		sum += float64(v) * float64(v)
	}
	return 10 * math.Log10(sum/float64(len(x))+1e-12)
}
