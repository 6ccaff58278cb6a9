package music

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/mewkiz/flac"
	"github.com/mewkiz/flac/frame"
)

// flacDecoder decodes FLAC with mewkiz/flac, a frame at a time.
type flacDecoder struct {
	f       *os.File
	s       *flac.Stream
	frame   *frame.Frame // the frame being read
	at      int          // the next sample of it to read
	pos     int64        // the next frame Read gives
	scale   float32
	length  int64
	ended   bool // sought to the end
	indexed bool // the file has a seek table
}

func newFLAC(f *os.File) (d *flacDecoder, err error) {
	defer recovered(&err)
	indexed, err := hasSeekTable(f)
	if err != nil {
		return nil, fmt.Errorf("not a FLAC file that can be read: %w", err)
	}
	s, err := flac.NewSeek(f)
	if err != nil {
		return nil, fmt.Errorf("not a FLAC file that can be read: %w", err)
	}
	info := s.Info
	switch {
	case info.NSamples == 0:
		return nil, errors.New("FLAC without its length in its header; re-encode it with flac")
	case info.BitsPerSample < 4 || info.BitsPerSample > 32:
		return nil, fmt.Errorf("%d bits per sample; want 4 to 32", info.BitsPerSample)
	}
	return &flacDecoder{f: f, s: s, scale: 1 / float32(int64(1)<<(info.BitsPerSample-1)),
		length: int64(info.NSamples), indexed: indexed}, nil
}

// maxFLACMeta bounds the metadata before a FLAC file's audio, which
// mewkiz/flac reads into memory: pictures of the album, mostly.
const maxFLACMeta = 16 << 20

// hasSeekTable reads the metadata block headers of a FLAC file, refuses
// more metadata than maxFLACMeta, and reports whether a block is a seek
// table, leaving the file at its start.
func hasSeekTable(f *os.File) (bool, error) {
	defer f.Seek(0, io.SeekStart)
	var head [4]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || string(head[:]) != "fLaC" {
		return false, errors.New("no fLaC signature")
	}
	seekTable, total := false, int64(0)
	for range 1024 { // a FLAC file has a few blocks; a thousand is garbage
		if _, err := io.ReadFull(f, head[:]); err != nil {
			return false, errors.New("cut off in its metadata")
		}
		seekTable = seekTable || head[0]&0x7f == 3
		size := int64(head[1])<<16 | int64(head[2])<<8 | int64(head[3])
		if total += size; total > maxFLACMeta {
			return false, fmt.Errorf("more than %d MB of metadata (pictures?) before the sound", maxFLACMeta>>20)
		}
		if head[0]&0x80 != 0 { // the last block
			return seekTable, nil
		}
		if _, err := f.Seek(size, io.SeekCurrent); err != nil {
			return false, err
		}
	}
	return false, errors.New("more than 1024 metadata blocks")
}

// Seekable reports whether the file can be sought without decoding it
// all: mewkiz/flac seeks with the file's seek table, and without one
// decodes the whole file first to make one.
func (d *flacDecoder) Seekable() bool { return d.indexed }

func (d *flacDecoder) Rate() int     { return int(d.s.Info.SampleRate) }
func (d *flacDecoder) Channels() int { return int(d.s.Info.NChannels) }
func (d *flacDecoder) Len() int64    { return d.length }
func (d *flacDecoder) Close() error  { return d.f.Close() }

func (d *flacDecoder) Read(l, r []float32) (n int, err error) {
	defer recovered(&err)
	if d.ended {
		return 0, io.EOF
	}
	for d.frame == nil || d.at >= len(d.frame.Subframes[0].Samples) {
		fr, err := d.s.ParseNext()
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return 0, io.EOF
			}
			return 0, err
		}
		if len(fr.Subframes) != d.Channels() {
			return 0, fmt.Errorf("a frame of %d channels in a stream of %d", len(fr.Subframes), d.Channels())
		}
		d.frame, d.at = fr, 0
	}
	left := d.frame.Subframes[0].Samples[d.at:]
	right := d.frame.Subframes[len(d.frame.Subframes)-1].Samples[d.at:]
	n = min(len(l), len(left), len(right))
	for i := range n {
		l[i] = float32(left[i]) * d.scale
		r[i] = float32(right[i]) * d.scale
	}
	d.at += n
	d.pos += int64(n)
	return n, nil
}

func (d *flacDecoder) SeekFrame(frame int64) (err error) {
	defer recovered(&err)
	if !d.indexed && frame >= d.pos && !d.ended { // ahead, in a file with no seek table: decode up to it
		return d.skip(frame - d.pos)
	}
	d.frame, d.at, d.ended = nil, 0, frame >= d.length
	if d.ended {
		d.pos = d.length
		return nil
	}
	start, err := d.seekBefore(frame)
	if err != nil {
		return err
	}
	d.pos = start
	return d.skip(frame - start)
}

// skip reads and drops n frames.
func (d *flacDecoder) skip(n int64) error {
	l, r := make([]float32, 4096), make([]float32, 4096)
	for n > 0 {
		k, err := d.Read(l[:min(n, 4096)], r[:min(n, 4096)])
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		n -= int64(k)
	}
	return nil
}

// seekBefore seeks to the frame holding sample frame, or to an earlier one,
// and returns its first sample. mewkiz/flac v1.0.14 fails to seek into the
// last frames of some files (those whose seek table does not reach them):
// then it goes to an earlier point and leaves the rest to be decoded.
func (d *flacDecoder) seekBefore(frame int64) (int64, error) {
	var err error
	for _, back := range []int64{0, 1 << 14, 1 << 16, frame} {
		var start uint64
		if start, err = d.s.Seek(uint64(max(frame-back, 0))); err == nil {
			return int64(start), nil
		}
	}
	return 0, err
}
