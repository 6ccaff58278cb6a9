package player

import (
	"fmt"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

// checkRules checks a timeline against the timeline's rules (see the
// package doc) and returns what is broken, one line each.
func checkRules(tl *Timeline) []string {
	var broken []string
	bad := func(format string, a ...any) { broken = append(broken, fmt.Sprintf(format, a...)) }
	for i, e := range tl.Events {
		if i > 0 && e.At < tl.Events[i-1].At {
			bad("event %d at %d before the one ahead of it", i, e.At)
		}
		if e.At < 0 || e.End() > tl.Length {
			bad("event %d (%s) outside the session", i, e.Kind)
		}
		if e.Dur <= 0 {
			bad("event %d (%s %q) has no duration", i, e.Kind, e.Text)
		}
	}
	var last *Event
	for i := range tl.Events {
		e := &tl.Events[i]
		if !e.Spoken() {
			continue
		}
		if last != nil && last.End() > e.At {
			bad("%q (ends %d) overlaps %q (at %d)", last.Text, last.End(), e.Text, e.At)
		}
		last = e
	}
	for i, s := range tl.Steps {
		if s.Index != i+1 || s.Start >= s.End || s.End > tl.Length {
			bad("step %+v: wrong index or span", s)
		}
		if i > 0 && s.Start < tl.Steps[i-1].End {
			bad("step %d starts before step %d ends", s.Index, i)
		}
	}
	return broken
}

// clockKey identifies one clock: a hold or set of reps on one side of one
// performed step.
type clockKey struct {
	step  int
	side  string
	round int
}

// clocks returns, per clock, the frames between each start tone and its end
// tone, and the reps counted inside, checking they alternate.
func clocks(t *testing.T, tl *Timeline) (map[clockKey][]int64, map[clockKey][]int) {
	t.Helper()
	spans, counts := map[clockKey][]int64{}, map[clockKey][]int{}
	open := map[clockKey]int64{}
	for _, e := range tl.Events {
		k := clockKey{e.Step, e.Side, e.Round}
		switch e.Kind {
		case Start:
			if _, dup := open[k]; dup {
				t.Errorf("two start tones without an end in %+v", k)
			}
			open[k] = e.At
		case End:
			at, ok := open[k]
			if !ok {
				t.Errorf("end tone without a start in %+v", k)
			}
			spans[k] = append(spans[k], e.At-at)
			delete(open, k)
		case Count:
			counts[k] = append(counts[k], e.Rep)
		}
	}
	for k, reps := range counts {
		for i, r := range reps {
			if r != i+1 {
				t.Errorf("counts in %+v are %v, want 1..%d", k, reps, len(reps))
				break
			}
		}
	}
	return spans, counts
}

// checkDoses checks that every clock of a performed step lasts its dose on
// every side, and counts its reps.
func checkDoses(t *testing.T, s *scripts.Session, tl *Timeline, lv scripts.Level) {
	t.Helper()
	spans, counts := clocks(t, tl)
	items := flatten(s.Steps, 0, 0)
	if len(items) != len(tl.Steps) {
		t.Fatalf("%d performed steps in the timeline, want %d", len(tl.Steps), len(items))
	}
	for i, sp := range tl.Steps {
		st := items[i].step
		for _, side := range sidesOf(st) {
			key := clockKey{sp.Index, side, sp.Round}
			switch st.Kind {
			case scripts.KindHold:
				want := audio.Frames(st.Hold.At(lv))
				if got := spans[key]; len(got) != 1 || got[0] != want {
					t.Errorf("%s %s: hold spans %v frames, want one of %d", sp.Name, side, got, want)
				}
			case scripts.KindReps:
				if st.Count == scripts.CountNone {
					continue
				}
				if got, want := len(counts[key]), st.Reps.At(lv); got != want {
					t.Errorf("%s %s: %d reps counted, want %d", sp.Name, side, got, want)
				}
			}
		}
	}
}

// sidesOf returns a step's sides, or one side "" for a step without sides.
func sidesOf(st *scripts.Step) []string {
	if len(st.Sides) == 0 {
		return []string{""}
	}
	return st.Sides
}

// checkInstructionsFirst checks that each step's own lines are spoken
// before its clock starts: the lines for every side before the first
// side's start tone, and each per-side line ({side}, {other}) filled in
// for each side before that side's start tone, in that side's events.
func checkInstructionsFirst(t *testing.T, s *scripts.Session, tl *Timeline) {
	t.Helper()
	items := flatten(s.Steps, 0, 0)
	for i, sp := range tl.Steps {
		st := items[i].step
		for k, side := range sidesOf(st) {
			start, said := sideCues(tl, sp.Index, side)
			for _, line := range st.Say {
				text, need := line, side
				switch {
				case scripts.PerSide(line):
					text = scripts.ForSide(line, side)
				case k > 0:
					continue
				default:
					need = ""
				}
				end, ok := said[need+"\x00"+text]
				switch {
				case !ok:
					t.Errorf("%s %s: line %q never spoken", sp.Name, side, text)
				case start >= 0 && end > start:
					t.Errorf("%s %s: line %q still spoken when the clock starts", sp.Name, side, text)
				}
			}
		}
	}
}

// sideCues returns the frame of the first start tone of step n on a side
// (-1 when it has none) and the end of each line spoken in the step, keyed
// by side and text.
func sideCues(tl *Timeline, n int, side string) (int64, map[string]int64) {
	start := int64(-1)
	said := map[string]int64{}
	for _, e := range tl.Events {
		if e.Step != n {
			continue
		}
		if e.Kind == Start && e.Side == side && start < 0 {
			start = e.At
		}
		if key := e.Side + "\x00" + e.Text; e.Kind == Speech {
			if _, ok := said[key]; !ok {
				said[key] = e.End()
			}
		}
	}
	return start, said
}
