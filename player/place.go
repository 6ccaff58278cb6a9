package player

import (
	"errors"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
)

// estimate is the length given to a line the voice has no clip for: about
// the time a person takes to say it, so the timing stays right when a clip
// is added later.
func estimate(text string) int64 {
	return audio.Frames(300e6) + int64(len(text))*audio.Frames(65e6)
}

// length returns how long a spoken line lasts in the voice.
func (b *builder) length(text string) int64 {
	n, err := b.voice.Probe(text)
	switch {
	case err == nil && n > 0:
		b.clips[text] = n
		return n
	case err != nil && !errors.Is(err, pack.ErrNoClip):
		same := func(e error) bool { return e.Error() == err.Error() } // two lines, one clip
		if !slices.ContainsFunc(b.broken, same) {
			b.broken = append(b.broken, err)
		}
		return estimate(text)
	}
	if !b.missing[text] {
		b.missing[text] = true
		b.tl.Missing = append(b.tl.Missing, text)
	}
	return estimate(text)
}

// speech returns how long the clips of the lines spoken last in all.
func (b *builder) speech() int64 {
	var sum int64
	for _, n := range b.clips {
		sum += n
	}
	return sum
}

// emit adds an event of the current step, side, round and rep.
func (b *builder) emit(at, dur int64, kind Kind, text string) Event {
	e := Event{At: at, Dur: dur, Kind: kind, Text: text, Step: b.step, Side: b.side, Round: b.round, Rep: b.rep}
	b.tl.Events = append(b.tl.Events, e)
	return e
}

// tone adds a tone event at frame at.
func (b *builder) tone(kind Kind, at int64) Event {
	return b.emit(at, audio.ToneLen(toneOf(kind)), kind, "")
}

// speak places a spoken event of the given kind at frame at, or later if
// another line is still being spoken or has just ended, and returns it.
func (b *builder) speak(kind Kind, text string, at int64) Event {
	if at < b.speechFree {
		at = b.speechFree
	}
	e := b.emit(at, b.length(text), kind, text)
	b.speechFree = e.End() + gapAfter(text)
	return e
}

// gapAfter is the least silence after a spoken line before the next one:
// cueGap, or shortGap after a line that runs on into the next ("Next:").
func gapAfter(text string) int64 {
	if strings.HasSuffix(strings.TrimSpace(text), ":") {
		return shortGap
	}
	return cueGap
}

// sayNow speaks a line at the cursor (or when the voice is free) and moves
// the cursor past it: the schedule waits for the line.
func (b *builder) sayNow(text string) {
	e := b.speak(Speech, text, b.t)
	b.t = e.End() + lineGap
}

// fits reports whether a line of length n can be spoken exactly at frame at
// and end by frame limit without touching another line.
func (b *builder) fits(at, n, limit int64) bool {
	return at >= b.speechFree && at+n <= limit
}

// sayIfFits speaks a line exactly at frame at when it fits before limit, and
// drops it otherwise: a reminder said late would be wrong.
func (b *builder) sayIfFits(text string, at, limit int64) bool {
	if !b.fits(at, b.length(text), limit) {
		return false
	}
	b.speak(Speech, text, at)
	return true
}
