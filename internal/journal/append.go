package journal

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Append adds e to the journal at path as one line, creating the file
// and its folder (readable by the user alone) when needed. The line is
// written with one write, under an exclusive lock, so that players ending
// at the same time each add their line whole.
func Append(path string, e Entry) error {
	data, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	data = append(data, '\n')
	if len(data) > MaxLine {
		return fmt.Errorf("journal: an entry of %d bytes, over the limit of %d", len(data), MaxLine)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return fmt.Errorf("journal: %s is not a file", path)
	}
	err = appendLocked(f, data)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("journal: %w", cerr)
	}
	return err
}

// appendLocked writes data at the end of f, holding f's lock.
func appendLocked(f *os.File, data []byte) error {
	if err := lock(f); err != nil {
		return fmt.Errorf("journal: lock %s: %w", f.Name(), err)
	}
	defer unlock(f)
	if !endsLine(f) {
		// A writer died in the middle of a line: start a line of our own.
		data = append([]byte{'\n'}, data...)
	}
	n, err := f.Write(data)
	if err == nil && n < len(data) {
		err = fmt.Errorf("%s: wrote %d of %d bytes", f.Name(), n, len(data))
	}
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}

// endsLine reports whether f is empty or ends with a newline.
func endsLine(f *os.File) bool {
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return true
	}
	last := make([]byte, 1)
	_, err = f.ReadAt(last, info.Size()-1)
	return err != nil || last[0] == '\n'
}
