package scripts

import (
	"time"

	"go.yaml.in/yaml/v3"
)

// The limits of a script. Each is an error when passed, never a crash.
const (
	MaxSize    = 1 << 20       // bytes in a script file
	MaxHold    = time.Hour     // one hold, and any other single duration
	MaxReps    = 500           // reps of one step (the high end of a range)
	MaxRepeat  = 100           // rounds of one repeat group
	MaxNesting = 4             // levels of steps; the top list is level 1
	MaxSession = 6 * time.Hour // the whole session, at the full level
)

// maxDepth is how deeply YAML values may nest. Scripts within MaxNesting
// need about a dozen levels; deeper input fails before it is walked.
const maxDepth = 32

// checkLength reports a session longer than MaxSession at the full level,
// at the step that multiplies its length (see blame), or at the steps key.
func (p *parser) checkLength(key *yaml.Node, steps []*Step) {
	sec := length(steps)
	if sec <= MaxSession.Seconds() {
		return
	}
	at, what := key, "steps: the session"
	if st := blame(steps, false, MaxSession.Seconds(), stepLength); st != nil {
		at, what = &yaml.Node{Line: st.Pos.Line, Column: st.Pos.Column}, st.Kind.noun()
		sec = stepLength(st, false)
	}
	p.errorf(at, ErrLimit, "%s would last %s at the full level (limit %s)",
		what, about(sec), formatDuration(MaxSession))
}

// length estimates how many seconds steps last at the full level, without
// speech: every get-ready, switch of sides, hold, rep and rest, for each
// side and round. It counts in float64 seconds, so no script can overflow
// it.
func length(steps []*Step) float64 {
	var sum float64
	for _, st := range steps {
		sum += stepLength(st, false)
	}
	return sum
}

// stepLength estimates the seconds of one step, every round of a group.
func stepLength(st *Step, _ bool) float64 {
	sides := float64(max(1, len(st.Sides)))
	ready, rest := st.Ready.Seconds(), st.Rest.Hi.Seconds()
	between := max(ready, st.Switch.Seconds()) * (sides - 1) // from one side's end to the next's start
	switch st.Kind {
	case KindHold:
		return ready + st.Hold.Hi.Seconds()*sides + between + rest
	case KindReps:
		rep := st.Hold.Hi.Seconds()
		for _, d := range st.Tempo {
			rep += d.Seconds()
		}
		return ready + float64(st.Reps.Hi)*rep*sides + between + rest
	case KindRest:
		return rest
	case KindRepeat:
		return float64(st.Repeat) * length(st.Steps)
	}
	return 0
}

// about writes a number of seconds roughly: "about 7h30m", "over 1000h".
func about(sec float64) string {
	if sec >= 1000*3600 {
		return "over 1000h"
	}
	d := time.Duration(sec) * time.Second
	return "about " + formatDuration(d.Round(time.Minute))
}
