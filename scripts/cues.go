package scripts

import (
	"math"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
)

// MaxCues is how many cues a session may have at the full level: every
// spoken line, pip, tone, tick, phase and count is one, and so is every
// step as performed (each round of a group counts again). Six hours of
// ticks and brisk reps need well under a third of it; the limit keeps a
// short script from asking for millions of events.
const MaxCues = 200_000

// Cues returns an upper bound on the cues the session has at the full
// level: what a timeline of it holds, whatever the voice. It counts in
// float64, so no script can overflow it.
func (s *Session) Cues() float64 {
	return 5 + float64(len(s.Closing)) + cues(s.Steps, false)
}

// cues bounds the cues of steps; inGroup adds the "Round two." line.
func cues(steps []*Step, inGroup bool) float64 {
	var sum float64
	for _, st := range steps {
		sum += stepCues(st, inGroup)
	}
	return sum
}

// stepCues bounds the cues of one step, every round of it for a group.
func stepCues(st *Step, inGroup bool) float64 {
	if st.Kind == KindRepeat {
		return float64(st.Repeat) * cues(st.Steps, true)
	}
	n := 3 + float64(len(st.Say)) // its span, the round and its name
	if inGroup {
		n++
	}
	sides := float64(max(1, len(st.Sides)))
	// Each side: the switch and side lines, its own lines, get ready and
	// its pips, the start and end tones, the lines after it, and the lines
	// that fill the clock's quiet (one each Every, and each During line).
	side := 10 + float64(len(st.Say)+len(st.After)+len(st.During))
	switch st.Kind {
	case KindHold: // begin, ticks, reminders, release
		side += 2 + ticks(st, st.Hold.Hi) + float64(len(st.Remind)) + fill(st, st.Hold.Hi.Seconds())
	case KindReps: // each rep's phases, ticks and count
		rep := float64(len(st.Tempo)) + 1 + ticks(st, st.Hold.Hi)
		side += float64(st.Reps.Hi)*rep + fill(st, float64(st.Reps.Hi)*repSeconds(st))
	}
	if st.Timed() {
		n += sides * side
	}
	return n + 4 // the rest after it: "Rest.", "Next:" and the name
}

// repSeconds is how long one rep of a reps step lasts at the full level.
func repSeconds(st *Step) float64 {
	sec := st.Hold.Hi.Seconds()
	for _, d := range st.Tempo {
		sec += d.Seconds()
	}
	return sec
}

// fill bounds the lines that break the quiet of a clock of sec seconds:
// one each Every.
func fill(st *Step, sec float64) float64 {
	if st.Every <= 0 {
		return 0
	}
	return math.Floor(sec/st.Every.Seconds()) + 1
}

// ticks bounds the ticks of a hold of d: one each whole second inside it,
// if the step has ticks.
func ticks(st *Step, d time.Duration) float64 {
	if !st.Ticks {
		return 0
	}
	return math.Floor(d.Seconds())
}

// CheckLimits reports a session over MaxSession or MaxCues at the full
// level, as Parse does, for sessions built by other means; the sum of
// the steps is blamed on the first step.
func (s *Session) CheckLimits() error {
	p := &parser{file: s.File}
	var at *yaml.Node
	if len(s.Steps) > 0 {
		at = &yaml.Node{Line: s.Steps[0].Pos.Line, Column: s.Steps[0].Pos.Column}
	}
	p.checkLength(at, s.Steps)
	p.checkCues(at, s)
	if len(p.errs) > 0 {
		return p.errs.sorted()
	}
	return nil
}

// checkCues reports a session with more than MaxCues cues, at the step
// that multiplies them (see blame), or at the steps key.
func (p *parser) checkCues(key *yaml.Node, s *Session) {
	n := s.Cues()
	if n <= MaxCues {
		return
	}
	at, what := key, "steps: the session"
	if st := blame(s.Steps, false, MaxCues, stepCues); st != nil {
		at, what = &yaml.Node{Line: st.Pos.Line, Column: st.Pos.Column}, st.Kind.noun()
		n = stepCues(st, false)
	}
	p.errorf(at, ErrLimit, "%s would make %s cues at the full level (limit %d: each line, "+
		"tone, tick and count is one; use fewer rounds or reps, or longer phases)", what, many(n), MaxCues)
}

// blame returns the deepest step that alone measures over limit, or nil
// when none does and only their sum is over: the repeat group or step
// that multiplies.
func blame(steps []*Step, inGroup bool, limit float64, measure func(*Step, bool) float64) *Step {
	for _, st := range steps {
		if measure(st, inGroup) <= limit {
			continue
		}
		if inner := blame(st.Steps, true, limit, measure); inner != nil {
			return inner
		}
		return st
	}
	return nil
}

// noun names a step of kind k in an error: "this repeat group".
func (k Kind) noun() string {
	switch k {
	case KindRepeat:
		return "repeat: this group"
	case KindReps:
		return "reps: this step"
	}
	return "this step"
}

// many writes a large count roughly: "about 20000000", "over 1000000000".
func many(n float64) string {
	if n >= 1e9 {
		return "over 1000000000"
	}
	return "about " + strconv.FormatFloat(math.Round(n), 'f', 0, 64)
}
