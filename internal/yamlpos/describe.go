package yamlpos

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Describe names a node's value for an error message, the same way in
// every YAML file the program reads: "a list", "a mapping", "an alias",
// "nothing", a number or boolean as written, anything else quoted and
// shortened to 40 characters.
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!null":
		return "nothing"
	case "!!int", "!!float", "!!bool":
		if len(n.Value) <= 40 && !strings.ContainsAny(n.Value, " \t\r\n") {
			return n.Value
		}
	}
	return strconv.Quote(Shorten(n.Value, 40))
}

// Shorten returns s cut to max characters, with "..." after when cut.
func Shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "..."
}

// IsNull reports whether n is an empty value ("key:" with nothing after).
func IsNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}
