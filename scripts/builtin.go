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

// Load parses a built-in session by name, or else the script at a path.
// A name that is neither gets an error listing the built-in sessions.
func Load(nameOrPath string) (*Session, error) {
	if slices.Contains(BuiltinNames(), nameOrPath) {
		return Builtin(nameOrPath)
	}
	if _, err := os.Stat(nameOrPath); err == nil || looksLikePath(nameOrPath) {
		return ParseFile(nameOrPath)
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
	names := BuiltinNames()
	hint := ""
	if s := suggest(name, names); s != "" {
		hint = fmt.Sprintf("did you mean %q?; ", s)
	}
	return fmt.Errorf("%w %q (%sbuilt-in: %s; or a path to a .yaml file)", ErrUnknownSession, name, hint, strings.Join(names, ", "))
}
