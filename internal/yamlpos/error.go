package yamlpos

import "fmt"

// An Error is a mistake at a place in a YAML file the program reads (a
// script, the settings, a voice.yaml); or, with no line, why the file
// cannot be read at all.
type Error struct {
	File   string
	Line   int // from 1; 0 for the file as a whole
	Column int // from 1
	Err    error
}

// Error returns the mistake as "file:line:col: message", or as
// "file: message" for the file as a whole.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the mistake itself.
func (e *Error) Unwrap() error { return e.Err }
