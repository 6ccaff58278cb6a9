package termtext

import (
	"testing"
	"unicode/utf8"
)

// Every way text can act on a terminal comes out as a visible escape.
func TestEscapes(t *testing.T) {
	cases := []struct{ name, in, line, text string }{
		{"plain", "Knee-to-chest – 30s ✓", "Knee-to-chest – 30s ✓", "Knee-to-chest – 30s ✓"},
		{"clear screen", "a\x1b[2Jb", `a\x1b[2Jb`, `a\x1b[2Jb`},
		{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07", `\x1b]52;c;cm0gLXJmIH4=\x07`, `\x1b]52;c;cm0gLXJmIH4=\x07`},
		{"OSC 0 title", "\x1b]0;pwned\x1b\\", `\x1b]0;pwned\x1b\`, `\x1b]0;pwned\x1b\`},
		{"OSC 8 link", "\x1b]8;;http://x\x1b\\go\x1b]8;;\x1b\\", `\x1b]8;;http://x\x1b\go\x1b]8;;\x1b\`, `\x1b]8;;http://x\x1b\go\x1b]8;;\x1b\`},
		{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`, `a\u009b2Jb`},
		{"NUL and DEL", "a\x00b\x7f", `a\x00b\x7f`, `a\x00b\x7f`},
		{"newline and tab", "one\ntwo\tthree\r", `one\ntwo\tthree\r`, "one\ntwo\tthree\\r"},
		{"bidi override", "abc\u202eexe.txt", `abc\u202eexe.txt`, `abc\u202eexe.txt`},
		{"line separator", "a\u2028b", `a\u2028b`, `a\u2028b`},
		{"not UTF-8", "a\xffb\xc3", `a\xffb\xc3`, `a\xffb\xc3`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Line(c.in); got != c.line {
				t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
			}
			if got := Text(c.in); got != c.text {
				t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
			}
		})
	}
}

// FuzzLine checks that Line and Text leave valid UTF-8 without a control
// character (but the line breaks Text keeps), whatever the input.
func FuzzLine(f *testing.F) {
	f.Add("a\x1b[2J\u009b\n\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Line(s), Text(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("%q became %q, not UTF-8", s, out)
			}
			for _, r := range out {
				if unsafe(r) && (out == Line(s) || r != '\n' && r != '\t') {
					t.Fatalf("%q became %q, which keeps %U", s, out, r)
				}
			}
		}
	})
}
