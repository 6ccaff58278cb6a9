package scripts

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/internal/yamlpos"
)

// The kinds of mistake a script can hold. Every *Error wraps one of these,
// so callers can test for them with errors.Is.
var (
	ErrSyntax      = errors.New("not valid YAML")
	ErrUnknownKey  = errors.New("unknown key")
	ErrDuplicate   = errors.New("duplicate")
	ErrType        = errors.New("wrong type")
	ErrValue       = errors.New("unknown value")
	ErrDuration    = errors.New("not a duration")
	ErrRange       = errors.New("out of range")
	ErrLimit       = errors.New("over a limit")
	ErrMissing     = errors.New("missing")
	ErrCombination = errors.New("impossible combination")
	ErrAlias       = errors.New("aliases are not supported")
	ErrTooLarge    = errors.New("script too large")
)

// Error is one mistake in a script, at a place in its file; or, with no
// line, why the file cannot be read at all. It prints as
// "file:line:col: message", as the settings' and voice packs' do.
type Error = yamlpos.Error

// Errorf returns an Error at pos in file whose message wraps kind: for
// what is found wrong with a session after parsing, such as its length
// once its lines are spoken.
func Errorf(file string, at Pos, kind error, format string, args ...any) *Error {
	return &Error{File: file, Line: at.Line, Column: at.Column, Err: detailf(kind, format, args...)}
}

// ErrorList is every mistake found in a script, sorted by position.
type ErrorList []*Error

// Error returns the errors one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, so errors.Is and errors.As look at each of them.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// maxErrors is how many errors a list keeps; a last line says there were more.
const maxErrors = 30

// sorted returns the list sorted by position, cut to maxErrors.
func (l ErrorList) sorted() ErrorList {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	if len(l) <= maxErrors {
		return l
	}
	more := &Error{File: l[maxErrors].File, Line: l[maxErrors].Line, Column: l[maxErrors].Column,
		Err: detailf(ErrLimit, "too many errors (%d more not shown)", len(l)-maxErrors)}
	return append(l[:maxErrors:maxErrors], more)
}

// detail is an error message that wraps one of the Err values.
type detail struct {
	msg  string
	kind error
}

func (d *detail) Error() string { return d.msg }
func (d *detail) Unwrap() error { return d.kind }

// detailf returns an error with the formatted message, wrapping kind.
func detailf(kind error, format string, args ...any) error {
	return &detail{msg: fmt.Sprintf(format, args...), kind: kind}
}
