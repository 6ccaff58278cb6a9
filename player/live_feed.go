package player

import "sort"

// A Feed hands out the events of a live session as they are heard, each
// once, for a display or a log: call Heard with each new Status.
type Feed struct {
	tl    *Timeline
	next  int // the first event not yet handed out
	jumps int
}

// NewFeed returns a Feed of tl's events.
func NewFeed(tl *Timeline) *Feed { return &Feed{tl: tl} }

// Heard returns the events that began at or before st.Pos and were not
// handed out yet. After a jump (Next, Restart, or a start part-way) it goes
// on from the first event at or after the frame jumped to: events skipped
// over are never handed out, and those of a restarted step are again.
func (f *Feed) Heard(st Status) []Event {
	ev := f.tl.Events
	if st.Jumps != f.jumps {
		f.jumps = st.Jumps
		f.next = sort.Search(len(ev), func(k int) bool { return ev[k].At >= st.JumpedTo })
	}
	start := f.next
	for f.next < len(ev) && ev[f.next].At <= st.Pos {
		f.next++
	}
	return ev[start:f.next]
}
