package manpage

import (
	"fmt"
	"strings"
)

// roff writes a manual page in the man macros. Text goes through escape,
// so that nothing in it is taken for a request or an escape.
type roff struct{ strings.Builder }

// line writes one line of roff as it is.
func (r *roff) line(s string) { r.WriteString(s + "\n") }

func (r *roff) section(title string) { r.line(".SH " + quote(title)) }

// text writes filled text, a line of input for each line of s.
func (r *roff) text(s string) {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			r.line(Escape(l, false))
		}
	}
}

// prose writes text laid out as the commands' descriptions are: blank
// lines part paragraphs; lines indented by spaces are shown as they are
// (examples, tables), other lines are filled.
func (r *roff) prose(s string) {
	for _, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		lines := strings.Split(para, "\n")
		r.line(".PP")
		for len(lines) > 0 {
			n := 0
			for n < len(lines) && strings.HasPrefix(lines[n], " ") {
				n++
			}
			if n > 0 {
				r.literal(lines[:n])
				lines = lines[n:]
				continue
			}
			r.text(lines[0])
			lines = lines[1:]
		}
	}
}

// literal writes lines as they are, in a fixed-width font, indented.
func (r *roff) literal(lines []string) {
	indent := len(lines[0])
	for _, l := range lines {
		indent = min(indent, len(l)-len(strings.TrimLeft(l, " ")))
	}
	r.line(".RS 4")
	r.line(".EX")
	for _, l := range lines {
		r.line(Escape(l[indent:], true))
	}
	r.line(".EE")
	r.line(".RE")
}

// Escape makes s roff text: backslashes and characters beyond ASCII as
// escapes, and a line never starting with a control character. In
// literal text (commands, file names) every hyphen is a minus, which is
// what can be typed, and quotes are straight; in prose, only a hyphen that
// starts a word (an option) is.
func Escape(s string, literal bool) string {
	var b strings.Builder
	prev := ' '
	for _, c := range s {
		switch {
		case c == '\\':
			b.WriteString(`\e`)
		case c == '-' && (literal || prev == ' ' || prev == '-' || prev == '[' || prev == '('):
			b.WriteString(`\-`)
		case c == '\'' && literal:
			b.WriteString(`\(aq`)
		case c == '`':
			b.WriteString(`\(ga`)
		case c == '\t':
			b.WriteString("        ")
		case c < ' ' || c == 0x7f:
			b.WriteString(" ")
		case c > '~':
			fmt.Fprintf(&b, `\[u%04X]`, c)
		default:
			b.WriteRune(c)
		}
		prev = c
	}
	out := b.String()
	if strings.HasPrefix(out, ".") || strings.HasPrefix(out, "'") {
		out = `\&` + out
	}
	return out
}

// quote makes s one argument of a request.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\(dq`) + `"` }
