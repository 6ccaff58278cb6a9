package logcmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/floorcoach/floorcoach/internal/journal"
	"github.com/floorcoach/floorcoach/internal/termtext"
)

// writeLogText prints the sessions as a table, then this week's count and
// the streak, which count every session of the journal (all):
//
//	WHEN                  SESSION     LEVEL     PLAYED  HOW
//	Mon 2026-11-02 07:30  lower-back  standard  14:16   finished
//	Tue 2026-11-03 18:02  lower-back  standard   4:02   stopped at step 3 of 7 (Cat-cow)
//
//	This week: 2 sessions, 1 finished. Streak: 2 days.
func writeLogText(w io.Writer, entries, all []journal.Entry, now time.Time, path string) error {
	if len(all) == 0 {
		_, err := fmt.Fprintf(w, "No sessions yet: every 'floorcoach play' is written to the journal, %s.\n", termtext.Line(path))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tSESSION\tLEVEL\tPLAYED\tHOW")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%5s\t%s\n", e.Start.In(now.Location()).Format("Mon 2006-01-02 15:04"),
			termtext.Line(sessionName(e.Session)), termtext.Line(e.Level), clock(e.Played), termtext.Line(how(e)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", totals(all, now))
	return err
}

// how says how a session ended: "finished", "stopped at step 3 of 7
// (Cat-cow)", "failed before step 1 of 7 (Knee hug)".
func how(e journal.Entry) string {
	s := string(e.Outcome)
	if e.Outcome == journal.Finished {
		if e.From > 1 {
			s += fmt.Sprintf(" from step %d", e.From)
		}
		return s
	}
	if e.Step == 0 {
		return s + " in the closing words"
	}
	return s + fmt.Sprintf(" at step %d of %d (%s)", e.Step, e.Steps, e.StepName)
}

// totals is the line under the table.
func totals(all []journal.Entry, now time.Time) string {
	week := journal.ThisWeek(all, now)
	finished := 0
	for _, e := range week {
		if e.Outcome == journal.Finished {
			finished++
		}
	}
	return fmt.Sprintf("This week: %s, %d finished. Streak: %s.",
		plural(len(week), "session"), finished, plural(journal.Streak(all, now), "day"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// clock formats a duration as m:ss, or h:mm:ss from an hour.
func clock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// JSON is what log --json prints. Each session is written as the
// journal holds it.
type JSON struct {
	ThisWeek   int             `json:"this_week"`
	StreakDays int             `json:"streak_days"`
	Sessions   []journal.Entry `json:"sessions"`
}

func writeLogJSON(w io.Writer, entries, all []journal.Entry, now time.Time) error {
	out := JSON{ThisWeek: len(journal.ThisWeek(all, now)), StreakDays: journal.Streak(all, now), Sessions: entries}
	if out.Sessions == nil {
		out.Sessions = []journal.Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// csvHeader names the columns of log --csv.
var csvHeader = []string{"date", "time", "session", "title", "level", "outcome", "from", "step", "steps",
	"step_name", "played_s", "elapsed_s", "start", "end", "error"}

// writeLogCSV prints the sessions as CSV, in local time.
func writeLogCSV(w io.Writer, entries []journal.Entry) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, e := range entries {
		start := e.Start.In(time.Local)
		cw.Write([]string{start.Format(time.DateOnly), start.Format("15:04"),
			cell(sessionName(e.Session)), cell(e.Title), cell(e.Level), string(e.Outcome),
			strconv.Itoa(e.From), strconv.Itoa(e.Step), strconv.Itoa(e.Steps), cell(e.StepName),
			seconds(e.Played), seconds(e.Elapsed),
			start.Format(time.RFC3339), e.End.In(time.Local).Format(time.RFC3339), cell(e.Error)})
	}
	cw.Flush()
	return cw.Error()
}

// cell keeps a text from being taken for a formula by a spreadsheet.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

func seconds(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) }
