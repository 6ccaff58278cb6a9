package player

import (
	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

// Kind is what an event sounds like.
type Kind string

// The kinds of event, as the timeline format (docs/FORMAT.md) names them.
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
// and rests and spoken-only steps have theirs.
type Span struct {
	Index      int    // 1-based position in Timeline.Steps
	Name       string // the step's name, "Rest", or a spoken-only step's text
	Start, End int64
	Round      int          // the round of the innermost repeat group, or 0
	Top        int          // 1-based index of the script's top-level step it belongs to; 0 for auto rests
	Kind       scripts.Kind // hold, reps, say or rest
	Named      bool         // the script gave it a name: it becomes a chapter
}

// Timeline is a session laid out in frames: every cue at its exact sample.
type Timeline struct {
	Title      string
	About      string
	Warning    string
	Closing    []string
	Level      scripts.Level
	SampleRate int
	Length     int64 // frames
	Steps      []Span
	Events     []Event
	Missing    []string // spoken lines the voice has no clip for, in order of first use
}

// Chapters returns the named steps as chapters for an exported file.
func (t *Timeline) Chapters() []audio.Chapter {
	var cs []audio.Chapter
	for _, s := range t.Steps {
		if s.Named {
			cs = append(cs, audio.Chapter{Title: s.Name, Start: s.Start, End: s.End})
		}
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

// StartOf returns the first frame of the script's top-level step n (1-based),
// for starting a session part-way, and false when there is no such step.
func (t *Timeline) StartOf(n int) (int64, bool) {
	for _, s := range t.Steps {
		if s.Top == n {
			return s.Start, true
		}
	}
	return 0, false
}

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
