package scripts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/floorcoach/floorcoach/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// parser collects the errors of one script while its nodes are read.
type parser struct {
	file string
	errs ErrorList
}

// errorf records an error at node n (at 1:1 when n has no position).
func (p *parser) errorf(n *yaml.Node, kind error, format string, args ...any) {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Column: col, Err: detailf(kind, format, args...)})
}

// field is one key of a mapping with its value.
type field struct{ key, val *yaml.Node }

// fieldSet is the keys of a mapping, and whether any key was refused.
type fieldSet struct {
	m       map[string]field
	refused bool
	hinted  []string // the keys suggested for refused ones
}

// get returns the field called key.
func (fs fieldSet) get(key string) (field, bool) {
	f, ok := fs.m[key]
	return f, ok
}

// has reports whether the mapping has key.
func (fs fieldSet) has(key string) bool { _, ok := fs.m[key]; return ok }

// missing reports whether key is absent and no refused key looked like it,
// so that a misspelt key is reported once, not also as missing.
func (fs fieldSet) missing(key string) bool {
	return !fs.has(key) && !slices.Contains(fs.hinted, key)
}

// fields returns the keys of mapping n. Unknown keys (in where, e.g. "in
// step") and repeated keys are reported and left out.
func (p *parser) fields(n *yaml.Node, where string, valid []string) fieldSet {
	fs := fieldSet{m: make(map[string]field, len(n.Content)/2)}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		first, dup := fs.m[k.Value]
		switch {
		case k.Kind != yaml.ScalarNode:
			p.errorf(k, ErrType, "got %s as a key %s, want one of: %s", show(k), where, strings.Join(valid, ", "))
		case !slices.Contains(valid, k.Value):
			hint := Suggest(k.Value, valid)
			p.errorf(k, ErrUnknownKey, "unknown key %s %s%svalid: %s)", show(k), where,
				didYouMean(k.Value, valid), strings.Join(valid, ", "))
			fs.hinted = append(fs.hinted, hint)
		case dup:
			p.errorf(k, ErrDuplicate, "duplicate key %q %s (first at line %d; keep one)", k.Value, where, first.key.Line)
			continue
		default:
			fs.m[k.Value] = field{k, v}
			continue
		}
		fs.refused = true
	}
	return fs
}

// show describes a node for a message: "a list", "a mapping", "nothing",
// a number or boolean as written, anything else quoted (and shortened).
func show(n *yaml.Node) string { return yamlpos.Describe(n) }

// shorten cuts s to at most max runes, marking the cut with "...".
func shorten(s string, max int) string { return yamlpos.Shorten(s, max) }

// isNull reports whether n is an empty value ("key:" with nothing after).
func isNull(n *yaml.Node) bool { return yamlpos.IsNull(n) }

// scalar checks that n is a single value, reporting "got a list" and
// the like with want, the expected kind of value.
func (p *parser) scalar(key string, n *yaml.Node, want string) bool {
	switch {
	case isNull(n):
		p.errorf(n, ErrMissing, "%s: no value (want %s)", key, want)
	case n.Kind != yaml.ScalarNode:
		p.errorf(n, ErrType, "%s: got %s, want %s", key, show(n), want)
	default:
		return true
	}
	return false
}

// text reads a non-empty line of text; surrounding spaces are dropped.
func (p *parser) text(key string, n *yaml.Node, want string) (string, bool) {
	if !p.scalar(key, n, want) {
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		p.errorf(n, ErrMissing, "%s: empty text (want %s)", key, want)
		return "", false
	}
	if r, bad := controlIn(s); bad {
		p.errorf(n, ErrValue, "%s: control character %U is not allowed (want plain text; remove the escape)", key, r)
		return "", false
	}
	return s, true
}

// controlIn returns the first character of s that a terminal would act
// on (an escape such as "\e" or "\x9b" in a quoted YAML string makes
// one) or that reorders the text around it; line breaks and tabs are
// text.
func controlIn(s string) (rune, bool) {
	for _, r := range s {
		if r != '\n' && r != '\t' && unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
			r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
			return r, true
		}
	}
	return 0, false
}

// lines reads one line of text or a list of lines.
func (p *parser) lines(key string, n *yaml.Node) []string {
	const want = "text or a list of lines"
	if n.Kind != yaml.SequenceNode {
		s, ok := p.text(key, n, want)
		if !ok {
			return nil
		}
		return []string{s}
	}
	items := p.list(key, n, want)
	var out []string
	for _, item := range items {
		if s, ok := p.text(key, item, "a line of text"); ok {
			out = append(out, s)
		}
	}
	return out
}

// list checks that n is a non-empty list and returns its items.
func (p *parser) list(key string, n *yaml.Node, want string) []*yaml.Node {
	switch {
	case isNull(n):
		p.errorf(n, ErrMissing, "%s: no value (want %s)", key, want)
	case n.Kind != yaml.SequenceNode:
		p.errorf(n, ErrType, "%s: got %s, want %s", key, show(n), want)
	case len(n.Content) == 0:
		p.errorf(n, ErrMissing, "%s: empty list (want %s)", key, want)
	default:
		return n.Content
	}
	return nil
}

// boolean reads true or false.
func (p *parser) boolean(key string, n *yaml.Node) (bool, bool) {
	const want = "true or false"
	if !p.scalar(key, n, want) {
		return false, false
	}
	if n.ShortTag() != "!!bool" {
		p.errorf(n, ErrType, "%s: got %s, want %s", key, show(n), want)
		return false, false
	}
	var b bool
	err := n.Decode(&b)
	return b, err == nil
}

// word reads one of the valid words, suggesting the nearest on a typo.
// what names a word in messages ("a level").
func (p *parser) word(key string, n *yaml.Node, what string, valid []string) (string, bool) {
	want := orList(valid)
	if !p.scalar(key, n, want) {
		return "", false
	}
	if !slices.Contains(valid, n.Value) {
		p.errorf(n, ErrValue, "%s: %s is not %s%swant %s)", key, show(n), what, didYouMean(n.Value, valid), want)
		return "", false
	}
	return n.Value, true
}

// orList writes "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
