package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/floorcoach/floorcoach/internal/safefile"
)

// Log is what Read found in a journal.
type Log struct {
	Entries []Entry      // in the order they were written
	Skipped []*LineError // lines that are not journal entries
	Partial bool         // the journal is longer than MaxRead: only its end was read
}

// LineError is a line of the journal that is not an entry. Line is its
// number, 1-based, when the whole journal was read; otherwise 0, and
// Offset is where it starts.
type LineError struct {
	Path   string
	Line   int
	Offset int64
	Err    error
}

func (e *LineError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: not a journal entry: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: at byte %d: not a journal entry: %v", e.Path, e.Offset, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// Read reads the journal at path: every entry in its last MaxRead bytes.
// A journal that does not exist yet is empty. A line that is not an entry
// is skipped and reported in Log.Skipped; only a journal that cannot be
// read at all is an error.
func Read(path string) (*Log, error) {
	f, err := safefile.OpenRegular(path) // a named pipe would make os.Open wait for ever
	if errors.Is(err, fs.ErrNotExist) {
		return &Log{}, nil
	}
	if errors.Is(err, safefile.ErrNotRegular) {
		return nil, fmt.Errorf("journal: %s is not a file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("journal: %s is not a file", path)
	}
	// From one byte before the last MaxRead, to know whether they begin
	// with a whole line.
	var start int64
	if info.Size() > MaxRead {
		start = info.Size() - MaxRead - 1
	}
	data, err := io.ReadAll(io.NewSectionReader(f, start, MaxRead+1))
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	return parse(path, data, start), nil
}

// parse reads the lines of data, which starts at byte start of the
// journal; when that is not the beginning, data up to its first newline is
// the end of a line that was not read whole, and is dropped.
func parse(path string, data []byte, start int64) *Log {
	log := &Log{Partial: start > 0}
	off := start
	if start > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return log
		}
		data, off = data[i+1:], off+int64(i+1)
	}
	for n := 1; len(data) > 0; n++ {
		raw, rest, _ := bytes.Cut(data, []byte{'\n'})
		if len(bytes.TrimSpace(raw)) > 0 {
			if e, err := decode(raw); err != nil {
				le := &LineError{Path: path, Offset: off, Err: err}
				if !log.Partial {
					le.Line = n
				}
				log.Skipped = append(log.Skipped, le)
			} else {
				log.Entries = append(log.Entries, e)
			}
		}
		off += int64(len(raw) + 1)
		data = rest
	}
	return log
}

// decode returns the entry a line holds.
func decode(raw []byte) (Entry, error) {
	if len(raw) > MaxLine {
		return Entry{}, fmt.Errorf("a line of %d bytes, over the limit of %d", len(raw), MaxLine)
	}
	var e Entry
	err := json.Unmarshal(raw, &e)
	return e, err
}
