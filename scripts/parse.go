package scripts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/floorcoach/floorcoach/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// topKeys are the keys of a script.
var topKeys = []string{"title", "about", "warning", "closing", "level", "defaults", "steps"}

// Parse reads and checks a script; file names it in errors and becomes
// Session.File. On mistakes it returns a nil Session and an ErrorList with
// every mistake found, sorted by position.
func Parse(file string, data []byte) (*Session, error) {
	p := &parser{file: file}
	s := p.parse(data)
	if len(p.errs) > 0 {
		return nil, p.errs.sorted()
	}
	s.File = file
	return s, nil
}

// ParseFile reads and parses the script at path, refusing a file over
// MaxSize before reading it, and anything but a regular file (a named
// pipe, a device, a folder) without waiting on it.
func ParseFile(path string) (*Session, error) {
	f, err := openRegular(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the file is named once, in front
		}
		return nil, &Error{File: path, Err: err}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxSize {
		return nil, tooLarge(path, info.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// tooLarge returns the error for a script of size bytes.
func tooLarge(file string, size int64) ErrorList {
	return ErrorList{{File: file, Line: 1, Column: 1,
		Err: detailf(ErrTooLarge, "script is %s, over the limit of 1 MiB (split it into several sessions)", sizeText(size))}}
}

// sizeText writes a size over MaxSize: "1048577 bytes", or "more than
// 1 MiB" when only a prefix was read.
func sizeText(size int64) string {
	if size == MaxSize+1 {
		return "more than 1 MiB"
	}
	return strconv.FormatInt(size, 10) + " bytes"
}

// parse reads a whole script, or returns nil after recording why not.
func (p *parser) parse(data []byte) *Session {
	if len(data) > MaxSize {
		p.errs = tooLarge(p.file, int64(len(data)))
		return nil
	}
	if !p.checkText(data) {
		return nil
	}
	root := p.decode(data)
	if root == nil || !p.checkNodes(root) {
		return nil
	}
	return p.session(root)
}

// decode parses the YAML of a script and returns its top mapping.
func (p *parser) decode(data []byte) *yaml.Node {
	const want = "a mapping with title, steps and the other keys of a script"
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, next yaml.Node
	err := dec.Decode(&doc)
	switch {
	case errors.Is(err, io.EOF):
		p.errorf(nil, ErrMissing, "empty script (want %s)", want)
		return nil
	case err != nil:
		p.syntax(err, data)
		return nil
	}
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		if err != nil {
			p.syntax(err, data)
		} else {
			p.errorf(&next, ErrSyntax, "a second YAML document (want one script per file; remove this ---)")
		}
		return nil
	}
	root := doc.Content[0]
	switch {
	case isNull(root):
		p.errorf(root, ErrMissing, "empty script (want %s)", want)
	case root.Kind != yaml.MappingNode:
		p.errorf(root, ErrType, "got %s, want %s", show(root), want)
	default:
		return root
	}
	return nil
}

// syntax records a YAML syntax error, which has a line at best.
func (p *parser) syntax(err error, data []byte) {
	if line, msg := yamlpos.Split(err); strings.HasPrefix(msg, "exceeded max depth") {
		p.errorf(&yaml.Node{Line: line, Column: 1}, ErrLimit, "values nested more than %d levels deep (limit %d)", maxDepth, maxDepth)
		return
	}
	line, col, msg, tab := yamlpos.Locate(data, err)
	at := &yaml.Node{Line: line, Column: col}
	if tab {
		p.errorf(at, ErrSyntax, "not valid YAML: a tab in the indentation (indent with spaces)")
		return
	}
	msg = strings.Join(strings.Fields(msg), " ")
	p.errorf(at, ErrSyntax, "not valid YAML: %s (check the indentation, colons and quotes here and below)", msg)
}

// session reads the top mapping of a script.
func (p *parser) session(root *yaml.Node) *Session {
	fs := p.fields(root, "at top level", topKeys)
	s := &Session{Level: Standard, Defaults: BuiltinDefaults()}
	if f, ok := fs.get("title"); ok {
		s.Title, _ = p.text("title", f.val, "the session's name")
		s.TitlePos = posOf(f.val)
		p.noPlaceholders("title", f.val)
	} else if fs.missing("title") {
		p.errorf(root, ErrMissing, "missing title (want e.g. title: Lower back relief)")
	}
	if f, ok := fs.get("about"); ok {
		s.About, _ = p.text("about", f.val, "a description")
	}
	if f, ok := fs.get("warning"); ok {
		s.Warning = p.lines("warning", f.val)
		s.WarningPos = linePositions(f.val)
		p.noPlaceholders("warning", f.val)
	}
	if f, ok := fs.get("closing"); ok {
		s.Closing = p.lines("closing", f.val)
		s.ClosingPos = linePositions(f.val)
		p.noPlaceholders("closing", f.val)
	}
	if f, ok := fs.get("level"); ok {
		l, _ := p.word("level", f.val, "a level", []string{string(Gentle), string(Standard), string(Full)})
		s.Level = Level(l)
	}
	if f, ok := fs.get("defaults"); ok {
		s.Defaults = p.defaults(f.val, s.Defaults)
	}
	if f, ok := fs.get("steps"); ok {
		s.Steps = p.steps(f.val, s.Defaults, 1)
		p.checkLength(f.key, s.Steps)
		p.checkCues(f.key, s)
	} else if fs.missing("steps") {
		p.errorf(root, ErrMissing, "missing steps (want a list of steps, e.g. steps: [{hold: 30s}])")
	}
	return s
}

// defaults reads a defaults block over base.
func (p *parser) defaults(n *yaml.Node, base Defaults) Defaults {
	want := fmt.Sprintf("a mapping of %s", strings.Join(settingKeys, ", "))
	switch {
	case isNull(n):
		p.errorf(n, ErrMissing, "defaults: no value (want %s)", want)
	case n.Kind != yaml.MappingNode:
		p.errorf(n, ErrType, "defaults: got %s, want %s", show(n), want)
	default:
		return p.settings(p.fields(n, "in defaults", settingKeys), base, true)
	}
	return base
}

// posOf returns where node n was written.
func posOf(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// linePositions returns where each line of a value that lines reads was
// written: each item of a list, or the one text.
func linePositions(n *yaml.Node) []Pos {
	if n.Kind != yaml.SequenceNode {
		return []Pos{posOf(n)}
	}
	out := make([]Pos, len(n.Content))
	for i, item := range n.Content {
		out[i] = posOf(item)
	}
	return out
}
