package scripts

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Entry is a session that can be played by name: a built-in one, or a
// script in the user's library.
type Entry struct {
	Name    string // what to type: "lower-back", "my-routine"
	Path    string // the script's file; empty for built-ins
	Builtin bool
}

// Load reads and checks the entry's script.
func (e Entry) Load() (*Session, error) {
	if e.Builtin {
		return Builtin(e.Name)
	}
	return ParseFile(e.Path)
}

// LibraryDirs returns the folders searched for the user's own scripts, in
// order: the user's config folder (floorcoach/sessions under
// $XDG_CONFIG_HOME, ~/.config on Linux, ~/Library/Application Support on
// macOS, %AppData% on Windows), then each folder in $FLOORCOACH_PATH
// (separated like $PATH).
func LibraryDirs() []string {
	var dirs []string
	if d := UserDir(); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range filepath.SplitList(os.Getenv("FLOORCOACH_PATH")) {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// UserDir returns the folder of the user's own scripts (see LibraryDirs),
// or "" when the user has no config folder (no $HOME).
func UserDir() string {
	cfg, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(cfg, "floorcoach", "sessions")
}

// Library lists the built-in sessions, then the scripts (*.yaml, *.yml) in
// LibraryDirs, each name once: a built-in or an earlier folder wins. Only
// regular files count (a named pipe or a device is passed over).
func Library() []Entry {
	var out []Entry
	seen := map[string]bool{}
	for _, n := range BuiltinNames() {
		out = append(out, Entry{Name: n, Builtin: true})
		seen[n] = true
	}
	for _, dir := range LibraryDirs() {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue // a folder of $FLOORCOACH_PATH that is not one: reading it could wait for ever
		}
		files, _ := os.ReadDir(dir)
		for _, f := range files {
			name, ok := scriptName(f)
			if !ok || seen[name] || !isRegular(filepath.Join(dir, f.Name())) {
				continue
			}
			seen[name] = true
			out = append(out, Entry{Name: name, Path: filepath.Join(dir, f.Name())})
		}
	}
	return out
}

// scriptName returns the session name of a library file.
func scriptName(f os.DirEntry) (string, bool) {
	ext := strings.ToLower(filepath.Ext(f.Name()))
	if f.IsDir() || (ext != ".yaml" && ext != ".yml") || strings.HasPrefix(f.Name(), ".") {
		return "", false
	}
	return strings.TrimSuffix(f.Name(), filepath.Ext(f.Name())), true
}

// libraryNames returns the names Library lists.
func libraryNames() []string {
	var names []string
	for _, e := range Library() {
		names = append(names, e.Name)
	}
	return names
}

// findInLibrary returns the library script called name.
func findInLibrary(name string) (string, bool) {
	lib := Library()
	i := slices.IndexFunc(lib, func(e Entry) bool { return e.Name == name && !e.Builtin })
	if i < 0 {
		return "", false
	}
	return lib[i].Path, true
}
