package decode

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/floorcoach/floorcoach/audio"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/wav"
	gomp3 "github.com/hajimehoshi/go-mp3"
)

// Limits on one clip, so that a wrong file fails instead of eating memory.
const (
	maxClipBytes   = 64 << 20
	maxClipSeconds = 600
)

// A File is a clip's file opened for decoding.
type File struct {
	rate   int
	skip   int64 // frames before the sound: an MP3's encoder and decoder delay
	frames int64 // frames of sound after them, at rate
	src    monoReader
}

// A monoReader reads a file's frames, mixed down to mono. It returns io.EOF
// after the last one.
type monoReader interface {
	readMono(p []float32) (int, error)
}

// Open reads the header of a clip's file, named name, and checks that
// it holds a sound of reasonable length.
func Open(data []byte, name string) (*File, error) {
	var f *File
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".mp3":
		f, err = openMP3(data)
	case ".wav":
		f, err = openWAV(data)
	default:
		err = errors.New("not an .mp3 or .wav file")
	}
	switch {
	case err != nil:
	case f.rate < 1000 || f.rate > 384000:
		err = fmt.Errorf("sample rate %d Hz", f.rate)
	case f.frames <= 0:
		err = errors.New("no audio")
	case f.frames > maxClipSeconds*int64(f.rate):
		err = fmt.Errorf("longer than %d seconds", maxClipSeconds)
	}
	if err != nil {
		return nil, fmt.Errorf("audio: decode clip %q: %w", name, err)
	}
	return f, nil
}

func openWAV(data []byte) (*File, error) {
	s, format, err := wav.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return &File{rate: int(format.SampleRate), frames: int64(s.Len()), src: &beepMono{s: s}}, nil
}

// openMP3 opens an MP3 with go-mp3, which neither removes the delays at
// the start (see mp3Gap) nor the padding at the end, nor recognizes the
// frame that holds the LAME tag: it plays it as a frame of silence.
func openMP3(data []byte) (*File, error) {
	d, err := gomp3.NewDecoder(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("mp3: %w", err)
	}
	skip, pad := mp3Gap(data)
	return &File{rate: d.SampleRate(), skip: skip, frames: d.Length()/4 - skip - pad, src: &mp3Mono{d: d}}, nil
}

// Samples reads the sound of the file at its rate: f.frames frames after
// the f.skip it drops, with silence after the end of a file cut short.
func (f *File) Samples() ([]float32, error) {
	const chunk = 4096
	out := make([]float32, f.frames)
	skip := make([]float32, min(f.skip, chunk))
	for left := f.skip; left > 0; {
		n, err := f.src.readMono(skip[:min(left, chunk)])
		left -= int64(n)
		if err == io.EOF || (err == nil && n == 0) {
			return out, nil
		} else if err != nil {
			return nil, err
		}
	}
	for i := 0; i < len(out); {
		n, err := f.src.readMono(out[i:min(i+chunk, len(out))])
		i += n
		if err == io.EOF || (err == nil && n == 0) {
			clear(out[i:])
			break
		} else if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mp3Mono reads go-mp3's output: 16-bit stereo, little-endian.
type mp3Mono struct {
	d   *gomp3.Decoder
	buf []byte
}

func (m *mp3Mono) readMono(p []float32) (int, error) {
	if len(m.buf) < 4*len(p) {
		m.buf = make([]byte, 4*len(p))
	}
	n, err := io.ReadFull(m.d, m.buf[:4*len(p)])
	b := m.buf[:n&^3]
	for i := range len(b) / 4 {
		l := int16(binary.LittleEndian.Uint16(b[4*i:]))
		r := int16(binary.LittleEndian.Uint16(b[4*i+2:]))
		p[i] = float32(int32(l)+int32(r)) / (2 << 15) // exact: 17 bits
	}
	if err == io.ErrUnexpectedEOF {
		err = io.EOF
	}
	return len(b) / 4, err
}

// beepMono reads a beep stream, averaging its two channels.
type beepMono struct {
	s   beep.Streamer
	buf [][2]float64
}

func (m *beepMono) readMono(p []float32) (int, error) {
	if len(m.buf) < len(p) {
		m.buf = make([][2]float64, len(p))
	}
	n, ok := m.s.Stream(m.buf[:len(p)])
	for i, f := range m.buf[:n] {
		p[i] = float32((f[0] + f[1]) / 2)
	}
	if !ok {
		if err := m.s.Err(); err != nil {
			return n, err
		}
		return n, io.EOF
	}
	return n, nil
}

// ReadFile reads a whole file that must not be larger than limit.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("larger than %d MiB", limit>>20)
	}
	return data, err
}

// ResampledLen is the length in frames at audio.SampleRate of n frames at rate.
func ResampledLen(n int64, rate int) int64 {
	return (n*audio.SampleRate + int64(rate) - 1) / int64(rate)
}
