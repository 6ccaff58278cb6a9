package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0"

// exit statuses, as DESIGN.md gives them.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// newApp builds the command-line app writing to the given streams, so every
// command can be run and checked in-process.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "floorcoach",
		Usage:   "guided audio sessions you can follow lying on the floor",
		Version: version,
		Description: "floorcoach reads a session script (stretches, physio drills, breathing) and\n" +
			"speaks every instruction, counts holds and reps with tones, and tells you when\n" +
			"to switch sides, so you can follow the whole routine without a screen.\n\n" +
			"SESSION is a built-in name (see 'floorcoach list') or a path to a .yaml script.\n" +
			"Flags may come before or after SESSION.",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			listCommand(), showCommand(), checkCommand(), playCommand(), exportCommand(),
			clipsCommand(), newCommand(), schemaCommand(),
		},
		HideHelpCommand:      false,
		EnableBashCompletion: true,
		// Errors are printed once, by run, in one line.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err}
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}

// usageError marks wrong usage: exit status 2.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// usagef returns a usage error.
func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// run runs the app on args and returns the exit status. Errors are printed
// as one line on stderr, never as a stack trace.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(reorder(app, args))
	if err == nil {
		return exitOK
	}
	msg := strings.TrimSpace(err.Error())
	if msg != "" {
		fmt.Fprintln(stderr, "floorcoach: "+strings.ReplaceAll(msg, "\n", "\nfloorcoach: "))
	}
	var ue usageError
	if errors.As(err, &ue) || strings.HasPrefix(msg, "Required flag") {
		fmt.Fprintln(stderr, "Run 'floorcoach help' or 'floorcoach COMMAND --help' for usage.")
		return exitUsage
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) && ec.ExitCode() != 0 {
		return ec.ExitCode()
	}
	return exitFail
}
