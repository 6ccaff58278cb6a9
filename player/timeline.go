package player

import (
	"fmt"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

// Kind is what an event sounds like.
type Kind string

// The kinds of event.
const (
	Speech Kind = "speech" // a voice line; Text says what it says
	Pip    Kind = "pip"    // a countdown pip before a clock starts
	Start  Kind = "start"  // the tone that opens a hold or a set of reps
	End    Kind = "end"    // the tone that closes it
	Tick   Kind = "tick"   // each second of a hold
	Phase  Kind = "phase"  // a phase of a rep begins; Text when the phase is named
	Count  Kind = "count"  // rep Rep is counted; Text when counted by voice
	Chime  Kind = "chime"  // the session ends
)

// Event is one cue of a timeline. At and Dur are frames at audio.SampleRate.
type Event struct {
	At, Dur int64
	Kind    Kind
	Text    string // what is spoken, for speech, named phases and voiced counts
	Step    int    // index into Timeline.Steps, 1-based; 0 for the session's own cues
	Side    string
	Round   int
	Rep     int
}

// Spoken reports whether the event plays a voice line.
func (e Event) Spoken() bool { return e.Text != "" }

// End returns the frame just after the event.
func (e Event) End() int64 { return e.At + e.Dur }

// Span is one step as performed: a step inside "repeat: 3" has three spans,
// and rest and spoken-only steps of the script have theirs. The rest the
// player adds after a timed step is part of that step's span, from RestAt.
//
// Steps are numbered by these spans, everywhere: Index is the number show,
// play --from, the status line, the summary and the chapters give a step.
type Span struct {
	Index      int    // 1-based position in Timeline.Steps: the step's number
	Name       string // the step's name, or what it does: "Rest", a spoken step's text, "Hold", "Reps"
	Start, End int64
	RestAt     int64        // where the rest after the step begins; 0 when it has none
	Round      int          // the round of the innermost repeat group of more than one round, or 0
	Top        int          // 1-based index of the script's top-level step it belongs to
	Kind       scripts.Kind // hold, reps, say or rest
	Named      bool         // the script gave it a name
}

// Title is the step's number, name and round: "5. Knee rock, round 2".
func (s Span) Title() string { return fmt.Sprintf("%d. %s", s.Index, s.Label()) }

// Label is the step's name and round: "Knee rock, round 2".
func (s Span) Label() string {
	if s.Round > 0 {
		return fmt.Sprintf("%s, round %d", s.Name, s.Round)
	}
	return s.Name
}

// Timeline is a session laid out in frames: every cue at its exact sample.
type Timeline struct {
	Title      string
	About      string
	Warning    []string
	Closing    []string
	Level      scripts.Level
	SampleRate int
	Length     int64 // frames
	Steps      []Span
	Events     []Event
	Missing    []string // spoken lines the voice has no clip for, in order of first use
}

// openingChapter is the title of the chapter before the first step: the
// session's title and its warning.
const openingChapter = "Introduction"

// Chapters returns the chapters of an exported file, which cover it from
// its first frame to its last: the opening (title and warning), then one
// per step, titled as Span.Title, each up to the next one's start, the last
// up to the end (the closing lines are in it).
func (t *Timeline) Chapters() []audio.Chapter {
	cs := make([]audio.Chapter, 0, len(t.Steps)+1)
	end := t.Length
	if len(t.Steps) > 0 {
		end = t.Steps[0].Start
	}
	if end > 0 {
		cs = append(cs, audio.Chapter{Title: openingChapter, Start: 0, End: end})
	}
	for i, s := range t.Steps {
		end := t.Length
		if i+1 < len(t.Steps) {
			end = t.Steps[i+1].Start
		}
		cs = append(cs, audio.Chapter{Title: s.Title(), Start: s.Start, End: end})
	}
	return cs
}

// Lines returns the text of every spoken event, in order.
func (t *Timeline) Lines() []string {
	var texts []string
	for _, e := range t.Events {
		if e.Spoken() {
			texts = append(texts, e.Text)
		}
	}
	return texts
}

// StartOf returns the first frame of step n (1-based, as Span.Index
// numbers them), for starting a session part-way, and false when there is
// no such step.
func (t *Timeline) StartOf(n int) (int64, bool) {
	if n < 1 || n > len(t.Steps) {
		return 0, false
	}
	return t.Steps[n-1].Start, true
}

// StepCount returns how many steps the session has: the N of "step n of
// N", and the range of play --from.
func (t *Timeline) StepCount() int { return len(t.Steps) }

// StepAt returns the index (1-based) of the step playing at frame f, or 0
// between steps.
func (t *Timeline) StepAt(f int64) int {
	for _, s := range t.Steps {
		if f >= s.Start && f < s.End {
			return s.Index
		}
	}
	return 0
}
