package main

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// The completion scripts ask floorcoach itself what may come next
// (urfave/cli's --generate-bash-completion), so they stay right as
// commands, flags and the user's sessions change.
var (
	//go:embed completion/floorcoach.bash
	bashCompletion string
	//go:embed completion/floorcoach.zsh
	zshCompletion string
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print shell completion (bash, zsh, fish) or the manual page (man)",
		ArgsUsage: "bash|zsh|fish|man",
		Description: "Completes commands, flags and session names as you type.\n\n" +
			"Examples:\n" +
			"   source <(floorcoach completion bash)          # in ~/.bashrc\n" +
			"   source <(floorcoach completion zsh)           # in ~/.zshrc\n" +
			"   floorcoach completion fish > ~/.config/fish/completions/floorcoach.fish\n" +
			"   floorcoach completion man > floorcoach.1 && man ./floorcoach.1",
		Action: runCompletion,
	}
}

func runCompletion(c *cli.Context) error {
	var out string
	var err error
	switch c.Args().First() {
	case "bash":
		out = bashCompletion
	case "zsh":
		out = zshCompletion
	case "fish":
		out, err = c.App.ToFishCompletion()
	case "man":
		out, err = c.App.ToManWithSection(1)
	default:
		return usagef("completion: want bash, zsh, fish or man, got %q", c.Args().First())
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(c.App.Writer, out)
	return err
}

// completeSessions lists the sessions a SESSION argument may name, for
// shell completion; files are completed by the shell itself.
func completeSessions(c *cli.Context) {
	args := c.Args().Slice()
	if len(args) > 0 && !strings.HasPrefix(args[len(args)-1], "-") {
		return
	}
	if len(args) == 0 {
		for _, e := range scripts.Library() {
			fmt.Fprintln(c.App.Writer, termtext.Line(e.Name))
		}
	}
	for _, f := range c.Command.VisibleFlags() {
		fmt.Fprintln(c.App.Writer, "--"+f.Names()[0])
	}
}
