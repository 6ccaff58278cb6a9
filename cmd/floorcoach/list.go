package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

func listCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list the sessions you can play, with their durations",
		Description: "Lists the built-in sessions, then your own scripts, with their title and\n" +
			"how long each lasts at each level. Your scripts are the .yaml files in\n" +
			userDirHelp() + "\n" +
			"and in the folders of $FLOORCOACH_PATH (separated by ':'); play them by name.\n\n" +
			"Example:\n   floorcoach list",
		Flags:  []cli.Flag{voiceFlag()},
		Action: runList,
	}
}

// userDirHelp names the folder of the user's scripts for the help.
func userDirHelp() string {
	if d := scripts.UserDir(); d != "" {
		return termtext.Line(d)
	}
	return "floorcoach/sessions in your config folder (there is none: set $HOME or $XDG_CONFIG_HOME)"
}

func runList(c *cli.Context) error {
	v, err := voice(c)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tGENTLE\tSTANDARD\tFULL\tTITLE")
	for _, e := range scripts.Library() {
		fmt.Fprintf(tw, "%s\t", termtext.Line(e.Name))
		if err := listRow(tw, e, v); err != nil {
			fmt.Fprintf(tw, "-\t-\t-\t%s\n", firstLine(err))
		}
	}
	return tw.Flush()
}

// listRow writes a session's durations and title, or returns why it can't.
func listRow(w io.Writer, e scripts.Entry, v player.Voice) error {
	s, err := e.Load()
	if err != nil {
		return err
	}
	var cells []string
	for _, l := range scripts.Levels {
		tl, err := player.Build(s, v, player.Options{Level: l})
		if err != nil {
			return err
		}
		cells = append(cells, player.Minutes(tl.Length))
	}
	where := ""
	if !e.Builtin {
		where = " (" + termtext.Line(e.Path) + ")"
	}
	_, err = fmt.Fprintf(w, "%s\t%s%s\n", strings.Join(cells, "\t"), termtext.Line(s.Title), where)
	return err
}

// firstLine returns the first line of an error, marked as one.
func firstLine(err error) string {
	if lines := cliapp.ErrorLines(err); len(lines) > 0 {
		return "error: " + lines[0]
	}
	return "error"
}
