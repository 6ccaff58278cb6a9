package completion

import (
	_ "embed"
	"fmt"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/manpage"
	"github.com/urfave/cli/v2"
)

// The completion scripts ask floorcoach itself what may come next (the
// hidden command __complete, in words.go), so they stay right
// as commands, flags, sessions and voice packs change.
var (
	//go:embed shells/floorcoach.bash
	bashCompletion string
	//go:embed shells/floorcoach.zsh
	zshCompletion string
	//go:embed shells/floorcoach.fish
	fishCompletion string
)

// Command returns the completion command. newApp builds the app afresh
// for the manual page: the app running has been set up to run.
func Command(newApp func() *cli.App) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print shell completion (bash, zsh, fish) or the manual page (man)",
		ArgsUsage: "bash|zsh|fish|man",
		Description: "Completes commands, flags, their values (levels, formats, voice packs, the\n" +
			"steps of --from) and session names as you type. Load it in your shell's start-up\n" +
			"file, or save it where the shell looks for completions.\n\n" +
			"Examples:\n" +
			"   source <(floorcoach completion bash)          # in ~/.bashrc\n" +
			"   source <(floorcoach completion zsh)           # in ~/.zshrc, after compinit\n" +
			"   floorcoach completion fish > ~/.config/fish/completions/floorcoach.fish\n" +
			"   floorcoach completion man > floorcoach.1 && man ./floorcoach.1",
		Action: func(c *cli.Context) error { return runCompletion(c, newApp) },
	}
}

func runCompletion(c *cli.Context, newApp func() *cli.App) error {
	var out string
	switch c.Args().First() {
	case "bash":
		out = bashCompletion
	case "zsh":
		out = zshCompletion
	case "fish":
		out = fishCompletion
	case "man":
		out = manpage.Page(newApp())
	default:
		return cliapp.Usagef("completion: want bash, zsh, fish or man, got %q", c.Args().First())
	}
	_, err := fmt.Fprint(c.App.Writer, out)
	return err
}
