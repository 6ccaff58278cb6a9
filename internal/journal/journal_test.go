package journal

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/userdir"
)

// entry returns a journal entry that started at start.
func entry(session string, start time.Time, outcome Outcome, step int) Entry {
	return Entry{Start: start, End: start.Add(4 * time.Minute), Session: session, Title: "Lower back relief",
		Level: "standard", Outcome: outcome, From: 1, Step: step, StepName: "Cat-cow", Steps: 7,
		Played: 242300 * time.Millisecond, Elapsed: 4 * time.Minute}
}

func TestAppendThenRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "floorcoach", "journal")
	start := time.Date(2026, 11, 3, 18, 2, 11, 0, time.FixedZone("CET", 3600))
	want := []Entry{entry("lower-back", start, Stopped, 3), entry("/home/ana/hips.yaml", start.Add(time.Hour), Finished, 7)}
	want[1].Error = ""
	for _, e := range want {
		if err := Append(path, e); err != nil {
			t.Fatal(err)
		}
	}
	log, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Skipped) != 0 || log.Partial {
		t.Errorf("skipped %v, partial %v", log.Skipped, log.Partial)
	}
	if len(log.Entries) != 2 {
		t.Fatalf("read %d entries, want 2", len(log.Entries))
	}
	for i, got := range log.Entries {
		if !got.Start.Equal(want[i].Start) || !got.End.Equal(want[i].End) {
			t.Errorf("entry %d: times %v %v, want %v %v", i, got.Start, got.End, want[i].Start, want[i].End)
		}
		got.Start, got.End = want[i].Start, want[i].End
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}
	for _, p := range []string{path, filepath.Dir(path)} {
		info, err := os.Stat(p)
		if err != nil || info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: %v, mode %v; want it private to the user", p, err, info.Mode())
		}
	}
}

func TestReadMissingJournal(t *testing.T) {
	log, err := Read(filepath.Join(t.TempDir(), "journal"))
	if err != nil || len(log.Entries)+len(log.Skipped) != 0 {
		t.Errorf("got %+v, %v; want an empty log", log, err)
	}
	if _, err := Read(t.TempDir()); err == nil || !strings.Contains(err.Error(), "is not a file") {
		t.Errorf("a folder as the journal: %v", err)
	}
}

// Titles with control characters, and strings over their limit, are
// written printable and cut on a character boundary.
func TestAppendCleansStrings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal")
	e := entry("lower-back", time.Now(), Finished, 7)
	e.Title = "Back\x1b[2J\nrelief"
	e.StepName = strings.Repeat("é", MaxField) // 2 bytes each
	e.Session = "/" + strings.Repeat("d", 2*MaxPath)
	if err := Append(path, e); err != nil {
		t.Fatal(err)
	}
	log, err := Read(path)
	if err != nil || len(log.Entries) != 1 {
		t.Fatalf("%v %+v", err, log)
	}
	got := log.Entries[0]
	if got.Title != "Back [2J relief" {
		t.Errorf("title %q", got.Title)
	}
	if want := strings.Repeat("é", MaxField/2); got.StepName != want {
		t.Errorf("step name of %d bytes, want %d", len(got.StepName), len(want))
	}
	if len(got.Session) != MaxPath {
		t.Errorf("session of %d bytes, want %d", len(got.Session), MaxPath)
	}
}

func TestStateHome(t *testing.T) {
	for _, tc := range []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"HOME": "/home/ana", "XDG_STATE_HOME": "/xdg/state"}, "/xdg/state"},
		{"linux", map[string]string{"HOME": "/home/ana", "XDG_STATE_HOME": "relative"}, "/home/ana/.local/state"},
		{"freebsd", map[string]string{"HOME": "/home/ana"}, "/home/ana/.local/state"},
		{"darwin", map[string]string{"HOME": "/Users/ana", "XDG_STATE_HOME": "/xdg"}, "/Users/ana/Library/Application Support"},
		{"windows", map[string]string{"LocalAppData": `C:\Users\ana\AppData\Local`}, `C:\Users\ana\AppData\Local`},
		{"linux", map[string]string{}, ""},
		{"windows", map[string]string{}, ""},
	} {
		got, err := userdir.State(tc.goos, func(k string) string { return tc.env[k] })
		if tc.want == "" {
			if err == nil {
				t.Errorf("%s %v: %q, want an error", tc.goos, tc.env, got)
			}
			continue
		}
		if err != nil || filepath.ToSlash(got) != filepath.ToSlash(tc.want) {
			t.Errorf("%s %v: %q, %v; want %q", tc.goos, tc.env, got, err, tc.want)
		}
	}
}

func TestPathFollowsXDGStateHome(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	got, err := Path()
	if want := filepath.Join(dir, "floorcoach", "journal"); err != nil || (got != want && os.PathSeparator == '/') {
		t.Errorf("Path() = %q, %v; want %q", got, err, want)
	}
}
