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
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/safefile"

	gomp3 "github.com/hajimehoshi/go-mp3"
)

// The limits on one clip, checked from its header and its frames before
// anything is decoded: a wrong or hostile file fails, it does not eat
// memory. A clip is one spoken line; two minutes decode to 21 MB at the
// player's rate, and decoding never holds more than that and the file.
const (
	maxClipBytes  = 32 << 20        // bytes of a clip's file
	MaxClipLength = 2 * time.Minute // of sound in one clip
	MinClipRate   = 1000            // Hz
	MaxClipRate   = 192000          // Hz
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

// Open reads the header of a clip's file, named name, checks every size
// and count in it against the file and the limits on a clip, and returns
// the file ready to decode. A file it opens decodes without error or
// crash, whatever its bytes.
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
	if err == nil {
		err = checkSize(f.rate, f.frames)
	}
	if err != nil {
		return nil, fmt.Errorf("audio: decode clip %q: %w", name, err)
	}
	return f, nil
}

// checkSize checks a clip's rate and its frames of sound at that rate.
func checkSize(rate int, frames int64) error {
	switch {
	case rate < MinClipRate || rate > MaxClipRate:
		return fmt.Errorf("sample rate %d Hz (want %d to %d)", rate, MinClipRate, MaxClipRate)
	case frames <= 0:
		return errors.New("no audio")
	case frames > int64(MaxClipLength.Seconds())*int64(rate):
		return fmt.Errorf("longer than %s (a clip is one spoken line)", minutes(MaxClipLength))
	}
	return nil
}

// minutes writes a whole number of minutes: "2 minutes".
func minutes(d time.Duration) string {
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}

func openWAV(data []byte) (*File, error) {
	format, sound, err := parseWAV(data)
	if err != nil {
		return nil, err
	}
	return &File{rate: format.rate, frames: int64(len(sound) / format.blockAlign()),
		src: &wavMono{f: format, data: sound}}, nil
}

// openMP3 checks an MP3 (see checkMP3), then opens it with go-mp3, which
// neither removes the delays at the start (see mp3Gap) nor the padding at
// the end, nor recognizes the frame that holds the LAME tag: it plays it
// as a frame of silence.
func openMP3(data []byte) (*File, error) {
	rate, frames, err := checkMP3(data)
	if err != nil {
		return nil, fmt.Errorf("mp3: %w", err)
	}
	skip, pad := mp3Gap(data)
	if err := checkSize(rate, frames-skip-pad); err != nil {
		return nil, err
	}
	d, err := gomp3.NewDecoder(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("mp3: %w", err)
	}
	if d.SampleRate() != rate || d.Length()/4 != frames {
		return nil, fmt.Errorf("mp3: go-mp3 finds %d frames at %d Hz where there are %d at %d Hz", d.Length()/4, d.SampleRate(), frames, rate)
	}
	return &File{rate: rate, skip: skip, frames: frames - skip - pad, src: &mp3Mono{d: d}}, nil
}

// Samples reads the sound of the file at its rate: f.frames frames after
// the f.skip it drops, with silence after the end of a file cut short.
func (f *File) Samples() ([]float32, error) {
	return f.Decode(f.rate)
}

// Decode reads the sound of the file at the rate to, streaming it through
// the resampler: ResampledLen frames when to is audio.SampleRate. It holds
// no more than its result and a few blocks of the file's frames.
func (f *File) Decode(to int) ([]float32, error) {
	const chunk = 4096
	var out sink = &copier{out: make([]float32, 0, f.frames)}
	if to != f.rate {
		out = newResampler(f.rate, to, f.frames)
	}
	buf := make([]float32, min(max(f.frames, f.skip), chunk))
	for left := f.skip; left > 0; {
		n, err := f.src.readMono(buf[:min(left, chunk)])
		left -= int64(n)
		if err == io.EOF || (err == nil && n == 0) {
			return silence(out, buf, f.frames), nil // a file cut short before its sound
		} else if err != nil {
			return nil, err
		}
	}
	for left := f.frames; left > 0; {
		n, err := f.src.readMono(buf[:min(left, chunk)])
		out.write(buf[:n])
		left -= int64(n)
		if err == io.EOF || (err == nil && n == 0) {
			return silence(out, buf, left), nil // a file cut short
		} else if err != nil {
			return nil, err
		}
	}
	return out.finish(), nil
}

// A sink takes the frames Decode reads, and gives them back at its rate.
type sink interface {
	write([]float32)
	finish() []float32
}

// silence writes n frames of silence to sink, through buf, and finishes it.
func silence(out sink, buf []float32, n int64) []float32 {
	clear(buf)
	for ; n > 0; n -= int64(len(buf)) {
		out.write(buf[:min(n, int64(len(buf)))])
	}
	return out.finish()
}

// copier is the sink of Decode at the file's own rate.
type copier struct{ out []float32 }

func (c *copier) write(x []float32) { c.out = append(c.out, x...) }
func (c *copier) finish() []float32 { return c.out }

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

// ReadFile reads a whole regular file that must not be larger than limit.
// A named pipe, a device or a folder is an error: it is found from the
// file's information before it is opened (an open could wait for ever),
// and checked again once it is.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if info, err := fs.Stat(fsys, name); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s)", safefile.ErrNotRegular, safefile.Kind(info.Mode()))}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: safefile.ErrNotRegular}
	}
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
