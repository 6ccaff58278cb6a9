package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A line that is not an entry is skipped, with its line number, and every
// other line is kept.
func TestReadSkipsBadLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal")
	t0 := time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC)
	for i := range 3 {
		if err := Append(path, entry("lower-back", t0.Add(time.Duration(i)*time.Hour), Finished, 7)); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(data), "\n")
	bad := []string{
		"not json at all\n",
		`{"start":"2026-11-03T09:00:00Z","session":"demo","outcome":"abandoned"}` + "\n",
		`{"session":"demo","outcome":"finished"}` + "\n",
		"\n", // blank lines are no mistake
		`{"start":"2026-11-03T09:00:00Z","session":"demo","outcome":"finished","played_s":-5}` + "\n",
		lines[1][:40] + "\n", // cut short
		strings.Repeat("x", MaxLine+1) + "\n",
	}
	body := lines[0] + strings.Join(bad, "") + lines[1] + lines[2]
	os.WriteFile(path, []byte(body), 0o600)
	log, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Entries) != 3 {
		t.Errorf("kept %d entries, want 3", len(log.Entries))
	}
	want := []string{
		path + ":2: not a journal entry: invalid character 'o' in literal null (expecting 'u')",
		path + `:3: not a journal entry: outcome "abandoned" (want finished, stopped or failed)`,
		path + ":4: not a journal entry: no start time",
		path + ":6: not a journal entry: a negative step or time",
		path + ":7: not a journal entry: unexpected end of JSON input",
		path + fmt.Sprintf(":8: not a journal entry: a line of %d bytes, over the limit of %d", MaxLine+1, MaxLine),
	}
	var got []string
	for _, e := range log.Skipped {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A writer that died mid-line costs that line only: the next entry starts
// a line of its own.
func TestAppendAfterATornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal")
	t0 := time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC)
	Append(path, entry("lower-back", t0, Finished, 7))
	f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"start":"2026-11-03T09:00:00Z","sess`)
	f.Close()
	if err := Append(path, entry("demo", t0.Add(2*time.Hour), Stopped, 2)); err != nil {
		t.Fatal(err)
	}
	log, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Entries) != 2 || log.Entries[1].Session != "demo" {
		t.Errorf("entries %+v, want lower-back then demo", log.Entries)
	}
	if len(log.Skipped) != 1 || log.Skipped[0].Line != 2 {
		t.Errorf("skipped %v, want line 2", log.Skipped)
	}
}

// A journal longer than MaxRead is read from its last MaxRead bytes, with
// memory to match, and the line cut at the start is dropped in silence.
func TestReadIsBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// 1 GiB of one long line (a hole: it takes no disk), then one entry.
	if err := f.Truncate(1 << 30); err != nil {
		t.Skipf("no sparse file here: %v", err)
	}
	f.Close()
	want := entry("lower-back", time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC), Stopped, 3)
	if err := Append(path, want); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	log, err := Read(path)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if !log.Partial || len(log.Entries) != 1 || log.Entries[0].Step != 3 || len(log.Skipped) != 0 {
		t.Errorf("partial %v, %d entries, skipped %v; want the one entry at the end", log.Partial, len(log.Entries), log.Skipped)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 3*MaxRead {
		t.Errorf("allocated %d MiB to read the journal, want at most %d", alloc>>20, 3*MaxRead>>20)
	}
	// Cut in the middle of an entry, the rest of it is dropped, not
	// reported; cut between two, every entry read is kept.
	for _, size := range []int{256, 200} { // 4 MiB is a multiple of the first, not of the second
		title := strings.Repeat("a", size-len(`{"start":"2026-11-03T08:00:00Z","session":"demo","outcome":"finished","title":""}`+"\n"))
		line := `{"start":"2026-11-03T08:00:00Z","session":"demo","outcome":"finished","title":"` + title + "\"}\n"
		big := filepath.Join(t.TempDir(), "journal")
		os.WriteFile(big, []byte(strings.Repeat(line, MaxRead/len(line)+2)), 0o600)
		log, err = Read(big)
		if err != nil || !log.Partial || len(log.Skipped) != 0 || len(log.Entries) != MaxRead/len(line) {
			t.Errorf("lines of %d bytes: err %v, partial %v, %d skipped, %d entries; want %d",
				len(line), err, log.Partial, len(log.Skipped), len(log.Entries), MaxRead/len(line))
		}
	}
}

func TestLineErrorUnwraps(t *testing.T) {
	e := &LineError{Path: "j", Offset: 12, Err: os.ErrInvalid}
	if !errors.Is(e, os.ErrInvalid) || e.Error() != "j: at byte 12: not a journal entry: invalid argument" {
		t.Errorf("%v", e)
	}
}
