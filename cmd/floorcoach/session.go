package main

import (
	"errors"
	"fmt"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/logcmd"
	"github.com/floorcoach/floorcoach/internal/journal"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// levelFlag returns a new flag that picks the point inside every range of
// a script.
func levelFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "level",
		Usage: "which end of each range to use: `gentle` (low), standard (middle) or full (high); default: the script's",
	}
}

// voiceFlag returns a new flag that picks the voice pack a command speaks
// with; loadPlan reads it.
func voiceFlag() *cli.StringFlag { return cliapp.VoiceFlag() }

// strictFlag returns a new flag that makes a line without a clip an error.
// loadPlan reads it.
func strictFlag() *cli.BoolFlag {
	return &cli.BoolFlag{
		Name:  "strict",
		Usage: "fail if the voice has no clip for a line, instead of playing a soft tone in its place",
	}
}

// sessionArg returns the one SESSION argument of a command.
func sessionArg(c *cli.Context) (string, error) { return cliapp.SessionArg(c) }

// level returns the --level flag's level, or "" to keep the script's.
func level(c *cli.Context) (scripts.Level, error) { return cliapp.Level(c) }

// voice returns the voice a command speaks with: --voice, else the
// settings file's, else the default pack.
func voice(c *cli.Context) (*pack.Voice, error) { return cliapp.Voice(c) }

// volumeSetting returns --volume, else the settings file's volume.
func volumeSetting(c *cli.Context) (float64, error) { return cliapp.VolumeSetting(c) }

// usageError marks wrong usage, as cliapp.UsageError does, for the
// commands written as usageError{err}: it unwraps to one.
type usageError struct{ error }

func (e usageError) Unwrap() error { return cliapp.UsageError{Err: e.error} }

// usagef returns a usage error.
func usagef(format string, a ...any) error { return cliapp.Usagef(format, a...) }

// stepName returns the name of step n of a timeline, or "".
func stepName(tl *player.Timeline, n int) string { return cliapp.StepName(tl, n) }

// sessionKey returns the name a session has in the journal.
func sessionKey(s *scripts.Session) string { return logcmd.SessionKey(s) }

// warnJournal warns of the lines of the journal that were skipped.
func warnJournal(c *cli.Context, jl *journal.Log) { logcmd.WarnJournal(c, jl) }

// errorLine returns err as one line safe for a terminal.
func errorLine(err error) string { return cliapp.ErrorLine(err) }

// plan is a loaded session laid out in a voice.
type plan struct {
	session  *scripts.Session
	voice    *pack.Voice
	timeline *player.Timeline
}

// loadPlan loads the command's SESSION and lays it out.
func loadPlan(c *cli.Context) (*plan, error) {
	name, err := sessionArg(c)
	if err != nil {
		return nil, err
	}
	lv, err := cliapp.PlanLevel(c)
	if err != nil {
		return nil, err
	}
	s, err := scripts.Load(name)
	if err != nil {
		return nil, err
	}
	v, err := voice(c)
	if err != nil {
		return nil, err
	}
	tl, err := player.Build(s, v, player.Options{Level: lv})
	if err != nil {
		return nil, err
	}
	if c.Bool("strict") && len(tl.Missing) > 0 {
		return nil, strictError(v, tl.Missing, name, "")
	}
	return &plan{session: s, voice: v, timeline: tl}, nil
}

// preload decodes the clips of every spoken line of the plan, in parallel,
// or loads them from the cache of decoded clips.
func (p *plan) preload() error {
	return p.voice.Preload(p.timeline.Lines())
}

// warnMissing warns, up front, of the lines the voice has no clip for.
func warnMissing(c *cli.Context, p *plan) {
	m := p.timeline.Missing
	if len(m) == 0 || c.Bool("quiet") {
		return
	}
	w := c.App.ErrWriter
	fmt.Fprintf(w, "floorcoach: warning: voice %q has no clip for %d lines; a soft tone plays in their place:\n", p.voice.Name, len(m))
	for i, line := range m {
		if i == 5 {
			fmt.Fprintf(w, "  … and %d more\n", len(m)-i)
			break
		}
		fmt.Fprintf(w, "  %q\n", line)
	}
	fmt.Fprintf(w, "  ('floorcoach clips missing %s' lists them; 'floorcoach clips make' fills them with any TTS)\n", termtext.Line(p.session.File))
}

// strictError is the error of --strict for lines without a clip: each
// line, with why when its clip is there but cannot be read.
// Its lines are the errors it joins, each printed on a line of its own;
// the first starts with prefix.
func strictError(v *pack.Voice, missing []string, session, prefix string) error {
	lines := []error{fmt.Errorf("%s--strict: voice %q has no clip for %d lines:", prefix, v.Name, len(missing))}
	for i, line := range missing {
		if i == 10 {
			lines = append(lines, fmt.Errorf("  … and %d more", len(missing)-i))
			break
		}
		lines = append(lines, fmt.Errorf("  %q", line))
	}
	lines = append(lines, fmt.Errorf("'floorcoach clips missing %s' lists them; 'floorcoach clips make' fills them", termtext.Line(session)))
	return errors.Join(lines...)
}
