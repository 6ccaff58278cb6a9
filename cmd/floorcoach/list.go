package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

func listCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list the sessions you can play, with their durations",
		Description: "Lists the built-in sessions with their title and how long each lasts at\n" +
			"each level (gentle / standard / full).\n\n" +
			"Example:\n   floorcoach list",
		Action: runList,
	}
}

func runList(c *cli.Context) error {
	v, err := audio.DefaultVoice()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tGENTLE\tSTANDARD\tFULL\tTITLE")
	for _, name := range scripts.BuiltinNames() {
		s, err := scripts.Builtin(name)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t", name)
		for _, l := range scripts.Levels {
			tl, err := player.Build(s, v, player.Options{Level: l})
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%s\t", player.Minutes(tl.Length))
		}
		fmt.Fprintf(tw, "%s\n", s.Title)
	}
	return tw.Flush()
}
