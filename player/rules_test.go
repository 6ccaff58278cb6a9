package player

import (
	"fmt"
	"testing"
)

// checkRules checks a timeline against the rules of docs/FORMAT.md and returns what
// is broken, one line each.
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
