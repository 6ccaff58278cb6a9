package journal_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/floorcoach/floorcoach/internal/journal"
)

func Example() {
	dir, _ := os.MkdirTemp("", "journal")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "journal")

	start := time.Date(2026, 11, 3, 18, 2, 11, 0, time.FixedZone("", 3600))
	journal.Append(path, journal.Entry{
		Start: start, End: start.Add(269 * time.Second), Session: "lower-back", Title: "Lower back relief",
		Level: "standard", Outcome: journal.Stopped, From: 1, Step: 3, StepName: "Cat-cow", Steps: 7,
		Played: 242300 * time.Millisecond, Elapsed: 269 * time.Second,
	})
	data, _ := os.ReadFile(path)
	fmt.Print(string(data))

	log, _ := journal.Read(path)
	last, _ := journal.Last(log.Entries, "lower-back")
	fmt.Printf("%s at step %d of %d (%s) after %v\n", last.Outcome, last.Step, last.Steps, last.StepName, last.Played)
	// Output:
	// {"start":"2026-11-03T18:02:11+01:00","end":"2026-11-03T18:06:40+01:00","session":"lower-back","title":"Lower back relief","level":"standard","outcome":"stopped","from":1,"step":3,"step_name":"Cat-cow","steps":7,"played_s":242.3,"elapsed_s":269}
	// stopped at step 3 of 7 (Cat-cow) after 4m2.3s
}
