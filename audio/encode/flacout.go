package encode

import (
	"bufio"
	"fmt"
	"io"
)

// flacOut buffers the encoder's many small writes to w. When w is a
// file that can seek, it seeks too, so that mewkiz/flac can go back and
// fill in STREAMINFO; on a pipe it does not offer to. It keeps w's first
// error, which mewkiz/flac would return wrapped beyond errors.Is.
type flacOut struct {
	w     io.Writer
	buf   *bufio.Writer
	ws    io.WriteSeeker // nil unless w can seek
	start int64          // w's offset when encoding began
	werr  error          // the first error from w
}

func newFLACOut(w io.Writer) *flacOut {
	o := &flacOut{w: formatWriter{w, FLAC}}
	o.buf = bufio.NewWriterSize(flacSink{o}, 1<<16)
	if ws, ok := w.(io.WriteSeeker); ok {
		if at, err := ws.Seek(0, io.SeekCurrent); err == nil {
			o.ws, o.start = ws, at
		}
	}
	return o
}

// writer returns what the encoder should write to. It never offers Close,
// which mewkiz/flac would call on w.
func (o *flacOut) writer() io.Writer {
	if o.ws != nil {
		return flacSeeker{o}
	}
	return o.buf
}

// err returns an error from the encoder as one of ours: w's own error if
// that was the cause.
func (o *flacOut) err(err error) error {
	if o.werr != nil {
		return o.werr
	}
	return fmt.Errorf("audio: encode flac: %w", err)
}

// tell flushes the buffer and returns the offset of the end of the output,
// or -1 if w cannot seek.
func (o *flacOut) tell() (int64, error) {
	if err := o.buf.Flush(); err != nil {
		return 0, o.err(err)
	}
	if o.ws == nil {
		return -1, nil
	}
	at, err := o.ws.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, fmt.Errorf("audio: write flac: %w", err)
	}
	return at, nil
}

// finish flushes the buffer and leaves a seekable w at end. Before that
// it mends STREAMINFO's minimum block size: mewkiz/flac counts the last
// block in it, which the format leaves out.
func (o *flacOut) finish(end int64) error {
	if err := o.buf.Flush(); err != nil {
		return o.err(err)
	}
	if o.ws == nil {
		return nil
	}
	const minBlockAt = 8 // "fLaC", the block header, then the minimum
	_, err := o.ws.Seek(o.start+minBlockAt, io.SeekStart)
	if err == nil {
		_, err = o.ws.Write([]byte{flacBlockFrames >> 8, flacBlockFrames & 0xFF})
	}
	if err == nil {
		_, err = o.ws.Seek(end, io.SeekStart)
	}
	if err != nil {
		return fmt.Errorf("audio: write flac: %w", err)
	}
	return nil
}

// flacSink writes to w, keeping its first error.
type flacSink struct{ o *flacOut }

func (s flacSink) Write(p []byte) (int, error) {
	n, err := s.o.w.Write(p)
	if err != nil && s.o.werr == nil {
		s.o.werr = err
	}
	return n, err
}

// flacSeeker writes through the buffer and seeks w, with offsets from
// where encoding began.
type flacSeeker struct{ o *flacOut }

func (s flacSeeker) Write(p []byte) (int, error) { return s.o.buf.Write(p) }

func (s flacSeeker) Seek(offset int64, whence int) (int64, error) {
	if err := s.o.buf.Flush(); err != nil {
		return 0, err
	}
	if whence == io.SeekStart {
		offset += s.o.start
	}
	at, err := s.o.ws.Seek(offset, whence)
	return at - s.o.start, err
}
