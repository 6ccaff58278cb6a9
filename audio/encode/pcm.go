package encode

import (
	"errors"
	"fmt"
	"io"

	"github.com/floorcoach/floorcoach/audio"
)

// pcmReader reads whole frames from a audio.Source and holds it to its Len: a
// source that ends early or runs on is an error, not a shorter file.
type pcmReader struct {
	src  audio.Source
	left int64 // frames still to read
	eof  bool  // src already returned io.EOF
}

func newPCMReader(src audio.Source) *pcmReader {
	return &pcmReader{src: src, left: src.Len()}
}

// maxIdleReads is how many (0, nil) reads in a row count as a stuck source.
const maxIdleReads = 100

// read fills p (interleaved stereo) with the next frames, up to len(p)/2 or
// as many as are left, and returns the number of frames. It returns 0 and
// no error once all Len frames have been read and the source has ended.
func (r *pcmReader) read(p []int16) (int, error) {
	want := min(int64(len(p)/audio.Channels), r.left) * audio.Channels
	n, idle := 0, 0
	for n < int(want) {
		if r.eof {
			return 0, r.short(n)
		}
		m, err := r.src.Read(p[n:want])
		n += m
		switch {
		case errors.Is(err, io.EOF):
			r.eof = true
		case err != nil:
			return 0, fmt.Errorf("audio: read source: %w", err)
		case m == 0:
			if idle++; idle > maxIdleReads {
				return 0, fmt.Errorf("audio: read source: %w", io.ErrNoProgress)
			}
		}
	}
	r.left -= want / audio.Channels
	if r.left == 0 {
		return int(want / audio.Channels), r.end()
	}
	return int(want / audio.Channels), nil
}

// short reports a source that ended before its Len.
func (r *pcmReader) short(n int) error {
	at := r.src.Len() - r.left + int64(n/audio.Channels)
	return fmt.Errorf("audio: read source: ended at frame %d of %d", at, r.src.Len())
}

// end checks that the source has nothing after its last frame.
func (r *pcmReader) end() error {
	if r.eof {
		return nil
	}
	var extra [audio.Channels]int16
	n, err := r.src.Read(extra[:])
	if n > 0 {
		return fmt.Errorf("audio: read source: more than its Len of %d frames", r.src.Len())
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("audio: read source: %w", err)
	}
	r.eof = true
	return nil
}

// putPCM writes p as little-endian 16-bit samples into b, which must hold
// 2*len(p) bytes, and returns the bytes written.
func putPCM(b []byte, p []int16) []byte {
	b = b[:2*len(p)]
	for i, v := range p {
		b[2*i] = byte(v)
		b[2*i+1] = byte(uint16(v) >> 8)
	}
	return b
}

// formatWriter wraps every error of w as "audio: write <format>: ...".
type formatWriter struct {
	w      io.Writer
	format Format
}

func (fw formatWriter) Write(p []byte) (int, error) {
	n, err := fw.w.Write(p)
	if err != nil {
		return n, fmt.Errorf("audio: write %s: %w", fw.format, err)
	}
	return n, nil
}
