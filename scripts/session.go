package scripts

import (
	"fmt"
	"time"
)

// Level picks a point inside every range of a script.
type Level string

// The levels, from the low end of each range to the high end.
const (
	Gentle   Level = "gentle"
	Standard Level = "standard"
	Full     Level = "full"
)

// Levels lists the valid levels, gentlest first.
var Levels = []Level{Gentle, Standard, Full}

// ParseLevel returns the level named s, or an error listing the valid ones.
func ParseLevel(s string) (Level, error) {
	for _, l := range Levels {
		if string(l) == s {
			return l, nil
		}
	}
	return "", &levelError{s}
}

type levelError struct{ got string }

func (e *levelError) Error() string {
	return fmt.Sprintf("unknown level %q (valid: gentle, standard, full)", e.got)
}

// Duration is a duration or a range of durations, as written: "30s" or "20-30s".
// For a single value Lo == Hi.
type Duration struct{ Lo, Hi time.Duration }

// At returns the duration the level takes from s: gentle the low end,
// full the high end, standard the middle rounded to whole seconds.
func (s Duration) At(l Level) time.Duration {
	switch l {
	case Gentle:
		return s.Lo
	case Full:
		return s.Hi
	}
	if s.Lo == s.Hi {
		return s.Lo
	}
	return ((s.Lo + s.Hi) / 2).Round(time.Second)
}

// IsRange reports whether s has two different ends.
func (s Duration) IsRange() bool { return s.Lo != s.Hi }

// Count is a number or a range of numbers, as written: "10" or "10-12".
type Count struct{ Lo, Hi int }

// At returns the count the level takes: gentle the low end, full the high
// end, standard the middle rounded half up.
func (c Count) At(l Level) int {
	switch l {
	case Gentle:
		return c.Lo
	case Full:
		return c.Hi
	}
	return (c.Lo + c.Hi + 1) / 2
}

// IsRange reports whether the count has two different ends.
func (c Count) IsRange() bool { return c.Lo != c.Hi }

// Pos is a place in a script file, 1-based.
type Pos struct{ Line, Column int }

// Session is a parsed and validated script. Defaults are already applied
// to every step, so a Step carries its own effective settings.
type Session struct {
	File    string   // the path or built-in name it was parsed from
	Title   string   // required
	About   string   // one-paragraph description, shown by list and show
	Warning []string // spoken and shown before anything else
	Closing []string // spoken and shown at the end, instead of "Session complete. Well done."
	Level   Level    // the script's own level; the command line may override it
	Steps   []*Step

	// Where the session's own lines were written, for messages that point
	// at them: the title, and each line of the warning and of the closing.
	TitlePos   Pos
	WarningPos []Pos
	ClosingPos []Pos

	// Defaults is the script's defaults block, with the built-in value for
	// each key it leaves out. Steps already carry the settings they
	// inherit; Format uses it to write them back compactly.
	Defaults Defaults
}

// Kind says what a step does.
type Kind int

// The kinds of step.
const (
	KindHold   Kind = iota + 1 // a timed hold, once per side
	KindReps                   // repetitions at a tempo, once per side
	KindSay                    // spoken lines only
	KindRest                   // a plain rest
	KindRepeat                 // a group of steps run Repeat times
)

// CountMode says how the reps of a step are counted.
type CountMode string

// The ways reps are counted.
const (
	CountVoice CountMode = "voice"
	CountTone  CountMode = "tone"
	CountNone  CountMode = "none"
)

// Reminder is one reminder inside a hold: "halfway", or a time left.
type Reminder struct {
	Halfway bool
	Left    time.Duration // when not Halfway: spoken this long before the end
}

// Step is one entry of a script's steps, with defaults applied.
//
// A line of Say, During or After that names the side ({side}, {other}:
// see PerSide) is said once per side, filled in by ForSide.
type Step struct {
	Pos    Pos
	Kind   Kind
	Name   string   // empty for unnamed steps
	Say    []string // spoken before the step's clock starts; per-side lines before each side's
	During []string // timed steps: spoken in turn inside each clock, where it would be quiet for longer than Every
	After  []string // timed steps: spoken after each side's clock ends
	Hold   Duration // KindHold: the hold; KindReps: a hold after the first phase of each rep (zero: none)
	Reps   Count    // KindReps
	Tempo  []time.Duration
	Phases []string // empty, or one name per tempo entry
	Sides  []string // empty, or the sides in order ("right", "left")
	Rest   Duration // KindRest: the rest; timed steps: the rest after the step
	Ready  time.Duration
	Ticks  bool
	Remind []Reminder
	Count  CountMode
	Switch time.Duration // the least time from one side's end tone to the next side's start tone
	Quiet  bool          // no breathing cues in long quiet stretches of a clock
	Every  time.Duration // the longest quiet stretch of a clock before a During line or breathing cue
	Repeat int           // KindRepeat: how many rounds
	Steps  []*Step       // KindRepeat: the group
}

// Timed reports whether the step has a clock: a hold or reps.
func (s *Step) Timed() bool { return s.Kind == KindHold || s.Kind == KindReps }
