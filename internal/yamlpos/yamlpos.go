// Package yamlpos holds what the program's readers of YAML (scripts, the
// settings file, voice.yaml) share: the Error that names a file, line and
// column; Locate, which says where a syntax error of the YAML decoder
// (go.yaml.in/yaml/v3) is, since the decoder's own message names the line
// where the block around the problem began, often lines above it, and no
// column; and Describe, which names a value in a message.
package yamlpos

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Split splits a syntax error of the YAML decoder, "yaml: line 3: …",
// into its line (1 when it names none) and what it says.
func Split(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, m, _ := strings.Cut(rest, ": ")
		if n, err := strconv.Atoi(num); err == nil {
			return n, m
		}
	}
	return 1, msg
}

// Locate is Split with the line found again in data, the YAML the error
// came from, and a column: that of a tab in the line's indentation, where
// the error is about one (tab is then true), else of its first character.
func Locate(data []byte, err error) (line, col int, msg string, tab bool) {
	line, msg = Split(err)
	line = syntaxLine(data, line, msg)
	if col := tabIndent(data, line); col > 0 {
		return line, col, msg, true
	}
	return line, firstColumn(data, line), msg, false
}

// syntaxLine finds the line of a script that a YAML syntax error is about.
// The decoder names the line where the block around the problem began: a
// mapping's first key for "did not find expected key" ten lines further
// down, the line before a tab. The problem is on the first line from
// there whose text, read with everything before it, gives the same error;
// as a prefix that fails keeps failing when lines are added, a binary
// search finds it in a few decodes. It returns reported when no prefix
// fails alike.
func syntaxLine(data []byte, reported int, msg string) int {
	var ends []int // ends[i]: the offset after line i+1
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		ends = append(ends, len(data))
	}
	fails := func(line int) bool {
		err := decodeAll(data[:ends[line-1]])
		if err == nil {
			return false
		}
		_, m := Split(err)
		return m == msg
	}
	lo, hi := max(reported, 1), len(ends)
	if lo > hi || !fails(hi) {
		return reported
	}
	for lo < hi {
		if mid := (lo + hi) / 2; fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// decodeAll decodes every YAML document of data and returns the first
// error, or nil.
func decodeAll(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// firstColumn returns the column (1-based) of the first character of a
// line of data that is not a space, or 1.
func firstColumn(data []byte, line int) int {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line < 1 || line > len(lines) {
		return 1
	}
	text := lines[line-1]
	return len(text) - len(bytes.TrimLeft(text, " ")) + 1
}

// tabIndent returns the column of a tab in the indentation of a line of
// data (1-based), or 0 if it has none.
func tabIndent(data []byte, line int) int {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line < 1 || line > len(lines) {
		return 0
	}
	text := lines[line-1]
	indent := text[:len(text)-len(bytes.TrimLeft(text, " \t"))]
	return bytes.IndexByte(indent, '\t') + 1
}
