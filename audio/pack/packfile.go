package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/floorcoach/floorcoach/internal/yamlpos"
)

// packFile is what voice.yaml says, with where it says it.
type packFile struct {
	Name, Language, Extends string
	extendsAt               *yaml.Node
	Clips                   []clipEntry // in the order of the file
}

// A clipEntry is one line of voice.yaml's clips: the text spoken and the
// file that speaks it.
type clipEntry struct {
	text, file string
	key, value *yaml.Node
}

// packKeys are the keys of voice.yaml.
var packKeys = []string{"name", "language", "extends", "clips"}

// at returns a *yamlpos.Error of file at n (the file's start for nil).
func at(file string, n *yaml.Node, format string, a ...any) error {
	line, col := 1, 1
	if n != nil {
		line, col = max(n.Line, 1), max(n.Column, 1)
	}
	return &yamlpos.Error{File: file, Line: line, Column: col, Err: fmt.Errorf(format, a...)}
}

// parsePackFile reads the voice.yaml data, naming it file in errors.
func parsePackFile(file string, data []byte) (*packFile, error) {
	f, _, err := decodePackFile(file, data)
	return f, err
}

// decodePackFile reads the voice.yaml data, naming it file in errors, and
// returns what it says and its YAML document, which a Writer edits: its
// root is a mapping, its clips (if any) nothing or a mapping.
func decodePackFile(file string, data []byte) (*packFile, *yaml.Node, error) {
	const want = "a mapping of name, language, extends and clips"
	var doc yaml.Node
	err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc)
	switch {
	case errors.Is(err, io.EOF):
		return nil, nil, at(file, nil, "empty file (want %s)", want)
	case err != nil:
		line, col, msg, _ := yamlpos.Locate(data, err)
		msg = strings.Join(strings.Fields(msg), " ")
		return nil, nil, &yamlpos.Error{File: file, Line: line, Column: col, Err: fmt.Errorf("not valid YAML: %s", msg)}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, at(file, root, "got %s, want %s", yamlpos.Describe(root), want)
	}
	f := &packFile{}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if first, ok := seen[k.Value]; ok {
			return nil, nil, at(file, k, "%s is given twice (first at line %d)", k.Value, first.Line)
		}
		seen[k.Value] = k
		if err := f.set(file, k, v); err != nil {
			return nil, nil, err
		}
	}
	return f, &doc, nil
}

// set takes the value v of key k.
func (f *packFile) set(file string, k, v *yaml.Node) error {
	switch k.Value {
	case "name", "language", "extends":
		s, ok := scalar(v)
		if !ok {
			return at(file, v, "%s: got %s, want text", k.Value, yamlpos.Describe(v))
		}
		switch k.Value {
		case "name":
			f.Name = s
		case "language":
			f.Language = s
		default:
			f.Extends, f.extendsAt = s, v
		}
		return nil
	case "clips":
		return f.setClips(file, v)
	}
	return at(file, k, "unknown key %q (valid: %s)", k.Value, strings.Join(packKeys, ", "))
}

// setClips takes the mapping of lines to clip files.
func (f *packFile) setClips(file string, v *yaml.Node) error {
	if yamlpos.IsNull(v) {
		return nil // "clips:" and nothing more
	}
	if v.Kind != yaml.MappingNode {
		return at(file, v, `clips: got %s, want a mapping of lines to clip files, e.g. "Get ready.": get-ready.mp3`, yamlpos.Describe(v))
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, c := v.Content[i], v.Content[i+1]
		text, ok := scalar(k)
		if !ok {
			return at(file, k, "clips: got %s as a line, want its text", yamlpos.Describe(k))
		}
		if first, ok := seen[text]; ok {
			return at(file, k, "line %q is given twice (first at line %d)", text, first.Line)
		}
		seen[text] = k
		clipFile, ok := scalar(c)
		if !ok {
			return at(file, c, "clip for %q: got %s, want a file name", text, yamlpos.Describe(c))
		}
		f.Clips = append(f.Clips, clipEntry{text: text, file: clipFile, key: k, value: c})
	}
	return nil
}

// scalar returns the text of a scalar node ("" for null), and false for
// anything else.
func scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	if yamlpos.IsNull(n) {
		return "", true
	}
	return n.Value, true
}
