package pack

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/internal/safefile"
	"github.com/floorcoach/floorcoach/internal/userdir"
)

// Mine is the name of the user's own pack, where clips are made when
// no other pack is named.
const Mine = "mine"

// Root returns the folder of the user's voice packs, one folder each:
// floorcoach/voices in the user's data folder ($XDG_DATA_HOME, else
// ~/.local/share, on Linux and other Unix systems; ~/Library/Application
// Support on macOS; %LocalAppData% on Windows).
func Root() (string, error) {
	d, err := userdir.Data(runtime.GOOS, os.Getenv)
	if err != nil {
		return "", fmt.Errorf("audio: the folder of your voice packs: %w", err)
	}
	return filepath.Join(d, "floorcoach", "voices"), nil
}

// UserDir returns the folder of the user's pack called name.
func UserDir(name string) (string, error) {
	if !IsName(name) {
		return "", fmt.Errorf("audio: %q is not a pack name (letters, digits, '-', '_' and '.', not first)", name)
	}
	d, err := Root()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, name), nil
}

// IsName reports whether s names a pack rather than a folder: a word
// of letters, digits, '-', '_' and '.', starting with a letter or digit.
func IsName(s string) bool {
	if s == "" || strings.HasPrefix(s, ".") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "_") {
		return false
	}
	for _, r := range s {
		ok := r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !ok {
			return false
		}
	}
	return true
}

// UserNames returns the names of the user's packs: the folders in Root
// that hold a voice.yaml, sorted.
func UserNames() []string {
	dir, err := Root()
	if err != nil {
		return nil
	}
	entries, _ := safefile.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "voice.yaml")); err == nil && IsName(e.Name()) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}
