package player

import "sort"

// Status is where a live session stands: what is being heard at frame Pos.
type Status struct {
	Pos    int64 // the frame being heard
	Length int64 // the session's length in frames

	Step  int    // the step playing (Span.Index); 0 in the intro, the closing and between steps
	Steps int    // how many steps the session has
	Span  int    // the same as Step
	Name  string // the step's name, or "Rest"; "" between steps
	Rest  bool   // a rest: a rest step, or the rest after a step
	Side  string // the side being worked, if any
	Round int    // the round of a repeat group, if any
	Rep   int    // the rep under way, 1 to Reps; 0 outside a set of reps
	Reps  int    // how many reps the set has

	// HoldLeft is the number of frames until the running clock (a hold, or
	// a set of reps) ends with its end tone, or -1 when no clock runs.
	HoldLeft int64
	Next     string // the name of the next named step, "" after the last
	Line     string // the line being spoken now, "" when none is

	Paused bool
	Done   bool    // the session has ended: played to its end, stopped or failed
	Volume float64 // 0 to MaxVolume

	// Jumps counts the jumps of the position (the start, Next, Restart);
	// JumpedTo is the frame the last one went to. A Feed uses them.
	Jumps    int
	JumpedTo int64
}

// Left returns the frames left in the session.
func (s Status) Left() int64 { return max(s.Length-s.Pos, 0) }

// StatusAt returns what a session is doing at frame pos; the fields about
// the player itself (Paused, Done, Volume, Jumps) are left zero.
func (t *Timeline) StatusAt(pos int64) Status {
	st := Status{Pos: pos, Length: t.Length, Steps: t.StepCount(), HoldLeft: -1}
	i := t.spanIndex(pos)
	last := sort.Search(len(t.Events), func(k int) bool { return t.Events[k].At > pos }) - 1
	st.Line = t.lineAt(pos, last)
	st.Next = t.nextNamed(pos, i)
	if i < 0 {
		return st
	}
	sp := t.Steps[i]
	st.Span, st.Name, st.Step, st.Round = sp.Index, sp.Name, sp.Index, sp.Round
	st.Rest = sp.Kind == restKind || sp.RestAt > 0 && pos >= sp.RestAt
	t.clockAt(&st, last)
	return st
}

// spanIndex returns the index into t.Steps of the span playing at frame f,
// or -1 between spans.
func (t *Timeline) spanIndex(f int64) int {
	i := sort.Search(len(t.Steps), func(k int) bool { return t.Steps[k].End > f })
	if i < len(t.Steps) && t.Steps[i].Start <= f {
		return i
	}
	return -1
}

// lineAt returns the text of the line sounding at frame pos, given the
// index of the last event at or before it. Lines never overlap, so only the
// latest line to start can still be sounding.
func (t *Timeline) lineAt(pos int64, last int) string {
	for k := last; k >= 0; k-- {
		if e := t.Events[k]; e.Spoken() {
			if pos < e.End() {
				return e.Text
			}
			return ""
		}
	}
	return ""
}

// nextNamed returns the name of the first named span after span i, or
// after frame pos when i is -1.
func (t *Timeline) nextNamed(pos int64, i int) string {
	for k, s := range t.Steps {
		after := k > i
		if i < 0 {
			after = s.Start > pos
		}
		if after && s.Named && s.Kind != restKind {
			return s.Name
		}
	}
	return ""
}

// clockAt fills in the side, rep and running clock of st's span from the
// events at or before frame st.Pos (last indexes the latest of them).
func (t *Timeline) clockAt(st *Status, last int) {
	if last < 0 || t.Events[last].Step != st.Span {
		return
	}
	e := t.Events[last]
	st.Side, st.Rep = e.Side, e.Rep
	start := last
	for start >= 0 && t.Events[start].Step == st.Span && t.Events[start].Kind != Start {
		start--
	}
	if start < 0 || t.Events[start].Step != st.Span || t.Events[start].Side != st.Side {
		return
	}
	for _, e := range t.Events[start+1:] {
		if e.Step != st.Span {
			return
		}
		st.Reps = max(st.Reps, e.Rep)
		if e.Kind == End {
			if e.At > st.Pos {
				st.HoldLeft = e.At - st.Pos
			}
			return
		}
	}
}
