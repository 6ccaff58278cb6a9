package player

import (
	"sort"

	"github.com/floorcoach/floorcoach/scripts"
)

// breathCues are the lines said in turn to break a clock's long quiet
// stretches when its step has no during lines of its own.
var breathCues = []string{sayBreathe, sayKeepBreathing}

// fill speaks into the quiet stretches of clock c, so that nothing longer
// than the step's Every passes between the starts of two lines (or from the
// start tone to a line, or from a line to the end tone): the step's during
// lines in turn, or, unless the step is quiet, the breathing cues. Each
// line goes evenly into its stretch, at least minApart from the lines
// around it and cueGap clear of them. During lines the stretches did not
// call for are then said in the longest stretches that have room, so that
// each is heard once in every clock long enough for them.
func (b *builder) fill(st *scripts.Step, c clock) {
	lines := make([]string, len(st.During))
	for i, l := range st.During {
		lines[i] = scripts.ForSide(l, b.side)
	}
	if len(lines) == 0 && !st.Quiet {
		lines = breathCues
	}
	every := framesOf(st.Every)
	if len(lines) == 0 || every <= 0 {
		return
	}
	prev, next := Event{At: c.start}, 0
	for _, e := range append(b.spokenIn(c), Event{At: c.end}) {
		next = b.fillGap(prev, e, lines, next, every)
		prev = e
	}
	for next < len(st.During) && b.sayInLongest(c, lines[next]) {
		next++
	}
}

// sayInLongest says a line in the middle of the longest stretch of clock c
// between two lines (or a tone and a line), and reports whether it fitted.
func (b *builder) sayInLongest(c clock, text string) bool {
	marks := append([]Event{{At: c.start}}, b.spokenIn(c)...)
	marks = append(marks, Event{At: c.end})
	var a, z Event
	for i := 1; i < len(marks); i++ {
		if marks[i].At-marks[i-1].At > z.At-a.At {
			a, z = marks[i-1], marks[i]
		}
	}
	return b.fillGap(a, z, []string{text}, 0, (z.At-a.At+1)/2) > 0
}

// spokenIn returns the spoken events inside clock c, in time order.
func (b *builder) spokenIn(c clock) []Event {
	var out []Event
	for _, e := range b.tl.Events[c.first:] {
		if e.Spoken() && e.At > c.start && e.At < c.end {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At < out[j].At })
	return out
}

// fillGap speaks lines[k], lines[k+1]… between the events a and z when z
// starts more than every after a, and returns the index of the next line.
func (b *builder) fillGap(a, z Event, lines []string, k int, every int64) int {
	gap := z.At - a.At
	if gap <= every {
		return k
	}
	n := (gap+every-1)/every - 1
	last := a
	for j := int64(1); j <= n; j++ {
		text := lines[k%len(lines)]
		length := b.length(text)
		at := max(a.At+gap*j/(n+1), last.End()+cueGap, last.At+minApart)
		if at+length+cueGap > z.At || z.Spoken() && z.At-at < minApart {
			break
		}
		last = b.emit(at, length, Speech, text)
		b.speechFree = max(b.speechFree, last.End()+cueGap)
		k++
	}
	return k
}
