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
	f      *os.File
	s      *flac.Stream
	frame  *frame.Frame // the frame being read
	at     int          // the next sample of it to read
	scale  float32
	length int64
	ended  bool // sought to the end
}

func newFLAC(f *os.File) (*flacDecoder, error) {
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
	return &flacDecoder{f: f, s: s, scale: 1 / float32(int64(1)<<(info.BitsPerSample-1)), length: int64(info.NSamples)}, nil
}

func (d *flacDecoder) Rate() int     { return int(d.s.Info.SampleRate) }
func (d *flacDecoder) Channels() int { return int(d.s.Info.NChannels) }
func (d *flacDecoder) Len() int64    { return d.length }
func (d *flacDecoder) Close() error  { return d.f.Close() }

func (d *flacDecoder) Read(l, r []float32) (int, error) {
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
	n := min(len(l), len(left), len(right))
	for i := range n {
		l[i] = float32(left[i]) * d.scale
		r[i] = float32(right[i]) * d.scale
	}
	d.at += n
	return n, nil
}

func (d *flacDecoder) SeekFrame(frame int64) error {
	d.frame, d.at, d.ended = nil, 0, frame >= d.length
	if d.ended {
		return nil
	}
	start, err := d.seekBefore(frame)
	if err != nil {
		return err
	}
	l, r := make([]float32, 4096), make([]float32, 4096)
	for skip := frame - int64(start); skip > 0; {
		n, err := d.Read(l[:min(skip, 4096)], r[:min(skip, 4096)])
		if err != nil {
			return err
		}
		skip -= int64(n)
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
