package scripts

import (
	"errors"
	"io/fs"
	"os"
)

// errNotRegular is the error for a script that is not a regular file.
var errNotRegular = errors.New("not a regular file (want a .yaml script)")

// openRegular opens path if it is a regular file. It opens without
// waiting, as a named pipe would make it wait for a writer for ever, then
// checks what it opened.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errNotRegular
		if info.IsDir() {
			err = errors.New("a folder, not a script (want a .yaml file)")
		}
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return f, nil
}

// isRegular reports whether the library file at path is a regular file,
// through symbolic links.
func isRegular(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
