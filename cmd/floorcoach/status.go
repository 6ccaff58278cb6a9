package main

import (
	"fmt"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/rivo/uniseg"
)

// statusLine is the one line a terminal shows while a session plays, cut
// to fit in width columns (leaving the last one free, so that the
// terminal never wraps it):
//
//	paused | 2/7 Seated spinal twist | left | hold 0:18 | 11:52 left | next: Cat-cow
func statusLine(st player.Status, title string, width int) string {
	var parts []string
	if st.Paused {
		parts = append(parts, "paused")
	}
	switch {
	case st.Step > 0:
		parts = append(parts, fmt.Sprintf("%d/%d %s", st.Step, st.Steps, st.Name))
	default:
		parts = append(parts, title)
	}
	if st.Rest && st.Name != "Rest" {
		parts = append(parts, "rest")
	}
	if st.Round > 0 {
		parts = append(parts, fmt.Sprintf("round %d", st.Round))
	}
	if st.Side != "" {
		parts = append(parts, st.Side)
	}
	switch {
	case st.Rep > 0:
		parts = append(parts, fmt.Sprintf("rep %d/%d", st.Rep, st.Reps))
	case st.HoldLeft >= 0:
		parts = append(parts, "hold "+countdown(st.HoldLeft))
	}
	parts = append(parts, player.Minutes(st.Left())+" left")
	if st.Next != "" {
		parts = append(parts, "next: "+st.Next)
	}
	if st.Volume != 1 { // above 1 too: louder than recorded is worth knowing
		parts = append(parts, fmt.Sprintf("vol %d%%", int(st.Volume*100+0.5)))
	}
	return fit(termtext.Line(strings.Join(parts, " | ")), width-1)
}

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
