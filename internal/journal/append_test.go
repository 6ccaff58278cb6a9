package journal

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

const (
	writers    = 4  // processes
	goroutines = 8  // in each process, each opening the journal itself
	perWriter  = 40 // entries each goroutine appends
)

// Players writing at the same time lose nothing: every line of every
// writer is there, whole, and none is mangled.
func TestConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal")
	procs := make([]*exec.Cmd, writers)
	for p := range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
		cmd.Env = append(os.Environ(), "JOURNAL_TEST_WRITER="+strconv.Itoa(p), "JOURNAL_TEST_PATH="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs[p] = cmd
	}
	for p, cmd := range procs {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer %d: %v", p, err)
		}
	}
	log, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Skipped) > 0 {
		t.Errorf("%d mangled lines, the first: %v", len(log.Skipped), log.Skipped[0])
	}
	seen := map[string]bool{}
	for _, e := range log.Entries {
		if seen[e.Session] {
			t.Errorf("%s written twice", e.Session)
		}
		seen[e.Session] = true
	}
	if want := writers * goroutines * perWriter; len(seen) != want {
		t.Errorf("%d distinct entries, want %d", len(seen), want)
	}
}

// TestHelperWriter is one writing process of TestConcurrentWriters.
func TestHelperWriter(t *testing.T) {
	p := os.Getenv("JOURNAL_TEST_WRITER")
	if p == "" {
		t.Skip("a helper of TestConcurrentWriters")
	}
	path := os.Getenv("JOURNAL_TEST_PATH")
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range perWriter {
				e := entry(fmt.Sprintf("w%s-%d-%d", p, g, i), time.Now(), Finished, 7)
				if err := Append(path, e); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}
