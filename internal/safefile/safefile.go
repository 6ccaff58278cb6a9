package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrExists is returned when the target exists and overwriting was not asked for.
var ErrExists = errors.New("already exists")

// File is a file being written. Write to it, then Commit, or Abort to leave
// no trace; Abort after Commit does nothing, so it can be deferred.
type File struct {
	*os.File
	target string      // as given, for errors
	real   string      // the file to replace: target, through symbolic links
	force  bool        // replace an existing file
	old    fs.FileInfo // the file replaced, if any
	done   bool
}

// Create starts writing target. Unless force is set, it fails at once with
// ErrExists when target exists, and Commit fails too if one appeared since.
// With force, only a regular file is replaced (through a symbolic link,
// the file it points to), keeping its permissions and its other hard
// links; a device, a named pipe or a folder is refused. The temporary
// files that earlier writers of target left behind (killed before they
// could remove them) are removed first; those of live writers are not.
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
	removeStale(dir, base)
	tmp, err := os.CreateTemp(dir, tempPattern(base))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %q: %w", target, dir, unwrapPath(err))
	}
	lock(tmp)
	return &File{File: tmp, target: target, real: real, force: force, old: old}, nil
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

// tempPattern is the pattern of the temporary files of a target named
// base: hidden, and ending in .part.
func tempPattern(base string) string { return "." + base + ".*.part" }

// removeStale removes the temporary files of base in dir that no live
// writer holds: each writer locks its own until it is done.
func removeStale(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(tempPattern(base))))
	for _, m := range matches {
		if !isOurs(filepath.Base(m), base) {
			continue
		}
		if f, err := os.OpenFile(m, os.O_RDONLY|nonBlock, 0); err == nil {
			if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && unlocked(f) {
				os.Remove(m)
			}
			f.Close()
		}
	}
}

// isOurs reports whether name is exactly what os.CreateTemp makes of
// tempPattern(base): the random part is digits.
func isOurs(name, base string) bool {
	mid, ok := strings.CutPrefix(name, "."+base+".")
	if mid, ok = strings.CutSuffix(mid, ".part"); !ok || mid == "" {
		return false
	}
	return strings.Trim(mid, "0123456789") == ""
}

// globEscape escapes the characters of s that filepath.Glob would match.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "[", `\[`, "?", `\?`, "*", `\*`)
	pre, post, _ := strings.Cut(s, ".*.")
	return r.Replace(pre) + ".*." + r.Replace(post)
}

// Commit syncs the data and puts the file in place, with the permissions
// of the file it replaces (0644 for a new one).
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	f.done = true
	tmp := f.Name()
	err := f.Sync()
	if err == nil {
		err = f.Chmod(f.mode())
	}
	if cerr := f.Close(); err == nil {
		err = cerr
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

// mode returns the permissions the file gets.
func (f *File) mode() fs.FileMode {
	if f.old != nil {
		return f.old.Mode().Perm()
	}
	return 0o644
}

// place moves tmp to the target: a plain rename when overwriting is
// allowed, else a hard link, which fails if the target appeared meanwhile.
// A file with other hard links is overwritten in place instead, so that
// every name of it has the new data.
func (f *File) place(tmp string) error {
	if f.force && f.old != nil && links(f.old) > 1 {
		return copyOver(tmp, f.real, f.old)
	}
	if f.force {
		return os.Rename(tmp, f.real)
	}
	err := os.Link(tmp, f.real)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w (use --force to overwrite it)", ErrExists)
	}
	if err != nil { // a file system without hard links
		if _, serr := os.Lstat(f.real); serr == nil {
			return fmt.Errorf("%w (use --force to overwrite it)", ErrExists)
		}
		return os.Rename(tmp, f.real)
	}
	return os.Remove(tmp)
}

// copyOver copies the finished file tmp over real, which has other hard
// links, in place, and removes tmp. real must still be the file old was.
func copyOver(tmp, real string, old fs.FileInfo) error {
	src, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(real, os.O_WRONLY|nonBlock, 0)
	if err != nil {
		return err
	}
	defer dst.Close()
	if info, err := dst.Stat(); err != nil || !os.SameFile(info, old) {
		return fmt.Errorf("replaced by another file meanwhile")
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
