package scripts

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// builtins holds the built-in sessions, one script per file.
//
//go:embed builtin/*.yaml
var builtins embed.FS

// ErrUnknownSession is wrapped by the error of Builtin and Load for a name
// that is neither a built-in session nor a file.
var ErrUnknownSession = errors.New("unknown session")

// BuiltinNames returns the names of the built-in sessions, sorted.
func BuiltinNames() []string {
	files, _ := fs.Glob(builtins, "builtin/*.yaml")
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(path.Base(f), ".yaml")
	}
	slices.Sort(names)
	return names
}

// Builtin parses the built-in session called name; its File is name.
func Builtin(name string) (*Session, error) {
	if !slices.Contains(BuiltinNames(), name) {
		return nil, unknownSession(name)
	}
	data, err := builtins.ReadFile("builtin/" + name + ".yaml")
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Load parses a built-in session by name, else the script at a path, else
// a script of the user's library (see Library) by name. A name that is none
// of these gets an error listing the sessions there are.
func Load(nameOrPath string) (*Session, error) {
	if slices.Contains(BuiltinNames(), nameOrPath) {
		return Builtin(nameOrPath)
	}
	if _, err := os.Stat(nameOrPath); err == nil || looksLikePath(nameOrPath) {
		return ParseFile(nameOrPath)
	}
	if path, ok := findInLibrary(nameOrPath); ok {
		return ParseFile(path)
	}
	return nil, unknownSession(nameOrPath)
}

// looksLikePath reports whether s names a file rather than a session.
func looksLikePath(s string) bool {
	ext := strings.ToLower(filepath.Ext(s))
	return ext == ".yaml" || ext == ".yml" || strings.ContainsRune(s, '/') || strings.ContainsRune(s, filepath.Separator)
}

// unknownSession returns the error for a name that is no session.
func unknownSession(name string) error {
	names, all := BuiltinNames(), libraryNames()
	hint := ""
	if s := Suggest(name, all); s != "" {
		hint = fmt.Sprintf("did you mean %q?; ", s)
	}
	mine := ""
	if n := len(all) - len(names); n > 0 {
		mine = fmt.Sprintf(", and %d of yours ('floorcoach list' shows them)", n)
	}
	return fmt.Errorf("%w %q (%sbuilt-in: %s%s; or a path to a .yaml file)", ErrUnknownSession, name, hint, strings.Join(names, ", "), mine)
}
