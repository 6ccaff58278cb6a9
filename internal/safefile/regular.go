package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// ErrNotRegular is wrapped by the error for a file that is not a regular
// file: a named pipe, a device, a socket.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens path for reading if it is a regular file, through
// symbolic links. It opens without waiting (a named pipe with no writer
// would block an open for ever) and then checks what it opened, so no
// swap in between can make it read anything else.
func OpenRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	return checkOpened(f, path, false)
}

// OpenIn opens name in root for reading as OpenRegular does; a folder is
// allowed too when dirs is set.
func OpenIn(root *os.Root, name string, dirs bool) (*os.File, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	return checkOpened(f, name, dirs)
}

// ReadRegular reads the regular file at path, refusing one larger than
// limit bytes before reading it.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("larger than %d bytes", limit)}
	}
	return data, err
}

// checkOpened returns f if it is a regular file (or a folder, if dirs),
// else closes it and returns why not.
func checkOpened(f *os.File, name string, dirs bool) (*os.File, error) {
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() && !(dirs && info.IsDir()) {
		err = fmt.Errorf("%w (%s)", ErrNotRegular, Kind(info.Mode()))
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// Kind names the kind of file a mode is: "a named pipe", "a folder"…
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// ReadDir reads the folder at path, sorted by name, as os.ReadDir does;
// but anything other than a folder is an error, never a wait.
func ReadDir(path string) ([]os.DirEntry, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, err
	} else if !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("not a folder (%s)", Kind(info.Mode()))}
	}
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}
