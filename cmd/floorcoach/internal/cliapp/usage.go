package cliapp

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// Exit statuses: done, failed (a one-line reason on stderr), wrong usage.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// UsageError marks wrong usage: exit status 2.
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }

func (e UsageError) Unwrap() error { return e.Err }

// Usagef returns a usage error.
func Usagef(format string, a ...any) error { return UsageError{fmt.Errorf(format, a...)} }

// SessionArg returns the one SESSION argument of a command.
func SessionArg(c *cli.Context) (string, error) {
	switch c.NArg() {
	case 0:
		return "", Usagef("%s: missing SESSION (a built-in name such as lower-back, or a path to a .yaml script)", c.Command.Name)
	case 1:
		return c.Args().First(), nil
	}
	return "", Usagef("%s: takes one SESSION, got %d arguments: %q", c.Command.Name, c.NArg(), c.Args().Slice())
}

// Level returns the --level flag's level, or "" to keep the script's.
func Level(c *cli.Context) (scripts.Level, error) {
	if !c.IsSet("level") {
		return "", nil
	}
	l, err := scripts.ParseLevel(c.String("level"))
	if err != nil {
		return "", Usagef("--level: %v", err)
	}
	return l, nil
}

// VoiceFlag returns a new flag that picks the voice pack a command speaks
// with; Voice reads it. A command without the flag speaks with the
// settings file's voice, or the default pack. Each command gets its own
// flag: urfave/cli writes into the values it is given, so one flag shared
// by several commands would share their state.
func VoiceFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name: "voice",
		Usage: "the voice pack: the `NAME` of one of yours ('floorcoach voices' lists them), " +
			"a folder with a voice.yaml (./anna), or default",
		DefaultText: "the settings file's voice:, else default",
	}
}

// Unquote returns a flag's usage without the backquotes that mark its
// placeholder, and the placeholder ("" when none is marked), as urfave/cli
// reads them: "the `FILE` to write" is FILE and "the FILE to write".
func Unquote(usage string) (placeholder, text string) {
	before, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "", usage
	}
	name, after, ok := strings.Cut(rest, "`")
	if !ok {
		return "", usage
	}
	return name, before + name + after
}

// Recovered turns a panic into an error, so that the deferred calls that
// restore the terminal run and the user sees one line, not a stack trace.
// Defer it first: defer cliapp.Recovered(&err).
func Recovered(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("internal error: %v", p)
	}
}

// requiredRE matches urfave/cli's error for required flags left out:
// `Required flag "tts" not set`, `Required flags "a, b" not set`.
var requiredRE = regexp.MustCompile(`^Required flags? "([^"]+)" not set$`)

// Required turns urfave/cli's error for required flags left out into a
// usage error worded as the program's others are ("--tts is required");
// any other error it returns as it is.
func Required(err error) error {
	m := requiredRE.FindStringSubmatch(strings.TrimSpace(err.Error()))
	if m == nil {
		return err
	}
	names := strings.Split(m[1], ", ")
	for i, n := range names {
		names[i] = "--" + n
	}
	if len(names) == 1 {
		return Usagef("%s is required", names[0])
	}
	return Usagef("%s are required", strings.Join(names, " and "))
}
