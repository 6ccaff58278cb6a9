package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned when the target exists and overwriting was not asked for.
var ErrExists = errors.New("already exists")

// File is a file being written. Write to it, then Commit, or Abort to leave
// no trace; Abort after Commit does nothing, so it can be deferred.
type File struct {
	*os.File
	target string
	force  bool
	done   bool
}

// Create starts writing target. Unless force is set, it fails at once with
// ErrExists when target exists, and Commit fails too if one appeared since.
func Create(target string, force bool) (*File, error) {
	if !force {
		if _, err := os.Lstat(target); err == nil {
			return nil, fmt.Errorf("%s: %w (use --force to overwrite it)", target, ErrExists)
		}
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: no such folder %q", target, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.part")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %q: %w", target, dir, unwrapPath(err))
	}
	return &File{File: tmp, target: target, force: force}, nil
}

// Commit syncs the data and puts the file in place.
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	f.done = true
	tmp := f.Name()
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = f.place(tmp)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", f.target, unwrapPath(err))
	}
	return nil
}

// place moves tmp to the target: a plain rename when overwriting is
// allowed, else a hard link, which fails if the target appeared meanwhile.
func (f *File) place(tmp string) error {
	if f.force {
		return os.Rename(tmp, f.target)
	}
	err := os.Link(tmp, f.target)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w (use --force to overwrite it)", ErrExists)
	}
	if err != nil { // a file system without hard links
		if _, serr := os.Lstat(f.target); serr == nil {
			return fmt.Errorf("%w (use --force to overwrite it)", ErrExists)
		}
		return os.Rename(tmp, f.target)
	}
	return os.Remove(tmp)
}

// Abort removes the temporary file; the target is left as it was.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
}

// unwrapPath drops the temporary file's name from an error.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
