package player

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/termtext"
)

// Clock formats a frame count as m:ss.s, or h:mm:ss.s past an hour.
func Clock(frames int64) string {
	d := audio.Duration(frames)
	tenths := int64(d.Round(100*time.Millisecond) / (100 * time.Millisecond))
	h, m, s, t := tenths/36000, tenths/600%60, tenths/10%60, tenths%10
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d.%d", h, m, s, t)
	}
	return fmt.Sprintf("%d:%02d.%d", m, s, t)
}

// Minutes formats a frame count as m:ss, rounded to the second.
func Minutes(frames int64) string {
	s := int64(audio.Duration(frames).Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// WriteText writes the plan for people: each step with its cues and their
// times, then the totals. Ticks are summed up on their hold's line unless
// ticks is set.
func (t *Timeline) WriteText(w io.Writer, ticks bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s (%s level, %s)\n", termtext.Line(t.Title), t.Level, Minutes(t.Length))
	if t.About != "" {
		fmt.Fprintln(tw, wrap(termtext.Line(t.About), 78, ""))
	}
	for i, w := range t.Warning {
		if i == 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintln(tw, "Warning: "+wrap(termtext.Line(w), 69, "         "))
	}
	fmt.Fprintln(tw)
	step := -1
	for i := 0; i < len(t.Events); i++ {
		e := t.Events[i]
		switch {
		case e.Step != step && e.Step > 0:
			fmt.Fprintln(tw, t.heading(t.Steps[e.Step-1]))
		case e.Step == 0 && step > 0:
			fmt.Fprintf(tw, "End   %s – %s\n", Clock(e.At), Clock(t.Length))
		}
		step = e.Step
		i += t.writeCue(tw, i, ticks)
	}
	tw.Flush()
	t.writeTotals(w)
	return nil
}

// heading introduces a step: its number (the one play --from takes), name
// and round, and its span.
func (t *Timeline) heading(s Span) string {
	return fmt.Sprintf("%s   %s – %s (%s)", termtext.Line(s.Title()), Clock(s.Start), Clock(s.End), Minutes(s.End-s.Start))
}

// writeCue writes the cue at event i and returns how many more events its
// line stands for.
func (t *Timeline) writeCue(w io.Writer, i int, ticks bool) int {
	e := t.Events[i]
	what, skip := string(e.Kind), 0
	text := e.Text
	switch e.Kind {
	case Speech:
		what = "say"
	case Tick:
		if !ticks {
			return 0
		}
	case Pip:
		for i+skip+1 < len(t.Events) && t.Events[i+skip+1].Kind == Pip {
			skip++
		}
		what, text = "pips", fmt.Sprintf("%d, then go", skip+1)
	case Start:
		text = t.clockOf(i)
	}
	side := ""
	if e.Side != "" {
		side = e.Side
	}
	fmt.Fprintf(w, "   %s\t%s\t%s\t%s\n", Clock(e.At), what, side, termtext.Line(text))
	return skip
}

// clockOf describes the clock opened by the start tone at event i.
func (t *Timeline) clockOf(i int) string {
	start := t.Events[i]
	ticks, reps := 0, 0
	for _, e := range t.Events[i+1:] {
		if e.Step != start.Step || e.Side != start.Side || e.Round != start.Round {
			continue
		}
		switch e.Kind {
		case Tick:
			ticks++
		case Count:
			reps = max(reps, e.Rep)
		case End:
			if reps > 0 {
				return fmt.Sprintf("%d reps, %s", reps, Minutes(e.At-start.At))
			}
			return fmt.Sprintf("hold %s, %d ticks", Minutes(e.At-start.At), ticks)
		}
	}
	return ""
}

func (t *Timeline) writeTotals(w io.Writer) {
	var hold, reps, lines int64
	open := map[string]int64{}
	for _, e := range t.Events {
		key := fmt.Sprint(e.Step, e.Side, e.Round)
		switch {
		case e.Kind == Start:
			open[key] = e.At
		case e.Kind == End:
			hold += e.At - open[key]
		case e.Kind == Count:
			reps++
		}
		if e.Spoken() {
			lines++
		}
	}
	fmt.Fprintf(w, "\nTotal: %s; %d steps, %s on the clock, %d reps, %d spoken lines.\n",
		Minutes(t.Length), len(t.Steps), Minutes(hold), reps, lines)
	if len(t.Missing) > 0 {
		fmt.Fprintf(w, "The voice has no clip for %d of these lines: an attention tone plays instead.\n", len(t.Missing))
	}
	if len(t.Closing) > 0 {
		fmt.Fprintln(w, "\nAt the end:")
		for _, l := range t.Closing {
			fmt.Fprintln(w, "  - "+wrap(termtext.Line(l), 74, "    "))
		}
	}
}

// wrap breaks text into lines of at most n columns, indenting the lines
// after the first.
func wrap(text string, n int, indent string) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(text) {
		if col > 0 && col+1+len(word) > n {
			b.WriteString("\n" + indent)
			col = 0
		} else if col > 0 {
			b.WriteString(" ")
			col++
		}
		b.WriteString(word)
		col += len(word)
	}
	return b.String()
}
