package player

import "github.com/floorcoach/floorcoach/scripts"

// restKind marks rest spans.
const restKind = scripts.KindRest

// item is one step as performed, with where it sits in the script.
type item struct {
	step       *scripts.Step
	top        int  // 1-based index of its top-level step
	round      int  // round of the innermost repeat group of more than one round, 0 outside them
	topRound   int  // round of the top-level repeat group, 0 outside groups
	roundStart bool // the first step of a round: "Round two." is said before it
	next       string
	timedLater bool // a timed step follows it somewhere
}

// flatten unrolls repeat groups into the steps as performed, in order, and
// tells each item the name of the next named timed step (for "Next: …").
func flatten(steps []*scripts.Step, top, round int) []item {
	var out []item
	for i, st := range steps {
		t := top
		if t == 0 {
			t = i + 1
		}
		if st.Kind != scripts.KindRepeat {
			out = append(out, item{step: st, top: t, round: round})
			continue
		}
		if st.Repeat == 1 { // one round: the rounds of the groups around it still tell steps apart
			out = append(out, flatten(st.Steps, t, round)...)
			continue
		}
		for r := 1; r <= st.Repeat; r++ {
			group := flatten(st.Steps, t, r)
			if len(group) > 0 {
				group[0].roundStart = true
			}
			for j := range group {
				if top == 0 { // a top-level group: its rounds are the ones to name
					group[j].topRound = r
				}
			}
			out = append(out, group...)
		}
	}
	if top == 0 {
		nextName, timed := "", false
		for i := len(out) - 1; i >= 0; i-- {
			out[i].next, out[i].timedLater = nextName, timed
			if out[i].step.Timed() && out[i].step.Name != "" {
				nextName = out[i].step.Name
			}
			timed = timed || out[i].step.Timed()
		}
	}
	return out
}

// restAfter returns the rest that follows item i, in frames, and the name to
// announce during it. A timed step is followed by its rest unless the next
// item is a rest of its own or no timed step is left.
func restAfter(items []item, i int, level scripts.Level) (int64, string) {
	it := items[i]
	if !it.step.Timed() || !it.timedLater || items[i+1].step.Kind == scripts.KindRest {
		return 0, ""
	}
	return framesOf(it.step.Rest.At(level)), it.next
}
