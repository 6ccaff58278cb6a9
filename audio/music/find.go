package music

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Limits on what a bed of music may hold.
const (
	// MaxTracks is the most tracks a folder may hold.
	MaxTracks = 1000
	// MinTrack is the shortest a track may be: shorter ones would make a
	// long session a long list of joins.
	MinTrack = time.Second
	// MaxTrack is the longest a track may be, the longest session.
	MaxTrack = 6 * time.Hour
)

// Extensions lists the file name extensions of the formats read.
func Extensions() []string { return []string{".mp3", ".flac", ".wav"} }

// Find returns the music files at path: path itself if it is a file (of a
// known extension), else the files of the folder with a known extension,
// sorted by name. It fails on a folder with none, or more than MaxTracks.
func Find(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("music: %w", pathError(err))
	}
	if !info.IsDir() {
		if !known(path) {
			return nil, fmt.Errorf("music: %s: not a music file; use %s", path, extensionList())
		}
		return []string{path}, nil
	}
	files, err := musicFiles(path)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("music: %s: no %s files in this folder", path, extensionList())
	}
	slices.Sort(files)
	return files, nil
}

// musicFiles lists the music files of a folder, a few hundred entries at
// a time, failing as soon as there are more than MaxTracks: a folder of a
// million files is refused without listing it all.
func musicFiles(dir string) ([]string, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("music: %w", pathError(err))
	}
	defer d.Close()
	var files []string
	for {
		entries, err := d.ReadDir(256)
		for _, e := range entries {
			if known(e.Name()) && (e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
		if len(files) > MaxTracks {
			return nil, fmt.Errorf("music: %s: more than %d music files; at most %d", dir, MaxTracks, MaxTracks)
		}
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("music: %w", pathError(err))
		}
	}
}

func known(name string) bool {
	return slices.Contains(Extensions(), strings.ToLower(filepath.Ext(name)))
}

func extensionList() string { return strings.Join(Extensions(), ", ") }

// pathError drops Go's "stat" or "open" from a path error, keeping the
// path and the reason: "calm.mp3: no such file or directory".
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}
