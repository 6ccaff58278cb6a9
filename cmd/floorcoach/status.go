package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/rivo/uniseg"
)

// statusLine is the one line a terminal shows while a session plays, made
// to fit in width columns (leaving the last one free, so that the terminal
// never wraps it):
//
//	paused | 2/7 Seated spinal twist | left | hold 0:18 | 11:52 left | next: Cat-cow
//
// Where it does not fit, the less important fields go first: what comes
// next, the volume, the round, the hold's or the reps' count; then the
// step's name is shortened. Whether it is paused, the step, the side and
// the time left stay.
func statusLine(st player.Status, title string, width int) string {
	fields := statusFields(st, title)
	for drop := 1; lineWidth(fields) > width-1 && drop <= maxDrop; drop++ {
		fields = slices.DeleteFunc(fields, func(f field) bool { return f.drop == drop })
	}
	line := termtext.Line(joinFields(fields))
	if over := uniseg.StringWidth(line) - (width - 1); over > 0 {
		for i, f := range fields {
			if f.name {
				fields[i].text = fit(f.text, max(uniseg.StringWidth(f.text)-over-1, 1)) + "…"
			}
		}
		line = termtext.Line(joinFields(fields))
	}
	return fit(line, width-1)
}

// field is a part of the status line; drop says in which round it goes
// when the line is too long (0: never), name marks the step's label.
type field struct {
	text string
	drop int
	name bool
}

// maxDrop is the last round of dropping fields.
const maxDrop = 4

// statusFields returns the status line's fields, in order.
func statusFields(st player.Status, title string) []field {
	var fs []field
	if st.Paused {
		fs = append(fs, field{text: "paused"})
	}
	switch {
	case st.Step > 0:
		fs = append(fs, field{text: fmt.Sprintf("%d/%d %s", st.Step, st.Steps, st.Name), name: true})
	default:
		fs = append(fs, field{text: title, name: true})
	}
	if st.Rest && st.Name != "Rest" {
		fs = append(fs, field{text: "rest"})
	}
	if st.Round > 0 {
		fs = append(fs, field{text: fmt.Sprintf("round %d", st.Round), drop: 3})
	}
	if st.Side != "" {
		fs = append(fs, field{text: st.Side})
	}
	switch {
	case st.Rep > 0:
		fs = append(fs, field{text: fmt.Sprintf("rep %d/%d", st.Rep, st.Reps), drop: 4})
	case st.HoldLeft >= 0:
		fs = append(fs, field{text: "hold " + countdown(st.HoldLeft), drop: 4})
	}
	fs = append(fs, field{text: player.Minutes(st.Left()) + " left"})
	if st.Next != "" {
		fs = append(fs, field{text: "next: " + st.Next, drop: 1})
	}
	if st.Volume != 1 { // above 1 too: louder than recorded is worth knowing
		fs = append(fs, field{text: fmt.Sprintf("vol %d%%", int(st.Volume*100+0.5)), drop: 2})
	}
	return fs
}

func joinFields(fs []field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.text
	}
	return strings.Join(parts, " | ")
}

func lineWidth(fs []field) int { return uniseg.StringWidth(termtext.Line(joinFields(fs))) }

// countdown formats frames left as m:ss, rounding up: a clock shows 0:01
// until its last second is over.
func countdown(frames int64) string {
	s := (frames + audio.SampleRate - 1) / audio.SampleRate
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// fit cuts s to at most width columns of a terminal.
func fit(s string, width int) string {
	if uniseg.StringWidth(s) <= width {
		return s
	}
	var b strings.Builder
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() && w+g.Width() <= width {
		w += g.Width()
		b.WriteString(g.Str())
	}
	return b.String()
}

// logLine describes a cue in one plain line, for logs:
//
//	0:17.0  1/7 Knee-to-chest  right  say  Right side.
func logLine(tl *player.Timeline, steps int, e player.Event) string {
	parts := []string{player.Clock(e.At)}
	if e.Step > 0 {
		sp := tl.Steps[e.Step-1]
		parts = append(parts, fmt.Sprintf("%d/%d %s", sp.Index, steps, sp.Name))
	}
	if e.Round > 0 {
		parts = append(parts, fmt.Sprintf("round %d", e.Round))
	}
	if e.Side != "" {
		parts = append(parts, e.Side)
	}
	verb := string(e.Kind)
	if e.Kind == player.Speech {
		verb = "say"
	}
	parts = append(parts, verb)
	if e.Text != "" {
		parts = append(parts, e.Text)
	}
	return termtext.Line(strings.Join(parts, "  "))
}

// summary is the line printed when a session ends:
//
//	Finished Lower back relief: 7 of 7 steps, 14:16 played
//	Stopped at step 3 of 7 (Cat-cow) after 4:02.
func summary(tl *player.Timeline, st player.Status, played int64, steps int, finished bool) string {
	if finished {
		return termtext.Line(fmt.Sprintf("Finished %s: %d of %d steps, %s played", tl.Title, steps, st.Steps, player.Minutes(played)))
	}
	return termtext.Line(fmt.Sprintf("Stopped %s after %s.", where(tl, st), player.Minutes(played)))
}

// where says where in the session st is: "at step 3 of 7 (Cat-cow)", or
// in the rest after a step "before step 4 of 7 (Bridge)".
func where(tl *player.Timeline, st player.Status) string {
	if st.Step > 0 {
		if sp := tl.Steps[st.Step-1]; sp.RestAt == 0 || st.Pos < sp.RestAt {
			return fmt.Sprintf("at step %d of %d (%s)", st.Step, st.Steps, st.Name)
		}
	}
	for _, s := range tl.Steps {
		if s.Start > st.Pos {
			return fmt.Sprintf("before step %d of %d (%s)", s.Index, st.Steps, s.Name)
		}
	}
	return "in the closing words"
}

// resumeStep returns the step a session stopped at st goes on from: the
// step under way, or the next one; none in the closing words.
func resumeStep(tl *player.Timeline, st player.Status) (int, bool) {
	if st.Step > 0 {
		return st.Step, true
	}
	for _, s := range tl.Steps {
		if s.Top > 0 && s.Start > st.Pos {
			return s.Top, true
		}
	}
	return 0, false
}

// resumeHint says how to go on with a session stopped at st, given the
// command that plays it: "To go on: floorcoach play lower-back --from 3".
func resumeHint(tl *player.Timeline, st player.Status, command string) string {
	n, ok := resumeStep(tl, st)
	if !ok {
		return ""
	}
	return termtext.Line(fmt.Sprintf("To go on: %s --from %d", command, n))
}

// playCommandLine returns the command that plays session again as it was
// played: its level and voice, if set.
func playCommandLine(app, session, level, voice string) string {
	parts := []string{app, "play", shellQuote(session)}
	if level != "" {
		parts = append(parts, "--level", shellQuote(level))
	}
	if voice != "" {
		parts = append(parts, "--voice", shellQuote(voice))
	}
	return strings.Join(parts, " ")
}

// shellQuote quotes s for a POSIX shell, if it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./,:+@%=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
