package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// ErrExists is returned when the target exists and overwriting was not asked for.
var ErrExists = errors.New("already exists")

// File is a file being written. Write to it, then Commit, or Abort to leave
// no trace; Abort after Commit does nothing, so it can be deferred.
type File struct {
	*os.File
	root    *os.Root // the target's folder: nothing is written outside it
	name    string   // the target, in root
	target  string   // the target as the caller named it, for errors
	force   bool
	done    bool
	ownRoot bool // root was opened by Create, and is closed with the file
}

// Create starts writing target. Unless force is set, it fails at once with
// ErrExists when target exists, and Commit fails too if one appeared since.
func Create(target string, force bool) (*File, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: no such folder %q", target, dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %q: %w", target, dir, unwrapPath(err))
	}
	f, err := create(root, base, target, force)
	if err != nil {
		root.Close()
		return nil, err
	}
	f.ownRoot = true
	return f, nil
}

// CreateIn starts writing the file name in root, as Create does: the
// temporary file, the target and any folder on the way stay inside root,
// whatever links they meet.
func CreateIn(root *os.Root, name string, force bool) (*File, error) {
	return create(root, name, filepath.Join(root.Name(), name), force)
}

// WriteFile writes data to target whole, replacing it if force is set:
// Create, Write and Commit in one.
func WriteFile(target string, data []byte, force bool) error {
	f, err := Create(target, force)
	if err != nil {
		return err
	}
	return f.writeAll(data)
}

// WriteFileIn writes data to the file name in root whole, as WriteFile
// does, never outside root.
func WriteFileIn(root *os.Root, name string, data []byte, force bool) error {
	f, err := CreateIn(root, name, force)
	if err != nil {
		return err
	}
	return f.writeAll(data)
}

// writeAll writes data and commits, or leaves nothing.
func (f *File) writeAll(data []byte) error {
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("%s: %w", f.target, unwrapPath(err))
	}
	return f.Commit()
}

func create(root *os.Root, name, target string, force bool) (*File, error) {
	if !force {
		if _, err := root.Lstat(name); err == nil {
			return nil, fmt.Errorf("%s: %w (use --force to overwrite it)", target, ErrExists)
		}
	}
	dir, base := filepath.Split(name)
	for range 100 {
		tmp := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64()>>32, 10)+".part")
		file, err := root.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: cannot write in %q: %w", target, filepath.Dir(target), unwrapPath(err))
		}
		return &File{File: file, root: root, name: name, target: target, force: force}, nil
	}
	return nil, fmt.Errorf("%s: cannot make a temporary file beside it", target)
}

// Commit syncs the data and puts the file in place.
func (f *File) Commit() error { return f.commit(true) }

// CommitUnsynced puts the file in place without waiting for the disk: for
// a file that is checked when read and can be made again, such as a cache
// entry. Other processes still see it whole or not at all; after a crash
// it may be short.
func (f *File) CommitUnsynced() error { return f.commit(false) }

func (f *File) commit(sync bool) error {
	if f.done {
		return nil
	}
	f.done = true
	defer f.closeRoot()
	tmp := f.tmp()
	var err error
	if sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = f.root.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = f.place(tmp)
	}
	if err != nil {
		f.root.Remove(tmp)
		return fmt.Errorf("%s: %w", f.target, unwrapPath(err))
	}
	return nil
}

// tmp returns the temporary file's name in root.
func (f *File) tmp() string {
	return filepath.Join(filepath.Dir(f.name), filepath.Base(f.Name()))
}

func (f *File) closeRoot() {
	if f.ownRoot {
		f.root.Close()
	}
}

// place moves tmp to the target: a plain rename when overwriting is
// allowed, else a hard link, which fails if the target appeared meanwhile.
func (f *File) place(tmp string) error {
	if f.force {
		return f.root.Rename(tmp, f.name)
	}
	err := f.root.Link(tmp, f.name)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w (use --force to overwrite it)", ErrExists)
	}
	if err != nil { // a file system without hard links
		if _, serr := f.root.Lstat(f.name); serr == nil {
			return fmt.Errorf("%w (use --force to overwrite it)", ErrExists)
		}
		return f.root.Rename(tmp, f.name)
	}
	return f.root.Remove(tmp)
}

// Abort removes the temporary file; the target is left as it was.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	defer f.closeRoot()
	f.Close()
	f.root.Remove(f.tmp())
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
