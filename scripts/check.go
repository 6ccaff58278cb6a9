package scripts

import (
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// checkText reports the first byte sequence that is not UTF-8 or is a
// control character, at its line and column; YAML would refuse it with
// no position.
func (p *parser) checkText(data []byte) bool {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		at := &yaml.Node{Line: line, Column: col}
		switch {
		case r == utf8.RuneError && size <= 1:
			p.errorf(at, ErrSyntax, "not valid UTF-8 (save the script as UTF-8 text)")
			return false
		case r == '\n':
			line, col = line+1, 0
		case r == '\t' || r == '\r' || r == '\uFEFF' && i == 0:
		case unicode.IsControl(r) || r == '\uFEFF' || r == '\uFFFE' || r == '\uFFFF':
			p.errorf(at, ErrSyntax, "control character %U is not allowed (remove it)", r)
			return false
		}
		i += size
		col++
	}
	return true
}

// checkNodes walks the whole tree before it is read: anchors and aliases
// are refused outright (so no alias can blow up), and so is nesting deeper
// than maxDepth. It walks with its own stack, whatever the depth.
func (p *parser) checkNodes(root *yaml.Node) bool {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case it.n.Kind == yaml.AliasNode:
			p.errorf(it.n, ErrAlias, "aliases are not supported (found *%s; write the value out in full)", shorten(it.n.Value, 40))
			return false
		case it.n.Anchor != "":
			p.errorf(it.n, ErrAlias, "aliases are not supported (found anchor &%s; write the value out in full)", shorten(it.n.Anchor, 40))
			return false
		case it.depth > maxDepth:
			p.errorf(it.n, ErrLimit, "values nested more than %d levels deep (limit %d)", maxDepth, maxDepth)
			return false
		}
		for i := len(it.n.Content) - 1; i >= 0; i-- {
			stack = append(stack, item{it.n.Content[i], it.depth + 1})
		}
	}
	return true
}
