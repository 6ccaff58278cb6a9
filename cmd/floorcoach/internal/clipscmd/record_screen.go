package clipscmd

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/floorcoach/floorcoach/audio/mic"
	"github.com/floorcoach/floorcoach/internal/termtext"
)

// recKey is what a key press asks of clips record.
type recKey int

const (
	keyNone   recKey = iota
	keyKeep          // enter
	keyRetake        // r
	keyListen        // space
	keySkip          // s
	keyQuit          // q, Ctrl-C or Ctrl-D
)

// recKeysHelp is shown before the first line, on a terminal.
const recKeysHelp = "Keys: enter keep · r retake · space listen · s skip · q quit"

// parseRecKeys turns what a terminal in raw mode sent into key presses.
func parseRecKeys(b []byte) []recKey {
	var keys []recKey
	for _, c := range b {
		switch c {
		case '\r', '\n':
			keys = append(keys, keyKeep)
		case 'r', 'R':
			keys = append(keys, keyRetake)
		case ' ':
			keys = append(keys, keyListen)
		case 's', 'S':
			keys = append(keys, keySkip)
		case 'q', 'Q', 3, 4:
			keys = append(keys, keyQuit)
		}
	}
	return keys
}

// meterCells is the width of the level meter, from meterFloorDB to 0 dBFS.
const (
	meterCells   = 24
	meterFloorDB = -60.0
)

// recScreen shows clips record: the lines as they come, and on a terminal
// a status line redrawn in place, with the input's level; elsewhere, plain
// lines only.
type recScreen struct {
	w     io.Writer
	term  Terminal  // nil: not a terminal
	last  string    // the status line shown
	msg   string    // what the status line shows instead of the meter
	take  *mic.Take // the take being recorded, if one is
	level float64   // the input's peak, dBFS, falling back slowly
}

func newRecScreen(w io.Writer, tm Terminal) *recScreen {
	return &recScreen{w: w, term: tm, level: -100}
}

// open takes the keyboard, in raw mode, when there is a terminal.
func (s *recScreen) open(keys chan<- recKey) error {
	if s.term == nil || s.term.Input() == nil {
		return nil
	}
	if err := s.term.Raw(); err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	go func() {
		buf := make([]byte, 64)
		for {
			n, err := s.term.Input().Read(buf)
			for _, k := range parseRecKeys(buf[:n]) {
				keys <- k
			}
			if err != nil {
				return
			}
		}
	}()
	return nil
}

// close clears the status line and gives the terminal back as it was. It
// may be called more than once.
func (s *recScreen) close() {
	if s.term == nil {
		return
	}
	if s.last != "" {
		fmt.Fprint(s.w, "\r\x1b[K")
		s.last = ""
	}
	s.term.Restore()
}

// println prints a line that stays, above the status line.
func (s *recScreen) println(line string) {
	if s.term == nil {
		fmt.Fprintln(s.w, line)
		return
	}
	fmt.Fprint(s.w, "\r\x1b[K"+line+"\r\n")
	if s.last != "" {
		fmt.Fprint(s.w, s.last)
	}
}

// status shows the status line, on a terminal.
func (s *recScreen) status(line string) {
	if s.term == nil {
		return
	}
	s.last = s.term.Fit(line)
	fmt.Fprint(s.w, "\r\x1b[K"+s.last)
}

func (s *recScreen) intro(cs *clipSet, dir, source string, auto bool, n int, note string) {
	s.println(fmt.Sprintf("Recording %d lines of %q into %s, from the input %s.", n, termtext.Line(cs.session.Title), dir, termtext.Line(source)))
	switch {
	case auto:
		s.println("Hands-free: after the tone, say the line; a second of quiet ends the take, which is kept. q stops.")
	default:
		s.println("After the tone, say the line; a second of quiet ends the take.")
		s.println(recKeysHelp)
	}
	if note != "" {
		s.println("Note: " + note)
	}
}

// line shows the line to say and the one after it.
func (s *recScreen) line(i int, todo []need) {
	s.println("")
	s.println(fmt.Sprintf("%d/%d  say:  %s", i+1, len(todo), termtext.Line(todo[i].text)))
	if i+1 < len(todo) {
		s.println("      next: " + termtext.Line(todo[i+1].text))
	} else {
		s.println("      next: (the last line)")
	}
}

// meter takes the peak of a block of input.
func (s *recScreen) meter(peak float64) {
	s.level = max(peak, s.level-1.5) // falls 15 dB a second at 10 blocks a second
}

// show puts a message on the status line, in place of the meter.
func (s *recScreen) show(msg string) {
	s.msg = msg
	s.redraw()
}

// recording shows a take being recorded (nil: none). Not on a terminal,
// a line says that recording has begun.
func (s *recScreen) recording(take *mic.Take) {
	s.take, s.msg = take, ""
	if s.term == nil && take != nil {
		s.println("      recording")
	}
	s.redraw()
}

// redraw shows the status line: the message, or the input's level and
// what the take being recorded has heard so far.
func (s *recScreen) redraw() {
	switch {
	case s.term == nil:
	case s.msg != "":
		s.status(s.msg)
	case s.take != nil:
		state := fmt.Sprintf("● recording %4.1f s", s.take.Len().Seconds())
		if s.take.Started() {
			state += " (speech)"
		}
		s.status(state + "  " + meterBar(s.level))
	default:
		s.status("  input  " + meterBar(s.level))
	}
}

// meterBar draws a level: ▕██████░░░░▏ -23 dB, with CLIP at full scale.
func meterBar(db float64) string {
	n := int(math.Round((db - meterFloorDB) / -meterFloorDB * meterCells))
	n = min(max(n, 0), meterCells)
	bar := "▕" + strings.Repeat("█", n) + strings.Repeat("░", meterCells-n) + "▏"
	switch {
	case db >= -0.1:
		return bar + " CLIP"
	case db <= meterFloorDB:
		return bar + " quiet"
	}
	return bar + fmt.Sprintf(" %3.0f dB", db)
}

// problems says, each on a line of its own, what is wrong with a take.
func (s *recScreen) problems(problems []string) {
	for _, p := range problems {
		s.println("      " + p)
	}
}

// review shows a take that ended by itself and the keys that decide it:
// on the status line its length, what is wrong with it in a word or two,
// and the keys.
func (s *recScreen) review(frames, rate int, problems []string, canListen bool) {
	msg := fmt.Sprintf("take %.1f s", float64(frames)/float64(rate))
	for _, p := range problems {
		short, _, _ := strings.Cut(p, ":")
		msg += ", " + short
	}
	keys := "enter keep · r retake · space listen · s skip · q quit"
	if !canListen {
		keys = "enter keep · r retake · s skip · q quit"
	}
	s.show("■ " + msg + " — " + keys)
}

// verdict says, under a line, what became of a take.
func (s *recScreen) verdict(msg string) {
	if s.term != nil {
		fmt.Fprint(s.w, "\r\x1b[K")
		s.last, s.msg = "", ""
	}
	s.println("      " + msg)
}

// summary says what was kept, and how to hear it.
func (s *recScreen) summary(kept, skipped, n int, dir string, flagged []string) {
	s.println("")
	s.println(fmt.Sprintf("Kept %d of %d lines in %s.", kept, n, dir))
	if len(flagged) > 0 {
		s.println(fmt.Sprintf("%d kept with a problem, to record again (remove their lines from voice.yaml first):", len(flagged)))
		for _, f := range flagged {
			s.println("  " + termtext.Line(f))
		}
	}
	if left := n - kept; left > 0 {
		s.println(fmt.Sprintf("%d not recorded (%d skipped): run the same command again to record them.", left, skipped))
	}
}

// Terminal is the terminal clips record takes its keys from and draws its
// status line on.
type Terminal interface {
	Input() *os.File        // the keyboard, nil when stdin is not a terminal
	Raw() error             // puts the input in raw mode, for single keys
	Restore()               // puts the input back as it was; may be called again
	Fit(line string) string // line cut to the width of one status line
}

// OpenTerminal returns the terminal on stdout, or nil when stdout is not
// one.
type OpenTerminal func(stdin io.Reader, stdout io.Writer) Terminal
