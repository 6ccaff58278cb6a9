package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/journal"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// resumeFlag starts play where the session last stopped.
func resumeFlag() cli.Flag {
	return &cli.BoolFlag{Name: "resume",
		Usage: "start at the step where this session last stopped, as 'floorcoach log' shows it, at the level it was played at unless --level is given"}
}

// practice is a session being played, to be written to the journal when
// it ends.
type practice struct {
	c     *cli.Context
	p     *plan
	live  *player.Live
	start time.Time
	from  int
}

// startPractice notes when and where live, not yet running, starts.
func startPractice(c *cli.Context, p *plan, live *player.Live) *practice {
	from, _ := stepAround(p.timeline, live.Status().Pos)
	return &practice{c: c, p: p, live: live, start: time.Now(), from: max(from, 1)}
}

// finish writes the session to the journal, with how it ended: err is
// what live.Run returned. A journal that cannot be written is a warning;
// the session was played all the same.
func (pr *practice) finish(err error) {
	tl := pr.p.timeline
	st := pr.live.Status()
	played, _ := pr.live.Played()
	e := journal.Entry{Start: pr.start, End: time.Now(), Session: sessionKey(pr.p.session), Title: tl.Title,
		Level: string(tl.Level), From: pr.from, Steps: tl.StepCount(), Played: audio.Duration(played)}
	e.Elapsed = e.End.Sub(e.Start)
	switch {
	case err == nil:
		e.Outcome, e.Step, e.StepName = journal.Finished, e.Steps, stepName(tl, e.Steps)
	case errors.Is(err, player.ErrStopped):
		e.Outcome = journal.Stopped
		e.Step, e.StepName = stepAround(tl, st.Pos)
	default:
		e.Outcome, e.Error = journal.Failed, err.Error()
		e.Step, e.StepName = stepAround(tl, st.Pos)
	}
	path, err := journal.Path()
	if err == nil {
		err = journal.Append(path, e)
	}
	if err != nil {
		fmt.Fprintf(pr.c.App.ErrWriter, "floorcoach: warning: this session was not written to the journal: %s\n", errorLine(err))
	}
}

// stepAround returns the step playing at frame pos, or else the next one
// to begin (in the intro, or in the rest after a step), with its name; 0 in
// the closing words.
func stepAround(tl *player.Timeline, pos int64) (int, string) {
	for _, s := range tl.Steps {
		if s.Start > pos || pos < s.End && (s.RestAt == 0 || pos < s.RestAt) {
			return s.Index, s.Name
		}
	}
	return 0, ""
}

// resumeFrame returns the frame play --resume starts at: the first of the
// step where the session last stopped, as the journal has it. It starts
// at the beginning, saying why, when the session was finished last time,
// never played, or stopped in its closing words, or when the script no
// longer has that step.
func resumeFrame(c *cli.Context, p *plan) (int64, error) {
	if c.IsSet("from") {
		return 0, usagef("--resume and --from: give one or the other")
	}
	path, err := journal.Path()
	if err != nil {
		return 0, err
	}
	jl, err := journal.Read(path)
	if err != nil {
		return 0, err
	}
	warnJournal(c, jl)
	tl := p.timeline
	e, ok := journal.Last(jl.Entries, sessionKey(p.session))
	note := func(format string, a ...any) {
		fmt.Fprintln(c.App.ErrWriter, "floorcoach: "+termtext.Line(fmt.Sprintf(format, a...)))
	}
	when := func() string { return e.Start.Local().Format("Mon 2006-01-02 15:04") }
	if ok && e.Outcome != journal.Finished {
		if err := keepLevel(c, p, e.Level); err != nil {
			return 0, err
		}
		tl = p.timeline
	}
	switch {
	case !ok:
		note("--resume: %q is not in the journal yet; starting at the beginning", tl.Title)
	case e.Outcome == journal.Finished:
		note("--resume: %q was finished last time (%s); starting at the beginning", tl.Title, when())
	case e.Step == 0:
		note("--resume: %q was stopped in its closing words last time (%s); starting at the beginning", tl.Title, when())
	case e.Step > tl.StepCount():
		note("--resume: %q stopped at step %d last time, but now has %d steps; starting at the beginning", tl.Title, e.Step, tl.StepCount())
	default:
		from, _ := tl.StartOf(e.Step)
		note("resuming %q at step %d of %d (%s), level %s, where it %s on %s", tl.Title, e.Step, tl.StepCount(),
			stepName(tl, e.Step), tl.Level, e.Outcome, when())
		return from, nil
	}
	return 0, nil
}

// keepLevel lays p out again at the level the session was stopped at, when
// --level is not given and it differs: the session goes on as it was
// played, with the same holds and reps, as the hint printed at a stop
// (--level L --from N) has it.
func keepLevel(c *cli.Context, p *plan, was string) error {
	lv, err := scripts.ParseLevel(was)
	if err != nil || c.IsSet("level") || lv == p.timeline.Level {
		return nil // a journal written by hand may hold anything: the level asked for stands
	}
	if err := c.Set("level", string(lv)); err != nil {
		return nil
	}
	np, err := loadPlan(c)
	if err != nil {
		return err
	}
	*p = *np
	return nil
}
