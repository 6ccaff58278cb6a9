package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	old     fs.FileInfo // with force, the regular file Create replaces, if any
	done    bool
	ownRoot bool // root was opened by Create, and is closed with the file
}

// Create starts writing target. Unless force is set, it fails at once with
// ErrExists when target exists, and Commit fails too if one appeared since.
// With force, only a regular file is replaced (through a symbolic link,
// the file it points to), keeping its permissions and its other hard
// links; a device, a named pipe or a folder is refused.
func Create(target string, force bool) (*File, error) {
	real, old, err := existing(target, force)
	if err != nil {
		return nil, err
	}
	dir, base := filepath.Split(real)
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
	f.ownRoot, f.old = true, old
	return f, nil
}

// existing finds the file target names, through symbolic links, and what
// is there now: nothing, or with force a regular file to replace.
func existing(target string, force bool) (string, fs.FileInfo, error) {
	info, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil, nil
	case err != nil:
		return "", nil, err
	case !force:
		return "", nil, fmt.Errorf("%s: %w (use --force to overwrite it)", target, ErrExists)
	}
	real := target
	if info.Mode()&fs.ModeSymlink != 0 {
		if real, err = filepath.EvalSymlinks(target); err != nil {
			return "", nil, fmt.Errorf("%s: a symbolic link to nothing: %w", target, unwrapPath(err))
		}
		if info, err = os.Lstat(real); err != nil {
			return "", nil, err
		}
	}
	if !info.Mode().IsRegular() {
		return "", nil, fmt.Errorf("%s: %w (%s): only a file is overwritten", target, ErrNotRegular, Kind(info.Mode()))
	}
	return real, info, nil
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
	removeStale(root, dir, base)
	for range 100 {
		tmp := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64()>>32, 10)+".part")
		file, err := root.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: cannot write in %q: %w", target, filepath.Dir(target), unwrapPath(err))
		}
		lock(file)
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
		err = f.root.Chmod(tmp, f.mode())
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

// mode returns the permissions the file gets: those of the file it
// replaces, or 0644.
func (f *File) mode() fs.FileMode {
	if f.old != nil {
		return f.old.Mode().Perm()
	}
	return 0o644
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
// A file with other hard links is overwritten in place instead, so that
// every name of it has the new data.
func (f *File) place(tmp string) error {
	if f.force && f.old != nil && links(f.old) > 1 {
		return f.copyOver(tmp)
	}
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

// copyOver copies the finished file tmp over the target, which has other
// hard links, in place, and removes tmp. The target must still be the
// file Create found.
func (f *File) copyOver(tmp string) error {
	src, err := f.root.Open(tmp)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := f.root.OpenFile(f.name, os.O_WRONLY|nonBlock, 0)
	if err != nil {
		return err
	}
	defer dst.Close()
	if info, err := dst.Stat(); err != nil || !os.SameFile(info, f.old) {
		return errors.New("replaced by another file meanwhile")
	}
	if err := dst.Truncate(0); err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		return err
	}
	if err := dst.Sync(); err != nil {
		return err
	}
	return f.root.Remove(tmp)
}

// removeStale removes the temporary files of base in dir of root that no
// live writer holds: each writer locks its own (lock) until it is done,
// and a killed one's lock goes with it.
func removeStale(root *os.Root, dir, base string) {
	d, err := root.Open(filepath.Join(dir, "."))
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, n := range names {
		if !isOurs(n, base) {
			continue
		}
		p := filepath.Join(dir, n)
		if t, err := root.OpenFile(p, os.O_RDONLY|nonBlock, 0); err == nil {
			if info, err := t.Stat(); err == nil && info.Mode().IsRegular() && unlocked(t) {
				root.Remove(p)
			}
			t.Close()
		}
	}
}

// isOurs reports whether name is one of the temporary files create makes
// for base: ".base.<digits>.part".
func isOurs(name, base string) bool {
	mid, ok := strings.CutPrefix(name, "."+base+".")
	if mid, ok = strings.CutSuffix(mid, ".part"); !ok || mid == "" {
		return false
	}
	return strings.Trim(mid, "0123456789") == ""
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
