package yamlpos

import (
	"testing"
)

// The line and column found for errors the decoder places lines above
// them, and for one it places right.
func TestLocate(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		line, col  int
		tab        bool
	}{
		{"a key too far in", "a:\n  b: 1\n  c: 2\n   d: 3\n", 4, 4, false},
		{"a key too far out, far below", "a:\n  - 1\n  - 2\n  - 3\n  - 4\n b: 5\n", 6, 2, false},
		{"a tab", "a:\n  b: 1\n  c: 2\n\td: 3\n", 4, 1, true},
		{"a tab after spaces", "a:\n  b:\n    - 1\n  \t- 2\n", 4, 3, true},
		{"an unclosed flow list", "a: 1\nb: [1, 2\n", 2, 1, false},
		{"an unclosed quote", "a: 1\nb: \"x\nc: 2\n", 2, 1, false},
		{"no newline at the end", "a: 1\n  b: 2", 2, 3, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := decodeAll([]byte(tc.yaml))
			if err == nil {
				t.Fatal("the YAML decoded")
			}
			line, col, msg, tab := Locate([]byte(tc.yaml), err)
			if line != tc.line || col != tc.col || tab != tc.tab || msg == "" {
				t.Errorf("Locate = %d:%d %q tab %v, want %d:%d tab %v (the decoder said %v)", line, col, msg, tab, tc.line, tc.col, tc.tab, err)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		err  string
		line int
		msg  string
	}{
		{"yaml: line 3: did not find expected key", 3, "did not find expected key"},
		{"yaml: control characters are not allowed", 1, "control characters are not allowed"},
	} {
		if line, msg := Split(stringError(tc.err)); line != tc.line || msg != tc.msg {
			t.Errorf("Split(%q) = %d, %q; want %d, %q", tc.err, line, msg, tc.line, tc.msg)
		}
	}
}

type stringError string

func (e stringError) Error() string { return string(e) }
