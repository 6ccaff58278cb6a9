package cliapp

import (
	"io/fs"
	"os"
	"strings"

	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/scripts"
)

// ErrorLines returns the lines that print err: one per error of a list
// (a script's mistakes, errors.Join), else its message as one line, with
// any newline in it escaped. Each line is safe for a terminal, and no
// text in an error (a file name, a line of a voice pack) can split it.
func ErrorLines(err error) []string {
	if list, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range list.Unwrap() {
			lines = append(lines, ErrorLines(e)...)
		}
		return lines
	}
	if msg := strings.TrimRight(escapePaths(err), " \n"); strings.TrimSpace(msg) != "" {
		return []string{termtext.Line(msg)} // leading spaces indent it
	}
	return nil
}

// ErrorLine returns err as one line safe for a terminal.
func ErrorLine(err error) string {
	return termtext.Line(escapePaths(err))
}

// escapePaths returns the message of err with the file names it carries
// (of the os package's errors and of script errors) escaped for a
// terminal, newlines too.
func escapePaths(err error) string {
	msg := err.Error()
	for _, p := range pathsOf(err) {
		if q := termtext.Line(p); q != p && p != "" {
			msg = strings.ReplaceAll(msg, p, q)
		}
	}
	return msg
}

// pathsOf returns the file names in err and the errors it wraps.
func pathsOf(err error) []string {
	var out []string
	switch e := err.(type) {
	case *fs.PathError:
		out = append(out, e.Path)
	case *os.LinkError:
		out = append(out, e.Old, e.New)
	case *scripts.Error:
		out = append(out, e.File)
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		if inner := u.Unwrap(); inner != nil {
			out = append(out, pathsOf(inner)...)
		}
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			out = append(out, pathsOf(e)...)
		}
	}
	return out
}
