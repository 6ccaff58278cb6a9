package player

import (
	"sort"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

func framesOf(d time.Duration) int64 { return audio.Frames(d) }

// ready lays out "Get ready." and the 3-2-1 pips before a clock starts, and
// returns the frame the clock starts at. The pips fill the last seconds of
// the ready time; "get ready" always ends before the first pip.
func (b *builder) ready(d time.Duration) int64 {
	if d <= 0 {
		return max(b.t, b.speechFree)
	}
	pips := int64(d / time.Second)
	if pips > 3 {
		pips = 3
	}
	e := b.speak(Speech, sayGetReady, b.t)
	start := max(b.t+framesOf(d), e.End()+pipLead+pips*second)
	for i := pips; i >= 1; i-- {
		b.tone(Pip, start-i*second)
	}
	return start
}

// hold lays out one timed hold: ready, the start tone, a tick each second,
// the reminders that fit, the end tone exactly the hold's length after the
// start tone, then "Release."
func (b *builder) hold(st *scripts.Step) {
	n := framesOf(st.Hold.At(b.level))
	start := b.ready(st.Ready)
	b.tone(Start, start)
	end := start + n
	if st.Ticks {
		b.ticks(start, end)
	}
	begin := b.speak(Speech, sayBegin, start+audio.ToneLen(audio.ToneStart))
	b.reminders(st.Remind, begin.End(), start, end)
	b.tone(End, end)
	b.t = end + audio.ToneLen(audio.ToneEnd) + shortGap
	b.sayNow(sayRelease)
}

// ticks puts a tick on every whole second strictly between from and to.
func (b *builder) ticks(from, to int64) {
	for at := from + second; at < to; at += second {
		b.tone(Tick, at)
	}
}

// reminders speaks the hold's reminders at their exact times, earliest
// first, dropping those that would overlap another line or run past the
// end of the hold.
func (b *builder) reminders(rs []scripts.Reminder, after, start, end int64) {
	type timed struct {
		at   int64
		text string
	}
	var list []timed
	for _, r := range rs {
		switch {
		case r.Halfway:
			list = append(list, timed{start + (end-start)/2, sayHalfway})
		case framesOf(r.Left) < end-start:
			list = append(list, timed{end - framesOf(r.Left), reminderLine(r.Left)})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].at < list[j].at })
	for _, r := range list {
		if r.at >= after+shortGap {
			b.sayIfFits(r.text, r.at, end-shortGap)
		}
	}
}

// reps lays out a set of reps: ready, the start tone, each rep's phases at
// the tempo (with the hold after the first phase), exactly one count per
// rep, and the end tone. A count that does not fit in its rep's last phase
// pushes the next rep back; a phase name that would overlap a line is left
// to its tone.
func (b *builder) reps(st *scripts.Step) {
	start := b.ready(st.Ready)
	b.tone(Start, start)
	t := start + audio.ToneLen(audio.ToneStart) + shortGap
	n := st.Reps.At(b.level)
	for r := 1; r <= n; r++ {
		b.rep = r
		t = b.rep1(st, r, t)
	}
	b.rep = 0
	b.tone(End, t)
	b.t = t + audio.ToneLen(audio.ToneEnd) + lineGap
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
	at := last.End() + shortGap
	switch st.Count {
	case scripts.CountNone:
		return end
	case scripts.CountTone:
		c := b.tone(Count, at)
		return max(end, c.End()+shortGap)
	}
	c := b.speak(Count, countLine(r), at)
	return max(end, c.End()+shortGap)
}
