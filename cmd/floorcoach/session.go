package main

import (
	"errors"
	"fmt"

	"github.com/floorcoach/floorcoach/audio/pack"
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
// with. Commands that lay a session out read it through voice, and
// loadPlan; a command without the flag speaks with the settings file's
// voice, or the default pack. Each command gets its own flag: urfave/cli
// writes into the values it is given, so one flag shared by several
// commands would share their state.
func voiceFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name: "voice",
		Usage: "the voice pack: the `NAME` of one of yours ('floorcoach voices' lists them), " +
			"a folder with a voice.yaml (./anna), or default",
		DefaultText: "the settings file's voice:, else default",
	}
}

// strictFlag returns a new flag that makes a line without a clip an error.
// loadPlan reads it.
func strictFlag() *cli.BoolFlag {
	return &cli.BoolFlag{
		Name:  "strict",
		Usage: "fail if the voice has no clip for a line, instead of playing a soft tone in its place",
	}
}

// sessionArg returns the one SESSION argument of a command.
func sessionArg(c *cli.Context) (string, error) {
	switch c.NArg() {
	case 0:
		return "", usagef("%s: missing SESSION (a built-in name such as lower-back, or a path to a .yaml script)", c.Command.Name)
	case 1:
		return c.Args().First(), nil
	}
	return "", usagef("%s: takes one SESSION, got %d arguments: %q", c.Command.Name, c.NArg(), c.Args().Slice())
}

// level returns the --level flag's level, or "" to keep the script's.
func level(c *cli.Context) (scripts.Level, error) {
	if !c.IsSet("level") {
		return "", nil
	}
	l, err := scripts.ParseLevel(c.String("level"))
	if err != nil {
		return "", usagef("--level: %v", err)
	}
	return l, nil
}

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
	lv, err := planLevel(c)
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
