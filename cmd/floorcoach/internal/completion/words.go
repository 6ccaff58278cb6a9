package completion

import (
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
)

// HiddenCommand is the hidden command the completion scripts run:
//
//	floorcoach __complete WORD... CURRENT
//
// with the words typed after "floorcoach", the last being the one under
// the cursor (perhaps ""). It prints what the shell should also offer
// from the file system (none, files, scripts: .yaml files and folders, or
// folders), then one candidate a line, a tab and its description after it.
// It always exits 0 and prints nothing on stderr: a Tab never shows an
// error.
const HiddenCommand = "__complete"

// What the shell should offer from the file system, beside the candidates.
const (
	noFiles    = "none"
	anyFiles   = "files"
	scriptFile = "scripts"
	folders    = "folders"
)

// completion is what may come where the cursor is.
type completion struct {
	files string
	cands []candidate
}

// candidate is one word to offer, with what it is.
type candidate struct{ value, desc string }

// Complete prints the completion for words.
func Complete(app *cli.App, words []string, w io.Writer) {
	if len(words) == 0 {
		words = []string{""}
	}
	cur := words[len(words)-1]
	c := complete(app, parseLine(app, words[:len(words)-1]), cur)
	if c.files == "" {
		c.files = noFiles
	}
	var b strings.Builder
	b.WriteString(c.files + "\n")
	for _, k := range c.cands {
		if !strings.HasPrefix(k.value, cur) || k.value == "" {
			continue
		}
		b.WriteString(termtext.Line(k.value))
		if k.desc != "" {
			b.WriteString("\t" + cut(termtext.Line(k.desc), 70))
		}
		b.WriteString("\n")
	}
	io.WriteString(w, b.String())
}

// cmdline is what the words before the cursor say.
type cmdline struct {
	cmd     *cli.Command      // the innermost command named; nil at the top
	help    bool              // "floorcoach help": command names come next
	args    []string          // the positional arguments given to cmd
	given   map[string]string // the flags given, by long name, with their values
	pending cli.Flag          // the last word is a flag whose value comes next
	dashes  bool              // "--" was given: no more flags
}

// parseLine reads the words before the cursor.
func parseLine(app *cli.App, words []string) *cmdline {
	l := &cmdline{given: map[string]string{}}
	for _, w := range words {
		switch {
		case l.pending != nil:
			l.given[l.pending.Names()[0]] = w
			l.pending = nil
		case w == "--" && !l.dashes:
			l.dashes = true
		case strings.HasPrefix(w, "-") && w != "-" && !l.dashes:
			l.flag(w)
		case l.cmd == nil && !l.help && w == "help":
			l.help = true
		case len(l.args) == 0 && !l.help && cliapp.FindCommand(l.commands(app), w) != nil:
			l.cmd = cliapp.FindCommand(l.commands(app), w)
		default:
			l.args = append(l.args, w)
		}
	}
	return l
}

// flag notes the flag word w ("--level", "--level=full", "-o").
func (l *cmdline) flag(w string) {
	name, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
	f := l.lookup(name)
	if f == nil {
		return
	}
	if !hasValue && cliapp.TakesValue(l.flags(), "--"+name) {
		l.pending = f
		return
	}
	l.given[f.Names()[0]] = value
}

// commands returns the commands that may be named next.
func (l *cmdline) commands(app *cli.App) []*cli.Command {
	if l.cmd == nil {
		return app.Commands
	}
	return l.cmd.Subcommands
}

// flags returns the flags of the command named, or the app's own.
func (l *cmdline) flags() []cli.Flag {
	if l.cmd == nil {
		return []cli.Flag{cli.HelpFlag, cli.VersionFlag}
	}
	return append(l.cmd.VisibleFlags(), cli.HelpFlag)
}

// lookup returns the flag called name (long or short), or nil.
func (l *cmdline) lookup(name string) cli.Flag {
	for _, f := range l.flags() {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

// complete returns what may come at the cursor, where the word cur is.
func complete(app *cli.App, l *cmdline, cur string) completion {
	if l.pending != nil {
		return flagValues(l.pending, l)
	}
	if l.dashes || !strings.HasPrefix(cur, "-") {
		return arguments(app, l)
	}
	if name, _, ok := strings.Cut(strings.TrimLeft(cur, "-"), "="); ok && strings.HasPrefix(cur, "--") {
		if f := l.lookup(name); f != nil {
			c := flagValues(f, l)
			for i := range c.cands {
				c.cands[i].value = "--" + name + "=" + c.cands[i].value
			}
			return c
		}
		return completion{}
	}
	return flagNames(l)
}

// flagNames offers the long names of the flags not given yet.
func flagNames(l *cmdline) completion {
	var c completion
	for _, f := range l.flags() {
		name := f.Names()[0]
		if _, given := l.given[name]; given && !repeatable(f) {
			continue
		}
		usage := ""
		if d, ok := f.(cli.DocGenerationFlag); ok {
			_, usage = cliapp.Unquote(d.GetUsage())
		}
		c.cands = append(c.cands, candidate{"--" + name, usage})
	}
	return c
}

// repeatable reports whether a flag may be given more than once.
func repeatable(f cli.Flag) bool {
	switch f.(type) {
	case *cli.StringSliceFlag, *cli.IntSliceFlag, *cli.Float64SliceFlag:
		return true
	}
	return false
}

// arguments offers what may come as a positional argument: the commands
// at the top or under a command with subcommands, else what the
// command's ArgsUsage names at this place.
func arguments(app *cli.App, l *cmdline) completion {
	var c completion
	switch {
	case l.help && len(l.args) == 0:
		c.cands = commandNames(app.Commands)
	case l.help:
		// help takes one command
	case l.cmd == nil && len(l.args) > 0:
		// an unknown command: nothing fits after it
	case l.cmd == nil:
		c.cands = append(commandNames(app.Commands), candidate{"help", "explain a command"})
	case len(l.cmd.Subcommands) > 0:
		c.cands = commandNames(l.cmd.Subcommands)
	default:
		return argValues(argAt(l.cmd.ArgsUsage, len(l.args)), l)
	}
	return c
}

// commandNames offers the names of the visible commands, aliases aside.
func commandNames(cmds []*cli.Command) []candidate {
	var out []candidate
	for _, c := range cmds {
		if !c.Hidden && c.Name != "help" {
			out = append(out, candidate{c.Name, c.Usage})
		}
	}
	return out
}

// argAt returns the name of positional argument i in a command's
// ArgsUsage ("SESSION FOLDER", "FILE...", "[NAME]", "bash|zsh|fish"),
// without brackets; the last one repeats when it ends with "...".
func argAt(usage string, i int) string {
	names := strings.Fields(usage)
	if len(names) == 0 {
		return ""
	}
	if i >= len(names) {
		last := names[len(names)-1]
		if !strings.HasSuffix(strings.TrimRight(last, "]"), "...") {
			return ""
		}
		i = len(names) - 1
	}
	return strings.Trim(names[i], "[].")
}

// cut shortens s to at most n characters, at a word if it can.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	s = string(r[:n-1])
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, " ,;:") + "…"
}
