package doctorcmd

import (
	"fmt"
	"strings"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/urfave/cli/v2"
)

// Command returns the doctor command.
func Command() *cli.Command {
	return &cli.Command{
		Name:  "doctor",
		Usage: "check what playing needs, and say how to fix what does not work",
		Description: "Checks, one line each, with the fix where one fails:\n\n" +
			"   sound       the sound server (PulseAudio or PipeWire), its version and default\n" +
			"               sink, and how soon sound starts: it plays 200 ms of silence\n" +
			"   media keys  the desktop's session bus, where headset and media keys reach players\n" +
			"   voice       each voice pack: how many lines, and clips that cannot be read\n" +
			"   tts         the text-to-speech commands that 'clips make' can use\n" +
			"   sessions    the folders of your own scripts\n" +
			"   cache       the cache of decoded clips, and how much of it is stale\n\n" +
			"Exit status 0 when play would work (problems with media keys, your own voice\n" +
			"packs, TTS commands or folders are warnings), 1 when it would not.\n\n" +
			"Examples:\n" +
			"   floorcoach doctor\n" +
			"   floorcoach doctor --prune      # also empty the cache of stale entries",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "prune", Usage: "remove the cache's stale entries (of clips changed or gone, or of older versions)"},
		},
		Action: runDoctor,
	}
}

// health is how a check came out.
type health int

const (
	ok health = iota
	warn
	fail // play would not work
)

func (h health) String() string { return [...]string{"ok  ", "warn", "FAIL"}[h] }

// finding is the outcome of one check: one line, and the fix if it failed.
type finding struct {
	health health
	name   string
	text   string
	fix    string
}

func (f finding) String() string {
	s := fmt.Sprintf("%s  %-10s %s", f.health, f.name, f.text)
	if f.fix != "" {
		s += "; fix: " + f.fix
	}
	return termtext.Line(s)
}

func runDoctor(c *cli.Context) (err error) {
	defer cliapp.Recovered(&err)
	if c.NArg() > 0 {
		return cliapp.Usagef("doctor takes no arguments, got %q", c.Args().Slice())
	}
	worst := ok
	report := func(f finding) {
		fmt.Fprintln(c.App.Writer, f)
		worst = max(worst, f.health)
	}
	report(checkSound())
	report(checkMediaKeys())
	voices := checkVoices(report)
	report(checkTTS())
	for _, f := range checkSessions() {
		report(f)
	}
	report(checkCache(voices, c.Bool("prune")))
	if worst == fail {
		return cli.Exit("play would not work: see the FAIL lines above", cliapp.ExitFail)
	}
	return nil
}

// megabytes formats a size in bytes for people.
func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MB"
}
