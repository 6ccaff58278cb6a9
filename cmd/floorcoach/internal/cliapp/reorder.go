package cliapp

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// Reorder moves a command's flags in front of its positional arguments.
// urfave/cli v2 stops reading flags at the first positional argument, so
// "play back.yaml --volume 0.5" would silently ignore the volume; users put
// flags after the session name, so we accept them there. "--" ends flags.
func Reorder(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	cmds := app.Commands
	for len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		cmd := FindCommand(cmds, rest[0])
		if cmd == nil {
			break
		}
		out = append(out, rest[0])
		rest = rest[1:]
		if len(cmd.Subcommands) == 0 {
			return append(out, splitFlags(cmd.Flags, rest)...)
		}
		cmds = cmd.Subcommands
	}
	return append(out, rest...)
}

// FindCommand returns the command of cmds called name, or nil.
func FindCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// splitFlags returns args with the flags (and their values) first, then
// the positional arguments, each group in its original order.
func splitFlags(flags []cli.Flag, args []string) []string {
	var fl, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(append(fl, pos...), args[i:]...)
		case a == "-" || !strings.HasPrefix(a, "-"):
			pos = append(pos, a)
		default:
			fl = append(fl, a)
			if TakesValue(flags, a) && i+1 < len(args) {
				i++
				fl = append(fl, args[i])
			}
		}
	}
	return append(fl, pos...)
}

// TakesValue reports whether a flag written as arg ("-o", "--level") needs
// the next argument as its value.
func TakesValue(flags []cli.Flag, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if strings.Contains(name, "=") {
		return false
	}
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if dv, ok := f.(cli.DocGenerationFlag); ok {
				return dv.TakesValue()
			}
		}
	}
	return false
}
