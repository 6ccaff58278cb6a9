package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/logcmd"
	"github.com/floorcoach/floorcoach/internal/journal"
)

// logJSON is what log --json prints.
type logJSON = logcmd.JSON

// csvColumns is the header log --csv writes.
const csvColumns = "date,time,session,title,level,outcome,from,step,steps,step_name,played_s,elapsed_s,start,end,error"

// useJournal gives the test a state folder of its own, with a journal
// holding entries, and returns the journal's path.
func useJournal(t *testing.T, entries ...journal.Entry) string {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	path, err := journal.Path()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := journal.Append(path, e); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// played returns a journal entry of lower-back that started at start.
func played(start time.Time, outcome journal.Outcome, step int, name string) journal.Entry {
	return journal.Entry{Start: start, End: start.Add(5 * time.Minute), Session: "lower-back", Title: "Lower back relief",
		Level: "standard", Outcome: outcome, From: 1, Step: step, StepName: name, Steps: 7,
		Played: 4*time.Minute + 2*time.Second, Elapsed: 5 * time.Minute}
}

func atLevel(e journal.Entry, level string) journal.Entry {
	e.Level = level
	return e
}

// practiceDays returns a finished session a minute ago, one stopped at
// step 3 yesterday, and one four days ago: a streak of 2 days.
func practiceDays() []journal.Entry {
	now := time.Now()
	return []journal.Entry{
		played(now.AddDate(0, 0, -4), journal.Finished, 7, "Child's pose"),
		played(now.AddDate(0, 0, -1), journal.Stopped, 3, "Cat-cow"),
		played(now.Add(-time.Minute), journal.Finished, 7, "Child's pose"),
	}
}

// thisWeek counts the entries that started since Monday, and those of
// them that were finished.
func thisWeek(es []journal.Entry) (n, finished int) {
	now := time.Now()
	y, m, d := now.Date()
	monday := time.Date(y, m, d-(int(now.Weekday())+6)%7, 0, 0, 0, 0, time.Local)
	for _, e := range es {
		if !e.Start.Before(monday) {
			n++
			if e.Outcome == journal.Finished {
				finished++
			}
		}
	}
	return n, finished
}

func TestLogShowsSessionsWeekAndStreak(t *testing.T) {
	es := practiceDays()
	useJournal(t, es...)
	code, out, stderr := runApp(t, "log")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], "WHEN") {
		t.Fatalf("log printed:\n%s", out)
	}
	for i, want := range []string{"finished", "stopped at step 3 of 7 (Cat-cow)", "finished"} {
		row := lines[i+1]
		if !strings.Contains(row, es[i].Start.Format("Mon 2006-01-02 15:04")) || !strings.Contains(row, "lower-back") ||
			!strings.Contains(row, "standard") || !strings.Contains(row, " 4:02 ") || !strings.HasSuffix(row, want) {
			t.Errorf("row %d: %q, want its time, lower-back, standard, 4:02 and %q", i+1, row, want)
		}
	}
	week, finished := thisWeek(es)
	sessions := fmt.Sprintf("%d sessions", week)
	if week == 1 {
		sessions = "1 session"
	}
	if want := fmt.Sprintf("This week: %s, %d finished. Streak: 2 days.", sessions, finished); lines[5] != want {
		t.Errorf("totals %q, want %q", lines[5], want)
	}
}

func TestLogEmpty(t *testing.T) {
	path := useJournal(t)
	code, out, _ := runApp(t, "log")
	if want := "No sessions yet: every 'floorcoach play' is written to the journal, " + path + ".\n"; code != 0 || out != want {
		t.Errorf("exit %d, %q; want %q", code, out, want)
	}
	code, out, _ = runApp(t, "log", "--json")
	var v logJSON
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Sessions == nil || len(v.Sessions) != 0 {
		t.Errorf("log --json of no sessions: exit %d, %q", code, out)
	}
}

func TestLogJSON(t *testing.T) {
	es := practiceDays()
	useJournal(t, es...)
	code, out, _ := runApp(t, "log", "--json")
	var v struct {
		ThisWeek   int              `json:"this_week"`
		StreakDays int              `json:"streak_days"`
		Sessions   []map[string]any `json:"sessions"`
	}
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if week, _ := thisWeek(es); v.ThisWeek != week || v.StreakDays != 2 || len(v.Sessions) != 3 {
		t.Errorf("this_week %d, streak_days %d, %d sessions; want %d, 2, 3", v.ThisWeek, v.StreakDays, len(v.Sessions), week)
	}
	s := v.Sessions[1]
	if s["outcome"] != "stopped" || s["step"] != 3.0 || s["step_name"] != "Cat-cow" || s["played_s"] != 242.0 || s["session"] != "lower-back" {
		t.Errorf("the stopped session: %v", s)
	}
}

func TestLogCSV(t *testing.T) {
	es := practiceDays()
	es[0].Title = "=HYPERLINK(\"x\")"
	useJournal(t, es...)
	code, out, _ := runApp(t, "log", "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 4 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if strings.Join(rows[0], ",") != csvColumns {
		t.Errorf("header %q", rows[0])
	}
	row := map[string]string{}
	for i, name := range rows[0] {
		row[name] = rows[2][i]
	}
	start := es[1].Start.Local()
	if row["date"] != start.Format("2006-01-02") || row["time"] != start.Format("15:04") || row["outcome"] != "stopped" ||
		row["step"] != "3" || row["steps"] != "7" || row["step_name"] != "Cat-cow" || row["played_s"] != "242.0" {
		t.Errorf("row %v", row)
	}
	if title := rows[1][3]; title != "'=HYPERLINK(\"x\")" {
		t.Errorf("a title that a spreadsheet would run: %q", title)
	}
}

func TestLogLastAndSince(t *testing.T) {
	es := practiceDays()
	useJournal(t, es...)
	_, out, _ := runApp(t, "log", "--last", "1")
	if strings.Count(out, "lower-back") != 1 || !strings.Contains(out, es[2].Start.Format("15:04")) {
		t.Errorf("--last 1:\n%s", out)
	}
	_, out, _ = runApp(t, "log", "--json", "--since", es[1].Start.Format("2006-01-02"))
	var v logJSON
	json.Unmarshal([]byte(out), &v)
	if len(v.Sessions) != 2 {
		t.Errorf("--since yesterday: %d sessions, want 2", len(v.Sessions))
	}
}

// A damaged line is skipped with a warning that names it; the rest shows.
func TestLogSkipsADamagedLine(t *testing.T) {
	es := practiceDays()
	path := useJournal(t, es[0])
	f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString("{\"start\": \"yesterday\"}\n\x00\x00\x00\n")
	f.Close()
	journal.Append(path, es[1])
	code, out, stderr := runApp(t, "log")
	if code != 0 || strings.Count(out, "lower-back") != 2 {
		t.Errorf("exit %d:\n%s", code, out)
	}
	want := "floorcoach: warning: " + path + ":2: not a journal entry: parsing time"
	if !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, path+":3: not a journal entry") || strings.Count(stderr, "\n") != 2 {
		t.Errorf("stderr %q, want it to start %q, and a line for line 3", stderr, want)
	}
}

func TestLogUsage(t *testing.T) {
	useJournal(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"log", "--json", "--csv"}, "floorcoach: log: --json or --csv, not both"},
		{[]string{"log", "--last", "0"}, "floorcoach: --last 0: want 1 or more sessions"},
		{[]string{"log", "--since", "31/10/2026"}, `floorcoach: --since "31/10/2026": want a date as 2026-10-31`},
		{[]string{"log", "lower-back"}, `floorcoach: log: takes no arguments, got ["lower-back"]`},
	} {
		code, _, stderr := runApp(t, tc.args...)
		if code != exitUsage || !strings.HasPrefix(stderr, tc.want+"\n") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// --resume decides where to start from the journal, and says why when it
// is the beginning. (No sound output here: play fails just after.)
func TestResumeDecides(t *testing.T) {
	t.Setenv("PULSE_SERVER", "unix:/nonexistent")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	script := tempFile(t, "s.yaml", shortScript)
	abs, _ := filepath.Abs(script)
	at := time.Date(2026, 11, 3, 18, 2, 0, 0, time.Local)
	entry := func(outcome journal.Outcome, step int) journal.Entry {
		e := played(at, outcome, step, "Pelvic tilt")
		e.Session, e.Steps = abs, 2
		return e
	}
	other := played(at.Add(time.Hour), journal.Stopped, 1, "Knee hug") // lower-back, not this script
	for _, tc := range []struct {
		name    string
		entries []journal.Entry
		want    string
	}{
		{"never played", []journal.Entry{other}, `--resume: "Quick demo" is not in the journal yet; starting at the beginning`},
		{"stopped", []journal.Entry{entry(journal.Stopped, 2), other}, `resuming "Quick demo" at step 2 of 2 (Pelvic tilt), level standard, where it stopped on Tue 2026-11-03 18:02`},
		{"stopped at another level", []journal.Entry{atLevel(entry(journal.Stopped, 2), "full")}, `resuming "Quick demo" at step 2 of 2 (Pelvic tilt), level full, where it stopped on`},
		{"a level the journal should not hold", []journal.Entry{atLevel(entry(journal.Stopped, 2), "extreme")}, `resuming "Quick demo" at step 2 of 2 (Pelvic tilt), level standard, where it stopped on`},
		{"failed", []journal.Entry{entry(journal.Failed, 1)}, `resuming "Quick demo" at step 1 of 2 (Knee hug), level standard, where it failed on`},
		{"finished", []journal.Entry{entry(journal.Stopped, 2), entry(journal.Finished, 2)}, `--resume: "Quick demo" was finished last time (Tue 2026-11-03 18:02); starting at the beginning`},
		{"closing words", []journal.Entry{entry(journal.Stopped, 0)}, `--resume: "Quick demo" was stopped in its closing words last time`},
		{"script changed", []journal.Entry{entry(journal.Stopped, 5)}, `--resume: "Quick demo" stopped at step 5 last time, but now has 2 steps; starting at the beginning`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			useJournal(t, tc.entries...)
			_, _, stderr := runApp(t, "play", script, "--resume")
			if !strings.HasPrefix(stderr, "floorcoach: "+tc.want) {
				t.Errorf("stderr %q, want it to start %q", stderr, tc.want)
			}
		})
	}
	useJournal(t, atLevel(entry(journal.Stopped, 2), "full"))
	if _, _, stderr := runApp(t, "play", script, "--resume", "--level", "gentle"); !strings.Contains(stderr, ", level gentle, ") {
		t.Errorf("--resume --level gentle: stderr %q, want the level asked for", stderr)
	}
	code, _, stderr := runApp(t, "play", script, "--resume", "--from", "2")
	if code != exitUsage || !strings.HasPrefix(stderr, "floorcoach: --resume and --from: give one or the other\n") {
		t.Errorf("--resume --from: exit %d, stderr %q", code, stderr)
	}
}
