package music

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/floorcoach/floorcoach/internal/safefile"
)

// A decoder reads a music file as stereo frames at the file's own rate.
type decoder interface {
	// Read fills l and r (as long as each other) with the next frames and
	// returns how many; io.EOF after the last.
	Read(l, r []float32) (int, error)
	// Seek makes frame the next frame Read returns.
	SeekFrame(frame int64) error
	Rate() int
	Channels() int
	Len() int64 // frames
	// Seekable reports whether SeekFrame is cheap anywhere; if not, it
	// costs decoding up to the frame sought.
	Seekable() bool
	Close() error
}

// Rates the decoders accept.
const (
	minRate = 8000
	maxRate = 192000
)

// openDecoder opens the file at path with the decoder its extension names.
func openDecoder(path string) (decoder, error) {
	// Opened without waiting, as a regular file only: a named pipe, or a
	// link in a music folder to one, would block a plain open for ever.
	f, err := safefile.OpenRegular(path)
	if err != nil {
		return nil, pathError(err)
	}
	var d decoder
	switch strings.ToLower(filepath.Ext(path)) {
	case ".mp3":
		d, err = newMP3(f)
	case ".flac":
		d, err = newFLAC(f)
	case ".wav":
		d, err = newWAV(f)
	default:
		err = fmt.Errorf("not a music file; use %s", extensionList())
	}
	if err == nil {
		err = checkFormat(d)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// checkFormat refuses rates and channel counts the bed does not play.
func checkFormat(d decoder) error {
	switch {
	case d.Rate() < minRate || d.Rate() > maxRate:
		return fmt.Errorf("sample rate %d Hz; want %d to %d Hz", d.Rate(), minRate, maxRate)
	case d.Channels() < 1 || d.Channels() > 2:
		return fmt.Errorf("%d channels; want mono or stereo", d.Channels())
	}
	return nil
}

// readFull reads from d until l is full or the file ends; it returns io.EOF
// only with no frames.
func readFull(d decoder, l, r []float32) (int, error) {
	n := 0
	for n < len(l) {
		k, err := d.Read(l[n:], r[n:])
		n += k
		if errors.Is(err, io.EOF) {
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// bufSeeker is a buffered io.ReadSeeker over a file: decoders read a few
// bytes at a time.
type bufSeeker struct {
	f    *os.File
	buf  []byte
	r, w int   // unread bytes are buf[r:w]
	pos  int64 // the file offset of buf[w]
}

func newBufSeeker(f *os.File) *bufSeeker { return &bufSeeker{f: f, buf: make([]byte, 64<<10)} }

func (b *bufSeeker) Read(p []byte) (int, error) {
	if b.r == b.w {
		n, err := b.f.Read(b.buf)
		b.r, b.w = 0, n
		b.pos += int64(n)
		if n == 0 {
			return 0, err
		}
	}
	n := copy(p, b.buf[b.r:b.w])
	b.r += n
	return n, nil
}

func (b *bufSeeker) Seek(offset int64, whence int) (int64, error) {
	cur := b.pos - int64(b.w-b.r)
	switch whence {
	case io.SeekCurrent:
		offset += cur
	case io.SeekEnd:
		info, err := b.f.Stat()
		if err != nil {
			return 0, err
		}
		offset += info.Size()
	}
	if lo := b.pos - int64(b.w); offset >= lo && offset <= b.pos { // inside the buffer
		b.r = int(offset - lo)
		return offset, nil
	}
	n, err := b.f.Seek(offset, io.SeekStart)
	b.r, b.w, b.pos = 0, 0, n
	return n, err
}

func (b *bufSeeker) Close() error { return b.f.Close() }

// recovered turns a panic in a decoder library into an error: a damaged
// file must fail its decoding, not the program.
func recovered(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("the decoder failed: %v", p)
	}
}
