package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/floorcoach/floorcoach/internal/safefile"
	"github.com/floorcoach/floorcoach/internal/yamlpos"
	"github.com/floorcoach/floorcoach/scripts"
	"go.yaml.in/yaml/v3"
)

// MaxSize is the largest settings file read.
const MaxSize = 64 << 10

// Keys are the keys the file may have, in the order documented.
var Keys = []string{"voice", "level", "volume"}

// Config is what the settings file sets. A zero field was not set.
// MaxVolume is the highest volume a settings file may set, as play's
// --volume: above 1, play's limiter keeps the louder sound from clipping.
const MaxVolume = 2.0

type Config struct {
	File   string        // the file read; "" when there is none
	Voice  string        // a pack's name or folder, or "default"
	Level  scripts.Level // "" for the script's own
	Volume *float64      // nil: not set

	VoiceAt Pos // where Voice was set, for errors about the pack it names
}

// Pos is a place in the file.
type Pos struct{ Line, Column int }

// Error is a mistake in the settings file, at a line and column.
type Error = yamlpos.Error

// At returns err as an *Error at a place of the file c was read from, for
// a mistake found when a setting is used (a voice pack that is not there).
func (c *Config) At(p Pos, err error) error {
	return &Error{File: c.File, Line: p.Line, Column: p.Column, Err: err}
}

// Path returns where the settings file is, whether or not it exists.
func Path() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("config: the settings file's folder: %w", err)
	}
	return filepath.Join(dir, "floorcoach", "config.yaml"), nil
}

// Load reads the settings file at Path. No file is an empty Config.
func Load() (*Config, error) {
	path, err := Path()
	if err != nil {
		return &Config{}, nil // no config folder: no settings
	}
	return Read(path)
}

// Read reads the settings file at path. No file is an empty Config.
func Read(path string) (*Config, error) {
	// Opened without waiting, as a regular file only: a named pipe put
	// there would block a plain open for ever.
	f, err := safefile.OpenRegular(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Config{}, nil
	case errors.Is(err, safefile.ErrNotRegular):
		return nil, fmt.Errorf("config: %s is not a settings file: %w", path, errors.Unwrap(err))
	case err != nil:
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("config: %s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, &Error{File: path, Line: 1, Column: 1,
			Err: fmt.Errorf("larger than %d KiB: a settings file holds a few lines (%s)", MaxSize>>10, strings.Join(Keys, ", "))}
	}
	return Parse(path, data)
}

// Parse reads the settings in data, naming file in errors. The first
// mistake found is returned.
func Parse(file string, data []byte) (*Config, error) {
	c := &Config{File: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(file, data, err)
	}
	if len(doc.Content) == 0 || yamlpos.IsNull(doc.Content[0]) {
		return c, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, c.errorf(root, "got %s, want a mapping of %s (e.g. voice: anna)", yamlpos.Describe(root), strings.Join(Keys, ", "))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return nil, c.errorf(k, "%s is set twice", k.Value)
		}
		seen[k.Value] = true
		if err := c.set(k, v); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// set reads one key of the file.
func (c *Config) set(k, v *yaml.Node) error {
	if v.Kind == yaml.AliasNode || k.Kind == yaml.AliasNode {
		return c.errorf(v, "aliases are not supported in a settings file")
	}
	switch k.Value {
	case "voice":
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" || strings.TrimSpace(v.Value) == "" {
			return c.errorf(v, "voice: got %s, want the name of a voice pack, a folder with a voice.yaml, or default", yamlpos.Describe(v))
		}
		c.Voice, c.VoiceAt = v.Value, Pos{v.Line, v.Column}
	case "level":
		l, err := scripts.ParseLevel(v.Value)
		if err != nil || v.Kind != yaml.ScalarNode {
			return c.errorf(v, "level: got %s, want gentle, standard or full", yamlpos.Describe(v))
		}
		c.Level = l
	case "volume":
		x, err := strconv.ParseFloat(v.Value, 64)
		if v.Kind != yaml.ScalarNode || (v.ShortTag() != "!!float" && v.ShortTag() != "!!int") || err != nil || !(x >= 0 && x <= MaxVolume) {
			return c.errorf(v, "volume: got %s, want a number from 0 (silent) through 1 (as recorded) to 2, e.g. 0.8", yamlpos.Describe(v))
		}
		c.Volume = &x
	default:
		return c.errorf(k, "unknown key %s (valid: %s)", yamlpos.Describe(k), strings.Join(Keys, ", "))
	}
	return nil
}

func (c *Config) errorf(n *yaml.Node, format string, a ...any) error {
	return &Error{File: c.File, Line: max(n.Line, 1), Column: max(n.Column, 1), Err: fmt.Errorf(format, a...)}
}

// syntaxError turns yaml's "yaml: line 3: …" into an *Error at the line
// of data it is about.
func syntaxError(file string, data []byte, err error) error {
	line, col, msg, _ := yamlpos.Locate(data, err)
	msg = strings.Join(strings.Fields(msg), " ")
	return &Error{File: file, Line: line, Column: col,
		Err: fmt.Errorf("not valid YAML: %s (want lines like voice: anna)", msg)}
}
