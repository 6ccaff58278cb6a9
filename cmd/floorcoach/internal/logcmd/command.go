package logcmd

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/journal"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// recentSessions is how many sessions log shows when not told.
const recentSessions = 10

func Command() *cli.Command {
	return &cli.Command{
		Name:  "log",
		Usage: "show the sessions you played, this week's count and your streak",
		Description: "Every 'floorcoach play' is written to a journal: when, which session, at\n" +
			"which level, how much was played, and how it ended: finished, or stopped at\n" +
			"which step ('play SESSION --resume' starts there next time). log shows the\n" +
			"last " + fmt.Sprint(recentSessions) + " sessions, how many you played this week (from Monday) and your\n" +
			"streak: the days in a row with a session, up to today (or yesterday, while\n" +
			"today is still ahead of you).\n\n" +
			"--json and --csv print every session, for a spreadsheet or your\n" +
			"physiotherapist. The journal is floorcoach/journal in your state folder\n" +
			"($XDG_STATE_HOME, else ~/.local/state), one JSON line per session; log reads\n" +
			"its last " + fmt.Sprint(journal.MaxRead>>20) + " MiB (some 17,000 sessions), and skips a damaged line with a warning.\n\n" +
			"Examples:\n" +
			"   floorcoach log\n" +
			"   floorcoach log --last 30\n" +
			"   floorcoach log --csv --since 2026-10-01 > practice.csv\n" +
			"   floorcoach log --json",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "last", DefaultText: fmt.Sprintf("%d; with --json or --csv, all", recentSessions),
				Usage: "show the last `N` sessions"},
			&cli.StringFlag{Name: "since", Usage: "only the sessions from this `DATE` on (2026-10-31)"},
			&cli.BoolFlag{Name: "json", Usage: "print the sessions and the totals as JSON"},
			&cli.BoolFlag{Name: "csv", Usage: "print the sessions as CSV, a header line first"},
		},
		Action: runLog,
	}
}

// logQuery is what log was asked to show.
type logQuery struct {
	last  int       // 0: every session
	since time.Time // zero: from the first
}

func runLog(c *cli.Context) error {
	q, err := readLogQuery(c)
	if err != nil {
		return err
	}
	path, err := journal.Path()
	if err != nil {
		return err
	}
	jl, err := journal.Read(path)
	if err != nil {
		return err
	}
	WarnJournal(c, jl)
	entries := q.pick(jl.Entries)
	now := time.Now()
	switch {
	case c.Bool("json"):
		return writeLogJSON(c.App.Writer, entries, jl.Entries, now)
	case c.Bool("csv"):
		return writeLogCSV(c.App.Writer, entries)
	}
	return writeLogText(c.App.Writer, entries, jl.Entries, now, path)
}

// readLogQuery reads log's flags.
func readLogQuery(c *cli.Context) (logQuery, error) {
	var q logQuery
	switch {
	case c.NArg() > 0:
		return q, cliapp.Usagef("log: takes no arguments, got %q", c.Args().Slice())
	case c.Bool("json") && c.Bool("csv"):
		return q, cliapp.Usagef("log: --json or --csv, not both")
	case c.IsSet("last") && c.Int("last") < 1:
		return q, cliapp.Usagef("--last %d: want 1 or more sessions", c.Int("last"))
	}
	q.last = c.Int("last")
	if !c.IsSet("last") && !c.Bool("json") && !c.Bool("csv") {
		q.last = recentSessions
	}
	if s := c.String("since"); s != "" {
		t, err := time.ParseInLocation(time.DateOnly, s, time.Local)
		if err != nil {
			return q, cliapp.Usagef("--since %q: want a date as 2026-10-31", s)
		}
		q.since = t
	}
	return q, nil
}

// pick returns the entries the query asks for, in the order played.
func (q logQuery) pick(all []journal.Entry) []journal.Entry {
	var out []journal.Entry
	for _, e := range all {
		if !e.Start.Before(q.since) {
			out = append(out, e)
		}
	}
	if q.last > 0 && len(out) > q.last {
		out = out[len(out)-q.last:]
	}
	return out
}

// WarnJournal warns of the lines of the journal that were skipped, and
// of a journal too long to read whole.
func WarnJournal(c *cli.Context, jl *journal.Log) {
	w := c.App.ErrWriter
	for i, e := range jl.Skipped {
		if i == 3 {
			fmt.Fprintf(w, "floorcoach: warning: … and %d more damaged lines skipped\n", len(jl.Skipped)-i)
			break
		}
		fmt.Fprintf(w, "floorcoach: warning: %s; skipped\n", cliapp.ErrorLine(e))
	}
	if jl.Partial {
		fmt.Fprintf(w, "floorcoach: note: the journal is longer than %d MiB; only the sessions in its last %d MiB are counted\n",
			journal.MaxRead>>20, journal.MaxRead>>20)
	}
}

// sessionName returns how a session is named to the user: a built-in's
// name, or the name of the script's file.
func sessionName(session string) string {
	if !filepath.IsAbs(session) {
		return session
	}
	return strings.TrimSuffix(filepath.Base(session), filepath.Ext(session))
}

// SessionKey returns the name a session has in the journal: a built-in
// session's name, or the absolute path of the script.
func SessionKey(s *scripts.Session) string {
	for _, n := range scripts.BuiltinNames() {
		if s.File == n {
			return n
		}
	}
	if abs, err := filepath.Abs(s.File); err == nil {
		return abs
	}
	return s.File
}
