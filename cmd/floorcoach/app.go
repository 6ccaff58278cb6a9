package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/clipscmd"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/completion"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/doctorcmd"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/logcmd"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// Exit statuses: done, failed (a one-line reason on stderr), wrong usage.
const (
	exitOK    = cliapp.ExitOK
	exitFail  = cliapp.ExitFail
	exitUsage = cliapp.ExitUsage
)

// newApp builds the command-line app writing to the given streams, so every
// command can be run and checked in-process.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "floorcoach",
		Usage:   "guided audio sessions you can follow lying on the floor",
		Version: version,
		// --version says more than urfave/cli would: where it was built from.
		HideVersion: true,
		Flags:       []cli.Flag{versionFlag()},
		Action:      showVersionOrHelp,
		Description: "floorcoach reads a session script (stretches, physio drills, breathing) and\n" +
			"speaks every instruction, counts holds and reps with tones, and tells you when\n" +
			"to switch sides, so you can follow the whole routine without a screen.\n\n" +
			"SESSION is a built-in name (see 'floorcoach list') or a path to a .yaml script.\n" +
			"Flags may come before or after SESSION.\n\n" + cliapp.SettingsHelp(),
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			listCommand(), showCommand(), checkCommand(), playCommand(), exportCommand(),
			clipscmd.Command(openRecordTerminal), voicesCommand(), newCommand(), schemaCommand(), logcmd.Command(),
			doctorcmd.Command(), completion.Command(func() *cli.App { return newApp(nil, nil, nil) }),
		},
		// Errors are printed once, by run, in one line.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return cliapp.UsageError{Err: err}
		},
	}
	setUp(app.Commands, app.OnUsageError)
	return app
}

// setUp gives every command the app's usage errors.
func setUp(cmds []*cli.Command, onUsage cli.OnUsageErrorFunc) {
	for _, c := range cmds {
		c.OnUsageError = onUsage
		setUp(c.Subcommands, onUsage)
	}
}

// knownCommand refuses a command name the app does not know, naming the
// nearest one; urfave/cli would only print "No help topic" and exit 3.
func knownCommand(app *cli.App, args []string) error {
	if len(args) < 2 || strings.HasPrefix(args[1], "-") || args[1] == "help" || args[1] == "h" || cliapp.FindCommand(app.Commands, args[1]) != nil {
		return nil
	}
	var names []string
	for _, c := range app.Commands {
		names = append(names, c.Name)
	}
	hint := ""
	if best := scripts.Suggest(args[1], names); best != "" {
		hint = fmt.Sprintf("did you mean %q?; ", best)
	}
	return usagef("unknown command %q (%scommands: %s)", args[1], hint, strings.Join(names, ", "))
}

// run runs the app on args and returns the exit status. Errors are printed
// as one line on stderr, never as a stack trace.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	if len(args) > 1 && args[1] == completion.HiddenCommand {
		completion.Complete(app, args[2:], stdout)
		return exitOK
	}
	err := runCommand(app, args)
	if err == nil {
		return exitOK
	}
	for _, line := range cliapp.ErrorLines(err) {
		fmt.Fprintln(stderr, "floorcoach: "+line)
	}
	var ue cliapp.UsageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "Run 'floorcoach help' or 'floorcoach COMMAND --help' for usage.")
		return exitUsage
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) && ec.ExitCode() != 0 {
		return ec.ExitCode()
	}
	return exitFail
}

// runCommand runs the command args ask for. A panic, a bug of ours, becomes an
// error of one line, as every failure is, not a stack trace.
func runCommand(app *cli.App, args []string) (err error) {
	defer cliapp.Recovered(&err)
	if err := knownCommand(app, args); err != nil {
		return err
	}
	if err := app.Run(cliapp.Reorder(app, args)); err != nil {
		return cliapp.Required(err)
	}
	return nil
}

// recordTerminal is the terminal of play, for clips record.
type recordTerminal struct{ *terminal }

func (t recordTerminal) Input() *os.File        { return t.in }
func (t recordTerminal) Raw() error             { return t.raw() }
func (t recordTerminal) Restore()               { t.restore() }
func (t recordTerminal) Fit(line string) string { return fit(line, t.width()-1) }

// openRecordTerminal returns the terminal on stdout, or nil when stdout is
// not one.
func openRecordTerminal(stdin io.Reader, stdout io.Writer) clipscmd.Terminal {
	if t := openTerminal(stdin, stdout); t != nil {
		return recordTerminal{t}
	}
	return nil
}
