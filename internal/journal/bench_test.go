package journal

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkAppend appends one session to a journal, lock and all.
func BenchmarkAppend(b *testing.B) {
	path := filepath.Join(b.TempDir(), "journal")
	e := entry("lower-back", time.Now(), Stopped, 3)
	b.ReportAllocs()
	for b.Loop() {
		if err := Append(path, e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadFull reads a journal of MaxRead bytes: the most log and
// --resume ever read.
func BenchmarkReadFull(b *testing.B) {
	path := filepath.Join(b.TempDir(), "journal")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	line, _ := entry("lower-back", time.Now(), Stopped, 3).MarshalJSON()
	line = append(line, '\n')
	n := MaxRead / len(line)
	for i := 0; i < n; i++ {
		f.Write(line)
	}
	f.Close()
	b.ReportAllocs()
	b.SetBytes(int64(n * len(line)))
	for b.Loop() {
		log, err := Read(path)
		if err != nil || len(log.Entries) != n {
			b.Fatal(err, len(log.Entries))
		}
	}
	b.ReportMetric(float64(n), "sessions")
}
