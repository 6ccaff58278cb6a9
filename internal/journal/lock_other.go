//go:build !unix

package journal

import "os"

// lock does nothing where there is no flock: Windows appends each write,
// whole, to a file opened with O_APPEND (FILE_APPEND_DATA), which is what
// keeps lines apart; only the repair of a torn last line is unguarded.
func lock(*os.File) error { return nil }

func unlock(*os.File) {}
