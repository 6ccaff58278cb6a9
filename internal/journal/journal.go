package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/floorcoach/floorcoach/internal/userdir"
)

// Limits of what is written and read.
const (
	MaxField = 512     // bytes of a title, step name or error message
	MaxPath  = 4096    // bytes of a session's name or path
	MaxLine  = 8 << 10 // bytes of a line: the fields above, and room for the rest
	MaxRead  = 4 << 20 // bytes Read reads, from the end of the journal
)

// Outcome is how a session ended.
type Outcome string

// The outcomes.
const (
	Finished Outcome = "finished" // played to its end
	Stopped  Outcome = "stopped"  // stopped by the user: a key, Ctrl-C, a signal
	Failed   Outcome = "failed"   // the sound output was lost; Entry.Error says why
)

// Entry is one session played.
type Entry struct {
	Start, End time.Time
	Session    string // a built-in session's name, or the script's absolute path
	Title      string
	Level      string
	Outcome    Outcome
	From       int    // the step it started at: 1 for the beginning
	Step       int    // the step it ended in or was about to begin; 0 in the closing words
	StepName   string // that step's name
	Steps      int    // how many steps the session has
	Played     time.Duration
	Elapsed    time.Duration
	Error      string // why a failed session stopped
}

// line is an Entry as a journal line.
type line struct {
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Session  string    `json:"session"`
	Title    string    `json:"title"`
	Level    string    `json:"level"`
	Outcome  Outcome   `json:"outcome"`
	From     int       `json:"from"`
	Step     int       `json:"step"`
	StepName string    `json:"step_name,omitempty"`
	Steps    int       `json:"steps"`
	Played   float64   `json:"played_s"`
	Elapsed  float64   `json:"elapsed_s"`
	Error    string    `json:"error,omitempty"`
}

// toLine returns e as written: strings made printable and cut to their
// limits, times to the second, durations in seconds to a tenth.
func toLine(e Entry) line {
	return line{
		Start: e.Start.Truncate(time.Second), End: e.End.Truncate(time.Second),
		Session: clean(e.Session, MaxPath), Title: clean(e.Title, MaxField), Level: clean(e.Level, MaxField),
		Outcome: e.Outcome, From: e.From, Step: e.Step, StepName: clean(e.StepName, MaxField), Steps: e.Steps,
		Played: tenths(e.Played), Elapsed: tenths(e.Elapsed), Error: clean(e.Error, MaxField),
	}
}

// entry returns the Entry a line holds, or why it is none.
func (l line) entry() (Entry, error) {
	switch {
	case l.Start.IsZero():
		return Entry{}, errors.New("no start time")
	case l.Session == "":
		return Entry{}, errors.New("no session")
	case l.Outcome != Finished && l.Outcome != Stopped && l.Outcome != Failed:
		return Entry{}, fmt.Errorf("outcome %q (want finished, stopped or failed)", l.Outcome)
	case l.Step < 0 || l.Steps < 0 || l.From < 0 || !(l.Played >= 0) || !(l.Elapsed >= 0):
		return Entry{}, errors.New("a negative step or time")
	}
	return Entry{
		Start: l.Start, End: l.End,
		Session: clean(l.Session, MaxPath), Title: clean(l.Title, MaxField), Level: clean(l.Level, MaxField),
		Outcome: l.Outcome, From: l.From, Step: l.Step, StepName: clean(l.StepName, MaxField), Steps: l.Steps,
		Played: seconds(l.Played), Elapsed: seconds(l.Elapsed), Error: clean(l.Error, MaxField),
	}, nil
}

func tenths(d time.Duration) float64 { return math.Round(d.Seconds()*10) / 10 }

func seconds(s float64) time.Duration {
	return time.Duration(math.Min(s, float64(math.MaxInt64/2)/1e9) * 1e9).Round(100 * time.Millisecond)
}

// clean replaces control characters (which a script's title could hold,
// and which would move a terminal's cursor) with spaces, and cuts s to at
// most max bytes, on a character boundary.
func clean(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	if len(s) > max {
		s = s[:max]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

// Path returns the journal's path: floorcoach/journal in the user's state
// folder (see the package documentation).
func Path() (string, error) {
	d, err := userdir.State(runtime.GOOS, os.Getenv)
	if err != nil {
		return "", fmt.Errorf("journal: the state folder: %w", err)
	}
	return filepath.Join(d, "floorcoach", "journal"), nil
}

// MarshalJSON writes e as a journal line holds it.
func (e Entry) MarshalJSON() ([]byte, error) { return json.Marshal(toLine(e)) }

// UnmarshalJSON reads e from a journal line, and fails on a line that is
// no entry.
func (e *Entry) UnmarshalJSON(data []byte) error {
	var l line
	if err := json.Unmarshal(data, &l); err != nil {
		return err
	}
	got, err := l.entry()
	if err != nil {
		return err
	}
	*e = got
	return nil
}
