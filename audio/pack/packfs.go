package pack

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/floorcoach/floorcoach/internal/safefile"
)

// errOutside is the error for a file of a pack that links outside it.
var errOutside = errors.New("links to a file outside the pack folder")

// packFS reads a pack folder on disk, and nothing outside it: a path that
// is a symbolic link, or passes through one, must end inside the folder.
// Opening resolves the links to say which file is at fault, then opens the
// file through an os.Root, which refuses any way out even if the folder
// changes in between. Only regular files and folders open: a named pipe
// or a device is an error, never a wait.
type packFS struct {
	dir string
}

func (p packFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	root, err := filepath.EvalSymlinks(p.dir)
	if err != nil {
		return nil, pathError(name, err)
	}
	real, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return nil, pathError(name, err)
	}
	if !inside(root, real) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errOutside}
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, pathError(name, err)
	}
	defer r.Close()
	f, err := safefile.OpenIn(r, name, true)
	if err != nil {
		return nil, pathError(name, err)
	}
	return f, nil
}

// inside reports whether path is dir or lies beneath it; both are clean
// and absolute or both relative to the same folder.
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// pathError names the file by its path in the pack, keeping the cause.
func pathError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: "open", Path: name, Err: err}
}
