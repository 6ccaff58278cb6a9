package encode

import (
	"bufio"
	"crypto/md5"
	"fmt"
	"io"
)

// flacOut buffers the encoder's writes to w, and keeps w's first error.
// When w is a file that can seek, finish goes back to put the MD5 of the
// samples in STREAMINFO; on a pipe it stays unset (zero), which the
// format allows.
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

// write writes p through the buffer.
func (o *flacOut) write(p []byte) error {
	if _, err := o.buf.Write(p); err != nil {
		return o.err(err)
	}
	return nil
}

// err returns w's own error if that was the cause of err.
func (o *flacOut) err(err error) error {
	if o.werr != nil {
		return o.werr
	}
	return fmt.Errorf("audio: write flac: %w", err)
}

// flacMD5At is the MD5's offset in the stream: after "fLaC", STREAMINFO's
// block header, and the 18 bytes of its fields before the MD5.
const flacMD5At = 4 + 4 + 18

// finish flushes the buffer and, on a seekable w, writes sum into
// STREAMINFO and leaves w at the end of the stream.
func (o *flacOut) finish(sum [md5.Size]byte) error {
	if err := o.buf.Flush(); err != nil {
		return o.err(err)
	}
	if o.ws == nil {
		return nil
	}
	end, err := o.ws.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = o.ws.Seek(o.start+flacMD5At, io.SeekStart)
	}
	if err == nil {
		_, err = o.ws.Write(sum[:])
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
