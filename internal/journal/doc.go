// Package journal keeps the record of practice: one line per session
// played, finished or not, in a file of the user's state folder.
//
// # Where
//
// Path returns floorcoach/journal in the user's state folder:
// $XDG_STATE_HOME (when it is an absolute path), else ~/.local/state, on
// Linux and other Unix systems; ~/Library/Application Support on macOS;
// %LocalAppData% on Windows.
//
// # Format
//
// The journal is JSON Lines: one object per line, one line per session,
// in the order the sessions ended. A finished session and one stopped at
// its third step:
//
//	{"start":"2026-11-02T07:30:05+01:00","end":"2026-11-02T07:44:31+01:00","session":"lower-back","title":"Lower back relief","level":"standard","outcome":"finished","from":1,"step":7,"step_name":"Child's pose","steps":7,"played_s":856.1,"elapsed_s":866}
//	{"start":"2026-11-03T18:02:11+01:00","end":"2026-11-03T18:06:40+01:00","session":"/home/ana/hips.yaml","title":"Hips","level":"gentle","outcome":"stopped","from":1,"step":3,"step_name":"Pigeon","steps":5,"played_s":242.3,"elapsed_s":269}
//
// session is the name of a built-in session or the absolute path of the
// script; outcome is finished, stopped (by the user) or failed (the sound
// output was lost; error says why); step is the step (1 to steps) the
// session ended in, or was about to begin, and 0 when it was stopped in
// the closing words; played_s is how much of the session was heard,
// elapsed_s the wall-clock time from start to end, pauses included.
// Readers ignore fields they do not know, so later versions may add some.
//
// # Safety
//
// Append writes each line with a single write to the file opened with
// O_APPEND, under an exclusive lock (flock on Unix), so two players ending
// at once both get their line, whole. If an earlier writer died in the
// middle of a line, the next line starts on a line of its own. Read skips
// a line that is not a journal entry, and reports it, keeping every other.
//
// # Limits
//
// Strings are cut to MaxField bytes when written (paths to MaxPath), so a
// line never exceeds MaxLine. Read reads at most the last MaxRead bytes
// (4 MiB, some 17,000 sessions: decades of daily practice) and says so
// when the journal is longer; it never allocates more than that.
package journal
