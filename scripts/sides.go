package scripts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// placeholders are the words a line of a sided step may hold in braces, and
// what each becomes for a side.
var placeholders = map[string]func(side string) string{
	"side":  func(side string) string { return side },
	"other": Other,
	"Side":  func(side string) string { return capital(side) },
	"Other": func(side string) string { return capital(Other(side)) },
}

const placeholderList = "{side}, {other}, {Side} or {Other}"

// Other returns the side opposite side: "left" for "right" and back.
func Other(side string) string {
	if side == "left" {
		return "right"
	}
	return "left"
}

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// PerSide reports whether a line names the side, and so is said once per
// side: it holds {side} or {other} ({Side} and {Other} start a sentence).
func PerSide(line string) bool {
	for _, p := range findPlaceholders(line) {
		if _, ok := placeholders[p.word]; ok {
			return true
		}
	}
	return false
}

// ForSide returns a line as said on one side: {side} becomes the side,
// {other} the opposite one, {Side} and {Other} the same capitalized.
// "Cross your {side} ankle over your {other} knee." on the right is
// "Cross your right ankle over your left knee."
func ForSide(line, side string) string {
	var b strings.Builder
	last := 0
	for _, p := range findPlaceholders(line) {
		if f, ok := placeholders[p.word]; ok {
			b.WriteString(line[last:p.at])
			b.WriteString(f(side))
			last = p.at + len(p.word) + 2
		}
	}
	b.WriteString(line[last:])
	return b.String()
}

// placeholder is a {word} in a line, at byte offset at.
type placeholder struct {
	at   int
	word string
}

// findPlaceholders returns every {word} in a line: a brace, ASCII letters,
// a brace.
func findPlaceholders(line string) []placeholder {
	var out []placeholder
	for i := 0; i < len(line); i++ {
		if line[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(line) && ('a' <= line[j] && line[j] <= 'z' || 'A' <= line[j] && line[j] <= 'Z') {
			j++
		}
		if j > i+1 && j < len(line) && line[j] == '}' {
			out = append(out, placeholder{i, line[i+1 : j]})
			i = j
		}
	}
	return out
}

// sideLines checks the placeholders in a step's say, during and after
// lines: only the known ones, and only in a step with sides.
func (p *parser) sideLines(fs fieldSet, sided bool) {
	for _, key := range []string{"say", "during", "after"} {
		f, ok := fs.get(key)
		if !ok {
			continue
		}
		for _, n := range textNodes(f.val) {
			for _, ph := range findPlaceholders(n.Value) {
				p.placeholder(key, n, ph, sided)
			}
		}
	}
}

// noPlaceholders reports any placeholder in the text of n, which is not a
// line of a sided step.
func (p *parser) noPlaceholders(key string, n *yaml.Node) {
	for _, t := range textNodes(n) {
		for _, ph := range findPlaceholders(t.Value) {
			p.placeholder(key, t, ph, false)
		}
	}
}

// placeholder reports what is wrong with placeholder ph in the text of n,
// if anything.
func (p *parser) placeholder(key string, n *yaml.Node, ph placeholder, sided bool) {
	at := placeAt(n, ph.at)
	_, known := placeholders[ph.word]
	switch {
	case !known:
		valid := []string{"side", "other", "Side", "Other"}
		p.errorf(at, ErrValue, "%s: {%s} is not a placeholder%swant %s, in a step with sides)",
			key, ph.word, didYouMean(ph.word, valid), placeholderList)
	case !sided && (key == "say" || key == "during" || key == "after"):
		p.errorf(at, ErrCombination, "%s: {%s} in a step without sides (add sides: [right, left], or write the side out)",
			key, ph.word)
	case !sided:
		p.errorf(at, ErrCombination, "%s: {%s} is only for the say, during and after lines of a step with sides (write the side out)",
			key, ph.word)
	}
}

// textNodes returns n if it is a scalar, or the scalar items of a list.
func textNodes(n *yaml.Node) []*yaml.Node {
	if n.Kind == yaml.ScalarNode {
		return []*yaml.Node{n}
	}
	var out []*yaml.Node
	if n.Kind == yaml.SequenceNode {
		for _, item := range n.Content {
			if item.Kind == yaml.ScalarNode {
				out = append(out, item)
			}
		}
	}
	return out
}

// placeAt returns the position of byte offset off in the text of scalar n:
// exact for a one-line plain or quoted scalar without escapes before it,
// the scalar's own position otherwise.
func placeAt(n *yaml.Node, off int) *yaml.Node {
	before := n.Value[:off]
	if strings.Contains(n.Value, "\n") {
		return n
	}
	col := n.Column + utf8.RuneCountInString(before)
	switch n.Style {
	case 0:
	case yaml.DoubleQuotedStyle:
		if strings.ContainsAny(before, "\\\"") {
			return n
		}
		col++
	case yaml.SingleQuotedStyle:
		if strings.Contains(before, "'") {
			return n
		}
		col++
	default:
		return n
	}
	return &yaml.Node{Line: n.Line, Column: col}
}
