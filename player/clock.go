package player

import (
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

func framesOf(d time.Duration) int64 { return audio.Frames(d) }

// clock is one hold, or one set of reps, on one side: the frames of its
// start and end tones, and where its events begin in Timeline.Events.
type clock struct {
	first      int
	start, end int64
}

// ready lays out "Get ready." and the 3-2-1 pips before a clock starts, and
// returns the frame the clock starts at: no earlier than earliest (the room
// to switch sides), when "Get ready." is said as late as it may be. The
// pips fill the last seconds of the ready time; "get ready" always ends
// before the first pip.
func (b *builder) ready(d time.Duration, earliest int64) int64 {
	if d <= 0 {
		return max(b.t, b.speechFree, earliest)
	}
	pips := min(int64(d/time.Second), 3)
	need := max(framesOf(d), b.length(sayGetReady)+pipLead+pips*second)
	b.t = max(b.t, earliest-need)
	e := b.speak(Speech, sayGetReady, b.t)
	start := max(b.t+framesOf(d), e.End()+pipLead+pips*second, earliest)
	for i := pips; i >= 1; i-- {
		b.tone(Pip, start-i*second)
	}
	return start
}

// hold lays out one timed hold, starting no earlier than earliest: ready,
// the start tone, a tick each second, the reminders that fit, the end tone
// exactly the hold's length after the start tone, then "Release."
func (b *builder) hold(st *scripts.Step, earliest int64) clock {
	n := framesOf(st.Hold.At(b.level))
	start := b.ready(st.Ready, earliest)
	c := clock{first: len(b.tl.Events), start: start, end: start + n}
	b.tone(Start, start)
	if st.Ticks {
		b.ticks(start, c.end)
	}
	b.speak(Speech, sayBegin, start+audio.ToneLen(audio.ToneStart))
	b.reminders(st.Remind, start, c.end)
	b.tone(End, c.end)
	b.t = c.end + audio.ToneLen(audio.ToneEnd) + shortGap
	b.sayNow(sayRelease)
	return c
}

// ticks puts a tick on every whole second strictly between from and to.
func (b *builder) ticks(from, to int64) {
	for at := from + second; at < to; at += second {
		b.tone(Tick, at)
	}
}

// reps lays out a set of reps, starting no earlier than earliest: ready,
// the start tone, each rep's phases at the tempo (with the hold after the
// first phase), exactly one count per rep, and the end tone. A count that
// does not fit in its rep's last phase pushes the next rep back; a phase
// name that would crowd a line is left to its tone.
func (b *builder) reps(st *scripts.Step, earliest int64) clock {
	start := b.ready(st.Ready, earliest)
	c := clock{first: len(b.tl.Events), start: start}
	b.tone(Start, start)
	t := start + audio.ToneLen(audio.ToneStart) + shortGap
	n := st.Reps.At(b.level)
	for r := 1; r <= n; r++ {
		b.rep = r
		t = b.rep1(st, r, t)
	}
	b.rep = 0
	b.tone(End, t)
	c.end = t
	b.t = t + audio.ToneLen(audio.ToneEnd) + lineGap
	return c
}

// rep1 lays out rep r starting at frame t and returns the frame it ends.
func (b *builder) rep1(st *scripts.Step, r int, t int64) int64 {
	var last Event
	for p, d := range st.Tempo {
		last = b.phase(st, p, t)
		t += framesOf(d)
		if p == 0 && st.Hold.Hi > 0 {
			h := framesOf(st.Hold.At(b.level))
			if st.Ticks {
				b.ticks(t, t+h)
			}
			t += h
		}
	}
	return b.count(st, r, last, t)
}

// phase marks phase p of a rep at frame t: its name when it has one and the
// voice is free, its tone otherwise.
func (b *builder) phase(st *scripts.Step, p int, t int64) Event {
	if p < len(st.Phases) {
		text := st.Phases[p]
		if b.fits(t, b.length(text), t+framesOf(st.Tempo[p])) {
			return b.speak(Phase, text, t)
		}
	}
	return b.tone(Phase, t)
}

// count counts rep r after its last phase began, and returns the frame the
// rep ends: end, or later when the count needed the room.
func (b *builder) count(st *scripts.Step, r int, last Event, end int64) int64 {
	at := last.End() + shortGap // a spoken count waits for the voice to be free
	switch st.Count {
	case scripts.CountNone:
		return end
	case scripts.CountTone:
		c := b.tone(Count, at)
		return max(end, c.End()+shortGap)
	}
	c := b.speak(Count, countLine(r), at)
	return max(end, c.End()+cueGap)
}
