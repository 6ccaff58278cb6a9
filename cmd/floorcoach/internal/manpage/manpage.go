package manpage

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/urfave/cli/v2"
)

// Page returns the manual page, floorcoach(1), in roff: the synopsis
// and the commands read from the app itself, so that every command and
// flag appears as --help shows it, and the sections no command holds
// (keys, the script format, files, environment, exit status, examples).
func Page(app *cli.App) string {
	r := &roff{}
	r.line(fmt.Sprintf(`.TH FLOORCOACH 1 "" "floorcoach %s" "User Commands"`, app.Version))
	r.line(".nh") // no hyphens inside names such as FLOORCOACH_PATH
	r.section("NAME")
	r.text("floorcoach - " + app.Usage)
	r.section("SYNOPSIS")
	ForEachCommand(app.Commands, "floorcoach", func(name string, c *cli.Command) { r.synopsis(name, c) })
	r.synopsis("floorcoach", &cli.Command{Flags: []cli.Flag{&cli.BoolFlag{Name: "version"}}})
	r.synopsis("floorcoach help", &cli.Command{ArgsUsage: "[COMMAND]"})
	r.section("DESCRIPTION")
	r.prose(app.Description)
	r.prose("Every command explains itself with --help, and 'floorcoach help COMMAND' " +
		"does the same. This page holds the same text, and what no command holds.")
	r.section("COMMANDS")
	ForEachCommand(app.Commands, "floorcoach", r.command)
	for _, s := range manSections() {
		r.section(s.title)
		s.write(r)
	}
	return r.String()
}

// ForEachCommand calls f on every visible command and subcommand, in
// order, with its full name ("floorcoach clips make").
func ForEachCommand(cmds []*cli.Command, prefix string, f func(name string, c *cli.Command)) {
	for _, c := range cmds {
		if c.Hidden || c.Name == "help" {
			continue
		}
		name := prefix + " " + c.Name
		f(name, c)
		ForEachCommand(c.Subcommands, name, f)
	}
}

// synopsis writes how a command is called: its flags, then its arguments.
func (r *roff) synopsis(name string, c *cli.Command) {
	if len(c.Subcommands) > 0 {
		return // each subcommand has its own
	}
	r.line(".SY " + quote(Escape(name, true)))
	for _, f := range c.VisibleFlags() {
		opt := `\fB` + Escape("--"+f.Names()[0], true) + `\fR`
		if v := placeholder(f); v != "" {
			opt += ` \fI` + Escape(v, true) + `\fR`
		}
		if req, ok := f.(cli.RequiredFlag); !ok || !req.IsRequired() {
			opt = "[" + opt + "]"
		}
		r.line(opt)
	}
	for _, a := range strings.Fields(c.ArgsUsage) {
		r.line(`\fI` + Escape(a, true) + `\fR`)
	}
	r.line(".YS")
}

// command writes a command's section: what it does, its description and
// its flags.
func (r *roff) command(name string, c *cli.Command) {
	r.line(".SS " + quote(Escape(strings.TrimSpace(name+" "+c.ArgsUsage), true)))
	r.prose(sentence(c.Usage))
	r.prose(c.Description)
	for _, f := range c.VisibleFlags() {
		r.line(".TP")
		var short, long []string
		for _, n := range f.Names() {
			if len(n) == 1 {
				short = append(short, `\fB`+Escape("-"+n, true)+`\fR`)
			} else {
				long = append(long, `\fB`+Escape("--"+n, true)+`\fR`)
			}
		}
		names := append(short, long...)
		head := strings.Join(names, ", ")
		if v := placeholder(f); v != "" {
			head += ` \fI` + Escape(v, true) + `\fR`
		}
		r.line(head)
		r.text(sentence(flagUsage(f)))
	}
}

// placeholder returns what a flag's value is called in the manual: the
// placeholder its usage marks, in capitals, else its name in capitals;
// "" for a flag without a value.
func placeholder(f cli.Flag) string {
	d, ok := f.(cli.DocGenerationFlag)
	if !ok || !d.TakesValue() {
		return ""
	}
	p, _ := cliapp.Unquote(d.GetUsage())
	if p == "" || p != strings.ToUpper(p) {
		p = strings.ToUpper(f.Names()[0])
	}
	return p
}

// flagUsage returns a flag's usage with its default, as --help gives it.
func flagUsage(f cli.Flag) string {
	d, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return ""
	}
	_, usage := cliapp.Unquote(d.GetUsage())
	if def := d.GetDefaultText(); d.TakesValue() && def != "" && def != `""` {
		usage += " (default: " + def + ")"
	}
	return usage
}

// sentence makes s a sentence: a capital first, a full stop last.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
