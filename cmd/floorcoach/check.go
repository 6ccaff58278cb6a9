package main

import (
	"fmt"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/clipscmd"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check session scripts for mistakes",
		ArgsUsage: "FILE...",
		Description: "Reads each script and reports every mistake as FILE:LINE:COL: what is\n" +
			"wrong and what would be valid. Prints 'ok' with the duration for a good\n" +
			"script, and how many of its lines the voice has no clip for. With --voice,\n" +
			"also decodes every clip of the pack the script uses, and names each one\n" +
			"that is damaged. Exits 1 if any script has a mistake or a damaged clip,\n" +
			"or with --strict, a line without a clip.\n\n" +
			"Examples:\n   floorcoach check my-routine.yaml routines/*.yaml\n" +
			"   floorcoach check my-routine.yaml --voice anna --strict",
		Flags:  []cli.Flag{voiceFlag(), strictFlag()},
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("check: missing FILE (one or more .yaml scripts)")
	}
	v, err := voice(c)
	if err != nil {
		return err
	}
	bad := 0
	for _, file := range c.Args().Slice() {
		if err := checkOne(c, v, file); err != nil {
			bad++
			for _, line := range cliapp.ErrorLines(err) {
				fmt.Fprintln(c.App.ErrWriter, line)
			}
		}
	}
	if bad > 0 {
		return cli.Exit(fmt.Sprintf("%d of %d scripts have mistakes", bad, c.NArg()), cliapp.ExitFail)
	}
	return nil
}

// decodeAll decodes, through the cache, every clip the session speaks at
// any level in voice v, and returns an error naming each one that cannot
// be decoded.
func decodeAll(s *scripts.Session, v *pack.Voice) error {
	lines, err := clipscmd.AllLines(s)
	if err != nil {
		return err
	}
	return v.Preload(lines)
}

func checkOne(c *cli.Context, v *pack.Voice, file string) error {
	s, err := scripts.ParseFile(file)
	if err != nil {
		return err
	}
	if c.IsSet("voice") {
		if err := decodeAll(s, v); err != nil {
			return err
		}
	}
	tl, err := player.Build(s, v, player.Options{})
	if err != nil {
		return err
	}
	if c.Bool("strict") && len(tl.Missing) > 0 {
		return strictError(v, tl.Missing, file, termtext.Line(file)+": ")
	}
	note := ""
	if n := len(tl.Missing); n > 0 {
		note = fmt.Sprintf(" (%d lines have no clip in voice %q: 'floorcoach clips missing %s')", n, v.Name, termtext.Line(file))
	}
	fmt.Fprintf(c.App.Writer, "ok  %s: %s, %s at %s level%s\n", termtext.Line(file), termtext.Line(s.Title), player.Minutes(tl.Length), tl.Level, note)
	return nil
}
