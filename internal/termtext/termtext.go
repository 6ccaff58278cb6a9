package termtext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line returns s as one line safe to print: every control character,
// newlines and tabs too, becomes a visible escape, as does every byte
// that is not UTF-8.
func Line(s string) string { return escape(s, false) }

// Text returns s safe to print with its line breaks and tabs kept; every
// other control character becomes a visible escape, as does every byte
// that is not UTF-8.
func Text(s string) string { return escape(s, true) }

// escape writes the runes of s that a terminal would act on as Go
// escapes; keepLines keeps '\n' and '\t'.
func escape(s string, keepLines bool) string {
	if safe(s, keepLines) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80 && unsafe(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// safe reports whether s has nothing to escape.
func safe(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unsafe(r) && !(keepLines && (r == '\n' || r == '\t')) {
			return false
		}
		i += size
	}
	return true
}

// Unsafe reports whether a terminal could act on r (see unsafe), for
// writers that escape it their own way.
func Unsafe(r rune) bool { return unsafe(r) }

// unsafe reports whether a terminal could act on r, or show text other
// than it is: C0 and C1 controls, DEL, the line and paragraph separators,
// and the bidirectional embeddings, overrides and isolates that reorder
// what follows them.
func unsafe(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
